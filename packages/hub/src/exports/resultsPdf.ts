import type { EventResults, JudgingEvent, LockTable } from '@judgehub/model';
import { standingStatus, withdrawnTeams } from '../commands/exportTables.js';
import { PdfReport } from './pdfReport.js';
import { noProgress, type ExportProgress } from './progress.js';
import { categoryNote, formatNumber, isProvisional, utcStamp } from './reportText.js';

/**
 * The printable results: every category's standings (rank, team, score, judges counted of
 * assigned, status), categories in display order. Provisional results say so on every page.
 */
export async function resultsPdf(
  event: JudgingEvent,
  results: EventResults,
  takenAt: number,
  locks: LockTable | null,
  progress: ExportProgress = noProgress,
): Promise<Buffer> {
  const provisional = results.categories.some(isProvisional);
  const report = new PdfReport({
    title: `${event.settings.name} — Results`,
    flag: provisional ? 'PROVISIONAL' : '',
    footer: `Exported ${utcStamp(takenAt)} · ${event.settings.id}`,
  });
  report.heading(event.settings.name, 20, `Results as of ${utcStamp(takenAt)}`);
  const counted = results.categories.reduce((n, c) => n + c.sheetsSubmitted, 0);
  const assigned = results.categories.reduce((n, c) => n + c.sheetsAssigned, 0);
  if (counted === 0)
    report.notice(
      'No results yet: nobody has submitted a sheet. Every team is listed as awaiting scores.',
    );
  else if (provisional)
    report.notice(
      `Provisional: ${counted} of ${assigned} assigned sheets are counted. Scores and places may still change.`,
    );
  const withdrawn = withdrawnTeams(event);
  let done = 0;
  for (const category of results.categories) {
    const lock = locks?.scope(category.categoryId);
    report.heading(
      `${category.categoryName}${isProvisional(category) ? ' (provisional)' : ''}`,
      14,
      `${categoryNote(category)}${lock?.locked && lock.latest ? ` · locked ${utcStamp(lock.latest.at)}` : ''}`,
    );
    if (category.standings.length === 0) report.paragraph('No teams are entered in this category.');
    else
      report.table(
        [
          { header: 'Rank', share: 0.7, align: 'right' },
          { header: 'Team', share: 4 },
          { header: 'Score', share: 1.1, align: 'right' },
          { header: 'Judges', share: 1, align: 'right' },
          { header: 'Status', share: 1.6 },
        ],
        category.standings.map((s) => [
          s.rank === null ? '–' : String(s.rank),
          `${s.teamName} (${s.teamId})`,
          formatNumber(s.score, s.score === null ? undefined : category.rules.decimals),
          `${s.judgesCounted} of ${s.judgesAssigned}`,
          standingStatus(s, withdrawn),
        ]),
      );
    await progress(++done, results.categories.length);
  }
  return report.finish();
}
