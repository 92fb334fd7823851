import { describe, expect, it } from 'vitest';
import { parseDocName } from './docNames.js';
import { headJudgeAuthor, headJudgeAuthorFor, isHeadJudgeAuthor } from './sheetAuthor.js';

describe('head judge authors', () => {
  it('marks a head judge correction and recognises it', () => {
    expect(headJudgeAuthor('H1')).toBe('head:H1');
    expect(isHeadJudgeAuthor(headJudgeAuthor('H1'))).toBe(true);
    expect(isHeadJudgeAuthor(headJudgeAuthor('head-judge_2'))).toBe(true);
  });

  it('never takes a judge id, or a malformed mark, for a head judge', () => {
    for (const author of ['J1', 'head', 'head:', 'Head:H1', 'head:H 1', `head:${'x'.repeat(65)}`])
      expect(isHeadJudgeAuthor(author)).toBe(false);
  });

  it('cannot be a judge id, so a judge sheet name never looks like a head judge', () => {
    expect(parseDocName(`sheets/${headJudgeAuthor('H1')}`)).toBeNull();
  });
});

describe('headJudgeAuthorFor', () => {
  it('names the head judge by the token’s id, or HJ when it names nobody', () => {
    expect(headJudgeAuthorFor('H2')).toBe('head:H2');
    expect(headJudgeAuthorFor(null)).toBe('head:HJ');
    expect(isHeadJudgeAuthor(headJudgeAuthorFor(null))).toBe(true);
  });
});
