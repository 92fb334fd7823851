/**
 * How a long export reports how far it is: called after each unit of work (a category, a team,
 * a document) with the units done and the total. It also gives the hub's event loop a turn, so
 * scoring goes on while an export is built.
 */
export type ExportProgress = (done: number, total: number) => Promise<void>;

export const noProgress: ExportProgress = () => Promise.resolve();

/** Lets the hub serve sockets between units of export work. */
export const yieldToHub = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
