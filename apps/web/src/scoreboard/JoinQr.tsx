import { QrCode } from '../organiser/QrCode.js';

/**
 * The judges' join QR code on the welcome screen: dark on light whatever the theme (phones read
 * that best), with the address under it for anyone typing it in.
 */
export function JoinQr({ url, label }: { url: string; label: string }) {
  return (
    <figure className="sb-qr" data-testid="join-qr" data-url={url}>
      <QrCode text={url} label={`QR code: ${url}`} className="sb-qr-code" />
      <figcaption>
        <strong>{label}</strong>
        <span className="sb-qr-url">{url.replace(/^https?:\/\//, '')}</span>
      </figcaption>
    </figure>
  );
}
