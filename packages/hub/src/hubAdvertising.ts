import { EVENT_DOC, readSettings } from '@judgehub/model';
import { advertiseHub, SERVICE_NAME, type InterfaceChoice } from '@judgehub/discovery';
import type { RunningHub } from './Hub.js';
import type { Logger } from './logger.js';

export interface HubAdvertising {
  /** For the start banner: where the hub is advertised, or why it is not. */
  describe(): string;
  /** Goodbye on the network, so tablets drop the hub at once instead of after a timeout. */
  stop(): Promise<void>;
}

/**
 * Advertises a running hub over mDNS (`judgehub serve`; docs/PROTOCOL.md, Discovery). Kept out of
 * `startHub`, so hubs started in-process (tests, tools) never announce themselves on a network.
 */
export function advertiseRunningHub(
  hub: RunningHub,
  options: { listenHost: string; interfaceName?: string; log: Logger },
): HubAdvertising {
  const eventDoc = hub.registry.get(EVENT_DOC).doc;
  const settings = readSettings(eventDoc);
  const advertiser = advertiseHub({
    port: hub.port,
    hubId: hub.hubId,
    eventId: settings.id,
    eventName: settings.name,
    tls: hub.secure,
    interfaceName: options.interfaceName,
    listenHost: options.listenHost,
    log: options.log,
  });
  // The organiser may rename the event while the hub runs; pickers should show the new name.
  const onEventChange = () => {
    const { id, name } = readSettings(eventDoc);
    advertiser.setEvent({ eventId: id, eventName: name });
  };
  eventDoc.on('update', onEventChange);
  return {
    describe: () => describeAdvertising(advertiser.status()),
    async stop() {
      eventDoc.off('update', onEventChange);
      await advertiser.stop();
    },
  };
}

export function describeAdvertising(choice: InterfaceChoice): string {
  return choice.ok
    ? `${SERVICE_NAME} on ${choice.name} (${choice.address})`
    : `not advertised: ${choice.reason}`;
}
