/** The port `judgehub serve` and the app's hub listen on unless told otherwise. */
export const DEFAULT_HUB_PORT = 7420;

export type HubAddress =
  | {
      ok: true;
      /** `http://192.168.1.20:7420` */
      origin: string;
      /** `192.168.1.20:7420`, for people. */
      label: string;
      /**
       * Path and query of a pasted judge link (`/judge?token=…`), to open instead of the join
       * page; null for a bare address.
       */
      page: string | null;
    }
  | { ok: false; problem: string };

const PAGES_WITH_TOKEN = /^\/(judge|join)\/?$/;

/**
 * Reads what a judge typed as a hub address: `192.168.1.20`, `192.168.1.20:7420`,
 * `judgehub.local`, `[fe80::1]:7420`, `http://…` or a whole judge link. A bare host gets the
 * default port; an address with a scheme is taken as written.
 */
export function parseHubAddress(input: string, defaultPort = DEFAULT_HUB_PORT): HubAddress {
  const text = input.trim();
  if (text === '')
    return {
      ok: false,
      problem: 'Type the hub’s address, e.g. 192.168.1.20 or 192.168.1.20:7420.',
    };
  if (/\s/.test(text)) return { ok: false, problem: 'An address has no spaces.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (!hasScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text))
    return { ok: false, problem: 'Only http:// and https:// addresses can be hubs.' };
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return { ok: false, problem: `“${text.slice(0, 80)}” is not an address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, problem: 'Only http:// and https:// addresses can be hubs.' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, problem: 'A hub address has no user name or password in it.' };
  if (url.hostname === '') return { ok: false, problem: 'The address needs a host.' };
  // `url.port` is empty for 80 too, so look at what was typed: `hub:80` means port 80.
  if (!hasScheme && !/^(\[[^\]]*\]|[^/:?#[]*):\d+/.test(text)) url.port = String(defaultPort);
  const page =
    PAGES_WITH_TOKEN.test(url.pathname) && url.searchParams.has('token')
      ? `${url.pathname}${url.search}`
      : null;
  return { ok: true, origin: url.origin, label: url.host, page };
}

/** `http://192.168.1.20:7420` → `192.168.1.20:7420` */
export function originLabel(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
