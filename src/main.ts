// Every Apps Script entry point, each a few lines wiring the adapters. The build
// turns each export into a top-level `function name() {}` in dist/Code.js.

import { describeStatusCounts } from './core/summary';
import { recomputeEditedRows } from './sheets/on-edit';
import { refreshAll } from './sheets/refresh';
import { readSettings } from './sheets/settings-sheet';
import { setupTracker as adoptTracker } from './sheets/setup';
import { addMenu } from './ui/menu';
import { alert, toast } from './ui/notify';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMenu(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (e?.range) recomputeEditedRows(e.range);
}

export function setupTracker(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const report = adoptTracker(spreadsheet, () => readSettings(spreadsheet).settings.dueSoonDays);
  const lines = [
    report.createdCasesSheet ? `Created the ${report.casesSheet} sheet.` : `Using the ${report.casesSheet} sheet.`,
    report.addedColumns.length ? `Added columns: ${report.addedColumns.join(', ')}.` : 'All tracker columns were present.',
    report.createdSheets.length ? `Created sheets: ${report.createdSheets.join(', ')}.` : '',
    report.addedSettings.length ? `Added settings: ${report.addedSettings.join(', ')}.` : '',
    describeStatusCounts(report.counts),
  ];
  alert('IRT Tracker is set up', lines.filter(Boolean).join('\n'));
}

export function refreshDeadlines(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  toast(spreadsheet, describeStatusCounts(refreshAll(spreadsheet).counts), 'Deadlines refreshed');
}
