/**
 * The one contract between the app's window (renderer) and its main process: the API the preload
 * exposes as `window.judgehub`, the IPC channel names (declared here and nowhere else), and the
 * validators the main process runs on everything a window sends. Environment-neutral: no Node,
 * no DOM, so the preload, the main process, the renderer and the tests all import it.
 */
import type { HubState } from './hubState.js';

export type { HubReadyInfo, HubState } from './hubState.js';

export type AppMode = 'hub' | 'client';

/** What the start window shows. */
export type Screen = 'mode-choice' | 'join' | 'hub';

/** A hub found on the network, as the "Join a hub" list shows it. */
export interface HubListing {
  hubId: string;
  /** Empty while the hub has no event yet. */
  eventName: string;
  /** Where it will be joined, e.g. `192.168.1.20:7420`. */
  address: string;
  /** More addresses it answered on (tried in turn if the first does not answer). */
  otherAddresses: number;
  /** False when this app cannot join it (another protocol version); `note` says why. */
  joinable: boolean;
  note: string | null;
  /** The hub this laptop joined last time. */
  lastUsed: boolean;
}

export type ConnectFailure =
  /** What was typed is not an address. */
  | 'invalid-address'
  /** Nothing answers there (wrong address, hub stopped, other network). */
  | 'unreachable'
  /** Something answered, slower than a hub on the same network ever is. */
  | 'timeout'
  /** Something answered, but not a JudgeHub hub (a router's page, another web server). */
  | 'not-a-hub'
  /** A hub of another JudgeHub version. */
  | 'incompatible'
  /** The listed hub went away before it was picked. */
  | 'not-found'
  /** The hub's page stopped loading while in use (it was reachable before). */
  | 'lost';

export interface ConnectionProblem {
  reason: ConnectFailure;
  /** A sentence a judge can act on. */
  message: string;
  /** `192.168.1.20:7420`, when there is one. */
  address: string | null;
}

export type ConnectResult = { ok: true; address: string } | ({ ok: false } & ConnectionProblem);

export type ConnectRequest =
  /** A hub from the list, by id: the main process knows its addresses, the window does not say. */
  | { kind: 'listed'; hubId: string }
  /** Typed by the judge: `192.168.1.20`, `hub.local:7420`, or a whole judge link. */
  | { kind: 'address'; address: string }
  /** The hub this laptop joined last time. */
  | { kind: 'last' };

export interface ReconnectView {
  /** Event name, or the address when the hub had no event. */
  label: string;
  address: string;
  attempt: number;
  /** Whether the last attempt failed and another is waiting. */
  waiting: boolean;
}

export interface ClientView {
  hubs: HubListing[];
  /** Whether mDNS browsing runs, and where or why not, in words. */
  discovery: { active: boolean; detail: string };
  lastHub: { label: string; address: string } | null;
  /** Set while the app is getting back to the last hub by itself. */
  reconnect: ReconnectView | null;
  /** Why the last connection failed or ended. */
  problem: ConnectionProblem | null;
}

/** Everything the start window shows, pushed whole on every change. */
export interface DesktopState {
  screen: Screen;
  mode: AppMode | null;
  client: ClientView;
  hub: HubState;
  appVersion: string;
}

export type HubAction =
  | 'open-organiser'
  | 'open-scoreboard'
  /** Start the hub again after it failed too often. */
  | 'retry'
  | 'show-data-folder';

export type HubActionResult = { ok: true } | { ok: false; message: string };

export type Unsubscribe = () => void;

/** The API object the preload exposes to the start window as `window.judgehub`. */
export interface DesktopApi {
  getState(): Promise<DesktopState>;
  onState(listener: (state: DesktopState) => void): Unsubscribe;
  chooseMode(mode: AppMode): Promise<void>;
  connectToHub(request: ConnectRequest): Promise<ConnectResult>;
  /** Stop getting back to the last hub by itself (the judge wants another one). */
  cancelReconnect(): Promise<void>;
  hubAction(action: HubAction): Promise<HubActionResult>;
}

/** The global the preload defines. */
export const API_GLOBAL = 'judgehub';

/** Request → response of every window → main call, by API method name. */
export interface InvokeContract {
  getState: { request: undefined; response: DesktopState };
  chooseMode: { request: AppMode; response: undefined };
  connectToHub: { request: ConnectRequest; response: ConnectResult };
  cancelReconnect: { request: undefined; response: undefined };
  hubAction: { request: HubAction; response: HubActionResult };
}

/** Payload of every main → window message, by name. */
export interface EventContract {
  state: DesktopState;
}

export type InvokeName = keyof InvokeContract;
export type EventName = keyof EventContract;

/** IPC channel names: declared once, here. */
export const INVOKE_CHANNELS = {
  getState: 'judgehub:get-state',
  chooseMode: 'judgehub:choose-mode',
  connectToHub: 'judgehub:connect-to-hub',
  cancelReconnect: 'judgehub:cancel-reconnect',
  hubAction: 'judgehub:hub-action',
} as const satisfies Record<InvokeName, `judgehub:${string}`>;

export const EVENT_CHANNELS = {
  state: 'judgehub:state',
} as const satisfies Record<EventName, `judgehub:${string}`>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const MODES: readonly AppMode[] = ['hub', 'client'];
const HUB_ACTIONS: readonly HubAction[] = [
  'open-organiser',
  'open-scoreboard',
  'retry',
  'show-data-folder',
];
const HUB_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A judge link is ~80 characters; anything far longer is not something a person typed. */
const MAX_ADDRESS_LENGTH = 2048;

const noPayload = (value: unknown): Parsed<undefined> =>
  value === undefined ? { ok: true, value: undefined } : { ok: false, problem: 'expected nothing' };

/**
 * What the main process accepts from a window, per call. The renderer is our own code, but it
 * is still the edge: a compromised page must get an error, never a half-checked value.
 */
export const REQUEST_VALIDATORS: {
  [K in InvokeName]: (value: unknown) => Parsed<InvokeContract[K]['request']>;
} = {
  getState: noPayload,
  cancelReconnect: noPayload,
  chooseMode: (value) =>
    MODES.includes(value as AppMode)
      ? { ok: true, value: value as AppMode }
      : { ok: false, problem: `mode must be one of ${MODES.join(', ')}` },
  hubAction: (value) =>
    HUB_ACTIONS.includes(value as HubAction)
      ? { ok: true, value: value as HubAction }
      : { ok: false, problem: `action must be one of ${HUB_ACTIONS.join(', ')}` },
  connectToHub: (value) => {
    if (typeof value !== 'object' || value === null)
      return { ok: false, problem: 'expected a connect request' };
    const request = value as Record<string, unknown>;
    const keys = Object.keys(request).sort().join(',');
    switch (request.kind) {
      case 'last':
        return keys === 'kind'
          ? { ok: true, value: { kind: 'last' } }
          : { ok: false, problem: 'unexpected fields' };
      case 'listed':
        return keys === 'hubId,kind' &&
          typeof request.hubId === 'string' &&
          HUB_ID.test(request.hubId)
          ? { ok: true, value: { kind: 'listed', hubId: request.hubId } }
          : { ok: false, problem: 'hubId must be a hub id' };
      case 'address':
        return keys === 'address,kind' &&
          typeof request.address === 'string' &&
          request.address.length <= MAX_ADDRESS_LENGTH
          ? { ok: true, value: { kind: 'address', address: request.address } }
          : {
              ok: false,
              problem: `address must be text of at most ${MAX_ADDRESS_LENGTH} characters`,
            };
      default:
        return { ok: false, problem: 'kind must be last, listed or address' };
    }
  },
};
