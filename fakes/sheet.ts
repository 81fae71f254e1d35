import { parseA1 } from './a1';
import { type Cell, hasContent, checkCellLength } from './cells';
import type { FakeConditionalFormatRule } from './conditional';
import { gasError, gasTypeName, signatureError } from './errors';
import { Fake, unwrap } from './guard';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import { FakeRangeList } from './range-list';
import { checkInsertable, FakeEmbeddedChart, newChartBuilder, type FakeEmbeddedChartBuilder } from './chart';
import type { FakeSpreadsheet } from './spreadsheet';
import type { Implements } from './types';

type S = GoogleAppsScript.Spreadsheet.Sheet;

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/** Sheets compares sort keys: numbers (and dates) < text < booleans; blanks last. */
function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const va = a?.value ?? '';
  const vb = b?.value ?? '';
  if (rank(va) !== rank(vb)) return rank(va) - rank(vb);
  if (typeof va === 'number') return va - (vb as number);
  if (typeof va === 'string') return va.localeCompare(vb as string, 'en', { sensitivity: 'base' });
  return Number(va) - Number(vb);
}

/** A sheet: a grid of cells (1000 x 26 when new) with its rules and protections. */
export class FakeSheet
  extends Fake
  implements
    Implements<
      S,
      | 'getName'
      | 'setName'
      | 'getSheetId'
      | 'getIndex'
      | 'getParent'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'insertColumnsAfter'
      | 'insertColumnAfter'
      | 'insertRowsAfter'
      | 'insertRowAfter'
      | 'appendRow'
      | 'deleteRow'
      | 'deleteRows'
      | 'getRange'
      | 'getDataRange'
      | 'setFrozenRows'
      | 'getFrozenRows'
      | 'setFrozenColumns'
      | 'getFrozenColumns'
      | 'getConditionalFormatRules'
      | 'setConditionalFormatRules'
      | 'clearConditionalFormatRules'
      | 'protect'
      | 'getProtections'
      | 'activate'
      | 'setColumnWidth'
      | 'getColumnWidth'
      | 'autoResizeColumns'
      | 'hideColumns'
      | 'isColumnHiddenByUser'
      | 'sort'
      | 'clear'
      | 'clearContents'
      | 'getRangeList'
      | 'newChart'
      | 'insertChart'
      | 'getCharts'
      | 'removeChart'
    >
{
  /** rows[r-1][c-1]; rows and cells are created on write. */
  _rows: (Cell | undefined)[][] = [];
  _maxRows = DEFAULT_ROWS;
  _maxColumns = DEFAULT_COLUMNS;
  _frozenRows = 0;
  _frozenColumns = 0;
  _conditionalRules: FakeConditionalFormatRule[] = [];
  _protections: FakeProtection[] = [];
  /** Embedded charts, in insertion order (Sheet.clear() leaves them, as Google does). */
  _charts: FakeEmbeddedChart[] = [];
  readonly _columnWidths = new Map<number, number>();
  readonly _hiddenColumns = new Set<number>();
  readonly _autoResized: Array<{ startColumn: number; numColumns: number }> = [];

  constructor(
    readonly _parent: FakeSpreadsheet,
    public _name: string,
    readonly _id: number,
  ) {
    super('Sheet');
  }

  // ---- internals (not part of the Apps Script surface) ----

  _cell(row: number, column: number): Cell | undefined {
    return this._rows[row - 1]?.[column - 1];
  }

  _cellForWrite(row: number, column: number): Cell {
    const r = (this._rows[row - 1] ??= []);
    return (r[column - 1] ??= { value: '' });
  }

  _lastRow(): number {
    for (let r = this._rows.length; r >= 1; r--) {
      if (this._rows[r - 1]?.some((c) => hasContent(c))) return r;
    }
    return 0;
  }

  _lastColumn(): number {
    let last = 0;
    for (const row of this._rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  _checkRect(row: unknown, column: unknown, numRows: unknown, numColumns: unknown, method: string): void {
    const args = [row, column, numRows, numColumns].filter((a) => a !== undefined);
    if (!args.every((a) => typeof a === 'number' && !Number.isNaN(a))) {
      throw signatureError('SpreadsheetApp.Sheet', method, args.map(gasTypeName));
    }
    const [r, c, nr, nc] = [row, column, numRows, numColumns] as number[];
    if (r < 1) throw gasError('The starting row of the range is too small.');
    if (c < 1) throw gasError('The starting column of the range is too small.');
    if (nr < 1) throw gasError('The number of rows in the range must be at least 1.');
    if (nc < 1) throw gasError('The number of columns in the range must be at least 1.');
    if (r + nr - 1 > this._maxRows || c + nc - 1 > this._maxColumns) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  _range(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    return new FakeRange(this, Math.floor(row), Math.floor(column), Math.floor(numRows), Math.floor(numColumns));
  }

  // ---- Apps Script surface ----

  getName(): string {
    return this._name;
  }
  setName(name: string): this {
    const text = String(name);
    if (text.trim() === '') throw gasError('Sheet names cannot be empty.');
    const clash = this._parent._sheets.find((s) => s !== this && s._name.toLowerCase() === text.toLowerCase());
    if (clash) throw gasError(`A sheet with the name "${text}" already exists. Please enter another name.`);
    this._name = text;
    return this;
  }
  getSheetId(): number {
    return this._id;
  }
  getIndex(): number {
    return this._parent._sheets.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this._parent;
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxColumns;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (!isInt(afterPosition) || afterPosition < 1 || afterPosition > this._maxColumns) {
      throw gasError('Those columns are out of bounds.');
    }
    if (!isInt(howMany) || howMany < 1) throw gasError('The number of columns to insert must be at least 1.');
    for (const row of this._rows) {
      if (row && row.length > afterPosition) row.splice(afterPosition, 0, ...new Array<Cell | undefined>(howMany));
    }
    this._maxColumns += howMany;
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (!isInt(afterPosition) || afterPosition < 1 || afterPosition > this._maxRows) {
      throw gasError('Those rows are out of bounds.');
    }
    if (!isInt(howMany) || howMany < 1) throw gasError('The number of rows to insert must be at least 1.');
    if (this._rows.length > afterPosition) this._rows.splice(afterPosition, 0, ...new Array<Cell[]>(howMany).fill([]).map(() => []));
    this._maxRows += howMany;
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet', 'appendRow', [gasTypeName(rowContents)]);
    for (const value of rowContents) checkCellLength(value);
    const row = this._lastRow() + 1;
    if (row > this._maxRows) this._maxRows = row;
    if (rowContents.length > this._maxColumns) this._maxColumns = rowContents.length;
    if (rowContents.length === 0) return this;
    this._range(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    if (!isInt(rowPosition) || !isInt(howMany) || rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this._maxRows) {
      throw gasError('Those rows are out of bounds.');
    }
    if (howMany >= this._maxRows - this._frozenRows && rowPosition > this._frozenRows) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this._rows.splice(rowPosition - 1, howMany);
    this._maxRows -= howMany;
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof a1OrRow === 'string' && column === undefined) {
      const rect = parseA1(a1OrRow, this._maxRows, this._maxColumns);
      this._checkRect(rect.row, rect.column, rect.numRows, rect.numColumns, 'getRange');
      return this._range(rect.row, rect.column, rect.numRows, rect.numColumns);
    }
    this._checkRect(a1OrRow, column, numRows ?? 1, numColumns ?? 1, 'getRange');
    return this._range(a1OrRow as number, column as number, numRows ?? 1, numColumns ?? 1);
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    if (!Array.isArray(a1Notations) || !a1Notations.every((a) => typeof a === 'string'))
      throw signatureError('SpreadsheetApp.Sheet', 'getRangeList', [gasTypeName(a1Notations)]);
    return new FakeRangeList(a1Notations.map((a1) => this.getRange(a1)));
  }

  getDataRange(): FakeRange {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }

  setFrozenRows(rows: number): this {
    if (!isInt(rows) || rows < 0 || rows > this._maxRows) throw gasError('The number of frozen rows is out of bounds.');
    this._frozenRows = rows;
    return this;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(columns: number): this {
    if (!isInt(columns) || columns < 0 || columns > this._maxColumns) throw gasError('The number of frozen columns is out of bounds.');
    this._frozenColumns = columns;
    return this;
  }
  getFrozenColumns(): number {
    return this._frozenColumns;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this._conditionalRules];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): this {
    if (!Array.isArray(rules)) throw signatureError('SpreadsheetApp.Sheet', 'setConditionalFormatRules', [gasTypeName(rules)]);
    const raw = rules.map((r) => unwrap(r) as unknown as FakeConditionalFormatRule);
    for (const rule of raw) {
      if (!rule || typeof rule !== 'object' || !('_spec' in rule)) {
        throw signatureError('SpreadsheetApp.Sheet', 'setConditionalFormatRules', ['Object[]']);
      }
      for (const range of rule._spec.ranges) {
        if (range._sheet !== this) throw gasError('Conditional format rule cannot reference a different sheet.');
      }
    }
    this._conditionalRules = raw;
    return this;
  }
  clearConditionalFormatRules(): void {
    this._conditionalRules = [];
  }

  protect(): FakeProtection {
    const existing = this._protections.find((p) => p._type === 'SHEET');
    if (existing) return existing;
    const protection = new FakeProtection(this, 'SHEET', this._range(1, 1, this._maxRows, this._maxColumns));
    this._protections.push(protection);
    return protection;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    const name = String(unwrap(type));
    if (name !== 'RANGE' && name !== 'SHEET') throw signatureError('SpreadsheetApp.Sheet', 'getProtections', [gasTypeName(type)]);
    return this._protections.filter((p) => p._type === name);
  }

  activate(): this {
    this._parent._activeSheet = this;
    this._parent._activeRange = this._range(1, 1);
    return this;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this._checkRect(1, columnPosition, 1, 1, 'setColumnWidth');
    this._columnWidths.set(columnPosition, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this._checkRect(1, columnPosition, 1, 1, 'getColumnWidth');
    return this._columnWidths.get(columnPosition) ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this._checkRect(1, startColumn, 1, numColumns, 'autoResizeColumns');
    this._autoResized.push({ startColumn, numColumns });
    return this;
  }
  hideColumns(columnIndex: number, numColumns?: number): void {
    this._checkRect(1, columnIndex, 1, numColumns ?? 1, 'hideColumns');
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) this._hiddenColumns.add(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._hiddenColumns.has(columnPosition);
  }

  /** Sorts the rows below the frozen rows by a column, moving whole rows (values and formats). */
  sort(columnPosition: number, ascending?: boolean): this {
    if (!isInt(columnPosition) || columnPosition < 1 || columnPosition > this._maxColumns) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    const first = this._frozenRows + 1;
    const last = this._lastRow();
    if (last < first) return this;
    const asc = ascending ?? true;
    const block: (Cell | undefined)[][] = [];
    for (let r = first; r <= last; r++) block.push(this._rows[r - 1] ?? []);
    const keyed = block.map((row, i) => ({ row, i, key: row[columnPosition - 1] }));
    keyed.sort((a, b) => {
      const blankA = !hasContent(a.key);
      const blankB = !hasContent(b.key);
      if (blankA !== blankB) return blankA ? 1 : -1;
      const cmp = blankA ? 0 : compareCells(a.key, b.key);
      return (asc ? cmp : -cmp) || a.i - b.i;
    });
    keyed.forEach((k, i) => {
      this._rows[first - 1 + i] = k.row;
    });
    return this;
  }

  clear(): this {
    this._rows = [];
    return this;
  }
  clearContents(): this {
    for (const row of this._rows) {
      if (!row) continue;
      for (const cell of row) {
        if (cell) {
          cell.value = '';
          cell.formula = undefined;
        }
      }
    }
    return this;
  }

  newChart(): FakeEmbeddedChartBuilder {
    return newChartBuilder(this);
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const raw = checkInsertable(this, chart);
    raw._inserted = true;
    this._charts.push(raw);
  }
  getCharts(): FakeEmbeddedChart[] {
    return [...this._charts];
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const raw = unwrap(chart) as unknown;
    if (!(raw instanceof FakeEmbeddedChart)) throw signatureError('SpreadsheetApp.Sheet', 'removeChart', [gasTypeName(chart)]);
    const at = this._charts.indexOf(raw);
    // Wording not checked against Google.
    if (at < 0) throw gasError('The chart is not on this sheet.');
    this._charts.splice(at, 1);
    raw._inserted = false;
  }
}
