import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';

const REPLACED = 'This link was replaced by the organiser. Ask them for a new one.';
const JSQR = createRequire(import.meta.url).resolve('jsqr');

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

/**
 * What a camera would read from the QR code as drawn on the page: a screenshot of it, decoded by
 * jsQR on a canvas in a blank page of its own.
 */
async function scanQr(browser: Browser, qr: Locator): Promise<string | null> {
  const png = (await qr.screenshot()).toString('base64');
  const scanner = await browser.newPage();
  try {
    await scanner.addScriptTag({ path: JSQR });
    return await scanner.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      const decode = (window as unknown as { jsQR: JsQr }).jsQR;
      return decode(pixels.data, pixels.width, pixels.height)?.data ?? null;
    }, png);
  } finally {
    await scanner.close();
  }
}
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** A tablet nobody has used yet: its own storage, no token. */
async function freshTablet(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  return context.newPage();
}

test('the organiser’s QR code signs a tablet in; replacing the link cuts the old one off', async ({
  browser,
  page: organiser,
}, testInfo) => {
  const organiserLink = hub!.links.get('Organiser:');
  expect(organiserLink, hub!.output()).toMatch(/\/organiser\?token=/);
  await organiser.setViewportSize({ width: 1440, height: 1000 });
  await organiser.goto(organiserLink!);

  const card = organiser.getByTestId('card-J1');
  await expect(card.getByRole('heading', { name: 'Amara Okafor' })).toBeVisible();
  const qr = organiser.getByTestId('qr-J1');
  const url = await qr.getAttribute('data-url');
  expect(url).toMatch(new RegExp(`^${hub!.baseUrl}/judge\\?token=[A-Za-z0-9_-]+$`));
  await expect(organiser.getByTestId('url-J1')).toHaveText(url!);
  // Big enough to scan from a tablet camera held at arm's length.
  const box = await qr.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(200);
  // The code as drawn encodes exactly that link.
  expect(await scanQr(browser, qr)).toBe(url);
  const pin = await organiser.getByTestId('pin-J1').getAttribute('data-pin');
  expect(pin).toMatch(/^[0-9]{6}$/);

  // A fresh tablet opens what it scanned: it is Amara's, signed in.
  const tablet = await freshTablet(browser);
  await tablet.goto(url!);
  await expect(tablet.getByTestId('judge-name')).toHaveText('Amara Okafor');
  await expect(tablet.getByTestId('waiting')).toHaveText('all saved on hub');

  // The organiser sees it connected, live, with what it reported.
  const device = card.getByTestId('device');
  await expect(device).toHaveAttribute('data-connected', 'true');
  await expect(device).toContainText('Connected since');
  await expect(device).toContainText('127.0.0.1');
  await expect(device).toContainText('all saved on hub');
  await organiser.screenshot({ path: testInfo.outputPath('organiser-page.png'), fullPage: true });

  // Lost tablet: replace the link, after saying what that does.
  await organiser.getByTestId('replace-J1').click();
  const dialog = organiser.getByRole('dialog');
  await expect(dialog).toContainText('stop working at once');
  await organiser.screenshot({ path: testInfo.outputPath('organiser-replace-dialog.png') });
  await dialog.getByTestId('confirm-replace').click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('New link and PIN');
  await expect(qr).not.toHaveAttribute('data-url', url!);
  const newUrl = await qr.getAttribute('data-url');
  await expect(organiser.getByTestId('pin-J1')).not.toHaveAttribute('data-pin', pin!);

  // The tablet using the old link is signed out at once and told why.
  await expect(tablet.getByTestId('signed-out')).toHaveText(REPLACED);
  await expect(device).toContainText('Link replaced, cut off');
  // Opening the old link anywhere says the same.
  const finder = await freshTablet(browser);
  await finder.goto(url!);
  await expect(finder.getByRole('alert')).toHaveText(REPLACED);
  await finder.screenshot({ path: testInfo.outputPath('old-link-replaced.png') });

  // The new code works, as scanned.
  expect(await scanQr(browser, qr)).toBe(newUrl);
  const replacement = await freshTablet(browser);
  await replacement.goto(newUrl!);
  await expect(replacement.getByTestId('judge-name')).toHaveText('Amara Okafor');
});

test('a PIN typed on /join signs a fresh tablet in as that judge', async ({
  browser,
  page: organiser,
}, testInfo) => {
  await organiser.goto(hub!.links.get('Organiser:')!);
  const pin = await organiser.getByTestId('pin-J2').getAttribute('data-pin');
  expect(pin).toMatch(/^[0-9]{6}$/);
  await expect(organiser.getByTestId('join-url')).toHaveText(`${hub!.baseUrl}/join`);

  const tablet = await freshTablet(browser);
  await tablet.goto(`${hub!.baseUrl}/join`);
  await expect(tablet.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
  // A wrong PIN first: told so, with the tries left.
  const wrong = pin === '482913' ? '482914' : '482913';
  for (const digit of wrong) await tablet.getByRole('button', { name: digit, exact: true }).click();
  await expect(tablet.getByTestId('pin-error')).toContainText('4 tries left');
  await tablet.screenshot({ path: testInfo.outputPath('join-wrong-pin.png') });

  // The keypad, digit by digit, as a judge taps it: sent on the sixth.
  for (const digit of pin!) await tablet.getByRole('button', { name: digit, exact: true }).click();
  await tablet.waitForURL(`${hub!.baseUrl}/judge`);
  await expect(tablet.getByTestId('judge-name')).toHaveText('Ben Lindqvist');
  // Signed in the way a link signs in: a reload keeps the judge.
  await tablet.reload();
  await expect(tablet.getByTestId('judge-name')).toHaveText('Ben Lindqvist');

  // The hub address box leads to that hub's join page.
  const other = await freshTablet(browser);
  await other.goto(`${hub!.baseUrl}/`);
  await other.getByTestId('hub-address').fill(`127.0.0.1:${hub!.port}`);
  await other.getByRole('button', { name: 'Go to hub' }).click();
  await other.waitForURL(`${hub!.baseUrl}/join`);
  await other.getByTestId('pin-input').fill(pin!);
  await other.waitForURL(`${hub!.baseUrl}/judge`);
  await expect(other.getByTestId('judge-name')).toHaveText('Ben Lindqvist');

  // What the organiser prints: a card per judge with name, QR code, PIN and link.
  await organiser.emulateMedia({ media: 'print' });
  await organiser.setViewportSize({ width: 794, height: 1123 });
  await expect(organiser.getByRole('button', { name: 'Replace link' }).first()).toBeHidden();
  await expect(organiser.getByTestId('card-J2')).toContainText('Ben Lindqvist');
  await organiser.screenshot({ path: testInfo.outputPath('organiser-print.png') });
});
