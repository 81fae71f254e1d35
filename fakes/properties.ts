import { gasError, gasTypeName, signatureError } from './errors';
import { Fake } from './guard';
import type { Implements } from './types';

type P = GoogleAppsScript.Properties.Properties;

/** Apps Script's quotas: a property value holds at most 9 kB, a store 500 kB (keys and values). */
const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
// Google's wording could not be checked here; these are the messages reported for scripts that hit the quotas.
const VALUE_TOO_LARGE = 'Argument too large: value';
const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Google stores property values as strings: a non-string is stringified. */
function asString(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** One property store (script, document or user). The Map is the test's back door. */
export class FakeProperties
  extends Fake
  implements Implements<P, 'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties'>
{
  readonly _store = new Map<string, string>();

  constructor(readonly _kind: 'script' | 'document' | 'user') {
    super('Properties');
  }

  getProperty(key: string): string | null {
    if (typeof key !== 'string') throw signatureError('Properties', 'getProperty', [gasTypeName(key)]);
    return this._store.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    if (typeof key !== 'string' || key === '') throw gasError('Invalid argument: key');
    if (value === undefined || value === null) throw gasError('Invalid argument: value');
    this._write(new Map([[key, asString(value)]]), false);
    return this;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): this {
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
      throw signatureError('Properties', 'setProperties', [gasTypeName(properties)]);
    }
    const entries = new Map<string, string>();
    for (const [key, value] of Object.entries(properties)) {
      if (value === undefined || value === null) throw gasError('Invalid argument: value');
      entries.set(key, asString(value));
    }
    this._write(entries, !!deleteAllOthers);
    return this;
  }
  /** Writes all or nothing: a value over 9 kB, or a store that would pass 500 kB, throws and changes nothing. */
  private _write(entries: Map<string, string>, replaceAll: boolean): void {
    for (const value of entries.values()) if (bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw gasError(VALUE_TOO_LARGE);
    const next = new Map(replaceAll ? [] : this._store);
    for (const [key, value] of entries) next.set(key, value);
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > PROPERTY_STORE_MAX_BYTES) throw gasError(STORE_FULL);
    if (replaceAll) this._store.clear();
    for (const [key, value] of entries) this._store.set(key, value);
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  deleteProperty(key: string): this {
    this._store.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this._store.clear();
    return this;
  }
}

type PS = GoogleAppsScript.Properties.PropertiesService;

export class FakePropertiesService
  extends Fake
  implements Implements<PS, 'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'>
{
  constructor(
    readonly _script: FakeProperties,
    readonly _document: FakeProperties,
    readonly _user: FakeProperties,
  ) {
    super('PropertiesService');
  }
  getScriptProperties(): FakeProperties {
    return this._script;
  }
  getDocumentProperties(): FakeProperties {
    return this._document;
  }
  getUserProperties(): FakeProperties {
    return this._user;
  }
}
