import { describe, expect, it } from 'vitest';
import { demoEvent } from './demoEvent.js';
import type { JudgingEvent } from './event.js';
import { parseCsv, previewJudgesCsv, previewTeamsCsv } from './eventCsv.js';

const event = (): JudgingEvent => structuredClone(demoEvent('csv-test'));
const lines = (p: { problems: { line: number; message: string }[] }) =>
  p.problems.map((x) => `${x.line}: ${x.message}`);

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and newlines inside quotes, numbering records by their first line', () => {
    const parsed = parseCsv('a,b\n"Smith, Jo","say ""hi"""\n"two\nlines",x\nlast,y');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['Smith, Jo', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'x'] },
      { line: 5, fields: ['last', 'y'] },
    ]);
  });

  it('drops a byte order mark and accepts CRLF, CR and a final line break; blank lines are skipped', () => {
    const parsed = parseCsv('\uFEFFid,name\r\nT1,"A\r\nB"\r\n\r\nT2,C\rT3,D\r\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['T1', 'A\nB'] },
      { line: 5, fields: ['T2', 'C'] },
      { line: 6, fields: ['T3', 'D'] },
    ]);
  });

  it('reads a tab-separated paste from a spreadsheet, and semicolons when the header has no comma', () => {
    expect(parseCsv('id\tname\nT1\tSmith, Jo').records[1]!.fields).toEqual(['T1', 'Smith, Jo']);
    expect(parseCsv('id;name\nT1;Jo').records[1]!.fields).toEqual(['T1', 'Jo']);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const parsed = parseCsv('id,name\nT1,ok\nT2,"never closed\nT3,x\n');
    expect(lines(parsed)).toEqual([
      '3: a quote opened on this line is never closed: everything after it was read as one value',
    ]);
    expect(parsed.records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('reports a stray quote inside a value and text after a closing quote', () => {
    const parsed = parseCsv('id,name\nT1,Jo "JJ" Smith\nT2,"Jo"x\nT3,fine');
    expect(lines(parsed)).toEqual([
      '2: a quote inside value 2: put the whole value in quotes and write the quote twice ("")',
      '3: text after a closing quote in value 2: a quote inside a quoted value is written twice ("")',
    ]);
    expect(parsed.records.at(-1)).toEqual({ line: 4, fields: ['T3', 'fine'] });
  });
});

describe('previewTeamsCsv', () => {
  it('lists rows to add and to change, with categories by id or name, and confirms only without problems', () => {
    const preview = previewTeamsCsv(
      'id,name,categories\nT01,Circuit Breakers,robot-design|Innovation Project\nT99,"New Team, Ltd",innovation-project\n',
      event(),
    );
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.action, r.entity.id, r.entity.categoryIds])).toEqual([
      [2, 'same', 'T01', ['robot-design', 'innovation-project']],
      [3, 'add', 'T99', ['innovation-project']],
    ]);
    expect(preview.rows[1]!.entity.name).toBe('New Team, Ltd');
    expect(preview.canConfirm).toBe(true);
  });

  it('names every bad row by its line and cannot be confirmed', () => {
    const preview = previewTeamsCsv(
      [
        'id,name,categories',
        'T50,Good Team,robot-design',
        'T50,Same Id,robot-design',
        'T 51,Bad Id,robot-design',
        'T52,,robot-design',
        'T53,Lost,underwater-basket-weaving',
        'T54,Too,robot-design,extra',
        'T55,"open quote,robot-design',
      ].join('\n'),
      event(),
    );
    expect(lines(preview)).toEqual([
      '3: the id "T50" is already on line 2',
      '4: "T 51" is not a valid id: use letters, digits, _ and - (at most 64)',
      "5: the team's name is empty",
      '6: unknown category "underwater-basket-weaving" (the categories are robot-design, innovation-project)',
      '7: 4 values, but the header has 3 columns (a value with a comma needs quotes: "Smith, Jo")',
      '8: a quote opened on this line is never closed: everything after it was read as one value',
    ]);
    expect(preview.canConfirm).toBe(false);
  });

  it('refuses unknown, repeated and missing header columns, and an empty paste', () => {
    expect(lines(previewTeamsCsv('id,title,colour,id\nT1,x,y,z', event()))).toEqual([
      '1: unknown column "title": the columns are id, name, categories',
      '1: unknown column "colour": the columns are id, name, categories',
      '1: the column "id" is there twice',
      '1: the header needs a "name" column (the columns are id, name, categories)',
    ]);
    expect(lines(previewTeamsCsv('  \n', event()))).toEqual([
      '1: nothing to import: paste a header row (id,name,categories) and one row per team',
    ]);
    expect(lines(previewTeamsCsv('name\n', event()))).toEqual(['1: no teams below the header row']);
  });

  it('makes ids from names, matches an existing team by name when no id is given, keeps withdrawn', () => {
    const e = event();
    e.teams[0]!.withdrawn = true;
    const preview = previewTeamsCsv('name\nCircuit Breakers\nÉcole Polytechnique\n', e);
    expect(preview.rows.map((r) => [r.action, r.entity.id, r.entity.withdrawn])).toEqual([
      ['same', 'T01', true],
      ['add', 'ecole-polytechnique', false],
    ]);
    // Without a categories column an existing team keeps its categories.
    expect(preview.rows[0]!.entity.categoryIds).toEqual(e.teams[0]!.categoryIds);
  });

  it('a file that changes nothing cannot be confirmed', () => {
    const e = event();
    const t = e.teams[0]!;
    const preview = previewTeamsCsv(
      `id,name,categories\n${t.id},${t.name},${t.categoryIds.join(';')}`,
      e,
    );
    expect(preview.rows[0]!.action).toBe('same');
    expect(preview.canConfirm).toBe(false);
  });
});

describe('previewJudgesCsv', () => {
  it('reads conflicts as team ids or names and keeps the removed marker', () => {
    const e = event();
    e.judges[0]!.removed = true;
    const preview = previewJudgesCsv(
      'id,name,conflicts\nJ1,Amara Okafor,T02\nJ9,Zed New,T01;Gear Grinders\n',
      e,
    );
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => [r.action, r.entity])).toEqual([
      ['change', { id: 'J1', name: 'Amara Okafor', conflicts: ['T02'], removed: true }],
      ['add', { id: 'J9', name: 'Zed New', conflicts: ['T01', 'T02'] }],
    ]);
  });

  it('names an unknown conflict team and an empty name by line', () => {
    const preview = previewJudgesCsv('id,name,conflicts\nJ9,,\nJ10,Ok,T404\n', event());
    expect(lines(preview)).toEqual([
      "2: the judge's name is empty",
      '3: conflict with unknown team "T404": add the team first, or check its id',
    ]);
    expect(preview.canConfirm).toBe(false);
  });
});
