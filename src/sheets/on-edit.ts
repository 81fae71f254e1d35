// Recomputes just the rows a member edited on the cases sheet: one read of the
// header, one of the edited rows, one write of their computed cells.

import { COMPUTED_COLUMNS, matchHeaders } from '../core/columns';
import { deadlineForRow } from '../core/deadlines';
import { findCasesSheet, writeColumns } from './case-table';
import { today } from './clock';
import { HEADER_ROW } from './names';
import { computedCells } from './refresh';
import { readSettings } from './settings-sheet';

/** Returns how many rows were recomputed (0 when the edit was not to case data). */
export function recomputeEditedRows(range: GoogleAppsScript.Spreadsheet.Range): number {
  const sheet = range.getSheet();
  const spreadsheet = sheet.getParent();
  // Only the tracker's own cases sheet: a copied archive with the same headers is left alone.
  const cases = findCasesSheet(spreadsheet);
  if (!cases || cases.getSheetId() !== sheet.getSheetId()) return 0;
  const firstRow = Math.max(range.getRow(), HEADER_ROW + 1);
  const lastRow = Math.min(range.getLastRow(), sheet.getLastRow());
  if (lastRow < firstRow) return 0;

  const width = sheet.getLastColumn();
  const header = sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0];
  const { map } = matchHeaders(header);
  if (COMPUTED_COLUMNS.some((name) => map[name] === undefined)) return 0;

  // Only an edit to a case column can change a deadline (not our own output, not the team's extra columns).
  const computed = new Set(COMPUTED_COLUMNS.map((name) => map[name] as number));
  const caseColumns = new Set(Object.values(map) as number[]);
  let touchesInput = false;
  for (let c = range.getColumn() - 1; c < range.getLastColumn(); c++) {
    if (caseColumns.has(c) && !computed.has(c)) touchesInput = true;
  }
  if (!touchesInput) return 0;

  const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, width).getValues();
  const { settings } = readSettings(spreadsheet);
  const { day, timeZone } = today(spreadsheet);
  const cells = rows.map((row) => computedCells(deadlineForRow(row, map, timeZone, day, settings), timeZone));
  writeColumns({ sheet, map }, firstRow, COMPUTED_COLUMNS, cells);
  return rows.length;
}
