import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type {
  ClientView,
  ConnectResult,
  DesktopApi,
  DesktopState,
  HubActionResult,
  HubListing,
} from '@judgehub/desktop/contract';

/**
 * The desktop app's start window (apps/desktop/src/renderer, as built) in Chromium, with a test
 * double of the preload's one API object in place of Electron's main process. The double keeps
 * the state the window shows, records every call, and answers as the test tells it to.
 */
const RENDERER = fileURLToPath(new URL('../../apps/desktop/dist/renderer/', import.meta.url));
export const START_PAGE = 'http://desktop.test/index.html';

/** What the test can do to the double from outside the page. */
export interface DesktopDoubleControl {
  calls: [string, unknown][];
  setState(state: DesktopState): void;
  /** The answer to the next connectToHub call (default: ok). */
  answerConnect(result: ConnectResult): void;
  /** The answer to the next hubAction call (default: ok). */
  answerHubAction(result: HubActionResult): void;
  cspViolations: string[];
}

declare global {
  interface Window {
    __desktop: DesktopDoubleControl;
  }
}

export function desktopState(overrides: Partial<DesktopState> = {}): DesktopState {
  return {
    screen: 'mode-choice',
    mode: null,
    client: clientView(),
    hub: { status: 'stopped' },
    appVersion: '0.1.0',
    ...overrides,
  };
}

export function clientView(overrides: Partial<ClientView> = {}): ClientView {
  return {
    hubs: [],
    discovery: { active: true, detail: 'Looking on wlan0 (192.168.1.23).' },
    lastHub: null,
    reconnect: null,
    problem: null,
    ...overrides,
  };
}

export function listing(overrides: Partial<HubListing> & Pick<HubListing, 'hubId'>): HubListing {
  return {
    eventName: '',
    address: '192.168.1.20:7420',
    otherAddresses: 0,
    joinable: true,
    note: null,
    lastUsed: false,
    ...overrides,
  };
}

/**
 * Serves the built start page on http://desktop.test/ and installs the double before any of the
 * page's scripts run (as the preload does). `null`: no API at all, as in a plain browser.
 */
export async function openStartPage(page: Page, initial: DesktopState | null): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html')))
    throw new Error(`${RENDERER} is not built: run npm run build first.`);
  await page.route('http://desktop.test/**', async (route) => {
    const { pathname } = new URL(route.request().url());
    const file = path.resolve(RENDERER, `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(RENDERER) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ path: file });
  });
  await page.addInitScript(installDouble, initial);
  await page.goto(START_PAGE);
}

/** Runs in the page, before its scripts: serialised by Playwright, so it imports nothing. */
function installDouble(initial: DesktopState | null): void {
  const cspViolations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
  );
  const calls: [string, unknown][] = [];
  const connectAnswers: ConnectResult[] = [];
  const actionAnswers: HubActionResult[] = [];
  let state = initial;
  const listeners = new Set<(state: DesktopState) => void>();
  const push = (next: DesktopState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  window.__desktop = {
    calls,
    cspViolations,
    setState: push,
    answerConnect: (result) => connectAnswers.push(result),
    answerHubAction: (result) => actionAnswers.push(result),
  };
  if (!state) return;
  const api = {
    getState: async () => {
      calls.push(['getState', undefined]);
      return state!;
    },
    onState: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    chooseMode: async (mode) => {
      calls.push(['chooseMode', mode]);
      // As the main process does: the chosen mode's screen follows.
      push({ ...state!, mode, screen: mode === 'hub' ? 'hub' : 'join' });
    },
    connectToHub: async (request) => {
      calls.push(['connectToHub', request]);
      return connectAnswers.shift() ?? { ok: true, address: '192.168.1.20:7420' };
    },
    cancelReconnect: async () => {
      calls.push(['cancelReconnect', undefined]);
      push({ ...state!, client: { ...state!.client, reconnect: null } });
    },
    hubAction: async (action) => {
      calls.push(['hubAction', action]);
      return actionAnswers.shift() ?? { ok: true };
    },
  } satisfies DesktopApi;
  Object.defineProperty(window, 'judgehub', { value: Object.freeze(api) });
}

export async function callsOf(page: Page, method?: string): Promise<[string, unknown][]> {
  const calls = await page.evaluate(() => window.__desktop.calls);
  return method ? calls.filter(([name]) => name === method) : calls;
}

export async function setState(page: Page, state: DesktopState): Promise<void> {
  await page.evaluate((next) => window.__desktop.setState(next), state);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__desktop.cspViolations);
}
