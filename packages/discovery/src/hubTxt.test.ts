import { describe, expect, it } from 'vitest';
import { encodeHubTxt, parseHubTxt, type HubAnnouncement } from './hubTxt.js';

const hub: HubAnnouncement = {
  hubId: '6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f',
  eventId: 'robotics-2026',
  eventName: 'Robotics Regional 2026 — Zürich',
  protocolVersion: 1,
  path: '/sync',
  tls: false,
};

/** The TXT strings as they travel: `key=value`, UTF-8, one buffer each. */
const wire = (txt: Record<string, string>) =>
  Object.entries(txt).map(([k, v]) => Buffer.from(`${k}=${v}`));

describe('the hub TXT record', () => {
  it('round-trips every field through the wire form', () => {
    expect(parseHubTxt(wire(encodeHubTxt(hub)))).toEqual(hub);
    const fresh = { ...hub, eventId: '', eventName: '' };
    expect(parseHubTxt(wire(encodeHubTxt(fresh)))).toEqual(fresh);
    const secure = { ...hub, tls: true };
    expect(parseHubTxt(wire(encodeHubTxt(secure)))).toEqual(secure);
  });

  it('keeps every TXT string within 255 bytes, cutting a long name between characters', () => {
    const long = { ...hub, eventName: 'Ü'.repeat(300) };
    const strings = wire(encodeHubTxt(long));
    for (const s of strings) expect(s.length).toBeLessThanOrEqual(255);
    const parsed = parseHubTxt(strings);
    expect(parsed?.eventName).toBe('Ü'.repeat(100));
  });

  it('publishes a name with control characters with spaces instead', () => {
    const parsed = parseHubTxt(wire(encodeHubTxt({ ...hub, eventName: 'Finals\n\u001b[2J' })));
    expect(parsed?.eventName).toBe('Finals  [2J');
  });

  it('reads keys case-insensitively and takes the first of repeated keys', () => {
    const strings = [
      ...wire({ TXTVERS: '1', HubId: hub.hubId }),
      ...wire(encodeHubTxt({ ...hub, hubId: 'ffffffff-0000' })),
    ];
    expect(parseHubTxt(strings)?.hubId).toBe(hub.hubId);
  });

  it('also reads decoded key/value pairs, ignoring values that are not strings', () => {
    expect(parseHubTxt({ ...encodeHubTxt(hub), extra: 42 })).toEqual(hub);
  });

  it('ignores unknown keys and boolean attributes', () => {
    expect(
      parseHubTxt([...wire(encodeHubTxt(hub)), Buffer.from('tls'), Buffer.from('x=y')]),
    ).toEqual(hub);
  });

  const garbage: [string, unknown][] = [
    ['nothing', undefined],
    ['null', null],
    ['a string', 'hubid=abc'],
    ['a number', 7],
    ['an empty record', []],
    ['a record without the JudgeHub keys', wire({ model: 'Printer', rp: 'queue' })],
    ['non-buffers in the list', [...wire(encodeHubTxt(hub)), 42]],
    ['an over-long string', [...wire(encodeHubTxt(hub)), Buffer.alloc(300, 0x61)]],
    [
      'invalid UTF-8',
      [...wire(encodeHubTxt(hub)).slice(0, 5), Buffer.from([0x70, 0x61, 0x74, 0x68, 0x3d, 0xff])],
    ],
  ];
  const broken: [string, Partial<Record<string, string>>][] = [
    ['another TXT layout version', { txtvers: '2' }],
    ['no hub id', { hubid: '' }],
    ['a short hub id', { hubid: 'abc' }],
    ['a hub id with spaces', { hubid: 'hub one two three' }],
    ['an over-long hub id', { hubid: 'a'.repeat(65) }],
    ['a protocol version that is not a number', { proto: 'one' }],
    ['a negative protocol version', { proto: '-1' }],
    ['a huge protocol version', { proto: '99999999999' }],
    ['an event id with a slash', { eventid: '../etc' }],
    ['an event name with a terminal escape', { event: 'Finals\u001b[2J' }],
    ['an event name with a bidi override', { event: 'Finals \u202eslaniF' }],
    ['a path not starting with /', { path: 'sync' }],
    ['a path with a query', { path: '/sync?token=x' }],
    ['a tls flag that is neither 0 nor 1', { tls: 'yes' }],
  ];

  it.each(garbage)('ignores %s', (_what, txt) => {
    expect(parseHubTxt(txt)).toBeNull();
  });

  it.each(broken)('ignores a record with %s', (_what, change) => {
    const txt = { ...encodeHubTxt(hub), ...change } as Record<string, string>;
    expect(parseHubTxt(wire(txt))).toBeNull();
  });

  it('reads a hub without the tls key (from before TLS) as plain http', () => {
    const { tls: _tls, ...older } = encodeHubTxt({ ...hub, tls: true });
    expect(parseHubTxt(wire(older))).toEqual({ ...hub, tls: false });
  });

  it('ignores a record missing any one of the other keys', () => {
    for (const key of Object.keys(encodeHubTxt(hub)).filter((k) => k !== 'tls')) {
      const txt: Record<string, string> = { ...encodeHubTxt(hub) };
      delete txt[key];
      expect(parseHubTxt(wire(txt)), `without ${key}`).toBeNull();
    }
  });
});
