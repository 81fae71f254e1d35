// The Templates sheet: the team's saved replies. Setup creates it and, while it
// has no template rows, fills it with the default replies; a team's own edits
// are never overwritten. Drafting reads it in one call.
import { defaultTemplateRows } from '../core/default-templates';
import { TEMPLATE_HEADER, parseTemplates, type Template } from '../core/templates';
import { normalizeHeader } from '../core/columns';
import { inertText } from '../core/validation';
import { SHEET } from './names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Creates the Templates sheet with its header and the default templates, or seeds
 * the defaults into an existing sheet that has no rows yet (an empty sheet, or only
 * our header). A sheet with anything else in it is left alone. True when created.
 */
export function ensureTemplatesSheet(spreadsheet: Spreadsheet): boolean {
  const existing = spreadsheet.getSheetByName(SHEET.templates);
  if (existing) {
    const lastRow = existing.getLastRow();
    if (lastRow === 0) seed(existing, true);
    else if (lastRow === 1 && isOurHeader(existing.getRange(1, 1, 1, Math.max(existing.getLastColumn(), 1)).getValues()[0]))
      seed(existing, false);
    return false;
  }
  const sheet = spreadsheet.insertSheet(SHEET.templates);
  seed(sheet, true);
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 200);
  sheet.setColumnWidth(3, 320);
  sheet.setColumnWidth(4, 520);
  return true;
}

function isOurHeader(row: readonly unknown[]): boolean {
  const cells = row.map(normalizeHeader).filter((c) => c !== '');
  return cells.length === TEMPLATE_HEADER.length && TEMPLATE_HEADER.every((h, i) => cells[i] === normalizeHeader(h));
}

/** One write: the header (when asked) and every default template, as plain text. */
function seed(sheet: Sheet, withHeader: boolean): void {
  const rows = [...(withHeader ? [[...TEMPLATE_HEADER] as string[]] : []), ...defaultTemplateRows().map((r) => r.map(inertText))];
  const first = withHeader ? 1 : 2;
  sheet.getRange(first, 1, rows.length, TEMPLATE_HEADER.length).setValues(rows);
  sheet.getRange(1, 1, 1, TEMPLATE_HEADER.length).setFontWeight('bold');
  sheet.getRange(2, 1, rows.length - (withHeader ? 1 : 0), TEMPLATE_HEADER.length).setWrap(true);
}

/** Every template, in one read. A missing sheet is a clear error, not an empty list. */
export function readTemplates(spreadsheet: Spreadsheet): Template[] {
  const sheet = spreadsheet.getSheetByName(SHEET.templates);
  if (!sheet) throw new Error('There is no Templates sheet. Run IRT Tracker → Set up tracker to create it.');
  const { templates, problems } = parseTemplates(sheet.getDataRange().getValues());
  if (problems.length) throw new Error(`${problems.join('; ')}. Its header must be ${TEMPLATE_HEADER.join(', ')}.`);
  return templates;
}
