import { Fake } from './guard';
import type { Implements } from './types';

export interface SessionConfig {
  activeUser: string;
  effectiveUser: string;
  scriptTimeZone: string;
  locale: string;
  temporaryActiveUserKey: string;
}

export class FakeUser extends Fake implements Implements<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(private readonly _email: string) {
    super('User');
  }
  getEmail(): string {
    return this._email;
  }
}

type S = GoogleAppsScript.Base.Session;

/** Session; the config object is live, so a test can change the user between runs. */
export class FakeSession
  extends Fake
  implements Implements<S, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'>
{
  constructor(readonly _config: SessionConfig) {
    super('Session');
  }
  getActiveUser(): FakeUser {
    return new FakeUser(this._config.activeUser);
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(this._config.effectiveUser);
  }
  getScriptTimeZone(): string {
    return this._config.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this._config.locale;
  }
  getTemporaryActiveUserKey(): string {
    return this._config.temporaryActiveUserKey;
  }
}
