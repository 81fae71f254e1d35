// The Templates sheet: the team's saved replies, and how one becomes an email
// for one case. Pure: the adapters pass the cases sheet's header and row, the
// spreadsheet's zone, today and the settings.
//
// A template is a row `Template | To | Subject | Body`. `To` is `Reporter` or
// `Reported party`. Subject and body hold `{{Column header}}` placeholders for
// any column of the cases sheet (a team's own columns too) and a few computed
// ones. Filling refuses rather than guesses: every missing value, unknown
// placeholder, bad address or missing permission is listed, and nothing
// half-filled is ever returned.

import { dayFromCell, formatDay, isDate, type Day } from './calendar';
import { CASE_COLUMNS, OUTCOMES, normalizeHeader, requestedActionRequired, type ColumnMap, type ColumnName, type Outcome } from './columns';
import { PROCESS, isTemplateStepId, type Process, type TemplateStepId } from './process';
import type { Settings } from './settings';
import { emailProblem } from './email';

export const TEMPLATE_HEADER = ['Template', 'To', 'Subject', 'Body'] as const;

const RECIPIENTS = ['Reporter', 'Reported party'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** The column holding each recipient's address. */
const RECIPIENT_EMAIL_COLUMN: Record<Recipient, ColumnName> = {
  Reporter: 'Reporter email',
  'Reported party': 'Reported party email',
};

export interface Template {
  name: string;
  to: string;
  subject: string;
  body: string;
  /** The step of the process this saved reply goes with (the Step column); absent for a team's own kind of message. */
  step?: TemplateStepId;
  /** For a response plan written for one outcome only (Step `responsePlan: Warning`), that outcome. */
  outcome?: Outcome;
}

// ---- What each saved reply is for: its Step ----------------------------------------

/** The optional column that says which step of the process a template goes with. */
export const STEP_HEADER = 'Step';

/** The Step cell's words: a saved reply's id, and for a response plan of one outcome, `responsePlan: <Outcome>`. */
export function stepText(template: Pick<Template, 'step' | 'outcome'>): string {
  if (!template.step) return '';
  return template.outcome ? `${template.step}: ${template.outcome}` : template.step;
}

/** Every value the Step column accepts (its sheet validation list). */
export function stepValues(process: Process = PROCESS): string[] {
  return process.declaration.templates.flatMap((t) =>
    t.id === 'responsePlan' ? [t.id, ...OUTCOMES.map((o) => stepText({ step: t.id, outcome: o }))] : [t.id],
  );
}

/** A Step cell read: the saved reply (and outcome) it names; null for an empty or unknown value. */
export function parseStep(text: unknown): Pick<Template, 'step' | 'outcome'> | null {
  const value = String(text ?? '').trim();
  if (value === '') return null;
  const [id, outcome] = value.split(/\s*:\s*/, 2);
  if (!isTemplateStepId(id)) return null;
  if (outcome === undefined) return { step: id };
  const known = OUTCOMES.find((o) => o === outcome);
  return id === 'responsePlan' && known ? { step: id, outcome: known } : null;
}

/** The date column "Mark as sent today" fills for a template: its step's milestone's date; null without a step. */
export function sentColumnOf(template: Pick<Template, 'step'>, process: Process = PROCESS): ColumnName | null {
  if (!template.step) return null;
  return process.milestone(process.templateStep(template.step).milestone).columns[0];
}

/** Every date column a saved reply fills, in the process's order. */
export function sentColumns(process: Process = PROCESS): ColumnName[] {
  return [...new Set(process.declaration.templates.map((t) => sentColumnOf({ step: t.id }, process) as ColumnName))];
}

export function recipientOf(to: string): Recipient | null {
  return RECIPIENTS.find((r) => normalizeHeader(r) === normalizeHeader(to)) ?? null;
}

/** Stages at which the reported party has been told of the decision, so the response plan may go to them. */
const DECISION_STAGES: readonly string[] = ['Decision', 'Closed'];

/**
 * The reported party hears from us only with the reporter's permission. The
 * exceptions are the response plan and an appeal's result (by their Step), and
 * only once the case is decided (stage Decision or Closed with an Outcome).
 */
export function needsPermission(template: Pick<Template, 'to' | 'step'>, c: { stage: string; outcome: string }): boolean {
  if (recipientOf(template.to) !== 'Reported party') return false;
  const decided = DECISION_STAGES.includes(c.stage.trim()) && c.outcome.trim() !== '';
  return !((template.step === 'responsePlan' || template.step === 'appealResultReported') && decided);
}

/** A template as the draft dialog lists it for one case (see template-fit.ts). */
export interface TemplateChoice {
  name: string;
  /** The recipient's role as the template says it ('Reporter' / 'Reported party', or what was typed). */
  to: string;
  /** Its Step (null for a team's own kind of message). */
  step: TemplateStepId | null;
  /** Open for the case now: it may be drafted. */
  fits: boolean;
  /** Why it is not open now, in a few words; null when it is. */
  reason: string | null;
  /** The date column "Mark as sent today" fills; null when the template has none. */
  sentColumn: ColumnName | null;
}

// ---- Reading the sheet -----------------------------------------------------------

/**
 * The Templates sheet's rows (header first) as templates. Columns are found by
 * header, so a team may reorder them; rows without a name are skipped. The Step
 * column is optional; an empty Step on a row an earlier version seeded (one of
 * `seeded`, by its exact default name and text) is that default's step.
 */
export function parseTemplates(
  values: readonly (readonly unknown[])[],
  seeded: readonly Template[] = [],
): { templates: Template[]; problems: string[] } {
  const header = (values[0] ?? []).map(normalizeHeader);
  const index = TEMPLATE_HEADER.map((h) => header.indexOf(normalizeHeader(h)));
  const missing = TEMPLATE_HEADER.filter((_, i) => index[i] < 0);
  if (missing.length) return { templates: [], problems: [`The Templates sheet has no ${missing.join(', ')} column`] };
  const stepIndex = header.indexOf(normalizeHeader(STEP_HEADER));
  const text = (row: readonly unknown[], i: number) => String(row[index[i]] ?? '');
  const templates = values
    .slice(1)
    .map((row) => {
      const t: Template = { name: text(row, 0).trim(), to: text(row, 1).trim(), subject: text(row, 2), body: text(row, 3) };
      const cell = stepIndex >= 0 ? String(row[stepIndex] ?? '').trim() : '';
      const step = cell === '' ? seededStep(t, seeded) : parseStep(cell);
      return step ? { ...t, ...step } : t;
    })
    .filter((t) => t.name !== '');
  return { templates, problems: [] };
}

/** A template by name (compared like headers). Two templates with the same name are refused, not guessed. */
export function findTemplate(templates: readonly Template[], name: string): Template | { problem: string } {
  const matches = templates.filter((t) => normalizeHeader(t.name) === normalizeHeader(name));
  if (matches.length === 0) return { problem: `There is no template named "${name}" in the Templates sheet` };
  if (matches.length > 1) return { problem: `${matches.length} templates are named "${name}": rename one in the Templates sheet` };
  return matches[0];
}

/**
 * The step of a row an earlier version seeded and the team left as it was: the
 * exact default name, recipient, subject and body. Any edit makes it the team's own.
 */
export function seededStep(t: Template, seededRows: readonly Template[]): Pick<Template, 'step' | 'outcome'> | null {
  const same = (a: string, b: string) => a.replace(/\r\n?/g, '\n') === b;
  const seeded = seededRows.find(
    (d) => d.name === t.name && d.to === t.to && same(t.subject, d.subject) && same(t.body, d.body),
  );
  return seeded?.step ? { step: seeded.step, ...(seeded.outcome ? { outcome: seeded.outcome } : {}) } : null;
}

// ---- Placeholders ----------------------------------------------------------------

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The placeholder names in a text, in order of appearance (repeats kept). */
export function placeholdersIn(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => m[1].trim());
}

