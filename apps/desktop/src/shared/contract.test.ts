import { describe, expect, test } from 'vitest';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  REQUEST_VALIDATORS,
  type InvokeName,
} from './contract.js';

describe('IPC contract', () => {
  test('every channel is named once, in the judgehub: namespace', () => {
    const names = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^judgehub:[a-z-]+$/);
  });

  test('every call has a validator, and no validator lacks a call', () => {
    expect(Object.keys(REQUEST_VALIDATORS).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
  });

  test('calls without a payload refuse one', () => {
    for (const name of ['getState', 'cancelReconnect'] as InvokeName[]) {
      expect(REQUEST_VALIDATORS[name](undefined)).toEqual({ ok: true, value: undefined });
      expect(REQUEST_VALIDATORS[name]({ sneaky: true }).ok).toBe(false);
    }
  });

  test('mode and hub action accept exactly their words', () => {
    expect(REQUEST_VALIDATORS.chooseMode('hub')).toEqual({ ok: true, value: 'hub' });
    expect(REQUEST_VALIDATORS.chooseMode('client')).toEqual({ ok: true, value: 'client' });
    for (const bad of ['HUB', '', null, 1, { mode: 'hub' }])
      expect(REQUEST_VALIDATORS.chooseMode(bad)).toMatchObject({
        ok: false,
        problem: 'mode must be one of hub, client',
      });
    expect(REQUEST_VALIDATORS.hubAction('retry')).toEqual({ ok: true, value: 'retry' });
    expect(REQUEST_VALIDATORS.hubAction('rm -rf').ok).toBe(false);
  });

  test('a connect request is one of three exact shapes', () => {
    const v = REQUEST_VALIDATORS.connectToHub;
    expect(v({ kind: 'last' })).toEqual({ ok: true, value: { kind: 'last' } });
    expect(v({ kind: 'listed', hubId: 'b2c1f0e4-5d6a' })).toEqual({
      ok: true,
      value: { kind: 'listed', hubId: 'b2c1f0e4-5d6a' },
    });
    expect(v({ kind: 'address', address: '192.168.1.20' })).toEqual({
      ok: true,
      value: { kind: 'address', address: '192.168.1.20' },
    });
    // The window picks a hub by id; it never gets to say where the hub is.
    expect(v({ kind: 'listed', hubId: 'abc', address: 'http://evil.example' }).ok).toBe(false);
    expect(v({ kind: 'listed', hubId: '../../etc' }).ok).toBe(false);
    expect(v({ kind: 'address', address: 42 }).ok).toBe(false);
    expect(v({ kind: 'address', address: 'x'.repeat(2049) }).ok).toBe(false);
    expect(v({ kind: 'last', extra: 1 }).ok).toBe(false);
    expect(v({ kind: 'other' })).toEqual({
      ok: false,
      problem: 'kind must be last, listed or address',
    });
    expect(v(null).ok).toBe(false);
  });
});
