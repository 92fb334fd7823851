export { startHub, DEFAULT_MAX_PAYLOAD, type HubOptions, type RunningHub } from './Hub.js';
export { setUpEvent, accessLinks, type AccessLink, type SetUpResult } from './eventSetup.js';
export { DocRegistry, HUB_ORIGIN } from './DocRegistry.js';
export { rightsFor, auditOrigin, type Principal, type DocRights } from './access.js';

export { createLogger, createMemoryLogger, type Logger, type LogRecord } from './logger.js';
export { issueToken } from './tokens.js';
