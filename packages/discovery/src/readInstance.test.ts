import { describe, expect, it } from 'vitest';
import { readInstance } from './discoverHubs.js';
import { encodeHubTxt } from './hubTxt.js';

const txt = encodeHubTxt({
  hubId: '6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f',
  eventId: 'robotics-2026',
  eventName: 'Robotics Regional',
  protocolVersion: 1,
  path: '/sync',
  tls: false,
});

/** A service as bonjour-service's browser builds it from a packet. */
const service = (extra: Record<string, unknown> = {}) => ({
  fqdn: 'JudgeHub 6f1c2e9a 0a1b2c._judgehub._tcp.local',
  port: 7420,
  addresses: ['192.168.1.20'],
  referer: { address: '192.168.1.20', family: 'IPv4', port: 5353, size: 300 },
  rawTxt: Object.entries(txt).map(([k, v]) => Buffer.from(`${k}=${v}`)),
  txt: {},
  ...extra,
});

describe('readInstance: a browsed service, untrusted', () => {
  it('reads a hub announcement with its addresses, the packet source included once', () => {
    expect(readInstance(service())).toEqual({
      key: 'JudgeHub 6f1c2e9a 0a1b2c._judgehub._tcp.local',
      announcement: expect.objectContaining({ eventId: 'robotics-2026' }),
      port: 7420,
      addresses: ['192.168.1.20'],
    });
    expect(readInstance(service({ addresses: [] }))?.addresses).toEqual(['192.168.1.20']);
    expect(readInstance(service({ addresses: ['10.0.0.5'] }))?.addresses).toEqual([
      '10.0.0.5',
      '192.168.1.20',
    ]);
  });

  it.each([
    ['not an object', 'JudgeHub'],
    ['null', null],
    ['no instance name', { fqdn: undefined }],
    ['an instance name that is not a string', { fqdn: { toString: () => 'x' } }],
    ['port 0', { port: 0 }],
    ['a port past 65535', { port: 70000 }],
    ['a port that is a string', { port: '7420' }],
    ['no TXT at all', { rawTxt: undefined, txt: undefined }],
    ['a TXT of someone else', { rawTxt: [Buffer.from('model=LaserJet')] }],
    ['no usable address', { addresses: ['not-an-ip', 42, '::1'], referer: { address: 'fe80::1' } }],
  ])('ignores %s', (_what, extra) => {
    const input = typeof extra === 'object' && extra !== null ? service(extra) : extra;
    expect(readInstance(input)).toBeNull();
  });

  it('keeps at most 8 addresses', () => {
    const many = Array.from({ length: 50 }, (_, i) => `10.0.0.${i + 1}`);
    expect(readInstance(service({ addresses: many }))?.addresses).toHaveLength(8);
  });
});
