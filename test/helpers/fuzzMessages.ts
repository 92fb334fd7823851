import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { MessageType, commitField, criterionField, eventMaps, sheetEntries } from '@judgehub/model';
import { syncStep1Message, syncUpdateMessage } from './protocolClient.js';
import type { ScoreSlot } from './scoreSlots.js';
import type { SeededRandom } from './seededRandom.js';

/** What a fuzzing connection is, so it can forge what such a device might plausibly send. */
export interface FuzzIdentity {
  /** The author its own score entries carry (`J1`, `head:H1`); null for non-judges. */
  author: string | null;
  /** Criteria it can put entries on. */
  slots: ScoreSlot[];
}

/** The message kinds the fuzzer draws from, with their weights. */
export const FUZZ_KINDS = [
  ['random bytes', 8],
  ['unknown message type', 6],
  ['bad varint length', 6],
  ['truncated update', 8],
  ['mutated valid update', 16],
  ['own valid entry', 10],
  ['entry authored by someone else', 6],
  ['event-shaped update', 5],
  ['deletion', 3],
  ['update that does not integrate', 3],
  ['awareness garbage', 8],
  ['valid awareness', 4],
  ['oversized awareness', 1],
  ['sync step 1', 5],
  ['heartbeat or query', 6],
  ['padded control message', 2],
  ['text frame', 2],
  ['huge payload', 0.25],
  /** Many valid sync step 1 or heartbeats at once (the caller repeats the message). */
  ['burst', 0.5],
] as const satisfies readonly (readonly [string, number])[];

export type FuzzKind = (typeof FUZZ_KINDS)[number][0];

const TOTAL_WEIGHT = FUZZ_KINDS.reduce((sum, [, weight]) => sum + weight, 0);

export function pickKind(random: SeededRandom): FuzzKind {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const [kind, weight] of FUZZ_KINDS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return FUZZ_KINDS[0][0];
}

/**
 * Builds protocol messages, valid, invalid and in between, from a seeded PRNG. Yjs picks its own
 * client ids with Math.random, so the bytes are not replayable exactly; the sequence of kinds,
 * lengths, positions and values is.
 */
export class FuzzMessages {
  private counter = 0;
  /** One buffer for every huge payload: allocating 8 MiB per message would dominate the run. */
  private huge: Uint8Array | null = null;

  constructor(
    private readonly random: SeededRandom,
    /** The hub's whole-frame cap, to send payloads just under and just over it. */
    private readonly maxPayloadBytes: number,
    /** The awareness cap, likewise. */
    private readonly maxAwarenessBytes: number,
  ) {}

