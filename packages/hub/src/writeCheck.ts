import * as Y from 'yjs';
import type { DocName } from '@judgehub/model';
import type { Principal } from './access.js';
import type { DocRoom } from './DocRoom.js';
import { sheetAuthorRule, sheetUpdateRefusal, type DecodedUpdate } from './sheetWriteCheck.js';

/** A writer's update: accepted, refused (like a read-only write), or malformed (closes). */
export type WriteVerdict =
  { ok: true } | { ok: false; failure: 'refused' | 'malformed'; reason: string };

/** Checks one well-formed update from a peer that may write the document. */
export type WriteCheck = (update: Uint8Array, decoded: DecodedUpdate) => WriteVerdict;

const OK: WriteVerdict = { ok: true };

/**
 * What a writer's updates must satisfy beyond the right to write (access.ts). Sheets: every
 * entry carries the writer's identity and nothing is overwritten or deleted (sheetWriteCheck.ts).
 * Other documents (written by the organiser or head judge, small): the update must integrate
 * into a scratch copy, so a damaged one never half-applies to the live document.
 */
export function writeCheckFor(principal: Principal, doc: DocName, room: DocRoom): WriteCheck {
  if (doc.kind === 'sheets') {
    const rule = sheetAuthorRule(principal, doc.judgeId);
    return (_update, decoded) => {
      const reason = sheetUpdateRefusal(room.doc, decoded, rule);
      return reason === null ? OK : { ok: false, failure: 'refused', reason };
    };
  }
  return (update) => {
    const reason = integrationFailure(room.doc, update);
    return reason === null ? OK : { ok: false, failure: 'malformed', reason };
  };
}

/**
 * Why `update` fails to integrate into a copy of `doc`, or null when it does. Costs a copy of
 * the document, so it is used only for the small documents few people write.
 */
export function integrationFailure(doc: Y.Doc, update: Uint8Array): string | null {
  const scratch = new Y.Doc({ gc: doc.gc });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    try {
      Y.applyUpdate(scratch, update);
    } catch (error) {
      return `Yjs update does not integrate (${String(error).slice(0, 60)})`;
    }
    return null;
  } finally {
    scratch.destroy();
  }
}
