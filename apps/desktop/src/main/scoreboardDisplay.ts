export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's `Display` the choice needs. */
export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
  /** True for a laptop's built-in panel. */
  internal: boolean;
}

export interface ScoreboardPlacement {
  displayId: number;
  /** Where to put the window (before going fullscreen, which fills that display). */
  bounds: Rectangle;
  /** Fullscreen only on a display of its own: on the organiser's screen it would hide their work. */
  fullscreen: boolean;
}

export interface PlacementContext {
  /** The display showing the organiser window; null falls back to the primary display. */
  organiserDisplayId: number | null;
  primaryDisplayId: number;
  /** The display the organiser moved the scoreboard to last time, if it is still connected. */
  rememberedDisplayId?: number | null;
}

/**
 * Picks where the scoreboard window goes: fullscreen on a second display (the projector) when
 * one is connected, else windowed beside the organiser's work on the same display.
 *
 * Among other displays: the one used last time; else an external one over a built-in panel
 * (a laptop with a dock: the projector is external); else the largest; ties by id.
 */
export function chooseScoreboardDisplay(
  displays: readonly DisplayInfo[],
  context: PlacementContext,
): ScoreboardPlacement | null {
  if (displays.length === 0) return null;
  const organiserId = displays.some((d) => d.id === context.organiserDisplayId)
    ? context.organiserDisplayId
    : context.primaryDisplayId;
  const others = displays.filter((d) => d.id !== organiserId);
  const remembered = others.find((d) => d.id === context.rememberedDisplayId);
  const best =
    remembered ??
    [...others].sort(
      (a, b) =>
        Number(a.internal) - Number(b.internal) || area(b.bounds) - area(a.bounds) || a.id - b.id,
    )[0];
  if (best) return { displayId: best.id, bounds: best.bounds, fullscreen: true };
  const own = displays.find((d) => d.id === organiserId) ?? displays[0]!;
  return { displayId: own.id, bounds: inset(own.workArea, 0.8), fullscreen: false };
}

function area(r: Rectangle): number {
  return r.width * r.height;
}

/** A rectangle of `fraction` of `r`'s size, centred in it. */
function inset(r: Rectangle, fraction: number): Rectangle {
  const width = Math.round(r.width * fraction);
  const height = Math.round(r.height * fraction);
  return {
    x: r.x + Math.round((r.width - width) / 2),
    y: r.y + Math.round((r.height - height) / 2),
    width,
    height,
  };
}
