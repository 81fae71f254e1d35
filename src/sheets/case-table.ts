// The cases sheet as a table: found by its headers, read in one call, and
// written back one block at a time. The only code that touches case rows.

import { startOfDay, type Day } from '../core/calendar';
import type { SavedChoice } from '../core/column-mapping';
import { matchHeaders, type ColumnMap, type ColumnName, type HeaderMatch } from '../core/columns';
import { inertText } from '../core/validation';
import { columnLetter } from './a1';
import { HEADER_ROW, SHEET } from './names';
import { readSettings } from './settings-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A sheet needs this many canonical headers to be taken for a case tracker. */
export const MIN_TRACKER_SCORE = 3;

export interface CaseTable {
  sheet: Sheet;
  header: unknown[];
  map: ColumnMap;
  /** Data rows below the header, as read (row i is sheet row HEADER_ROW + 1 + i). */
  rows: unknown[][];
  timeZone: string;
  /** Chosen headers that are no longer on the sheet: to name in messages and the Log. */
  lost: HeaderMatch['lost'];
}

/**
 * The team's saved choice, or how to get it: a caller that has read Settings passes
 * what it read; otherwise the Settings sheet is read at most once, and only when the
 * tracker's own names do not settle the question.
 */
export type SavedSource = SavedChoice | (() => SavedChoice);

export function savedLater(spreadsheet: Spreadsheet): () => SavedChoice {
  let saved: SavedChoice | null = null;
  return () => (saved ??= readSettings(spreadsheet).saved);
}

const resolve = (source: SavedSource) => (typeof source === 'function' ? source() : source);

/** The header row matched, with the team's chosen headers filling what its names do not. */
export function matchCaseHeaders(header: readonly unknown[], saved: SavedSource): HeaderMatch {
  const own = matchHeaders(header);
  return own.missing.length === 0 ? own : matchHeaders(header, resolve(saved).columns);
}

/** The cases sheet: `Cases` if it exists, else the sheet a member chose, else the sheet whose header row matches best. */
export function findCasesSheet(spreadsheet: Spreadsheet, saved: SavedSource = savedLater(spreadsheet)): Sheet | null {
  const byName = spreadsheet.getSheetByName(SHEET.cases);
  if (byName) return byName;
  const chosen = resolve(saved).sheet;
  const bySetting = chosen === null ? null : spreadsheet.getSheetByName(chosen);
  if (bySetting) return bySetting;
  let best: { sheet: Sheet; score: number } | null = null;
  for (const sheet of spreadsheet.getSheets()) {
    const width = sheet.getLastColumn();
    if (width === 0) continue;
    const { score } = matchHeaders(sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0]);
    if (score >= MIN_TRACKER_SCORE && (!best || score > best.score)) best = { sheet, score };
  }
  return best?.sheet ?? null;
}

function requireCasesSheet(spreadsheet: Spreadsheet, saved: SavedSource = savedLater(spreadsheet)): Sheet {
  const sheet = findCasesSheet(spreadsheet, saved);
  if (!sheet) throw new Error('No Cases sheet found. Run IRT Tracker → Set up tracker first.');
  return sheet;
}

/** Refuses, naming them, when the cases sheet lacks columns an operation needs (nothing is written then). */
export function requireColumns(table: Pick<CaseTable, 'sheet' | 'map'>, columns: readonly ColumnName[], prefix = ''): void {
  const missing = columns.filter((name) => table.map[name] === undefined);
  if (missing.length)
    throw new Error(
      `${prefix}The ${table.sheet.getName()} sheet has no ${missing.join(', ')} column. Run IRT Tracker → Set up tracker.`,
    );
}

/** Reads the whole cases sheet in one call. */
export function readCaseTable(spreadsheet: Spreadsheet, saved: SavedSource = savedLater(spreadsheet)): CaseTable {
  const sheet = requireCasesSheet(spreadsheet, saved);
  const values = sheet.getDataRange().getValues();
  const header = values[HEADER_ROW - 1] ?? [];
  const { map, lost } = matchCaseHeaders(header, saved);
  return {
    sheet,
    header,
    map,
    rows: values.slice(HEADER_ROW),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    lost,
  };
}

/** Sheet row number of a data row index. */
export const sheetRow = (index: number) => HEADER_ROW + 1 + index;

/** A value as it should be written: days become dates at midnight in the spreadsheet's zone, text stays text. */
export function toCell(value: string | Day | null, timeZone: string): string | Date {
  if (value === null) return '';
  if (typeof value === 'number') return startOfDay(value, timeZone);
  return inertText(value);
}

/**
 * Writes some columns for a run of consecutive rows, one setValues per run of
 * adjacent columns (one call when the columns sit side by side, as the computed ones do).
 */
export function writeColumns(
  table: Pick<CaseTable, 'sheet' | 'map'>,
  firstRow: number,
  columns: readonly ColumnName[],
  values: (string | Date)[][],
): void {
  if (values.length === 0) return;
  const positioned = columns
    .map((name, i) => ({ index: table.map[name], i }))
    .filter((c): c is { index: number; i: number } => c.index !== undefined)
    .sort((a, b) => a.index - b.index);
  let start = 0;
  while (start < positioned.length) {
    let end = start + 1;
    while (end < positioned.length && positioned[end].index === positioned[end - 1].index + 1) end++;
    const run = positioned.slice(start, end);
    table.sheet
      .getRange(firstRow, run[0].index + 1, values.length, run.length)
      .setValues(values.map((row) => run.map((c) => row[c.i])));
    start = end;
  }
}

/**
 * Sets the same value in some cells of some rows (each row its own columns), in one
 * call: the cells become one RangeList of runs of adjacent columns.
 */
export function fillCells(
  table: Pick<CaseTable, 'sheet' | 'map'>,
  cells: readonly { rowNumber: number; columns: readonly ColumnName[] }[],
  value: string | Date,
): number {
  const a1: string[] = [];
  for (const { rowNumber, columns } of cells) {
    const indexes = columns
      .map((name) => table.map[name])
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
    let start = 0;
    while (start < indexes.length) {
      let end = start + 1;
      while (end < indexes.length && indexes[end] === indexes[end - 1] + 1) end++;
      const first = columnLetter(indexes[start] + 1);
      const last = columnLetter(indexes[end - 1] + 1);
      a1.push(first === last ? `${first}${rowNumber}` : `${first}${rowNumber}:${last}${rowNumber}`);
      start = end;
    }
  }
  if (a1.length) table.sheet.getRangeList(a1).setValue(value);
  return a1.length;
}
