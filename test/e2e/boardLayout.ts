import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * What a person at the back of the hall would call broken: visible text that runs off the screen,
 * or that is cut off by its box (an ellipsis, a clipped line). Checked in the page, for every
 * visible text node: each line's box lies inside the viewport and, in each direction an ancestor
 * clips, inside that ancestor; no element holding text is wider inside than its box
 * (scrollWidth > clientWidth); and no row of standings is cut by the edge of its list.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const { innerWidth: vw, innerHeight: vh } = window;
    const slack = 1;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const checked = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 || rect.height === 0) continue;
        if (
          rect.left < -slack ||
          rect.top < -slack ||
          rect.right > vw + slack ||
          rect.bottom > vh + slack
        )
          problems.push(`"${text.slice(0, 40)}" (${describe(el)}) runs off the screen`);
        for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
          const style = getComputedStyle(a);
          const clipsX = style.overflowX !== 'visible';
          const clipsY = style.overflowY !== 'visible';
          if (!clipsX && !clipsY) continue;
          const box = a.getBoundingClientRect();
          if (
            (clipsX && (rect.left < box.left - slack || rect.right > box.right + slack)) ||
            (clipsY && (rect.top < box.top - slack || rect.bottom > box.bottom + slack))
          ) {
            problems.push(`"${text.slice(0, 40)}" is clipped by ${describe(a)}`);
            break;
          }
        }
      }
      if (!checked.has(el)) {
        checked.add(el);
        if (el.scrollWidth > el.clientWidth + slack && getComputedStyle(el).display !== 'inline')
          problems.push(
            `"${text.slice(0, 40)}" (${describe(el)}) is cut off: ${el.scrollWidth}px of text in ${el.clientWidth}px`,
          );
      }
    }
    // A row of standings cut by the bottom of its list reads as broken even if its text fits.
    for (const row of document.querySelectorAll('[data-flip]')) {
      if (!row.checkVisibility({ visibilityProperty: true })) continue;
      const rect = row.getBoundingClientRect();
      for (let a = row.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowY === 'visible') continue;
        const box = a.getBoundingClientRect();
        if (rect.top < box.top - slack || rect.bottom > box.bottom + slack)
          problems.push(
            `${describe(row)} ${row.getAttribute('data-testid')} is cut by ${describe(a)}`,
          );
      }
    }
    return problems;
  });
}

/** Saves a screenshot as a test artefact and checks the layout; `name` says what it shows. */
export async function captureBoard(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  // A page in the background may not have drawn its latest state yet.
  await page.bringToFront();
  // Let fonts, the text fitting and any entrance settle.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(150);
  const file = `${name}-${width}x${height}.png`;
  await page.screenshot({ path: testInfo.outputPath(file) });
  expect(await layoutProblems(page), `layout of ${file}`).toEqual([]);
}
