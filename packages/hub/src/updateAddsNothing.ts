import * as Y from 'yjs';

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/**
 * Whether applying `update` would leave `doc` unchanged: every struct is already known and every
 * deletion already applied. Used to tell a read-only peer's harmless sync reply from a write.
 */
export function updateAddsNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const missing = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
  if (missing.structs.some((s) => !(s instanceof Y.Skip))) return false;
  return deletesOnlyWhatIsDeleted(doc, missing.ds);
}

/** Whether every deletion in `ds` is already applied in `doc` (so it would change nothing). */
export function deletesOnlyWhatIsDeleted(doc: Y.Doc, ds: DeleteSet): boolean {
  if (ds.clients.size === 0) return true;
  const known = deletionsOf(doc);
  for (const [client, ranges] of ds.clients) {
    const have = known.clients.get(client) ?? [];
    for (const r of ranges) if (!covered(have, r.clock, r.clock + r.len)) return false;
  }
  return true;
}

const deletions = new WeakMap<Y.Doc, DeleteSet>();

/**
 * What `doc` has deleted, worked out once per state of the document: in a reconnect storm every
 * scoreboard's sync answer carries the results document's whole delete set, and walking the
 * document for each was a tenth of the hub's time (docs/PERFORMANCE.md).
 */
function deletionsOf(doc: Y.Doc): DeleteSet {
  let known = deletions.get(doc);
  if (!known) {
    known = Y.createDeleteSetFromStructStore(doc.store);
    deletions.set(doc, known);
    doc.once('afterTransaction', () => deletions.delete(doc));
  }
  return known;
}

/** `have` is sorted and merged (as createDeleteSetFromStructStore returns it). */
function covered(have: { clock: number; len: number }[], from: number, to: number): boolean {
  let at = from;
  for (const h of have) {
    if (h.clock > at) break;
    if (h.clock + h.len > at) at = h.clock + h.len;
    if (at >= to) return true;
  }
  return at >= to;
}
