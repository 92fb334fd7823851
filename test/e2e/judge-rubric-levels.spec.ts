import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';

let dataDir: string;
let hub: HubProcess | null = null;

test.beforeEach(async () => {
  dataDir = tempDataDir();
  hub = await startHubProcess(dataDir, await freePort());
});

test.afterEach(async () => {
  await hub?.stop();
  hub = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a judge sees what each level means, and may leave an optional criterion empty', async ({
  page,
}) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto(hub!.links.get('J1 Amara Okafor')!);

  // Robot Design: mechanical design has level descriptors; the chosen one is spelled out.
  await page.getByTestId('team-T01-robot-design').click();
  const mechanical = page.getByTestId('criterion-mechanical');
  await expect(mechanical).toContainText('1 Beginning · 4 Developing · 7 Accomplished');
  await mechanical.getByRole('radio', { name: '7', exact: true }).click();
  await expect(page.getByTestId('level-mechanical')).toHaveText(
    '7 — Accomplished: Reliable; most parts have a purpose.',
  );
  await expect(page.getByTestId('submit')).toBeDisabled();
  await expect(page.getByText('4 required criteria still to score')).toBeVisible();
  await page.getByTestId('back').click();

  // Innovation Project: "Sharing" is optional, so the sheet can be submitted without it.
  const card = page.locator('[data-testid$="-innovation-project"]').first();
  await card.click();
  await expect(page.getByTestId('criterion-sharing')).toContainText('(optional)');
  for (const [criterion, value] of [
    ['problem', '6'],
    ['solution', '7'],
    ['presentation', '3.5'],
  ] as const) {
    const group = page.getByTestId(`criterion-${criterion}`);
    await group.getByRole('radio', { name: value, exact: true }).click();
    await expect(group.getByTestId('saved-on-hub')).toBeVisible();
  }
  await expect(page.getByText('Every required criterion is scored.')).toBeVisible();
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('submitted')).toContainText('saved on hub');
});
