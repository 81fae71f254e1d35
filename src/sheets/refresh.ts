// Recomputes Next action, Next deadline and Deadline status: one read of the
// cases sheet, one write of the computed block. Nothing else is written.

import type { Day } from '../core/calendar';
import { COMPUTED_COLUMNS } from '../core/columns';
import { deadlineForRow, type Deadline } from '../core/deadlines';
import type { Settings } from '../core/settings';
import { countStatuses, type StatusCounts } from '../core/summary';
import { readCaseTable, requireColumns, sheetRow, toCell, writeColumns, type CaseTable } from './case-table';
import { today } from './clock';
import { readSettings } from './settings-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Refreshed {
  table: CaseTable;
  settings: Settings;
  /** Settings values that could not be read (their defaults were used): to tell the member. */
  settingsProblems: string[];
  today: Day;
  /** One entry per data row; null for a blank row. */
  deadlines: (Deadline | null)[];
  counts: StatusCounts;
}

export function computedCells(deadline: Deadline | null, timeZone: string): (string | Date)[] {
  if (!deadline) return ['', '', ''];
  return [toCell(deadline.action, timeZone), toCell(deadline.due, timeZone), deadline.status];
}

export function refreshAll(spreadsheet: Spreadsheet): Refreshed {
  const table = readCaseTable(spreadsheet);
  requireColumns(table, COMPUTED_COLUMNS);
  const { settings, problems } = readSettings(spreadsheet);
  const { day } = today(spreadsheet);
  const deadlines = table.rows.map((row) => deadlineForRow(row, table.map, table.timeZone, day, settings));
  const counts = countStatuses(deadlines);
  writeColumns(table, sheetRow(0), COMPUTED_COLUMNS, deadlines.map((d) => computedCells(d, table.timeZone)));
  return { table, settings, settingsProblems: problems, today: day, deadlines, counts };
}
