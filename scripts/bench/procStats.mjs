// Memory and CPU of a server process, read from /proc (Linux), so every server is measured the
// same way from outside.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // getconf missing: Linux's USER_HZ is 100 on every architecture we run on.
}

/** Resident memory in bytes and CPU time used so far in seconds, or null once it has exited. */
export function readProcess(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rssKiB = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    // Fields after the command name (which may hold spaces, so split after its ')').
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return { rssBytes: rssKiB * 1024, cpuSeconds: (utime + stime) / ticksPerSecond };
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `intervalMs`; `mark()` and `since(mark)` give CPU use between. */
export class ProcessSampler {
  constructor(pid, intervalMs = 200) {
    this.pid = pid;
    this.peakRssBytes = 0;
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    this.sample();
  }

  sample() {
    const now = readProcess(this.pid);
    if (now) this.peakRssBytes = Math.max(this.peakRssBytes, now.rssBytes);
    return now;
  }

  /** Starts a measuring window: peak RSS from here, CPU from here. */
  mark() {
    const now = this.sample();
    this.peakRssBytes = now?.rssBytes ?? 0;
    return { at: performance.now(), cpuSeconds: now?.cpuSeconds ?? 0 };
  }

  /** CPU use since `mark` as a share of one core (1 = one core busy), peak and current RSS. */
  since(mark) {
    const now = this.sample();
    const seconds = (performance.now() - mark.at) / 1000;
    return {
      cpuCores: now && seconds > 0 ? (now.cpuSeconds - mark.cpuSeconds) / seconds : null,
      peakRssBytes: this.peakRssBytes,
      rssBytes: now?.rssBytes ?? null,
    };
  }

  stop() {
    clearInterval(this.timer);
  }
}
