// "Mark as sent today": records the case panel's step for a sent template, dated
// today (src/core/sent-dates.ts plans it through the panel's own planStep), then
// writes exactly the step's cells and the row's recomputed Next action, Next
// deadline and Deadline status. Under the document lock; one read of the cases
// sheet, Templates and Settings; one Log line.

import { isoFromDay } from '../core/calendar';
import { readPanelCase } from '../core/case-steps';
import { isoOrNull, planMarkSent } from '../core/sent-dates';
import { findTemplate, type MarkedSent } from '../core/templates';
import { writeCaseCells } from '../sheets/row-writer';
import { readCaseById } from '../sheets/case-lookup';
import { today } from '../sheets/clock';
import { withDocumentLock } from '../sheets/lock';
import { appendLog } from '../sheets/log';
import { readSettings } from '../sheets/settings-sheet';
import { readTemplates } from '../sheets/templates-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function markTemplateSentToday(spreadsheet: Spreadsheet, caseId: string, templateName: string): MarkedSent {
  return withDocumentLock(() => {
    const { settings, saved } = readSettings(spreadsheet);
    const found = readCaseById(spreadsheet, caseId, saved);
    const template = findTemplate(readTemplates(spreadsheet), templateName);
    if ('problem' in template) throw new Error(`${template.problem}.`);
    const { table, row } = found;
    const day = today(spreadsheet).day;

    const plan = planMarkSent({
      template,
      case: readPanelCase(row, table.map, table.timeZone),
      today: day,
      dateFormat: settings.emailDateFormat,
    });
    if (!plan.ok) throw new Error(plan.problem);

    if (plan.changed) {
      writeCaseCells(table, found, plan.cells, day, settings);
      appendLog(spreadsheet, [{ caseId: found.caseId, row: found.rowNumber, action: plan.action, detail: plan.detail }]);
    }
    return {
      column: plan.column,
      date: isoFromDay(plan.day),
      previous: isoOrNull(plan.previous),
      changed: plan.changed,
      message: plan.message,
    };
  });
}
