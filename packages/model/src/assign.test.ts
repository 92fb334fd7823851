import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateAssignments, type AssignOptions, type AssignmentPlan } from './assign.js';
import { slotAt, type ScheduleOptions } from './assignSchedule.js';
import { assignmentWarnings } from './assignmentWarnings.js';
import { assignmentKey, type Assignment, type Judge, type JudgingEvent } from './event.js';
import { demoEvent } from './demoEvent.js';

const START = Date.UTC(2026, 11, 6, 9, 0);

interface Shape {
  judges: Judge[];
  teams: { id: string; withdrawn: boolean; categoryIds: string[] }[];
  categories: string[];
  k: number;
  seed: number;
}

/** Random events: up to 9 judges (some removed, some with conflicts), 14 teams, 3 categories. */
const shapeArb = (opts: { conflicts: boolean; maxTeams?: number; maxJudges?: number }) =>
  fc
    .record({
      judgeCount: fc.integer({ min: 1, max: opts.maxJudges ?? 9 }),
      teamCount: fc.integer({ min: 0, max: opts.maxTeams ?? 14 }),
      categoryCount: fc.integer({ min: 1, max: 3 }),
      k: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      bits: fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: 40, maxLength: 40 }),
    })
    .map(({ judgeCount, teamCount, categoryCount, k, seed, bits }): Shape => {
      const bit = (i: number, b: number) => ((bits[i % bits.length]! >> b) & 1) === 1;
      const categories = Array.from({ length: categoryCount }, (_, i) => `C${i + 1}`);
      const teams = Array.from({ length: teamCount }, (_, t) => ({
        id: `T${String(t + 1).padStart(2, '0')}`,
        withdrawn: bit(t, 29) && bit(t, 28),
        categoryIds: categories.filter((_, c) => c === 0 || bit(t, 20 + c)),
      }));
      const judges = Array.from({ length: judgeCount }, (_, j) => ({
        id: `J${j + 1}`,
        name: `Judge ${j + 1}`,
        // J1 stays: an event with no judges at all is refused outright (tested below).
        removed: j > 0 && bit(j + 20, 27) && bit(j + 20, 26) && bit(j + 20, 25),
        conflicts: opts.conflicts
          ? teams
              .filter((_, t) => bit(t + j * 3, j % 20) && bit(t + j, (j + 7) % 20))
              .map((t) => t.id)
          : [],
      }));
      return { judges, teams, categories, k, seed };
    });

function eventOf(shape: Shape, assignments: Assignment[] = []): JudgingEvent {
  return {
    settings: { id: 'e', name: 'E' },
    categories: shape.categories.map((id, order) => ({
      id,
      name: `Cat ${id}`,
      order,
      criteria: [],
    })),
    teams: shape.teams.map((t) => ({ ...t, name: `Team ${t.id}` })),
    judges: shape.judges,
    assignments,
  };
}

const options = (shape: Shape, more: Partial<AssignOptions> = {}): AssignOptions => ({
  categoryIds: shape.categories,
  judgesPerTeam: shape.k,
  seed: shape.seed,
  ...more,
});

function eligibleJudges(event: JudgingEvent, teamId: string): string[] {
  return event.judges.filter((j) => !j.removed && !j.conflicts?.includes(teamId)).map((j) => j.id);
}

function loads(plan: AssignmentPlan, event: JudgingEvent): Map<string, number> {
  const load = new Map(event.judges.filter((j) => !j.removed).map((j) => [j.id, 0]));
  for (const a of plan.assignments) load.set(a.judgeId, (load.get(a.judgeId) ?? 0) + 1);
  return load;
}

