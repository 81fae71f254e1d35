// "Mark as sent today": fills the date column of a sent template on the case's
// row and recomputes that row's Next action, Next deadline and Deadline status.
// Under the document lock; one read of the cases sheet, Templates and Settings.

import { dayFromCell, isoFromDay } from '../core/calendar';
import { COMPUTED_COLUMNS } from '../core/columns';
import { deadlineForRow } from '../core/deadlines';
import { isoOrNull, planMarkSent, sentColumnFor } from '../core/sent-dates';
import { cellText } from '../core/cases';
import { findTemplate, type MarkedSent } from '../core/templates';
import { readCaseById } from './case-lookup';
import { toCell, writeColumns } from './case-table';
import { today } from './clock';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { computedCells } from './refresh';
import { readSettings } from './settings-sheet';
import { readTemplates } from './templates-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function markTemplateSentToday(spreadsheet: Spreadsheet, caseId: string, templateName: string): MarkedSent {
  return withDocumentLock(() => {
    const found = readCaseById(spreadsheet, caseId);
    const template = findTemplate(readTemplates(spreadsheet), templateName);
    if ('problem' in template) throw new Error(`${template.problem}.`);
    const { settings } = readSettings(spreadsheet);
    const { table, row, rowNumber } = found;
    const day = today(spreadsheet).day;

    const permissionIndex = table.map['Permission to notify reported party'];
    const permission = permissionIndex === undefined ? '' : cellText(row[permissionIndex], table.timeZone);
    const column = sentColumnFor(template.name);
    const index = column ? table.map[column] : undefined;
    if (column && index === undefined) throw new Error(`The ${table.sheet.getName()} sheet has no ${column} column. Run IRT Tracker → Set up tracker.`);
    const plan = planMarkSent({
      template,
      current: index === undefined ? null : dayFromCell(row[index], table.timeZone),
      permission,
      today: day,
      dateFormat: settings.emailDateFormat,
    });
    if (!plan.ok) throw new Error(plan.problem);

    if (plan.changed) {
      const cell = toCell(plan.day, table.timeZone);
      writeColumns(table, rowNumber, [plan.column], [[cell]]);
      if (COMPUTED_COLUMNS.every((name) => table.map[name] !== undefined)) {
        const updated = [...row];
        updated[index as number] = cell;
        const deadline = deadlineForRow(updated, table.map, table.timeZone, day, settings);
        writeColumns(table, rowNumber, COMPUTED_COLUMNS, [computedCells(deadline, table.timeZone)]);
      }
      appendLog(spreadsheet, [{ caseId: found.caseId, action: 'Marked sent', detail: `${template.name}: ${plan.column}` }]);
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
