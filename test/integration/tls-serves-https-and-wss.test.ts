import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import WebSocket from 'ws';
import { EVENT_DOC, demoEvent, readSettings } from '@judgehub/model';
import { runJudgehub, startServe, TempFolders } from '../helpers/cliProcess.js';
import { ScoringDevice } from '../helpers/scoringDevice.js';
import { scoreSlots } from '../helpers/scoreSlots.js';
import {
  makeSelfSignedCert,
  opensslAvailable,
  type SelfSignedCert,
} from '../helpers/selfSignedCert.js';
import { ProtocolClient } from '../helpers/protocolClient.js';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

/** GET over https, trusting `ca`; resolves with the status and body. */
function httpsGet(url: string, ca: Buffer | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, ca ? { ca } : {}, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

/** Plain-http GET; resolves with the status, or the error's code when no HTTP answer came. */
function plainGet(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe.skipIf(!opensslAvailable)('TLS (skipped without the openssl command)', () => {
  const hubs = new TestHubs();
  const folders = new TempFolders();
  const devices: ScoringDevice[] = [];
  let cert: SelfSignedCert;

  beforeAll(() => {
    cert = makeSelfSignedCert(folders.make('judgehub-tls-'));
  });
  afterEach(async () => {
    for (const device of devices.splice(0)) device.destroy();
    await hubs.cleanup();
  });
  afterAll(() => folders.cleanup());

  /** ws, trusting our test certificate, typed as DocSync's WebSocketImpl. */
  function trustingWebSocket(ca: Buffer): typeof globalThis.WebSocket {
    class TrustingWebSocket extends WebSocket {
      constructor(url: string) {
        super(url, [], { ca });
        this.on('error', () => {});
      }
    }
    return TrustingWebSocket as unknown as typeof globalThis.WebSocket;
  }

  const startTlsHub = () => hubs.start({ tls: { cert: cert.cert, key: cert.key } });

  it('serves the API over https and syncs a judge’s scores over wss, on one port', async () => {
    const testHub: TestHub = await startTlsHub();
    expect(testHub.hub.url).toBe(`https://127.0.0.1:${testHub.hub.port}`);
    expect(testHub.syncUrl.startsWith('wss://')).toBe(true);

    const health = await httpsGet(`${testHub.hub.url}/api/health`, cert.cert);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });

    const device = new ScoringDevice({
      judgeId: 'J1',
      device: 'tablet-a',
      token: tokenFor(testHub, 'judge', 'J1'),
      serverUrl: testHub.syncUrl,
      slots: scoreSlots(demoEvent(), 'J1'),
      webSocketImpl: trustingWebSocket(cert.cert),
    });
    devices.push(device);
    device.connect();
    await waitFor(() => device.sync?.status.synced === true, 5_000, 'sync over wss');
    const slot = device.options.slots[0]!;
    const entry = device.commit(slot, slot.values.at(-1)!)!;
    await waitFor(() => device.isDurable(entry.id), 5_000, 'the score saved on the hub');
  });

  it('answers no plain http or ws, and a client that does not trust the certificate gets nothing', async () => {
    const testHub = await startTlsHub();
    const plainUrl = `http://127.0.0.1:${testHub.hub.port}/api/health`;
    expect(await plainGet(plainUrl)).not.toBe(200);

    const plain = new ProtocolClient(
      new WebSocket(`ws://127.0.0.1:${testHub.hub.port}/sync/${EVENT_DOC}?token=x`).on(
        'error',
        () => {},
      ),
    );
    await waitFor(() => plain.closed !== null, 5_000, 'the plain socket to fail');
    expect(plain.received).toEqual([]);

    await expect(httpsGet(`${testHub.hub.url}/api/health`, null)).rejects.toThrow(/self[- ]signed/);
    const untrusting = new WebSocket(
      `${testHub.syncUrl}/${EVENT_DOC}?token=${tokenFor(testHub, 'organiser')}`,
    );
    const error = await new Promise<Error>((resolve) => untrusting.once('error', resolve));
    expect(error.message).toMatch(/self[- ]signed/);

    // Whoever trusts it gets the event.
    const organiser = new ProtocolClient(
      new WebSocket(`${testHub.syncUrl}/${EVENT_DOC}?token=${tokenFor(testHub, 'organiser')}`, {
        ca: cert.cert,
      }),
    );
    await waitFor(() => organiser.synced, 5_000, 'sync over wss');
    expect(readSettings(organiser.doc).id).toBe(demoEvent().settings.id);
    organiser.ws.close();
  });

  it('judgehub serve --tls-cert --tls-key prints https links and serves them', async () => {
    const dataDir = folders.make();
    const serve = await startServe(dataDir, [
      '--demo',
      '--tls-cert',
      cert.certFile,
      '--tls-key',
      cert.keyFile,
    ]);
    try {
      const laptop = /This laptop: +(https:\/\/localhost:(\d+))/.exec(serve.output());
      expect(laptop, serve.output()).not.toBeNull();
      const links = serve.output().match(/https?:\/\/\S+\/(judge|scoreboard)\?token=\S+/g) ?? [];
      expect(links.length).toBeGreaterThan(0);
      expect(links.every((l) => l.startsWith('https://'))).toBe(true);
      const health = await httpsGet(`https://127.0.0.1:${laptop![2]}/api/health`, cert.cert);
      expect(health.status).toBe(200);
    } finally {
      await serve.stop();
    }
  });

  it('judgehub serve names the TLS file it cannot use, and starts nothing', async () => {
    const dir = folders.make();
    const other = makeSelfSignedCert(dir, 'other');
    const missing = path.join(dir, 'nope.pem');
    const notPem = path.join(dir, 'notes.txt');
    fs.writeFileSync(notPem, 'not a certificate');
    const serve = (...args: string[]) =>
      runJudgehub(['serve', '--data', path.join(dir, 'data'), '--no-mdns', ...args]);

    const absent = await serve('--tls-cert', missing, '--tls-key', cert.keyFile);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain(
      `cannot read the TLS certificate (--tls-cert) ${missing}: no such file`,
    );

    const garbled = await serve('--tls-cert', notPem, '--tls-key', cert.keyFile);
    expect(garbled.code).toBe(1);
    expect(garbled.stderr).toContain(`${notPem} is not a PEM certificate`);

    const mismatched = await serve('--tls-cert', cert.certFile, '--tls-key', other.keyFile);
    expect(mismatched.code).toBe(1);
    expect(mismatched.stderr).toContain(
      `the private key ${other.keyFile} does not belong to the certificate ${cert.certFile}`,
    );

    const half = await serve('--tls-cert', cert.certFile);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--tls-cert and --tls-key go together');

    // Nothing was started: no data folder was made.
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });
});
