/**
 * Who a score entry says committed it (`SheetEntry.author`). A judge's own entries carry the
 * judge's id; a head judge's corrections carry `head:<id>`. Judge ids never contain a colon
 * (docNames.ts), so the two can never be mistaken for each other, and the hub checks on every
 * update that an entry's author is the writer's own (packages/hub `sheetWriteCheck.ts`).
 */

const HEAD_JUDGE_PREFIX = 'head:';
const AUTHOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The author of a head judge's correction, e.g. `head:H1`; `id` names the head judge. */
export function headJudgeAuthor(id: string): string {
  return `${HEAD_JUDGE_PREFIX}${id}`;
}

/**
 * The author a head judge's device writes as: `head:<id>` with the id its token names, or
 * `head:HJ` when the token names nobody (the one head judge an event set up gets).
 */
export function headJudgeAuthorFor(judgeId: string | null): string {
  return headJudgeAuthor(judgeId ?? 'HJ');
}

/** Whether an entry's author marks it as a head judge's correction. */
export function isHeadJudgeAuthor(author: string): boolean {
  return (
    author.startsWith(HEAD_JUDGE_PREFIX) && AUTHOR_ID.test(author.slice(HEAD_JUDGE_PREFIX.length))
  );
}
