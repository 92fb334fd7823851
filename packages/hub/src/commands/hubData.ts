import fs from 'node:fs';
import path from 'node:path';
import {
  EVENT_DOC,
  RESULTS_DOC,
  hasEvent,
  readAcceptedSheets,
  readEvent,
  sheetsDocName,
  type JudgingEvent,
  type ScoreSheet,
} from '@judgehub/model';
import { DATABASE_FILE, HubStore } from '@judgehub/store';
import { DocRegistry } from '../DocRegistry.js';
import { createLogger } from '../logger.js';
import { shellPath } from './command.js';

/** A data folder's event and every judge's sheets, read once, with the folder closed again. */
export interface HubData {
  event: JudgingEvent;
  /** judgeId → that judge's sheets (from `readSheets`). */
  sheetsByJudge: Map<string, Map<string, ScoreSheet>>;
}

export type HubDataResult = { ok: true; data: HubData } | { ok: false; message: string };

/**
 * Reads a data folder without changing it: a missing folder, a folder without a hub database or
 * a hub without an event is a clear message, never a new empty database. Safe while a hub serves
 * the folder (SQLite's WAL lets a reader see everything committed so far).
 */
export function readHubData(dataDir: string): HubDataResult {
  const missing = checkHubFolder(dataDir);
  if (missing) return { ok: false, message: missing };
  const opened = openHubFolder(dataDir);
  if (!opened.ok) return opened;
  const { store, registry } = opened;
  try {
    const eventDoc = registry.get(EVENT_DOC).doc;
    if (!hasEvent(eventDoc))
      return {
        ok: false,
        message: `${dataDir} has no event yet. Import one with \`judgehub import EVENT.json --data ${shellPath(dataDir)}\`.`,
      };
    const event = readEvent(eventDoc);
    // Values the hub held aside after a lock do not count here either (reviewNotAccepted.ts).
    const resultsDoc = registry.get(RESULTS_DOC).doc;
    const sheetsByJudge = new Map(
      event.judges.map((j) => [
        j.id,
        readAcceptedSheets(registry.get(sheetsDocName(j.id)).doc, resultsDoc, j.id),
      ]),
    );
    return { ok: true, data: { event, sheetsByJudge } };
  } finally {
    registry.close();
    store.close();
  }
}

/** Why `dataDir` is not a hub's data folder, or null when it has a hub database. */
export function checkHubFolder(dataDir: string): string | null {
  const stat = fs.statSync(dataDir, { throwIfNoEntry: false });
  if (!stat) return `no data folder at ${dataDir}. Give the hub's folder with --data DIR.`;
  if (!stat.isDirectory()) return `${dataDir} is a file, not a data folder.`;
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE)))
    return `${dataDir} holds no JudgeHub data (no ${DATABASE_FILE}). Give the hub's folder with --data DIR.`;
  return null;
}

export type OpenedHubFolder =
  { ok: true; store: HubStore; registry: DocRegistry } | { ok: false; message: string };

/** Opens (creating if needed) the hub database in `dataDir`; close the registry, then the store. */
export function openHubFolder(dataDir: string): OpenedHubFolder {
  let store: HubStore;
  try {
    store = HubStore.open(dataDir);
  } catch (error) {
    return {
      ok: false,
      message: `cannot open the data in ${dataDir}: ${(error as Error).message}`,
    };
  }
  // The registry logs only failures; on the command line they belong on stderr, as JSON lines.
  const log = createLogger((line) => process.stderr.write(line));
  return { ok: true, store, registry: new DocRegistry(store, log) };
}
