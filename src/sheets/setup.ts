// Adopts an existing Case Tracker (or makes one): canonical columns appended at
// the right, helper sheets created, validation and highlighting applied. Never
// deletes, reorders or overwrites a user's column or data; a second run
// changes nothing.

import { isBlankRow } from '../core/cases';
import { choiceSettingWrites } from '../core/column-mapping';
import { CASE_COLUMNS, COMPUTED_COLUMNS, NEW_TRACKER_COLUMNS, matchHeaders, type ChosenHeaders, type ColumnName } from '../core/columns';
import { defaultSettingRows, missingSettingRows } from '../core/settings';
import { HIGHLIGHTS, RULE_MARK, highlightFormula, withSeparator } from '../core/formulas';
import { SHEET_RULES, inertText, type SheetRule } from '../core/validation';
import { formulaSeparator } from './formula-form';
import { columnLetter } from './a1';
import { findCasesSheet, matchCaseHeaders } from './case-table';
import { createLogSheet } from './log';
import { HEADER_ROW, SHEET } from './names';
import type { StatusCounts } from '../core/summary';
import { refreshAll, type Refreshed } from './refresh';
import { readSettings } from './settings-sheet';
import { ROSTER_HEADER, ROSTER_RULES } from '../core/roster';
import { ensureTemplatesSheet } from './templates-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where setup puts the tracker: the sheet (null: found as always, or a new Cases sheet) and the team's chosen headers. */
export interface SetupTarget {
  sheet: string | null;
  chosen: ChosenHeaders;
  /** Columns whose earlier choice the member replaced by "add a new column". */
  cleared: ColumnName[];
}

export interface SetupReport {
  casesSheet: string;
  /** Tracker columns taken from the team's own headers (column → header). */
  adopted: ChosenHeaders;
  /** Existing case rows whose new Stage column was started at Received. */
  stagedRows: number;
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
const PROTECTION_NOTE = 'IRT Tracker: computed columns (use Refresh deadlines)';

export function setupTracker(
  spreadsheet: Spreadsheet,
  dueSoonDays: () => number,
  target: SetupTarget = { sheet: null, chosen: readSettings(spreadsheet).saved.columns, cleared: [] },
): SetupReport {
  const createdSheets: string[] = [];
  let sheet = target.sheet === null ? findCasesSheet(spreadsheet) : spreadsheet.getSheetByName(target.sheet);
  if (target.sheet !== null && !sheet) throw new Error(`There is no sheet named "${target.sheet}". Nothing was changed.`);
  const createdCasesSheet = !sheet;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(SHEET.cases, 0);
    createdSheets.push(SHEET.cases);
  }

  const { added: addedColumns, map } = appendMissingColumns(sheet, target.chosen);
  const column = (name: ColumnName) => (map[name] as number) + 1;
  const stagedRows = addedColumns.includes('Stage') ? startStage(sheet, map) : 0;

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
  saveChoice(spreadsheet, target.sheet !== null && target.sheet !== SHEET.cases ? sheet.getName() : null, target);
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
    adopted: target.chosen,
    stagedRows,
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
  const { settings, saved } = readSettings(spreadsheet);
  const sheet = findCasesSheet(spreadsheet, saved);
  if (!sheet || sheet.getLastColumn() === 0) return null;
  const { map } = matchCaseHeaders(sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0], saved);
  if (COMPUTED_COLUMNS.some((name) => map[name] === undefined)) return null;
  applyHighlighting(sheet, (map['Next deadline'] as number) + 1, (map['Deadline status'] as number) + 1, settings.dueSoonDays);
  return refreshAll(spreadsheet).counts;
}

/**
 * Writes the missing canonical headers after the last used column, in one write;
 * the team's chosen headers stand for their columns. Returns the whole row's map.
 */
function appendMissingColumns(sheet: Sheet, chosen: ChosenHeaders): { added: ColumnName[]; map: ReturnType<typeof matchHeaders>['map'] } {
  const width = sheet.getLastColumn();
  const header = width > 0 ? sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0] : [];
  // A sheet with no header yet is a tracker we make: its columns in the new-tracker order.
  const { missing, map } = width > 0 ? matchHeaders(header, chosen) : { missing: [...NEW_TRACKER_COLUMNS], map: {} as ReturnType<typeof matchHeaders>['map'] };
  if (missing.length === 0) return { added: [], map };
  const needed = width + missing.length - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  sheet.getRange(HEADER_ROW, width + 1, 1, missing.length).setValues([missing]);
  missing.forEach((name, i) => (map[name] = width + i));
  return { added: missing, map };
}

/**
 * A Stage column setup just added starts each existing case at Received, as New case
 * does, so every adopted row gets its deadline; one read, one write of that column only.
 */
function startStage(sheet: Sheet, map: ReturnType<typeof matchHeaders>['map']): number {
  const rows = sheet.getLastRow() - HEADER_ROW;
  if (rows <= 0) return 0;
  const values = sheet.getRange(HEADER_ROW + 1, 1, rows, sheet.getLastColumn()).getValues();
  const stages = values.map((row) => [isBlankRow(row, map) ? '' : 'Received']);
  const started = stages.filter((s) => s[0] !== '').length;
  if (started) sheet.getRange(HEADER_ROW + 1, (map.Stage as number) + 1, rows, 1).setValues(stages);
  return started;
}

/** Keeps the member's choice as rows of the Settings sheet, where the team can read and change it. */
function saveChoice(spreadsheet: Spreadsheet, sheetName: string | null, target: SetupTarget): void {
  if (sheetName === null && Object.keys(target.chosen).length === 0 && target.cleared.length === 0) return;
  const settings = spreadsheet.getSheetByName(SHEET.settings);
  if (!settings) return;
  const rows = settings.getDataRange().getValues();
  const { updates, appends } = choiceSettingWrites(rows, { sheet: sheetName, columns: target.chosen }, target.cleared);
  // One write per run of adjacent changed rows (the choice rows sit together); the team's other cells are not touched.
  const sorted = [...updates].sort((a, b) => a.row - b.row);
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end].row === sorted[end - 1].row + 1) end++;
    const run = sorted.slice(start, end);
    settings.getRange(run[0].row + 1, 2, run.length, 1).setValues(run.map((u) => [inertText(u.value)]));
    start = end;
  }
  if (appends.length) settings.getRange(rows.length + 1, 1, appends.length, 2).setValues(appends.map((r) => r.map(inertText)));
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
      return builder.requireFormulaSatisfied(withSeparator(rule.formula(topLeftA1), formulaSeparator())).build();
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
  const separator = formulaSeparator();
  const ours = HIGHLIGHTS.map((h) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(withSeparator(highlightFormula(h.key, d, s, dueSoonDays), separator))
      .setBackground(h.background)
      .setRanges([rows])
      .build(),
  );
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
