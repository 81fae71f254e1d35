import { makeEnum } from './enum';
import { Fake } from './guard';
import type { Implements } from './types';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

export const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET'] as const);

type P = GoogleAppsScript.Spreadsheet.Protection;

function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return typeof user === 'string' ? user : user.getEmail();
}

/** A protected range or sheet; kept on its sheet until remove(). */
export class FakeProtection
  extends Fake
  implements
    Implements<
      P,
      | 'setDescription'
      | 'getDescription'
      | 'setWarningOnly'
      | 'isWarningOnly'
      | 'remove'
      | 'getRange'
      | 'getProtectionType'
      | 'canEdit'
      | 'addEditor'
      | 'addEditors'
      | 'removeEditor'
      | 'removeEditors'
      | 'setDomainEdit'
      | 'canDomainEdit'
    >
{
  _description = '';
  _warningOnly = false;
  _removed = false;
  _domainEdit = true;
  readonly _editors = new Set<string>();

  constructor(
    readonly _sheet: FakeSheet,
    readonly _type: 'RANGE' | 'SHEET',
    readonly _range: FakeRange,
  ) {
    super('Protection');
  }

  setDescription(description: string): this {
    this._description = String(description);
    return this;
  }
  getDescription(): string {
    return this._description;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._warningOnly = !!warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  remove(): void {
    this._removed = true;
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
  }
  getRange(): FakeRange {
    return this._range;
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this._type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  canEdit(): boolean {
    return true;
  }
  addEditor(user: string | GoogleAppsScript.Base.User): this {
    this._editors.add(emailOf(user));
    return this;
  }
  addEditors(users: string[] | GoogleAppsScript.Base.User[]): this {
    for (const u of users) this._editors.add(emailOf(u));
    return this;
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): this {
    this._editors.delete(emailOf(user));
    return this;
  }
  removeEditors(users: string[] | GoogleAppsScript.Base.User[]): this {
    for (const u of users) this._editors.delete(emailOf(u));
    return this;
  }
  setDomainEdit(editable: boolean): this {
    this._domainEdit = !!editable;
    return this;
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
}
