// One set of rules for what a cell or a form field may hold: the sheet's data
// validation, the sidebar's field checks and the server's re-check all use these.

import { dayFromIso, isoFromDay, type Day } from './calendar';
import { emailProblem } from './email';
import { conflictsProblem } from './people';
import { CASE_COLUMNS, PERMISSIONS, type ColumnName, type ColumnSpec, type Permission } from './columns';

export function isUrl(text: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(text.trim());
}

/** Google Sheets refuses more than 50,000 characters in a cell, counting what is written. */
const SHEETS_CELL_LIMIT = 50_000;
/** The longest text a member may enter: every text is written after an apostrophe (inertText), which counts. */
export const MAX_CELL_TEXT = SHEETS_CELL_LIMIT - 1;

/** Sheet data-validation formula for the Sub-team column: blank, or three comma-separated emails (printable ASCII, as emailProblem). */
export function subTeamValidationFormula(cellA1: string): string {
  const part = '[\\x21-\\x2B\\x2D-\\x3F\\x41-\\x7E]+'; // printable ASCII but , and @
  const email = `${part}@${part}\\.${part}`;
  return `=OR(ISBLANK(${cellA1}), REGEXMATCH(${cellA1}, "^\\s*${email}\\s*,\\s*${email}\\s*,\\s*${email}\\s*$"))`;
}

/** Sheet data-validation formula for a time-zone column: blank, or shaped like Area/Location (or UTC). */
function timeZoneValidationFormula(cellA1: string): string {
  return `=OR(ISBLANK(${cellA1}), REGEXMATCH(${cellA1}, "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$"))`;
}

/** What the sheet enforces on a column, in the add-on's own terms (the adapter turns it into a rule). */
export type SheetRule =
  | { type: 'list'; values: readonly string[]; help: string }
  | { type: 'date'; help: string }
  | { type: 'email'; help: string }
  | { type: 'url'; help: string }
  | { type: 'formula'; formula: (cellA1: string) => string; help: string };

function sheetRuleFor(column: ColumnSpec): SheetRule | null {
  switch (column.kind) {
    case 'list':
      return { type: 'list', values: column.list ?? [], help: `${column.name}: one of ${(column.list ?? []).join(', ')}` };
    case 'date':
      return { type: 'date', help: `${column.name}: a date` };
    case 'email':
      return { type: 'email', help: `${column.name}: an email address` };
    case 'url':
      return { type: 'url', help: `${column.name}: a link starting with https://` };
    case 'emails':
      return { type: 'formula', formula: subTeamValidationFormula, help: 'Sub-team: three member emails separated by commas' };
    case 'timezone':
      return { type: 'formula', formula: timeZoneValidationFormula, help: `${column.name}: an IANA time zone such as Europe/Berlin, or empty` };
    default:
      return null;
  }
}

export const SHEET_RULES: readonly { column: ColumnName; rule: SheetRule }[] = CASE_COLUMNS.flatMap((column) => {
  const rule = sheetRuleFor(column);
  return rule ? [{ column: column.name, rule }] : [];
});

// ---- The new-case form --------------------------------------------------------

/** What the sidebar sends: plain strings only, dates as yyyy-mm-dd. */
export interface NewCaseForm {
  received: string;
  reporterName: string;
  reporterEmail: string;
  reportedName: string;
  reportedEmail: string;
  permission: string;
  where: string;
  helpDeskLink: string;
  summary: string;
  /** Members with a connection to the case (names or emails), never suggested for its sub-team. Optional. */
  conflicts: string;
}

export const NEW_CASE_FIELDS: readonly (keyof NewCaseForm)[] = [
  'received',
  'reporterName',
  'reporterEmail',
  'reportedName',
  'reportedEmail',
  'permission',
  'where',
  'helpDeskLink',
  'summary',
  'conflicts',
];

