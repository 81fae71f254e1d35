import { registerFake } from './guard';

/**
 * An Apps Script enum: a guarded object whose members are their own names
 * (String(SpreadsheetApp.ButtonSet.OK) === 'OK' as in Apps Script). Reading a
 * member the enum lacks throws through the guard.
 */
export function makeEnum<K extends string>(name: string, keys: readonly K[]): { readonly [P in K]: P } {
  const obj = {} as { [P in K]: P };
  for (const key of keys) obj[key] = key;
  return registerFake(Object.freeze(obj), name);
}
