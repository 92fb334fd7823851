import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTROL_DOC, noticesFor, readNotices, sendNotice } from '@judgehub/model';
import { TestHubs, tokenFor } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

describe('notices through the control document', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('the organiser and head judge send; judges and scoreboards read only theirs and cannot send', async () => {
    const testHub = await hubs.start();
    const open = async (token: string) => {
      const doc = new Y.Doc();
      const provider = await hubs.connectSynced(testHub, CONTROL_DOC, token, doc);
      return { doc, provider };
    };
    const organiser = await open(tokenFor(testHub, 'organiser'));
    const head = await open(tokenFor(testHub, 'head-judge'));
    const j1 = await open(tokenFor(testHub, 'judge', 'J1'));
    const j2 = await open(tokenFor(testHub, 'judge', 'J2'));
    const board = await open(tokenFor(testHub, 'scoreboard'));

    sendNotice(organiser.doc, { to: { judgeId: 'J1' }, text: 'Amara, to room 2', by: 'Organiser' });
    sendNotice(head.doc, { to: 'scoreboards', text: 'Awards at 4 pm', by: 'Head judge' });
    await waitFor(
      () => [j1, j2, board].every((r) => readNotices(r.doc).length === 2),
      5_000,
      'both notices everywhere',
    );
    const texts = (doc: Y.Doc, reader: Parameters<typeof noticesFor>[1]) =>
      noticesFor(readNotices(doc), reader).map((n) => n.text);
    expect(texts(j1.doc, { kind: 'judge', judgeId: 'J1' })).toEqual(['Amara, to room 2']);
    expect(texts(j2.doc, { kind: 'judge', judgeId: 'J2' })).toEqual([]);
    expect(texts(board.doc, { kind: 'scoreboard' })).toEqual(['Awards at 4 pm']);

    // A judge's notice is refused by the hub: it never reaches anyone else.
    sendNotice(j2.doc, { to: 'judges', text: 'Fake notice', by: 'Ben' });
    sendNotice(organiser.doc, { to: 'judges', text: 'Lunch at 12:30', by: 'Organiser' });
    await waitFor(() => readNotices(j1.doc).length === 3, 5_000, 'the organiser’s next notice');
    expect(readNotices(j1.doc).map((n) => n.text)).not.toContain('Fake notice');
    // Two notices sent in the same millisecond have no order between them: compare as a set.
    expect(
      readNotices(testHub.hub.registry.get(CONTROL_DOC).doc)
        .map((n) => n.text)
        .sort(),
    ).toEqual(['Amara, to room 2', 'Awards at 4 pm', 'Lunch at 12:30']);
    expect(
      testHub.log.records.some(
        (r) =>
          r.event === 'write.refused' && String(r['reason']).includes('may not change control'),
      ),
    ).toBe(true);
  });
});
