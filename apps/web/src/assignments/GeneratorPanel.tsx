import { useMemo, useState } from 'react';
import {
  assignmentKey,
  generateAssignments,
  type AssignOptions,
  type JudgingEvent,
} from '@judgehub/model';
import type { HubDoc } from '../shared/useHubDoc.js';
import { writePlan, type WriteMark } from './assignmentWrites.js';
import { PlanPreview } from './PlanPreview.js';

/** The next full hour on this device's clock, as a datetime-local value. */
function nextHour(): string {
  const d = new Date();
  d.setMinutes(0, 0, 0);
  d.setHours(d.getHours() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
}

/** Room names from the text box: one per line or separated by commas. */
export function parseRooms(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

/**
 * Generate a plan: choose categories, judges per team, and optionally times and rooms; preview it
 * (loads, coverage, problems) and only then write it, in one transaction.
 */
export function GeneratorPanel(props: {
  event: JudgingEvent;
  hub: HubDoc;
  scored: ReadonlySet<string>;
  scoredLoaded: boolean;
  onWritten: (mark: WriteMark) => void;
}) {
  const { event } = props;
  // Categories left out: a category added later is in the plan unless unticked.
  const [excluded, setExcluded] = useState<string[]>([]);
  const categoryIds = event.categories.filter((c) => !excluded.includes(c.id)).map((c) => c.id);
  const [k, setK] = useState('2');
  const [keepScored, setKeepScored] = useState(true);
  const [scheduled, setScheduled] = useState(false);
  const [start, setStart] = useState(nextHour);
  const [slotMinutes, setSlotMinutes] = useState('15');
  const [gapMinutes, setGapMinutes] = useState('5');
  const [rooms, setRooms] = useState('Room 1, Room 2, Room 3');
  const [seed, setSeed] = useState(1);
  const [previewing, setPreviewing] = useState(false);

  const options = useMemo<AssignOptions>(
    () => ({
      categoryIds: event.categories.filter((c) => !excluded.includes(c.id)).map((c) => c.id),
      judgesPerTeam: Number(k),
      seed,
      keepKeys: keepScored ? props.scored : new Set(),
      schedule: scheduled
        ? {
            start: new Date(start).getTime(),
            slotMinutes: Number(slotMinutes),
            gapMinutes: Number(gapMinutes),
            rooms: parseRooms(rooms),
          }
        : null,
    }),
    [
      event,
      excluded,
      k,
      seed,
      keepScored,
      props.scored,
      scheduled,
      start,
      slotMinutes,
      gapMinutes,
      rooms,
    ],
  );
  // The preview follows the form and the event live, so what is written is what is shown.
  const plan = useMemo(
    () => (previewing ? generateAssignments(event, options) : null),
    [previewing, event, options],
  );
  const removedScored = plan ? plan.removed.filter((a) => props.scored.has(assignmentKey(a))) : [];
  // Until every judge's sheets are read, the plan cannot know which assignments have values.
  const blocked = !plan || plan.problems.some((p) => p.severity === 'error') || !props.scoredLoaded;

  return (
    <section className="panel asg-panel" aria-labelledby="generate-title" data-testid="generator">
      <h2 id="generate-title">Generate assignments</h2>
      <p className="hint">
        Each team gets this many different judges in each chosen category. Judges with a declared
        conflict of interest and removed judges are never given the team; loads are spread evenly.
      </p>
      <fieldset className="asg-fieldset">
        <legend>Categories</legend>
        <div className="asg-checks">
          {event.categories.map((c) => (
            <label key={c.id} className="asg-check">
              <input
                type="checkbox"
                checked={categoryIds.includes(c.id)}
                data-testid={`gen-category-${c.id}`}
                onChange={(e) =>
                  setExcluded(
                    e.target.checked ? excluded.filter((x) => x !== c.id) : [...excluded, c.id],
                  )
                }
              />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="asg-row">
        <label className="asg-field">
          <span>Judges per team</span>
          <input
            type="number"
            min={1}
            max={20}
            inputMode="numeric"
            value={k}
            data-testid="gen-k"
            onChange={(e) => setK(e.target.value)}
          />
        </label>
        <label className="asg-check">
          <input
            type="checkbox"
            checked={keepScored}
            data-testid="gen-keep-scored"
            onChange={(e) => setKeepScored(e.target.checked)}
          />
          Keep the ones already scored ({props.scored.size}
          {props.scoredLoaded ? '' : ', still reading sheets…'})
        </label>
      </div>
      <label className="asg-check">
        <input
          type="checkbox"
          checked={scheduled}
          data-testid="gen-schedule"
          onChange={(e) => setScheduled(e.target.checked)}
        />
        Give each session a time and a room
      </label>
      {scheduled && (
        <div className="asg-row">
          <label className="asg-field">
            <span>First slot starts</span>
            <input
              type="datetime-local"
              value={start}
              data-testid="gen-start"
              onChange={(e) => setStart(e.target.value)}
            />
          </label>
          <label className="asg-field asg-field-small">
            <span>Slot (min)</span>
            <input
              type="number"
              min={1}
              value={slotMinutes}
              data-testid="gen-slot"
              onChange={(e) => setSlotMinutes(e.target.value)}
            />
          </label>
          <label className="asg-field asg-field-small">
            <span>Gap (min)</span>
            <input
              type="number"
              min={0}
              value={gapMinutes}
              data-testid="gen-gap"
              onChange={(e) => setGapMinutes(e.target.value)}
            />
          </label>
          <label className="asg-field asg-field-wide">
            <span>Rooms (comma or one per line; empty: at the teams&rsquo; tables)</span>
            <textarea
              rows={2}
              value={rooms}
              data-testid="gen-rooms"
              onChange={(e) => setRooms(e.target.value)}
            />
          </label>
        </div>
      )}
      <div className="asg-actions">
        {!previewing && (
          <button
            className="btn btn-primary"
            data-testid="gen-preview"
            onClick={() => setPreviewing(true)}
          >
            Preview plan
          </button>
        )}
        {previewing && (
          <button className="btn" data-testid="gen-reshuffle" onClick={() => setSeed(seed + 1)}>
            Try another mix
          </button>
        )}
        {previewing && (
          <button className="btn btn-ghost" onClick={() => setPreviewing(false)}>
            Hide preview
          </button>
        )}
      </div>
      {plan && (
        <>
          <p className="hint">The preview follows every change above. Nothing is written yet.</p>
          <PlanPreview event={event} plan={plan} removedScored={removedScored.length} />
          {!props.scoredLoaded && (
            <p className="notice notice-warn" role="status">
              Still reading the judges&rsquo; sheets from the hub, to know which assignments already
              have values. Writing is possible once they are read.
            </p>
          )}
          <div className="asg-actions">
            <button
              className="btn btn-primary btn-large"
              data-testid="gen-write"
              disabled={blocked}
              onClick={() => {
                props.onWritten(writePlan(props.hub.doc, plan));
                setPreviewing(false);
              }}
            >
              Write this plan ({plan.written.length} new or moved, {plan.removed.length} removed)
            </button>
          </div>
        </>
      )}
    </section>
  );
}
