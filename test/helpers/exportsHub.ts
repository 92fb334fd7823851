import * as Y from 'yjs';
import {
  CONTROL_DOC,
  EVENT_DOC,
  commitField,
  criterionField,
  readEvent,
  readLocks,
  writeLock,
  type JudgingEvent,
} from '@judgehub/model';
import { TempFolders, importFixture } from './cliProcess.js';
import { ScoringDevice } from './scoringDevice.js';
import { scoreSlots } from './scoreSlots.js';
import { TestHubs, tokenFor, type TestHub } from './testHubs.js';
import { waitFor } from './waitFor.js';

export interface ScoredHub {
  testHub: TestHub;
  event: JudgingEvent;
  organiser: string;
  /** J3's tablet, connected, after it changed and submitted a sheet. */
  tablet: ScoringDevice;
}

/**
 * A real hub on a real SQLite folder with scores from both routes the day has: the event file
 * `good/full-with-sheets.json` imported with the CLI (formula-looking names, a negative penalty,
 * `Zoë`, a multi-line comment), then judge J3 on a tablet (a real sync client over a socket)
 * scoring Pitch for T1, changing a value (7 → 8) and submitting.
 */
export async function startScoredHub(
  hubs: TestHubs,
  temp: TempFolders,
  options: { compactAfter?: number } = {},
): Promise<ScoredHub> {
  const dataDir = temp.missing();
  await importFixture(dataDir);
  const testHub = await hubs.start({
    dataDir,
    withDemoEvent: false,
    compactAfter: options.compactAfter,
  });
  const event = readEvent(testHub.hub.registry.get(EVENT_DOC).doc);
  const tablet = new ScoringDevice({
    judgeId: 'J3',
    device: 'J3-tablet-a',
    token: tokenFor(testHub, 'judge', 'J3'),
    serverUrl: testHub.syncUrl,
    slots: scoreSlots(event, 'J3'),
  });
  hubs.onCleanup(() => tablet.destroy());
  tablet.connect();
  await waitFor(() => tablet.sync?.status.synced === true, 5_000, 'J3 tablet synced');
  const commit = (field: Parameters<typeof commitField>[1]['field'], value: number | string) =>
    commitField(tablet.doc, {
      teamId: 'T1',
      categoryId: 'pitch',
      field,
      value,
      author: 'J3',
      device: 'J3-tablet-a',
    });
  commit(criterionField('clarity'), 7);
  commit(criterionField('clarity'), 8);
  commit('comment', 'Loud and clear.\nSlides: =SUM(A1:A3) looked odd.');
  commit('status', 'submitted');
  await waitFor(() => tablet.notDurable().length === 0, 5_000, 'J3 values saved on the hub');
  return { testHub, event, organiser: tokenFor(testHub, 'organiser'), tablet };
}

/** An export fetched over HTTP as the organiser's page does: bytes and headers. */
export async function fetchExport(
  testHub: TestHub,
  token: string | null,
  kind: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${testHub.hub.url}/api/export/${kind}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The organiser locks a category from a stock client on the control document, as the review page does. */
export async function lockCategory(
  hubs: TestHubs,
  testHub: TestHub,
  organiser: string,
  categoryId: string,
): Promise<void> {
  const doc = new Y.Doc();
  await hubs.connectSynced(testHub, CONTROL_DOC, organiser, doc);
  writeLock(doc, { kind: 'lock', categoryId, by: 'organiser', device: 'organiser-laptop' });
  await waitFor(
    () => readLocks(testHub.hub.registry.get(CONTROL_DOC).doc).scope(categoryId).locked,
    5_000,
    `${categoryId} locked on the hub`,
  );
}
