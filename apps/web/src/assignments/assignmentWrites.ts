import * as Y from 'yjs';
import { assignmentKey, eventMaps, type Assignment, type AssignmentPlan } from '@judgehub/model';

/**
 * The organiser's writes of assignments to the `event` document, each in one transaction. Only
 * assignments change here: score sheets live in the judges' documents and are never touched, so
 * removing an assignment keeps every value its sheet holds.
 */

/** What this device wrote last: saved on the hub once the hub's durable ack covers `clock`. */
export interface WriteMark {
  what: string;
  clientId: number;
  /** The device's own Yjs clock after the write; null when the write only deleted. */
  clock: number | null;
}

function mark(doc: Y.Doc, what: string, before: number): WriteMark {
  const after = Y.getState(doc.store, doc.clientID);
  return { what, clientId: doc.clientID, clock: after > before ? after - 1 : null };
}

/** Runs a write and marks it, for any document (the rounds in `control` too). */
export function tracked<T>(doc: Y.Doc, what: string, write: () => T): [WriteMark, T] {
  const before = Y.getState(doc.store, doc.clientID);
  const result = write();
  return [mark(doc, what, before), result];
}

/** Writes a generated plan: drops what it removes, writes what is new or moved. */
export function writePlan(doc: Y.Doc, plan: AssignmentPlan): WriteMark {
  const before = Y.getState(doc.store, doc.clientID);
  const { assignments } = eventMaps(doc);
  doc.transact(() => {
    for (const a of plan.removed) assignments.delete(assignmentKey(a));
    for (const a of plan.written) assignments.set(assignmentKey(a), a);
  });
  return mark(
    doc,
    `Plan written: ${plan.written.length} new or moved, ${plan.removed.length} removed`,
    before,
  );
}

/** Adds an assignment, or replaces the one with the same judge, team and category. */
export function putAssignment(doc: Y.Doc, a: Assignment, what: string): WriteMark {
  const before = Y.getState(doc.store, doc.clientID);
  eventMaps(doc).assignments.set(assignmentKey(a), a);
  return mark(doc, what, before);
}

export function removeAssignment(doc: Y.Doc, a: Assignment, what: string): WriteMark {
  const before = Y.getState(doc.store, doc.clientID);
  eventMaps(doc).assignments.delete(assignmentKey(a));
  return mark(doc, what, before);
}

/** Gives an assignment to another judge, keeping its room and time: one transaction. */
export function moveAssignment(
  doc: Y.Doc,
  a: Assignment,
  judgeId: string,
  what: string,
): WriteMark {
  const before = Y.getState(doc.store, doc.clientID);
  const { assignments } = eventMaps(doc);
  doc.transact(() => {
    assignments.delete(assignmentKey(a));
    const moved = { ...a, judgeId };
    assignments.set(assignmentKey(moved), moved);
  });
  return mark(doc, what, before);
}
