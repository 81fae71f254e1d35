import type { AuthModeName } from './auth';
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
  constructor(
    readonly _config: SessionConfig,
    private readonly _mode: () => AuthModeName = () => 'FULL',
  ) {
    super('Session');
  }
  /** In a simple trigger (LIMITED) Google withholds who the user is: the email reads ''. */
  private _user(email: string): FakeUser {
    return new FakeUser(this._mode() === 'FULL' ? email : '');
  }
  getActiveUser(): FakeUser {
    return this._user(this._config.activeUser);
  }
  getEffectiveUser(): FakeUser {
    return this._user(this._config.effectiveUser);
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
