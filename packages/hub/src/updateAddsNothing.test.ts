import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateAddsNothing } from './updateAddsNothing.js';

/** Runs `change` on `doc` and returns the update it produced. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  change();
  doc.off('update', record);
  return Y.mergeUpdates(updates);
}

function replicaOf(source: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(source));
  return replica;
}

describe('updateAddsNothing', () => {
  it('is true for an update the doc already has', () => {
    const tablet = new Y.Doc();
    const update = updateOf(tablet, () => tablet.getMap('entries').set('a', 1));
    const hub = replicaOf(tablet);
    expect(updateAddsNothing(hub, update)).toBe(true);
  });

  it('is true for a read-only peer’s sync reply holding the whole doc', () => {
    const hub = new Y.Doc();
    hub.getMap('meta').set('name', 'Riverside');
    hub.getText('notes').insert(0, 'hello world');
    hub.getText('notes').delete(0, 6);
    const scoreboard = replicaOf(hub);
    expect(updateAddsNothing(hub, Y.encodeStateAsUpdate(scoreboard))).toBe(true);
  });

  it('is true for an empty update', () => {
    expect(updateAddsNothing(new Y.Doc(), Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
  });

  it('is false for a new struct', () => {
    const tablet = new Y.Doc();
    tablet.getMap('entries').set('a', 1);
    const hub = replicaOf(tablet);
    const update = updateOf(tablet, () => tablet.getMap('entries').set('b', 2));
    expect(updateAddsNothing(hub, update)).toBe(false);
    expect(updateAddsNothing(new Y.Doc(), update)).toBe(false);
  });

  it('is false for a new struct bundled with ones the doc already has', () => {
    const tablet = new Y.Doc();
    tablet.getMap('entries').set('a', 1);
    const hub = replicaOf(tablet);
    tablet.getMap('entries').set('b', 2);
    expect(updateAddsNothing(hub, Y.encodeStateAsUpdate(tablet))).toBe(false);
  });

  it('is true for a deletion already applied, false for a new one', () => {
    const organiser = new Y.Doc();
    organiser.getText('notes').insert(0, 'abcdef');
    const hub = replicaOf(organiser);
    const deletion = updateOf(organiser, () => organiser.getText('notes').delete(1, 2));
    expect(updateAddsNothing(hub, deletion)).toBe(false);

    Y.applyUpdate(hub, deletion);
    expect(hub.getText('notes').toString()).toBe('adef');
    expect(updateAddsNothing(hub, deletion)).toBe(true);
  });

  it('is false for a deletion only partly applied', () => {
    const organiser = new Y.Doc();
    organiser.getText('notes').insert(0, 'abcdef');
    const hub = replicaOf(organiser);
    Y.applyUpdate(
      hub,
      updateOf(organiser, () => organiser.getText('notes').delete(0, 2)),
    );
    organiser.getText('notes').delete(0, 2);
    // The organiser's delete set now covers a–d; the hub has deleted only a–b.
    expect(updateAddsNothing(hub, Y.encodeStateAsUpdate(organiser))).toBe(false);
  });

  it('is false for overwriting a map key, which deletes the old value', () => {
    const organiser = new Y.Doc();
    organiser.getMap('meta').set('name', 'Riverside');
    const hub = replicaOf(organiser);
    const rename = updateOf(organiser, () => organiser.getMap('meta').set('name', 'hacked'));
    expect(updateAddsNothing(hub, rename)).toBe(false);
  });

  it('sees a deletion the moment the hub has it, also right after being asked', () => {
    const hub = new Y.Doc();
    hub.getMap('standings').set('T1', 1);
    hub.getMap('standings').set('T2', 1);
    const tablet = replicaOf(hub);
    const dropT1 = updateOf(tablet, () => tablet.getMap('standings').delete('T1'));
    const dropT2 = updateOf(tablet, () => tablet.getMap('standings').delete('T2'));
    expect(updateAddsNothing(hub, dropT1)).toBe(false);
    Y.applyUpdate(hub, dropT1);
    expect(updateAddsNothing(hub, dropT1)).toBe(true);
    expect(updateAddsNothing(hub, dropT2)).toBe(false);
    Y.applyUpdate(hub, dropT2);
    expect(updateAddsNothing(hub, dropT2)).toBe(true);
  });
});
