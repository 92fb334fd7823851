import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CONTROL_DOC,
  EVENT_DOC,
  commitField,
  criterionField,
  demoEvent,
  eventMaps,
  sheetsDocName,
  setRelease,
  sheetEntries,
  type TeamFeedback,
} from '@judgehub/model';
import { TestHubs, tokenFor, whenClosed, type TestHub } from '../helpers/testHubs.js';
import { hubRequest, pair } from '../helpers/hubHttp.js';
import { waitFor } from '../helpers/waitFor.js';

const event = demoEvent();
const design = event.categories.find((c) => c.id === 'robot-design')!;
const judgesOf = (teamId: string) =>
  event.assignments
    .filter((a) => a.teamId === teamId && a.categoryId === design.id)
    .map((a) => a.judgeId);

function teamToken(testHub: TestHub, teamId: string) {
  const record = testHub.hub.store
    .listTokens()
    .find((t) => t.role === 'team' && t.teamId === teamId);
  if (!record) throw new Error(`no code for team ${teamId}`);
  return record;
}

/** A judge scores every criterion of a team in robot design, comments, and submits. */
async function judgeScores(
  hubs: TestHubs,
  testHub: TestHub,
  judgeId: string,
  teamId: string,
  value: number,
  comment: string,
) {
  const doc = new Y.Doc();
  const provider = await hubs.connectSynced(
    testHub,
    sheetsDocName(judgeId),
    tokenFor(testHub, 'judge', judgeId),
    doc,
  );
  const base = { teamId, categoryId: design.id, author: judgeId, device: `${judgeId}-tablet` };
  for (const c of design.criteria)
    commitField(doc, { ...base, field: criterionField(c.id), value: Math.min(value, c.max) });
  commitField(doc, { ...base, field: 'comment', value: comment });
  commitField(doc, { ...base, field: 'status', value: 'submitted' });
  // On the hub before anything else happens.
  const onHub = sheetEntries(testHub.hub.registry.get(sheetsDocName(judgeId)).doc);
  await waitFor(
    () => onHub.size >= design.criteria.length + 2,
    5_000,
    `${judgeId}'s sheet on the hub`,
  );
  return provider;
}

async function feedbackOf(testHub: TestHub, teamId: string) {
  return hubRequest<TeamFeedback & { error?: string; code?: string }>(
    testHub,
    '/api/team/feedback',
    { token: teamToken(testHub, teamId).token },
  );
}

