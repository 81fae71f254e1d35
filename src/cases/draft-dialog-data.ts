// The draft dialog's data: the case, its templates (those open for it now first,
// the others with their reason), the one to open on, and the dates its saved
// replies were sent. Reads only.

import { dayFromCell, isoFromDay } from '../core/calendar';
import { preselectTemplate } from '../core/case-steps';
import { readCase } from '../core/cases';
import type { ColumnName } from '../core/columns';
import { nextStep } from '../core/deadlines';
import { preselectChoice, templateChoices } from '../core/template-fit';
import { sentColumns, type DraftDialogData } from '../core/templates';
import { readCaseById } from '../sheets/case-lookup';
import { readSettings } from '../sheets/settings-sheet';
import { readTemplates } from '../sheets/templates-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the dialog shows first, for its case (by ID): one read each of Settings, the cases sheet and Templates. */
/** `wanted` is any value the page sent: only a string can name a template. */
export function draftDialogData(spreadsheet: Spreadsheet, caseId: string, wanted?: unknown): DraftDialogData {
  const { settings, saved } = readSettings(spreadsheet);
  const found = readCaseById(spreadsheet, caseId, saved);
  const { table, row } = found;
  const sentDates: DraftDialogData['sentDates'] = {};
  for (const sentColumn of sentColumns()) {
    const index = table.map[sentColumn];
    if (index === undefined) continue;
    const day = dayFromCell(row[index], table.timeZone);
    sentDates[sentColumn] = day === null ? '' : day === 'invalid' ? 'not a date' : isoFromDay(day);
  }
  const record = readCase(row, table.map, table.timeZone);
  const templates = templateChoices(readTemplates(spreadsheet), record);
  // The case's next action (the engine's milestone) says which saved reply comes first.
  const next = nextStep(record, settings);
  const text = (name: ColumnName) => (table.map[name] === undefined ? '' : String(row[table.map[name] as number] ?? '').trim());
  return {
    caseId: found.caseId,
    stage: text('Stage'),
    templates,
    preselect: preselectChoice(templates, 'milestone' in next ? next.milestone : undefined),
    asked: preselectTemplate(templates, wanted),
    sentDates,
  };
}
