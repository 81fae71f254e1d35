// Drafting a saved reply for a case: find the case and the template, fill it
// with the core's rules (refusing with every reason), create one Gmail draft,
// log it. The Gmail call itself lives in src/mail/gmail-draft.ts.

import { caseLabel } from '../core/reminders';
import {
  describeRefusal,
  findTemplate,
  prepareDraft,
  type DraftCreated,
  type DraftPreview,
  type PreparedDraft,
  type Template,
} from '../core/templates';
import { readCase } from '../core/cases';
import { availability, notOpenProblem } from '../core/template-fit';
import { createGmailDraft } from '../mail/gmail-draft';
import { readCaseById, type FoundCase } from '../sheets/case-lookup';
import { today } from '../sheets/clock';
import { withDocumentLock } from '../sheets/lock';
import { appendLog } from '../sheets/log';
import { readSettings } from '../sheets/settings-sheet';
import { readTemplates } from '../sheets/templates-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Arguments from the dialog are untrusted: plain, short strings only. */
export function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`No ${what} was given.`);
  if (value.length > 500) throw new Error(`The ${what} is too long.`);
  return value.trim();
}

/** The template by name, or a clear error. */
function requireTemplate(templates: readonly Template[], name: string): Template {
  const found = findTemplate(templates, name);
  if ('problem' in found) throw new Error(`${found.problem}.`);
  return found;
}

interface Filled {
  found: FoundCase;
  template: Template;
  draft: PreparedDraft;
}

/** One read each of the cases sheet, Templates and Settings; refuses with every problem listed. */
function fill(spreadsheet: Spreadsheet, caseId: unknown, templateName: unknown): Filled {
  const id = requireText(caseId, 'case ID');
  const name = requireText(templateName, 'template name');
  const { settings, saved } = readSettings(spreadsheet);
  const found = readCaseById(spreadsheet, id, saved);
  const template = requireTemplate(readTemplates(spreadsheet), name);
  const { table, row } = found;
  // A saved reply whose step is not open for the case now is refused with the dialog's own reason.
  const fit = availability(template, readCase(row, table.map, table.timeZone));
  if (!fit.open) throw new Error(describeRefusal(caseLabel(found.caseId, found.rowNumber), template.name, [notOpenProblem(fit.reason)]));
  const prepared = prepareDraft(template, {
    header: table.header,
    map: table.map,
    row,
    timeZone: table.timeZone,
    today: today(spreadsheet).day,
    settings,
  });
  if (!prepared.ok) throw new Error(describeRefusal(caseLabel(found.caseId, found.rowNumber), template.name, prepared.problems));
  return { found, template, draft: prepared.draft };
}

/** The email exactly as createDraft would make it. Reads only. */
export function previewTemplateDraft(spreadsheet: Spreadsheet, caseId: unknown, templateName: unknown): DraftPreview {
  const { draft } = fill(spreadsheet, caseId, templateName);
  return { to: draft.to, subject: draft.subject, body: draft.body };
}

/**
 * Creates one Gmail draft to the party (no cc, no bcc) and logs it (case ID,
 * template, recipient role: never the address or the text). Under the document
 * lock, so the log line and the draft go together. Dates are not changed.
 */
export function createTemplateDraft(spreadsheet: Spreadsheet, caseId: unknown, templateName: unknown): DraftCreated {
  return withDocumentLock(() => {
    const { found, template, draft } = fill(spreadsheet, caseId, templateName);
    const draftId = createGmailDraft({ to: draft.to, subject: draft.subject, text: draft.body });
    appendLog(spreadsheet, [{ caseId: found.caseId, row: found.rowNumber, action: 'Draft created', detail: `${template.name} → ${draft.role}` }]);
    return { draftId, to: draft.to, subject: draft.subject };
  });
}
