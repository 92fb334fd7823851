import * as Y from 'yjs';
import { readSheets, sheetEntries, sheetsDocName } from '@judgehub/model';
import type { DeviceReport } from './tabletProcess.js';

const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');

/** Every device's values are saved on the hub, and all replicas of each sheet are equal. */
export function allSavedAndEqual(reports: DeviceReport[]): boolean {
  if (reports.some((r) => r.notDurable.length > 0 || !r.synced)) return false;
  const byJudge = new Map<string, string>();
  for (const r of reports) {
    const sv = stateVector(r.doc);
    if ((byJudge.get(r.judgeId) ?? sv) !== sv) return false;
    byJudge.set(r.judgeId, sv);
  }
  return true;
}

/**
 * Differences between what the devices show and what the hub stored, as readable lines (empty
 * when none): a committed value missing on the hub, a replica that differs from the hub's.
 */
export function differencesFromHub(reports: DeviceReport[], stored: Map<string, Y.Doc>): string[] {
  const problems: string[] = [];
  for (const r of reports) {
    const hubDoc = stored.get(sheetsDocName(r.judgeId));
    if (!hubDoc) {
      problems.push(`${r.device}: the hub has no ${sheetsDocName(r.judgeId)}`);
      continue;
    }
    const onHub = sheetEntries(hubDoc);
    const missing = r.committed.filter((c) => !onHub.has(c.id));
    if (missing.length > 0)
      problems.push(`${r.device}: ${missing.length} committed values missing on the hub`);
    if (stateVector(r.doc) !== stateVector(hubDoc))
      problems.push(`${r.device}: replica's state vector differs from the hub's`);
    if (JSON.stringify(sheetsView(r.doc)) !== JSON.stringify(sheetsView(hubDoc)))
      problems.push(`${r.device}: score sheets differ from the hub's`);
  }
  return problems;
}

/** The score sheets as plain sorted data, for comparing replicas. */
export function sheetsView(doc: Y.Doc): unknown {
  return [...readSheets(doc)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, sheet]) => ({
      key,
      status: sheet.status,
      values: [...sheet.values]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([criterion, state]) => ({
          criterion,
          value: state.value,
          entry: state.entry.id,
          conflicts: state.conflicts.map((e) => e.id),
        })),
    }));
}
