import { LOGO_MAX_BYTES, logoSizeProblem } from '@judgehub/model';

export type LogoRead = { ok: true; dataUrl: string } | { ok: false; problem: string };

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'];

/**
 * Reads an image file chosen on the controls into a data URL for the display document. The size
 * is checked before reading, so a 20 MB photo is refused at once with what to do instead.
 */
export async function readLogoFile(file: File): Promise<LogoRead> {
  if (!IMAGE_TYPES.includes(file.type))
    return { ok: false, problem: 'The logo must be a PNG, JPEG, GIF, WebP or SVG image.' };
  const tooLarge = logoSizeProblem(file.size);
  if (tooLarge) return { ok: false, problem: tooLarge };
  const dataUrl = await new Promise<string | null>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
  if (!dataUrl) return { ok: false, problem: 'This file could not be read. Try another copy.' };
  return { ok: true, dataUrl };
}

export const LOGO_LIMIT_TEXT = `${LOGO_MAX_BYTES / 1024} KB`;
export const LOGO_ACCEPT = IMAGE_TYPES.join(',');
