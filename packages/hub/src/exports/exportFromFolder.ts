import { checkHubFolder, openHubFolder } from '../commands/hubData.js';
import { shellPath } from '../commands/command.js';
import { buildExport, type ExportFile, type ExportKind } from './exportKinds.js';
import { snapshotHub } from './hubSnapshot.js';
import { noProgress } from './progress.js';

export type FolderExport = { ok: true; file: ExportFile } | { ok: false; message: string };

/**
 * Builds an export from a data folder (the CLI's `judgehub export`), with the same code the hub
 * serves over HTTP. Reads only; safe while a hub serves the folder (SQLite's WAL).
 */
export async function exportFromFolder(dataDir: string, kind: ExportKind): Promise<FolderExport> {
  const missing = checkHubFolder(dataDir);
  if (missing) return { ok: false, message: missing };
  const opened = openHubFolder(dataDir);
  if (!opened.ok) return opened;
  const { store, registry } = opened;
  try {
    const snap = snapshotHub(registry);
    if (!snap.ok)
      return {
        ok: false,
        message: `${dataDir} has no event yet. Import one with \`judgehub import EVENT.json --data ${shellPath(dataDir)}\`.`,
      };
    return {
      ok: true,
      file: await buildExport(kind, { snapshot: snap.snapshot, store }, noProgress),
    };
  } finally {
    registry.close();
    store.close();
  }
}
