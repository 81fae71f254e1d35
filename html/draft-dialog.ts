// The Draft email dialog. Its data comes from the server through
// google.script.run (draftDialogData, previewDraft, createDraft,
// markTemplateSent); every value is shown with textContent, so markup typed
// into any cell stays text. The page carries, as JSON in the draft-dialog-start
// slot, the case it was opened for (never the row selected later) and the
// template to preselect (from the case panel).

import type { DraftDialogData, TemplateChoice } from '../src/core/templates';
import type { DraftDialogStart } from '../src/ui/draft-dialog';
import { byId, clearMessage, readPageData, setText, showMessage } from './client/dom';
import { callServer, closeHost, messageOf } from './client/gas';

const caseLine = byId('case-line');
const message = byId('message');
const select = byId<HTMLSelectElement>('template');
const preview = byId('preview');
const previewTo = byId('preview-to');
const previewSubject = byId('preview-subject');
const previewBody = byId('preview-body');
const createButton = byId<HTMLButtonElement>('create');
const markButton = byId<HTMLButtonElement>('mark-sent');
const closeButton = byId<HTMLButtonElement>('close');
const sentHint = byId('sent-hint');

let data: DraftDialogData | null = null;
/** The preview shown is valid for this template (null while loading or refused). */
let previewed: string | null = null;
/** Ignores answers to previews the member has since moved away from. */
let previewSeq = 0;
let busy = false;

const lines = (error: unknown) => messageOf(error).split('\n').filter((l) => l.trim() !== '');

function chosen(): TemplateChoice | null {
  return data?.templates.find((t) => t.name === select.value) ?? null;
}

function updateButtons(): void {
  const choice = chosen();
  select.disabled = busy || !data || data.templates.length === 0;
  createButton.disabled = busy || !choice || previewed !== choice.name;
  markButton.disabled = busy || !choice?.sentColumn;
  if (!choice) setText(sentHint, '');
  else if (!choice.sentColumn)
    setText(sentHint, `“${choice.name}” has no date column in the tracker: after sending, enter any date yourself.`);
  else {
    const current = data?.sentDates[choice.sentColumn];
    const now = current === undefined ? 'no such column on the sheet' : current === '' ? 'now empty' : `now ${current}`;
    setText(sentHint, `After you send it from Gmail, Mark as sent today fills ${choice.sentColumn} (${now}).`);
  }
}

function clearPreview(placeholder: string): void {
  setText(previewTo, '');
  setText(previewSubject, '');
  setText(previewBody, placeholder);
  previewBody.classList.add('empty');
}

/** The open templates to choose from; every other one listed, disabled, with its reason. */
function fillTemplates(templates: readonly TemplateChoice[]): void {
  select.replaceChildren();
  const group = (label: string, items: readonly TemplateChoice[]) => {
    if (items.length === 0) return;
    const optgroup = document.createElement('optgroup');
    optgroup.label = label;
    for (const t of items) {
      const option = new Option(t.fits ? `${t.name} — to ${t.to}` : `${t.name} — ${t.reason ?? 'not now'}`, t.name);
      option.disabled = !t.fits;
      if (t.reason) option.dataset.reason = t.reason;
      optgroup.append(option);
    }
    select.append(optgroup);
  };
  group('For this case now', templates.filter((t) => t.fits));
  group('Not now', templates.filter((t) => !t.fits));
}

async function showPreview(): Promise<void> {
  const choice = chosen();
  previewed = null;
  updateButtons();
  if (!data || !choice) return;
  const seq = ++previewSeq;
  clearMessage(message);
  clearPreview('Filling the template…');
  preview.setAttribute('aria-busy', 'true');
  try {
    const result = await callServer('previewDraft', data.caseId, choice.name);
    if (seq !== previewSeq) return;
    setText(previewTo, result.to);
    setText(previewSubject, result.subject);
    setText(previewBody, result.body);
    previewBody.classList.remove('empty');
    previewed = choice.name;
  } catch (error) {
    if (seq !== previewSeq) return;
    clearPreview('No preview: this template cannot be drafted for this case yet.');
    showMessage(message, 'error', lines(error));
  } finally {
    if (seq === previewSeq) preview.removeAttribute('aria-busy');
    updateButtons();
  }
}

