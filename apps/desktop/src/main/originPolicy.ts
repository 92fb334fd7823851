import type { SenderInfo } from './ipcBinding.js';

/**
 * Where each window may be: the start window only ever shows our own page, served on a private
 * scheme; hub pages (organiser, scoreboard, judge view) stay on the chosen hub's origin. Pure, so
 * every rule is unit tested; the Electron glue in windows.ts applies them.
 */
export const UI_SCHEME = 'judgehub-app';
export const UI_HOST = 'ui';
export const UI_ENTRY = `${UI_SCHEME}://${UI_HOST}/index.html`;

/** Whether `url` is a page of our own start window (`judgehub-app://ui/…`). */
export function isUiUrl(url: string | null): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${UI_SCHEME}:` && parsed.host === UI_HOST;
}

/**
 * The origin (`http://192.168.1.20:7420`) of a hub page URL, or null when the URL is not one a
 * hub can have: only http and https, no user name or password, a host.
 */
export function hubOriginOf(url: string | null): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.origin;
}

/** Whether a hub window may go to `url`: only to the chosen hub's own origin. */
export function isAllowedHubUrl(url: string, hubOrigin: string | null): boolean {
  return hubOrigin !== null && hubOriginOf(url) === hubOrigin;
}

/**
 * Whether an IPC call may be served: it must come from the main frame of one of our start
 * windows while that frame shows our own page (never a hub's page, never a subframe).
 */
export function isTrustedSender(
  sender: SenderInfo,
  uiWebContentsIds: ReadonlySet<number>,
): boolean {
  return (
    uiWebContentsIds.has(sender.webContentsId) && sender.isMainFrame && isUiUrl(sender.frameUrl)
  );
}

function parse(url: string | null): URL | null {
  if (url === null) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
