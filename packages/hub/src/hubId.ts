import { randomUUID } from 'node:crypto';
import { isValidHubId } from '@judgehub/discovery';
import type { HubStore } from '@judgehub/store';

const HUB_ID_KEY = 'hubId';

/**
 * This data folder's hub id, made at its first start and kept in the meta table: tablets
 * recognise the hub by it across restarts and address changes (docs/PROTOCOL.md, Discovery).
 * A backup restored elsewhere keeps it, as it is the same event's hub.
 */
export function hubIdOf(store: HubStore): string {
  const stored = store.getMeta(HUB_ID_KEY);
  if (stored !== undefined && isValidHubId(stored)) return stored;
  const id = randomUUID();
  store.setMeta(HUB_ID_KEY, id);
  return id;
}
