import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { DocSync, type DocSyncStatus } from '@judgehub/sync-client';
import { syncUrl } from './session.js';

export interface HubDoc {
  doc: Y.Doc;
  sync: DocSync;
  status: DocSyncStatus;
  /** Increments on every document or status change: a dependency for derived views. */
  version: number;
}

/**
 * One live document from the hub. The doc and its connection live as long as the component;
 * every change re-renders with a new `version`.
 */
export function useHubDoc(docName: string | null, token: string): HubDoc | null {
  const [handle, setHandle] = useState<{ doc: Y.Doc; sync: DocSync } | null>(null);
  useEffect(() => {
    if (!docName) return;
    const doc = new Y.Doc();
    const sync = new DocSync({ serverUrl: syncUrl(), docName, token, doc });
    // The doc and its socket are an external resource owned by this effect; state hands them to render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHandle({ doc, sync });
    return () => {
      sync.destroy();
      doc.destroy();
      setHandle(null);
    };
  }, [docName, token]);
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
  return handle ? { ...handle, status: handle.sync.status, version } : null;
}

const versions = new WeakMap<Y.Doc, number>();
