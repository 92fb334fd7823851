import { useMemo } from 'react';
import { create as createQrCode } from 'qrcode';

/**
 * The judges' join QR code, drawn as one SVG path from the code's modules so it is crisp at any
 * projector size and takes the theme's colours (always dark on light: phones read that best).
 */
export function JoinQr({ url, label }: { url: string; label: string }) {
  const path = useMemo(() => {
    const { modules } = createQrCode(url, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) d += `M${col + 2} ${row + 2}h1v1h-1z`;
      }
    }
    return { d, size: modules.size + 4 };
  }, [url]);
  return (
    <figure className="sb-qr" data-testid="join-qr" data-url={url}>
      <svg
        className="sb-qr-code"
        viewBox={`0 0 ${path.size} ${path.size}`}
        role="img"
        aria-label={`QR code: ${url}`}
        shapeRendering="crispEdges"
      >
        <rect width={path.size} height={path.size} fill="#fff" />
        <path d={path.d} fill="#0f172a" />
      </svg>
      <figcaption>
        <strong>{label}</strong>
        <span className="sb-qr-url">{url.replace(/^https?:\/\//, '')}</span>
      </figcaption>
    </figure>
  );
}
