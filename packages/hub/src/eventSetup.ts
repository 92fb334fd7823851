import {
  EVENT_DOC,
  hasEvent,
  readEvent,
  validateEvent,
  writeEvent,
  type JudgingEvent,
} from '@judgehub/model';
import type { Role } from '@judgehub/store';
import { HUB_ORIGIN } from './DocRegistry.js';
import type { RunningHub } from './Hub.js';
import { issueToken } from './tokens.js';
import { ensureJudgeTokens } from './judgeTokens.js';
import { ensureTeamCodes } from './teamApi.js';

export type SetUpResult = { ok: true } | { ok: false; problems: string[] };

/**
 * Creates the event on an empty hub: the event document's structure is written once, here, and
 * access tokens are issued for the organiser, the head judge, the scoreboards and each judge.
 */
export function setUpEvent(
  hub: Pick<RunningHub, 'registry' | 'store'>,
  event: JudgingEvent,
): SetUpResult {
  const doc = hub.registry.get(EVENT_DOC).doc;
  if (hasEvent(doc))
    return {
      ok: false,
      problems: [`this hub already has the event "${readEvent(doc).settings.name}"`],
    };
  const problems = validateEvent(event);
  if (problems.length > 0) return { ok: false, problems };
  writeEvent(doc, event, HUB_ORIGIN);
  // The organiser may already have a link (a hub started with no event issues it at once).
  ensureRoleToken(hub.store, 'organiser', 'Organiser');
  ensureRoleToken(hub.store, 'head-judge', 'Head judge');
  ensureRoleToken(hub.store, 'scoreboard', 'Scoreboard');
  ensureJudgeTokens(hub.store, event.judges);
  ensureTeamCodes(hub.store, event);
  hub.registry.flush();
  return { ok: true };
}

/** Issues a link for a role that has no live one (organiser, head judge, scoreboard). */
export function ensureRoleToken(
  store: RunningHub['store'],
  role: 'organiser' | 'head-judge' | 'scoreboard',
  label: string,
): void {
  if (!store.listTokens().some((t) => t.role === role)) issueToken(store, role, null, label);
}

/**
 * A hub started on a data folder with no event gives the organiser a link at once, so they can
 * open /organiser/setup and create the event there (eventApi.ts).
 */
export function ensureOrganiserToken(store: RunningHub['store']): void {
  ensureRoleToken(store, 'organiser', 'Organiser');
}

export interface AccessLink {
  role: Role;
  judgeId: string | null;
  label: string;
  url: string;
}

const PAGE: Record<Role, string> = {
  organiser: 'organiser',
  'head-judge': 'head-judge',
  judge: 'judge',
  scoreboard: 'scoreboard',
  team: 'team',
};
const ROLE_ORDER: Role[] = ['scoreboard', 'organiser', 'head-judge', 'judge', 'team'];

/**
 * The sign-in links for everyone with a token, scoreboard first, judges by id. A judge's label is
 * their name in the event now (renamed on the setup page since the link was issued); the stored
 * label only when the judge is no longer in the event.
 */
export function accessLinks(
  hub: Pick<RunningHub, 'store' | 'registry'>,
  baseUrl: string,
): AccessLink[] {
  const judgeNames = new Map(
    readEvent(hub.registry.get(EVENT_DOC).doc).judges.map((j) => [j.id, j.name]),
  );
  return hub.store
    .listTokens()
    .sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        (a.judgeId ?? '').localeCompare(b.judgeId ?? '', 'en', { numeric: true }),
    )
    .map((t) => ({
      role: t.role,
      judgeId: t.judgeId,
      label: (t.role === 'judge' && t.judgeId ? judgeNames.get(t.judgeId) : undefined) ?? t.label,
      url: `${baseUrl}/${PAGE[t.role]}?token=${encodeURIComponent(t.token)}`,
    }));
}
