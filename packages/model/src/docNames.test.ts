import { describe, it, expect } from 'vitest';
import {
  DISPLAY_DOC,
  EVENT_DOC,
  RESULTS_DOC,
  formatDocName,
  parseDocName,
  sheetsDocName,
  type DocName,
  CONTROL_DOC,
} from './docNames.js';

describe('document names', () => {
  it.each<[string, DocName]>([
    ['event', { kind: 'event' }],
    ['results', { kind: 'results' }],
    ['display', { kind: 'display' }],
    ['control', { kind: 'control' }],
    ['sheets/J1', { kind: 'sheets', judgeId: 'J1' }],
    ['sheets/head_judge-2', { kind: 'sheets', judgeId: 'head_judge-2' }],
  ])('parses %s and formats it back', (name, doc) => {
    expect(parseDocName(name)).toEqual(doc);
    expect(formatDocName(doc)).toBe(name);
  });

  it('names the fixed documents and a judge’s sheets', () => {
    expect(EVENT_DOC).toBe('event');
    expect(RESULTS_DOC).toBe('results');
    expect(DISPLAY_DOC).toBe('display');
    expect(CONTROL_DOC).toBe('control');
    expect(sheetsDocName('J7')).toBe('sheets/J7');
    expect(parseDocName(sheetsDocName('J7'))).toEqual({ kind: 'sheets', judgeId: 'J7' });
  });

  it.each([
    'sheets/',
    'sheets/../x',
    'sheets/a/b',
    'sheets/J 1',
    'sheets/' + 'x'.repeat(65),
    'other',
    '',
    'Event',
    'event/',
    '/event',
    'sheets',
    'results/J1',
    'Display',
    'display/1',
  ])('rejects %j', (name) => {
    expect(parseDocName(name)).toBeNull();
  });

  it('accepts a 64-character judge id', () => {
    const judgeId = 'x'.repeat(64);
    expect(parseDocName(`sheets/${judgeId}`)).toEqual({ kind: 'sheets', judgeId });
  });
});
