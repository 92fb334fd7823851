import { useState } from 'react';
import { cycleSlot, type BoardCategory, type DisplaySettings } from '@judgehub/model';

/**
 * Which category is on screen while rotating and how long until the next: the bar fills over the
 * interval on the hub's clock, so it is at the same point on every screen.
 */
export function RotationBar({
  categories,
  current,
  display,
  hubNow,
}: {
  categories: BoardCategory[];
  current: string;
  display: DisplaySettings;
  hubNow: number;
}) {
  const { slot, intoSlotMs, slotMs } = cycleSlot(display, hubNow);
  return (
    <nav
      className="sb-rotation"
      data-testid="rotation"
      data-current={current}
      aria-label="Categories"
    >
      <ol>
        {categories.map((c) => (
          <li
            key={c.categoryId}
            className={c.categoryId === current ? 'sb-rotation-on' : undefined}
          >
            {c.categoryName}
          </li>
        ))}
      </ol>
      <span className="sb-rotation-track" aria-hidden>
        <RotationFill key={slot} slotMs={slotMs} intoSlotMs={intoSlotMs} />
      </span>
    </nav>
  );
}

/** Started once per interval, part-way through if the screen joined late; the CSS runs it. */
function RotationFill({ slotMs, intoSlotMs }: { slotMs: number; intoSlotMs: number }) {
  // Only the first value counts: the animation's own clock carries it on from there.
  const [delay] = useState(-intoSlotMs);
  return (
    <span
      className="sb-rotation-fill"
      style={{ animationDuration: `${slotMs}ms`, animationDelay: `${delay}ms` }}
    />
  );
}
