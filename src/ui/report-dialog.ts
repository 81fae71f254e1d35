// IRT Tracker → Transparency report…: a dialog that asks for a period and shows
// the anonymous figures (html/report-dialog.html). The page starts with the
// current half-year's dates as data, never as markup.
import page from '../../html/report-dialog.html';
import { dayFromParts, isoFromDay, partsOfDay } from '../core/calendar';
import { today } from '../sheets/clock';
import { withPageData } from './page-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const REPORT_DIALOG_TITLE = 'Transparency report';

export interface ReportDialogStart {
  /** yyyy-mm-dd: the first day of the six months before this one. */
  from: string;
  /** yyyy-mm-dd: today in the spreadsheet's zone. */
  to: string;
}

function reportDialogStart(spreadsheet: Spreadsheet): ReportDialogStart {
  const { day } = today(spreadsheet);
  const { year, month } = partsOfDay(day);
  const back = month - 6;
  const from = back >= 1 ? dayFromParts(year, back, 1) : dayFromParts(year - 1, back + 12, 1);
  return { from: isoFromDay(from), to: isoFromDay(day) };
}

export function showReportDialog(spreadsheet: Spreadsheet): void {
  const html = withPageData(page, 'report-dialog-start', reportDialogStart(spreadsheet));
  const output = HtmlService.createHtmlOutput(html).setWidth(720).setHeight(680);
  SpreadsheetApp.getUi().showModalDialog(output, REPORT_DIALOG_TITLE);
}