async function withBusy(button: HTMLButtonElement, label: string, work: () => Promise<void>): Promise<void> {
  if (busy) return;
  busy = true;
  const original = button.textContent ?? '';
  button.textContent = label;
  updateButtons();
  try {
    await work();
  } finally {
    busy = false;
    button.textContent = original;
    updateButtons();
  }
}

function onCreate(): Promise<void> {
  return withBusy(createButton, 'Creating…', async () => {
    const choice = chosen();
    if (!data || !choice) return;
    clearMessage(message);
    try {
      const result = await callServer('createDraft', data.caseId, choice.name);
      showMessage(message, 'ok', [
        'Draft created in your Gmail Drafts folder.',
        `To ${result.to}: “${result.subject}”`,
        choice.sentColumn
          ? 'Review and send it from Gmail, then come back and press Mark as sent today.'
          : 'Review and send it from Gmail.',
      ]);
    } catch (error) {
      showMessage(message, 'error', lines(error));
    }
  });
}

function showCaseLine(shown: DraftDialogData): void {
  setText(caseLine, `Case ${shown.caseId}${shown.stage ? ` · Stage: ${shown.stage}` : ''}`);
}

/**
 * After a Mark as sent the case has moved on: which templates fit, and why the others
 * do not, are read again (the one just sent may no longer fit: no second draft of it).
 */
async function reloadTemplates(keep: string): Promise<void> {
  if (!data) return;
  try {
    data = await callServer('draftDialogData', data.caseId);
  } catch {
    return; // the list read at opening stays; the message above says what was saved
  }
  showCaseLine(data);
  fillTemplates(data.templates);
  select.value = keep;
  if (!chosen()?.fits) previewed = null;
}

function onMarkSent(): Promise<void> {
  return withBusy(markButton, 'Saving…', async () => {
    const choice = chosen();
    if (!data || !choice) return;
    clearMessage(message);
    try {
      const result = await callServer('markTemplateSent', data.caseId, choice.name);
      data.sentDates[result.column] = result.date;
      showMessage(message, 'ok', [result.message, result.changed ? 'The case’s next action and deadline were recomputed.' : 'Nothing was changed.']);
      if (result.changed) await reloadTemplates(choice.name);
    } catch (error) {
      showMessage(message, 'error', lines(error));
    }
  });
}

const startData = readPageData<DraftDialogStart>('draft-dialog-start');

async function start(): Promise<void> {
  clearPreview('');
  try {
    if (!startData?.caseId) throw new Error('This dialog was opened without a case: close it and choose Draft email… again.');
    data = await callServer('draftDialogData', startData.caseId, startData.template ?? undefined);
  } catch (error) {
    setText(caseLine, 'No case to draft for.');
    showMessage(message, 'error', lines(error));
    updateButtons();
    return;
  }
  showCaseLine(data);
  if (data.templates.length === 0) {
    showMessage(message, 'info', ['The Templates sheet has no templates yet.', 'Run IRT Tracker → Set up tracker to add the default ones.']);
    updateButtons();
    return;
  }
  fillTemplates(data.templates);
  // The panel's step asks for its saved reply; otherwise (or when that one is not open) the case's next action's.
  const wanted = startData?.template ?? null;
  const asked = data.asked;
  const open = (name: string | null) => (data?.templates.some((t) => t.fits && t.name === name) ? name : null);
  const preselected = open(asked) ?? open(data.preselect);
  if (preselected === null) {
    select.value = '';
    clearPreview('None of the templates can be drafted for this case now: each says why in the list.');
    updateButtons();
  } else {
    select.value = preselected;
    await showPreview();
  }
  if (typeof wanted === 'string' && asked === null)
    setText(byId('template-hint'), `The Templates sheet has no template “${wanted}”: choose one from the list.`);
  else if (asked !== null && open(asked) === null)
    setText(byId('template-hint'), `“${asked}” is not for this case now (${data.templates.find((t) => t.name === asked)?.reason}).`);
  select.focus();
}

select.addEventListener('change', () => void showPreview());
createButton.addEventListener('click', () => void onCreate());
markButton.addEventListener('click', () => void onMarkSent());
closeButton.addEventListener('click', () => closeHost());

void start();
