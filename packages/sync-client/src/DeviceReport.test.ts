import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { DEVICE_AWARENESS_FIELD, MessageType } from '@judgehub/model';
import { DeviceReport } from './DeviceReport.js';

/** Applies one of our awareness messages to the hub's side of a document, as the hub does. */
function deliver(hub: Awareness, message: Uint8Array | null): void {
  expect(message).not.toBeNull();
  const decoder = decoding.createDecoder(message!);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.Awareness);
  applyAwarenessUpdate(hub, decoding.readVarUint8Array(decoder), 'socket');
}

const CLIENT = 4242;
const waitingOn = (hub: Awareness) =>
  (hub.getStates().get(CLIENT)?.[DEVICE_AWARENESS_FIELD] as { waiting: number } | undefined)
    ?.waiting;

describe('the device report a tablet sends over awareness', () => {
  it('says nothing until there is a count, then only when it changes', () => {
    const report = new DeviceReport(CLIENT);
    expect(report.message()).toBeNull();
    expect(report.due()).toBe(false);
    expect(report.set(3)).toBe(true);
    expect(report.set(3)).toBe(false);
    expect(report.set(0)).toBe(true);
  });

  it('reaches the hub, and still does on a new socket after the hub dropped the old state', () => {
    const hub = new Awareness(new Y.Doc());
    const report = new DeviceReport(CLIENT);
    report.set(3);
    deliver(hub, report.message());
    expect(waitingOn(hub)).toBe(3);
    report.set(1);
    deliver(hub, report.message());
    expect(waitingOn(hub)).toBe(1);

    // The socket closes: the hub removes the state but keeps its clock for this client.
    removeAwarenessStates(hub, [CLIENT], null);
    expect(waitingOn(hub)).toBeUndefined();
    // The first message on the next socket must count as new, or the hub would ignore it.
    deliver(hub, report.message());
    expect(waitingOn(hub)).toBe(1);
    hub.destroy();
  });

  it('is due again 15 s after it was last sent, so the hub never times it out', () => {
    const report = new DeviceReport(CLIENT);
    report.set(2);
    report.message(1_000);
    expect(report.due(15_999)).toBe(false);
    expect(report.due(16_000)).toBe(true);
  });
});
