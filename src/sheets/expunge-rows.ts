// Expunging rows of the cases sheet: the cases may be expunged only when the core
// says so (all of them, or none is touched); then every identifying cell of those
// rows becomes "Expunged" in one RangeList write, with one Log line per case and
// no value. Shared by the member's dialog and the daily run's automatic expunging.

import type { Day } from '../core/calendar';
import type { ColumnName } from '../core/columns';
import { caseLabel } from '../core/reminders';
import { EXPUNGED, IDENTIFYING_COLUMNS, dueForExpunging, expungeRefusal, readRetentionCase, type DueRecord } from '../core/retention';
import { findCase } from './case-lookup';
import { fillCells, requireColumns, type CaseTable } from './case-table';
import { appendLog } from './log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const EXPUNGE_LOG_ACTION = 'Expunged identifying details';
export const NOTHING_EXPUNGED = 'Nothing was expunged.';
export const EXPUNGE_COLUMNS: readonly ColumnName[] = ['Case ID', 'Closed', 'Expunge after'];

export interface Expunged {
  caseIds: string[];
  columns: string[];
}

/** The identifying columns this tracker has: what expunging replaces. */
export const presentIdentifyingColumns = (table: Pick<CaseTable, 'map'>) =>
  IDENTIFYING_COLUMNS.filter((name) => table.map[name as ColumnName] !== undefined);

/** The cases that may be expunged on that day: IDs and dates only. */
export function dueRecords(table: CaseTable, day: Day): DueRecord[] {
  return dueForExpunging(
    table.rows.map((row) => readRetentionCase(row, table.map, table.timeZone)),
    day,
  );
}

/** Expunges these cases of a table read under the document lock; refuses them all if one may not be. */
export function expungeRows(spreadsheet: Spreadsheet, table: CaseTable, ids: readonly string[], day: Day): Expunged {
  requireColumns(table, EXPUNGE_COLUMNS, `${NOTHING_EXPUNGED} `);
  const found = ids.map((id) => {
    try {
      return findCase(table, id);
    } catch (error) {
      throw new Error(`${NOTHING_EXPUNGED} ${(error as Error).message}`);
    }
  });
  const refusals = found.flatMap((f) => {
    const why = expungeRefusal(readRetentionCase(f.row, table.map, table.timeZone), day);
    return why ? [`${caseLabel(f.caseId, f.rowNumber)}: ${why}`] : [];
  });
  if (refusals.length) throw new Error(`${NOTHING_EXPUNGED} ${refusals.join('; ')}.`);

  const columns = presentIdentifyingColumns(table) as ColumnName[];
  fillCells(table, found.map((f) => ({ rowNumber: f.rowNumber, columns })), EXPUNGED);
  appendLog(spreadsheet, found.map((f) => ({ caseId: f.caseId, row: f.rowNumber, action: EXPUNGE_LOG_ACTION })));
  return { caseIds: found.map((f) => f.caseId), columns };
}
