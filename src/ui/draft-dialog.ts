// IRT Tracker → Draft email…: a dialog for one case. The page is static; it
// asks the server for its data (draftDialogData) through google.script.run and
// shows every value with textContent, so nothing typed into a cell can become
// markup. The server puts in the page the case it was opened for and the
// template to preselect (the case panel's "Draft …" button), as JSON in a data
// slot (page-data.ts), never as markup: the dialog then works on that case even
// when the member selects another row meanwhile.
import page from '../../html/draft-dialog.html';
import { readCaseById, readSelectedCase } from '../sheets/case-lookup';
import { alert } from './notify';
import { withPageData } from './page-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DRAFT_DIALOG_TITLE = 'Draft email';

/** What the page starts with: its case, and the template to preselect, if any. */
export interface DraftDialogStart {
  caseId: string;
  template: string | null;
}

/** A template name sent by the client, kept only when it is a reasonable string. */
function cleanTemplateName(template: unknown): string | null {
  if (typeof template !== 'string') return null;
  const name = template.trim();
  return name === '' || name.length > 200 ? null : name;
}

function draftDialogHtml(start: DraftDialogStart): string {
  return withPageData(page, 'draft-dialog-start', start);
}

function open(start: DraftDialogStart): void {
  const output = HtmlService.createHtmlOutput(draftDialogHtml(start)).setWidth(760).setHeight(620);
  SpreadsheetApp.getUi().showModalDialog(output, DRAFT_DIALOG_TITLE);
}

/** From the menu: the dialog for the selected row's case, or an alert saying why not (nothing opened). */
export function showDraftDialog(spreadsheet: Spreadsheet): void {
  let caseId: string;
  try {
    caseId = readSelectedCase(spreadsheet).caseId;
  } catch (error) {
    alert(DRAFT_DIALOG_TITLE, (error as Error).message);
    return;
  }
  open({ caseId, template: null });
}

/**
 * For one case by its ID, `template` preselected (or the first of that kind). Throws
 * when the case cannot be found, so the caller never reports a dialog that did not open.
 */
export function showDraftDialogFor(spreadsheet: Spreadsheet, caseId: unknown, template?: unknown): DraftDialogStart {
  if (typeof caseId !== 'string' || caseId.trim() === '') throw new Error('No case ID was given.');
  const start = { caseId: readCaseById(spreadsheet, caseId).caseId, template: cleanTemplateName(template) };
  open(start);
  return start;
}
