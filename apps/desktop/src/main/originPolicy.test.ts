import { describe, expect, test } from 'vitest';
import { hubOriginOf, isAllowedHubUrl, isUiUrl, UI_ENTRY } from './originPolicy.js';

describe('where windows may go', () => {
  const hub = 'http://192.168.1.20:7420';

  test('a hub window stays on its hub: same scheme, host and port', () => {
    expect(isAllowedHubUrl('http://192.168.1.20:7420/judge?token=x', hub)).toBe(true);
    expect(isAllowedHubUrl('http://192.168.1.20:7420/scoreboard', hub)).toBe(true);
    for (const elsewhere of [
      'http://192.168.1.20:7421/',
      'https://192.168.1.20:7420/',
      'http://192.168.1.21:7420/',
      'http://evil.example/',
      'http://user:pass@192.168.1.20:7420/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      UI_ENTRY,
      'not a url',
    ])
      expect(isAllowedHubUrl(elsewhere, hub), elsewhere).toBe(false);
  });

  test('the start window (no hub) may go nowhere', () => {
    expect(isAllowedHubUrl('http://192.168.1.20:7420/', null)).toBe(false);
    expect(isAllowedHubUrl(UI_ENTRY, null)).toBe(false);
  });

  test('default ports compare equal to the written-out ones', () => {
    expect(hubOriginOf('http://hub.local:80/x')).toBe('http://hub.local');
    expect(isAllowedHubUrl('https://hub.local:443/judge', 'https://hub.local')).toBe(true);
  });

  test('our own page is recognised only on our scheme and host', () => {
    expect(isUiUrl(UI_ENTRY)).toBe(true);
    expect(isUiUrl('judgehub-app://ui/assets/index.js')).toBe(true);
    expect(isUiUrl('judgehub-app://other/index.html')).toBe(false);
    expect(isUiUrl('http://ui/index.html')).toBe(false);
    expect(isUiUrl(null)).toBe(false);
  });
});