/** What the filling needs from the case and the team. */
export interface DraftContext {
  /** The cases sheet's header row, as read. */
  header: readonly unknown[];
  map: ColumnMap;
  /** The case's row, as read. */
  row: readonly unknown[];
  timeZone: string;
  today: Day;
  settings: Pick<Settings, 'emailDateFormat' | 'confidentialityNotice'>;
}

/** A placeholder's text, or why it has none (`empty`: the cell is blank, so a fallback may stand in). */
type Lookup = { value: string } | { problem: string; empty?: true };

/** The column index a placeholder names: the sheet's own header text first, then a canonical column it maps to. */
function columnIndex(ctx: DraftContext, name: string): number | undefined {
  const wanted = normalizeHeader(name);
  const own = ctx.header.findIndex((h) => normalizeHeader(h) === wanted);
  if (own >= 0) return own;
  const canonical = CASE_COLUMNS.find((c) => normalizeHeader(c.name) === wanted);
  return canonical ? ctx.map[canonical.name] : undefined;
}

function isDateColumn(ctx: DraftContext, index: number): boolean {
  return CASE_COLUMNS.some((c) => c.kind === 'date' && ctx.map[c.name] === index);
}

/** A cell as email text: dates in the Settings format in the spreadsheet's zone, text trimmed. */
function cellValue(ctx: DraftContext, index: number, label: string): Lookup {
  const value = ctx.row[index];
  if (isDate(value) || (isDateColumn(ctx, index) && typeof value === 'string' && value.trim() !== '')) {
    const day = dayFromCell(value, ctx.timeZone);
    if (day === 'invalid' || day === null) return { problem: `{{${label}}}: the ${headerText(ctx, index)} cell is not a date` };
    return { value: formatDay(day, ctx.settings.emailDateFormat) };
  }
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '') return { problem: `{{${label}}}: the ${headerText(ctx, index)} cell is empty on this row`, empty: true };
  return { value: text };
}

