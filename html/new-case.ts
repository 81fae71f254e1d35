// The New case sidebar: checks the form with the same rules as the server
// (src/core/validation.ts), sends it with google.script.run, and shows the result.
// Everything shown is set with textContent.

import { dayFromIso, formatDay, isoFromDay, type Day } from '../src/core/calendar';
import { FIRST_RECEIPT_ISO, NEW_CASE_FIELDS, validateNewCase, type NewCaseForm } from '../src/core/validation';
import { byId, clearFieldErrors, clearMessage, readForm, readPageData, setBusy, showFieldErrors, showMessage } from './client/dom';
import { callServer } from './client/gas';

interface Defaults {
  today: string;
  timeZone: string;
}

const form = byId<HTMLFormElement>('new-case');
const received = byId<HTMLInputElement>('received');
const submit = byId<HTMLButtonElement>('submit');
const message = byId('message');
const fields = NEW_CASE_FIELDS as readonly string[];

let defaults = readPageData<Defaults>('new-case-defaults');

/** Today in the spreadsheet's zone as the server said; the browser's own date only as a last resort. */
function todayDay(): Day {
  const fromServer = defaults ? dayFromIso(defaults.today) : null;
  if (fromServer !== null) return fromServer;
  const now = new Date();
  return dayFromIso(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`) as Day;
}

function resetForm(): void {
  form.reset();
  clearFieldErrors(form, fields);
  received.value = isoFromDay(todayDay());
  received.max = isoFromDay(todayDay());
  received.min = FIRST_RECEIPT_ISO;
}

function formatIso(iso: string): string {
  const day = dayFromIso(iso);
  return day === null ? iso : formatDay(day, 'EEEE d MMMM yyyy');
}

async function onSubmit(event: Event): Promise<void> {
  event.preventDefault();
  if (form.getAttribute('aria-busy') === 'true') return;
  clearMessage(message);
  const values = readForm(form, NEW_CASE_FIELDS) as NewCaseForm;
  const checked = validateNewCase(values, todayDay());
  if (!checked.ok) {
    const first = showFieldErrors(form, fields, checked.errors);
    const count = Object.keys(checked.errors).length;
    showMessage(message, 'error', [`Please correct ${count === 1 ? 'the field' : `${count} fields`} marked below.`]);
    first?.focus();
    return;
  }
  clearFieldErrors(form, fields);
  setBusy(form, true, submit, 'Adding…');
  try {
    const result = await callServer('submitNewCase', values);
    setBusy(form, false, submit);
    resetForm();
    const due = dayFromIso(result.replyDue);
    const late = due !== null && due < todayDay() ? ' (already overdue)' : '';
    showMessage(message, 'ok', [
      `Case ${result.caseId} added (row ${result.row}).`,
      `Reply to the reporter by ${formatIso(result.replyDue)}${late}.`,
      ...(result.earlierCases
        ? [
            `${result.earlierCases.length} earlier case${result.earlierCases.length === 1 ? ' involves' : 's involve'} this reported party: ${result.earlierCases.join(', ')}. Their Expunge after dates were cleared; they are set again when this case closes.`,
          ]
        : []),
      ...(result.warning ? [result.warning] : []),
    ]);
    received.focus();
  } catch (error) {
    setBusy(form, false, submit);
    // The server refused or failed: keep everything typed, say why.
    showMessage(message, 'error', ['The case was not added.', (error as Error).message]);
    submit.focus();
  }
}

/** Clears a field's error as soon as it is corrected (errors otherwise stay until the next submit). */
function onInput(event: Event): void {
  const target = event.target as HTMLInputElement;
  if (!target.name || target.getAttribute('aria-invalid') !== 'true') return;
  const checked = validateNewCase(readForm(form, NEW_CASE_FIELDS), todayDay());
  const errors = checked.ok ? {} : checked.errors;
  const related = target.name === 'reporterName' || target.name === 'reporterEmail' ? ['reporterName', 'reporterEmail'] : [target.name];
  for (const name of related) {
    if (!errors[name as keyof typeof errors]) showFieldErrors(form, [name], {});
  }
}

async function loadDefaults(): Promise<void> {
  if (defaults) return;
  try {
    defaults = await callServer('getNewCaseDefaults');
    resetForm();
  } catch {
    // Keep the browser's date; the server checks again anyway.
  }
}

form.addEventListener('submit', (event) => void onSubmit(event));
form.addEventListener('input', onInput);
form.addEventListener('change', onInput);
resetForm();
void loadDefaults();
