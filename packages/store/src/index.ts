export * from './HubStore.js';
export { SCHEMA_VERSION } from './schema.js';
export { TokenTable } from './TokenTable.js';
export type { AuditEntry, LogRow, Snapshot } from './compaction.js';
export {
  backupDatabase,
  restoreDatabase,
  checkDatabaseFile,
  type BackupResult,
  type RestoreResult,
} from './backup.js';
