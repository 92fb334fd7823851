import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { demoEvent, sheetsDocName } from '@judgehub/model';
import { createMemoryLogger, startHub } from '@judgehub/hub';
import { HubChild } from './hubChild.js';
import { NetnsPair } from './netnsPair.js';
import { scoreSlots } from './scoreSlots.js';
import { TabletProcess, type DeviceReport } from './tabletProcess.js';

const HUB_PORT = 7420;

/**
 * A venue on one machine: the hub (`judgehub serve`) in the hub namespace, and for each judge one
 * device beside it (hub namespace) and one tablet across the veth (tablet namespace), both
 * scoring the same sheet. Each side's devices live in a process of their own.
 */
export class NetnsVenue {
  readonly pair: NetnsPair;
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-netns-'));
  hub: HubChild | null = null;
  hubSide: TabletProcess | null = null;
  tabletSide: TabletProcess | null = null;

  constructor(
    tag: string,
    subnet: number,
    readonly judgeIds: string[],
  ) {
    this.pair = new NetnsPair(tag, subnet);
  }

  get docNames(): string[] {
    return this.judgeIds.map(sheetsDocName);
  }

  /** Namespaces, hub and both sides' devices, each device synced once. */
  async start(): Promise<void> {
    this.pair.create();
    this.hub = new HubChild({
      dataDir: this.dataDir,
      port: HUB_PORT,
      host: this.pair.hubAddress,
      prefix: this.pair.exec(this.pair.hubNs),
    });
    await this.hub.start();
    const serverUrl = `ws://${this.pair.hubAddress}:${HUB_PORT}/sync`;
    const event = demoEvent();
    const plans = (side: string) =>
      this.judgeIds.map((judgeId) => {
        const token = this.hub!.judgeTokens.get(judgeId);
        if (!token) throw new Error(`no link for ${judgeId} in the hub's banner`);
        return { judgeId, device: `${judgeId}-${side}`, token, slots: scoreSlots(event, judgeId) };
      });
    this.hubSide = new TabletProcess('hub-side devices', this.pair.exec(this.pair.hubNs));
    this.tabletSide = new TabletProcess('tablets', this.pair.exec(this.pair.tabletNs));
    await this.hubSide.open(serverUrl, plans('laptop'));
    await this.tabletSide.open(serverUrl, plans('tablet'));
    await this.waitUntil(
      (reports) => reports.every((r) => r.synced),
      10_000,
      'every device to sync once',
    );
  }

  async score(on: boolean): Promise<void> {
    await Promise.all([
      this.hubSide!.score(on, 11, 100, 300),
      this.tabletSide!.score(on, 23, 100, 300),
    ]);
  }

  async reports(): Promise<{ hubSide: DeviceReport[]; tablets: DeviceReport[] }> {
    const [hubSide, tablets] = await Promise.all([
      this.hubSide!.report(),
      this.tabletSide!.report(),
    ]);
    return { hubSide, tablets };
  }

  /** Polls both sides until `done` holds; returns how long it took. */
  async waitUntil(
    done: (reports: DeviceReport[]) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<number> {
    const started = Date.now();
    let last: DeviceReport[] = [];
    while (Date.now() - started < timeoutMs) {
      const { hubSide, tablets } = await this.reports();
      last = [...hubSide, ...tablets];
      if (done(last)) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const states = last.map(
      (r) =>
        `${r.device}: ${r.state}, ${r.notDurable.length} of ${r.doc.getMap('entries').size} unsaved`,
    );
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${states.join('\n')}`);
  }

  /**
   * Stops the hub (it finishes writing) and loads its data folder with the hub's own start-up
   * path: the documents as the hub stored them, for comparison with every device.
   */
  async storedDocs(): Promise<Map<string, Y.Doc>> {
    await this.hub!.stop();
    const hub = await startHub({
      dataDir: this.dataDir,
      port: 0,
      host: '127.0.0.1',
      webRoot: null,
      log: createMemoryLogger(),
    });
    try {
      const docs = new Map<string, Y.Doc>();
      for (const name of this.docNames) {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(hub.registry.get(name).doc));
        docs.set(name, copy);
      }
      return docs;
    } finally {
      await hub.close();
    }
  }

  /** Ends every process, deletes the namespaces (veth and nft rules go with them) and the data. */
  async cleanup(): Promise<void> {
    const steps: (() => unknown)[] = [
      () => this.tabletSide?.close(),
      () => this.hubSide?.close(),
      () => this.hub?.kill9(),
      () => this.pair.destroy(),
      () => fs.rmSync(this.dataDir, { recursive: true, force: true }),
    ];
    const failures: unknown[] = [];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, 'netns venue cleanup failed');
  }
}
