// The Log sheet: who did what to which case, when. Never a party's name, an
// email address of a party, a summary or findings: only IDs and action words.
import { caseLabel } from '../core/reminders';
import { inertText } from '../core/validation';
import { activeUserEmail } from '../session/user';
import { SHEET } from './names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LOG_HEADER = ['Time', 'User', 'Case ID', 'Action', 'Detail'];

/**
 * A Log line. A line about a case gives the case's ID cell as read and its sheet
 * row; the Log names the case as digests do (caseLabel): the ID when it is a plain
 * identifier, else `Row N`, so an adopted tracker's free-text "ID" (a name, an
 * email) never reaches the Log. A run-wide line has caseId ''.
 */
export type LogEntry = { action: string; detail?: string } & ({ caseId: ''; row?: undefined } | { caseId: string; row: number });

/** The Log's Case ID cell for an entry: the one place a case is named in the Log. */
function logCaseName(entry: LogEntry): string {
  return entry.row === undefined ? '' : caseLabel(entry.caseId, entry.row);
}

/** Appends the entries in one write (the sheet is created by setup; made here if someone deleted it). */
export function appendLog(spreadsheet: Spreadsheet, entries: readonly LogEntry[]): void {
  if (entries.length === 0) return;
  const sheet = spreadsheet.getSheetByName(SHEET.log) ?? createLogSheet(spreadsheet);
  const now = new Date();
  const user = activeUserEmail();
  const rows = entries.map((e) => [now, inertText(user), inertText(logCaseName(e)), inertText(e.action), inertText(e.detail ?? '')]);
  const first = sheet.getLastRow() + 1;
  if (first + rows.length - 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
  sheet.getRange(first, 1, rows.length, LOG_HEADER.length).setValues(rows);
}

export function createLogSheet(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.insertSheet(SHEET.log);
  sheet.getRange(1, 1, 1, LOG_HEADER.length).setValues([LOG_HEADER]).setFontWeight('bold');
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
  sheet.setFrozenRows(1);
  return sheet;
}
