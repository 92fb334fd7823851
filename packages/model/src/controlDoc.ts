import * as Y from 'yjs';

/**
 * Layout of the `control` document: how the day runs, written by the organiser and the head
 * judge, read by every device. One root map per concern, each owned by its own module, so two
 * people changing different things never clash:
 * - `rounds`: category id → that category's judging round (open, paused, closed; slot timing);
 * - `locks`: immutable lock and unlock entries under fresh random ids (add-only, so concurrent
 *   locks from different devices never undo each other);
 * - `notices`: notice id → a notice to one judge, all judges or the scoreboards;
 * - `release`: whether and when results were released to the teams.
 * Values are plain JSON; readers check them, so a malformed value reads as absent.
 */
export interface ControlMaps {
  rounds: Y.Map<unknown>;
  locks: Y.Map<unknown>;
  notices: Y.Map<unknown>;
  release: Y.Map<unknown>;
}

export function controlMaps(doc: Y.Doc): ControlMaps {
  return {
    rounds: doc.getMap('rounds'),
    locks: doc.getMap('locks'),
    notices: doc.getMap('notices'),
    release: doc.getMap('release'),
  };
}
