import { rectToA1 } from './a1';
import { evaluateCellFormula } from './rule-eval';
import { type Cell, checkCellLength, displayValue, readValue, writeValue } from './cells';
import { gasError, gasTypeName, signatureError } from './errors';
import { Fake, unwrap } from './guard';
import { DEFAULT_NUMBER_FORMAT } from './number-format';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';
import type { Implements } from './types';
import { FakeDataValidation } from './validation';

type R = GoogleAppsScript.Spreadsheet.Range;

const DEFAULT_BACKGROUND = '#ffffff';

/** A rectangle of cells on a sheet (1-based). */
export class FakeRange
  extends Fake
  implements
    Implements<
      R,
      | 'getValues'
      | 'setValues'
      | 'getValue'
      | 'setValue'
      | 'getDisplayValues'
      | 'getDisplayValue'
      | 'getFormulas'
      | 'getFormula'
      | 'setFormula'
      | 'setFormulas'
      | 'getRow'
      | 'getColumn'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getA1Notation'
      | 'getSheet'
      | 'getCell'
      | 'offset'
      | 'setDataValidation'
      | 'setDataValidations'
      | 'getDataValidation'
      | 'getDataValidations'
      | 'clearDataValidations'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'setFontWeight'
      | 'getFontWeight'
      | 'setFontColor'
      | 'setBackground'
      | 'getBackground'
      | 'getBackgrounds'
      | 'setWrap'
      | 'setNote'
      | 'getNote'
      | 'activate'
      | 'protect'
      | 'clearContent'
      | 'clear'
      | 'isBlank'
    >
{
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _column: number,
    readonly _numRows: number,
    readonly _numColumns: number,
  ) {
    super('Range');
  }

  // ---- internals ----

  private _check(): void {
    this._sheet._checkRect(this._row, this._column, this._numRows, this._numColumns, 'getRange');
  }

  private _zone(): string {
    return this._sheet._parent._timeZone;
  }

  private _map<T>(fn: (cell: Cell | undefined) => T): T[][] {
    this._check();
    const out: T[][] = [];
    for (let r = 0; r < this._numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this._numColumns; c++) row.push(fn(this._sheet._cell(this._row + r, this._column + c)));
      out.push(row);
    }
    return out;
  }

  private _each(fn: (cell: Cell, r: number, c: number) => void): void {
    this._check();
    for (let r = 0; r < this._numRows; r++) {
      for (let c = 0; c < this._numColumns; c++) fn(this._sheet._cellForWrite(this._row + r, this._column + c), r, c);
    }
  }

  private _topLeft(): Cell | undefined {
    this._check();
    return this._sheet._cell(this._row, this._column);
  }

  /** Google's shape checks for the 2-D setters. */
  private _checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      throw signatureError('SpreadsheetApp.Range', method, [gasTypeName(data)]);
    }
    if (data.length !== this._numRows) {
      throw gasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._numRows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this._numColumns) {
        throw gasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._numColumns}.`,
        );
      }
    }
    return data as unknown[][];
  }

  private _write(value: unknown, cell: Cell): void {
    writeValue(cell, value, this._zone(), this._sheet._parent._locale);
  }

  // ---- values ----

  /** A formula cell as Sheets shows it: its evaluated value (or #ERROR!). */
  private _evaluated(cell: Cell | undefined): Cell | undefined {
    return cell?.formula ? { ...cell, value: evaluateCellFormula(this._sheet, cell.formula) } : cell;
  }

  getValues(): unknown[][] {
    const zone = this._zone();
    return this._map((cell) => readValue(this._evaluated(cell), zone));
  }
  setValues(values: unknown[][]): this {
    const data = this._checkShape(values, 'setValues');
    for (const row of data) for (const value of row) checkCellLength(value);
    this._each((cell, r, c) => this._write(data[r][c], cell));
    return this;
  }
  getValue(): unknown {
    return readValue(this._evaluated(this._topLeft()), this._zone());
  }
  setValue(value: unknown): this {
    if (Array.isArray(value)) throw signatureError('SpreadsheetApp.Range', 'setValue', [gasTypeName(value)]);
    this._each((cell) => this._write(value, cell));
    return this;
  }
  getDisplayValues(): string[][] {
    return this._map((cell) => displayValue(this._evaluated(cell)));
  }
  getDisplayValue(): string {
    return displayValue(this._evaluated(this._topLeft()));
  }
  getFormulas(): string[][] {
    return this._map((cell) => cell?.formula ?? '');
  }
  getFormula(): string {
    return this._topLeft()?.formula ?? '';
  }
  setFormula(formula: string): this {
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.Range', 'setFormula', [gasTypeName(formula)]);
    this._each((cell) => this._write(formula, cell));
    return this;
  }
  setFormulas(formulas: string[][]): this {
    const data = this._checkShape(formulas, 'setFormulas');
    for (const row of data) for (const value of row) checkCellLength(value);
    this._each((cell, r, c) => this._write(data[r][c], cell));
    return this;
  }
  isBlank(): boolean {
    return this._map((cell) => !cell || (cell.value === '' && !cell.formula)).every((row) => row.every(Boolean));
  }
  clearContent(): this {
    this._each((cell) => {
      cell.value = '';
      cell.formula = undefined;
    });
    return this;
  }
  clear(): this {
    this._each((cell) => {
      cell.value = '';
      cell.formula = undefined;
      cell.numberFormat = undefined;
      cell.background = undefined;
      cell.fontWeight = undefined;
      cell.fontColor = undefined;
      cell.wrap = undefined;
      cell.note = undefined;
    });
    return this;
  }

  // ---- geometry ----

  getRow(): number {
    return this._row;
  }
  getColumn(): number {
    return this._column;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._column + this._numColumns - 1;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numColumns;
  }
  getA1Notation(): string {
    return rectToA1({ row: this._row, column: this._column, numRows: this._numRows, numColumns: this._numColumns });
  }
  getSheet(): FakeSheet {
    return this._sheet;
  }
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numColumns) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this._sheet._range(this._row + row - 1, this._column + column - 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    const row = this._row + rowOffset;
    const column = this._column + columnOffset;
    const nr = numRows ?? this._numRows;
    const nc = numColumns ?? this._numColumns;
    this._sheet._checkRect(row, column, nr, nc, 'offset');
    return this._sheet._range(row, column, nr, nc);
  }

  // ---- data validation ----

  private _rule(rule: unknown, method: string): FakeDataValidation | undefined {
    const raw = unwrap(rule);
    if (raw === null) return undefined;
    if (!(raw instanceof FakeDataValidation)) throw signatureError('SpreadsheetApp.Range', method, [gasTypeName(rule)]);
    return raw;
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): this {
    const dv = this._rule(rule, 'setDataValidation');
    this._each((cell) => {
      cell.validation = dv;
    });
    return this;
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): this {
    const data = this._checkShape(rules, 'setDataValidations');
    const parsed = data.map((row) => row.map((r) => this._rule(r, 'setDataValidations')));
    this._each((cell, r, c) => {
      cell.validation = parsed[r][c];
    });
    return this;
  }
  getDataValidation(): FakeDataValidation | null {
    return this._topLeft()?.validation ?? null;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this._map((cell) => cell?.validation ?? null);
  }
  clearDataValidations(): this {
    this._each((cell) => {
      cell.validation = undefined;
    });
    return this;
  }

  // ---- formats ----

  setNumberFormat(numberFormat: string): this {
    if (typeof numberFormat !== 'string') throw signatureError('SpreadsheetApp.Range', 'setNumberFormat', [gasTypeName(numberFormat)]);
    this._each((cell) => {
      cell.numberFormat = numberFormat;
    });
    return this;
  }
  setNumberFormats(numberFormats: string[][]): this {
    const data = this._checkShape(numberFormats, 'setNumberFormats');
    this._each((cell, r, c) => {
      cell.numberFormat = String(data[r][c]);
    });
    return this;
  }
  getNumberFormat(): string {
    return this._topLeft()?.numberFormat || DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this._map((cell) => cell?.numberFormat || DEFAULT_NUMBER_FORMAT);
  }
  setFontWeight(fontWeight: string | null): this {
    if (fontWeight !== null && fontWeight !== 'bold' && fontWeight !== 'normal') {
      throw gasError(`Invalid argument: fontWeight (${String(fontWeight)})`);
    }
    this._each((cell) => {
      cell.fontWeight = fontWeight ?? undefined;
    });
    return this;
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return (this._topLeft()?.fontWeight ?? 'normal') as unknown as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  setFontColor(color: string | null): this {
    this._each((cell) => {
      cell.fontColor = color ?? undefined;
    });
    return this;
  }
  setBackground(color: string | null): this {
    this._each((cell) => {
      cell.background = color ?? undefined;
    });
    return this;
  }
  getBackground(): string {
    return this._topLeft()?.background ?? DEFAULT_BACKGROUND;
  }
  getBackgrounds(): string[][] {
    return this._map((cell) => cell?.background ?? DEFAULT_BACKGROUND);
  }
  setWrap(isWrapEnabled: boolean): this {
    this._each((cell) => {
      cell.wrap = !!isWrapEnabled;
    });
    return this;
  }
  setNote(note: string | null): this {
    this._each((cell) => {
      cell.note = note ? String(note) : undefined;
    });
    return this;
  }
  getNote(): string {
    return this._topLeft()?.note ?? '';
  }

  // ---- other ----

  activate(): this {
    this._check();
    this._sheet._parent._activeSheet = this._sheet;
    this._sheet._parent._activeRange = this;
    return this;
  }
  protect(): FakeProtection {
    this._check();
    const protection = new FakeProtection(this._sheet, 'RANGE', this);
    this._sheet._protections.push(protection);
    return protection;
  }
}
