// The draft dialog's data: the case, its templates (fitting ones first) and the
// dates its saved replies were sent. Reads only.

import { dayFromCell, isoFromDay } from '../core/calendar';
import type { ColumnName } from '../core/columns';
import { sentColumns, templateChoices, type DraftDialogData } from '../core/templates';
import { readCaseById } from '../sheets/case-lookup';
import { readTemplates } from '../sheets/templates-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the dialog shows first: its case (by ID), its templates (fitting ones first) and its sent dates. */
export function draftDialogData(spreadsheet: Spreadsheet, caseId: string): DraftDialogData {
  const found = readCaseById(spreadsheet, caseId);
  const { table, row } = found;
  const text = (name: ColumnName) => {
    const index = table.map[name];
    return index === undefined ? '' : String(row[index] ?? '').trim();
  };
  const sentDates: DraftDialogData['sentDates'] = {};
  for (const sentColumn of sentColumns()) {
    const index = table.map[sentColumn];
    if (index === undefined) continue;
    const day = dayFromCell(row[index], table.timeZone);
    sentDates[sentColumn] = day === null ? '' : day === 'invalid' ? 'not a date' : isoFromDay(day);
  }
  return {
    caseId: found.caseId,
    stage: text('Stage'),
    templates: templateChoices(readTemplates(spreadsheet), text('Stage'), text('Outcome')),
    sentDates,
  };
}
