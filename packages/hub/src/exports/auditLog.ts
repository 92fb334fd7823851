import {
  isHeadJudgeAuthor,
  isSheetEntry,
  parseDocName,
  type JudgingEvent,
  type SheetEntry,
} from '@judgehub/model';
import type { AuditEntry } from '@judgehub/store';
import { toCsv, type CsvCell } from '../commands/csv.js';
import type { UpdateSummary } from '../updateSummary.js';

/**
 * The audit log: every change the hub stored, oldest first, from the store's log (live rows and
 * rows retired by compaction, `HubStore.compaction.history`). A score sheet's change is one row
 * per score entry, with the field, the value it replaced and the new value, and the author and
 * device the entry itself records; any other document's change is one row with a summary.
 */
export const AUDIT_COLUMNS = [
  'Received (UTC)',
  'Device time (UTC)',
  'Role',
  'Judge ID',
  'Judge',
  'Author',
  'Device',
  'Document',
  'Team ID',
  'Team',
  'Category ID',
  'Field',
  'Old value',
  'New value',
  'Change',
  'Log row',
] as const;

/** One document's stored history, as `HubStore.compaction.history(doc, summariseUpdateJson)`. */
export interface DocHistory {
  doc: string;
  entries: AuditEntry[];
}

export function auditRows(event: JudgingEvent, history: readonly DocHistory[]): CsvCell[][] {
  const judges = new Map(event.judges.map((j) => [j.id, j.name]));
  const teams = new Map(event.teams.map((t) => [t.id, t.name]));
  const criteria = new Map(
    event.categories.flatMap((c) => c.criteria.map((k) => [`${c.id}|${k.id}`, k.label] as const)),
  );
  const rows: { id: number; cells: CsvCell[] }[] = [];
  for (const { doc, entries } of history) {
    const isSheet = parseDocName(doc)?.kind === 'sheets';
    // Every entry of a sheet by id, to name the value a new entry replaced.
    const byId = new Map<string, SheetEntry>();
    if (isSheet)
      for (const e of entries)
        for (const set of parseSummary(e.changes).set)
          if (isSheetEntry(set.value)) byId.set(set.value.id, set.value);
    for (const row of entries) {
      const who = parseOrigin(row.origin);
      const judgeName = who.judgeId ? (judges.get(who.judgeId) ?? '') : '';
      const received = isoTime(row.createdAt);
      const summary = parseSummary(row.changes);
      const scoreEntries = isSheet ? summary.set.map((s) => s.value).filter(isSheetEntry) : [];
      for (const entry of scoreEntries) {
        const old = entry.prev.map((id) => byId.get(id)?.value);
        rows.push({
          id: row.id,
          cells: [
            received,
            isoTime(entry.at),
            who.role,
            who.judgeId,
            judgeName,
            isHeadJudgeAuthor(entry.author)
              ? `${entry.author} (head judge correction)`
              : entry.author,
            entry.device,
            doc,
            entry.teamId,
            teams.get(entry.teamId) ?? '',
            entry.categoryId,
            fieldLabel(entry, criteria),
            oldValue(old),
            cellValue(entry.value),
            old.length === 0 ? 'set' : old.length > 1 ? 'resolved concurrent values' : 'changed',
            row.id,
          ],
        });
      }
      if (
        scoreEntries.length === 0 ||
        summary.deleted > 0 ||
        summary.set.length > scoreEntries.length
      )
        rows.push({
          id: row.id,
          cells: [
            received,
            '',
            who.role,
            who.judgeId,
            judgeName,
            '',
            '',
            doc,
            '',
            '',
            '',
            '',
            '',
            '',
            describe(summary, isSheet),
            row.id,
          ],
        });
    }
  }
  rows.sort((a, b) => a.id - b.id);
  return rows.map((r) => r.cells);
}

export function auditCsv(event: JudgingEvent, history: readonly DocHistory[]): string {
  return toCsv(AUDIT_COLUMNS, auditRows(event, history));
}

/** `judge:J3` → judge, J3; `organiser` → organiser; the store never holds a token here. */
function parseOrigin(origin: string): { role: string; judgeId: string | null } {
  const colon = origin.indexOf(':');
  return colon < 0
    ? { role: origin, judgeId: null }
    : { role: origin.slice(0, colon), judgeId: origin.slice(colon + 1) };
}

function parseSummary(changes: string): UpdateSummary {
  try {
    const parsed = JSON.parse(changes) as Partial<UpdateSummary>;
    return {
      set: Array.isArray(parsed.set) ? parsed.set : [],
      deleted: typeof parsed.deleted === 'number' ? parsed.deleted : 0,
    };
  } catch {
    return { set: [], deleted: 0 };
  }
}

function fieldLabel(entry: SheetEntry, criteria: ReadonlyMap<string, string>): string {
  if (!entry.field.startsWith('criterion:')) return entry.field;
  const id = entry.field.slice('criterion:'.length);
  const label = criteria.get(`${entry.categoryId}|${id}`);
  return label ? `${label} (${id})` : entry.field;
}

/** A number stays a number cell; cleared is said in words, never an empty (= unknown) cell. */
function cellValue(value: number | string | null | undefined): CsvCell {
  if (value === null) return '(cleared)';
  if (value === undefined) return '(unknown)';
  return value;
}

function oldValue(values: (number | string | null | undefined)[]): CsvCell {
  if (values.length === 0) return null;
  if (values.length === 1) return cellValue(values[0]);
  return values.map((v) => String(cellValue(v))).join(' | ');
}

function describe(summary: UpdateSummary, isSheet: boolean): string {
  const byMap = new Map<string, { key: string | null; value: unknown }[]>();
  for (const s of summary.set) {
    if (isSheet && isSheetEntry(s.value)) continue;
    const map = s.map ?? '(nested)';
    byMap.set(map, [...(byMap.get(map) ?? []), s]);
  }
  const parts: string[] = [];
  for (const [map, sets] of byMap) {
    // A few values are shown; a large change (the event's set-up) names its keys only.
    if (sets.length <= MAX_VALUES_SHOWN)
      parts.push(
        `${map}: ${sets.map((s) => (s.key === null ? shortJson(s.value) : `${s.key} = ${shortJson(s.value)}`)).join('; ')}`,
      );
    else {
      const keys = sets.map((s) => s.key ?? '?');
      const more = keys.length > MAX_KEYS_SHOWN ? ` and ${keys.length - MAX_KEYS_SHOWN} more` : '';
      parts.push(`${map}: ${keys.slice(0, MAX_KEYS_SHOWN).join(', ')}${more} set`);
    }
  }
  if (summary.deleted > 0) parts.push(`${summary.deleted} earlier item(s) replaced or removed`);
  return parts.length > 0 ? parts.join(' / ') : 'no visible change (structure only)';
}

const MAX_VALUES_SHOWN = 3;
const MAX_KEYS_SHOWN = 20;

function shortJson(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

function isoTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}
