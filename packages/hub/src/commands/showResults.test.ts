import { describe, expect, it } from 'vitest';
import type { EventResults, JudgingEvent, TeamStanding } from '@judgehub/model';
import { formatResultsTable } from './showResults.js';

const criterion = { id: 'c', label: 'C', description: '', min: 0, max: 10, step: 1, weight: 1 };
const event: JudgingEvent = {
  settings: { id: 'fair', name: 'Science Fair' },
  categories: [
    { id: 'senior', name: 'Senior', order: 1, criteria: [criterion], scoring: { decimals: 1 } },
    { id: 'junior', name: 'Junior', order: 2, criteria: [criterion] },
  ],
  teams: [],
  judges: [],
  assignments: [],
};

/** The standing fields the table reads; the ranking adds others (tie-break values, …). */
type ShownStanding = Pick<
  TeamStanding,
  'teamId' | 'teamName' | 'rank' | 'score' | 'judgesCounted' | 'judgesAssigned' | 'provisional'
>;

const standing = (
  s: Partial<ShownStanding> & Pick<ShownStanding, 'teamId' | 'teamName'>,
): ShownStanding => ({
  rank: null,
  score: null,
  judgesCounted: 0,
  judgesAssigned: 3,
  provisional: true,
  ...s,
});

const results = {
  eventId: 'fair',
  eventName: 'Science Fair',
  categories: [
    {
      categoryId: 'senior',
      categoryName: 'Senior',
      standings: [
        standing({
          teamId: 'S10',
          teamName: 'Volcano Crew',
          rank: 1,
          score: 42.25,
          judgesCounted: 3,
          provisional: false,
        }),
        standing({ teamId: 'S2', teamName: 'Ants', rank: 2, score: 40, judgesCounted: 2 }),
        standing({
          teamId: 'S3',
          teamName: 'Bees',
          rank: 2,
          score: 40,
          judgesCounted: 3,
          provisional: false,
        }),
        standing({ teamId: 'S4', teamName: 'Late Entry' }),
      ],
      topNChangesWithMethod: true,
      methods: [
        {
          aggregation: 'median',
          trim: 0,
          standings: [
            { teamId: 'S3', rank: 1, score: 41 },
            { teamId: 'S10', rank: 2, score: 40 },
            { teamId: 'S2', rank: 3, score: 39 },
          ],
          changesTopN: true,
        },
        {
          aggregation: 'mean',
          trim: 0,
          standings: [
            { teamId: 'S10', rank: 1, score: 42.25 },
            { teamId: 'S2', rank: 2, score: 40 },
            { teamId: 'S3', rank: 2, score: 40 },
          ],
          changesTopN: false,
        },
        {
          aggregation: 'trimmed-mean',
          trim: 1,
          standings: [{ teamId: 'S10', rank: 1, score: 42 }],
          changesTopN: false,
        },
      ],
    },
    { categoryId: 'junior', categoryName: 'Junior', standings: [], methods: [] },
  ],
} as unknown as EventResults;

describe('formatResultsTable', () => {
  it('prints one aligned table per category, with shared ranks and markers', () => {
    expect(formatResultsTable(event, results)).toBe(
      [
        'Science Fair — results',
        '',
        'Senior',
        '  Rank  Team                Score  Judges',
        '     1  S10   Volcano Crew   42.3  3 of 3',
        '     2  S2    Ants           40.0  2 of 3  provisional',
        '     2  S3    Bees           40.0  3 of 3',
        '     –  S4    Late Entry        –  0 of 3  awaiting scores',
        '',
        '  Top 3 by method — WARNING: the choice of method changes the top 3',
        '    mean                1. S10  2. S2  2. S3  (published)',
        '    median              1. S3  2. S10  3. S2  (differs)',
        '    trimmed mean (k=1)  1. S10',
        '',
        'Junior',
        '  No teams entered.',
        '',
        'Judges: sheets counted of judges assigned. provisional: sheets still missing, the score may move.',
        '',
      ].join('\n'),
    );
  });
});
