import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlMaps } from './controlDoc.js';
import {
  NOTICE_MAX_LENGTH,
  checkNoticeText,
  noticesFor,
  readNotices,
  sendNotice,
  withdrawNotice,
} from './notices.js';

describe('notices', () => {
  it('reaches exactly the readers it was sent to', () => {
    const doc = new Y.Doc();
    sendNotice(doc, { to: { judgeId: 'J1' }, text: 'Come to room 2', by: 'Organiser', at: 1 });
    sendNotice(doc, { to: 'judges', text: 'Lunch at 12:30', by: 'Head judge', at: 2 });
    sendNotice(doc, { to: 'scoreboards', text: 'Awards at 4 pm', by: 'Organiser', at: 3 });
    const all = readNotices(doc);
    const texts = (reader: Parameters<typeof noticesFor>[1]) =>
      noticesFor(all, reader).map((n) => n.text);
    expect(texts({ kind: 'judge', judgeId: 'J1' })).toEqual(['Come to room 2', 'Lunch at 12:30']);
    expect(texts({ kind: 'judge', judgeId: 'J2' })).toEqual(['Lunch at 12:30']);
    expect(texts({ kind: 'scoreboard' })).toEqual(['Awards at 4 pm']);
  });

  it('refuses an empty or over-long notice with what to fix, storing nothing', () => {
    const doc = new Y.Doc();
    expect(sendNotice(doc, { to: 'judges', text: '   ', by: 'Organiser' })).toEqual({
      ok: false,
      problem: 'Write the notice first.',
    });
    const long = sendNotice(doc, {
      to: 'judges',
      text: 'x'.repeat(NOTICE_MAX_LENGTH + 1),
      by: 'Organiser',
    });
    expect(long.ok).toBe(false);
    expect(!long.ok && long.problem).toContain(`at most ${NOTICE_MAX_LENGTH}`);
    expect(sendNotice(doc, { to: { judgeId: '' }, text: 'hi', by: 'Organiser' }).ok).toBe(false);
    expect(controlMaps(doc).notices.size).toBe(0);
    expect(checkNoticeText('  Hello  ')).toEqual({ ok: true, text: 'Hello' });
  });

  it('a device that was away gets the notice when it syncs, and a withdrawn one goes away', () => {
    const organiser = new Y.Doc();
    const tablet = new Y.Doc();
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(organiser));
    const sent = sendNotice(organiser, { to: 'judges', text: 'Break', by: 'Organiser' });
    expect(readNotices(tablet)).toEqual([]);
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(organiser, Y.encodeStateVector(tablet)));
    expect(readNotices(tablet).map((n) => n.text)).toEqual(['Break']);
    expect(sent.ok && withdrawNotice(organiser, sent.notice.id)).toBe(true);
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(organiser, Y.encodeStateVector(tablet)));
    expect(readNotices(tablet)).toEqual([]);
  });

  it('never shows a malformed entry', () => {
    const doc = new Y.Doc();
    const notices = controlMaps(doc).notices;
    notices.set('a', { id: 'a', to: 'everyone', text: 'x', by: 'o', at: 1 });
    notices.set('b', { id: 'other', to: 'judges', text: 'x', by: 'o', at: 1 });
    notices.set('c', {
      id: 'c',
      to: 'judges',
      text: 'y'.repeat(NOTICE_MAX_LENGTH + 1),
      by: 'o',
      at: 1,
    });
    notices.set('d', 'hello');
    notices.set('e', { id: 'e', to: 'judges', text: 'fine', by: 'o', at: 5 });
    expect(readNotices(doc).map((n) => n.id)).toEqual(['e']);
  });
});
