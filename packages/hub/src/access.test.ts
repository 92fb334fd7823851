import { describe, expect, it } from 'vitest';
import { parseDocName, type DocName } from '@judgehub/model';
import { auditOrigin, rightsFor, type Principal } from './access.js';

const organiser: Principal = { role: 'organiser', judgeId: null, label: 'Organiser' };
const headJudge: Principal = { role: 'head-judge', judgeId: null, label: 'Head judge' };
const scoreboard: Principal = { role: 'scoreboard', judgeId: null, label: 'Scoreboard' };
const judgeJ1: Principal = { role: 'judge', judgeId: 'J1', label: 'Amara Okafor' };
const judgeWithoutId: Principal = { role: 'judge', judgeId: null, label: 'broken record' };

const doc = (name: string): DocName => {
  const parsed = parseDocName(name);
  if (!parsed) throw new Error(`not a doc name: ${name}`);
  return parsed;
};

const none = { read: false, write: false };
const read = { read: true, write: false };
const readWrite = { read: true, write: true };

// DESIGN.md, Documents: who writes and who reads each document.
const matrix: [string, Principal, Record<string, { read: boolean; write: boolean }>][] = [
  [
    'organiser',
    organiser,
    {
      event: readWrite,
      results: read,
      display: readWrite,
      control: readWrite,
      'sheets/J1': read,
      'sheets/J2': read,
    },
  ],
  [
    'head judge',
    headJudge,
    {
      event: read,
      results: read,
      display: readWrite,
      control: readWrite,
      'sheets/J1': readWrite,
      'sheets/J2': readWrite,
    },
  ],
  [
    'scoreboard',
    scoreboard,
    {
      event: read,
      results: read,
      display: read,
      control: read,
      'sheets/J1': none,
      'sheets/J2': none,
    },
  ],
  [
    'judge J1',
    judgeJ1,
    {
      event: read,
      results: read,
      display: read,
      control: read,
      'sheets/J1': readWrite,
      'sheets/J2': none,
    },
  ],
  [
    'judge with no id',
    judgeWithoutId,
    {
      event: read,
      results: read,
      display: read,
      control: read,
      'sheets/J1': none,
      'sheets/J2': none,
    },
  ],
];

describe('rightsFor', () => {
  it.each(matrix)('gives the %s the rights in the design', (_name, principal, expected) => {
    const actual = Object.fromEntries(
      Object.keys(expected).map((name) => [name, rightsFor(principal, doc(name))]),
    );
    expect(actual).toEqual(expected);
  });

  it('lets nobody but the hub write results', () => {
    for (const [, principal] of matrix)
      expect(rightsFor(principal, doc('results')).write).toBe(false);
  });

  it('lets only the organiser and the head judge change what the scoreboards show', () => {
    const writers = matrix.filter(([, p]) => rightsFor(p, doc('display')).write).map(([n]) => n);
    expect(writers).toEqual(['organiser', 'head judge']);
  });

  it('never grants write without read', () => {
    for (const [, principal, expected] of matrix) {
      for (const name of Object.keys(expected)) {
        const rights = rightsFor(principal, doc(name));
        if (rights.write) expect(rights.read).toBe(true);
      }
    }
  });
});

describe('auditOrigin', () => {
  it('names the role and judge, never anything secret', () => {
    expect(auditOrigin(judgeJ1)).toBe('judge:J1');
    expect(auditOrigin(organiser)).toBe('organiser');
    expect(auditOrigin(headJudge)).toBe('head-judge');
    expect(auditOrigin(scoreboard)).toBe('scoreboard');
  });
});
