import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  EVENT_DOC,
  commitField,
  criterionField,
  readEvent,
  sheetsDocName,
  writeChange,
  type AccessOverview,
  type Category,
  type ScoredSummary,
} from '@judgehub/model';
import { issueToken } from '@judgehub/hub';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { hubRequest } from '../helpers/hubHttp.js';
import { waitFor } from '../helpers/waitFor.js';

const hubs = new TestHubs();
afterEach(() => hubs.cleanup());

const CATEGORY: Category = {
  id: 'design',
  name: 'Design',
  order: 1,
  criteria: [
    { id: 'overall', label: 'Overall', description: '', min: 1, max: 10, step: 1, weight: 1 },
  ],
};

async function emptyHub(): Promise<{ testHub: TestHub; organiser: string }> {
  const testHub = await hubs.start({ withDemoEvent: false });
  const organiser = issueToken(testHub.hub.store, 'organiser', null, 'Organiser').token;
  return { testHub, organiser };
}

describe('creating the event on a running hub', () => {
  it('only the organiser creates it, once, with a clear answer for a bad name or id', async () => {
    const { testHub, organiser } = await emptyHub();
    const before = await hubRequest(testHub, '/api/session', { token: organiser });
    expect(before.body).toMatchObject({ role: 'organiser', eventId: '' });

    expect((await hubRequest(testHub, '/api/event', { json: { name: 'X', id: 'x' } })).status).toBe(
      401,
    );
    const bad = await hubRequest<{ problems: { field: string }[] }>(testHub, '/api/event', {
      token: organiser,
      json: { name: '  ', id: 'has space' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p) => p.field)).toEqual(['name', 'id']);
    expect(readEvent(testHub.hub.registry.get(EVENT_DOC).doc).settings.id).toBe('');

    const created = await hubRequest(testHub, '/api/event', {
      token: organiser,
      json: { name: 'Spring Fair', id: 'spring-fair-2026' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ eventId: 'spring-fair-2026', eventName: 'Spring Fair' });
    const again = await hubRequest(testHub, '/api/event', {
      token: organiser,
      json: { name: 'Other', id: 'other' },
    });
    expect(again.status).toBe(409);

    const after = await hubRequest(testHub, '/api/session', { token: organiser });
    expect(after.body).toMatchObject({ eventId: 'spring-fair-2026', eventName: 'Spring Fair' });
    // The organiser keeps their link; the head judge and the scoreboards get one now.
    const roles = testHub.hub.store
      .listTokens()
      .map((t) => t.role)
      .filter((r) => r !== 'team');
    expect(roles.sort()).toEqual(['head-judge', 'organiser', 'scoreboard']);
    const scoreboard = await hubRequest(testHub, '/api/session', {
      token: tokenFor(testHub, 'scoreboard'),
    });
    expect(scoreboard.body).toMatchObject({ role: 'scoreboard', eventId: 'spring-fair-2026' });
  });

  it('a judge the organiser adds gets a link and PIN at once, can score, and scoring is counted', async () => {
    const { testHub, organiser } = await emptyHub();
    await hubRequest(testHub, '/api/event', {
      token: organiser,
      json: { name: 'Spring Fair', id: 'spring-fair' },
    });
    const eventDoc = new Y.Doc();
    await hubs.connectSynced(testHub, EVENT_DOC, organiser, eventDoc);
    writeChange(eventDoc, {
      categories: [CATEGORY],
      teams: [{ id: 'T1', name: 'Team One', categoryIds: ['design'], withdrawn: false }],
      judges: [{ id: 'J9', name: 'Nadia New' }],
    });
    await waitFor(
      () => testHub.hub.store.listTokens().some((t) => t.role === 'judge' && t.judgeId === 'J9'),
      5_000,
      'a link for the new judge',
    );
    const access = await hubRequest<AccessOverview>(testHub, '/api/access', { token: organiser });
    const card = access.body.cards.find((c) => c.judgeId === 'J9');
    expect(card).toMatchObject({ role: 'judge', name: 'Nadia New' });
    expect(card?.pin).toMatch(/^\d{6}$/);

    const sheets = new Y.Doc();
    await hubs.connectSynced(
      testHub,
      sheetsDocName('J9'),
      tokenFor(testHub, 'judge', 'J9'),
      sheets,
    );
    commitField(sheets, {
      teamId: 'T1',
      categoryId: 'design',
      field: criterionField('overall'),
      value: 8,
      author: 'J9',
      device: 'tablet',
    });
    await waitFor(
      () => testHub.hub.registry.get(sheetsDocName('J9')).doc.getMap('entries').size === 1,
      5_000,
      'the value on the hub',
    );
    const scored = await hubRequest<ScoredSummary>(testHub, '/api/event/scored', {
      token: organiser,
    });
    expect(scored.body).toEqual({
      sheets: [{ teamId: 'T1', categoryId: 'design', judgeIds: ['J9'], submitted: 0 }],
      values: [{ categoryId: 'design', criterionId: 'overall', count: 1 }],
    });
    const judgeAsks = await hubRequest(testHub, '/api/event/scored', {
      token: tokenFor(testHub, 'judge', 'J9'),
    });
    expect(judgeAsks.status).toBe(403);
  });

  it('gives each judge one link: none for a removed judge, no second one on a rename or a restart', async () => {
    const { testHub, organiser } = await emptyHub();
    await hubRequest(testHub, '/api/event', {
      token: organiser,
      json: { name: 'Spring Fair', id: 'spring-fair' },
    });
    const eventDoc = new Y.Doc();
    await hubs.connectSynced(testHub, EVENT_DOC, organiser, eventDoc);
    writeChange(eventDoc, {
      judges: [
        { id: 'J1', name: 'Ada' },
        { id: 'J2', name: 'Bo', removed: true },
      ],
    });
    const judgeLinks = (hub: TestHub) =>
      hub.hub.store
        .listTokens()
        .filter((t) => t.role === 'judge')
        .map((t) => t.judgeId);
    await waitFor(() => judgeLinks(testHub).length > 0, 5_000, 'a link for J1');
    writeChange(eventDoc, { judges: [{ id: 'J1', name: 'Ada Lovelace' }] });
    await waitFor(
      () => readEvent(testHub.hub.registry.get(EVENT_DOC).doc).judges[0]?.name === 'Ada Lovelace',
      5_000,
      'the rename on the hub',
    );
    expect(judgeLinks(testHub)).toEqual(['J1']);

    await hubs.stop(testHub);
    const again = await hubs.start({ dataDir: testHub.dataDir });
    expect(judgeLinks(again)).toEqual(['J1']);
    // Reinstating the removed judge gives them a link then.
    const doc = new Y.Doc();
    await hubs.connectSynced(again, EVENT_DOC, organiser, doc);
    writeChange(doc, { judges: [{ id: 'J2', name: 'Bo' }] });
    await waitFor(() => judgeLinks(again).includes('J2'), 5_000, 'a link for the reinstated J2');
    expect(judgeLinks(again).sort()).toEqual(['J1', 'J2']);
  });
});
