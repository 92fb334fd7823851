/**
 * Where a judge's tablet signs in: the hub's `/join` page (PIN entry) on the venue network. Never
 * a link with a token: the QR code is on a wall for anyone to photograph. The hub's address on
 * the venue network is used when the hub reports one, else this page's own address; a loopback
 * address (the laptop itself) is never used, since no tablet can reach it: then there is no code.
 */
export function joinUrl(
  hubUrl: string | null | undefined,
  here: Location = location,
): string | null {
  for (const base of [hubUrl, here.origin]) {
    if (!base) continue;
    try {
      const url = new URL('/join', base);
      if (/^https?:$/.test(url.protocol) && !isLoopback(url.hostname)) return url.href;
    } catch {
      // Not an address: try the next one.
    }
  }
  return null;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\./.test(hostname)
  );
}
