import {
  countSheet,
  isCounted,
  roundHalfAwayFromZero,
  sheetKey,
  teamFeedback,
  type Category,
  type CategoryFeedback,
  type CategoryResult,
  type EventResults,
  type JudgingEvent,
  type ScoreSheet,
  type Team,
} from '@judgehub/model';
import { PdfReport, type ReportColumn } from './pdfReport.js';
import { noProgress, type ExportProgress } from './progress.js';
import { formatNumber, isProvisional, rulesInWords, utcStamp } from './reportText.js';

/** More judges than this and the table shows the aggregate, lowest and highest instead. */
const MAX_JUDGE_COLUMNS = 6;

/**
 * One team's feedback per category: each criterion as every counted judge scored it (judges are
 * "Judge A", "Judge B" … in the order they are assigned, not named) and aggregated with the
 * category's method, the judges' totals and the published score, then the judges' comments.
 * Only counted sheets (submitted, every required criterion scored; docs/SCORING.md) are shown.
 */
export interface TeamCategoryFeedback {
  category: Category;
  result: CategoryResult | undefined;
  judges: {
    label: string;
    sheet: ScoreSheet;
    values: ReadonlyMap<string, number>;
    total: number;
  }[];
  assigned: number;
  /** What the team's own view shows (packages/model `teamFeedback`): the aggregated values. */
  shared: CategoryFeedback;
}

export function judgesFeedback(
  event: JudgingEvent,
  team: Team,
  results: EventResults,
  sheetsByJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>,
): TeamCategoryFeedback[] {
  const standingOf = (categoryId: string) =>
    results.categories
      .find((r) => r.categoryId === categoryId)
      ?.standings.find((s) => s.teamId === team.id);
  const shared = teamFeedback(event, team.id, sheetsByJudge, standingOf)?.categories ?? [];
  return shared.flatMap((sharedCategory) => {
    const category = event.categories.find((c) => c.id === sharedCategory.categoryId);
    if (!category) return [];
    const assigned = event.assignments.filter(
      (a) => a.teamId === team.id && a.categoryId === category.id,
    );
    const judges: TeamCategoryFeedback['judges'] = [];
    for (const a of assigned) {
      const sheet = sheetsByJudge.get(a.judgeId)?.get(sheetKey(team.id, category.id));
      if (!sheet) continue;
      const counted = countSheet(category, sheet);
      if (!isCounted(counted)) continue;
      judges.push({
        label: `Judge ${judgeLetter(judges.length)}`,
        sheet,
        values: counted.values,
        total: counted.total,
      });
    }
    return [
      {
        category,
        result: results.categories.find((r) => r.categoryId === category.id),
        judges,
        assigned: assigned.length,
        shared: sharedCategory,
      },
    ];
  });
}

/** A, B, … Z, AA, AB … */
function judgeLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export async function feedbackPdf(
  event: JudgingEvent,
  results: EventResults,
  sheetsByJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>,
  takenAt: number,
  progress: ExportProgress = noProgress,
): Promise<Buffer> {
  const teams = event.teams.filter((t) => !t.withdrawn);
  const provisional = results.categories.some(isProvisional);
  const report = new PdfReport({
    title: `${event.settings.name} — Feedback`,
    flag: provisional ? 'PROVISIONAL' : '',
    footer: `Exported ${utcStamp(takenAt)} · ${event.settings.id}`,
  });
  if (teams.length === 0) report.paragraph('This event has no teams.');
  let done = 0;
  for (const team of teams) {
    if (!report.atPageTop) report.newPage();
    report.heading(
      team.name,
      20,
      `Feedback from the judges · ${event.settings.name} · team ${team.id}`,
    );
    const feedback = judgesFeedback(event, team, results, sheetsByJudge);
    if (feedback.length === 0) report.paragraph('This team is not entered in any category.');
    for (const part of feedback) drawCategory(report, team, part);
    await progress(++done, teams.length);
  }
  return report.finish();
}

function drawCategory(report: PdfReport, team: Team, part: TeamCategoryFeedback): void {
  const { category, result, judges } = part;
  const rules = result?.rules;
  const decimals = rules?.decimals ?? 2;
  const standing = result?.standings.find((s) => s.teamId === team.id);
  const place =
    standing?.rank != null && result
      ? `Place ${standing.rank} of ${result.standings.length} · score ${formatNumber(standing.score, decimals)} of ${formatNumber(result.maxScore)}`
      : 'Awaiting scores: no counted sheet yet';
  const open = !standing || standing.score === null || standing.provisional;
  report.heading(
    `${category.name}${open ? ' (provisional)' : ''}`,
    14,
    `${place} · ${judges.length} of ${part.assigned} judges' sheets counted${rules ? ` · ${rulesInWords(rules)}` : ''}`,
  );
  if (judges.length === 0) {
    report.paragraph('No judge has submitted a complete sheet for this team yet.');
    return;
  }
  const aggregation = part.shared.aggregation;
  const perJudge = judges.length <= MAX_JUDGE_COLUMNS;
  const columns: ReportColumn[] = [
    { header: 'Criterion', share: perJudge ? 3.2 : 3.6 },
    ...(perJudge
      ? judges.map((j) => ({ header: j.label, share: 1, align: 'right' as const }))
      : [
          { header: 'Lowest', share: 1, align: 'right' as const },
          { header: 'Highest', share: 1, align: 'right' as const },
        ]),
    { header: capitalise(aggregation.replace('-', ' ')), share: 1.3, align: 'right' },
  ];
  const rows = category.criteria.map((c) => {
    const values = judges.map((j) => j.values.get(c.id));
    const given = values.filter((v): v is number => v !== undefined);
    const label = `${c.label} (${formatNumber(c.min)} to ${formatNumber(c.max)}${c.weight !== 1 ? `, ×${formatNumber(c.weight)}` : ''})`;
    return [
      label,
      ...(perJudge
        ? values.map((v) => (v === undefined ? '–' : formatNumber(v)))
        : [
            given.length ? formatNumber(Math.min(...given)) : '–',
            given.length ? formatNumber(Math.max(...given)) : '–',
          ]),
      // The same number the team's own feedback page shows.
      formatNumber(
        part.shared.criteria.find((k) => k.criterionId === c.id)?.value ?? null,
        decimals,
      ),
    ];
  });
  const totals = judges.map((j) => j.total);
  rows.push([
    'Total (weighted)',
    ...(perJudge
      ? totals.map((t) => formatNumber(roundHalfAwayFromZero(t, decimals), decimals))
      : [formatNumber(Math.min(...totals)), formatNumber(Math.max(...totals))]),
    formatNumber(standing?.score ?? null, decimals),
  ]);
  report.table(columns, rows);
  if (rules?.normalisation === 'z-score')
    report.paragraph(
      "The score uses z-score normalisation of each judge's values (docs/SCORING.md), so it is not simply the aggregate of the values above.",
      { size: 8 },
    );
  const comments = judges.filter((j) => (j.sheet.comment?.value ?? '').trim() !== '');
  report.paragraph("Judges' comments", { bold: true, size: 11 });
  if (comments.length === 0) report.paragraph('No comments.', { size: 10 });
  for (const j of comments) report.paragraph(`${j.label}: ${j.sheet.comment?.value ?? ''}`);
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
