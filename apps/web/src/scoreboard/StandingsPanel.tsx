import { useRef } from 'react';
import { listWindow, type BoardCategory, type DisplaySettings } from '@judgehub/model';
import { StandingRow } from './StandingRow.js';
import { useFitText } from './useFitText.js';
import { useFlip } from './useFlip.js';
import { useRowCapacity } from './useRowCapacity.js';

/**
 * A category's standings filling the space it is given. A list longer than the space turns pages
 * or scrolls a row at a time (the organiser's choice), on the hub's clock so every screen of the
 * same size shows the same rows; a rank change glides into place.
 */
export function StandingsPanel({
  category,
  display,
  hubNow,
  withinSlot,
}: {
  category: BoardCategory;
  display: DisplaySettings;
  hubNow: number;
  /** The category is on screen for one rotation interval only: its pages share it. */
  withinSlot: boolean;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLLIElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const title = useFitText<HTMLHeadingElement>(category.categoryName, 0.6);
  const { capacity, pitch } = useRowCapacity(viewport, probe);
  const rows = category.standings;
  const view = listWindow({
    count: rows.length,
    capacity: capacity || rows.length,
    listMode: display.listMode,
    withinSlot,
    cycle: display,
    hubNow,
  });
  const scrolling = display.listMode === 'scroll' && view.pages > 1;
  useFlip(list, scrolling ? 'scroll' : `page-${view.page}`);
  const decimals = category.rules.decimals;
  const visible = scrolling ? rows : rows.slice(view.first, view.first + (capacity || rows.length));
  const status = panelStatus(category);
  return (
    <section
      className="sb-panel"
      data-testid={`board-${category.categoryId}`}
      data-category-id={category.categoryId}
    >
      <header className="sb-panel-head">
        <h2 ref={title}>{category.categoryName}</h2>
        <span className={`sb-panel-status sb-panel-${status.tone}`} data-testid="category-status">
          {status.text}
          <span className="sb-panel-sheets">
            {category.sheetsSubmitted}/{category.sheetsAssigned} sheets
          </span>
        </span>
      </header>
      <div className="sb-list-viewport" ref={viewport}>
        <ol className="sb-list sb-list-probe" aria-hidden>
          <li className="sb-row" ref={probe}>
            <span className="sb-rank">0</span>
            <span className="sb-team">Probe</span>
          </li>
        </ol>
        {rows.length === 0 ? (
          <p className="sb-panel-empty">No teams in this category</p>
        ) : (
          <ol
            key={scrolling ? 'scroll' : view.page}
            ref={list}
            className={`sb-list${scrolling ? ' sb-list-scroll' : ' sb-list-page'}`}
            style={scrolling ? { transform: `translateY(${-view.first * pitch}px)` } : undefined}
          >
            {visible.map((s, i) => (
              <StandingRow
                key={s.teamId}
                standing={s}
                decimals={decimals}
                offscreen={scrolling && (i < view.first || i >= view.first + capacity)}
              />
            ))}
          </ol>
        )}
      </div>
      {view.pages > 1 && !scrolling && (
        <footer className="sb-pager" data-testid="pager">
          <span>
            Page {view.page + 1} of {view.pages}
          </span>
          <span className="sb-pager-dots" aria-hidden>
            {Array.from({ length: view.pages }, (_, i) => (
              <span key={i} className={i === view.page ? 'sb-dot sb-dot-on' : 'sb-dot'} />
            ))}
          </span>
        </footer>
      )}
      {scrolling && (
        <footer className="sb-pager" data-testid="pager">
          <span>
            Teams {view.first + 1}–{Math.min(rows.length, view.first + capacity)} of {rows.length}
          </span>
        </footer>
      )}
    </section>
  );
}

function panelStatus(category: BoardCategory): {
  tone: 'final' | 'provisional' | 'waiting';
  text: string;
} {
  const scored = category.standings.some((s) => s.score !== null);
  if (!scored) return { tone: 'waiting', text: 'Awaiting scores' };
  const final =
    category.sheetsSubmitted >= category.sheetsAssigned &&
    category.standings.every((s) => s.score !== null && !s.provisional);
  return final ? { tone: 'final', text: 'Final' } : { tone: 'provisional', text: 'Provisional' };
}
