import type { CallCounter } from './counter';

/**
 * The guard: every fake handed to the add-on sits behind a Proxy that
 *  - throws `Fake <Class>.<member> is not implemented` for a member the fake lacks
 *    (or an internal `_member`), so a fake can never be silently kinder than Google;
 *  - counts every method call as "Class.method" (counted mode only);
 *  - checks authorization of each call (counted mode only);
 *  - wraps fakes returned by methods, and unwraps guarded fakes passed in as arguments,
 *    so fakes talk to each other without counting;
 *  - when the add-on runs in a vm context, returns arrays, plain objects and errors
 *    made in that context's realm, as Apps Script's own values are in its realm.
 */

const fakeNames = new WeakMap<object, string>();
const proxyTargets = new WeakMap<object, object>();

/** Marks an object as a fake of the given Apps Script class. */
export function registerFake<T extends object>(obj: T, name: string): T {
  fakeNames.set(obj, name);
  return obj;
}

/** The raw fake behind a guarded proxy (or the value itself). */
export function unwrap<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    const target = proxyTargets.get(value as unknown as object);
    if (target) return target as unknown as T;
  }
  return value;
}

function fakeName(obj: unknown): string | undefined {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
  return fakeNames.get(unwrap(obj as object));
}

/** Base class of every fake Apps Script object. Members starting with `_` are internal. */
export abstract class Fake {
  constructor(name: string) {
    registerFake(this, name);
  }
  toString(): string {
    return fakeName(this) ?? 'Object';
  }
}

/** The intrinsics of the vm context the add-on runs in. */
export interface Realm {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

export interface GuardContext {
  readonly calls: CallCounter;
  /** Throws when the current authorization mode forbids the call. */
  authorize(member: string): void;
  /** The realm of the running script, or null when called from the test. */
  realm(): Realm | null;
  /** Before each counted call: the call's simulated time; throws past the execution's limit. */
  beforeCall(member: string): void;
  /** After each counted call: throws if the call (a lock wait) ran past the limit. */
  afterCall(): void;
}

/** Keys that tooling (jest, node's inspect, promises, JSON) probes; never thrown on. */
const PASS_THROUGH = new Set<string>([
  'then',
  'toJSON',
  'constructor',
  'inspect',
  'nodeType',
  'tagName',
  'asymmetricMatch',
  '$$typeof',
  '_isMockFunction',
  'toString',
  'valueOf',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__proto__',
]);

function isPassThrough(key: string | symbol): boolean {
  if (typeof key === 'symbol') return true;
  return PASS_THROUGH.has(key) || key.startsWith('@@') || key.startsWith('$$');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function unwrapArg(value: unknown): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const mapped = value.map((v) => {
      const u = unwrapArg(v);
      if (u !== v) changed = true;
      return u;
    });
    return changed ? mapped : value;
  }
  return unwrap(value);
}

export class Guard {
  private readonly cache = new WeakMap<object, object>();

  constructor(
    private readonly ctx: GuardContext,
    private readonly counted: boolean,
  ) {}

  wrap<T extends object>(target: T): T {
    const raw = unwrap(target);
    const cached = this.cache.get(raw);
    if (cached) return cached as T;
    const className = fakeNames.get(raw) ?? 'Object';
    const proxy = new Proxy(raw, {
      get: (obj, key, receiver) => {
        if (isPassThrough(key)) return Reflect.get(obj, key, receiver);
        const name = key as string;
        if (name.startsWith('_') || !(name in obj)) {
          throw new Error(`Fake ${className}.${name} is not implemented`);
        }
        const value = Reflect.get(obj, name, obj);
        if (typeof value === 'function') return this.method(obj, className, name, value as (...args: unknown[]) => unknown);
        return this.out(value);
      },
      // Internal `_` members are invisible to enumeration (jest printing, Object.keys).
      ownKeys: (obj) => Reflect.ownKeys(obj).filter((k) => typeof k === 'symbol' || !k.startsWith('_')),
      getOwnPropertyDescriptor: (obj, key) =>
        typeof key === 'string' && key.startsWith('_') ? undefined : Reflect.getOwnPropertyDescriptor(obj, key),
    });
    proxyTargets.set(proxy, raw);
    this.cache.set(raw, proxy);
    return proxy as T;
  }

  private method(obj: object, className: string, name: string, fn: (...args: unknown[]) => unknown) {
    // A plain function, so `this` is irrelevant: calls always run on the raw fake.
    return (...args: unknown[]): unknown => {
      const member = `${className}.${name}`;
      if (this.counted) {
        this.ctx.calls.record(member);
      }
      let result: unknown;
      try {
        if (this.counted) {
          this.ctx.beforeCall(member);
          this.ctx.authorize(member);
        }
        result = fn.apply(obj, args.map(unwrapArg));
        if (this.counted) {
          this.ctx.afterCall();
          if (className === 'Range' && name.startsWith('get') && Array.isArray(result) && result.every(Array.isArray))
            this.ctx.calls.recordCells((result as unknown[][]).reduce((n, row) => n + row.length, 0));
        }
      } catch (error) {
        throw this.adoptError(error);
      }
      return this.out(result);
    };
  }

  private realm(): Realm | null {
    return this.counted ? this.ctx.realm() : null;
  }

  private adoptError(error: unknown): unknown {
    const realm = this.realm();
    if (!realm || !(error instanceof Error)) return error;
    const adopted = new realm.Error(error.message);
    adopted.name = error.name;
    if (error.stack) adopted.stack = error.stack;
    return adopted;
  }

  /** Wraps fakes in a returned value and moves containers into the script's realm. */
  out(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (fakeNames.has(value)) return this.wrap(value);
    if (proxyTargets.has(value)) return this.wrap(proxyTargets.get(value) as object);
    const realm = this.realm();
    if (Array.isArray(value)) {
      const mapped = value.map((v) => this.out(v));
      return realm ? realm.Array.from(mapped) : mapped;
    }
    if (isPlainObject(value)) {
      const copy: Record<string, unknown> = realm ? new realm.Object() as Record<string, unknown> : {};
      for (const [k, v] of Object.entries(value)) copy[k] = this.out(v);
      return copy;
    }
    return value;
  }
}
