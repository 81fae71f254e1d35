// Finding one case on the cases sheet: by Case ID (what the dialog sends back)
// or by the member's selected row (what the menu starts from). One read.

import { cellText } from '../core/cases';
import { isCaseIdToken } from '../core/reminders';
import { HEADER_ROW } from './names';
import { readCaseTable, requireColumns, savedLater, sheetRow, type CaseTable, type SavedSource } from './case-table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FoundCase {
  table: CaseTable;
  /** Index into table.rows. */
  index: number;
  /** Sheet row number. */
  rowNumber: number;
  row: unknown[];
  caseId: string;
}

const sameId = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The row with this Case ID; an unknown or duplicated ID is an error (never a guess). */
export function findCase(table: CaseTable, caseId: string): FoundCase {
  const column = table.map['Case ID'];
  if (column === undefined) throw new Error(`The ${table.sheet.getName()} sheet has no Case ID column.`);
  const wanted = String(caseId ?? '').trim();
  if (wanted === '') throw new Error('No case ID was given.');
  const matches: number[] = [];
  table.rows.forEach((row, i) => {
    if (sameId(cellText(row[column], table.timeZone), wanted)) matches.push(i);
  });
  // Errors reach the execution log and the Log (the daily run's): a free-text "ID" may name a party.
  const named = isCaseIdToken(wanted);
  if (matches.length === 0) throw new Error(named ? `There is no case ${wanted} on the ${table.sheet.getName()} sheet.` : `No case on the ${table.sheet.getName()} sheet has that Case ID.`);
  if (matches.length > 1)
    throw new Error(
      `${named ? `Case ID ${wanted}` : 'That Case ID'} is on more than one row (${matches.map(sheetRow).join(', ')}). Give each case its own ID first.`,
    );
  const index = matches[0];
  return { table, index, rowNumber: sheetRow(index), row: table.rows[index], caseId: cellText(table.rows[index][column], table.timeZone) };
}

export function readCaseById(spreadsheet: Spreadsheet, caseId: string, saved: SavedSource = savedLater(spreadsheet)): FoundCase {
  return findCase(readCaseTable(spreadsheet, saved), caseId);
}

/**
 * The case on the member's selected row of the cases sheet. `then` finishes the
 * hint ("Select a case's row on the Cases sheet, then …") for the caller's UI.
 */
export function findSelectedCase(spreadsheet: Spreadsheet, table: CaseTable, then: string): FoundCase {
  const range = spreadsheet.getActiveRange();
  const name = table.sheet.getName();
  const hint = `Select a case's row on the ${name} sheet, then ${then}.`;
  if (!range || range.getSheet().getSheetId() !== table.sheet.getSheetId()) throw new Error(`No case is selected. ${hint}`);
  const rowNumber = range.getRow();
  const index = rowNumber - HEADER_ROW - 1;
  if (index < 0) throw new Error(`The header row is selected. ${hint}`);
  requireColumns(table, ['Case ID']);
  const row = table.rows[index];
  const caseId = row ? cellText(row[table.map['Case ID'] as number], table.timeZone) : '';
  if (caseId === '') throw new Error(`Row ${rowNumber} has no Case ID. ${hint}`);
  // Through findCase, so a duplicated ID is refused here too.
  return findCase(table, caseId);
}

export function readSelectedCase(spreadsheet: Spreadsheet): FoundCase {
  return findSelectedCase(spreadsheet, readCaseTable(spreadsheet), 'choose Draft email… again');
}
