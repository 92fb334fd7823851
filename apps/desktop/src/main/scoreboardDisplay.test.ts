import { describe, expect, test } from 'vitest';
import { chooseScoreboardDisplay, type DisplayInfo } from './scoreboardDisplay.js';

const laptop: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 25, width: 1440, height: 875 },
  internal: true,
};
const projector: DisplayInfo = {
  id: 2,
  bounds: { x: 1440, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1440, y: 0, width: 1920, height: 1080 },
  internal: false,
};
const smallMonitor: DisplayInfo = {
  id: 3,
  bounds: { x: -1280, y: 0, width: 1280, height: 1024 },
  workArea: { x: -1280, y: 0, width: 1280, height: 1024 },
  internal: false,
};

describe('where the scoreboard goes', () => {
  test('one display: windowed, centred on it, so the organiser window stays usable', () => {
    expect(
      chooseScoreboardDisplay([laptop], { organiserDisplayId: 1, primaryDisplayId: 1 }),
    ).toEqual({
      displayId: 1,
      bounds: { x: 144, y: 113, width: 1152, height: 700 },
      fullscreen: false,
    });
  });

  test('a projector plugged in: fullscreen there, not on the organiser’s screen', () => {
    expect(
      chooseScoreboardDisplay([laptop, projector], { organiserDisplayId: 1, primaryDisplayId: 1 }),
    ).toEqual({ displayId: 2, bounds: projector.bounds, fullscreen: true });
  });

  test('the organiser moved their window to the projector: the scoreboard takes the laptop panel', () => {
    expect(
      chooseScoreboardDisplay([laptop, projector], { organiserDisplayId: 2, primaryDisplayId: 1 }),
    ).toMatchObject({ displayId: 1, fullscreen: true });
  });

  test('several others: the one used last time, else external over built-in, else the largest', () => {
    const all = [laptop, projector, smallMonitor];
    expect(
      chooseScoreboardDisplay(all, {
        organiserDisplayId: 1,
        primaryDisplayId: 1,
        rememberedDisplayId: 3,
      }),
    ).toMatchObject({ displayId: 3 });
    expect(
      chooseScoreboardDisplay(all, { organiserDisplayId: 1, primaryDisplayId: 1 }),
    ).toMatchObject({
      displayId: 2,
    });
    expect(
      chooseScoreboardDisplay([laptop, smallMonitor, { ...projector, internal: true }], {
        organiserDisplayId: 2,
        primaryDisplayId: 1,
      }),
    ).toMatchObject({ displayId: 3 });
  });

  test('a remembered display that is gone, or an unknown organiser display, falls back sensibly', () => {
    expect(
      chooseScoreboardDisplay([laptop, projector], {
        organiserDisplayId: 99,
        primaryDisplayId: 1,
        rememberedDisplayId: 7,
      }),
    ).toMatchObject({ displayId: 2, fullscreen: true });
    expect(
      chooseScoreboardDisplay([], { organiserDisplayId: null, primaryDisplayId: 1 }),
    ).toBeNull();
  });
});
