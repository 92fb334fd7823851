const MAX_REASON_BYTES = 123;
const encoder = new TextEncoder();

/**
 * A WebSocket close reason may be at most 123 UTF-8 bytes (RFC 6455), and `ws` throws on longer
 * ones. Cuts `text` to fit, on a character boundary, so client-supplied text can never crash us.
 */
export function closeReason(text: string): string {
  if (encoder.encode(text).byteLength <= MAX_REASON_BYTES) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = encoder.encode(char).byteLength;
    if (bytes + size > MAX_REASON_BYTES - 3) break;
    out += char;
    bytes += size;
  }
  return out + '...';
}
