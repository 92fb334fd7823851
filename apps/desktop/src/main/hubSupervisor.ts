import type { HubReadyInfo, HubState } from '../shared/hubState.js';
import {
  parseHubMessage,
  type HubLaunchOptions,
  type HubLinks,
  type HubRequest,
} from '../hub/hubMessages.js';

export interface HubProcessExit {
  code: number | null;
  signal: string | null;
}

/** One hub process, however it was started (Electron's utilityProcess, Node's fork). */
export interface HubProcess {
  readonly pid: number | undefined;
  send(request: HubRequest): void;
  /** Ends it at once, no questions asked: for a hub that does not answer. */
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called exactly once, when the process has ended (also when it could not start at all). */
  onExit(listener: (exit: HubProcessExit) => void): void;
}

export type SpawnHubProcess = () => HubProcess;

export type SupervisorLog = (event: string, fields?: Record<string, unknown>) => void;

export interface HubSupervisorOptions {
  spawn: SpawnHubProcess;
  launch: HubLaunchOptions;
  /** Loading a big event file and checking its integrity takes seconds, never a minute. */
  readyTimeoutMs?: number;
  /** How long a stopping hub gets to finish writing before it is killed. */
  stopTimeoutMs?: number;
  /** Wait before each restart in a row; the last one repeats. */
  restartDelaysMs?: readonly number[];
  /** Failed starts or crashes in a row before giving up (and saying so). */
  maxRestarts?: number;
  /** A hub that ran this long without dying resets the count of failures in a row. */
  stableAfterMs?: number;
  log?: SupervisorLog;
}

export type StartOutcome = { ok: true; hub: HubReadyInfo } | { ok: false; reason: string };
export type StopOutcome = { clean: boolean; detail: string };

const DEFAULTS = {
  readyTimeoutMs: 60_000,
  stopTimeoutMs: 10_000,
  restartDelaysMs: [1_000, 2_000, 5_000, 10_000, 20_000] as readonly number[],
  maxRestarts: 5,
  stableAfterMs: 60_000,
};

/**
 * Keeps the app's hub process running: starts it, waits for its typed `ready` (with a timeout),
 * restarts it when it dies (backoff, then gives up after `maxRestarts` failures in a row), and
 * stops it cleanly (it flushes and closes its database) when the app quits. Every change of
 * state goes to `onState` listeners, which is what the window shows. Plain Node: the process is
 * made by the injected `spawn`, so tests run the real hub entry under `child_process.fork`.
 */
export class HubSupervisor {
  private current: HubState = { status: 'stopped' };
  private readonly listeners = new Set<(state: HubState) => void>();
  private readonly options: Required<Omit<HubSupervisorOptions, 'log'>> & { log: SupervisorLog };
  private child: HubProcess | null = null;
  /** Why the current process is about to end or just did, from its own error or a timeout. */
  private lastError: string | null = null;
  /** Failed starts and crashes in a row. */
  private failures = 0;
  private latestLinks: HubLinks | null = null;
  private readyTimer: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private stableTimer: NodeJS.Timeout | null = null;
  private stopTimer: NodeJS.Timeout | null = null;
  private startWaiters: ((outcome: StartOutcome) => void)[] = [];
  private linkWaiters: ((links: HubLinks | null) => void)[] = [];
  private stopping: { promise: Promise<StopOutcome>; resolve: (o: StopOutcome) => void } | null =
    null;
  private saidStopped = false;
  private killedOnStop = false;

  constructor(options: HubSupervisorOptions) {
    this.options = { ...DEFAULTS, log: () => undefined, ...options };
    if (this.options.restartDelaysMs.length === 0) throw new Error('restartDelaysMs is empty');
  }

  get state(): HubState {
    return this.current;
  }

  /** The hub process's id while one runs (for logs, and for tests that kill it). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The organiser and scoreboard links of the running hub (they carry tokens: never log). */
  links(): HubLinks | null {
    return this.current.status === 'running' ? this.latestLinks : null;
  }

