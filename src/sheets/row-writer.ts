// The one writer of a case's cells: a step's or a sent template's cells plus the
// row's recomputed Next action, Next deadline and Deadline status, in one write
// per run of adjacent columns.

import type { Day } from '../core/calendar';
import type { CellChanges } from '../core/case-steps';
import { COMPUTED_COLUMNS, columnSpec, type ColumnName } from '../core/columns';
import { deadlineForRow } from '../core/deadlines';
import type { Settings } from '../core/settings';
import type { FoundCase } from './case-lookup';
import { requireColumns, toCell, writeColumns, type CaseTable } from './case-table';
import { computedCells } from './refresh';

/** A cell as it is written: dates at midnight in the spreadsheet's zone, list words as they are, user text inert. */
function cellToWrite(column: ColumnName, value: CellChanges[ColumnName], timeZone: string): string | Date {
  if (typeof value === 'string' && columnSpec(column).kind === 'list') return value;
  return toCell(value ?? null, timeZone);
}

/**
 * Writes a step's cells on the case's row and recomputes its computed cells, in
 * one setValues per run of adjacent columns: only those cells, nothing else. The
 * columns must all exist, or nothing is written. Shared by the panel's steps and
 * the draft dialog's "Mark as sent today" (src/cases/mark-sent.ts).
 */
export function writeCaseCells(table: CaseTable, found: FoundCase, cells: CellChanges, day: Day, settings: Settings): void {
  const columns = Object.keys(cells) as ColumnName[];
  requireColumns(table, [...columns, ...COMPUTED_COLUMNS], 'Nothing was saved. ');
  const tz = table.timeZone;
  const written = columns.map((name) => cellToWrite(name, cells[name], tz));

  // The deadline of the row as it will read once written (text as stored, without the apostrophe).
  const next = [...found.row];
  columns.forEach((name, i) => {
    const value = written[i];
    next[table.map[name] as number] = typeof value === 'string' ? value.replace(/^'/, '') : value;
  });
  const computed = computedCells(deadlineForRow(next, table.map, tz, day, settings), tz);
  writeColumns(table, found.rowNumber, [...columns, ...COMPUTED_COLUMNS], [[...written, ...computed]]);
}

