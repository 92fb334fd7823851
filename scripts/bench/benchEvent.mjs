// The events the benchmark runs on, made the same way for every server: an event file (what
// `judgehub import` reads) and, for the peers, the same documents as Yjs updates.
import * as Y from 'yjs';
import {
  EVENT_DOC,
  EVENT_FILE_FORMAT,
  EVENT_FILE_VERSION,
  RESULTS_DOC,
  commitFileSheet,
  computeResults,
  readSheets,
  sheetsDocName,
  writeEvent,
  writeResults,
} from '@judgehub/model';

/**
 * `teams` teams entered in `categories` categories of `criteria` criteria each (0–10, step 1),
 * `judgesPerSheet` judges per team and category, dealt round-robin over `judges` judges. Every
 * assigned sheet is filled in and submitted, except two of each of `draftJudges` judges (spread
 * over the list), which are left blank for the burst to fill.
 */
export function benchEvent({
  id,
  teams,
  categories,
  criteria,
  judges,
  judgesPerSheet,
  draftJudges = 0,
}) {
  if (judges < judgesPerSheet) throw new Error('fewer judges than judges per sheet');
  const cats = Array.from({ length: categories }, (_, c) => ({
    id: `C${c + 1}`,
    name: `Category ${c + 1}`,
    order: c + 1,
    criteria: Array.from({ length: criteria }, (_, k) => ({
      id: `k${k + 1}`,
      label: `Criterion ${k + 1}`,
      description: '',
      min: 0,
      max: 10,
      step: 1,
      weight: k % 3 === 0 ? 2 : 1,
    })),
  }));
  const teamList = Array.from({ length: teams }, (_, t) => ({
    id: `T${String(t + 1).padStart(3, '0')}`,
    name: `Team ${t + 1}`,
    categoryIds: cats.map((c) => c.id),
    withdrawn: false,
  }));
  const judgeList = Array.from({ length: judges }, (_, j) => ({
    id: `J${j + 1}`,
    name: `Judge ${j + 1}`,
  }));
  const assignments = [];
  let next = 0;
  for (const category of cats)
    for (const team of teamList)
      for (let k = 0; k < judgesPerSheet; k++)
        assignments.push({
          judgeId: judgeList[next++ % judges].id,
          teamId: team.id,
          categoryId: category.id,
        });
  const event = {
    settings: { id, name: `Benchmark event ${id}` },
    categories: cats,
    teams: teamList,
    judges: judgeList,
    assignments,
  };

  // Two sheets of each draft judge stay blank: the burst submits them. Draft judges are spread
  // over the list, so no team is left with no submitted sheet in a category.
  const byJudge = new Map(judgeList.map((j) => [j.id, []]));
  for (const a of assignments) byJudge.get(a.judgeId).push(a);
  const drafts = new Map();
  const every = Math.max(1, Math.floor(judges / Math.max(1, draftJudges)));
  for (const judge of judgeList.filter((_, i) => i % every === 0).slice(0, draftJudges)) {
    const own = byJudge.get(judge.id);
    if (own.length < 3) throw new Error(`${judge.id} has too few sheets for the burst`);
    drafts.set(judge.id, own.slice(1, 3));
  }
  const isDraft = (a) => drafts.get(a.judgeId)?.includes(a) ?? false;
  let seed = 12345;
  const nextValue = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return 3 + (seed % 7);
  };
  const sheets = assignments
    .filter((a) => !isDraft(a))
    .map((a) => ({
      judgeId: a.judgeId,
      teamId: a.teamId,
      categoryId: a.categoryId,
      values: Object.fromEntries(cats[0].criteria.map((c) => [c.id, nextValue()])),
      status: 'submitted',
    }));
  return { event, sheets, drafts };
}

/** The file `judgehub import` reads (docs/EVENT_FILE.md). */
export function eventFile({ event, sheets }) {
  return { format: EVENT_FILE_FORMAT, version: EVENT_FILE_VERSION, event, sheets };
}

/**
 * The same content as the documents a JudgeHub hub holds after importing the event file: the
 * event, each judge's sheets and the derived results, as one Yjs update per document.
 */
export function seedDocuments({ event, sheets }) {
  const docs = new Map();
  const eventDoc = new Y.Doc();
  writeEvent(eventDoc, event);
  docs.set(EVENT_DOC, eventDoc);
  for (const sheet of sheets) {
    const name = sheetsDocName(sheet.judgeId);
    let doc = docs.get(name);
    if (!doc) docs.set(name, (doc = new Y.Doc()));
    commitFileSheet(doc, sheet, 'import');
  }
  const byJudge = new Map(
    event.judges.map((j) => {
      const doc = docs.get(sheetsDocName(j.id));
      return [j.id, doc ? readSheets(doc) : new Map()];
    }),
  );
  const results = new Y.Doc();
  writeResults(results, computeResults(event, byJudge));
  docs.set(RESULTS_DOC, results);
  return new Map([...docs].map(([name, doc]) => [name, Y.encodeStateAsUpdate(doc)]));
}

/**
 * Slots are the (team, category) pairs a scoreboard shows a score for, numbered
 * category-major; `judges` lists who has a submitted sheet there (steady judging revises those).
 */
export function scoreSlots({ event, sheets }) {
  const teamIndex = new Map(event.teams.map((t, i) => [t.id, i]));
  const catIndex = new Map(event.categories.map((c, i) => [c.id, i]));
  const slots = [];
  for (const c of event.categories)
    for (const t of event.teams) slots.push({ teamId: t.id, categoryId: c.id, judges: [] });
  for (const s of sheets)
    slots[catIndex.get(s.categoryId) * event.teams.length + teamIndex.get(s.teamId)].judges.push(
      s.judgeId,
    );
  return slots;
}
