// Adopts an existing Case Tracker (or makes one): canonical columns appended at
// the right, helper sheets created, validation and highlighting applied. Never
// deletes, reorders or overwrites a user's column or data; a second run
// changes nothing.

import { CASE_COLUMNS, COMPUTED_COLUMNS, NEW_TRACKER_COLUMNS, matchHeaders, type ColumnName } from '../core/columns';
import { defaultSettingRows, missingSettingRows } from '../core/settings';
import { SHEET_RULES, type SheetRule } from '../core/validation';
import { columnLetter } from './a1';
import { findCasesSheet } from './case-table';
import { createLogSheet } from './log';
import { HEADER_ROW, SHEET } from './names';
import type { StatusCounts } from '../core/summary';
import { refreshAll, type Refreshed } from './refresh';
import { readSettings } from './settings-sheet';
import { ROSTER_HEADER, ROSTER_RULES } from '../core/roster';
import { ensureTemplatesSheet } from './templates-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupReport {
  casesSheet: string;
  createdCasesSheet: boolean;
  addedColumns: string[];
  /** Where Next action, Next deadline and Deadline status stand (column letters). */
  computedColumns: string[];
  createdSheets: string[];
  addedSettings: string[];
  /** Default saved replies added by name to an existing Templates sheet. */
  addedTemplates: string[];
  settingsProblems: string[];
  caseIdProblems: Refreshed['caseIdProblems'];
  counts: StatusCounts;
}

const DATE_FORMAT = 'yyyy-mm-dd';
/** Marks our conditional-format rules (N() of text is 0), so a re-run replaces them and keeps the user's. */
const RULE_MARK = 'IRT Tracker:';
const PROTECTION_NOTE = 'IRT Tracker: computed columns (use Refresh deadlines)';

export const HIGHLIGHTS = [
  { key: 'overdue', background: '#f4c7c3', test: (d: string) => `ISNUMBER(${d}), ${d}<TODAY()` },
  { key: 'due soon', background: '#fce8b2', test: (d: string, soon: number) => `ISNUMBER(${d}), ${d}>=TODAY(), ${d}<=TODAY()+${soon}` },
] as const;
const CHECK_DATA_BACKGROUND = '#e4dcf1';

export function setupTracker(spreadsheet: Spreadsheet, dueSoonDays: () => number): SetupReport {
  const createdSheets: string[] = [];
  let sheet = findCasesSheet(spreadsheet);
  const createdCasesSheet = !sheet;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(SHEET.cases, 0);
    createdSheets.push(SHEET.cases);
  }

  const addedColumns = appendMissingColumns(sheet);
  const map = matchHeaders(sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0]).map;
  const column = (name: ColumnName) => (map[name] as number) + 1;

  if (sheet.getFrozenRows() < HEADER_ROW) sheet.setFrozenRows(HEADER_ROW);
  sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).setFontWeight('bold');
  const bodyRows = sheet.getMaxRows() - HEADER_ROW;
  const body = (name: ColumnName) => sheet.getRange(HEADER_ROW + 1, column(name), bodyRows, 1);

  for (const { column: name, rule } of SHEET_RULES) {
    const topLeft = `${columnLetter(column(name))}${HEADER_ROW + 1}`;
    body(name).setDataValidation(buildRule(rule, topLeft));
  }
  // Date formats only where we made the column, so a team's own formats stay.
  for (const name of addedColumns as ColumnName[]) {
    const spec = CASE_COLUMNS.find((c) => c.name === name);
    if (spec?.kind === 'date' || name === 'Next deadline') body(name).setNumberFormat(DATE_FORMAT);
  }

  applyHighlighting(sheet, column('Next deadline'), column('Deadline status'), dueSoonDays());
  protectComputedColumns(sheet, COMPUTED_COLUMNS.map(column));

  const addedSettings = ensureSettingsSheet(spreadsheet, createdSheets);
  const templates = ensureTemplatesSheet(spreadsheet);
  if (templates.created) createdSheets.push(SHEET.templates);
  if (ensureRosterSheet(spreadsheet)) createdSheets.push(SHEET.roster);
  if (!spreadsheet.getSheetByName(SHEET.log)) {
    createLogSheet(spreadsheet);
    createdSheets.push(SHEET.log);
  }

  const { counts, settingsProblems, caseIdProblems } = refreshAll(spreadsheet);
  return {
    casesSheet: sheet.getName(),
    createdCasesSheet,
    addedColumns,
    computedColumns: COMPUTED_COLUMNS.map((name) => columnLetter(column(name))),
    createdSheets,
    addedSettings,
    addedTemplates: templates.added,
    settingsProblems,
    caseIdProblems,
    counts,
  };
}

/**
 * After a member edits Settings: the due-soon window lives in the highlighting
 * formula and every window in the computed columns, so both are brought up to date.
 */
