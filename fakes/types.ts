/**
 * `class X implements Implements<GoogleAppsScript.Y, 'a' | 'b'>`: the fake must
 * have each named member with a signature compatible with the Apps Script type
 * (parameters as declared; a primitive return type exactly; an object return
 * type as some object, since a fake returns fakes, not Google's classes).
 */
type Faked<R> = R extends string | number | boolean | null | undefined | void ? R : R extends unknown[] ? unknown[] : object;

export type Implements<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => Faked<R> : unknown;
};
