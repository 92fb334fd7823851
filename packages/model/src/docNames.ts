/** The documents a hub holds, and their names on the wire (`/sync/<docName>`). */
export type DocName =
  | { kind: 'event' }
  | { kind: 'results' }
  | { kind: 'display' }
  | { kind: 'control' }
  | { kind: 'sheets'; judgeId: string };

const JUDGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const EVENT_DOC = 'event';
export const RESULTS_DOC = 'results';
/** What every scoreboard screen shows (mode, frozen standings, awards reveal): displayDoc.ts. */
export const DISPLAY_DOC = 'display';
/** How the day runs (rounds, locks, notices, results release): controlDoc.ts. */
export const CONTROL_DOC = 'control';
export const sheetsDocName = (judgeId: string): string => `sheets/${judgeId}`;

/** Parses a document name; `null` for anything that is not one of ours. */
export function parseDocName(name: string): DocName | null {
  if (name === EVENT_DOC) return { kind: 'event' };
  if (name === RESULTS_DOC) return { kind: 'results' };
  if (name === DISPLAY_DOC) return { kind: 'display' };
  if (name === CONTROL_DOC) return { kind: 'control' };
  if (name.startsWith('sheets/')) {
    const judgeId = name.slice('sheets/'.length);
    if (JUDGE_ID.test(judgeId)) return { kind: 'sheets', judgeId };
  }
  return null;
}

export function formatDocName(doc: DocName): string {
  return doc.kind === 'sheets' ? sheetsDocName(doc.judgeId) : doc.kind;
}
