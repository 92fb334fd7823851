import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHub, createMemoryLogger, type RunningHub } from '@judgehub/hub';
import { probeHub, probeProblem } from './hubProbe.js';

let hub: RunningHub;
let dataDir: string;
const servers: http.Server[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-probe-'));
  hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', log: createMemoryLogger() });
});

afterAll(async () => {
  await hub.close();
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('is it a hub?', () => {
  test('a real hub answers, with its hub id', async () => {
    expect(await probeHub(hub.url)).toEqual({ ok: true, hubId: hub.hubId });
  });

  test('a web server that is not a hub (a router page) is told apart', async () => {
    const router = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Router</h1>'),
    );
    const result = await probeHub(router);
    expect(result).toMatchObject({ ok: false, reason: 'not-a-hub' });
    expect(probeProblem(result as never, '127.0.0.1:1234').message).toBe(
      "127.0.0.1:1234 answered, but it is not a JudgeHub hub. Check the address shown on the organiser's screen.",
    );
    const json404 = await serve((_req, res) => res.writeHead(404).end('{"error":"no"}'));
    expect(await probeHub(json404)).toMatchObject({ ok: false, reason: 'not-a-hub' });
  });

  test('nothing listening: unreachable', async () => {
    const gone = await serve(() => undefined);
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    expect(await probeHub(gone)).toMatchObject({
      ok: false,
      reason: 'unreachable',
      detail: 'ECONNREFUSED',
    });
  });

  test('a server that never answers: timeout, in about the time allowed', async () => {
    const silent = await serve(() => undefined);
    const started = Date.now();
    expect(await probeHub(silent, { timeoutMs: 300 })).toMatchObject({
      ok: false,
      reason: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('an endless answer is cut off, not read into memory', async () => {
    const endless = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 32);
      const pump = () => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      pump();
    });
    expect(await probeHub(endless)).toMatchObject({ ok: false, reason: 'not-a-hub' });
  });
});
