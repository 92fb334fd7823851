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
  issueToken(hub.store, 'organiser', null, 'Organiser');
  issueToken(hub.store, 'head-judge', null, 'Head judge');
  issueToken(hub.store, 'scoreboard', null, 'Scoreboard');
  for (const judge of event.judges) issueToken(hub.store, 'judge', judge.id, judge.name);
  hub.registry.flush();
  return { ok: true };
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
};
const ROLE_ORDER: Role[] = ['scoreboard', 'organiser', 'head-judge', 'judge'];

/** The sign-in links for everyone with a token, scoreboard first, judges by id. */
export function accessLinks(hub: Pick<RunningHub, 'store'>, baseUrl: string): AccessLink[] {
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
      label: t.label,
      url: `${baseUrl}/${PAGE[t.role]}?token=${encodeURIComponent(t.token)}`,
    }));
}