/** Checks every rule a plan without kept assignments must keep. */
function expectSoundPlan(event: JudgingEvent, plan: AssignmentPlan, k: number) {
  const keys = plan.assignments.map(assignmentKey);
  expect(new Set(keys).size).toBe(keys.length);
  for (const a of plan.assignments) {
    const judge = event.judges.find((j) => j.id === a.judgeId)!;
    expect(judge.removed, `${a.judgeId} is removed`).toBeFalsy();
    expect(judge.conflicts ?? []).not.toContain(a.teamId);
    const team = event.teams.find((t) => t.id === a.teamId)!;
    expect(team.withdrawn).toBe(false);
    expect(team.categoryIds).toContain(a.categoryId);
  }
  for (const team of event.teams) {
    for (const categoryId of team.categoryIds) {
      const count = plan.assignments.filter(
        (a) => a.teamId === team.id && a.categoryId === categoryId,
      ).length;
      const available = eligibleJudges(event, team.id).length;
      const expected = team.withdrawn ? 0 : Math.min(k, available);
      expect(count, `${team.id} in ${categoryId}`).toBe(expected);
      const problem = plan.problems.find(
        (p) => p.kind === 'too-few-judges' && p.teamId === team.id && p.categoryId === categoryId,
      );
      expect(Boolean(problem)).toBe(!team.withdrawn && available < k);
    }
  }
}

