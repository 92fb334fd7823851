import * as Y from 'yjs';
import {
  RESULTS_DOC,
  commitField,
  criterionField,
  demoEvent,
  readResults,
  sheetsDocName,
  type EventResults,
} from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { BrowserLikeWebSocketImpl } from '../helpers/browserLikeWebSocket.js';

/** One sheet to submit: every criterion at `level` of its range (0 the minimum, 1 the maximum). */
export interface SheetPlan {
  judgeId: string;
  teamId: string;
  categoryId: string;
  level: number;
}

const DEMO = demoEvent();

/** The judges the demo event assigns to a team in a category (the same on every demo hub). */
export function demoJudgesOf(teamId: string, categoryId: string): string[] {
  return DEMO.assignments
    .filter((a) => a.teamId === teamId && a.categoryId === categoryId)
    .map((a) => a.judgeId);
}

/** A demo team's name. */
export function demoTeamName(teamId: string): string {
  return DEMO.teams.find((t) => t.id === teamId)!.name;
}

/** The judges' tokens, from the sign-in links the hub printed ("J1 Amara Okafor" → token). */
export function judgeTokens(links: Map<string, string>): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const [label, url] of links) {
    const judgeId = /^(J\d+) /.exec(label)?.[1];
    const token = new URL(url).searchParams.get('token');
    if (judgeId && token) tokens.set(judgeId, token);
  }
  return tokens;
}

/** The sheet's published total for a plan: Σ weight × value, as docs/SCORING.md adds it up. */
export function planTotal(plan: Omit<SheetPlan, 'judgeId' | 'teamId'>): number {
  const category = DEMO.categories.find((c) => c.id === plan.categoryId)!;
  return category.criteria.reduce((sum, c) => sum + c.weight * valueAt(c, plan.level), 0);
}

function valueAt(c: { min: number; max: number; step: number }, level: number): number {
  return c.min + Math.round((level * (c.max - c.min)) / c.step) * c.step;
}

/**
 * Submits complete sheets exactly as judges' tablets do: each judge's sheet document through the
 * sync client, over the hub's WebSocket, and waits until the hub has every value on disk.
 */
export async function submitSheets(
  baseUrl: string,
  tokens: Map<string, string>,
  plans: SheetPlan[],
): Promise<void> {
  const byJudge = new Map<string, SheetPlan[]>();
  for (const plan of plans) byJudge.set(plan.judgeId, [...(byJudge.get(plan.judgeId) ?? []), plan]);
  await Promise.all(
    [...byJudge].map(async ([judgeId, sheets]) => {
      const token = tokens.get(judgeId);
      if (!token) throw new Error(`no link for judge ${judgeId}`);
      const doc = new Y.Doc();
      const sync = new DocSync({
        serverUrl: `${baseUrl.replace(/^http/, 'ws')}/sync`,
        docName: sheetsDocName(judgeId),
        token,
        doc,
        WebSocketImpl: BrowserLikeWebSocketImpl,
      });
      try {
        await until(() => sync.status.synced, `${judgeId} synced`);
        let at = Date.now();
        for (const plan of sheets) {
          const category = DEMO.categories.find((c) => c.id === plan.categoryId)!;
          const base = {
            teamId: plan.teamId,
            categoryId: plan.categoryId,
            author: judgeId,
            device: `e2e-${judgeId}`,
          };
          for (const criterion of category.criteria) {
            commitField(doc, {
              ...base,
              field: criterionField(criterion.id),
              value: valueAt(criterion, plan.level),
              at: at++,
            });
          }
          commitField(doc, { ...base, field: 'status', value: 'submitted', at: at++ });
        }
        const clock = Y.getState(doc.store, doc.clientID);
        await until(() => sync.isDurable(doc.clientID, clock - 1), `${judgeId} saved on hub`);
      } finally {
        sync.destroy();
        doc.destroy();
      }
    }),
  );
}

/**
 * Waits until the hub's live results (read as a scoreboard reads them) satisfy `ready`: proof
 * that new scores reached the standings, whatever a frozen screen shows.
 */
export async function waitForLiveResults(
  baseUrl: string,
  scoreboardToken: string,
  ready: (results: EventResults) => boolean,
  what: string,
): Promise<void> {
  const doc = new Y.Doc();
  const sync = new DocSync({
    serverUrl: `${baseUrl.replace(/^http/, 'ws')}/sync`,
    docName: RESULTS_DOC,
    token: scoreboardToken,
    doc,
    WebSocketImpl: BrowserLikeWebSocketImpl,
  });
  try {
    await until(() => sync.status.synced && ready(readResults(doc)), what);
  } finally {
    sync.destroy();
    doc.destroy();
  }
}

async function until(ready: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
