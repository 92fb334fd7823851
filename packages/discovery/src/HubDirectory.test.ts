import { describe, expect, it } from 'vitest';
import { HubDirectory, type HubChange, type SeenInstance } from './HubDirectory.js';
import type { HubAnnouncement } from './hubTxt.js';

const announcement = (hubId: string, eventName = 'Robotics Regional'): HubAnnouncement => ({
  hubId,
  eventId: 'robotics-2026',
  eventName,
  protocolVersion: 1,
  path: '/sync',
  tls: false,
});

const instance = (
  key: string,
  hubId: string,
  addresses: string[],
  extra: Partial<SeenInstance> = {},
): SeenInstance => ({ key, announcement: announcement(hubId), port: 7420, addresses, ...extra });

function directory(maxInstances?: number) {
  const changes: HubChange[] = [];
  const dir = new HubDirectory((change) => changes.push(change), maxInstances);
  const summary = () =>
    changes.splice(0).map((c) => `${c.type} ${c.hub.hubId} ${c.hub.addresses.join(',')}`);
  return { dir, summary };
}

describe('HubDirectory folds mDNS instances into hubs', () => {
  it('reports one hub for one hub id seen on several addresses and instances', () => {
    const { dir, summary } = directory();
    dir.seen(instance('A._judgehub._tcp.local', 'hub-one-1', ['192.168.1.20']), 0);
    dir.seen(instance('A._judgehub._tcp.local', 'hub-one-1', ['192.168.1.20']), 100);
    // The same hub re-announced under a new name after it got a wired address too.
    dir.seen(instance('B._judgehub._tcp.local', 'hub-one-1', ['10.0.0.5', '192.168.1.20']), 200);
    expect(summary()).toEqual([
      'up hub-one-1 192.168.1.20',
      'update hub-one-1 10.0.0.5,192.168.1.20',
    ]);
    expect(dir.hubs()).toHaveLength(1);
  });

  it('goes down only when the last instance of a hub says goodbye', () => {
    const { dir, summary } = directory();
    dir.seen(instance('A', 'hub-one-1', ['192.168.1.20']), 0);
    dir.seen(instance('B', 'hub-one-1', ['192.168.1.30']), 10);
    summary();
    dir.gone('A');
    expect(summary()).toEqual(['update hub-one-1 192.168.1.30']);
    dir.gone('B');
    dir.gone('B');
    expect(summary()).toEqual(['down hub-one-1 192.168.1.30']);
  });

  it('expires instances that stopped answering, saying why', () => {
    const changes: HubChange[] = [];
    const dir = new HubDirectory((c) => changes.push(c));
    dir.seen(instance('A', 'hub-one-1', ['192.168.1.20']), 0);
    dir.seen(instance('B', 'hub-two-2', ['192.168.1.40']), 0);
    dir.seen(instance('B', 'hub-two-2', ['192.168.1.40']), 9_000);
    dir.expire(10_000, 5_000);
    expect(changes.at(-1)).toMatchObject({
      type: 'down',
      reason: 'expired',
      hub: { hubId: 'hub-one-1' },
    });
    expect(dir.hubs().map((h) => h.hubId)).toEqual(['hub-two-2']);
    dir.gone('B');
    expect(changes.at(-1)).toMatchObject({ type: 'down', reason: 'goodbye' });
  });

  it('lets the newest instance speak for the hub, and reports a renamed event once', () => {
    const { dir, summary } = directory();
    dir.seen(instance('A', 'hub-one-1', ['192.168.1.20']), 0);
    dir.seen(
      {
        ...instance('B', 'hub-one-1', ['192.168.1.20']),
        announcement: announcement('hub-one-1', 'Finals'),
      },
      10,
    );
    // The old instance answering again changes nothing: it is older.
    dir.seen(instance('A', 'hub-one-1', ['192.168.1.20']), 20);
    expect(summary()).toEqual(['up hub-one-1 192.168.1.20', 'update hub-one-1 192.168.1.20']);
    expect(dir.hubs()[0]?.eventName).toBe('Finals');
  });

  it('keeps only addresses on the newest port: an old run on another port is not reachable', () => {
    const { dir } = directory();
    dir.seen(instance('A', 'hub-one-1', ['192.168.1.20'], { port: 7000 }), 0);
    dir.seen(instance('B', 'hub-one-1', ['192.168.1.21']), 10);
    expect(dir.hubs()).toEqual([
      expect.objectContaining({ port: 7420, addresses: ['192.168.1.21'] }),
    ]);
  });

  it('moves an instance that changes its hub id', () => {
    const { dir, summary } = directory();
    dir.seen(instance('A', 'hub-one-1', ['192.168.1.20']), 0);
    dir.seen(instance('A', 'hub-two-2', ['192.168.1.20']), 10);
    expect(summary()).toEqual([
      'up hub-one-1 192.168.1.20',
      'up hub-two-2 192.168.1.20',
      'down hub-one-1 192.168.1.20',
    ]);
  });

  it('stops tracking new instances past its limit, so a flood cannot exhaust memory', () => {
    const { dir } = directory(3);
    for (let i = 0; i < 10; i++) dir.seen(instance(`I${i}`, `hub-flood-${i}`, ['10.0.0.1']), i);
    expect(dir.hubs()).toHaveLength(3);
    dir.gone('I0');
    dir.seen(instance('I9', 'hub-flood-9', ['10.0.0.1']), 20);
    expect(dir.hubs().map((h) => h.hubId)).toContain('hub-flood-9');
  });
});