describe('generateAssignments', () => {
  it('gives every team k different judges and judges loads within one of each other (property)', () => {
    fc.assert(
      fc.property(shapeArb({ conflicts: false }), (shape) => {
        const event = eventOf(shape);
        const plan = generateAssignments(event, options(shape));
        expectSoundPlan(event, plan, shape.k);
        const counts = [...loads(plan, event).values()];
        if (counts.length > 0)
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('respects conflicts of interest and removed judges, and says when a team cannot get k judges (property)', () => {
    fc.assert(
      fc.property(shapeArb({ conflicts: true }), (shape) => {
        const event = eventOf(shape);
        const plan = generateAssignments(event, options(shape));
        expectSoundPlan(event, plan, shape.k);
        // No single assignment can move from a judge to one with at least two fewer.
        const load = loads(plan, event);
        for (const a of plan.assignments) {
          for (const b of eligibleJudges(event, a.teamId)) {
            const onIt = plan.assignments.some(
              (x) => x.judgeId === b && x.teamId === a.teamId && x.categoryId === a.categoryId,
            );
            if (!onIt) expect(load.get(a.judgeId)! - load.get(b)!).toBeLessThan(2);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('spreads load as evenly as any plan could, checked against every plan of small events (property)', () => {
    fc.assert(
      fc.property(shapeArb({ conflicts: true, maxTeams: 4, maxJudges: 4 }), (raw) => {
        const shape = { ...raw, categories: ['C1'], k: Math.min(raw.k, 2) };
        const event = eventOf(shape);
        const plan = generateAssignments(event, options(shape));
        const counts = [...loads(plan, event).values()];
        const best = bestSpread(event, shape.k);
        expect(Math.max(...counts)).toBe(best.minMax);
        expect(Math.min(...counts)).toBe(best.maxMin);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic for a seed, and another seed may give another plan', () => {
    fc.assert(
      fc.property(shapeArb({ conflicts: true }), (shape) => {
        const event = eventOf(shape);
        expect(generateAssignments(event, options(shape))).toEqual(
          generateAssignments(event, options(shape)),
        );
      }),
      { numRuns: 50 },
    );
    const demo = { ...demoEvent(), assignments: [] };
    const plan = (seed: number) =>
      generateAssignments(demo, { categoryIds: ['robot-design'], judgesPerTeam: 2, seed })
        .assignments.map(assignmentKey)
        .join();
    expect(plan(1)).not.toBe(plan(2));
  });

  it('places sessions so that no judge, team or room is in two places at once (property)', () => {
    fc.assert(
      fc.property(
        shapeArb({ conflicts: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 5, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        (shape, roomCount, slotMinutes, gapMinutes) => {
          const event = eventOf(shape);
          const schedule: ScheduleOptions = {
            start: START,
            slotMinutes,
            gapMinutes,
            rooms: Array.from({ length: roomCount }, (_, i) => `Room ${i + 1}`),
          };
          const plan = generateAssignments(event, options(shape, { schedule }));
          expectSoundPlan(event, plan, shape.k);
          const after = { ...event, assignments: plan.assignments };
          expect(assignmentWarnings(after).filter((w) => w.kind.endsWith('double-booked'))).toEqual(
            [],
          );
          const step = (slotMinutes + gapMinutes) * 60_000;
          for (const a of plan.assignments) {
            expect(a.slot?.minutes).toBe(slotMinutes);
            expect((a.slot!.start - START) % step).toBe(0);
            if (roomCount > 0) expect(schedule.rooms).toContain(a.room);
            else expect(a.room).toBeUndefined();
            // One session per team and category: its judges share the room and the slot.
            const mates = plan.assignments.filter(
              (x) => x.teamId === a.teamId && x.categoryId === a.categoryId,
            );
            for (const m of mates) expect([m.slot, m.room]).toEqual([a.slot, a.room]);
          }
          const ends = plan.assignments.map((a) => a.slot!.start + slotMinutes * 60_000);
          expect(plan.endsAt).toBe(ends.length ? Math.max(...ends) : null);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the scored assignments as they were and fills each team up to k around them (property)', () => {
    fc.assert(
      fc.property(
        shapeArb({ conflicts: true }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        (shape, newK, scoredBits) => {
          const event = eventOf(shape);
          const schedule = { start: START, slotMinutes: 10, gapMinutes: 5, rooms: ['A', 'B'] };
          const first = generateAssignments(event, options(shape, { schedule }));
          const scored = first.assignments.filter((_, i) => scoredBits[i % 60]);
          const keepKeys = new Set(scored.map(assignmentKey));
          const withPlan = eventOf(shape, first.assignments);
          const second = generateAssignments(
            withPlan,
            options(shape, { judgesPerTeam: newK, seed: shape.seed + 1, keepKeys, schedule }),
          );
          for (const a of scored) expect(second.assignments).toContainEqual(a);
          expect(second.kept).toEqual(expect.arrayContaining(scored));
          for (const r of second.removed) expect(keepKeys.has(assignmentKey(r))).toBe(false);
          expect(second.written.every((a) => !keepKeys.has(assignmentKey(a)))).toBe(true);
          for (const team of event.teams) {
            for (const categoryId of team.categoryIds) {
              const on = (list: Assignment[]) =>
                list.filter((a) => a.teamId === team.id && a.categoryId === categoryId);
              const keptHere = on(scored).length;
              const free = eligibleJudges(event, team.id).length - keptHere;
              const expected = team.withdrawn
                ? keptHere
                : Math.max(keptHere, Math.min(newK, keptHere + free));
              expect(on(second.assignments).length).toBe(expected);
            }
          }
          const after = { ...event, assignments: second.assignments };
          expect(assignmentWarnings(after).filter((w) => w.kind.endsWith('double-booked'))).toEqual(
            [],
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on the demo event with k = 2 and a declared conflict: 2 judges per team, never the conflicted one', () => {
    const demo = demoEvent();
    demo.judges[0] = { ...demo.judges[0]!, conflicts: ['T01'] };
    const plan = generateAssignments(demo, {
      categoryIds: ['robot-design', 'innovation-project'],
      judgesPerTeam: 2,
      seed: 7,
      schedule: {
        start: START,
        slotMinutes: 15,
        gapMinutes: 5,
        rooms: ['Room 1', 'Room 2', 'Room 3'],
      },
    });
    expect(plan.problems).toEqual([]);
    expect(plan.assignments).toHaveLength(14 * 2 * 2);
    expect(plan.assignments.filter((a) => a.judgeId === 'J1' && a.teamId === 'T01')).toEqual([]);
    // 56 sheets over 7 judges: 8 each.
    expect(plan.load.map((l) => l.count)).toEqual([8, 8, 8, 8, 8, 8, 8]);
    // The demo's 84 round-robin assignments go: dropped, or overwritten with a slot.
    const before = new Set(demoEvent().assignments.map(assignmentKey));
    const overwritten = plan.written.filter((a) => before.has(assignmentKey(a)));
    expect(plan.removed.length + overwritten.length).toBe(84);
    // Three rooms and seven judges in pairs: three sessions at a time, 28 sessions → 10 slots.
    expect(plan.endsAt).toBe(START + (9 * 20 + 15) * 60_000);
  });

  it('says which team cannot get enough judges, and why', () => {
    const demo = demoEvent();
    demo.judges = demo.judges.map((j, i) =>
      i < 3 ? { ...j, conflicts: ['T07'] } : i < 5 ? { ...j, removed: true } : j,
    );
    const plan = generateAssignments(demo, {
      categoryIds: ['robot-design'],
      judgesPerTeam: 3,
      seed: 1,
    });
    expect(plan.problems).toEqual([
      expect.objectContaining({
        kind: 'too-few-judges',
        teamId: 'T07',
        categoryId: 'robot-design',
        needed: 3,
        available: 2,
        message:
          'Team T07 Quantum Quokkas in Robot Design needs 3 judges but only 2 judges have no conflict with it: add judges, or lower the judges per team.',
      }),
    ]);
    // It still gets the two it can have.
    expect(plan.coverage.find((c) => c.teamId === 'T07')).toEqual({
      teamId: 'T07',
      categoryId: 'robot-design',
      judges: 2,
      needed: 3,
    });
  });

  it('leaves other categories alone and counts them in the load', () => {
    const demo = demoEvent();
    const innovation = demo.assignments.filter((a) => a.categoryId === 'innovation-project');
    const plan = generateAssignments(demo, {
      categoryIds: ['robot-design'],
      judgesPerTeam: 2,
      seed: 3,
    });
    expect(plan.assignments.filter((a) => a.categoryId === 'innovation-project')).toEqual(
      innovation,
    );
    expect(plan.removed.every((a) => a.categoryId === 'robot-design')).toBe(true);
    const counts = plan.load.map((l) => l.count);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('warns when a kept scored assignment breaks a conflict declared since', () => {
    const demo = demoEvent();
    const scored = demo.assignments.find(
      (a) => a.judgeId === 'J2' && a.categoryId === 'robot-design',
    )!;
    demo.judges[1] = { ...demo.judges[1]!, conflicts: [scored.teamId] };
    const plan = generateAssignments(demo, {
      categoryIds: ['robot-design'],
      judgesPerTeam: 3,
      seed: 3,
      keepKeys: new Set([assignmentKey(scored)]),
    });
    expect(plan.assignments).toContainEqual(scored);
    expect(plan.problems).toEqual([
      expect.objectContaining({
        kind: 'kept-despite-conflict',
        judgeId: 'J2',
        teamId: scored.teamId,
      }),
    ]);
  });

  it('refuses to assign when every judge is removed', () => {
    const demo = demoEvent();
    demo.judges = demo.judges.map((j) => ({ ...j, removed: true }));
    const plan = generateAssignments(demo, {
      categoryIds: ['robot-design'],
      judgesPerTeam: 1,
      seed: 1,
    });
    expect(plan.problems.map((p) => p.message)).toEqual(['The event has no judges to assign.']);
  });

  it('refuses options that make no sense, saying what to fix, and changes nothing', () => {
    const demo = demoEvent();
    const plan = generateAssignments(demo, {
      categoryIds: ['robot-design', 'nope'],
      judgesPerTeam: 0,
      seed: 1,
      schedule: { start: START, slotMinutes: 0, gapMinutes: -1, rooms: ['A', 'A', ' '] },
    });
    expect(plan.problems.map((p) => p.message)).toEqual([
      'Judges per team must be a whole number from 1 to 20.',
      'There is no category "nope".',
      'The slot length must be a whole number of minutes from 1 to 600.',
      'The gap between slots must be a whole number of minutes from 0 to 600.',
      'The room "A" is listed twice.',
      'Room names must not be blank or start or end with spaces.',
    ]);
    expect(plan.problems.every((p) => p.severity === 'error')).toBe(true);
    expect(plan.assignments).toEqual(demo.assignments);
    expect(plan.written).toEqual([]);
    expect(plan.removed).toEqual([]);
  });
});

describe('slotAt', () => {
  it('steps by slot length plus gap', () => {
    expect(slotAt({ start: START, slotMinutes: 15, gapMinutes: 5, rooms: [] }, 3)).toEqual({
      start: START + 60 * 60_000,
      minutes: 15,
    });
  });
});

describe('assignmentWarnings', () => {
  it('names conflicts of interest, removed judges and double bookings of judges, teams and rooms', () => {
    const demo = demoEvent();
    const slot = { start: START, minutes: 15 };
    const event: JudgingEvent = {
      ...demo,
      judges: demo.judges.map((j) =>
        j.id === 'J1' ? { ...j, conflicts: ['T01'] } : j.id === 'J2' ? { ...j, removed: true } : j,
      ),
      assignments: [
        { judgeId: 'J1', teamId: 'T01', categoryId: 'robot-design' },
        { judgeId: 'J2', teamId: 'T02', categoryId: 'robot-design' },
        { judgeId: 'J3', teamId: 'T03', categoryId: 'robot-design', room: 'A', slot },
        {
          judgeId: 'J3',
          teamId: 'T04',
          categoryId: 'robot-design',
          room: 'B',
          slot: { start: START + 10 * 60_000, minutes: 15 },
        },
        { judgeId: 'J4', teamId: 'T03', categoryId: 'innovation-project', room: 'A', slot },
        // Two judges of one session share its room and time: no warning.
        { judgeId: 'J5', teamId: 'T05', categoryId: 'robot-design', room: 'C', slot },
        { judgeId: 'J6', teamId: 'T05', categoryId: 'robot-design', room: 'C', slot },
      ],
    };
    expect(assignmentWarnings(event).map((w) => [w.kind, w.message])).toEqual([
      [
        'conflict-of-interest',
        'Amara Okafor declared a conflict of interest with team T01 Circuit Breakers but judges it in Robot Design.',
      ],
      [
        'removed-judge',
        'Ben Lindqvist is removed but still has team T02 Gear Grinders in Robot Design.',
      ],
      [
        'team-double-booked',
        'team T03 Byte Knights is in two places at 09:00: Robot Design and Innovation Project.',
      ],
      [
        'room-double-booked',
        'A holds two sessions at 09:00: team T03 Byte Knights (Robot Design) and team T03 Byte Knights (Innovation Project).',
      ],
      [
        'judge-double-booked',
        'Chloé Martin is in two places at 09:10: team T03 Byte Knights (Robot Design) and team T04 Torque Titans (Robot Design).',
      ],
    ]);
  });
});

/** The lowest possible maximum load and highest possible minimum load, by trying every plan. */
function bestSpread(event: JudgingEvent, k: number): { minMax: number; maxMin: number } {
  const active = event.judges.filter((j) => !j.removed).map((j) => j.id);
  const pairs = event.teams
    .filter((t) => !t.withdrawn && t.categoryIds.includes('C1'))
    .map((t) => {
      const eligible = eligibleJudges(event, t.id);
      return combinations(eligible, Math.min(k, eligible.length));
    });
  let minMax = Infinity;
  let maxMin = -Infinity;
  const load = new Map(active.map((j) => [j, 0]));
  const walk = (i: number) => {
    if (i === pairs.length) {
      const counts = [...load.values()];
      minMax = Math.min(minMax, Math.max(...counts));
      maxMin = Math.max(maxMin, Math.min(...counts));
      return;
    }
    for (const combo of pairs[i]!) {
      for (const j of combo) load.set(j, load.get(j)! + 1);
      walk(i + 1);
      for (const j of combo) load.set(j, load.get(j)! - 1);
    }
  };
  walk(0);
  return { minMax, maxMin };
}

function combinations<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of combinations(items.slice(i + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}
