import * as Y from 'yjs';
import { headJudgeAuthor, isHeadJudgeAuthor, isSheetEntry, sheetEntries } from '@judgehub/model';
import type { Principal } from './access.js';
import { deletesOnlyWhatIsDeleted } from './updateAddsNothing.js';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Which authors a writer may put on the entries it adds to a sheet. */
export interface SheetAuthorRule {
  accepts(author: string): boolean;
  /** For the refusal: what the author should have been. */
  expected: string;
}

/**
 * A judge writes entries as itself; a head judge writes corrections marked as such
 * (`headJudgeAuthor`), naming itself when its token names it. Nobody else writes sheets.
 */
export function sheetAuthorRule(principal: Principal, sheetJudgeId: string): SheetAuthorRule {
  const { role, judgeId } = principal;
  if (role === 'judge' && judgeId === sheetJudgeId)
    return { accepts: (author) => author === judgeId, expected: `"${judgeId}"` };
  if (role === 'head-judge') {
    if (judgeId) {
      const own = headJudgeAuthor(judgeId);
      return { accepts: (author) => author === own, expected: `"${own}"` };
    }
    return { accepts: isHeadJudgeAuthor, expected: `"${headJudgeAuthor('<id>')}"` };
  }
  return { accepts: () => false, expected: 'no entries at all' };
}

/**
 * Why a peer's update to a sheet is refused, or null to accept it. Reads the decoded update
 * against the hub's copy and never applies it. Only what is new to the hub counts (Yjs drops
 * structs the hub already has), and each new struct must be a score entry exactly as
 * `commitField` writes one: one value, under a key the sheet has never had (entries are never
 * overwritten), keyed by its own id, by an author the rule accepts, from a Yjs client that has
 * not written anyone else's entries (which would let it shadow that writer's later changes).
 * Nothing the hub holds may be deleted. Content-free structs (GC, Skip) are harmless.
 */
export function sheetUpdateRefusal(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  rule: SheetAuthorRule,
): string | null {
  const entries = sheetEntries(doc);
  const entriesKey = Y.findRootTypeKey(entries);
  const added = new Set<string>();
  const clientsChecked = new Set<number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    if (clock + struct.length <= Y.getState(doc.store, client)) continue;
    if (!clientsChecked.has(client)) {
      clientsChecked.add(client);
      const owner = authorOfClient(doc, client);
      if (owner !== null && !rule.accepts(owner))
        return `Yjs client ${client} writes entries of "${cut(owner)}", not of this device`;
    }
    if (struct instanceof Y.GC) continue;
    if (!(struct instanceof Y.Item)) return 'not a score entry';
    const parent: unknown = struct.parent;
    const key = struct.parentSub;
    if (parent !== entriesKey || key === null || struct.origin || struct.rightOrigin)
      return 'a score sheet holds only score entries, each under a new key';
    if (entries._map.has(key) || added.has(key))
      return `entry ${cut(key)} exists already: entries are never overwritten`;
    added.add(key);
    const { content } = struct;
    const entry: unknown = content instanceof Y.ContentAny ? content.arr[0] : undefined;
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || !isSheetEntry(entry))
      return `entry ${cut(key)} is not a score entry`;
    if (entry.id !== key) return `entry ${cut(key)} is stored under another id`;
    if (!rule.accepts(entry.author))
      return `entry ${cut(key)} is authored "${cut(entry.author)}"; this device writes as ${rule.expected}`;
  }
  if (!deletesOnlyWhatIsDeleted(doc, decoded.ds)) return 'score entries are never deleted';
  return null;
}

/** The author of the latest entry a Yjs client wrote in this sheet, if it wrote any. */
function authorOfClient(doc: Y.Doc, client: number): string | null {
  const structs = doc.store.clients.get(client) ?? [];
  for (let i = structs.length - 1; i >= 0; i--) {
    const struct = structs[i];
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny) {
      const value: unknown = struct.content.arr[0];
      if (isSheetEntry(value)) return value.author;
    }
  }
  return null;
}

const cut = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
