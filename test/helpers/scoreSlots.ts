import type { JudgingEvent } from '@judgehub/model';

/** One criterion of one assigned sheet, with every value the rubric allows. */
export interface ScoreSlot {
  teamId: string;
  categoryId: string;
  criterionId: string;
  /** The valid steps from min to max. */
  values: number[];
}

/** Every criterion a judge may score in `event`, so a test can commit random valid values. */
export function scoreSlots(event: JudgingEvent, judgeId: string): ScoreSlot[] {
  const slots: ScoreSlot[] = [];
  for (const assignment of event.assignments) {
    if (assignment.judgeId !== judgeId) continue;
    const category = event.categories.find((c) => c.id === assignment.categoryId);
    if (!category) throw new Error(`assignment to unknown category ${assignment.categoryId}`);
    for (const criterion of category.criteria) {
      const steps = Math.round((criterion.max - criterion.min) / criterion.step);
      const values = Array.from({ length: steps + 1 }, (_, i) =>
        Number((criterion.min + i * criterion.step).toFixed(6)),
      );
      slots.push({
        teamId: assignment.teamId,
        categoryId: category.id,
        criterionId: criterion.id,
        values,
      });
    }
  }
  if (slots.length === 0) throw new Error(`judge ${judgeId} has no assignments`);
  return slots;
}
