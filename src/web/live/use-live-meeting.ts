import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { LivePresence } from '../../domain/one-on-one/live-doc';
import { LiveMeeting, type LiveStatus, type SocketLike } from './live-meeting';
import { replay } from './outbox';

/**
 * How the meeting page writes shared notes:
 * - live: the Yjs document, in step with the other person (or kept on this device while
 *   offline, once the meeting has been opened live here);
 * - fallback: the save-and-merge autosave over HTTP, when no WebSocket can be had;
 * - pending: still finding out (a moment).
 */
type LiveMode = 'pending' | 'live' | 'fallback';

export type LiveState = {
  live: LiveMeeting | null;
  mode: LiveMode;
  status: LiveStatus;
  others: LivePresence[];
  /** Server clock minus this device's clock (ms). */
  clockOffsetMs: number;
};

const syncedKey = (meetingId: string) => `samtal.live.synced.${meetingId}`;
const storeName = (meetingId: string) => `samtal-meeting-${meetingId}`;

function wasSyncedHere(meetingId: string): boolean {
  try {
    return localStorage.getItem(syncedKey(meetingId)) === '1';
  } catch {
    return false;
  }
}

/** The live channel of one meeting for this page; null state when `enabled` is false. */
export function useLiveMeeting(meetingId: string, enabled: boolean): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>({
    live: null,
    mode: 'pending',
    status: 'connecting',
    others: [],
    clockOffsetMs: 0,
  });

  useEffect(() => {
    if (!enabled) return;
    const doc = new Y.Doc();
    // The document is kept on this device, so a meeting opened once can be written offline.
    let store: IndexeddbPersistence | null = null;
    try {
      store = new IndexeddbPersistence(storeName(meetingId), doc);
    } catch {
      store = null;
    }
    let failures = 0;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const live = new LiveMeeting({
      url: `${proto}//${location.host}/api/live/meetings/${encodeURIComponent(meetingId)}`,
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      doc,
      onEvent: (event) => {
        if (event.type === 'welcome') {
          // Connected again: what was kept offline goes now.
          void replay();
          try {
            localStorage.setItem(syncedKey(meetingId), '1');
          } catch {
            // the page still works live
          }
          setState((s) => ({ ...s, mode: 'live', clockOffsetMs: live.clockOffsetMs }));
        }
        // Topics, actions, the check-in or the state changed: fetch them again.
        if (event.type === 'changed')
          void client
            .invalidateQueries({ queryKey: ['1on1', 'meeting', meetingId] })
            .then(() => client.invalidateQueries({ queryKey: ['wellbeing'] }));
      },
      onStatus: (status) => {
        if (status === 'offline' && !live.everConnected && navigator.onLine) failures++;
        setState((s) => ({
          ...s,
          status,
          mode:
            s.mode === 'pending' && failures >= 2 && !wasSyncedHere(meetingId)
              ? 'fallback'
              : s.mode,
        }));
      },
    });
    const onAwareness = () => setState((s) => ({ ...s, others: live.others() }));
    live.awareness.on('change', onAwareness);
    const offline = () => live.pause();
    const online = () => live.resume();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    if (!navigator.onLine) live.pause();
    let disposed = false;
    // Published from a callback, after this effect: the page renders once more with it.
    queueMicrotask(() => {
      if (disposed) return;
      setState({
        live,
        mode: wasSyncedHere(meetingId) ? 'live' : 'pending',
        status: live.status,
        others: [],
        clockOffsetMs: 0,
      });
    });
    return () => {
      disposed = true;
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      live.awareness.off('change', onAwareness);
      live.destroy();
      void store?.destroy();
      doc.destroy();
    };
  }, [meetingId, enabled, client]);

  // A finished or cancelled meeting is not live: its notes are read from the page.
  return enabled ? state : { ...state, live: null, mode: 'fallback' };
}

export const LiveContext = createContext<LiveState | null>(null);

/** The live channel of the meeting being shown, if any. */
export function useLive(): LiveState | null {
  return useContext(LiveContext);
}
