import * as Y from 'yjs';
import type { DecodedUpdate } from './sheetWriteCheck.js';

/**
 * How far each Yjs client's changes reach in what the hub holds or has accepted for storing (an
 * accepted update waits a tick for its SQLite commit before it is applied). An update that starts
 * beyond this for some client depends on changes the hub does not have: Yjs would keep it aside
 * as pending, forever if those changes never come, and send it to every device that syncs. So
 * such an update is not stored at all; an honest device sends it again, with what it depends on,
 * at its next sync (its durable ack never covered it).
 */
export class AcceptedFrontier {
  private readonly accepted = new Map<number, number>();

  constructor(private readonly doc: Y.Doc) {}

  /** The first clock of `client` the hub has neither applied nor accepted. */
  clock(client: number): number {
    const live = Y.getState(this.doc.store, client);
    const accepted = this.accepted.get(client);
    if (accepted === undefined) return live;
    if (accepted <= live) {
      // Applied since: forget it, so the map holds only what waits for a commit.
      this.accepted.delete(client);
      return live;
    }
    return accepted;
  }

  /** Why `update` depends on changes the hub does not have, or null when it does not. */
  gap(update: DecodedUpdate): string | null {
    const reached = new Map<number, number>();
    const reach = (client: number) => reached.get(client) ?? this.clock(client);
    for (const struct of update.structs) {
      if (struct instanceof Y.Skip) continue;
      const { client, clock } = struct.id;
      const from = reach(client);
      if (clock > from)
        return `Yjs client ${client} continues at clock ${clock}, the hub has ${from}`;
      reached.set(client, Math.max(from, clock + struct.length));
    }
    for (const [client, ranges] of update.ds.clients) {
      for (const range of ranges) {
        if (range.clock + range.len > reach(client))
          return `deletes changes of Yjs client ${client} the hub does not have`;
      }
    }
    return null;
  }

  /** Records an update handed over for storing. */
  accept(update: DecodedUpdate): void {
    for (const struct of update.structs) {
      if (struct instanceof Y.Skip) continue;
      const { client, clock } = struct.id;
      const end = clock + struct.length;
      if (end > this.clock(client)) this.accepted.set(client, end);
    }
  }
}