/** The sheet column each form field fills. */
export const NEW_CASE_COLUMN: Record<keyof NewCaseForm, ColumnName> = {
  received: 'Received',
  reporterName: 'Reporter name',
  reporterEmail: 'Reporter email',
  reportedName: 'Reported party name',
  reportedEmail: 'Reported party email',
  permission: 'Permission to notify reported party',
  where: 'Where',
  helpDeskLink: 'Help desk link',
  summary: 'Summary',
  conflicts: 'Conflicts',
};

/** The earliest plausible receipt date: an earlier one is a typo (and would make no case ID). */
export const FIRST_RECEIPT_ISO = '2000-01-01';
const FIRST_RECEIPT_DAY = dayFromIso(FIRST_RECEIPT_ISO) as Day;

export type FieldErrors = Partial<Record<keyof NewCaseForm, string>>;

export interface CleanNewCase extends NewCaseForm {
  receivedDay: Day;
  permission: Permission;
}

/**
 * Checks a new case. `today` (in the spreadsheet's zone) rejects a receipt date in the
 * future. Returns the trimmed case, or an error message per invalid field.
 */
export function validateNewCase(
  input: unknown,
  today: Day,
): { ok: true; value: CleanNewCase } | { ok: false; errors: FieldErrors } {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const form = {} as NewCaseForm;
  const errors: FieldErrors = {};
  for (const field of NEW_CASE_FIELDS) {
    const value = raw[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      errors[field] = `${NEW_CASE_COLUMN[field]} must be text`;
      form[field] = '';
    } else {
      form[field] = (value ?? '').trim();
    }
    if (form[field].length > MAX_CELL_TEXT) errors[field] = `${NEW_CASE_COLUMN[field]} is longer than ${MAX_CELL_TEXT} characters`;
  }

  const receivedDay = dayFromIso(form.received);
  if (errors.received) {
    // already "must be text" or too long: keep that message
  } else if (form.received === '') errors.received = 'Received is required';
  else if (receivedDay === null) errors.received = 'Received must be a real date (yyyy-mm-dd)';
  else if (receivedDay < FIRST_RECEIPT_DAY) errors.received = `Received cannot be before ${FIRST_RECEIPT_ISO}`;
  else if (receivedDay > today) errors.received = `Received cannot be after today (${isoFromDay(today)})`;

  if (form.reporterName === '' && form.reporterEmail === '' && !errors.reporterName)
    errors.reporterName = 'Give the reporter’s name or email (a report is never anonymous to the team)';
  for (const field of ['reporterEmail', 'reportedEmail'] as const) {
    const problem = form[field] === '' || errors[field] ? null : emailProblem(form[field]);
    if (problem) errors[field] = `${NEW_CASE_COLUMN[field]} ${problem}`;
  }
  if (form.permission === '') form.permission = 'Not asked';
  if (!(PERMISSIONS as readonly string[]).includes(form.permission))
    errors.permission = `Permission must be one of ${PERMISSIONS.join(', ')}`;
  if (form.helpDeskLink !== '' && !errors.helpDeskLink && !isUrl(form.helpDeskLink))
    errors.helpDeskLink = 'Help desk link must start with https:// or http://';
  if (form.summary === '' && !errors.summary) errors.summary = 'Summary is required';
  const conflicts = form.conflicts === '' || errors.conflicts ? null : conflictsProblem(form.conflicts);
  if (conflicts) errors.conflicts = conflicts;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...form, receivedDay: receivedDay as Day, permission: form.permission as Permission } };
}

/** One message naming every invalid field, for the server's Error. */
export function describeErrors(errors: FieldErrors): string {
  return NEW_CASE_FIELDS.filter((f) => errors[f]).map((f) => errors[f]).join('; ');
}

/**
 * Sheets turns typed text starting with = + - @ into a formula, and parses numbers and
 * dates. A leading apostrophe makes the cell plain text (Sheets does not store it).
 */
export function inertText(text: string): string {
  return text === '' ? '' : `'${text}`;
}