export function applySettings(spreadsheet: Spreadsheet): StatusCounts | null {
  const sheet = findCasesSheet(spreadsheet);
  if (!sheet || sheet.getLastColumn() === 0) return null;
  const { map } = matchHeaders(sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0]);
  if (COMPUTED_COLUMNS.some((name) => map[name] === undefined)) return null;
  const { settings } = readSettings(spreadsheet);
  applyHighlighting(sheet, (map['Next deadline'] as number) + 1, (map['Deadline status'] as number) + 1, settings.dueSoonDays);
  return refreshAll(spreadsheet).counts;
}

/**
 * Writes the missing canonical headers after the last used column, in one write. A
 * sheet with no header yet is a tracker we make: its columns in the new-tracker order.
 */
function appendMissingColumns(sheet: Sheet): string[] {
  const width = sheet.getLastColumn();
  const header = width > 0 ? sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0] : [];
  const missing = width > 0 ? matchHeaders(header).missing : [...NEW_TRACKER_COLUMNS];
  if (missing.length === 0) return [];
  const needed = width + missing.length - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  sheet.getRange(HEADER_ROW, width + 1, 1, missing.length).setValues([missing]);
  return missing;
}

function buildRule(rule: SheetRule, topLeftA1: string): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(rule.help);
  switch (rule.type) {
    case 'list':
      return builder.requireValueInList([...rule.values], true).build();
    case 'date':
      return builder.requireDate().build();
    case 'email':
      return builder.requireTextIsEmail().build();
    case 'url':
      return builder.requireTextIsUrl().build();
    case 'formula':
      return builder.requireFormulaSatisfied(rule.formula(topLeftA1)).build();
  }
}

function isOurRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  return !!condition && condition.getCriteriaValues().some((v) => String(v).includes(RULE_MARK));
}

/**
 * Row colours come from formulas over Next deadline, so a row turns red on the day
 * it becomes overdue even when no script ran. Ours go first; the user's stay.
 */
function applyHighlighting(sheet: Sheet, deadlineColumn: number, statusColumn: number, dueSoonDays: number): void {
  const rows = sheet.getRange(HEADER_ROW + 1, 1, sheet.getMaxRows() - HEADER_ROW, sheet.getMaxColumns());
  const d = `$${columnLetter(deadlineColumn)}${HEADER_ROW + 1}`;
  const s = `$${columnLetter(statusColumn)}${HEADER_ROW + 1}`;
  const mark = (key: string) => `N("${RULE_MARK} ${key}")=0`;
  const ours = [
    ...HIGHLIGHTS.map((h) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=AND(${mark(h.key)}, ${h.test(d, dueSoonDays)})`)
        .setBackground(h.background)
        .setRanges([rows])
        .build(),
    ),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND(${mark('check data')}, ${s}="Check data")`)
      .setBackground(CHECK_DATA_BACKGROUND)
      .setRanges([rows])
      .build(),
  ];
  const theirs = sheet.getConditionalFormatRules().filter((rule) => !isOurRule(rule));
  sheet.setConditionalFormatRules([...ours, ...theirs]);
}

/** A warning (not a lock) on the computed columns: members can still fix things by hand. */
function protectComputedColumns(sheet: Sheet, columns: number[]): void {
  for (const old of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (old.getDescription() === PROTECTION_NOTE) old.remove();
  }
  for (const column of columns) {
    sheet
      .getRange(HEADER_ROW, column, sheet.getMaxRows(), 1)
      .protect()
      .setDescription(PROTECTION_NOTE)
      .setWarningOnly(true);
  }
}

function ensureSettingsSheet(spreadsheet: Spreadsheet, createdSheets: string[]): string[] {
  const existing = spreadsheet.getSheetByName(SHEET.settings);
  if (!existing) {
    const sheet = spreadsheet.insertSheet(SHEET.settings);
    const rows = defaultSettingRows();
    sheet.getRange(1, 1, rows.length, 2).setValues(rows);
    sheet.getRange(1, 1, 1, 2).setFontWeight('bold');
    sheet.setFrozenRows(1);
    createdSheets.push(SHEET.settings);
    return [];
  }
  const missing = missingSettingRows(existing.getDataRange().getValues());
  if (missing.length) existing.getRange(existing.getLastRow() + 1, 1, missing.length, 2).setValues(missing);
  return missing.map((row) => String(row[0]));
}

/** Creates the Roster sheet with its header and validation; false when it exists. */
function ensureRosterSheet(spreadsheet: Spreadsheet): boolean {
  if (spreadsheet.getSheetByName(SHEET.roster)) return false;
  const sheet = spreadsheet.insertSheet(SHEET.roster);
  sheet.getRange(1, 1, 1, ROSTER_HEADER.length).setValues([[...ROSTER_HEADER]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  for (const { column, rule } of ROSTER_RULES) {
    const index = ROSTER_HEADER.indexOf(column) + 1;
    const topLeft = `${columnLetter(index)}2`;
    sheet.getRange(2, index, sheet.getMaxRows() - 1, 1).setDataValidation(buildRule(rule, topLeft));
  }
  return true;
}
