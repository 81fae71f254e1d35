// Short messages to the member: a toast that needs no click, an alert when it matters.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function toast(spreadsheet: Spreadsheet, message: string, title = 'IRT Tracker'): void {
  spreadsheet.toast(message, title, 8);
}

export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}
