import { useLayoutEffect, useState, type RefObject } from 'react';

export interface RowFit {
  /** Whole rows that fit; 0 until measured. */
  capacity: number;
  /** Distance from one row's top to the next (px). */
  pitch: number;
}

/**
 * How many rows fit in `viewport`, from its height and the height of `probe` (a hidden row styled
 * like the real ones). Follows the screen size, so a 720p projector pages where a 1080p one
 * does not, but each shows whole rows only.
 */
export function useRowCapacity(
  viewport: RefObject<HTMLElement | null>,
  probe: RefObject<HTMLElement | null>,
): RowFit {
  const [fit, setFit] = useState<RowFit>({ capacity: 0, pitch: 0 });
  useLayoutEffect(() => {
    const box = viewport.current;
    const row = probe.current;
    if (!box || !row) return;
    const measure = () => {
      // Fractional sizes: rounded ones could fit a row that ends a few pixels past the box.
      const rowHeight = row.getBoundingClientRect().height;
      if (rowHeight === 0) return;
      // The probe sits in the list, so the list's gap is the space between real rows too.
      const list = row.parentElement;
      const gap = list ? parseFloat(getComputedStyle(list).rowGap) || 0 : 0;
      const height = box.getBoundingClientRect().height;
      const capacity = Math.max(1, Math.floor((height + gap) / (rowHeight + gap)));
      const pitch = rowHeight + gap;
      setFit((f) => (f.capacity === capacity && f.pitch === pitch ? f : { capacity, pitch }));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    observer.observe(row);
    return () => observer.disconnect();
  }, [viewport, probe]);
  return fit;
}
