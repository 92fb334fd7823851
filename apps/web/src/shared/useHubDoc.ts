import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import {
  DocSync,
  OfflineReplica,
  type DocSyncOptions,
  type DocSyncStatus,
} from '@judgehub/sync-client';
import { APP_VERSION, deviceId, syncUrl } from './session.js';

export interface HubDoc {
  doc: Y.Doc;
  sync: DocSync;
  status: DocSyncStatus;
  /** Increments on every document or status change: a dependency for derived views. */
  version: number;
}

/** Connection tuning for a page with other needs than a judge's tablet (keep it a constant). */
export type HubDocTuning = Pick<
  DocSyncOptions,
  'heartbeatIntervalMs' | 'heartbeatTimeoutMs' | 'minBackoffMs' | 'maxBackoffMs'
>;

/**
 * One live document from the hub, kept on this device too: the replica stored in IndexedDB is
 * loaded first, so everything entered before a reload is back even while the hub is away; then
 * it syncs. The doc lives as long as the component; every change re-renders with a new `version`.
 */
export function useHubDoc(
  docName: string | null,
  token: string,
  eventId: string | null,
  tuning?: HubDocTuning,
): HubDoc | null {
  const [handle, setHandle] = useState<{ doc: Y.Doc; sync: DocSync } | null>(null);
  useEffect(() => {
    if (!docName || !eventId) return;
    let cancelled = false;
    const doc = new Y.Doc();
    let sync: DocSync | null = null;
    let replica: OfflineReplica | null = null;
    void (async () => {
      let durable: Map<number, number> | undefined;
      try {
        const opened = await OfflineReplica.open(`${eventId}/${docName}`, doc);
        replica = opened?.replica ?? null;
        durable = opened?.durable;
      } catch (error) {
        console.error('JudgeHub: this device cannot keep an offline copy', error);
      }
      if (cancelled) {
        replica?.close();
        return;
      }
      sync = new DocSync({
        serverUrl: syncUrl(),
        docName,
        token,
        doc,
        eventId,
        durable,
        onDurable: (d) => replica?.saveDurable(d),
        deviceId: deviceId(),
        appVersion: APP_VERSION,
        ...tuning,
      });
      setHandle({ doc, sync });
    })();
    return () => {
      cancelled = true;
      sync?.destroy();
      replica?.close();
      doc.destroy();
      setHandle(null);
    };
  }, [docName, token, eventId, tuning]);
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!handle) return () => {};
      const bump = () => {
        versions.set(handle.doc, (versions.get(handle.doc) ?? 0) + 1);
        notify();
      };
      handle.doc.on('update', bump);
      const off = handle.sync.subscribe(bump);
      return () => {
        handle.doc.off('update', bump);
        off();
      };
    },
    [handle],
  );
  const version = useSyncExternalStore(subscribe, () =>
    handle ? (versions.get(handle.doc) ?? 0) : -1,
  );
  // A new object exactly when the doc or its status changed, so it can be a memo dependency.
  return useMemo(
    () => (handle ? { ...handle, status: handle.sync.status, version } : null),
    [handle, version],
  );
}

const versions = new WeakMap<Y.Doc, number>();
