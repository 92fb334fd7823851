import { defineConfig } from '@playwright/test';

// Browsers are never downloaded here: tests drive Debian's Chromium. There is no webServer
// because each end-to-end test starts (and stops) its own hub.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright-artifacts',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  // A stray test.only would silently skip the rest of the suite in CI.
  forbidOnly: !!process.env['CI'],
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
