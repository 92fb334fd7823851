/**
 * The organiser's exports over HTTP (docs/EXPORTS.md): the shapes the hub sends and the exports
 * page reads.
 */

export const EXPORT_KINDS = [
  'results-csv',
  'results-xlsx',
  'results-pdf',
  'feedback-pdf',
  'sheets-csv',
  'event-json',
  'audit-csv',
] as const;

export type ExportKind = (typeof EXPORT_KINDS)[number];

export const isExportKind = (value: unknown): value is ExportKind =>
  typeof value === 'string' && (EXPORT_KINDS as readonly string[]).includes(value);

/** One export as the page lists it (`GET /api/exports`). */
export interface ExportKindInfo {
  kind: ExportKind;
  label: string;
  /** What the file holds, in a sentence. */
  contains: string;
  /** Built step by step as a job with progress. */
  long: boolean;
  /** What the progress counts ("3 of 12 teams"); null when it is made in one step. */
  unit: 'categories' | 'teams' | 'documents' | null;
  extension: string;
}

/** `GET /api/exports`. */
export interface ExportOverview {
  eventId: string;
  eventName: string;
  /** Assigned sheets submitted so far: 0 means "no results yet". */
  sheetsSubmitted: number;
  sheetsAssigned: number;
  kinds: ExportKindInfo[];
}

/** `POST /api/exports/jobs` and `GET /api/exports/jobs/<id>`. */
export interface ExportJobState {
  id: string;
  kind: ExportKind;
  state: 'running' | 'done' | 'failed';
  /** Units done and in all (categories, teams or documents); 0 of 0 until it knows. */
  done: number;
  total: number;
  filename: string | null;
  bytes: number | null;
  /** Things the organiser should know about the file, in words. */
  notes: string[];
  error: string | null;
}
