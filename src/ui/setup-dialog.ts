// The Set up tracker dialog: opened when setup is not certain which sheet or
// columns to use. The plan goes into the page as JSON data (page-data.ts), never
// as markup; the page confirms through google.script.run.setupTracker(choice).
import page from '../../html/setup-dialog.html';
import type { TrackerPlan } from '../core/column-mapping';
import { withPageData } from './page-data';

const SETUP_DIALOG_TITLE = 'Set up tracker';

function setupDialogHtml(plan: TrackerPlan): string {
  return withPageData(page, 'setup-plan', plan);
}

export function showSetupDialog(plan: TrackerPlan): void {
  const output = HtmlService.createHtmlOutput(setupDialogHtml(plan)).setWidth(720).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(output, SETUP_DIALOG_TITLE);
}
