import { isValidCriterionValue, type JudgingEvent } from './event.js';
import { validateScoring } from './scoring/rules.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Checks an event for the mistakes that would break judging. Each problem names where it is,
 * e.g. `teams[3].id: duplicate "T04"`. An empty list means the event is usable.
 */
export function validateEvent(event: JudgingEvent): string[] {
  const problems: string[] = [];
  if (!event.settings.name.trim()) problems.push('settings.name: must not be empty');
  if (!ID.test(event.settings.id))
    problems.push(`settings.id: "${event.settings.id}" is not a valid id`);

  const categoryIds = uniqueIds('categories', event.categories, problems);
  event.categories.forEach((category, i) => {
    if (category.criteria.length === 0)
      problems.push(`categories[${i}].criteria: needs at least one criterion`);
    uniqueIds(`categories[${i}].criteria`, category.criteria, problems);
    category.criteria.forEach((c, j) => {
      const at = `categories[${i}].criteria[${j}]`;
      const problemsBefore = problems.length;
      if (!(c.max > c.min))
        problems.push(`${at}: max (${c.max}) must be greater than min (${c.min})`);
      if (!(c.step > 0)) problems.push(`${at}.step: must be greater than 0`);
      else if (
        Math.abs(((c.max - c.min) / c.step) % 1) > 1e-9 &&
        Math.abs(((c.max - c.min) / c.step) % 1) < 1 - 1e-9
      )
        problems.push(`${at}.step: ${c.step} does not divide the range ${c.min}–${c.max}`);
      const rangeOk = problems.length === problemsBefore;
      if (!(c.weight >= 0)) problems.push(`${at}.weight: must be 0 or more`);
      // Levels are checked against the criterion's values, which a bad range leaves undefined.
      if (!rangeOk) return;
      const levelValues = new Set<number>();
      c.levels?.forEach((level, k) => {
        if (!isValidCriterionValue(c, level.value))
          problems.push(
            `${at}.levels[${k}].value: ${level.value} is not a value of this criterion (${c.min} to ${c.max} in steps of ${c.step})`,
          );
        else if (levelValues.has(level.value))
          problems.push(`${at}.levels[${k}].value: a second description for ${level.value}`);
        levelValues.add(level.value);
      });
    });
    problems.push(...validateScoring(category, `categories[${i}].scoring`));
  });

  const teamIds = uniqueIds('teams', event.teams, problems);
  event.teams.forEach((team, i) => {
    team.categoryIds.forEach((id, j) => {
      if (!categoryIds.has(id))
        problems.push(`teams[${i}].categoryIds[${j}]: unknown category "${id}"`);
      else if (team.categoryIds.indexOf(id) !== j)
        problems.push(`teams[${i}].categoryIds[${j}]: "${id}" is listed twice`);
    });
  });
  const judgeIds = uniqueIds('judges', event.judges, problems);

  const seen = new Set<string>();
  event.assignments.forEach((a, i) => {
    const at = `assignments[${i}]`;
    if (!judgeIds.has(a.judgeId)) problems.push(`${at}.judgeId: unknown judge "${a.judgeId}"`);
    if (!teamIds.has(a.teamId)) problems.push(`${at}.teamId: unknown team "${a.teamId}"`);
    if (!categoryIds.has(a.categoryId))
      problems.push(`${at}.categoryId: unknown category "${a.categoryId}"`);
    const team = event.teams.find((t) => t.id === a.teamId);
    if (team && categoryIds.has(a.categoryId) && !team.categoryIds.includes(a.categoryId))
      problems.push(`${at}: team "${a.teamId}" is not entered in category "${a.categoryId}"`);
    const key = `${a.judgeId}|${a.teamId}|${a.categoryId}`;
    if (seen.has(key)) problems.push(`${at}: duplicate assignment`);
    seen.add(key);
  });
  return problems;
}

function uniqueIds(path: string, items: { id: string }[], problems: string[]): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (!ID.test(item.id))
      problems.push(`${path}[${i}].id: "${item.id}" is not a valid id (letters, digits, _ and -)`);
    else if (ids.has(item.id)) problems.push(`${path}[${i}].id: duplicate "${item.id}"`);
    ids.add(item.id);
  });
  return ids;
}
