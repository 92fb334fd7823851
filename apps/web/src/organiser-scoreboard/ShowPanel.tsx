import {
  rotateFrom,
  setDisplayMode,
  setListMode,
  setRotateSeconds,
  showCategory,
  type DisplayMode,
} from '@judgehub/model';
import { Choice } from './Choice.js';
import type { DisplayControl } from './displayControl.js';

const MODES: { mode: DisplayMode; label: string; hint: string }[] = [
  { mode: 'welcome', label: 'Welcome', hint: 'Event name, logo, clock, join QR' },
  { mode: 'overview', label: 'All categories', hint: 'Side by side' },
  { mode: 'category', label: 'One category', hint: 'Full screen' },
  { mode: 'rotate', label: 'Rotate', hint: 'One category after another' },
];
const INTERVALS = [8, 15, 30, 60];

/** What the screens show: the mode, the category, how fast they rotate, how long lists move. */
export function ShowPanel({ ctl }: { ctl: DisplayControl }) {
  const { doc, display, categories } = ctl;
  const selected = display.categoryId ?? categories[0]?.categoryId ?? null;
  return (
    <section className="ctl-panel" aria-labelledby="ctl-show">
      <h2 id="ctl-show">Show</h2>
      <div className="ctl-choices ctl-choices-4">
        {MODES.map(({ mode, label, hint }) => (
          <Choice
            key={mode}
            on={display.mode === mode}
            testId={`mode-${mode}`}
            onClick={() => setDisplayMode(doc, mode, ctl.hubNow())}
          >
            <span className="ctl-choice-label">{label}</span>
            <span className="ctl-choice-hint">{hint}</span>
          </Choice>
        ))}
      </div>

      <h3>Category</h3>
      <p className="ctl-note">Shows it full screen; while rotating, goes on from it.</p>
      <div className="ctl-choices">
        {categories.map((c) => (
          <Choice
            key={c.categoryId}
            on={selected === c.categoryId}
            testId={`category-${c.categoryId}`}
            onClick={() =>
              display.mode === 'rotate'
                ? rotateFrom(doc, c.categoryId, ctl.hubNow())
                : showCategory(doc, c.categoryId, ctl.hubNow())
            }
          >
            {c.categoryName}
          </Choice>
        ))}
      </div>

      <h3>Change every</h3>
      <p className="ctl-note">The next category when rotating, the next page of a long list.</p>
      <div className="ctl-choices">
        {INTERVALS.map((seconds) => (
          <Choice
            key={seconds}
            on={display.rotateSeconds === seconds}
            testId={`rotate-${seconds}`}
            onClick={() => setRotateSeconds(doc, seconds, ctl.hubNow())}
          >
            {seconds} s
          </Choice>
        ))}
      </div>

      <h3>Long lists</h3>
      <div className="ctl-choices">
        <Choice
          on={display.listMode === 'paginate'}
          testId="list-paginate"
          onClick={() => setListMode(doc, 'paginate', ctl.hubNow())}
        >
          Turn pages
        </Choice>
        <Choice
          on={display.listMode === 'scroll'}
          testId="list-scroll"
          onClick={() => setListMode(doc, 'scroll', ctl.hubNow())}
        >
          Scroll
        </Choice>
      </div>
    </section>
  );
}
