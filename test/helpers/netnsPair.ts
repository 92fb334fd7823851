import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/netns/netns.sh', import.meta.url));

export type NetnsSupport = { ok: true } | { ok: false; reason: string };

/** Whether this machine can run the namespace tests: root, with `ip` and `nft` installed. */
export function netnsSupport(): NetnsSupport {
  if (process.platform !== 'linux') return { ok: false, reason: 'network namespaces need Linux' };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'network namespaces need root' };
  for (const [tool, versionFlag, pkg] of [
    ['ip', '-V', 'iproute2'],
    ['nft', '--version', 'nftables'],
  ] as const) {
    try {
      execFileSync(tool, [versionFlag], { stdio: 'ignore' });
    } catch {
      return { ok: false, reason: `\`${tool}\` is missing (apt-get install -y ${pkg})` };
    }
  }
  return { ok: true };
}

/**
 * Why the namespace tests cannot run on this machine, or null when they can. On CI (`CI` set, as
 * .ci/run does) it is always null: there they must run, and fail with the reason if they cannot.
 */
export function netnsSkipReason(): string | null {
  const support = netnsSupport();
  return support.ok || process.env.CI ? null : support.reason;
}

function run(...args: string[]): void {
  try {
    execFileSync('bash', [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`netns.sh ${args.join(' ')} failed: ${stderr || String(error)}`, {
      cause: error,
    });
  }
}

const live = new Set<NetnsPair>();
process.once('exit', () => {
  for (const pair of live) pair.destroy();
});

/**
 * A hub namespace and a tablet namespace joined by one veth pair (scripts/netns/netns.sh), named
 * after this process so parallel and leftover runs never collide. The tablet side's link can be
 * cut and its outgoing packets dropped; `destroy()` deletes all of it.
 */
export class NetnsPair {
  readonly hubNs: string;
  readonly tabletNs: string;
  readonly hubVeth: string;
  readonly tabletVeth: string;
  readonly hubAddress: string;
  readonly tabletAddress: string;
  private readonly lossTable: string;
  private lossOn = false;
  private destroyed = false;

  /** `tag`: one capital letter per test file, so two files can run at once. */
  constructor(tag: string, subnet: number) {
    if (!/^[A-Z]$/.test(tag)) throw new Error(`tag must be one capital letter, got "${tag}"`);
    const id = `${tag}${process.pid}`;
    this.hubNs = `jh-hub-${id}`;
    this.tabletNs = `jh-tab-${id}`;
    this.hubVeth = `jh${id}h`;
    this.tabletVeth = `jh${id}t`;
    this.lossTable = `jhloss${id}`;
    this.hubAddress = `10.200.${subnet}.1`;
    this.tabletAddress = `10.200.${subnet}.2`;
  }

  /** Makes the namespaces (after deleting any that dead test runs left behind). */
  create(): void {
    const support = netnsSupport();
    if (!support.ok) throw new Error(`cannot make network namespaces: ${support.reason}`);
    run('sweep');
    live.add(this);
    run(
      'create',
      this.hubNs,
      this.tabletNs,
      this.hubVeth,
      this.tabletVeth,
      this.hubAddress.replace(/\.1$/, ''),
    );
  }

  /** Command prefix that runs a program inside a namespace. */
  exec(ns: string): string[] {
    return ['ip', 'netns', 'exec', ns];
  }

  setTabletLink(up: boolean): void {
    run('link', this.tabletNs, this.tabletVeth, up ? 'up' : 'down');
  }

  /** Drops `percent` % of the packets the tablet namespace sends to the hub. */
  addTabletLoss(percent: number): void {
    run('loss', this.tabletNs, this.lossTable, this.tabletVeth, String(percent));
    this.lossOn = true;
  }

  removeTabletLoss(): void {
    if (!this.lossOn) return;
    run('noloss', this.tabletNs, this.lossTable);
    this.lossOn = false;
  }

  /** Deletes the namespaces, and with them the veth pair and the loss rule. Idempotent. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    live.delete(this);
    run('destroy', this.hubNs, this.tabletNs);
  }
}
