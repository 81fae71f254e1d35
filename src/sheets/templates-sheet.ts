// The Templates sheet: the team's saved replies. Setup creates it with the default
// replies, and adds to a team's sheet each default it has no row of that name for;
// a team's own rows are never changed or removed. Setup also gives an existing sheet
// its Step column and fills the Step of each row a version of the add-on seeded and
// the team left exactly as it was. Drafting reads it in one call.
import { DEFAULT_TEMPLATES, SEEDED_TEMPLATES, defaultTemplateRows } from '../core/default-templates';
import { STEP_HEADER, TEMPLATE_HEADER, parseTemplates, seededStep, stepText, stepValues, type Template } from '../core/templates';
import { normalizeHeader } from '../core/columns';
import { inertText } from '../core/validation';
import { SHEET } from './names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TemplatesSetup {
  created: boolean;
  /** The default templates added to a sheet that already existed. */
  added: string[];
}

const FULL_HEADER: readonly string[] = [...TEMPLATE_HEADER, STEP_HEADER];

/**
 * Creates the Templates sheet with its header and the default templates. On an
 * existing sheet (one read): adds the Step header when it has none, fills the Step
 * of its untouched seeded rows, and appends in one write each default whose name no
 * row has, each value under its own header, so a team's order of columns is kept. A
 * sheet whose header is not a Templates header is left alone (drafting names it).
 */
export function ensureTemplatesSheet(spreadsheet: Spreadsheet): TemplatesSetup {
  const existing = spreadsheet.getSheetByName(SHEET.templates);
  if (!existing) {
    const sheet = spreadsheet.insertSheet(SHEET.templates);
    seed(sheet);
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 200);
    sheet.setColumnWidth(3, 320);
    sheet.setColumnWidth(4, 520);
    return { created: true, added: [] };
  }
  if (existing.getLastRow() === 0) {
    seed(existing);
    return { created: false, added: DEFAULT_TEMPLATES.map((t) => t.name) };
  }
  const values = existing.getDataRange().getValues();
  const header = values[0].map(normalizeHeader);
  const index = TEMPLATE_HEADER.map((h) => header.indexOf(normalizeHeader(h)));
  if (index.some((i) => i < 0)) return { created: false, added: [] };

  const found = header.indexOf(normalizeHeader(STEP_HEADER));
  // An earlier version's sheet has no Step column: it goes after the last one.
  const stepColumn = found >= 0 ? found : values[0].length;
  const width = Math.max(values[0].length, stepColumn + 1);
  if (found < 0) {
    if (width > existing.getMaxColumns()) existing.insertColumnsAfter(existing.getMaxColumns(), width - existing.getMaxColumns());
    existing.getRange(1, stepColumn + 1).setValue(STEP_HEADER).setFontWeight('bold');
  }
  validateSteps(existing, stepColumn + 1);
  fillSeededSteps(existing, values, stepColumn);

  const named = new Set(values.slice(1).map((row) => normalizeHeader(row[index[0]])));
  const missing = DEFAULT_TEMPLATES.filter((t) => !named.has(normalizeHeader(t.name)));
  if (missing.length === 0) return { created: false, added: [] };
  const rows = missing.map((t) => {
    const row: string[] = new Array(width).fill('');
    [t.name, t.to, t.subject, t.body].forEach((value, i) => (row[index[i]] = inertText(value)));
    row[stepColumn] = inertText(stepText(t));
    return row;
  });
  const block = existing.getRange(existing.getLastRow() + 1, 1, rows.length, width);
  block.setValues(rows);
  block.setWrap(true);
  return { created: false, added: missing.map((t) => t.name) };
}

/** One write: the header and every default template with its Step, as plain text. */
function seed(sheet: Sheet): void {
  const rows = [[...FULL_HEADER], ...defaultTemplateRows().map((r, i) => [...r, stepText(DEFAULT_TEMPLATES[i])].map(inertText))];
  sheet.getRange(1, 1, rows.length, FULL_HEADER.length).setValues(rows);
  sheet.getRange(1, 1, 1, FULL_HEADER.length).setFontWeight('bold');
  sheet.getRange(2, 1, rows.length - 1, FULL_HEADER.length).setWrap(true);
  validateSteps(sheet, FULL_HEADER.length);
}

/**
 * The Step of each row left exactly as a version of the add-on seeded it: one write
 * per run of adjacent such rows (at most one per seeded template), so every other
 * cell, a team's own Step formula or value included, is never rewritten.
 */
function fillSeededSteps(sheet: Sheet, values: readonly (readonly unknown[])[], stepColumn: number): void {
  const fills: { row: number; step: string }[] = [];
  values.slice(1).forEach((row, i) => {
    if (String(row[stepColumn] ?? '').trim() !== '') return;
    const template = templateOfRow(row, values[0]);
    const step = template ? seededStep(template, SEEDED_TEMPLATES) : null;
    if (step) fills.push({ row: i + 2, step: inertText(stepText(step)) });
  });
  for (let start = 0; start < fills.length; ) {
    let end = start + 1;
    while (end < fills.length && fills[end].row === fills[end - 1].row + 1) end++;
    sheet.getRange(fills[start].row, stepColumn + 1, end - start, 1).setValues(fills.slice(start, end).map((f) => [f.step]));
    start = end;
  }
}

/** A row read as a template by the sheet's own header (null for a row without a name). */
function templateOfRow(row: readonly unknown[], header: readonly unknown[]): Template | null {
  return parseTemplates([header, row]).templates[0] ?? null;
}

/** The Step column offers the process's saved replies; an empty cell is a team's own kind of message. */
function validateSteps(sheet: Sheet, column: number): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(stepValues(), true)
    .setAllowInvalid(false)
    .setHelpText('Step: the step of the process this saved reply goes with; leave empty for a message of your own')
    .build();
  sheet.getRange(2, column, rows, 1).setDataValidation(rule);
}

/** Every template, in one read. A missing sheet is a clear error, not an empty list. */
export function readTemplates(spreadsheet: Spreadsheet): Template[] {
  const sheet = spreadsheet.getSheetByName(SHEET.templates);
  if (!sheet) throw new Error('There is no Templates sheet. Run IRT Tracker → Set up tracker to create it.');
  const { templates, problems } = parseTemplates(sheet.getDataRange().getValues(), SEEDED_TEMPLATES);
  if (problems.length) throw new Error(`${problems.join('; ')}. Its header must be ${TEMPLATE_HEADER.join(', ')}.`);
  return templates;
}
