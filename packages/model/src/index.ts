export * from './event.js';
export * from './validateEvent.js';
export * from './docNames.js';
export * from './eventDoc.js';
export * from './sheetDoc.js';
export * from './ranking.js';
export * from './resultsDoc.js';
export * from './demoEvent.js';
