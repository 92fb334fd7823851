export * from './HubStore.js';
export { SCHEMA_VERSION } from './schema.js';
