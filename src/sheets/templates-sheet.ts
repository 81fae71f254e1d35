// The Templates sheet: the team's saved replies. Setup creates it with the default
// replies, and adds to a team's sheet each default it has no row of that name for;
// a team's own rows are never changed or removed. Drafting reads it in one call.
import { DEFAULT_TEMPLATES, defaultTemplateRows } from '../core/default-templates';
import { TEMPLATE_HEADER, parseTemplates, type Template } from '../core/templates';
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

/**
 * Creates the Templates sheet with its header and the default templates. On an
 * existing sheet (one read), appends in one write each default whose name no row
 * has, each value under its own header, so a team's order of columns is kept. A
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
  const named = new Set(values.slice(1).map((row) => normalizeHeader(row[index[0]])));
  const missing = DEFAULT_TEMPLATES.filter((t) => !named.has(normalizeHeader(t.name)));
  if (missing.length === 0) return { created: false, added: [] };
  const width = values[0].length;
  const rows = missing.map((t) => {
    const row: string[] = new Array(width).fill('');
    [t.name, t.to, t.subject, t.body].forEach((value, i) => (row[index[i]] = inertText(value)));
    return row;
  });
  const block = existing.getRange(existing.getLastRow() + 1, 1, rows.length, width);
  block.setValues(rows);
  block.setWrap(true);
  return { created: false, added: missing.map((t) => t.name) };
}

/** One write: the header and every default template, as plain text. */
function seed(sheet: Sheet): void {
  const rows = [[...TEMPLATE_HEADER] as string[], ...defaultTemplateRows().map((r) => r.map(inertText))];
  sheet.getRange(1, 1, rows.length, TEMPLATE_HEADER.length).setValues(rows);
  sheet.getRange(1, 1, 1, TEMPLATE_HEADER.length).setFontWeight('bold');
  sheet.getRange(2, 1, rows.length - 1, TEMPLATE_HEADER.length).setWrap(true);
}

/** Every template, in one read. A missing sheet is a clear error, not an empty list. */
export function readTemplates(spreadsheet: Spreadsheet): Template[] {
  const sheet = spreadsheet.getSheetByName(SHEET.templates);
  if (!sheet) throw new Error('There is no Templates sheet. Run IRT Tracker → Set up tracker to create it.');
  const { templates, problems } = parseTemplates(sheet.getDataRange().getValues());
  if (problems.length) throw new Error(`${problems.join('; ')}. Its header must be ${TEMPLATE_HEADER.join(', ')}.`);
  return templates;
}
