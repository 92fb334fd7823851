import type { BrowserContext, Page } from '@playwright/test';
import config from '../../playwright.config.js';
import type { HubProcess } from './hubProcess.js';
import { demoJudgesOf, judgeTokens, submitSheets, type SheetPlan } from './judgeSheets.js';

/**
 * A name for the hub's address that is not loopback, so the scoreboard shows its join QR code as
 * it does on a venue network (on `localhost` it shows none: no tablet could reach that).
 */
export const VENUE_HOST = 'judgehub.test';

/** Launch options that resolve VENUE_HOST to this machine, on top of the suite's own. */
export function venueLaunchOptions() {
  const base = config.use?.launchOptions ?? {};
  return {
    ...base,
    args: [...(base.args ?? []), `--host-resolver-rules=MAP ${VENUE_HOST} 127.0.0.1`],
  };
}

/** A link the hub printed, found by the start of its label ("Scoreboard", "Organiser", "J1"). */
export function hubLink(hub: HubProcess, label: string): string {
  for (const [name, url] of hub.links) if (name.startsWith(label)) return url;
  throw new Error(`the hub printed no "${label}" link:\n${hub.output()}`);
}

/** The scoreboard controls, signed in with the organiser's link. */
export function controlsLink(hub: HubProcess): string {
  const url = new URL(hubLink(hub, 'Organiser'));
  url.pathname = '/organiser/scoreboard';
  return url.href;
}

/** The scoreboard link on VENUE_HOST instead of 127.0.0.1. */
export function venueBoardLink(hub: HubProcess): string {
  const url = new URL(hubLink(hub, 'Scoreboard'));
  url.hostname = VENUE_HOST;
  return url.href;
}

/** Every judge assigned to `teamId` in `categoryId` (or the first `judges` of them) submits. */
export function sheetsFor(
  teamId: string,
  categoryId: string,
  step: number,
  judges = 3,
): SheetPlan[] {
  // Levels in ninths land on whole steps of the demo's 1–10 criteria: distinct steps, distinct
  // totals; equal steps, equal totals (a tie).
  return demoJudgesOf(teamId, categoryId)
    .slice(0, judges)
    .map((judgeId) => ({ judgeId, teamId, categoryId, level: step / 9 }));
}

/**
 * A mid-day picture of the demo event: in Robot Design eleven teams scored (some by fewer judges
 * than assigned: provisional), T04 and T09 tied for sixth, three awaiting scores; Innovation
 * Project barely started.
 */
export const MIDDAY: SheetPlan[] = [
  ...sheetsFor('T01', 'robot-design', 9),
  ...sheetsFor('T11', 'robot-design', 8),
  ...sheetsFor('T05', 'robot-design', 7, 1),
  ...sheetsFor('T03', 'robot-design', 6),
  ...sheetsFor('T07', 'robot-design', 5, 2),
  ...sheetsFor('T04', 'robot-design', 4),
  ...sheetsFor('T09', 'robot-design', 4),
  ...sheetsFor('T02', 'robot-design', 3, 2),
  ...sheetsFor('T10', 'robot-design', 2),
  ...sheetsFor('T06', 'robot-design', 1),
  ...sheetsFor('T08', 'robot-design', 0),
  ...sheetsFor('T01', 'innovation-project', 6),
  ...sheetsFor('T02', 'innovation-project', 8, 1),
  ...sheetsFor('T03', 'innovation-project', 5, 2),
  ...sheetsFor('T05', 'innovation-project', 7),
  ...sheetsFor('T06', 'innovation-project', 3, 1),
];

export async function submit(hub: HubProcess, plans: SheetPlan[]): Promise<void> {
  await submitSheets(hub.baseUrl, judgeTokens(hub.links), plans);
}

/** Opens a page at a viewport size. */
export async function openAt(
  context: BrowserContext,
  url: string,
  width: number,
  height: number,
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(url);
  return page;
}

/**
 * Clicks a control on `page`, bringing it to the front first: Chromium barely draws a page in the
 * background, and Playwright waits for frames before it clicks.
 */
export async function press(page: Page, testId: string): Promise<void> {
  await page.bringToFront();
  await page.getByTestId(testId).click();
}
