import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const PDFJS = fileURLToPath(new URL('../../node_modules/pdfjs-dist/', import.meta.url));
export const PDF_ARTEFACTS = fileURLToPath(
  new URL('../../test-results/exports-pdf/', import.meta.url),
);

export interface PdfPageText {
  /** [x0, y0, x1, y1] in points. */
  view: number[];
  text: string;
}

/** Every page's size and text, read with PDF.js in Node (a different library from the writer). */
export async function pdfText(bytes: Uint8Array): Promise<PdfPageText[]> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: path.join(PDFJS, 'standard_fonts/'),
    verbosity: 0,
  }).promise;
  const pages: PdfPageText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
      .join('');
    pages.push({ view: [...page.view], text });
  }
  await doc.destroy();
  return pages;
}

export interface RenderedPage {
  file: string;
  widthPx: number;
  heightPx: number;
  /** Pixels with ink (darker than the lightest fills the reports use). */
  ink: number;
  /** Ink in the band along the page's edges, where nothing may be drawn (see `renderPdf`). */
  inkNearEdges: number;
}

const PAGE_HTML = `<!doctype html><meta charset="utf-8"><body><script type="module">
import * as pdfjs from '/pdfjs/build/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
window.renderPdf = async (url, scale, bandX, bandY) => {
  const doc = await pdfjs.getDocument({ url, standardFontDataUrl: '/pdfjs/standard_fonts/' }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx, viewport, canvas }).promise;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0, inkNearEdges = 0;
    const bx = bandX * scale, by = bandY * scale;
    for (let y = 0; y < canvas.height; y++)
      for (let x = 0; x < canvas.width; x++) {
        const i = (y * canvas.width + x) * 4;
        if (data[i] + data[i + 1] + data[i + 2] >= 700) continue;
        ink++;
        if (x < bx || x >= canvas.width - bx || y < by || y >= canvas.height - by) inkNearEdges++;
      }
    pages.push({ png: canvas.toDataURL('image/png'), widthPx: canvas.width, heightPx: canvas.height, ink, inkNearEdges });
  }
  return pages;
};
window.rendererReady = true;
</script>`;

/**
 * Renders every page with PDF.js in Debian's Chromium (as the organiser's browser would show the
 * file), saves each as a PNG under test-results/exports-pdf/, and counts ink, also in the band
 * `bandX` points from the left and right edges and `bandY` from the top and bottom, which must
 * stay empty: text drawn outside the page's margins would show there.
 */
export async function renderPdf(
  bytes: Uint8Array,
  name: string,
  band: { x: number; y: number },
): Promise<RenderedPage[]> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE_HTML);
    if (url.pathname === '/report.pdf')
      return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(bytes));
    const file = path.join(PDFJS, url.pathname.replace(/^\/pdfjs\//, ''));
    if (!url.pathname.startsWith('/pdfjs/') || !file.startsWith(PDFJS) || !fs.existsSync(file))
      return void res.writeHead(404).end();
    const type = file.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
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
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(
      () => (window as unknown as { rendererReady?: boolean }).rendererReady === true,
    );
    const pages = await page.evaluate(
      ([x, y]) =>
        (
          window as unknown as {
            renderPdf: (
              u: string,
              s: number,
              x: number,
              y: number,
            ) => Promise<(Omit<RenderedPage, 'file'> & { png: string })[]>;
          }
        ).renderPdf('/report.pdf', 1.5, x, y),
      [band.x, band.y] as const,
    );
    fs.mkdirSync(PDF_ARTEFACTS, { recursive: true });
    return pages.map(({ png, ...rest }, i) => {
      const file = path.join(PDF_ARTEFACTS, `${name}-page-${String(i + 1).padStart(2, '0')}.png`);
      fs.writeFileSync(file, Buffer.from(png.slice(png.indexOf(',') + 1), 'base64'));
      return { file, ...rest };
    });
  } finally {
    await browser.close();
    server.close();
  }
}
