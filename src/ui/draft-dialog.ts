// IRT Tracker → Draft email…: a dialog for the case on the selected row. The
// page is static; it asks the server for its data (draftDialogData) through
// google.script.run and shows every value with textContent, so nothing typed
// into a cell can become markup. The one thing the server puts in the page is
// the template to preselect (the case panel's "Draft …" button), as JSON in a
// data slot (page-data.ts), never as markup.
import page from '../../html/draft-dialog.html';
import { readSelectedCase } from '../sheets/case-lookup';
import { alert } from './notify';
import { withPageData } from './page-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DRAFT_DIALOG_TITLE = 'Draft email';

/** What the page starts with: the template to preselect, if any (the dialog still asks draftDialogData for the case). */
export interface DraftDialogStart {
  template: string | null;
}

/** A template name sent by the client, kept only when it is a reasonable string. */
function cleanTemplateName(template: unknown): string | null {
  if (typeof template !== 'string') return null;
  const name = template.trim();
  return name === '' || name.length > 200 ? null : name;
}

export function draftDialogHtml(start: DraftDialogStart): string {
  return withPageData(page, 'draft-dialog-start', start);
}

/**
 * Opens the dialog, or explains why not (no case selected) without opening it.
 * `template` preselects that template (or the first of that kind) in the dialog.
 */
export function showDraftDialog(spreadsheet: Spreadsheet, template?: unknown): void {
  try {
    readSelectedCase(spreadsheet);
  } catch (error) {
    alert(DRAFT_DIALOG_TITLE, (error as Error).message);
    return;
  }
  const html = draftDialogHtml({ template: cleanTemplateName(template) });
  const output = HtmlService.createHtmlOutput(html).setWidth(760).setHeight(620);
  SpreadsheetApp.getUi().showModalDialog(output, DRAFT_DIALOG_TITLE);
}
