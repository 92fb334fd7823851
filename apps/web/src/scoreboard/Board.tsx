import {
  rotationIndex,
  type BoardCategory,
  type DisplaySettings,
  type EventResults,
} from '@judgehub/model';
import { BoardHeader, type BoardLink } from './BoardHeader.js';
import { RevealView } from './RevealView.js';
import { RotationBar } from './RotationBar.js';
import { SpotlightView } from './SpotlightView.js';
import { StandingsPanel } from './StandingsPanel.js';
import { WelcomeView } from './WelcomeView.js';
import { useHubNow } from './useHubNow.js';
import './scoreboard.css';

export interface BoardProps {
  results: EventResults;
  display: DisplaySettings;
  /** Hub clock minus this device's clock (from the handshake); 0 until known. */
  hubOffsetMs: number;
  link: BoardLink;
  /** The judges' join page for the QR code, or null for none. */
  joinUrl: string | null;
  /** Drawn inside the organiser's controls rather than on a screen of its own. */
  preview?: boolean;
}

/**
 * Everything a scoreboard screen shows, from the live results and the display document alone.
 * Sized by its box (container units), so the projector and the organiser's preview are the same
 * drawing at different sizes.
 */
export function Board({ results, display, hubOffsetMs, link, joinUrl, preview }: BoardProps) {
  const hubNow = useHubNow(hubOffsetMs);
  const categories: BoardCategory[] = [...(display.frozen?.categories ?? results.categories)].sort(
    (a, b) => a.order - b.order || a.categoryId.localeCompare(b.categoryId),
  );
  const eventName = results.eventName || 'JudgeHub';
  const mode = display.mode === 'reveal' && !display.reveal ? 'overview' : display.mode;
  return (
    <div
      className={`sb${preview ? ' sb-preview' : ''}`}
      data-theme={display.theme}
      data-mode={mode}
      data-testid="scoreboard"
    >
      <div className="sb-frame">
        <BoardHeader
          eventName={eventName}
          logo={display.logo}
          hubNow={hubNow}
          frozenAt={display.frozen?.takenAt ?? null}
          link={link}
          showName={mode !== 'welcome'}
          ceremony={mode === 'reveal'}
        />
        <main className="sb-main">
          <BoardBody
            mode={mode}
            categories={categories}
            display={display}
            hubNow={hubNow}
            eventName={eventName}
            joinUrl={display.showQr ? joinUrl : null}
            connecting={link.unreachable}
          />
        </main>
      </div>
    </div>
  );
}

function BoardBody({
  mode,
  categories,
  display,
  hubNow,
  eventName,
  joinUrl,
  connecting,
}: {
  mode: DisplaySettings['mode'];
  categories: BoardCategory[];
  display: DisplaySettings;
  hubNow: number;
  eventName: string;
  joinUrl: string | null;
  connecting: boolean;
}) {
  if (mode === 'welcome')
    return (
      <WelcomeView
        eventName={eventName}
        logo={display.logo}
        categories={categories}
        joinUrl={joinUrl}
      />
    );
  if (mode === 'reveal' && display.reveal) return <RevealView reveal={display.reveal} />;
  if (mode === 'spotlight')
    return <SpotlightView teamId={display.spotlightTeamId} categories={categories} />;
  if (categories.length === 0)
    return (
      <p className="sb-empty" data-testid="board-empty">
        {connecting ? 'Connecting to the hub…' : 'No results yet.'}
      </p>
    );
  if (mode === 'category' || mode === 'rotate') {
    const ids = categories.map((c) => c.categoryId);
    const index =
      mode === 'rotate'
        ? rotationIndex(ids, display.categoryId, display, hubNow)
        : Math.max(0, ids.indexOf(display.categoryId ?? ''));
    const category = categories[index]!;
    return (
      <div className="sb-single" data-testid="board-single" data-category-id={category.categoryId}>
        <StandingsPanel
          key={category.categoryId}
          category={category}
          display={display}
          hubNow={hubNow}
          withinSlot={mode === 'rotate'}
        />
        {mode === 'rotate' && categories.length > 1 && (
          <RotationBar
            categories={categories}
            current={category.categoryId}
            display={display}
            hubNow={hubNow}
          />
        )}
      </div>
    );
  }
  return (
    <div
      className="sb-grid"
      style={{ ['--columns' as string]: Math.min(categories.length, 3) }}
      data-testid="board-overview"
    >
      {categories.map((c) => (
        <StandingsPanel
          key={c.categoryId}
          category={c}
          display={display}
          hubNow={hubNow}
          withinSlot={false}
        />
      ))}
    </div>
  );
}
