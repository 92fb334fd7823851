import { useMemo } from 'react';
import { create } from 'qrcode';

/** Light modules around the code: the 4 the QR standard asks for, so cameras lock on quickly. */
const QUIET_ZONE = 4;

/**
 * A QR code as SVG: sharp at any size and in print. Error correction M keeps the code coarse
 * enough (a judge link is ~70 characters: 33×33 modules) to scan from across a table.
 * `data-url` carries the encoded text, for people and tests to read.
 */
export function QrCode({
  text,
  label,
  testId,
  className = 'qr',
}: {
  text: string;
  label: string;
  testId?: string;
  className?: string;
}) {
  const { size, path } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let y = 0; y < modules.size; y++) {
      // One rectangle per run of dark modules in a row keeps the path short.
      for (let x = 0; x < modules.size; x++) {
        if (!modules.data[y * modules.size + x]) continue;
        let run = 1;
        while (x + run < modules.size && modules.data[y * modules.size + x + run]) run++;
        d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
        x += run - 1;
      }
    }
    return { size: modules.size + 2 * QUIET_ZONE, path: d };
  }, [text]);
  return (
    <svg
      className={className}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-url={text}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
