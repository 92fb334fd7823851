import {
  computeResults,
  eventFileSheets,
  serializeEventFile,
  type ExportKind,
  type ExportKindInfo,
} from '@judgehub/model';
import type { HubStore } from '@judgehub/store';
import { resultsCsv, sheetsCsv } from '../commands/exportTables.js';
import { summariseUpdateJson } from '../updateSummary.js';
import { auditCsv, type DocHistory } from './auditLog.js';
import type { HubSnapshot } from './hubSnapshot.js';
import { yieldToHub, type ExportProgress } from './progress.js';
import { resultsXlsx } from './resultsXlsx.js';

export { EXPORT_KINDS, isExportKind, type ExportKind } from '@judgehub/model';

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
  /** Things the organiser should know about this file (e.g. values left out), in words. */
  notes: string[];
}

/** What an export is made from: the documents at one moment and, for the audit log, the store. */
export interface ExportSource {
  snapshot: HubSnapshot;
  store: HubStore;
}

interface KindInfo extends Omit<ExportKindInfo, 'kind'> {
  contentType: string;
  build(
    source: ExportSource,
    progress: ExportProgress,
  ): Promise<{ bytes: Uint8Array; notes: string[] }>;
}

const CSV = 'text/csv; charset=utf-8';
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const results = (source: ExportSource) =>
  computeResults(source.snapshot.event, source.snapshot.sheetsByJudge);

export const KIND_INFO: Record<ExportKind, KindInfo> = {
  'results-csv': {
    label: 'Results (CSV)',
    contains: 'One row per team per category: rank, score, judges counted and assigned, status.',
    long: false,
    unit: null,
    extension: 'csv',
    contentType: CSV,
    build: (source) =>
      Promise.resolve({
        bytes: text(resultsCsv(source.snapshot.event, results(source))),
        notes: [],
      }),
  },
  'results-xlsx': {
    label: 'Results (Excel)',
    contains:
      'A summary sheet, one sheet per category with its standings, and every sheet’s values.',
    long: false,
    unit: null,
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    build: (source) =>
      Promise.resolve({
        bytes: resultsXlsx(
          source.snapshot.event,
          results(source),
          source.snapshot.sheetsByJudge,
          source.snapshot.locks,
        ),
        notes: [],
      }),
  },
  'results-pdf': {
    label: 'Results report (PDF)',
    contains:
      'A printable A4 report: each category’s standings, marked provisional while incomplete.',
    long: true,
    unit: 'categories',
    extension: 'pdf',
    contentType: 'application/pdf',
    build: async (source, progress) => ({
      // pdfkit (with its fonts) loads on the first PDF, not at every hub start.
      bytes: await (
        await import('./resultsPdf.js')
      ).resultsPdf(
        source.snapshot.event,
        results(source),
        source.snapshot.takenAt,
        source.snapshot.locks,
        progress,
      ),
      notes: [],
    }),
  },
  'feedback-pdf': {
    label: 'Team feedback (PDF)',
    contains:
      'One A4 section per team, each on its own page: criterion scores per judge, the aggregate, and the judges’ comments.',
    long: true,
    unit: 'teams',
    extension: 'pdf',
    contentType: 'application/pdf',
    build: async (source, progress) => ({
      bytes: await (
        await import('./feedbackPdf.js')
      ).feedbackPdf(
        source.snapshot.event,
        results(source),
        source.snapshot.sheetsByJudge,
        source.snapshot.takenAt,
        progress,
      ),
      notes: [],
    }),
  },
  'sheets-csv': {
    label: 'Score sheets (CSV)',
    contains: 'One row per assigned sheet per criterion, started or not, with values and comments.',
    long: false,
    unit: null,
    extension: 'csv',
    contentType: CSV,
    build: (source) =>
      Promise.resolve({
        bytes: text(sheetsCsv(source.snapshot.event, source.snapshot.sheetsByJudge)),
        notes: [],
      }),
  },
  'event-json': {
    label: 'Event file (JSON)',
    contains: 'The whole event with every score sheet: a backup that judgehub import reads back.',
    long: false,
    unit: null,
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    build: (source) => {
      const { event, rawSheetsByJudge } = source.snapshot;
      const { sheets, notes } = eventFileSheets(event, rawSheetsByJudge);
      return Promise.resolve({ bytes: text(serializeEventFile(event, sheets)), notes });
    },
  },
  'audit-csv': {
    label: 'Audit log (CSV)',
    contains:
      'Every change the hub stored, oldest first: when, who, which device and document, and for score sheets the field with its old and new value.',
    long: true,
    unit: 'documents',
    extension: 'csv',
    contentType: CSV,
    build: async (source, progress) => {
      const docs = source.store.listDocs();
      const history: DocHistory[] = [];
      for (const [i, doc] of docs.entries()) {
        history.push({ doc, entries: source.store.compaction.history(doc, summariseUpdateJson) });
        await progress(i + 1, docs.length + 1);
      }
      await yieldToHub();
      const csv = auditCsv(source.snapshot.event, history);
      await progress(docs.length + 1, docs.length + 1);
      return { bytes: text(csv), notes: [] };
    },
  },
};

/** `regional-2026-results-2026-12-06.pdf`: the event id, what, and the hub's local date. */
export function exportFilename(kind: ExportKind, eventId: string, at: number): string {
  const d = new Date(at);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const what = kind.slice(0, kind.lastIndexOf('-'));
  return `${eventId}-${what}-${date}.${KIND_INFO[kind].extension}`;
}

/** Builds one export. */
export async function buildExport(
  kind: ExportKind,
  source: ExportSource,
  progress: ExportProgress,
): Promise<ExportFile> {
  const info = KIND_INFO[kind];
  const { bytes, notes } = await info.build(source, progress);
  return {
    bytes,
    contentType: info.contentType,
    filename: exportFilename(kind, source.snapshot.event.settings.id, source.snapshot.takenAt),
    notes,
  };
}
