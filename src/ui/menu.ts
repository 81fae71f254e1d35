// The IRT Tracker menu. Built without touching any service that needs
// authorization, so it also works under AuthMode.NONE (an add-on not yet used
// in this document).

/** Caption → top-level function it runs; `null` draws a separator. */
const MENU_ITEMS: readonly ([string, string] | null)[] = [
  ['New case…', 'showNewCaseSidebar'],
  ['Case panel…', 'showCasePanel'],
  ['Draft email…', 'showDraftDialog'],
  null,
  ['Refresh deadlines', 'refreshDeadlines'],
  ['Turn reminders on', 'enableReminders'],
  ['Turn reminders off', 'disableReminders'],
  null,
  ['Transparency report…', 'showReportDialog'],
  ['Expunge due records…', 'showExpungeDialog'],
  null,
  ['Set up tracker', 'setupTracker'],
  ['Check this installation', 'checkInstallation'],
];

const MENU_TITLE = 'IRT Tracker';

export function addMenu(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  // An installed add-on gets NONE before it is used in a document and must use the add-on menu.
  const menu = String(e?.authMode) === 'NONE' ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
