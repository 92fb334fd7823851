/** The port `judgehub serve` listens on unless told otherwise. */
const DEFAULT_PORT = 7420;

export type HubAddress = { ok: true; joinUrl: string } | { ok: false; message: string };

/**
 * What a person types as the hub's address — `192.168.1.20:7420`, `192.168.1.20`,
 * `http://judgehub.local:7420/` — as the URL of that hub's join page.
 */
export function parseHubAddress(typed: string): HubAddress {
  const text = typed.trim();
  if (!text)
    return {
      ok: false,
      message: 'Type the hub address shown by the organiser, e.g. 192.168.1.20:7420.',
    };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return { ok: false, message: 'That is not an address. It looks like 192.168.1.20:7420.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return {
      ok: false,
      message: 'The hub address starts with http:// (or just type 192.168.1.20:7420).',
    };
  if (!url.hostname || url.username || url.password)
    return { ok: false, message: 'That is not an address. It looks like 192.168.1.20:7420.' };
  const port = url.port || (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? '' : String(DEFAULT_PORT));
  return { ok: true, joinUrl: `${url.protocol}//${url.hostname}${port ? `:${port}` : ''}/join` };
}
