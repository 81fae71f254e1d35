// Recomputes Next action, Next deadline and Deadline status: one read of the
// cases sheet, one write of the computed block. Nothing else is written.

import type { Day } from '../core/calendar';
import { oversizedCaseIdProblems } from '../core/case-id';
import { COMPUTED_COLUMNS } from '../core/columns';
import { deadlineForRow, type Deadline } from '../core/deadlines';
import type { Settings } from '../core/settings';
import { countStatuses, type StatusCounts } from '../core/summary';
import { readCaseTable, requireColumns, sheetRow, toCell, writeColumns, type CaseTable } from './case-table';
import { today } from './clock';
import type { LogEntry } from './log';
import { readSettings } from './settings-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Refreshed {
  table: CaseTable;
  settings: Settings;
  /** Settings values that could not be read (their defaults were used): to tell the member. */
  settingsProblems: string[];
  /** Case IDs too large to be real (ignored when numbering new cases), by row: to tell the member and log. */
  caseIdProblems: { row: number; problem: string }[];
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
  const { settings, problems, saved } = readSettings(spreadsheet);
  const table = readCaseTable(spreadsheet, saved);
  requireColumns(table, COMPUTED_COLUMNS);
  const { day } = today(spreadsheet);
  const deadlines = table.rows.map((row) => deadlineForRow(row, table.map, table.timeZone, day, settings));
  const counts = countStatuses(deadlines);
  writeColumns(table, sheetRow(0), COMPUTED_COLUMNS, deadlines.map((d) => computedCells(d, table.timeZone)));
  const idColumn = table.map['Case ID'];
  const caseIdProblems = idColumn === undefined ? [] : oversizedCaseIdProblems(table.rows.map((row) => row[idColumn]), sheetRow);
  return { table, settings, settingsProblems: problems, caseIdProblems, today: day, deadlines, counts };
}

/** One Log line per Case ID problem, naming the row (the cell's text stays in the sheet). */
export function caseIdProblemEntries(problems: Refreshed['caseIdProblems']): LogEntry[] {
  return problems.map((p) => ({ caseId: '', row: p.row, action: 'Case ID problem', detail: p.problem }));
}
