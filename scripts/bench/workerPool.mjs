// Forks the device worker processes and calls their commands (deviceWorker.mjs).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./deviceWorker.mjs', import.meta.url));

class Worker {
  constructor() {
    this.child = fork(WORKER, [], { serialization: 'advanced', stdio: 'inherit' });
    this.calls = new Map();
    this.nextId = 1;
    this.child.on('message', ({ id, result, error }) => {
      const call = this.calls.get(id);
      this.calls.delete(id);
      if (error) call?.reject(new Error(`device worker: ${error}`));
      else call?.resolve(result);
    });
    this.child.on('exit', (code) => {
      for (const call of this.calls.values())
        call.reject(new Error(`device worker exited (${code})`));
      this.calls.clear();
    });
  }

  call(cmd, args) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.child.send({ id, cmd, args });
    });
  }
}

export class WorkerPool {
  constructor(count) {
    this.workers = Array.from({ length: count }, () => new Worker());
  }

  /** Calls `cmd` on every worker; `args` is a value or a function of the worker's index. */
  all(cmd, args) {
    return Promise.all(
      this.workers.map((w, i) => w.call(cmd, typeof args === 'function' ? args(i) : args)),
    );
  }

  async close() {
    await this.all('close', {}).catch(() => {});
    for (const w of this.workers) {
      if (w.child.exitCode !== null) continue;
      const exited = new Promise((resolve) => w.child.once('exit', resolve));
      w.child.disconnect();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      if (w.child.exitCode === null) w.child.kill('SIGKILL');
    }
  }
}
