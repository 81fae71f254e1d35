// A member's edit: recomputes just the edited rows of the cases sheet (one read
// of the header, one of Settings, one of the edited rows, one write of their computed cells), or
// after a Settings edit the highlighting and every row.
//
// Under the document lock, and everything is read after taking it: a panel step,
// a new case or a refresh saved meanwhile is then either finished (and read) or
// waits, so computed cells are never written from a row as it was before another
// execution changed it. onEdit is a simple trigger (30 seconds at most), so it
// waits a bounded time and otherwise writes nothing.

import { COMPUTED_COLUMNS, matchHeaders } from '../core/columns';
import { deadlineForRow } from '../core/deadlines';
import { findCasesSheet, matchCaseHeaders, writeColumns } from './case-table';
import { today } from './clock';
import { whenDocumentLocked } from './lock';
import { HEADER_ROW, SHEET } from './names';
import { computedCells } from './refresh';
import { readSettings } from './settings-sheet';
import { applySettings } from './setup';

/** Well inside a simple trigger's 30 seconds, and far longer than any step holds the lock. */
const ON_EDIT_LOCK_WAIT_MS = 15_000;

export const EDIT_NOT_RECOMPUTED =
  'Another member was saving, so the deadlines of what you just edited could not be updated. Use IRT Tracker → Refresh deadlines in a moment.';

/** 'busy' when the lock could not be had: nothing was written. */
export type EditOutcome = 'ignored' | 'recomputed' | 'busy';

export function recomputeAfterEdit(range: GoogleAppsScript.Spreadsheet.Range): EditOutcome {
  const sheet = range.getSheet();
  const spreadsheet = sheet.getParent();
  if (sheet.getName() === SHEET.settings) {
    const done = whenDocumentLocked(() => applySettings(spreadsheet), ON_EDIT_LOCK_WAIT_MS);
    return !done.ran ? 'busy' : done.value ? 'recomputed' : 'ignored';
  }
  // Only the tracker's own cases sheet: a copied archive with the same headers is left alone.
  const cases = findCasesSheet(spreadsheet);
  if (!cases || cases.getSheetId() !== sheet.getSheetId()) return 'ignored';
  const done = whenDocumentLocked(() => recomputeEditedRows(range), ON_EDIT_LOCK_WAIT_MS);
  return !done.ran ? 'busy' : done.value > 0 ? 'recomputed' : 'ignored';
}

/** Returns how many rows were recomputed (0 when the edit was not to case data). Call under the document lock. */
function recomputeEditedRows(range: GoogleAppsScript.Spreadsheet.Range): number {
  const sheet = range.getSheet();
  const spreadsheet = sheet.getParent();
  const firstRow = Math.max(range.getRow(), HEADER_ROW + 1);
  const lastRow = Math.min(range.getLastRow(), sheet.getLastRow());
  if (lastRow < firstRow) return 0;

  const width = sheet.getLastColumn();
  const header = sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0];
  // The computed columns always carry the tracker's own names: an edit to them alone changes nothing.
  const own = matchHeaders(header).map;
  if (COMPUTED_COLUMNS.some((name) => own[name] === undefined)) return 0;
  const computed = new Set(COMPUTED_COLUMNS.map((name) => own[name] as number));
  // The edited columns asked once: a Range getter in the loop is a service call per column.
  const firstColumn = range.getColumn() - 1;
  const lastColumn = range.getLastColumn();
  let outsideComputed = false;
  for (let c = firstColumn; c < lastColumn; c++) if (!computed.has(c)) outsideComputed = true;
  if (!outsideComputed) return 0;

  // Only an edit to a case column can change a deadline (not the team's extra columns); the
  // team's chosen headers (Settings) count as case columns.
  const { settings, saved } = readSettings(spreadsheet);
  const { map } = matchCaseHeaders(header, saved);
  const caseColumns = new Set(Object.values(map) as number[]);
  let touchesInput = false;
  for (let c = firstColumn; c < lastColumn; c++) {
    if (caseColumns.has(c) && !computed.has(c)) touchesInput = true;
  }
  if (!touchesInput) return 0;

  const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, width).getValues();
  const { day, timeZone } = today(spreadsheet);
  const cells = rows.map((row) => computedCells(deadlineForRow(row, map, timeZone, day, settings), timeZone));
  writeColumns({ sheet, map }, firstRow, COMPUTED_COLUMNS, cells);
  return rows.length;
}
