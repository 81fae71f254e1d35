import * as vm from 'node:vm';
import type { Realm } from './guard';

interface Current {
  realm: Realm;
  scope: object;
  owner: object;
}

/**
 * The execution in progress: the vm realm the script runs in (so the guard can
 * hand back values of that realm), its global scope (for HTML templates) and
 * an identity that owns the locks it takes. Outside a runtime execution (a test
 * calling the fakes directly) there is no realm and a standing owner.
 */
export class ExecutionState {
  private current: Current | null = null;
  /** Executions paused while another runs "at the same time" (FakeEnv.meanwhile). */
  private readonly paused: Current[] = [];
  private concurrentAllowed = 0;
  private readonly direct = {};
  private count = 0;

  begin(context: vm.Context): object {
    if (this.current && this.concurrentAllowed === 0)
      throw new Error('Fake runtime: an execution is already running (Apps Script runs one at a time here; use env.meanwhile to interleave)');
    if (this.current) this.paused.push(this.current);
    const realm = vm.runInContext('({ Array: Array, Object: Object, Error: Error })', context) as Realm;
    const owner = { execution: ++this.count };
    this.current = { realm, scope: context, owner };
    return owner;
  }

  end(): void {
    this.current = this.paused.pop() ?? null;
  }

  /** Runs `work` while the current execution is paused: executions it starts run as others would, concurrently. */
  concurrently<T>(work: () => T): T {
    this.concurrentAllowed++;
    try {
      return work();
    } finally {
      this.concurrentAllowed--;
    }
  }

  realm(): Realm | null {
    return this.current?.realm ?? null;
  }

  scope(): object {
    return this.current?.scope ?? {};
  }

  owner(): object {
    return this.current?.owner ?? this.direct;
  }

  /** How many runtime executions have started. */
  executions(): number {
    return this.count;
  }
}
