export { advertiseHub, type AdvertiseOptions, type HubAdvertiser } from './advertiseHub.js';
export {
  discoverHubs,
  readInstance,
  type DiscoverOptions,
  type HubDiscovery,
} from './discoverHubs.js';
export {
  HubDirectory,
  type DiscoveredHub,
  type HubChange,
  type SeenInstance,
} from './HubDirectory.js';
export {
  chooseHubInterface,
  defaultRouteInterfaces,
  isVirtualInterface,
  readNetwork,
  type HubInterface,
  type InterfaceChoice,
  type InterfaceRequest,
  type NetworkInterfaces,
  type NetworkSnapshot,
} from './hubInterface.js';
export {
  encodeHubTxt,
  isValidHubId,
  parseHubTxt,
  SERVICE_NAME,
  SERVICE_TYPE,
  SYNC_PATH,
  TXT_VERSION,
  type HubAnnouncement,
} from './hubTxt.js';
export type { DiscoveryLog } from './mdnsSocket.js';
