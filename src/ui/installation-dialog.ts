// Check this installation's dialog: the report goes into the page as JSON data
// (page-data.ts), never as markup.
import page from '../../html/installation-check.html';
import type { InstallationReport } from '../core/installation';
import { withPageData } from './page-data';

const INSTALLATION_DIALOG_TITLE = 'Check this installation';

function installationDialogHtml(report: InstallationReport): string {
  return withPageData(page, 'installation-report', report);
}

export function showInstallationReport(report: InstallationReport): void {
  const output = HtmlService.createHtmlOutput(installationDialogHtml(report)).setWidth(640).setHeight(620);
  SpreadsheetApp.getUi().showModalDialog(output, INSTALLATION_DIALOG_TITLE);
}
