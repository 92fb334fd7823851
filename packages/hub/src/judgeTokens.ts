import { EVENT_DOC, readEvent, type Judge } from '@judgehub/model';
import type { HubStore } from '@judgehub/store';
import type { DocRegistry } from './DocRegistry.js';
import type { Logger } from './logger.js';
import { issueToken } from './tokens.js';

/**
 * Gives every judge in the list who has no live sign-in link one (with a PIN). Removed judges get
 * none; a judge reinstated later gets one then. Returns the judges given a link.
 */
export function ensureJudgeTokens(store: HubStore, judges: readonly Judge[]): string[] {
  const live = new Set(
    store
      .listTokens()
      .filter((t) => t.role === 'judge')
      .map((t) => t.judgeId),
  );
  const issued: string[] = [];
  for (const judge of judges) {
    if (judge.removed || live.has(judge.id)) continue;
    issueToken(store, 'judge', judge.id, judge.name);
    live.add(judge.id);
    issued.push(judge.id);
  }
  return issued;
}

/**
 * Keeps a sign-in link for every judge of the event: a judge the organiser adds on the setup page
 * (a Yjs write to the event document) has a QR code and PIN on the organiser's access page as soon
 * as the hub has stored the change. Returns a function that stops watching.
 */
export function watchJudgeTokens(registry: DocRegistry, store: HubStore, log: Logger): () => void {
  const doc = registry.get(EVENT_DOC).doc;
  const judges = doc.getMap('judges');
  const check = () => {
    const issued = ensureJudgeTokens(store, readEvent(doc).judges);
    if (issued.length > 0) log.info('judge.links_issued', { judges: issued });
  };
  // Only changes to the judges map can need a new link; rubric and team edits cost nothing here.
  const onChange = () => check();
  judges.observe(onChange);
  check();
  return () => judges.unobserve(onChange);
}
