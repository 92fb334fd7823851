export { startHub, DEFAULT_MAX_PAYLOAD, type HubOptions, type RunningHub } from './Hub.js';
export {
  setUpEvent,
  accessLinks,
  ensureOrganiserToken,
  type AccessLink,
  type SetUpResult,
} from './eventSetup.js';
export { DocRegistry, HUB_ORIGIN } from './DocRegistry.js';
export { rightsFor, auditOrigin, type Principal, type DocRights } from './access.js';
export {
  DEFAULT_CONNECTION_LIMITS,
  type ConnectionLimits,
  type RateLimit,
} from './connectionLimits.js';
export type { HubTls } from './hubServer.js';
export { readTlsFiles } from './tlsFiles.js';

export { createLogger, createMemoryLogger, type Logger, type LogRecord } from './logger.js';
export { issueToken } from './tokens.js';

// For hosts that run the hub in a process of their own (the desktop app's hub process).
export { acquireLock, describeHolder, type LockHolder } from './commands/hubLock.js';
export { advertiseRunningHub, type HubAdvertising } from './hubAdvertising.js';
export { lanAddress } from './lanAddress.js';
export { limitHeapGrowth, HEAP_GROWING_PERCENT } from './heapGrowth.js';
