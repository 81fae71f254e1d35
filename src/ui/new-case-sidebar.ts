// The New case sidebar: the page from html/new-case.html with today's date (in
// the spreadsheet's zone) embedded as data, never as markup.
import page from '../../html/new-case.html';
import { isoFromDay } from '../core/calendar';
import { PERMISSIONS } from '../core/columns';
import { today } from '../sheets/clock';
import { withPageData } from './page-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NEW_CASE_TITLE = 'New case';

export interface NewCaseDefaults {
  /** Today in the spreadsheet's zone, yyyy-mm-dd. */
  today: string;
  timeZone: string;
  permissions: string[];
}

export function newCaseDefaults(spreadsheet: Spreadsheet): NewCaseDefaults {
  const { day, timeZone } = today(spreadsheet);
  return { today: isoFromDay(day), timeZone, permissions: [...PERMISSIONS] };
}

function newCaseSidebarHtml(defaults: NewCaseDefaults): string {
  return withPageData(page, 'new-case-defaults', defaults);
}

export function showNewCaseSidebar(spreadsheet: Spreadsheet): void {
  const output = HtmlService.createHtmlOutput(newCaseSidebarHtml(newCaseDefaults(spreadsheet))).setTitle(NEW_CASE_TITLE);
  SpreadsheetApp.getUi().showSidebar(output);
}
