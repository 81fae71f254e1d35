// The installation check's temporary sheet: the sample values and formulas written
// in one block each, read back in one read, and the sheet removed whatever happens.

import { dayFromCell, startOfDay, type Day } from '../core/calendar';
import { ROUND_TRIP, type FormulaSample } from '../core/installation';
import { inertText } from '../core/validation';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CHECK_SHEET_PREFIX = 'IRT Tracker check';

/**
 * Runs `work` on a new hidden-from-nobody sheet and deletes the sheet afterwards, even when `work` throws.
 * Inserting a sheet makes it the active one and deleting it activates a neighbour (often the Log):
 * the member's selection is put back, so the check does not move them off their case.
 */
export function withTemporarySheet<T>(spreadsheet: Spreadsheet, work: (sheet: Sheet) => T): T {
  const selection = spreadsheet.getActiveRange();
  const sheet = spreadsheet.insertSheet(`${CHECK_SHEET_PREFIX} ${new Date().getTime()}`);
  try {
    return work(sheet);
  } finally {
    spreadsheet.deleteSheet(sheet);
    selection?.activate();
  }
}

/** Writes the samples (A:C, rows 1-4) and the round-trip row (row 5) in one block. */
export function writeSamples(sheet: Sheet, samples: readonly FormulaSample[], today: Day, timeZone: string): void {
  const rows: unknown[][] = samples.map((s) => [s.deadline === null ? '' : startOfDay(s.deadline, timeZone), s.status, s.subTeam]);
  rows.push([startOfDay(today, timeZone), ROUND_TRIP.number, inertText(ROUND_TRIP.text)]);
  sheet.getRange(1, 1, rows.length, 3).setValues(rows);
}

/** Writes one pass of formulas (D:G, a row per sample) and reads what Google evaluated. */
export function evaluateFormulas(sheet: Sheet, formulas: string[][]): unknown[][] {
  sheet.getRange(1, 4, formulas.length, formulas[0].length).setFormulas(formulas);
  SpreadsheetApp.flush();
  return sheet.getRange(1, 4, formulas.length, formulas[0].length).getValues();
}

/** The round-trip row as read back: the date's calendar day, the number, the text and whether it became a formula. */
export function readRoundTrip(sheet: Sheet, row: number, timeZone: string): { day: Day | null | 'invalid'; number: unknown; text: unknown; textFormula: string } {
  const range = sheet.getRange(row, 1, 1, 3);
  const [[date, number, text]] = range.getValues();
  const [[, , textFormula]] = range.getFormulas();
  return { day: dayFromCell(date, timeZone), number, text, textFormula };
}
