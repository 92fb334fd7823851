import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitField, criterionField, headJudgeAuthor, sheetEntries } from '@judgehub/model';
import type { Principal } from './access.js';
import { sheetAuthorRule, sheetUpdateRefusal } from './sheetWriteCheck.js';

const judgeJ1: Principal = { role: 'judge', judgeId: 'J1', label: 'Amara Okafor' };
const headJudge: Principal = { role: 'head-judge', judgeId: null, label: 'Head judge' };
const organiser: Principal = { role: 'organiser', judgeId: null, label: 'Organiser' };

/** The hub's copy of sheets/J1 and a device in sync with it. */
function hubAndDevice() {
  const hub = new Y.Doc();
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(hub));
  return { hub, device };
}

/** The update a change on `device` produces, as the device would send it. */
function updateOf(device: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  const listener = (u: Uint8Array) => (update = u);
  device.on('update', listener);
  change();
  device.off('update', listener);
  if (!update) throw new Error('the change produced no update');
  return update;
}

let nextValue = 0;
/** Commits a value the field has not had, so every call makes an entry. */
const commit = (doc: Y.Doc, author: string, value = ++nextValue) =>
  commitField(doc, {
    teamId: 'T01',
    categoryId: 'robot',
    field: criterionField('mechanical'),
    value,
    author,
    device: 'tablet-a',
  })!;

function refusal(hub: Y.Doc, update: Uint8Array, principal: Principal) {
  return sheetUpdateRefusal(hub, Y.decodeUpdate(update), sheetAuthorRule(principal, 'J1'));
}

describe('a writer’s update to a score sheet', () => {
  it('is accepted when every new entry carries the writer’s identity', () => {
    const { hub, device } = hubAndDevice();
    expect(
      refusal(
        hub,
        updateOf(device, () => commit(device, 'J1')),
        judgeJ1,
      ),
    ).toBeNull();
    const head = new Y.Doc();
    const correction = updateOf(head, () => commit(head, headJudgeAuthor('H1')));
    expect(refusal(hub, correction, headJudge)).toBeNull();
  });

  it('is refused when an entry is authored as someone else', () => {
    const { hub, device } = hubAndDevice();
    expect(
      refusal(
        hub,
        updateOf(device, () => commit(device, 'J2')),
        judgeJ1,
      ),
    ).toMatch(/authored "J2"; this device writes as "J1"/);
    expect(
      refusal(
        hub,
        updateOf(device, () => commit(device, 'head:H1')),
        judgeJ1,
      ),
    ).toMatch(/authored "head:H1"/);
    expect(
      refusal(
        hub,
        updateOf(device, () => commit(device, 'J1')),
        headJudge,
      ),
    ).toMatch(/this device writes as "head:<id>"/);
    expect(
      refusal(
        hub,
        updateOf(device, () => commit(device, 'J1')),
        organiser,
      ),
    ).not.toBeNull();
  });

  it('names the head judge when the head judge’s token names one', () => {
    const { hub, device } = hubAndDevice();
    const named: Principal = { ...headJudge, judgeId: 'H1' };
    expect(
      refusal(
        hub,
        updateOf(device, () => commit(device, 'head:H1')),
        named,
      ),
    ).toBeNull();
    expect(
      refusal(
        hub,
        updateOf(device, () => commit(device, 'head:H2')),
        named,
      ),
    ).toMatch(/writes as "head:H1"/);
  });

  it('ignores what the hub already has, so a device may re-send others’ entries it holds', () => {
    const { hub, device } = hubAndDevice();
    const head = new Y.Doc();
    commit(head, headJudgeAuthor('H1'));
    Y.applyUpdate(hub, Y.encodeStateAsUpdate(head));
    Y.applyUpdate(device, Y.encodeStateAsUpdate(hub));
    commit(device, 'J1', 8);
    // A stock client's full state, the head judge's correction included.
    expect(refusal(hub, Y.encodeStateAsUpdate(device), judgeJ1)).toBeNull();
  });

  it('is refused when it overwrites or deletes an entry the hub has', () => {
    const { hub, device } = hubAndDevice();
    const entry = commit(device, 'J1');
    Y.applyUpdate(hub, Y.encodeStateAsUpdate(device));
    const overwrite = updateOf(device, () =>
      sheetEntries(device).set(entry.id, { ...entry, value: 1 }),
    );
    expect(refusal(hub, overwrite, judgeJ1)).toMatch(/only score entries, each under a new key/);

    // The same key from a client that never saw the entry: no origin, but the key is taken.
    const stranger = new Y.Doc();
    const sameKey = updateOf(stranger, () =>
      sheetEntries(stranger).set(entry.id, { ...entry, value: 1 }),
    );
    expect(refusal(hub, sameKey, judgeJ1)).toMatch(/exists already/);

    const deletion = updateOf(device, () => sheetEntries(device).delete(entry.id));
    expect(refusal(hub, deletion, judgeJ1)).toBe('score entries are never deleted');
  });

  it('is refused when it writes anything but a score entry in the entries map', () => {
    const { hub, device } = hubAndDevice();
    const entry = { ...commit(new Y.Doc(), 'J1') };
    const cases: [string, () => void, RegExp][] = [
      ['another root map', () => device.getMap('meta').set('name', 'x'), /only score entries/],
      ['a text', () => device.getText('notes').insert(0, 'hi'), /only score entries/],
      [
        'a non-entry value',
        () => sheetEntries(device).set('k1', { value: 3 } as never),
        /not a score entry/,
      ],
      [
        'an entry under another id',
        () => sheetEntries(device).set('k2', entry),
        /stored under another id/,
      ],
      [
        'a nested type',
        () => (sheetEntries(device) as unknown as Y.Map<unknown>).set('k3', new Y.Map()),
        /not a score entry/,
      ],
    ];
    for (const [name, change, expected] of cases)
      expect(refusal(hub, updateOf(device, change), judgeJ1), name).toMatch(expected);
  });

  it('is refused when it writes with a Yjs client id another writer uses', () => {
    const { hub } = hubAndDevice();
    const head = new Y.Doc();
    commit(head, headJudgeAuthor('H1'));
    Y.applyUpdate(hub, Y.encodeStateAsUpdate(head));
    // A judge continuing the head judge's client: its clocks would hide the head judge's next
    // correction (Yjs takes a known client and clock as already seen).
    // (Set after loading: Yjs itself moves an honest doc off a client id it sees in use.)
    const impostor = new Y.Doc();
    Y.applyUpdate(impostor, Y.encodeStateAsUpdate(hub));
    impostor.clientID = head.clientID;
    const update = updateOf(impostor, () => commit(impostor, 'J1'));
    expect(refusal(hub, update, judgeJ1)).toMatch(/writes entries of "head:H1"/);
  });
});
