import { randomBytes } from 'node:crypto';
import type { HubStore, Role, TokenRecord } from '@judgehub/store';
import type { Principal } from './access.js';

/** A new access token: 144 random bits, URL-safe. */
export function issueToken(
  store: HubStore,
  role: Role,
  judgeId: string | null,
  label: string,
): TokenRecord {
  return store.addToken({ token: randomBytes(18).toString('base64url'), role, judgeId, label });
}

export function principalFor(store: HubStore, token: string | null | undefined): Principal | null {
  if (!token || token.length > 200) return null;
  const record = store.findToken(token);
  return record ? { role: record.role, judgeId: record.judgeId, label: record.label } : null;
}
