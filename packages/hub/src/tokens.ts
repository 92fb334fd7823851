import { randomBytes, randomInt } from 'node:crypto';
import { PIN_LENGTH } from '@judgehub/model';
import type { HubStore, Role, TokenRecord } from '@judgehub/store';
import type { Principal } from './access.js';

/** Roles whose link can also be had for a PIN: a judge's tablet, the scoreboard screen. */
const PIN_ROLES: ReadonlySet<Role> = new Set(['judge', 'scoreboard']);

export function hasPin(role: Role): boolean {
  return PIN_ROLES.has(role);
}

/** A new access token: 144 random bits, URL-safe. Judges and scoreboards also get a PIN. */
export function issueToken(
  store: HubStore,
  role: Role,
  judgeId: string | null,
  label: string,
): TokenRecord {
  return store.addToken({
    token: newTokenValue(),
    role,
    judgeId,
    label,
    pin: hasPin(role) ? newPin(store) : null,
  });
}

/**
 * Gives every live judge and scoreboard token that has no PIN one (data folders from before
 * PINs existed). Returns how many were given.
 */
export function ensurePins(store: HubStore): number {
  let given = 0;
  for (const record of store.listTokens()) {
    if (record.pin === null && hasPin(record.role)) {
      if (store.tokens.setPin(record.token, newPin(store))) given++;
    }
  }
  return given;
}

/**
 * Replaces the live link of a judge (or the scoreboard) with a new token and a new PIN, in one
 * transaction. Returns the revoked and the new record, or null when there is no such live link.
 */
export function replaceLink(
  store: HubStore,
  role: Role,
  judgeId: string | null,
): { revoked: TokenRecord; issued: TokenRecord } | null {
  const current = store.listTokens().find((t) => t.role === role && t.judgeId === judgeId);
  if (!current) return null;
  const issued = store.tokens.replace(current.token, {
    token: newTokenValue(),
    role,
    judgeId,
    label: current.label,
    pin: hasPin(role) ? newPin(store, current.pin) : null,
  });
  return issued ? { revoked: current, issued } : null;
}

export type TokenCheck =
  | { ok: true; principal: Principal; record: TokenRecord }
  | { ok: false; reason: 'missing' | 'unknown' | 'replaced' };

/** Who a token belongs to, or why it lets nobody in. */
export function checkToken(store: HubStore, token: string | null | undefined): TokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  if (token.length > 200) return { ok: false, reason: 'unknown' };
  const record = store.tokens.lookup(token);
  if (!record) return { ok: false, reason: 'unknown' };
  if (record.revokedAt !== null) return { ok: false, reason: 'replaced' };
  return {
    ok: true,
    record,
    principal: { role: record.role, judgeId: record.judgeId, label: record.label },
  };
}

export function principalFor(store: HubStore, token: string | null | undefined): Principal | null {
  const check = checkToken(store, token);
  return check.ok ? check.principal : null;
}

function newTokenValue(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * A random 6-digit PIN no live token has (and not `avoid`, so a replaced PIN visibly changes).
 * PINs a person would try first (111111, 123456, …) are never given out.
 */
export function newPin(store: HubStore, avoid: string | null = null): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const pin = String(randomInt(0, 10 ** PIN_LENGTH)).padStart(PIN_LENGTH, '0');
    if (pin !== avoid && !isGuessable(pin) && !store.tokens.findByPin(pin)) return pin;
  }
  // A million PINs for a few hundred judges: reaching this means something else is wrong.
  throw new Error('could not find a free PIN');
}

/** All one digit, or a run up or down (123456, 987654, 890123…). */
export function isGuessable(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  return steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9));
}
