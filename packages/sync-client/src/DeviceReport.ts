import * as encoding from 'lib0/encoding';
import { DEVICE_AWARENESS_FIELD, MessageType, type DeviceAwareness } from '@judgehub/model';

/** The hub forgets awareness states after 30 s of silence; renew well before. */
const RENEW_AFTER_MS = 15_000;

/**
 * What this device tells the hub about itself over the standard awareness channel: how many of
 * its values wait for the hub's confirmation, for the organiser's device list. The hub cannot see
 * that itself: values made offline are unknown to it until they arrive.
 *
 * Encoded by hand (one awareness state, our own clock) rather than with y-protocols' Awareness,
 * which would bring its own timers and state for a single number.
 */
export class DeviceReport {
  private state: DeviceAwareness | null = null;
  private clock = 0;
  private sentAt = 0;

  constructor(private readonly clientId: number) {}

  /** Records the count; true when it differs from the last one. */
  set(waiting: number): boolean {
    if (this.state?.waiting === waiting) return false;
    this.state = { waiting };
    return true;
  }

  /** Whether the hub should hear it again to keep it alive. */
  due(now = Date.now()): boolean {
    return this.state !== null && now - this.sentAt >= RENEW_AFTER_MS;
  }

  /**
   * The awareness message to send, or null with nothing to say. Every message has a higher clock
   * than the last: the hub keeps the clock of a state it removed (socket closed, or 30 s silent)
   * and ignores an update that does not pass it.
   */
  message(now = Date.now()): Uint8Array | null {
    if (!this.state) return null;
    this.clock++;
    this.sentAt = now;
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, this.clientId);
    encoding.writeVarUint(update, this.clock);
    encoding.writeVarString(update, JSON.stringify({ [DEVICE_AWARENESS_FIELD]: this.state }));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MessageType.Awareness);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
    return encoding.toUint8Array(message);
  }
}
