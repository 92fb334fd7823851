import { useState } from 'react';
import type { DesktopApi } from '../shared/contract.js';
import { useDesktopState } from './desktopApi.js';
import { HubStatus } from './HubStatus.js';
import { JoinHub } from './JoinHub.js';
import { ModeChoice } from './ModeChoice.js';

/** The start window: the mode choice, the hub list (client mode) or the hub's status (hub mode). */
export function App({ api }: { api: DesktopApi }) {
  const state = useDesktopState(api);
  const [askingMode, setAskingMode] = useState(false);
  if (!state)
    return (
      <main className="page" aria-busy="true">
        <p className="muted">Starting JudgeHub…</p>
      </main>
    );
  const changeMode = () => setAskingMode(true);
  if (askingMode || state.screen === 'mode-choice') {
    const current = state.mode;
    return (
      <ModeChoice
        current={current}
        onChoose={(mode) => {
          setAskingMode(false);
          return api.chooseMode(mode);
        }}
        onBack={
          current
            ? () => {
                setAskingMode(false);
                // Asked for from the menu: the main process shows the mode's screen again.
                if (state.screen === 'mode-choice') void api.chooseMode(current);
              }
            : null
        }
      />
    );
  }
  if (state.screen === 'hub')
    return <HubStatus api={api} hub={state.hub} onChangeMode={changeMode} />;
  return <JoinHub api={api} view={state.client} onChangeMode={changeMode} />;
}
