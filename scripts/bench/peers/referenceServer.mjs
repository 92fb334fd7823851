// The no-persistence reference peer: a plain y-protocols WebSocket server that behaves like
// y-websocket's classic server (bin/utils.js of y-websocket 1.x, which @y/websocket-server
// continues): one Y.Doc per URL path kept in memory for the life of the process, sync step 1 on
// connect, every update broadcast to every connection of the document (the sender included),
// awareness relayed, a ping every 30 s. No auth, no persistence, no acknowledgements.
//
// Usage: node referenceServer.mjs --port N   (listens on 127.0.0.1)
import http from 'node:http';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebSocketServer } from 'ws';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const PING_INTERVAL_MS = 30_000;

const { values } = parseArgs({ options: { port: { type: 'string' } } });

/** A document, its awareness and its connections (each with the awareness ids it announced). */
class SharedDoc extends Y.Doc {
  constructor(name) {
    super({ gc: true });
    this.name = name;
    this.conns = new Map();
    this.awareness = new awarenessProtocol.Awareness(this);
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }, conn) => {
      const owned = this.conns.get(conn);
      if (owned) {
        for (const id of added) owned.add(id);
        for (const id of removed) owned.delete(id);
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]),
      );
      const message = encoding.toUint8Array(encoder);
      for (const c of this.conns.keys()) send(this, c, message);
    });
    // Like y-websocket: the update goes to every connection, the one it came from too.
    this.on('update', (update) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const c of this.conns.keys()) send(this, c, message);
    });
  }
}

const docs = new Map();

function send(doc, conn, message) {
  if (conn.readyState !== conn.CONNECTING && conn.readyState !== conn.OPEN) {
    closeConn(doc, conn);
    return;
  }
  conn.send(message, (error) => {
    if (error) closeConn(doc, conn);
  });
}

function closeConn(doc, conn) {
  const owned = doc.conns.get(conn);
  if (owned) {
    doc.conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(doc.awareness, [...owned], null);
  }
  conn.close();
}

function onMessage(conn, doc, message) {
  const encoder = encoding.createEncoder();
  const decoder = decoding.createDecoder(message);
  switch (decoding.readVarUint(decoder)) {
    case MESSAGE_SYNC:
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, encoder, doc, conn);
      if (encoding.length(encoder) > 1) send(doc, conn, encoding.toUint8Array(encoder));
      break;
    case MESSAGE_AWARENESS:
      awarenessProtocol.applyAwarenessUpdate(
        doc.awareness,
        decoding.readVarUint8Array(decoder),
        conn,
      );
      break;
    default:
      break;
  }
}

function setUpConnection(conn, req) {
  const name = (req.url ?? '/').slice(1).split('?')[0];
  let doc = docs.get(name);
  if (!doc) docs.set(name, (doc = new SharedDoc(name)));
  doc.conns.set(conn, new Set());
  conn.binaryType = 'arraybuffer';
  conn.on('message', (data) => {
    try {
      onMessage(conn, doc, new Uint8Array(data));
    } catch (error) {
      // y-websocket's server lets such an error escape; one bad message must not end the run.
      process.stderr.write(`reference server: ${String(error)}\n`);
    }
  });
  conn.on('close', () => closeConn(doc, conn));
  let pongReceived = true;
  const ping = setInterval(() => {
    if (!pongReceived) {
      if (doc.conns.has(conn)) closeConn(doc, conn);
      clearInterval(ping);
    } else if (doc.conns.has(conn)) {
      pongReceived = false;
      conn.ping();
    }
  }, PING_INTERVAL_MS);
  conn.on('close', () => clearInterval(ping));
  conn.on('pong', () => (pongReceived = true));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  send(doc, conn, encoding.toUint8Array(encoder));
  const states = doc.awareness.getStates();
  if (states.size > 0) {
    const aw = encoding.createEncoder();
    encoding.writeVarUint(aw, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      aw,
      awarenessProtocol.encodeAwarenessUpdate(doc.awareness, [...states.keys()]),
    );
    send(doc, conn, encoding.toUint8Array(aw));
  }
}

const server = http.createServer((_req, res) => res.writeHead(200).end('reference'));
const wss = new WebSocketServer({ server });
wss.on('connection', setUpConnection);
server.listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ ready: true, port: server.address().port })}\n`);
});
process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
});
