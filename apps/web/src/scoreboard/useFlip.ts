import { useLayoutEffect, useRef, type RefObject } from 'react';

const MOVE_MS = 900;
const EASING = 'cubic-bezier(0.22, 0.8, 0.3, 1)';

/**
 * Animates rank changes FLIP-style: after each render, every element in `container` with a
 * `data-flip` key that moved since the last render is drawn back where it was and glides to its
 * new place; a team that moved up also glows briefly. Nothing moves for people who asked the
 * system for reduced motion. `resetKey` (e.g. the page shown) starts afresh, so turning a page is
 * not mistaken for teams moving.
 */
export function useFlip(container: RefObject<HTMLElement | null>, resetKey: string): void {
  const previous = useRef<{ key: string; tops: Map<string, number> }>({
    key: resetKey,
    tops: new Map(),
  });
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const before = previous.current.key === resetKey ? previous.current.tops : new Map();
    const tops = new Map<string, number>();
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    for (const element of root.querySelectorAll<HTMLElement>('[data-flip]')) {
      const key = element.dataset['flip']!;
      const top = element.offsetTop;
      tops.set(key, top);
      const was = before.get(key);
      if (still || was === undefined || was === top || typeof element.animate !== 'function')
        continue;
      element.animate(
        [{ transform: `translateY(${was - top}px)` }, { transform: 'translateY(0)' }],
        { duration: MOVE_MS, easing: EASING },
      );
      if (was > top) {
        element.animate(
          [{ boxShadow: '0 0 0 0.3em var(--sb-up-glow)' }, { boxShadow: '0 0 0 0 transparent' }],
          { duration: MOVE_MS * 2.5, easing: 'ease-out' },
        );
      }
    }
    previous.current = { key: resetKey, tops };
  });
}
