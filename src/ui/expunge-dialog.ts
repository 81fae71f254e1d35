// IRT Tracker → Expunge due records…: a static dialog (html/expunge-dialog.html)
// that asks the server for the due records and confirms before expunging.
import page from '../../html/expunge-dialog.html';

const EXPUNGE_DIALOG_TITLE = 'Expunge due records';

export function showExpungeDialog(): void {
  const output = HtmlService.createHtmlOutput(page).setWidth(640).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(output, EXPUNGE_DIALOG_TITLE);
}
