import {
  commitField,
  headJudgeAuthorFor,
  undoLastChange,
  writeLock,
  type LockKind,
  type ScoreSheet,
  type SheetEntry,
  type SheetField,
} from '@judgehub/model';
import type * as Y from 'yjs';
import { deviceId } from '../shared/session.js';

/**
 * What the head judge does on the review page, each one new entry on top of what is there:
 * corrections are marked as the head judge's (`headJudgeAuthor`), and nothing is ever removed.
 */
export interface Reviewer {
  /** `head:<id>` for the head judge; `organiser` locks but cannot correct sheets. */
  author: string;
  canCorrect: boolean;
}

export function reviewerFor(role: string, judgeId: string | null): Reviewer {
  return role === 'head-judge'
    ? { author: headJudgeAuthorFor(judgeId), canCorrect: true }
    : { author: 'organiser', canCorrect: false };
}

export interface SheetTarget {
  doc: Y.Doc;
  teamId: string;
  categoryId: string;
}

/** Sets a field as the head judge: resolves a conflict, accepts a value held aside. */
export function correct(
  reviewer: Reviewer,
  target: SheetTarget,
  field: SheetField,
  value: number | string | null,
): SheetEntry | null {
  return commitField(target.doc, {
    teamId: target.teamId,
    categoryId: target.categoryId,
    field,
    value,
    author: reviewer.author,
    device: deviceId(),
    always: true,
  });
}

/** The value of a field that counts now (values held aside left out); null when blank. */
export function countedValue(sheet: ScoreSheet | null, field: SheetField): number | string | null {
  if (field === 'comment') return sheet?.comment?.value ?? null;
  if (field === 'status') return sheet?.statusState?.value ?? null;
  return sheet?.values.get(field.slice('criterion:'.length))?.value ?? null;
}

/** Dismisses a value held aside: the value that counts now is committed on top of it. */
export function dismiss(
  reviewer: Reviewer,
  target: SheetTarget,
  counted: ScoreSheet | null,
  entry: SheetEntry,
) {
  return correct(reviewer, target, entry.field, countedValue(counted, entry.field));
}

export function undo(reviewer: Reviewer, target: SheetTarget, held: ReadonlySet<string>) {
  return undoLastChange(
    target.doc,
    {
      teamId: target.teamId,
      categoryId: target.categoryId,
      author: reviewer.author,
      device: deviceId(),
    },
    { excluded: held },
  );
}

export function setLock(
  reviewer: Reviewer,
  control: Y.Doc,
  kind: LockKind,
  categoryId: string,
  teamId?: string,
) {
  return writeLock(control, { kind, categoryId, teamId, by: reviewer.author, device: deviceId() });
}
