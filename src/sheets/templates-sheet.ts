// The Templates sheet: created by setup with its header.
import { TEMPLATE_HEADER } from '../core/templates';
import { SHEET } from './names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Creates the Templates sheet; false when it exists. */
export function ensureTemplatesSheet(spreadsheet: Spreadsheet): boolean {
  if (spreadsheet.getSheetByName(SHEET.templates)) return false;
  const sheet = spreadsheet.insertSheet(SHEET.templates);
  sheet.getRange(1, 1, 1, TEMPLATE_HEADER.length).setValues([[...TEMPLATE_HEADER]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return true;
}
