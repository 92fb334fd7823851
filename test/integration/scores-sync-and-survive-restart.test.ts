import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  RESULTS_DOC,
  commitField,
  criterionField,
  demoEvent,
  readResults,
  readSheets,
  sheetKey,
  sheetsDocName,
  type TeamStanding,
} from '@judgehub/model';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const event = demoEvent();
const JUDGE = 'J1';
const assignment = event.assignments.find((a) => a.judgeId === JUDGE)!;
const category = event.categories.find((c) => c.id === assignment.categoryId)!;
const team = assignment.teamId;
const SHEET = sheetKey(team, category.id);
const SHEETS_DOC = sheetsDocName(JUDGE);

/** A distinct, valid value per criterion, so a lost or swapped value shows. */
const scores = new Map(category.criteria.map((c, i) => [c.id, Math.min(c.max, c.min + 1 + i)]));
const expectedTotal = category.criteria.reduce((sum, c) => sum + c.weight * scores.get(c.id)!, 0);

function commit(
  doc: Y.Doc,
  device: string,
  field: Parameters<typeof commitField>[1]['field'],
  value: number | string,
) {
  return commitField(doc, {
    teamId: team,
    categoryId: category.id,
    field,
    value,
    author: JUDGE,
    device,
  });
}

function sheetValues(doc: Y.Doc): Record<string, number | null> {
  const sheet = readSheets(doc).get(SHEET);
  return Object.fromEntries([...(sheet?.values ?? [])].map(([id, state]) => [id, state.value]));
}

function standingOf(doc: Y.Doc): TeamStanding | undefined {
  const result = readResults(doc).categories.find((c) => c.categoryId === category.id);
  return result?.standings.find((s) => s.teamId === team);
}

const allScores = () => Object.fromEntries(scores);

describe('scores sync between devices and survive a hub restart', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('merges two devices of one judge, ranks the submitted sheet, and keeps it all after a restart', async () => {
    const first: TestHub = await hubs.start();
    const judgeToken = tokenFor(first, 'judge', JUDGE);
    const organiserToken = tokenFor(first, 'organiser');
    const scoreboardToken = tokenFor(first, 'scoreboard');

    const tabletA = await hubs.connectSynced(first, SHEETS_DOC, judgeToken);
    const tabletB = await hubs.connectSynced(first, SHEETS_DOC, judgeToken);
    const organiser = await hubs.connectSynced(first, SHEETS_DOC, organiserToken);
    const scoreboard = await hubs.connectSynced(first, RESULTS_DOC, scoreboardToken);
    expect(standingOf(scoreboard.doc)).toMatchObject({ score: null, rank: null, judgesCounted: 0 });

    // The two tablets split the rubric between them, each committing different criteria.
    const half = Math.ceil(category.criteria.length / 2);
    category.criteria.forEach((c, i) => {
      const tablet = i < half ? tabletA : tabletB;
      commit(
        tablet.doc,
        i < half ? 'tablet-a' : 'tablet-b',
        criterionField(c.id),
        scores.get(c.id)!,
      );
    });

    for (const replica of [tabletA, tabletB, organiser]) {
      await waitFor(
        () => Object.keys(sheetValues(replica.doc)).length === category.criteria.length,
        5_000,
        'every criterion on every replica',
      );
      expect(sheetValues(replica.doc)).toEqual(allScores());
    }
    // Nothing submitted yet: the scoreboard must not show a partial sheet as a score.
    expect(standingOf(scoreboard.doc)?.score).toBeNull();

    commit(tabletA.doc, 'tablet-a', 'status', 'submitted');
    await waitFor(
      () => standingOf(scoreboard.doc)?.score != null,
      5_000,
      'the team on the scoreboard',
    );
    expect(standingOf(scoreboard.doc)).toMatchObject({
      score: expectedTotal,
      rank: 1,
      judgesCounted: 1,
    });
    await waitFor(() => readSheets(organiser.doc).get(SHEET)?.status === 'submitted');

    await hubs.stop(first);
    for (const provider of [tabletA, tabletB, organiser, scoreboard]) hubs.destroy(provider);

    // Same data folder, no event set-up: everything must come from disk.
    const second = await hubs.start({ dataDir: first.dataDir });
    expect(second.hub.generation).toBe(first.hub.generation + 1);
    const freshTablet = await hubs.connectSynced(second, SHEETS_DOC, judgeToken);
    expect(sheetValues(freshTablet.doc)).toEqual(allScores());
    expect(readSheets(freshTablet.doc).get(SHEET)?.status).toBe('submitted');

    const freshScoreboard = await hubs.connectSynced(second, RESULTS_DOC, scoreboardToken);
    expect(standingOf(freshScoreboard.doc)).toMatchObject({
      score: expectedTotal,
      rank: 1,
      judgesCounted: 1,
    });
  });
});
