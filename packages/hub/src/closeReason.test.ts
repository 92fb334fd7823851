import { describe, expect, it } from 'vitest';
import { closeReason } from './closeReason.js';

const bytes = (s: string) => new TextEncoder().encode(s).byteLength;

describe('closeReason', () => {
  it('keeps a short reason as it is', () => {
    expect(closeReason('missing or unknown token')).toBe('missing or unknown token');
  });

  it('cuts long ASCII text to at most 123 bytes', () => {
    const reason = closeReason('x'.repeat(500));
    expect(bytes(reason)).toBeLessThanOrEqual(123);
    expect(reason.endsWith('...')).toBe(true);
  });

  it('cuts multi-byte text on a character boundary, never splitting a character', () => {
    const reason = closeReason('no document "' + '漢'.repeat(60) + '" on this hub');
    expect(bytes(reason)).toBeLessThanOrEqual(123);
    expect(reason).not.toContain('\uFFFD');
    expect(reason.startsWith('no document "漢漢')).toBe(true);
  });

  it('does not split an emoji surrogate pair', () => {
    const reason = closeReason('🏆'.repeat(100));
    expect(bytes(reason)).toBeLessThanOrEqual(123);
    expect([...reason.replace(/\.\.\.$/, '')].every((c) => c === '🏆')).toBe(true);
  });
});
