export * from './HubStore.js';
export { SCHEMA_VERSION } from './schema.js';
export type { AuditEntry, LogRow, Snapshot } from './compaction.js';
