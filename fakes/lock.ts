import { gasError } from './errors';
import { Fake } from './guard';
import type { FakeClock } from './clock';
import type { Implements } from './types';

export type LockKind = 'script' | 'document' | 'user';

export interface LockEvent {
  kind: LockKind;
  action: 'acquire' | 'release' | 'fail';
  method: 'tryLock' | 'waitLock' | 'releaseLock' | 'executionEnd';
}

/**
 * The locks of one fake environment, shared by all its executions. A lock is
 * held either by the running execution (through a Lock object) or by "another
 * execution" simulated with hold*().
 */
export class LockState {
  readonly events: LockEvent[] = [];
  private readonly holders = new Map<LockKind, object>();
  private readonly other = {};

  constructor(private readonly clock: FakeClock) {}

  holdScriptLock(): void {
    this.hold('script');
  }
  holdDocumentLock(): void {
    this.hold('document');
  }
  holdUserLock(): void {
    this.hold('user');
  }
  releaseScriptLock(): void {
    this.releaseOther('script');
  }
  releaseDocumentLock(): void {
    this.releaseOther('document');
  }
  releaseUserLock(): void {
    this.releaseOther('user');
  }
  /** Whether anything (this or another execution) holds the lock. */
  isHeld(kind: LockKind): boolean {
    return this.holders.has(kind);
  }
  /** Ends the current execution: Apps Script releases its locks when a script ends. */
  releaseAllHeldBy(owner: object): void {
    for (const [kind, holder] of [...this.holders]) {
      if (holder === owner) {
        this.holders.delete(kind);
        this.events.push({ kind, action: 'release', method: 'executionEnd' });
      }
    }
  }

  private hold(kind: LockKind): void {
    if (this.holders.has(kind) && this.holders.get(kind) !== this.other) throw new Error(`LockState: ${kind} lock is held by the running execution`);
    this.holders.set(kind, this.other);
  }
  private releaseOther(kind: LockKind): void {
    if (this.holders.get(kind) === this.other) this.holders.delete(kind);
  }

  _try(kind: LockKind, owner: object, timeoutMs: number, method: 'tryLock' | 'waitLock'): boolean {
    const holder = this.holders.get(kind);
    if (holder === undefined || holder === owner) {
      this.holders.set(kind, owner);
      this.events.push({ kind, action: 'acquire', method });
      return true;
    }
    // Waiting cannot help: nothing else runs while the script waits.
    this.clock.advance(Math.max(0, timeoutMs));
    this.events.push({ kind, action: 'fail', method });
    return false;
  }
  _release(kind: LockKind, owner: object): void {
    if (this.holders.get(kind) === owner) {
      this.holders.delete(kind);
      this.events.push({ kind, action: 'release', method: 'releaseLock' });
    }
  }
  _has(kind: LockKind, owner: object): boolean {
    return this.holders.get(kind) === owner;
  }
}

type L = GoogleAppsScript.Lock.Lock;

export class FakeLock extends Fake implements Implements<L, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    private readonly _state: LockState,
    private readonly _kind: LockKind,
    private readonly _owner: object,
  ) {
    super('Lock');
  }
  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') throw gasError('Invalid argument: timeoutInMillis');
    return this._state._try(this._kind, this._owner, timeoutInMillis, 'tryLock');
  }
  waitLock(timeoutInMillis: number): void {
    if (typeof timeoutInMillis !== 'number') throw gasError('Invalid argument: timeoutInMillis');
    if (!this._state._try(this._kind, this._owner, timeoutInMillis, 'waitLock')) {
      throw gasError('Lock timeout: another process was holding the lock for too long.');
    }
  }
  releaseLock(): void {
    this._state._release(this._kind, this._owner);
  }
  hasLock(): boolean {
    return this._state._has(this._kind, this._owner);
  }
}

type LS = GoogleAppsScript.Lock.LockService;

/** LockService for one execution (`owner` identifies the execution). */
export class FakeLockService extends Fake implements Implements<LS, 'getScriptLock' | 'getDocumentLock' | 'getUserLock'> {
  constructor(
    private readonly _state: LockState,
    private readonly _owner: () => object,
  ) {
    super('LockService');
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this._state, 'script', this._owner());
  }
  getDocumentLock(): FakeLock {
    return new FakeLock(this._state, 'document', this._owner());
  }
  getUserLock(): FakeLock {
    return new FakeLock(this._state, 'user', this._owner());
  }
}
