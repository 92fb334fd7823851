import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  commitField,
  criterionField,
  demoEvent,
  readSheets,
  sheetKey,
  sheetsDocName,
} from '@judgehub/model';
import { TestHubs, tokenFor } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const event = demoEvent();
const JUDGE = 'J1';
const assignment = event.assignments.find((a) => a.judgeId === JUDGE)!;
const criterion = event.categories.find((c) => c.id === assignment.categoryId)!.criteria[0]!;
const SHEET = sheetKey(assignment.teamId, assignment.categoryId);

function commitOffline(device: string, value: number): Y.Doc {
  const doc = new Y.Doc();
  commitField(doc, {
    teamId: assignment.teamId,
    categoryId: assignment.categoryId,
    field: criterionField(criterion.id),
    value,
    author: JUDGE,
    device,
  });
  return doc;
}

const fieldOn = (doc: Y.Doc) => readSheets(doc).get(SHEET)?.values.get(criterion.id);

describe('two devices scoring the same criterion while apart', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('keeps both values, with which device gave each, on every replica', async () => {
    const testHub = await hubs.start();
    const judgeToken = tokenFor(testHub, 'judge', JUDGE);

    // Both tablets commit before either hears of the other, then reconnect to the hub.
    const tabletA = await hubs.connectSynced(
      testHub,
      sheetsDocName(JUDGE),
      judgeToken,
      commitOffline('tablet-a', criterion.min),
    );
    await hubs.connectSynced(
      testHub,
      sheetsDocName(JUDGE),
      judgeToken,
      commitOffline('tablet-b', criterion.max),
    );
    const headJudge = await hubs.connectSynced(
      testHub,
      sheetsDocName(JUDGE),
      tokenFor(testHub, 'head-judge'),
    );

    for (const doc of [headJudge.doc, tabletA.doc]) {
      await waitFor(() => fieldOn(doc)?.conflicts.length === 1, 5_000, 'the conflict');
    }
    const state = fieldOn(headJudge.doc)!;
    const conflict = state.conflicts[0]!;
    expect(new Set([state.value, conflict.value])).toEqual(new Set([criterion.min, criterion.max]));
    expect(new Set([state.entry.device, conflict.device])).toEqual(
      new Set(['tablet-a', 'tablet-b']),
    );
    // Every replica shows the same value until the head judge resolves it.
    expect(fieldOn(tabletA.doc)?.value).toBe(state.value);
  });
});
