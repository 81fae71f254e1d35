import * as vm from 'node:vm';
import type { AuthModeName } from './auth';
import type { FakeClock } from './clock';
import { gasError } from './errors';
import type { Realm } from './guard';

interface Current {
  realm: Realm;
  scope: object;
  owner: object;
  /** Clock time at which Google ends the execution. */
  deadline: number;
  /** The execution's authorization mode, when it is not the environment's (a simple trigger's LIMITED). */
  authMode: AuthModeName | null;
}

/** Apps Script's limit for one execution (a menu item, google.script.run, an installable trigger). */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/** A simple trigger (onOpen, onEdit, …) may not run longer than 30 seconds. */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
export const SIMPLE_TRIGGERS: ReadonlySet<string> = new Set(['onOpen', 'onEdit', 'onInstall', 'onSelectionChange']);

/** Google's message when it ends an execution at its time limit. */
const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/**
 * The execution in progress: the vm realm the script runs in (so the guard can
 * hand back values of that realm), its global scope (for HTML templates), an
 * identity that owns the locks it takes, and its clock. Outside a runtime
 * execution (a test calling the fakes directly) there is no realm, a standing
 * owner and no time limit.
 *
 * Time passes only on the fake clock: a lock wait advances it, and a test can
 * give a service call a duration (`callCosts`), so a run can be made to reach
 * its limit. Past the limit every service call throws Google's error, as the
 * execution would have been ended there.
 */
export class ExecutionState {
  private current: Current | null = null;
  /** Executions paused while another runs "at the same time" (FakeEnv.meanwhile). */
  private readonly paused: Current[] = [];
  private concurrentAllowed = 0;
  private readonly direct = {};
  private count = 0;
  /** Test hook: simulated milliseconds one call of "Class.method" takes (counted calls only), or a function giving each call's. */
  readonly callCosts = new Map<string, number | (() => number)>();

  constructor(private readonly clock: FakeClock) {}

  begin(context: vm.Context, limitMs = EXECUTION_LIMIT_MS, authMode: AuthModeName | null = null): object {
    if (this.current && this.concurrentAllowed === 0)
      throw new Error('Fake runtime: an execution is already running (Apps Script runs one at a time here; use env.meanwhile to interleave)');
    if (this.current) this.paused.push(this.current);
    const realm = vm.runInContext('({ Array: Array, Object: Object, Error: Error })', context) as Realm;
    const owner = { execution: ++this.count };
    this.current = { realm, scope: context, owner, deadline: this.clock.now() + limitMs, authMode };
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

  /** The running execution's own authorization mode, or null (the environment's applies). */
  authMode(): AuthModeName | null {
    return this.current?.authMode ?? null;
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

  /** Before a service call: it takes its simulated time; past the limit the execution is over. */
  beforeCall(member: string): void {
    const rule = this.callCosts.get(member) ?? 0;
    const cost = typeof rule === 'function' ? rule() : rule;
    if (cost > 0) this.clock.advance(cost);
    this.checkTime();
  }

  /** After a call (a lock wait may have used the time up). */
  checkTime(): void {
    if (this.current && this.clock.now() > this.current.deadline) throw gasError(TIME_LIMIT_MESSAGE);
  }

  /** Milliseconds left before the limit (Infinity outside an execution). */
  remainingMs(): number {
    return this.current ? this.current.deadline - this.clock.now() : Infinity;
  }
}
