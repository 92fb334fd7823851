import path from 'node:path';
import {
  type CategoryResult,
  computeResults,
  roundTo,
  resolveRules,
  type EventResults,
  type JudgingEvent,
  type ScoringRules,
} from '@judgehub/model';
import { ExitCode, usageError, type CliCommand } from './command.js';
import { standingStatus, withdrawnTeams } from './exportTables.js';
import { readHubData } from './hubData.js';

export const resultsCommand: CliCommand = {
  name: 'results',
  summary: 'Print the standings per category as a table',
  help: `Usage: judgehub results [--data DIR]

Prints each category's standings: rank, team, score, how many judges' sheets count of those
assigned, and whether the score is provisional (sheets still missing) or awaiting scores.
Below each category: its top N under every aggregation method, flagging where the choice of
method would change who places (see docs/SCORING.md).
Safe while the hub runs; it shows what is saved on the hub now.

Options:
  --data DIR   Data folder (default ./data)
`,
  options: ['data'],
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      return usageError(io, 'results', `unexpected "${positionals.join(' ')}"`);
    const read = readHubData(path.resolve(values.data ?? 'data'));
    if (!read.ok) {
      io.stderr(`judgehub results: ${read.message}\n`);
      return ExitCode.Failed;
    }
    const { event, sheetsByJudge } = read.data;
    io.stdout(formatResultsTable(event, computeResults(event, sheetsByJudge)));
    return ExitCode.Ok;
  },
};

/**
 * The standings as aligned text, one block per category. Scores show the category's decimals,
 * rounded as docs/SCORING.md says (the engine has rounded them already; this only pads 40 → 40.0).
 */
export function formatResultsTable(event: JudgingEvent, results: EventResults): string {
  const withdrawn = withdrawnTeams(event);
  const lines = [`${results.eventName} — results`, ''];
  for (const category of results.categories) {
    const rules = event.categories.find((c) => c.id === category.categoryId);
    const decimals = rules ? resolveRules(rules).decimals : 2;
    const rows = category.standings.map((s) => {
      const status = standingStatus(s, withdrawn);
      return [
        s.rank === null ? '–' : String(s.rank),
        s.teamId,
        s.teamName,
        s.score === null ? '–' : roundTo(s.score, decimals).toFixed(decimals),
        `${s.judgesCounted} of ${s.judgesAssigned}`,
        status === 'complete' ? '' : status,
      ];
    });
    lines.push(category.categoryName);
    if (rows.length === 0) {
      lines.push('  No teams entered.', '');
      continue;
    }
    const header = ['Rank', 'Team', '', 'Score', 'Judges', ''];
    const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    // Numbers right-aligned, text left-aligned; the team id and name share the "Team" heading.
    const right = [true, false, false, true, false, false];
    const format = (cells: string[]) =>
      `  ${cells.map((c, i) => (right[i] ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join('  ')}`.trimEnd();
    lines.push(format(header), ...rows.map(format), '');
    // Once some team has a score: before that every method ranks nobody.
    if (rules && category.methods.some((m) => m.standings.length > 0))
      lines.push(...methodsBlock(category, resolveRules(rules)), '');
  }
  lines.push(
    'Judges: sheets counted of judges assigned. provisional: sheets still missing, the score may move.',
    '',
  );
  return lines.join('\n');
}

/** The category's top N under each aggregation method, the published one first. */
function methodsBlock(category: CategoryResult, rules: ScoringRules): string[] {
  const label = (m: CategoryResult['methods'][number]) =>
    m.aggregation === 'trimmed-mean' ? `trimmed mean (k=${m.trim})` : m.aggregation;
  const ordered = [...category.methods].sort(
    (a, b) =>
      Number(b.aggregation === rules.aggregation) - Number(a.aggregation === rules.aggregation),
  );
  const width = Math.max(...ordered.map((m) => label(m).length));
  const heading = category.topNChangesWithMethod
    ? `  Top ${rules.topN} by method — WARNING: the choice of method changes the top ${rules.topN}`
    : `  Top ${rules.topN} by method — the same under every method`;
  return [
    heading,
    ...ordered.map((m) => {
      const top = m.standings
        .filter((s) => s.rank <= rules.topN)
        .map((s) => `${s.rank}. ${s.teamId}`)
        .join('  ');
      const note =
        m.aggregation === rules.aggregation ? '  (published)' : m.changesTopN ? '  (differs)' : '';
      return `    ${label(m).padEnd(width)}  ${top || '–'}${note}`;
    }),
  ];
}
