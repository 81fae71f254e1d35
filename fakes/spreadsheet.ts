import { gasError, gasTypeName, signatureError } from './errors';
import { Fake, unwrap } from './guard';
import type { FakeProtection } from './protection';
import type { FakeRange } from './range';
import { FakeSheet } from './sheet';
import type { Implements } from './types';
import type { UiLog } from './ui';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SpreadsheetOptions {
  id?: string;
  name?: string;
  timeZone: string;
  locale?: string;
  ownerEmail?: string;
}

/** The active spreadsheet: its sheets, zone, locale, selection and toasts. */
export class FakeSpreadsheet
  extends Fake
  implements
    Implements<
      SS,
      | 'getId'
      | 'getName'
      | 'rename'
      | 'getUrl'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'getSpreadsheetLocale'
      | 'getSheets'
      | 'getSheetByName'
      | 'getSheetById'
      | 'insertSheet'
      | 'deleteSheet'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'getActiveRange'
      | 'getActiveCell'
      | 'toast'
      | 'getProtections'
    >
{
  readonly _id: string;
  _name: string;
  _timeZone: string;
  _locale: string;
  /**
   * How formulas in cells are evaluated (fakes/rule-eval.ts): the argument separator
   * Google expects (a spreadsheet where it wants ';' simulates the locale question
   * the installation check answers), and functions taken as unavailable.
   */
  _formulas: { separator: ',' | ';'; unavailable: Set<string>; now: () => Date } = { separator: ',', unavailable: new Set(), now: () => new Date() };
  _sheets: FakeSheet[] = [];
  _activeSheet: FakeSheet;
  _activeRange: FakeRange;
  private _nextSheetId = 0;

  constructor(
    options: SpreadsheetOptions,
    readonly _ui: UiLog,
  ) {
    super('Spreadsheet');
    this._id = options.id ?? '1FakeSpreadsheetId0123456789abcdefghijklmno';
    this._name = options.name ?? 'Case Tracker';
    this._timeZone = options.timeZone;
    this._locale = options.locale ?? 'en_US';
    this._activeSheet = this._addSheet('Sheet1', 0);
    this._activeRange = this._activeSheet._range(1, 1);
  }

  _addSheet(name: string, index: number): FakeSheet {
    const sheet = new FakeSheet(this, name, this._nextSheetId === 0 ? 0 : 100000 + this._nextSheetId * 7919);
    this._nextSheetId++;
    this._sheets.splice(index, 0, sheet);
    return sheet;
  }

  _sheetNamed(name: string): FakeSheet | undefined {
    return this._sheets.find((s) => s._name.toLowerCase() === name.toLowerCase());
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  rename(newName: string): void {
    this._name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw gasError(`Invalid argument: timezone`);
    }
    this._timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  getSheets(): FakeSheet[] {
    return [...this._sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    return this._sheets.find((s) => s._name === String(name)) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this._sheets.find((s) => s._id === id) ?? null;
  }

  insertSheet(nameOrIndex?: string | number | { template?: GoogleAppsScript.Spreadsheet.Sheet }, index?: number | { template?: GoogleAppsScript.Spreadsheet.Sheet }): FakeSheet {
    let name: string | undefined;
    let at = this._sheets.length;
    if (typeof index === 'object' || typeof nameOrIndex === 'object') throw new Error('Fake Spreadsheet.insertSheet with options (template) is not implemented');
    if (typeof nameOrIndex === 'string') {
      name = nameOrIndex;
      if (index !== undefined) at = index;
    } else if (typeof nameOrIndex === 'number') {
      at = nameOrIndex;
    } else if (nameOrIndex !== undefined) {
      throw signatureError('SpreadsheetApp.Spreadsheet', 'insertSheet', [gasTypeName(nameOrIndex)]);
    }
    if (!Number.isInteger(at) || at < 0 || at > this._sheets.length) throw gasError('Sheet index is out of range.');
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheetNamed(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (name.trim() === '') throw gasError('Sheet names cannot be empty.');
    if (this._sheetNamed(name)) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = this._addSheet(name, at);
    sheet.activate();
    return sheet;
  }

  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    const raw = unwrap(sheet) as unknown;
    if (!(raw instanceof FakeSheet)) throw signatureError('SpreadsheetApp.Spreadsheet', 'deleteSheet', [gasTypeName(sheet)]);
    const index = this._sheets.findIndex((s) => s._id === raw._id);
    if (index < 0) throw gasError('Sheet not found.');
    if (this._sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    this._sheets.splice(index, 1);
    if (this._activeSheet === raw) this._sheets[Math.max(0, index - 1)].activate();
  }

  getActiveSheet(): FakeSheet {
    return this._activeSheet;
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): FakeSheet {
    const raw = unwrap(sheet) as unknown;
    if (!(raw instanceof FakeSheet) || !this._sheets.includes(raw)) {
      throw signatureError('SpreadsheetApp.Spreadsheet', 'setActiveSheet', [gasTypeName(sheet)]);
    }
    raw.activate();
    return raw;
  }
  getActiveRange(): FakeRange {
    return this._activeRange;
  }
  getActiveCell(): FakeRange {
    return this._activeRange._sheet._range(this._activeRange._row, this._activeRange._column);
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._ui.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title), timeoutSeconds: timeoutSeconds ?? 5 });
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    return this._sheets.flatMap((s) => s.getProtections(type));
  }
}
