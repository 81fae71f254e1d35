// IRT Tracker → Expunge due records…: the list of closed cases past their
// Expunge after date (IDs and dates only), and, on confirmation, every
// identifying cell of exactly those rows replaced with "Expunged" in one write
// under the document lock, with one Log line per case and no value in it.

import { isoFromDay, type Day } from '../core/calendar';
import type { ColumnName } from '../core/columns';
import {
  EXPUNGED,
  IDENTIFYING_COLUMNS,
  dueForExpunging,
  expungeRefusal,
  readRetentionCase,
  type DueRecord,
} from '../core/retention';
import { findCase } from '../sheets/case-lookup';
import { fillCells, readCaseTable, requireColumns, type CaseTable } from '../sheets/case-table';
import { today } from '../sheets/clock';
import { withDocumentLock } from '../sheets/lock';
import { appendLog } from '../sheets/log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const EXPUNGE_LOG_ACTION = 'Expunged identifying details';
const NOTHING = 'Nothing was expunged.';
/** More than a team closes in years; keeps one call's write and Log bounded. */
export const MAX_EXPUNGE_BATCH = 1000;

export interface ExpungeList {
  /** yyyy-mm-dd in the spreadsheet's zone. */
  today: string;
  due: DueRecord[];
  /** The identifying columns this tracker has: what expunging replaces. */
  columns: string[];
}

export interface Expunged {
  caseIds: string[];
  columns: string[];
}

const presentColumns = (table: CaseTable) => IDENTIFYING_COLUMNS.filter((name) => table.map[name as ColumnName] !== undefined);

function dueIn(table: CaseTable, day: Day): DueRecord[] {
  return dueForExpunging(
    table.rows.map((row) => readRetentionCase(row, table.map, table.timeZone)),
    day,
  );
}

/** The cases that may be expunged today. Reads only. */
export function listExpungeDue(spreadsheet: Spreadsheet): ExpungeList {
  const table = readCaseTable(spreadsheet);
  requireColumns(table, ['Case ID', 'Closed', 'Expunge after']);
  const { day } = today(spreadsheet);
  return { today: isoFromDay(day), due: dueIn(table, day), columns: presentColumns(table) };
}

/** The case IDs the dialog sent: a list of distinct, reasonable strings. */
function cleanIds(input: unknown): string[] {
  if (!Array.isArray(input) || input.length === 0) throw new Error(`${NOTHING} No case was chosen.`);
  if (input.length > MAX_EXPUNGE_BATCH) throw new Error(`${NOTHING} Choose at most ${MAX_EXPUNGE_BATCH} cases at a time.`);
  const ids: string[] = [];
  for (const value of input) {
    if (typeof value !== 'string' || value.trim() === '' || value.length > 100) throw new Error(`${NOTHING} A case ID is not valid.`);
    if (!ids.some((id) => id.toLowerCase() === value.trim().toLowerCase())) ids.push(value.trim());
  }
  return ids;
}

/** Expunges these cases in a table already read under the lock; refuses them all if one may not be. */
export function expungeInTable(spreadsheet: Spreadsheet, table: CaseTable, ids: readonly string[], day: Day): Expunged {
  requireColumns(table, ['Case ID', 'Closed', 'Expunge after'], `${NOTHING} `);
  const found = ids.map((id) => {
    try {
      return findCase(table, id);
    } catch (error) {
      throw new Error(`${NOTHING} ${(error as Error).message}`);
    }
  });
  const refusals = found.flatMap((f) => {
    const why = expungeRefusal(readRetentionCase(f.row, table.map, table.timeZone), day);
    return why ? [`${f.caseId}: ${why}`] : [];
  });
  if (refusals.length) throw new Error(`${NOTHING} ${refusals.join('; ')}.`);

  const columns = presentColumns(table) as ColumnName[];
  fillCells(table, found.map((f) => ({ rowNumber: f.rowNumber, columns })), EXPUNGED);
  appendLog(spreadsheet, found.map((f) => ({ caseId: f.caseId, action: EXPUNGE_LOG_ACTION })));
  return { caseIds: found.map((f) => f.caseId), columns };
}

/** The dialog's confirmation: expunges exactly these cases, or none of them. */
export function expungeRecords(spreadsheet: Spreadsheet, caseIds: unknown): Expunged {
  const ids = cleanIds(caseIds);
  return withDocumentLock(() => expungeInTable(spreadsheet, readCaseTable(spreadsheet), ids, today(spreadsheet).day));
}

/** How many cases may be expunged today, and their IDs (for the daily run). */
export function dueCaseIds(table: CaseTable, day: Day): string[] {
  return dueIn(table, day).map((d) => d.caseId);
}

