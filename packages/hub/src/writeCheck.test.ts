import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { integrationFailure } from './writeCheck.js';

/**
 * A Yjs update (v1) that decodes but cannot integrate: one item whose origin is a later clock of
 * its own client, which Yjs looks up without checking and fails on.
 */
function updateThatDoesNotIntegrate(client = 777): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // clients
  encoding.writeVarUint(e, 1); // structs of this client
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0); // first clock
  encoding.writeUint8(e, 8 | 0x80); // ContentAny, has an origin
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 5);
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, 'x');
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

describe('integrationFailure', () => {
  it('accepts an update that integrates, and leaves the live document alone', () => {
    const live = new Y.Doc();
    live.getMap('meta').set('name', 'Regional final');
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(live));
    let update: Uint8Array | null = null;
    editor.on('update', (u: Uint8Array) => (update = u));
    editor.getMap('meta').set('name', 'Riverside final');
    const before = Y.encodeStateAsUpdate(live);
    expect(integrationFailure(live, update!)).toBeNull();
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
  });

  it('names an update that decodes but does not integrate', () => {
    const update = updateThatDoesNotIntegrate();
    expect(() => Y.decodeUpdate(update)).not.toThrow();
    const live = new Y.Doc();
    live.getMap('meta').set('name', 'Regional final');
    expect(integrationFailure(live, update)).toMatch(/does not integrate/);
    expect(live.getMap('meta').toJSON()).toEqual({ name: 'Regional final' });
  });
});
