import type { EventResults, JudgingEvent, LockTable, ScoreSheet } from '@judgehub/model';
import {
  RESULTS_COLUMNS,
  SHEETS_COLUMNS,
  resultsRows,
  sheetsRows,
  standingStatus,
  withdrawnTeams,
} from '../commands/exportTables.js';
import { sheetName, writeXlsx, type XlsxSheet } from './xlsxWriter.js';

export const SUMMARY_COLUMNS = [
  'Category ID',
  'Category',
  'Teams ranked',
  'Teams awaiting scores',
  'Sheets counted',
  'Sheets assigned',
  'Status',
  'Locked',
] as const;

/** A category's standings, without the two category columns the sheet's name already gives. */
const CATEGORY_COLUMNS = RESULTS_COLUMNS.slice(2);

/**
 * The results workbook: a `Summary` sheet (one row per category), one sheet per category with
 * its standings (the same columns as the results CSV, less the category), and `Sheets` with every
 * assigned sheet's values (the sheets CSV). docs/EXPORTS.md lists the columns.
 */
export function resultsXlsx(
  event: JudgingEvent,
  results: EventResults,
  sheetsByJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>,
  locks: LockTable | null = null,
): Uint8Array {
  const taken = new Set<string>();
  const withdrawn = withdrawnTeams(event);
  const summary: XlsxSheet = {
    name: sheetName('Summary', taken),
    header: SUMMARY_COLUMNS,
    rows: results.categories.map((c) => {
      const ranked = c.standings.filter((s) => s.score !== null).length;
      const awaiting = c.standings.length - ranked;
      const complete = c.standings.every((s) => standingStatus(s, withdrawn) === 'complete');
      return [
        c.categoryId,
        c.categoryName,
        ranked,
        awaiting,
        c.sheetsSubmitted,
        c.sheetsAssigned,
        c.standings.length === 0 ? 'no teams' : complete ? 'complete' : 'provisional',
        locks?.scope(c.categoryId).locked ? 'yes' : 'no',
      ];
    }),
  };
  const allRows = resultsRows(event, results);
  const perCategory: XlsxSheet[] = results.categories.map((c) => ({
    name: sheetName(c.categoryName, taken),
    header: CATEGORY_COLUMNS,
    rows: allRows.filter((row) => row[0] === c.categoryId).map((row) => row.slice(2)),
  }));
  const sheets: XlsxSheet = {
    name: sheetName('Sheets', taken),
    header: SHEETS_COLUMNS,
    rows: sheetsRows(event, sheetsByJudge),
  };
  return writeXlsx([summary, ...perCategory, sheets]);
}
