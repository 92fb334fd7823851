import type { DeviceInfo, JudgingEvent, ProgressGrid, SheetProgress } from '@judgehub/model';
import { formatAgo } from '../shared/ConnectionBadge.js';
import { DeviceList } from '../organiser/DeviceList.js';

interface JudgeRow {
  submitted: number;
  started: number;
  missing: number;
}

/** Each judge's sheets by state, from the progress grid. */
export function judgeCounts(grid: ProgressGrid): Map<string, JudgeRow> {
  const rows = new Map<string, JudgeRow>();
  for (const cell of grid.values()) {
    for (const [judgeId, state] of Object.entries(cell) as [string, SheetProgress][]) {
      let row = rows.get(judgeId);
      if (!row) rows.set(judgeId, (row = { submitted: 0, started: 0, missing: 0 }));
      row[state]++;
    }
  }
  return rows;
}

/**
 * Per judge: sheets submitted, in progress and missing on the hub, and their tablets: online or
 * when last seen, and how many values the tablets say still wait to reach the hub.
 */
export function JudgeProgressTable({
  event,
  grid,
  devices,
  hubNow,
  onlyMissing,
}: {
  event: JudgingEvent;
  grid: ProgressGrid;
  devices: DeviceInfo[];
  hubNow: number;
  onlyMissing: boolean;
}) {
  const counts = judgeCounts(grid);
  const judges = event.judges.filter((j) => {
    const row = counts.get(j.id);
    return !onlyMissing || (row !== undefined && row.started + row.missing > 0);
  });
  return (
    <div className="progress-scroll">
      <table className="judge-progress" data-testid="judge-progress">
        <thead>
          <tr>
            <th scope="col">Judge</th>
            <th scope="col">Submitted</th>
            <th scope="col">In progress</th>
            <th scope="col">Missing</th>
            <th scope="col">Tablet</th>
            <th scope="col">Not yet on the hub</th>
          </tr>
        </thead>
        <tbody>
          {judges.map((judge) => {
            const row = counts.get(judge.id) ?? { submitted: 0, started: 0, missing: 0 };
            const own = devices.filter((d) => d.role === 'judge' && d.judgeId === judge.id);
            const online = own.some((d) => d.connected);
            const lastSeen = own.length > 0 ? Math.max(...own.map((d) => d.lastSeen)) : null;
            const reported = own.filter((d) => d.waiting !== null);
            const waiting = reported.reduce((n, d) => n + (d.waiting ?? 0), 0);
            return (
              <tr key={judge.id} data-testid="judge-row" data-judge={judge.id}>
                <th scope="row">
                  {judge.name}
                  {judge.removed && <span className="hint"> (removed)</span>}
                </th>
                <td className="num">{row.submitted}</td>
                <td className={`num${row.started ? ' progress-started-text' : ''}`}>
                  {row.started}
                </td>
                <td className={`num${row.missing ? ' progress-missing-text' : ''}`}>
                  {row.missing}
                </td>
                <td>
                  <span className={`device-pill ${online ? 'device-pill-on' : 'device-pill-off'}`}>
                    <span className="device-dot" aria-hidden />
                    {online
                      ? 'online'
                      : lastSeen === null
                        ? 'never signed in'
                        : `offline, seen ${formatAgo(hubNow - lastSeen)}`}
                  </span>
                  {own.length > 0 && (
                    <details className="judge-devices">
                      <summary>
                        {own.length} {own.length === 1 ? 'device' : 'devices'}
                      </summary>
                      <DeviceList devices={own} hubNow={hubNow} />
                    </details>
                  )}
                </td>
                <td className={waiting > 0 ? 'progress-started-text' : undefined}>
                  {reported.length === 0
                    ? '—'
                    : waiting === 0
                      ? 'all saved on hub'
                      : `${waiting} ${waiting === 1 ? 'value' : 'values'}${online ? '' : ' when last seen'}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
