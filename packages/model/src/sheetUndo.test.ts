import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitField, criterionField, readSheets, sheetKey, type SheetField } from './sheetDoc.js';
import { headJudgeAuthor } from './sheetAuthor.js';
import { planUndo, undoLastChange } from './sheetUndo.js';

const base = { teamId: 'T01', categoryId: 'design', device: 'tablet-a' };
const MECH = criterionField('mech');
const CODE = criterionField('code');
let clock = 1_000;
const commit = (doc: Y.Doc, field: SheetField, value: number | string | null, author = 'J1') =>
  commitField(doc, { ...base, field, value, author, at: clock++ });
const undo = (doc: Y.Doc, onlyAuthor?: string) =>
  undoLastChange(
    doc,
    { ...base, author: onlyAuthor ?? headJudgeAuthor('HJ'), at: clock++ },
    { onlyAuthor },
  );
const sheet = (doc: Y.Doc) => readSheets(doc).get(sheetKey('T01', 'design'))!;

describe('undo of the last change on a sheet', () => {
  it('puts back the value before, then the one before that, across fields', () => {
    const doc = new Y.Doc();
    commit(doc, MECH, 3);
    commit(doc, MECH, 7);
    commit(doc, CODE, 4);
    expect(undo(doc, 'J1')).toMatchObject({ ok: true, plan: { field: CODE, from: 4, to: null } });
    expect(sheet(doc).values.get('code')?.value).toBeNull();
    expect(undo(doc, 'J1')).toMatchObject({ ok: true, plan: { field: MECH, from: 7, to: 3 } });
    expect(sheet(doc).values.get('mech')?.value).toBe(3);
    expect(undo(doc, 'J1')).toMatchObject({ ok: true, plan: { field: MECH, to: null } });
    expect(undo(doc, 'J1')).toEqual({ ok: false, reason: 'Nothing to undo on this sheet.' });
  });

  it('undoes a new value committed after an undo, back to what was shown before it', () => {
    const doc = new Y.Doc();
    commit(doc, MECH, 3);
    commit(doc, MECH, 7);
    undo(doc, 'J1');
    commit(doc, MECH, 9);
    undo(doc, 'J1');
    expect(sheet(doc).values.get('mech')?.value).toBe(3);
  });

  it("takes back a head judge's correction for the head judge, never for the judge", () => {
    const doc = new Y.Doc();
    commit(doc, MECH, 3);
    commit(doc, MECH, 8, headJudgeAuthor('HJ'));
    const refused = planUndo(doc, 'T01', 'design', { onlyAuthor: 'J1' });
    expect(refused.ok).toBe(false);
    expect(sheet(doc).values.get('mech')?.value).toBe(8);
    const done = undo(doc);
    expect(done.ok && done.entry?.author).toBe(headJudgeAuthor('HJ'));
    expect(sheet(doc).values.get('mech')?.value).toBe(3);
  });

  it('resolves a conflict when it lands: the undo builds on every head', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    commit(a, MECH, 3);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    commit(a, MECH, 5);
    commit(b, MECH, 9);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(sheet(a).values.get('mech')?.conflicts).toHaveLength(1);
    undo(a);
    const state = sheet(a).values.get('mech')!;
    expect(state.conflicts).toHaveLength(0);
    expect(state.value).toBe(3);
  });
});
