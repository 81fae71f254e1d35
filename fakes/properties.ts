import { gasError, gasTypeName, signatureError } from './errors';
import { Fake } from './guard';
import type { Implements } from './types';

type P = GoogleAppsScript.Properties.Properties;

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
    this._store.set(key, asString(value));
    return this;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): this {
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
      throw signatureError('Properties', 'setProperties', [gasTypeName(properties)]);
    }
    if (deleteAllOthers) this._store.clear();
    for (const [key, value] of Object.entries(properties)) {
      if (value === undefined || value === null) throw gasError('Invalid argument: value');
      this._store.set(key, asString(value));
    }
    return this;
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
