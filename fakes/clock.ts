/** The environment's fixed, settable "now", and the Date the script sees. */
export class FakeClock {
  private ms: number;

  constructor(now: Date | string | number = '2025-01-15T10:00:00Z') {
    this.ms = FakeClock.toMs(now);
  }

  private static toMs(value: Date | string | number): number {
    const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
    if (Number.isNaN(ms)) throw new Error(`FakeClock: invalid time ${String(value)}`);
    return ms;
  }

  now(): number {
    return this.ms;
  }

  date(): Date {
    return new Date(this.ms);
  }

  set(now: Date | string | number): void {
    this.ms = FakeClock.toMs(now);
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * A Date constructor for the script's vm context: `new Date()` and `Date.now()`
 * read the fake clock; every other form is the real Date. It shares
 * Date.prototype, so `d instanceof Date` holds for dates from either side and
 * Object.prototype.toString reports '[object Date]'. `Date()` called without
 * `new` returns the clock's time as a string, as the real one does.
 */
export function makeFakeDate(clock: FakeClock): DateConstructor {
  const RealDate = Date;
  function FakeDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(clock.now()).toString();
    const date =
      args.length === 0 ? new RealDate(clock.now()) : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
    if (new.target !== FakeDate) Object.setPrototypeOf(date, new.target.prototype);
    return date;
  }
  Object.setPrototypeOf(FakeDate, RealDate);
  Object.defineProperty(FakeDate, 'prototype', { value: RealDate.prototype, writable: false });
  Object.defineProperty(FakeDate, 'now', { value: () => clock.now(), writable: true, configurable: true });
  Object.defineProperty(FakeDate, 'name', { value: 'Date' });
  Object.defineProperty(FakeDate, Symbol.hasInstance, {
    value: (value: unknown) => Object.prototype.toString.call(value) === '[object Date]',
  });
  return FakeDate as unknown as DateConstructor;
}
