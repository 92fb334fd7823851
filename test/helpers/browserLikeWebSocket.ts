import WebSocket from 'ws';

/**
 * `ws` as a browser WebSocket behaves: a failed connection (hub down, ECONNREFUSED) fires
 * `error` then `close`, and never throws. Plain `ws` emits `error` on an EventEmitter, which
 * crashes the process when nobody listens — and DocSync, written for browsers, only sets
 * `onclose`. Pass this as DocSync's `WebSocketImpl` in Node.
 */
export class BrowserLikeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

/** The same class, typed as DocSync's `WebSocketImpl` option expects. */
export const BrowserLikeWebSocketImpl =
  BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket;
