import { gasError } from './errors';
import { DEFAULT_NUMBER_FORMAT, TEXT_FORMAT, formatGeneralNumber, formatSheetDate, formatSheetNumber, isDateFormat } from './number-format';
import { instantToWall, wallToInstant } from './tz';
import type { FakeDataValidation } from './validation';

/**
 * One cell of a fake sheet, with the value semantics Google documents:
 * blanks are '', dates are serial numbers in the spreadsheet's time zone shown
 * through a date number format, strings written are parsed like typed input.
 */
export interface Cell {
  /** '' for blank; dates are stored as serial numbers. */
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  validation?: FakeDataValidation;
  note?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  wrap?: boolean;
}

export const FORMULA_ERROR = '#ERROR!';

const DAY_MS = 86_400_000;
/** Serial 0 = 1899-12-30 00:00 wall time. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function dateToSerial(date: Date, timeZone: string): number {
  return (instantToWall(date.getTime(), timeZone) - SERIAL_EPOCH) / DAY_MS;
}

function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round(SERIAL_EPOCH + serial * DAY_MS);
  return new Date(wallToInstant(wall, timeZone));
}

function serialToWall(serial: number): number {
  return Math.round(SERIAL_EPOCH + serial * DAY_MS);
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== '' || !!cell.formula);
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT_RE = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/;

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Google Sheets refuses a cell of more than 50,000 characters, counting what is written (a leading apostrophe too). */
const CELL_MAX_CHARS = 50_000;

/** Throws Google's error for a value too long for a cell; setValue(s) check every value before writing any. */
export function checkCellLength(raw: unknown): void {
  if (typeof raw === 'string' && raw.length > CELL_MAX_CHARS) {
    throw gasError(`Your input contains more than the maximum of ${CELL_MAX_CHARS} characters in a single cell.`);
  }
}

/** Writes a value as setValue(s) does (a string is parsed like typed input). */
export function writeValue(cell: Cell, raw: unknown, timeZone: string, locale: string): void {
  checkCellLength(raw);
  cell.formula = undefined;
  if (raw === null || raw === undefined) {
    cell.value = '';
    return;
  }
  if (isDate(raw)) {
    if (Number.isNaN(raw.getTime())) {
      cell.value = '';
      return;
    }
    cell.value = dateToSerial(raw, timeZone);
    if (!cell.numberFormat || cell.numberFormat === DEFAULT_NUMBER_FORMAT) {
      const hasTime = (cell.value as number) % 1 !== 0;
      cell.numberFormat = hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy';
    }
    return;
  }
  if (typeof raw === 'number') {
    cell.value = Number.isFinite(raw) ? raw : '#NUM!';
    return;
  }
  if (typeof raw === 'boolean') {
    cell.value = raw;
    return;
  }
  const text = typeof raw === 'string' ? raw : String(raw);
  if (cell.numberFormat === TEXT_FORMAT) {
    cell.value = text;
    return;
  }
  if (text.length > 1 && text.startsWith('=')) {
    cell.formula = text;
    cell.value = FORMULA_ERROR;
    return;
  }
  if (text.startsWith("'")) {
    cell.value = text.slice(1);
    return;
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    cell.value = text === '' ? '' : text;
    return;
  }
  if (NUMBER_RE.test(trimmed)) {
    cell.value = Number(trimmed);
    return;
  }
  if (locale.startsWith('en') && GROUPED_RE.test(trimmed)) {
    cell.value = Number(trimmed.replace(/,/g, ''));
    if (!cell.numberFormat || cell.numberFormat === DEFAULT_NUMBER_FORMAT) cell.numberFormat = trimmed.includes('.') ? '#,##0.00' : '#,##0';
    return;
  }
  if (PERCENT_RE.test(trimmed)) {
    cell.value = Number(trimmed.slice(0, -1)) / 100;
    if (!cell.numberFormat || cell.numberFormat === DEFAULT_NUMBER_FORMAT) cell.numberFormat = '0%';
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === 'true';
    return;
  }
  const iso = ISO_DATE_RE.exec(trimmed);
  if (iso && validDay(+iso[1], +iso[2], +iso[3])) {
    const wall = Date.UTC(+iso[1], +iso[2] - 1, +iso[3], +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0));
    cell.value = (wall - SERIAL_EPOCH) / DAY_MS;
    if (!isDateFormat(cell.numberFormat)) cell.numberFormat = iso[4] ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd';
    return;
  }
  const us = locale === 'en_US' ? US_DATE_RE.exec(trimmed) : null;
  if (us && validDay(+us[3], +us[1], +us[2])) {
    cell.value = (Date.UTC(+us[3], +us[1] - 1, +us[2]) - SERIAL_EPOCH) / DAY_MS;
    if (!isDateFormat(cell.numberFormat)) cell.numberFormat = 'M/d/yyyy';
    return;
  }
  const time = TIME_RE.exec(trimmed);
  if (time) {
    let hours = Number(time[1]);
    const minutes = Number(time[2]);
    const seconds = Number(time[3] ?? 0);
    const meridiem = time[4]?.toLowerCase();
    const valid = minutes < 60 && seconds < 60 && (meridiem ? hours >= 1 && hours <= 12 : hours < 24);
    if (valid) {
      if (meridiem) hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
      cell.value = (hours * 3600 + minutes * 60 + seconds) / 86400;
      if (!isDateFormat(cell.numberFormat)) cell.numberFormat = meridiem ? 'h:mm am/pm' : time[3] ? 'h:mm:ss' : 'h:mm';
      return;
    }
  }
  cell.value = text;
}

/** The value getValues returns for a cell. */
export function readValue(cell: Cell | undefined, timeZone: string): unknown {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'number' && isDateFormat(cell.numberFormat)) return serialToDate(v, timeZone);
  return v;
}

/** The string getDisplayValues returns for a cell. */
export function displayValue(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const format = cell.numberFormat;
  if (format && isDateFormat(format)) return formatSheetDate(serialToWall(v), format);
  if (format && format !== TEXT_FORMAT) return formatSheetNumber(v, format);
  return formatGeneralNumber(v);
}
