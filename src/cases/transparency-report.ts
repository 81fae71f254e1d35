// IRT Tracker → Transparency report…: the period checked here (the dialog is
// never trusted), then one read each of the cases sheet, Settings and Log; the
// anonymous figures computed by the core; the Report sheet replaced under the
// document lock (held for that write only). The dialog gets exactly the figures the sheet shows.

import { buildReport, parsePeriod, reportCases, type TransparencyReport } from '../core/report';
import { reportLayout, reportSummary } from '../core/report-text';
import { readCaseTable } from '../sheets/case-table';
import { today } from '../sheets/clock';
import { withDocumentLock } from '../sheets/lock';
import { LOG_HEADER } from '../sheets/log';
import { SHEET } from '../sheets/names';
import { writeReportSheet } from '../sheets/report-sheet';
import { readSettings } from '../sheets/settings-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ReportBuilt extends TransparencyReport {
  /** The plain-text summary, ready to paste into a public post. */
  summary: string;
  sheet: string;
}

/** The Log's rows below its header, in one read ([] without a Log sheet). */
function readLogRows(spreadsheet: Spreadsheet): unknown[][] {
  const sheet = spreadsheet.getSheetByName(SHEET.log);
  return sheet ? sheet.getDataRange().getValues().slice(1) : [];
}

export function buildTransparencyReport(spreadsheet: Spreadsheet, input: unknown): ReportBuilt {
  const checked = parsePeriod(input);
  if (!checked.ok) throw new Error(`No report was made: ${checked.message}.`);
  // A report is a snapshot: the reads (the Log grows without end) need no lock, and
  // holding it through them would keep every member's save waiting.
  const { settings, saved } = readSettings(spreadsheet);
  const table = readCaseTable(spreadsheet, saved);
  const logColumns = {
    time: LOG_HEADER.indexOf('Time'),
    caseId: LOG_HEADER.indexOf('Case ID'),
    action: LOG_HEADER.indexOf('Action'),
  };
  const cases = reportCases(table.rows, table.map, table.timeZone, readLogRows(spreadsheet), logColumns);
  const report = buildReport(cases, checked.period, today(spreadsheet).day, settings);
  // Two members building at once must not interleave their replacing of the Report sheet.
  withDocumentLock(() => writeReportSheet(spreadsheet, reportLayout(report)));
  return { ...report, summary: reportSummary(report), sheet: SHEET.report };
}
