/**
 * What the app knows about the hub it runs in hub mode, as the main process reports it to the
 * window. Environment-neutral: imported by the main process, the hub process and the renderer.
 */

/** The running hub, as its process announced it. Carries no access token. */
export interface HubReadyInfo {
  port: number;
  /** `http://127.0.0.1:<port>`: what this laptop's own windows load. */
  url: string;
  /** `http://<venue address>:<port>`: what tablets reach; null while no network is up. */
  lanUrl: string | null;
  /** Stable id of the data folder's hub, the one tablets recognise it by. */
  hubId: string;
  /** Empty while the hub has no event yet. */
  eventName: string;
  eventId: string;
  /** Increments at every start on the same data folder. */
  generation: number;
  /** Damaged stored rows set aside at this start (the hub's quarantine table). */
  quarantined: number;
  dataDir: string;
  /** Whether a scoreboard link exists (only once an event is set up). */
  hasScoreboard: boolean;
}

export type HubState =
  | { status: 'stopped' }
  | { status: 'starting'; attempt: number }
  | { status: 'running'; hub: HubReadyInfo }
  /** The hub died or never became ready; another start follows in `retryInMs`. */
  | { status: 'restarting'; attempt: number; reason: string; retryInMs: number }
  /** Gave up after too many failed starts in a row; a person has to act. */
  | { status: 'failed'; reason: string }
  | { status: 'stopping' };
