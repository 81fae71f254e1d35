// A new case from the sidebar: checked again here (the client is never trusted),
// then, under the document lock, one read of the cases sheet, the next case ID,
// one written row and one log line. A refused submission writes nothing.

import { isoFromDay, partsOfDay } from '../core/calendar';
import { highWaterKey, MAX_CASE_SEQ, nextCaseId, parseHighWater } from '../core/case-id';
import { COMPUTED_COLUMNS, type ColumnName } from '../core/columns';
import { deadlineForRow } from '../core/deadlines';
import { firstReplyDue } from '../core/process';
import { describeErrors, NEW_CASE_COLUMN, NEW_CASE_FIELDS, validateNewCase } from '../core/validation';
import { readCaseTable, requireColumns, sheetRow, toCell } from '../sheets/case-table';
import { today } from '../sheets/clock';
import { withDocumentLock } from '../sheets/lock';
import { appendLog } from '../sheets/log';
import { computedCells } from '../sheets/refresh';
import { readSettings } from '../sheets/settings-sheet';
import { resetRepeatReport } from './repeat-report';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface NewCaseResult {
  caseId: string;
  /** The sheet row the case was written to. */
  row: number;
  /** First reply to the reporter is due by this day, yyyy-mm-dd. */
  replyDue: string;
  /** Something went wrong after the case was saved (the case itself is safe). */
  warning?: string;
  /** Earlier cases naming the same reported party (their Expunge after dates were cleared): IDs only; absent when none. */
  earlierCases?: string[];
}

/** Columns the new row needs; without them the tracker is not set up. */
const REQUIRED: readonly ColumnName[] = ['Case ID', 'Received', 'Stage', ...Object.values(NEW_CASE_COLUMN), ...COMPUTED_COLUMNS];

const NOT_SAVED = 'The case was not saved.';

export function submitNewCase(spreadsheet: Spreadsheet, input: unknown): NewCaseResult {
  const clock = today(spreadsheet);
  const checked = validateNewCase(input, clock.day);
  if (!checked.ok) throw new Error(`${NOT_SAVED} ${describeErrors(checked.errors)}`);
  const value = checked.value;

  return withDocumentLock(() => {
    const { settings, saved: choice } = readSettings(spreadsheet);
    const table = readCaseTable(spreadsheet, choice);
    requireColumns(table, REQUIRED, `${NOT_SAVED} `);
    const tz = table.timeZone;

    // The ID: one more than the highest ever issued for the year of receipt.
    const year = partsOfDay(value.receivedDay).year;
    const properties = PropertiesService.getDocumentProperties();
    const key = highWaterKey(year);
    const idColumn = table.map['Case ID'] as number;
    const next = nextCaseId(
      year,
      table.rows.map((row) => row[idColumn]),
      parseHighWater(properties.getProperty(key)),
    );
    if (!next) throw new Error(`${NOT_SAVED} Every case number of ${year} up to ${MAX_CASE_SEQ.toLocaleString('en')} is taken.`);
    const { caseId, seq } = next;

    // The row, as wide as the table. The deadline is computed from the plain values;
    // what is written has every user string inert (a leading apostrophe).
    const width = Math.max(table.header.length, ...Object.values(table.map).map((i) => (i as number) + 1));
    const plain: unknown[] = new Array(width).fill('');
    const row: (string | Date)[] = new Array(width).fill('');
    const put = (name: ColumnName, value: unknown, cell: string | Date) => {
      plain[table.map[name] as number] = value;
      row[table.map[name] as number] = cell;
    };
    put('Case ID', caseId, caseId);
    put('Stage', 'Received', 'Received');
    const received = toCell(value.receivedDay, tz);
    for (const field of NEW_CASE_FIELDS) {
      if (field === 'received') put(NEW_CASE_COLUMN.received, received, received);
      else if (field === 'permission') put(NEW_CASE_COLUMN.permission, value.permission, value.permission);
      else put(NEW_CASE_COLUMN[field], value[field], toCell(value[field], tz));
    }
    const deadline = deadlineForRow(plain, table.map, tz, clock.day, settings);
    const computed = computedCells(deadline, tz);
    COMPUTED_COLUMNS.forEach((name, i) => put(name, computed[i], computed[i]));

    const rowNumber = sheetRow(table.rows.length);
    const sheet = table.sheet;
    if (rowNumber > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rowNumber - sheet.getMaxRows());
    sheet.getRange(rowNumber, 1, 1, width).setValues([row]);
    properties.setProperty(key, String(seq));
    const repeat = resetRepeatReport(table, caseId, value.reportedEmail);
    const replyDue = isoFromDay(firstReplyDue(value.receivedDay, settings));
    const saved: NewCaseResult = { caseId, row: rowNumber, replyDue, ...(repeat.caseIds.length ? { earlierCases: repeat.caseIds } : {}) };
    // The row is saved: a failing log line (e.g. a protected Log sheet) must not make the
    // member think otherwise and enter the case twice.
    try {
      appendLog(spreadsheet, [{ caseId, row: rowNumber, action: 'Case created' }, ...repeat.log]);
    } catch {
      return { ...saved, warning: 'The case was saved, but the Log sheet could not be written (is it protected?).' };
    }
    return saved;
  });
}