  onState(listener: (state: HubState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts the hub; resolves at its first `ready`, or once it gave up. While the hub already
   * runs (or is being restarted) it waits for the same outcome.
   */
  start(): Promise<StartOutcome> {
    if (this.current.status === 'running')
      return Promise.resolve({ ok: true, hub: this.current.hub });
    const outcome = new Promise<StartOutcome>((resolve) => this.startWaiters.push(resolve));
    if (this.current.status === 'stopped' || this.current.status === 'failed') {
      this.failures = 0;
      this.launch();
    }
    return outcome;
  }

  /** Asks the running hub for its links again (the scoreboard's appears with the event). */
  async refreshLinks(timeoutMs = 5_000): Promise<HubLinks | null> {
    const child = this.child;
    if (!child || this.current.status !== 'running') return null;
    const answer = new Promise<HubLinks | null>((resolve) => {
      this.linkWaiters.push(resolve);
      setTimeout(() => resolve(null), timeoutMs).unref();
    });
    this.sendTo(child, { type: 'links' });
    return answer;
  }

  /**
   * Stops the hub: it finishes writing, closes every connection and its database, says
   * `stopped` and exits. One that does not within `stopTimeoutMs` is killed (`clean: false`).
   */
  stop(): Promise<StopOutcome> {
    if (this.stopping) return this.stopping.promise;
    this.clearTimer('restartTimer');
    const child = this.child;
    if (!child) {
      this.setState({ status: 'stopped' });
      this.settleStart({ ok: false, reason: 'The hub was stopped.' });
      return Promise.resolve({ clean: true, detail: 'not running' });
    }
    let resolve!: (outcome: StopOutcome) => void;
    const promise = new Promise<StopOutcome>((r) => (resolve = r));
    this.stopping = { promise, resolve };
    this.saidStopped = false;
    this.killedOnStop = false;
    this.setState({ status: 'stopping' });
    this.clearTimer('readyTimer');
    this.sendTo(child, { type: 'stop' });
    this.stopTimer = setTimeout(() => {
      this.options.log('hub.stop_timeout', { pid: child.pid, ms: this.options.stopTimeoutMs });
      this.killedOnStop = true;
      child.kill();
    }, this.options.stopTimeoutMs);
    return promise;
  }

  private launch(): void {
    const attempt = this.failures + 1;
    this.lastError = null;
    this.setState({ status: 'starting', attempt });
    let child: HubProcess;
    try {
      child = this.options.spawn();
    } catch (error) {
      this.lastError = `The hub process could not be started: ${String(error)}`;
      this.afterExit({ code: null, signal: null });
      return;
    }
    this.child = child;
    this.options.log('hub.spawned', { pid: child.pid, attempt });
    child.onMessage((raw) => this.onMessage(child, raw));
    child.onExit((exit) => {
      if (this.child !== child) return;
      this.child = null;
      this.afterExit(exit);
    });
    this.readyTimer = setTimeout(() => {
      this.lastError = `The hub did not report ready within ${formatMs(this.options.readyTimeoutMs)}, so it was stopped.`;
      this.options.log('hub.ready_timeout', { pid: child.pid, ms: this.options.readyTimeoutMs });
      child.kill();
    }, this.options.readyTimeoutMs);
    this.sendTo(child, { type: 'start', options: this.options.launch });
  }

  private onMessage(child: HubProcess, raw: unknown): void {
    if (this.child !== child) return;
    const message = parseHubMessage(raw);
    if (!message) {
      this.options.log('hub.message_unreadable', { pid: child.pid });
      return;
    }
    switch (message.type) {
      case 'ready': {
        if (this.current.status !== 'starting') return;
        this.clearTimer('readyTimer');
        this.latestLinks = message.links;
        this.options.log('hub.ready', {
          pid: child.pid,
          port: message.hub.port,
          generation: message.hub.generation,
        });
        this.setState({ status: 'running', hub: message.hub });
        this.settleStart({ ok: true, hub: message.hub });
        this.stableTimer = setTimeout(() => (this.failures = 0), this.options.stableAfterMs);
        this.stableTimer.unref();
        return;
      }
      case 'links': {
        this.latestLinks = message.links;
        for (const waiter of this.linkWaiters.splice(0)) waiter(message.links);
        const state = this.current;
        if (
          state.status === 'running' &&
          state.hub.hasScoreboard !== (message.links.scoreboard !== null)
        )
          this.setState({
            status: 'running',
            hub: { ...state.hub, hasScoreboard: message.links.scoreboard !== null },
          });
        return;
      }
      case 'error':
        this.lastError = message.message;
        this.options.log('hub.error', { pid: child.pid, code: message.code });
        return;
      case 'stopped':
        this.saidStopped = true;
        return;
    }
  }

  private afterExit(exit: HubProcessExit): void {
    this.clearTimer('readyTimer');
    this.clearTimer('stableTimer');
    for (const waiter of this.linkWaiters.splice(0)) waiter(null);
    const stopping = this.stopping;
    if (stopping) {
      this.clearTimer('stopTimer');
      this.stopping = null;
      const clean = this.saidStopped && exit.code === 0 && !this.killedOnStop;
      this.options.log('hub.exited', { ...exit, expected: true, clean });
      this.setState({ status: 'stopped' });
      this.settleStart({ ok: false, reason: 'The hub was stopped.' });
      stopping.resolve({
        clean,
        detail: clean
          ? 'stopped after writing everything'
          : this.killedOnStop
            ? `killed after ${formatMs(this.options.stopTimeoutMs)} without stopping`
            : `exited (${describeExit(exit)}) without confirming it stopped`,
      });
      return;
    }
    const reason = this.lastError ?? `The hub process ended unexpectedly (${describeExit(exit)}).`;
    this.lastError = null;
    this.failures++;
    this.options.log('hub.exited', { ...exit, expected: false, failures: this.failures });
    if (this.failures > this.options.maxRestarts) {
      this.options.log('hub.gave_up', { failures: this.failures });
      this.setState({ status: 'failed', reason });
      this.settleStart({ ok: false, reason });
      return;
    }
    const delays = this.options.restartDelaysMs;
    const retryInMs = delays[Math.min(this.failures - 1, delays.length - 1)]!;
    this.setState({ status: 'restarting', attempt: this.failures, reason, retryInMs });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.launch();
    }, retryInMs);
  }

  private sendTo(child: HubProcess, request: HubRequest): void {
    try {
      child.send(request);
    } catch (error) {
      // The process is going away; its exit is handled where it is reported.
      this.options.log('hub.send_failed', { type: request.type, error: String(error) });
    }
  }

  private settleStart(outcome: StartOutcome): void {
    for (const waiter of this.startWaiters.splice(0)) waiter(outcome);
  }

  private setState(state: HubState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }

  private clearTimer(name: 'readyTimer' | 'restartTimer' | 'stableTimer' | 'stopTimer'): void {
    const timer = this[name];
    if (timer) clearTimeout(timer);
    this[name] = null;
  }
}

function describeExit(exit: HubProcessExit): string {
  if (exit.signal) return `signal ${exit.signal}`;
  if (exit.code !== null) return `exit code ${exit.code}`;
  return 'no exit code';
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
