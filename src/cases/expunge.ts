// IRT Tracker → Expunge due records…: the list of closed cases past their
// Expunge after date (IDs and dates only), and, on confirmation, exactly those
// cases expunged under the document lock (src/sheets/expunge-rows.ts).

import { isoFromDay } from '../core/calendar';
import type { DueRecord } from '../core/retention';
import { readCaseTable, requireColumns } from '../sheets/case-table';
import { today } from '../sheets/clock';
import { EXPUNGE_COLUMNS, NOTHING_EXPUNGED, dueRecords, expungeRows, presentIdentifyingColumns, type Expunged } from '../sheets/expunge-rows';
import { withDocumentLock } from '../sheets/lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type { Expunged };

/** More than a team closes in years; keeps one call's write and Log bounded. */
const MAX_EXPUNGE_BATCH = 1000;

export interface ExpungeList {
  /** yyyy-mm-dd in the spreadsheet's zone. */
  today: string;
  due: DueRecord[];
  /** The identifying columns this tracker has: what expunging replaces. */
  columns: string[];
}

/** The cases that may be expunged today. Reads only. */
export function listExpungeDue(spreadsheet: Spreadsheet): ExpungeList {
  const table = readCaseTable(spreadsheet);
  requireColumns(table, EXPUNGE_COLUMNS);
  const { day } = today(spreadsheet);
  return { today: isoFromDay(day), due: dueRecords(table, day), columns: presentIdentifyingColumns(table) };
}

/** The case IDs the dialog sent: a list of distinct, reasonable strings. */
function cleanIds(input: unknown): string[] {
  if (!Array.isArray(input) || input.length === 0) throw new Error(`${NOTHING_EXPUNGED} No case was chosen.`);
  if (input.length > MAX_EXPUNGE_BATCH) throw new Error(`${NOTHING_EXPUNGED} Choose at most ${MAX_EXPUNGE_BATCH} cases at a time.`);
  const ids: string[] = [];
  for (const value of input) {
    if (typeof value !== 'string' || value.trim() === '' || value.length > 100) throw new Error(`${NOTHING_EXPUNGED} A case ID is not valid.`);
    if (!ids.some((id) => id.toLowerCase() === value.trim().toLowerCase())) ids.push(value.trim());
  }
  return ids;
}

/** The dialog's confirmation: expunges exactly these cases, or none of them. */
export function expungeRecords(spreadsheet: Spreadsheet, caseIds: unknown): Expunged {
  const ids = cleanIds(caseIds);
  return withDocumentLock(() => expungeRows(spreadsheet, readCaseTable(spreadsheet), ids, today(spreadsheet).day));
}
