// The Report sheet: replaced each time a report is built (its cells, formats and
// our charts), nothing else in the spreadsheet touched. One block write, then the
// two embedded charts over the tables it just wrote.

import type { ReportLayout } from '../core/report-text';
import { inertText } from '../core/validation';
import { SHEET } from './names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const OUTCOMES_CHART_TITLE = 'How reports ended';
const MONTHS_CHART_TITLE = 'Reports received per month';

export function writeReportSheet(spreadsheet: Spreadsheet, layout: ReportLayout): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.getSheetByName(SHEET.report) ?? spreadsheet.insertSheet(SHEET.report);
  // clear() keeps embedded charts: they are removed one by one (there are two).
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);

  const rows = layout.rows.map((row) => row.map((value) => (typeof value === 'string' ? inertText(value) : value)));
  const needed = rows.length - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(1, 1, rows.length, layout.width).setValues(rows);
  sheet.getRange(1, 1, 1, layout.width).setFontWeight('bold');
  sheet.setColumnWidth(1, 420);

  const table = (at: { row: number; rows: number }) => sheet.getRange(at.row, 1, at.rows, 2);
  // Charts sit to the right of the figures; a "fewer than 3" cell is text, so a chart leaves it out.
  sheet.insertChart(
    sheet.newChart().asPieChart().setTitle(OUTCOMES_CHART_TITLE).addRange(table(layout.outcomes)).setPosition(1, 4, 0, 0).build(),
  );
  sheet.insertChart(
    sheet
      .newChart()
      .asColumnChart()
      .setTitle(MONTHS_CHART_TITLE)
      .setOption('legend', { position: 'none' })
      .addRange(table(layout.months))
      .setPosition(22, 4, 0, 0)
      .build(),
  );
  return sheet;
}
