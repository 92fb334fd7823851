import { describe, expect, test } from 'vitest';
import {
  parseHubMessage,
  parseHubRequest,
  type HubMessage,
  type HubRequest,
} from './hubMessages.js';

const ready: HubMessage = {
  type: 'ready',
  hub: {
    port: 7420,
    url: 'http://127.0.0.1:7420',
    lanUrl: 'http://192.168.1.20:7420',
    hubId: 'b2c1f0e4',
    eventName: 'Robotics',
    eventId: 'robotics',
    generation: 4,
    quarantined: 0,
    dataDir: '/data',
    hasScoreboard: true,
  },
  links: { organiser: 'http://127.0.0.1:7420/organiser?token=t', scoreboard: null },
};

describe('messages between the app and its hub process', () => {
  test('every message survives the trip (JSON, as over fork and structured clone)', () => {
    const messages: HubMessage[] = [
      ready,
      { type: 'links', links: { organiser: null, scoreboard: 'http://x/scoreboard?token=s' } },
      { type: 'error', code: 'port-in-use', message: 'Port 7420 is already in use' },
      { type: 'stopped' },
    ];
    for (const message of messages)
      expect(parseHubMessage(JSON.parse(JSON.stringify(message)))).toEqual(message);
    const requests: HubRequest[] = [
      {
        type: 'start',
        options: {
          dataDir: '/d',
          port: 0,
          host: '0.0.0.0',
          webRoot: null,
          logFile: '/l',
          advertise: true,
        },
      },
      { type: 'links' },
      { type: 'stop' },
    ];
    for (const request of requests)
      expect(parseHubRequest(JSON.parse(JSON.stringify(request)))).toEqual(request);
  });

  test('a ready message missing or mistyping any field is not ready', () => {
    for (const key of Object.keys(ready.type === 'ready' ? ready.hub : {})) {
      const hub = { ...(ready as Extract<HubMessage, { type: 'ready' }>).hub, [key]: undefined };
      expect(parseHubMessage({ ...ready, hub }), key).toBeNull();
    }
    expect(parseHubMessage({ ...ready, links: { organiser: 3, scoreboard: null } })).toBeNull();
    expect(
      parseHubMessage({ ...ready, hub: { ...(ready as { hub: object }).hub, port: 70000 } }),
    ).toBeNull();
  });

  test('unknown types, unknown error codes and junk are null', () => {
    for (const junk of [
      null,
      'ready',
      42,
      [],
      { type: 'reboot' },
      { type: 'error', code: 'oops', message: 'x' },
    ])
      expect(parseHubMessage(junk)).toBeNull();
    for (const junk of [
      { type: 'start' },
      {
        type: 'start',
        options: {
          dataDir: '',
          port: 0,
          host: 'h',
          webRoot: null,
          logFile: null,
          advertise: false,
        },
      },
      {
        type: 'start',
        options: {
          dataDir: '/d',
          port: -1,
          host: 'h',
          webRoot: null,
          logFile: null,
          advertise: false,
        },
      },
      {
        type: 'start',
        options: { dataDir: '/d', port: 1, host: 'h', webRoot: null, logFile: null },
      },
      { type: 'shutdown' },
    ])
      expect(parseHubRequest(junk)).toBeNull();
  });
});
