import { describe, expect, test } from 'vitest';
import { parseHubAddress } from './hubAddress.js';

describe('a hub address typed by a judge', () => {
  test.each([
    ['192.168.1.20', 'http://192.168.1.20:7420', '192.168.1.20:7420'],
    ['  192.168.1.20:7420 ', 'http://192.168.1.20:7420', '192.168.1.20:7420'],
    ['192.168.1.20:8080', 'http://192.168.1.20:8080', '192.168.1.20:8080'],
    ['judgehub.local', 'http://judgehub.local:7420', 'judgehub.local:7420'],
    ['[fe80::1]:7420', 'http://[fe80::1]:7420', '[fe80::1]:7420'],
    // An explicit port 80 is what was typed, not "no port".
    ['hub:80', 'http://hub', 'hub'],
    ['http://192.168.1.20', 'http://192.168.1.20', '192.168.1.20'],
    ['https://hub.example.org:8443/', 'https://hub.example.org:8443', 'hub.example.org:8443'],
  ])('%s → %s', (input, origin, label) => {
    expect(parseHubAddress(input)).toEqual({ ok: true, origin, label, page: null });
  });

  test('a pasted judge link opens that link; the address part is the hub', () => {
    expect(parseHubAddress('http://192.168.1.20:7420/judge?token=Ab_9')).toEqual({
      ok: true,
      origin: 'http://192.168.1.20:7420',
      label: '192.168.1.20:7420',
      page: '/judge?token=Ab_9',
    });
    // A page without a token is just an address.
    expect(parseHubAddress('http://192.168.1.20:7420/judge')).toMatchObject({ page: null });
    expect(parseHubAddress('http://192.168.1.20:7420/admin?token=x')).toMatchObject({ page: null });
  });

  test.each([
    ['', 'Type the hub’s address, e.g. 192.168.1.20 or 192.168.1.20:7420.'],
    ['192.168.1 .20', 'An address has no spaces.'],
    ['file:///etc/passwd', 'Only http:// and https:// addresses can be hubs.'],
    ['javascript:alert(1)', 'Only http:// and https:// addresses can be hubs.'],
    ['ftp://hub', 'Only http:// and https:// addresses can be hubs.'],
    ['http://judge:pin@hub', 'A hub address has no user name or password in it.'],
    ['192.168.1.20:99999', '“192.168.1.20:99999” is not an address.'],
  ])('%j is refused: %s', (input, problem) => {
    expect(parseHubAddress(input)).toEqual({ ok: false, problem });
  });
});
