import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  commitField,
  criterionField,
  readSheets,
  type EventResults,
  type JudgingEvent,
} from '@judgehub/model';
import { resultsCsv, resultsJson, sheetsCsv } from './exportTables.js';

const event: JudgingEvent = {
  settings: { id: 'fair', name: 'Science Fair' },
  categories: [
    {
      id: 'senior',
      name: 'Senior',
      order: 1,
      criteria: [
        { id: 'idea', label: 'Idea', description: '', min: 0, max: 10, step: 1, weight: 2 },
        { id: 'penalty', label: 'Penalty', description: '', min: -3, max: 0, step: 1, weight: 1 },
      ],
    },
  ],
  teams: [
    { id: 'S1', name: '=Volcano Crew', categoryIds: ['senior'], withdrawn: false },
    { id: 'S2', name: 'Ants', categoryIds: ['senior'], withdrawn: true },
  ],
  judges: [{ id: 'J1', name: 'Ana' }],
  assignments: [
    { judgeId: 'J1', teamId: 'S1', categoryId: 'senior' },
    { judgeId: 'J1', teamId: 'S2', categoryId: 'senior' },
  ],
};

const results = {
  eventId: 'fair',
  eventName: 'Science Fair',
  categories: [
    {
      categoryId: 'senior',
      categoryName: 'Senior',
      standings: [
        {
          teamId: 'S1',
          teamName: '=Volcano Crew',
          rank: 1,
          score: -1.5,
          judgesCounted: 1,
          judgesAssigned: 1,
          provisional: false,
        },
        {
          teamId: 'S2',
          teamName: 'Ants',
          rank: null,
          score: null,
          judgesCounted: 0,
          judgesAssigned: 1,
          provisional: true,
        },
      ],
    },
  ],
} as unknown as EventResults;

describe('results exports', () => {
  it('write one CSV row per team per category, negative scores as numbers', () => {
    expect(resultsCsv(event, results)).toBe(
      '\uFEFFCategory ID,Category,Rank,Team ID,Team,Score,Judges counted,Judges assigned,Status\r\n' +
        "senior,Senior,1,S1,'=Volcano Crew,-1.5,1,1,complete\r\n" +
        'senior,Senior,,S2,Ants,,0,1,withdrawn\r\n',
    );
  });

  it('write the standings as JSON with the same statuses', () => {
    expect(JSON.parse(resultsJson(event, results))).toEqual({
      format: 'judgehub-results',
      version: 1,
      event: { id: 'fair', name: 'Science Fair' },
      categories: [
        {
          id: 'senior',
          name: 'Senior',
          standings: [
            {
              rank: 1,
              teamId: 'S1',
              teamName: '=Volcano Crew',
              score: -1.5,
              judgesCounted: 1,
              judgesAssigned: 1,
              status: 'complete',
            },
            {
              rank: null,
              teamId: 'S2',
              teamName: 'Ants',
              score: null,
              judgesCounted: 0,
              judgesAssigned: 1,
              status: 'withdrawn',
            },
          ],
        },
      ],
    });
  });
});

describe('sheets CSV', () => {
  it('has a row per assignment per criterion, sheets not started included', () => {
    const doc = new Y.Doc();
    const commit = (field: Parameters<typeof commitField>[1]['field'], value: number | string) =>
      commitField(doc, {
        teamId: 'S1',
        categoryId: 'senior',
        field,
        value,
        author: 'J1',
        device: 'd',
      });
    commit(criterionField('idea'), 7);
    commit(criterionField('penalty'), -2);
    commit('comment', '@home team, "great"');
    expect(sheetsCsv(event, new Map([['J1', readSheets(doc)]]))).toBe(
      '\uFEFFJudge ID,Judge,Category ID,Category,Team ID,Team,Sheet status,Criterion ID,Criterion,Weight,Value,Conflicting values,Comment\r\n' +
        `J1,Ana,senior,Senior,S1,'=Volcano Crew,draft,idea,Idea,2,7,,"'@home team, ""great"""\r\n` +
        `J1,Ana,senior,Senior,S1,'=Volcano Crew,draft,penalty,Penalty,1,-2,,"'@home team, ""great"""\r\n` +
        'J1,Ana,senior,Senior,S2,Ants,not started,idea,Idea,2,,,\r\n' +
        'J1,Ana,senior,Senior,S2,Ants,not started,penalty,Penalty,1,,,\r\n',
    );
  });
});