  /** A message of `kind` from a device that is `who`. */
  make(kind: FuzzKind, who: FuzzIdentity): Uint8Array | string {
    const r = this.random;
    switch (kind) {
      case 'random bytes':
        return this.bytes(r.int(0, 64));
      case 'unknown message type': {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, r.pick([4, 5, 50, 99, 103, 104, 200, 2 ** 20, 2 ** 31]));
        encoding.writeUint8Array(e, this.bytes(r.int(0, 16)));
        return encoding.toUint8Array(e);
      }
      case 'bad varint length': {
        // A sync or awareness message whose length prefix claims more than follows, or a
        // varint that never ends.
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, r.pick([MessageType.Sync, MessageType.Awareness]));
        if (r.chance(0.5)) encoding.writeVarUint(e, r.int(0, 2));
        if (r.chance(0.5)) encoding.writeVarUint(e, r.int(1_000, 2 ** 32));
        else for (let i = 0; i < r.int(1, 12); i++) encoding.writeUint8(e, 0x80 | r.int(0, 127));
        encoding.writeUint8Array(e, this.bytes(r.int(0, 8)));
        return encoding.toUint8Array(e);
      }
      case 'truncated update': {
        const message = syncUpdateMessage(this.entryUpdate(who, this.ownAuthor(who)));
        return message.slice(0, r.int(1, message.byteLength - 1));
      }
      case 'mutated valid update': {
        const update = r.chance(0.7)
          ? this.entryUpdate(who, this.ownAuthor(who))
          : this.eventUpdate();
        const mutated = update.slice();
        for (let i = 0; i < r.int(1, 4); i++) {
          mutated[r.int(0, mutated.byteLength - 1)] = r.int(0, 255);
        }
        return syncUpdateMessage(
          r.chance(0.2) ? mutated.slice(0, r.int(1, mutated.length)) : mutated,
        );
      }
      case 'own valid entry':
        return syncUpdateMessage(this.entryUpdate(who, this.ownAuthor(who)));
      case 'entry authored by someone else':
        return syncUpdateMessage(
          this.entryUpdate(who, r.pick(['J2', 'J3', 'J1', 'head:H1', 'organiser', ''])),
        );
      case 'event-shaped update':
        return syncUpdateMessage(this.eventUpdate());
      case 'deletion': {
        // A delete set naming clocks of random clients: whatever they hit must not be deleted.
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 0); // no structs
        encoding.writeVarUint(e, 1); // one client in the delete set
        encoding.writeVarUint(e, r.int(0, 2 ** 32 - 1));
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, r.int(0, 50));
        encoding.writeVarUint(e, r.int(1, 50));
        return syncUpdateMessage(encoding.toUint8Array(e));
      }
      case 'update that does not integrate':
        return syncUpdateMessage(updateThatDoesNotIntegrate(r.int(1, 2 ** 31)));
      case 'awareness garbage': {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.Awareness);
        encoding.writeVarUint8Array(
          e,
          r.chance(0.5)
            ? this.bytes(r.int(0, 40))
            : this.awarenessUpdate(this.bytesAsText(r.int(0, 40))),
        );
        return encoding.toUint8Array(e);
      }
      case 'valid awareness': {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.Awareness);
        encoding.writeVarUint8Array(
          e,
          this.awarenessUpdate(JSON.stringify({ user: { name: `fuzz-${this.counter++}` } })),
        );
        return encoding.toUint8Array(e);
      }
      case 'oversized awareness': {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.Awareness);
        const size = this.maxAwarenessBytes + r.int(-16, 1_024);
        encoding.writeVarUint8Array(
          e,
          this.awarenessUpdate(JSON.stringify({ pad: 'x'.repeat(Math.max(0, size)) })),
        );
        return encoding.toUint8Array(e);
      }
      case 'sync step 1': {
        if (r.chance(0.5)) return syncStep1Message(new Y.Doc());
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.Sync);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, this.bytes(r.int(0, 32)));
        return encoding.toUint8Array(e);
      }
      case 'burst':
        return r.chance(0.5)
          ? syncStep1Message(new Y.Doc())
          : new Uint8Array([MessageType.Heartbeat]);
      case 'heartbeat or query':
        return new Uint8Array([r.pick([MessageType.Heartbeat, MessageType.QueryAwareness])]);
      case 'padded control message': {
        const message = new Uint8Array(r.int(2, 200));
        message[0] = r.pick([MessageType.Heartbeat, MessageType.QueryAwareness, MessageType.Auth]);
        return message;
      }
      case 'text frame':
        return this.bytesAsText(r.int(0, 64));
      case 'huge payload': {
        // Just under or just over the whole-frame cap: framed as a sync update of garbage.
        this.huge ??= new Uint8Array(this.maxPayloadBytes + 64).fill(0x41);
        const size = this.maxPayloadBytes + r.pick([-64, -1, 0, 1, 64]);
        const header = (length: number) => {
          const e = encoding.createEncoder();
          encoding.writeVarUint(e, MessageType.Sync);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint(e, length);
          return encoding.toUint8Array(e);
        };
        // The length prefix covers the rest of the frame, so the hub decodes all of it.
        const prefix = header(size - header(size).byteLength);
        const message = this.huge.subarray(0, size);
        message.fill(0x41, 0, 8);
        message.set(prefix);
        return message;
      }
    }
  }

  private ownAuthor(who: FuzzIdentity): string {
    return who.author ?? 'J1';
  }

  /** A score entry made on a fresh replica (so it depends on nothing), as a Yjs update. */
  private entryUpdate(who: FuzzIdentity, author: string): Uint8Array {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const slot = this.random.pick(who.slots);
    commitField(doc, {
      teamId: slot.teamId,
      categoryId: slot.categoryId,
      field: criterionField(slot.criterionId),
      value: this.random.pick(slot.values),
      author,
      device: 'fuzz',
    });
    if (this.random.chance(0.1)) sheetEntries(doc).delete([...sheetEntries(doc).keys()][0]!);
    doc.destroy();
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  /** An organiser-like change to the event's meta map, made on a fresh replica. */
  private eventUpdate(): Uint8Array {
    const doc = new Y.Doc();
    eventMaps(doc).meta.set(`fuzz-${this.counter++}`, this.random.int(0, 1_000));
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  }

  private awarenessUpdate(state: string): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, this.random.int(0, 2 ** 31));
    encoding.writeVarUint(e, this.random.int(0, 100));
    encoding.writeVarString(e, state);
    return encoding.toUint8Array(e);
  }

  private bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.random.int(0, 255);
    return out;
  }

  private bytesAsText(n: number): string {
    return String.fromCharCode(...Array.from({ length: n }, () => this.random.int(32, 0x24ff)));
  }
}

/**
 * A Yjs update (v1) that decodes but cannot integrate: an item whose origin is a later clock of
 * its own client, which Yjs looks up without checking and fails on.
 */
export function updateThatDoesNotIntegrate(client: number): Uint8Array {
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
