import { useState } from 'react';
import { setLogo, setShowQr, setTheme } from '@judgehub/model';
import { Choice } from './Choice.js';
import type { DisplayControl } from './displayControl.js';
import { LOGO_ACCEPT, LOGO_LIMIT_TEXT, readLogoFile } from './logoFile.js';

/** Theme, the judges' join QR code and the event's logo. */
export function LookPanel({ ctl, joinUrl }: { ctl: DisplayControl; joinUrl: string | null }) {
  const { doc, display } = ctl;
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readLogoFile(file);
    setLogoProblem(read.ok ? setLogo(doc, read.dataUrl) : read.problem);
  };
  return (
    <section className="ctl-panel" aria-labelledby="ctl-look">
      <h2 id="ctl-look">Look</h2>
      <h3>Theme</h3>
      <div className="ctl-choices">
        <Choice
          on={display.theme === 'dark'}
          testId="theme-dark"
          onClick={() => setTheme(doc, 'dark')}
        >
          Dark (projector)
        </Choice>
        <Choice
          on={display.theme === 'light'}
          testId="theme-light"
          onClick={() => setTheme(doc, 'light')}
        >
          Light (bright hall)
        </Choice>
      </div>

      <h3>Join QR code for judges</h3>
      <p className="ctl-note">
        On the welcome screen, never during the awards or a spotlight. It opens the PIN page; it
        signs nobody in by itself.
        {!joinUrl &&
          ' This hub has no venue-network address, so the screens show no code: start the hub on the venue Wi-Fi.'}
      </p>
      <div className="ctl-choices">
        <Choice on={display.showQr} testId="qr-on" onClick={() => setShowQr(doc, true)}>
          Show QR code
        </Choice>
        <Choice on={!display.showQr} testId="qr-off" onClick={() => setShowQr(doc, false)}>
          Hide QR code
        </Choice>
      </div>

      <h3>Logo</h3>
      <div className="ctl-row">
        {display.logo && <img className="ctl-logo" src={display.logo} alt="Current logo" />}
        <label className="btn btn-large ctl-file">
          {display.logo ? 'Replace logo…' : 'Choose a logo…'}
          <input
            type="file"
            accept={LOGO_ACCEPT}
            data-testid="logo-file"
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        {display.logo && (
          <button
            type="button"
            className="btn btn-large"
            data-testid="logo-remove"
            onClick={() => {
              setLogo(doc, null);
              setLogoProblem(null);
            }}
          >
            Remove logo
          </button>
        )}
      </div>
      <p className="ctl-note">PNG, JPEG, GIF, WebP or SVG, up to {LOGO_LIMIT_TEXT}.</p>
      {logoProblem && (
        <p className="notice notice-error" role="alert" data-testid="logo-error">
          {logoProblem}
        </p>
      )}
    </section>
  );
}
