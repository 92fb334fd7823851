import type { BoardCategory } from '@judgehub/model';
import { JoinQr } from './JoinQr.js';
import { useFitText } from './useFitText.js';

/** The idle screen before and between results: who we are, how judging is going, how to join. */
export function WelcomeView({
  eventName,
  logo,
  categories,
  joinUrl,
}: {
  eventName: string;
  logo: string | null;
  categories: BoardCategory[];
  /** The judges' join page, or null to show no QR code. */
  joinUrl: string | null;
}) {
  const title = useFitText<HTMLHeadingElement>(eventName, 0.5);
  const submitted = categories.reduce((n, c) => n + c.sheetsSubmitted, 0);
  const assigned = categories.reduce((n, c) => n + c.sheetsAssigned, 0);
  const progress =
    assigned === 0
      ? 'Results will appear here'
      : submitted === 0
        ? 'Judging starts soon'
        : submitted >= assigned
          ? 'Every score sheet is in'
          : `Judging under way · ${submitted} of ${assigned} score sheets in`;
  return (
    <div className={`sb-welcome${joinUrl ? ' sb-welcome-qr' : ''}`} data-testid="welcome">
      <div className="sb-welcome-body">
        {logo && <img className="sb-welcome-logo" src={logo} alt="" />}
        <p className="sb-eyebrow">Welcome to</p>
        <h1 className="sb-welcome-title" ref={title}>
          {eventName}
        </h1>
        <p className="sb-welcome-sub">{progress}</p>
        {categories.length > 0 && (
          <p className="sb-welcome-categories">
            {categories.map((c) => c.categoryName).join(' · ')}
          </p>
        )}
      </div>
      {joinUrl && <JoinQr url={joinUrl} label="Judges: scan to join" />}
    </div>
  );
}