function headerText(ctx: DraftContext, index: number): string {
  return String(ctx.header[index] ?? '').trim() || `column ${index + 1}`;
}

/**
 * `{{Column|fallback}}` reads the column and, only when its cell is empty, prints the
 * fallback instead (e.g. `Hello {{Reporter name|there}},` for a report given by email
 * alone). A placeholder naming no column is still refused.
 */
function lookup(ctx: DraftContext, placeholder: string): Lookup {
  const bar = placeholder.indexOf('|');
  if (bar < 0) return lookupValue(ctx, placeholder);
  const label = placeholder.slice(0, bar).trim();
  const fallback = placeholder.slice(bar + 1).trim();
  const found = lookupValue(ctx, label);
  return 'empty' in found ? { value: fallback } : found;
}

function lookupValue(ctx: DraftContext, label: string): Lookup {
  const wanted = normalizeHeader(label);
  if (wanted === '') return { problem: `{{${label}}} is an empty placeholder` };
  if (wanted === normalizeHeader('Today')) return { value: formatDay(ctx.today, ctx.settings.emailDateFormat) };
  if (wanted === normalizeHeader('Confidentiality notice')) {
    const notice = ctx.settings.confidentialityNotice.trim();
    return notice ? { value: notice } : { problem: '{{Confidentiality notice}}: the Confidentiality notice setting is empty' };
  }
  if (wanted === normalizeHeader('Outcome lowercase')) {
    const index = ctx.map.Outcome;
    if (index === undefined) return { problem: `{{${label}}}: the cases sheet has no Outcome column` };
    const outcome = cellValue(ctx, index, label);
    return 'value' in outcome ? { value: outcome.value.toLowerCase() } : outcome;
  }
  const index = columnIndex(ctx, label);
  if (index === undefined) return { problem: `{{${label}}} does not name a column of the cases sheet` };
  return cellValue(ctx, index, label);
}

/**
 * Fills every placeholder of a text. Problems are collected, never thrown, so one
 * refusal lists all of them; braces left unpaired are a problem too.
 */
export function fillPlaceholders(text: string, ctx: DraftContext, where: string): { text: string; problems: string[] } {
  const problems: string[] = [];
  const filled = text.replace(PLACEHOLDER, (_, inner: string) => {
    const found = lookup(ctx, inner.trim());
    if ('problem' in found) {
      problems.push(found.problem);
      return '';
    }
    return found.value;
  });
  // `{{{Reporter name}}}` holds a placeholder, but would print with stray braces.
  if (Array.from(text.matchAll(PLACEHOLDER)).some((m) => text[m.index - 1] === '{' || text[m.index + m[0].length] === '}'))
    problems.push(`The ${where} has a brace next to a placeholder ("{{{" or "}}}"): write {{Column name}}`);
  const leftover = text.replace(PLACEHOLDER, '');
  if (/\{\{|\}\}/.test(leftover)) problems.push(`The ${where} has "{{" or "}}" that does not close a placeholder`);
  return { text: filled, problems };
}

// ---- A draft for one case --------------------------------------------------------

export interface PreparedDraft {
  role: Recipient;
  to: string;
  subject: string;
  body: string;
}

export type Prepared = { ok: true; draft: PreparedDraft } | { ok: false; problems: string[] };