async function untilStatus(testHub: TestHub, teamId: string, status: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const answer = await feedbackOf(testHub, teamId);
    if (answer.status === status || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('team feedback', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('is refused before release, then shows each team its own scores and comments only', async () => {
    const testHub = await hubs.start();
    const [a, b] = judgesOf('T01') as [string, string];
    const [c] = judgesOf('T02') as [string];
    await judgeScores(hubs, testHub, a, 'T01', 4, 'Strong build, explain more');
    await judgeScores(hubs, testHub, b, 'T01', 8, 'Great sensor use');
    await judgeScores(hubs, testHub, c, 'T02', 6, 'Only for team two');

    const before = await feedbackOf(testHub, 'T01');
    expect(before.status).toBe(403);
    expect(before.body).toMatchObject({ code: 'not-released' });
    expect(before.body.error).toMatch(/Results are not released yet/);
    expect(JSON.stringify(before.body)).not.toContain('Strong build');

    const control = new Y.Doc();
    await hubs.connectSynced(testHub, CONTROL_DOC, tokenFor(testHub, 'organiser'), control);
    setRelease(control, true, 'Organiser');
    const after = await untilStatus(testHub, 'T01', 200);
    expect(after.status).toBe(200);
    const robot = after.body.categories.find((x) => x.categoryId === design.id)!;
    expect(after.body.teamName).toBe('Circuit Breakers');
    expect(robot.sheetsCounted).toBe(2);
    expect(robot.criteria.find((x) => x.criterionId === 'mechanical')).toMatchObject({
      value: 6,
      outOf: 10,
    });
    expect(robot.comments).toEqual(['Great sensor use', 'Strong build, explain more']);
    expect(robot.rank).not.toBeNull();
    const text = JSON.stringify(after.body);
    expect(text).not.toContain('Only for team two');
    for (const judge of event.judges) {
      expect(text).not.toContain(judge.name);
      expect(text).not.toContain(`"${judge.id}"`);
    }
    // The category T01 has no scores in yet: no value, never a 0.
    const project = after.body.categories.find((x) => x.categoryId === 'innovation-project')!;
    expect(project.criteria.every((x) => x.value === null)).toBe(true);

    const two = await feedbackOf(testHub, 'T02');
    expect(two.status).toBe(200);
    expect(JSON.stringify(two.body)).toContain('Only for team two');
    expect(JSON.stringify(two.body)).not.toContain('Strong build');

    // Taking the release back closes the page again.
    setRelease(control, false, 'Organiser');
    expect((await untilStatus(testHub, 'T01', 403)).body).toMatchObject({ code: 'not-released' });
  });

  it('a team code opens no document, and other tokens get no team feedback', async () => {
    const testHub = await hubs.start();
    for (const doc of [EVENT_DOC, 'results', CONTROL_DOC, sheetsDocName('J1')]) {
      const ws = hubs.rawSocket(testHub, doc, teamToken(testHub, 'T01').token);
      expect((await whenClosed(ws)).code).toBe(4403);
    }
    const judge = await hubRequest(testHub, '/api/team/feedback', {
      token: tokenFor(testHub, 'judge', 'J1'),
    });
    expect(judge.status).toBe(403);
    expect(judge.body['code']).toBe('not-a-team');
    expect((await hubRequest(testHub, '/api/team/feedback')).status).toBe(401);
    const devices = await hubRequest(testHub, '/api/devices', {
      token: teamToken(testHub, 'T01').token,
    });
    expect(devices.status).toBe(403);
  });

  it('every team gets a code at set-up and when added later; codes exchange only on /team', async () => {
    const testHub = await hubs.start();
    const organiser = tokenFor(testHub, 'organiser');
    const list = await hubRequest<{ cards: { teamId: string; code: string; url: string }[] }>(
      testHub,
      '/api/team/codes',
      { token: organiser },
    );
    expect(list.status).toBe(200);
    expect(list.body.cards.map((c) => c.teamId)).toEqual(event.teams.map((t) => t.id));
    expect(list.body.cards.every((c) => /^[0-9]{6}$/.test(c.code))).toBe(true);
    const t01 = teamToken(testHub, 'T01');
    expect(list.body.cards[0]!.url).toBe(`${testHub.hub.url}/team?token=${t01.token}`);
    expect(
      (await hubRequest(testHub, '/api/team/codes', { token: tokenFor(testHub, 'head-judge') }))
        .status,
    ).toBe(403);

    // The code gives the team's token; a judge's PIN is no team code, and a team code no PIN.
    const exchanged = await hubRequest(testHub, '/api/team/code', {
      json: { code: t01.pin, deviceId: 'team-phone' },
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toEqual({ token: t01.token, teamId: 'T01', name: 'Circuit Breakers' });
    const judgePin = testHub.hub.store.findToken(tokenFor(testHub, 'judge', 'J1'))!.pin;
    const wrong = await hubRequest(testHub, '/api/team/code', {
      json: { code: judgePin, deviceId: 'team-phone' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body['error']).toMatch(/not right/);
    expect((await pair(testHub, t01.pin, 'team-phone')).status).toBe(401);
    const malformed = await hubRequest(testHub, '/api/team/code', {
      json: { code: '12', deviceId: 'team-phone' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body['error']).toMatch(/6 digits/);

    // The organiser adds a team: it gets a code too.
    const doc = new Y.Doc();
    await hubs.connectSynced(testHub, EVENT_DOC, organiser, doc);
    eventMaps(doc).teams.set('T15', {
      id: 'T15',
      name: 'Late Entry',
      categoryIds: [design.id],
      withdrawn: false,
    });
    await waitFor(
      () => testHub.hub.store.listTokens().some((t) => t.role === 'team' && t.teamId === 'T15'),
      5_000,
      'a code for the new team',
    );
    const again = await hubRequest<{ cards: { teamId: string }[] }>(testHub, '/api/team/codes', {
      token: organiser,
    });
    expect(again.body.cards.map((c) => c.teamId)).toContain('T15');
    expect(again.body.cards).toHaveLength(event.teams.length + 1);
  });
});
