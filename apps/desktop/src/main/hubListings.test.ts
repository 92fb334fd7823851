import { describe, expect, test } from 'vitest';
import type { DiscoveredHub } from '@judgehub/discovery';
import { hubOrigins, reconnectOrigins, toHubListings } from './hubListings.js';

function hub(overrides: Partial<DiscoveredHub> & Pick<DiscoveredHub, 'hubId'>): DiscoveredHub {
  return {
    eventId: 'ev',
    eventName: 'Event',
    protocolVersion: 1,
    path: '/sync',
    tls: false,
    port: 7420,
    addresses: ['192.168.1.20'],
    ...overrides,
  };
}
const context = { protocolVersion: 1, lastHubId: null, lastOrigin: null };

describe('hubs found → the "Join a hub" list', () => {
  test('one row per hub, with the address to try first and how many more it has', () => {
    const rows = toHubListings(
      [
        hub({
          hubId: 'hub-aaaaaaaa',
          eventName: ' Robotics ',
          addresses: ['169.254.3.4', '10.0.0.5'],
        }),
      ],
      context,
    );
    expect(rows).toEqual([
      {
        hubId: 'hub-aaaaaaaa',
        eventName: 'Robotics',
        address: '10.0.0.5:7420',
        otherAddresses: 1,
        joinable: true,
        note: null,
        lastUsed: false,
      },
    ]);
  });

  test('a hub of another protocol version is listed, not joinable, with what to update', () => {
    const [older, newer] = toHubListings(
      [
        hub({ hubId: 'hub-older000', protocolVersion: 0, eventName: 'A' }),
        hub({ hubId: 'hub-newer000', protocolVersion: 2, eventName: 'B' }),
      ],
      context,
    );
    expect(older).toMatchObject({
      joinable: false,
      note: expect.stringContaining('older JudgeHub'),
    });
    expect(newer).toMatchObject({
      joinable: false,
      note: 'This hub runs a newer JudgeHub. Update this app to join it.',
    });
  });

  test('order: last used, then joinable ones by event name, hubs without an event after, then the rest', () => {
    const rows = toHubListings(
      [
        hub({ hubId: 'hub-noevent1', eventName: '', addresses: ['10.0.0.9'] }),
        hub({ hubId: 'hub-science1', eventName: 'Science Fair' }),
        hub({ hubId: 'hub-oldproto', eventName: 'Aardvark Cup', protocolVersion: 0 }),
        hub({ hubId: 'hub-dance001', eventName: 'Dance Cup' }),
        hub({ hubId: 'hub-robotics', eventName: 'Robotics', addresses: ['192.168.1.77'] }),
      ],
      { ...context, lastOrigin: 'http://192.168.1.77:7420' },
    );
    expect(rows.map((r) => r.hubId)).toEqual([
      'hub-robotics',
      'hub-dance001',
      'hub-science1',
      'hub-noevent1',
      'hub-oldproto',
    ]);
    expect(rows[0]!.lastUsed).toBe(true);
  });

  test('the last-used hub is recognised by id even at a new address', () => {
    const [row] = toHubListings([hub({ hubId: 'hub-robotics', addresses: ['10.1.1.1'] })], {
      ...context,
      lastHubId: 'hub-robotics',
      lastOrigin: 'http://192.168.1.77:7420',
    });
    expect(row!.lastUsed).toBe(true);
  });

  test('origins: https for a hub serving TLS; link-local addresses last, duplicates once', () => {
    const addresses = ['169.254.1.1', '10.0.0.5', '10.0.0.5', '192.168.1.2'];
    expect(hubOrigins({ addresses, port: 80, tls: false })).toEqual([
      'http://10.0.0.5:80',
      'http://192.168.1.2:80',
      'http://169.254.1.1:80',
    ]);
    expect(hubOrigins({ addresses: ['10.0.0.5'], port: 8443, tls: true })).toEqual([
      'https://10.0.0.5:8443',
    ]);
  });

  test('getting back to the last hub: its remembered address, then where mDNS says it is now', () => {
    const last = { origin: 'http://192.168.1.77:7420', hubId: 'hub-robotics' };
    expect(reconnectOrigins(last, [])).toEqual(['http://192.168.1.77:7420']);
    expect(
      reconnectOrigins(last, [
        hub({ hubId: 'hub-other000', addresses: ['10.9.9.9'] }),
        hub({ hubId: 'hub-robotics', addresses: ['10.1.1.1', '192.168.1.77'] }),
      ]),
    ).toEqual(['http://192.168.1.77:7420', 'http://10.1.1.1:7420']);
    // Without a remembered id, another hub is never taken for ours.
    expect(
      reconnectOrigins({ ...last, hubId: null }, [
        hub({ hubId: 'hub-robotics', addresses: ['10.1.1.1'] }),
      ]),
    ).toEqual(['http://192.168.1.77:7420']);
  });
});