/**
 * The email a template makes for a case, or every reason it cannot be made:
 * the recipient role, the address, the reporter's permission, each placeholder.
 */
export function prepareDraft(template: Template, ctx: DraftContext): Prepared {
  const problems: string[] = [];
  const role = recipientOf(template.to);
  let to = '';
  if (!role) {
    problems.push(`The template's To is "${template.to}": it must be ${RECIPIENTS.join(' or ')}`);
  } else {
    const column = RECIPIENT_EMAIL_COLUMN[role];
    const index = ctx.map[column];
    to = index === undefined ? '' : String(ctx.row[index] ?? '').trim();
    if (index === undefined) problems.push(`The cases sheet has no ${column} column`);
    else if (to === '') problems.push(`${column} is empty on this row`);
    else if (emailProblem(to)) problems.push(`${column} ${emailProblem(to)}`);
  }
  const cell = (name: ColumnName) => (ctx.map[name] === undefined ? '' : String(ctx.row[ctx.map[name] as number] ?? '').trim());
  if (needsPermission(template, { stage: cell('Stage'), outcome: cell('Outcome') })) {
    const permission = cell('Permission to notify reported party');
    if (permission !== 'Yes')
      problems.push(
        `The reporter has not given permission to contact the reported party (permission is ${permission === '' ? 'empty' : `"${permission}"`}); ` +
          'only the response plan, once the case is decided, may go to them without it',
      );
  }
  // The plan and the notice say what the reported party is asked to do, for every level but no action.
  if ((template.step === 'responsePlan' || template.step === 'outcomeNotice') && requestedActionRequired(cell('Outcome')) && cell('Requested action') === '')
    problems.push(`Requested action is empty on this row: the response plan must say what the reported party is asked to do (every outcome but No action)`);
  const planOutcome = template.outcome ?? null;
  if (planOutcome !== null) {
    const index = ctx.map.Outcome;
    const outcome = index === undefined ? '' : String(ctx.row[index] ?? '').trim();
    if (outcome === '') problems.push(`This response plan is for the outcome ${planOutcome}, but Outcome is empty on this row`);
    else if (normalizeHeader(outcome) !== normalizeHeader(planOutcome))
      problems.push(`This response plan is for the outcome ${planOutcome}, but the case's Outcome is ${outcome}`);
  }
  const subject = fillPlaceholders(template.subject, ctx, 'subject');
  const body = fillPlaceholders(template.body, ctx, 'body');
  for (const problem of [...subject.problems, ...body.problems]) if (!problems.includes(problem)) problems.push(problem);
  const cleanSubject = subject.text.replace(/\s+/g, ' ').trim();
  // An optional paragraph left empty (`{{Behaviour description|}}`) leaves no gap.
  const cleanBody = body.text
    .replace(/\r\n|\r/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\s+$/g, '');
  if (template.subject.trim() === '') problems.push('The template has no subject');
  if (template.body.trim() === '') problems.push('The template has no body');
  if (problems.length) return { ok: false, problems };
  return { ok: true, draft: { role: role as Recipient, to, subject: cleanSubject, body: cleanBody } };
}

/** One message for a refusal: what was refused, then each problem on its own line. */
export function describeRefusal(caseId: string, templateName: string, problems: readonly string[]): string {
  return [`No draft was created for case ${caseId} with "${templateName}":`, ...problems.map((p) => `• ${p}`)].join('\n');
}

// ---- Values that cross to the dialog (JSON-safe) ----------------------------------

export interface DraftPreview {
  to: string;
  subject: string;
  body: string;
}

export interface DraftCreated {
  draftId: string;
  to: string;
  subject: string;
}

export interface DraftDialogData {
  caseId: string;
  stage: string;
  /** Open ones first; each other one says why not. */
  templates: TemplateChoice[];
  /** The template to open on: the saved reply of the case's next action, else the first open one. */
  preselect: string | null;
  /** The template the panel's Draft … button asked for (by name or saved reply), when there is one. */
  asked: string | null;
  /** Each sent-date column's current value on the row as yyyy-mm-dd ('' when empty). */
  sentDates: Partial<Record<ColumnName, string>>;
}

export interface MarkedSent {
  column: ColumnName;
  /** yyyy-mm-dd */
  date: string;
  /** The date it replaced (yyyy-mm-dd), when a regular update moved forward. */
  previous: string | null;
  changed: boolean;
  message: string;
}
