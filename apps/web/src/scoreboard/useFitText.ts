import { useCallback } from 'react';

/**
 * Shrinks a line of text (down to `minScale` of its size) until it fits its box, so a long team
 * name is smaller rather than cut off. Returns a ref callback for the element holding the text;
 * measured again whenever the element, the text or the box size changes. The box must not take
 * its width from the text (give it `flex: 1` or `width: 100%`), or fitting would resize the box
 * it measures.
 */
export function useFitText<T extends HTMLElement>(
  text: string,
  minScale = 0.55,
): (element: T | null) => (() => void) | undefined {
  return useCallback(
    (element: T | null) => {
      if (!element) return undefined;
      let width = -1;
      const fit = () => {
        width = element.clientWidth;
        element.style.fontSize = '';
        const { scrollWidth, clientWidth } = element;
        if (clientWidth === 0 || scrollWidth <= clientWidth) return;
        // Text width scales with font size; a little under the ratio absorbs rounding. In px:
        // an `em` here would be the parent's size, not this element's own.
        const scale = Math.max(minScale, (clientWidth / scrollWidth) * 0.98);
        element.style.fontSize = `${parseFloat(getComputedStyle(element).fontSize) * scale}px`;
      };
      fit();
      // Only a new width matters: a smaller font changes the height, which must not re-fit.
      const observer = new ResizeObserver(() => {
        if (element.clientWidth !== width) fit();
      });
      observer.observe(element);
      return () => observer.disconnect();
    },
    // The text is not read here, but a new text needs measuring again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [text, minScale],
  );
}
