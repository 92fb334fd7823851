import http from 'node:http';
import https from 'node:https';

/** A certificate and its private key, PEM-encoded (see tlsFiles.ts for reading them). */
export interface HubTls {
  cert: string | Buffer;
  key: string | Buffer;
}

export type HubServer = http.Server | https.Server;

/**
 * The hub's HTTP server: plain http, or https (and so wss for the sync sockets on the same
 * port) when given a certificate. TLS keeps tokens and scores unreadable to anyone else on an
 * open venue network (docs/THREAT_MODEL.md).
 */
export function createHubServer(tls: HubTls | undefined, handler: http.RequestListener): HubServer {
  return tls
    ? https.createServer({ cert: tls.cert, key: tls.key }, handler)
    : http.createServer(handler);
}
