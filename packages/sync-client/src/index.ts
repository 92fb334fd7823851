export {
  DocSync,
  type DocSyncOptions,
  type DocSyncStatus,
  type ConnectionState,
} from './DocSync.js';
export { reconnectDelay } from './backoff.js';
export { OfflineReplica } from './OfflineReplica.js';
