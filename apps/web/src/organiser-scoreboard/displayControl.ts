import type * as Y from 'yjs';
import type { BoardCategory, DisplaySettings, EventResults } from '@judgehub/model';

/** What every control panel works with: the display document and what the screens show. */
export interface DisplayControl {
  doc: Y.Doc;
  display: DisplaySettings;
  results: EventResults;
  /** The categories the screens draw: the frozen copy while frozen, else the live results. */
  categories: BoardCategory[];
  /** The hub's clock now: shared cycles start on it, so every screen agrees. */
  hubNow: () => number;
}
