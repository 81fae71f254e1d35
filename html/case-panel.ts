// The Case panel sidebar: one case, its next action, its timeline, and the steps
// its stage allows. Each step is recorded by the server (recordCaseStep) against
// the version of the row this panel shows; every value is shown with textContent.

import { dayFromIso, formatDay } from '../src/core/calendar';
import type { FieldView, StepView } from '../src/core/case-steps';
import type { TimelineItem } from '../src/core/case-timeline';
import { byId, clearMessage, readPageData, setText, show, showMessage } from './client/dom';
import { callServer, messageOf, type ServerResult } from './client/gas';

type Panel = ServerResult<'getCasePanel'>;
type Advice = ServerResult<'suggestSubTeam'>;
interface Start {
  panel: Panel | null;
  error: string | null;
}

const message = byId('message');
const refreshButton = byId<HTMLButtonElement>('refresh');
const caseSection = byId('case');
const caseIdHeading = byId('case-id');
const stageBadge = byId('stage');
const nextAction = byId('next-action');
const nextDue = byId('next-due');
const nextStatus = byId('next-status');
const problemsList = byId('problems');
const noticesList = byId('notices');
const teamLine = byId('team');
const teamProblems = byId('team-problems');
const stepsBox = byId('steps');
const noSteps = byId('no-steps');
const timelineList = byId('timeline');

let panel: Panel | null = null;
let openStep: string | null = null;
let busy = false;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, text?: string) => {
  const element = document.createElement(tag);
  Object.assign(element, props);
  if (text !== undefined) element.textContent = text;
  return element;
};

function formatIso(iso: string | null): string {
  if (!iso) return '';
  const day = dayFromIso(iso);
  return day === null ? iso : formatDay(day, 'EEE d MMM yyyy');
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const statusClass = (status: string) => `status status-${status.toLowerCase().replace(/[^a-z]+/g, '-')}`;
const lines = (error: unknown) => messageOf(error).split('\n').filter((l) => l.trim() !== '');

function setBusy(on: boolean): void {
  busy = on;
  refreshButton.disabled = on;
  for (const control of Array.from(stepsBox.querySelectorAll('button, input, select, textarea'))) {
    (control as HTMLButtonElement).disabled = on;
  }
  document.body.setAttribute('aria-busy', String(on));
}

// ---- Rendering --------------------------------------------------------------------

function render(next: Panel): void {
  panel = next;
  typed = false;
  show(caseSection, true);
  setText(caseIdHeading, next.caseId);
  setText(stageBadge, next.stage || 'No stage');
  setText(nextAction, next.next.action || (next.next.status === 'Closed' ? 'Nothing: the case is closed' : ''));
  setText(nextDue, next.next.due ? `Due ${formatIso(next.next.due)}` : '');
  setText(nextStatus, next.next.status);
  nextStatus.className = statusClass(next.next.status);

  problemsList.replaceChildren(...next.problems.map((p) => el('li', {}, p)));
  show(problemsList, next.problems.length > 0);
  // A member unavailable, a target date passed, a notification waiting for the permission.
  noticesList.replaceChildren(...next.notices.map((n) => el('li', {}, n)));
  show(noticesList, next.notices.length > 0);
  const members = next.subTeamMembers.map((m) => (m.name && m.name !== m.email ? `${m.name} (${m.email})` : `${m.email}${m.name ? '' : ' (not on the Roster)'}`));
  const target = next.targetDecisionDate ? ` · target decision date ${formatIso(next.targetDecisionDate)}` : '';
  setText(teamLine, members.length ? `Sub-team: ${members.join(', ')}${target}` : '');
  // A member who must not sit on this case (a Conflicts entry recorded since, or a party): say so, next to the team.
  const conflicted = next.subTeamMembers.filter((m) => m.conflict);
  teamProblems.replaceChildren(
    ...conflicted.map((m) => el('li', {}, `${m.name || m.email} is ${m.conflict}: replace them (Replace a sub-team member).`)),
  );
  show(teamProblems, conflicted.length > 0);
  show(teamLine, next.subTeam.length > 0);

  if (!next.steps.some((s) => s.id === openStep)) openStep = null;
  stepsBox.replaceChildren(...next.steps.map((s) => renderStep(s, next)));
  show(noSteps, next.steps.length === 0);
  timelineList.replaceChildren(...next.timeline.map(renderTimelineItem));
}

function renderTimelineItem(item: TimelineItem): HTMLLIElement {
  const li = el('li', { className: `state-${item.state.replace(' ', '-')}` });
  li.append(el('span', { className: 'what' }, item.label));
  let when = '';
  if (item.date) when = formatIso(item.date);
  else if (item.due) {
    const late = panel && item.due < panel.today && item.state !== 'done' ? ' (overdue)' : '';
    when = item.state === 'done' ? `until ${formatIso(item.due)}` : `due ${formatIso(item.due)}${late}`;
  } else if (item.state === 'done' && !item.note) when = 'done';
  else if (item.state === 'to come') when = 'to come';
  if (when) li.append(el('span', { className: 'when' }, when));
  if (item.note) li.append(el('span', { className: 'note' }, item.note));
  if (item.state === 'next') li.setAttribute('aria-current', 'step');
  return li;
}

function fieldId(step: StepView, name: string): string {
  return `${step.id}-${name}`;
}

function renderStep(step: StepView, current: Panel): HTMLElement {
  const box = el('div', { className: 'step', id: `step-${step.id}` });
  const formId = `form-${step.id}`;
  const toggle = el('button', { type: 'button', className: 'step-toggle' });
  toggle.setAttribute('aria-expanded', String(openStep === step.id));
  toggle.setAttribute('aria-controls', formId);
  toggle.append(el('span', {}, step.label), el('span', { className: 'chevron' }));
  toggle.dataset.step = step.id;
  toggle.addEventListener('click', () => {
    openStep = openStep === step.id ? null : step.id;
    render(current);
    if (openStep) (document.querySelector(`#${formId} input, #${formId} select, #${formId} textarea`) as HTMLElement | null)?.focus();
    else byId(`step-${step.id}`).querySelector('button')?.focus();
  });

  const form = el('form', { id: formId, noValidate: true });
  form.hidden = openStep !== step.id;
  form.setAttribute('aria-label', step.label);
  if (step.due) form.append(el('p', { className: 'due', id: `${step.id}-due` }, `Due by ${step.due}.`));
  if (step.missing) {
    const note = el('p', { className: 'missing', id: `${step.id}-missing` }, `Still needed: ${step.missing}.`);
    form.append(note);
  }
  for (const field of step.fields) form.append(renderField(step, field, current));

  const stepMessage = el('div', { className: 'message', id: `${step.id}-message` });
  stepMessage.hidden = true;
  form.append(stepMessage);

  const buttons = el('div', { className: 'buttons' });
  const save = el('button', { type: 'submit', className: 'action' }, `Save: ${lowerFirst(step.label.replace(/^Record /, ''))}`);
  save.dataset.save = step.id;
  buttons.append(save);
  if (step.template) {
    const draft = el('button', { type: 'button' }, `Draft “${step.template}”…`);
    draft.title = `Open the draft dialog for ${current.caseId} (template “${step.template}”)`;
    draft.dataset.draft = step.id;
    draft.addEventListener('click', () => void openDraft(step, stepMessage));
    buttons.append(draft);
  }
  form.append(buttons);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void saveStep(step, form, stepMessage);
  });
  box.append(toggle, form);
  return box;
}

function labelFor(step: StepView, field: FieldView): HTMLLabelElement {
  const label = el('label', { htmlFor: fieldId(step, field.name) }, field.label);
  if (!field.required) label.append(' ', el('span', { className: 'optional' }, '(optional)'));
  return label;
}

function renderField(step: StepView, field: FieldView, current: Panel): HTMLElement {
  const block = el('div', { className: 'block' });
  const id = fieldId(step, field.name);
  if (field.type === 'members') return renderMembers(step, field, current);
  block.append(labelFor(step, field));
  let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (field.type === 'select') {
    const select = el('select', { id, name: field.name });
    if (!field.options?.includes(field.value)) select.append(el('option', { value: '' }, 'Choose…'));
    for (const option of field.options ?? []) select.append(el('option', { value: option }, option));
    select.value = field.value;
    control = select;
  } else if (field.type === 'textarea') {
    control = el('textarea', { id, name: field.name, rows: 4, value: field.value });
  } else {
    const input = el('input', {
      id,
      name: field.name,
      type: field.type === 'date' ? 'date' : field.type === 'email' ? 'email' : 'text',
      value: field.value,
      autocomplete: 'off',
    });
    if (field.type === 'date' && field.name === 'date') input.max = current.today;
    if (field.type === 'email') input.spellcheck = false;
    control = input;
  }
  if (field.required) control.required = true;
  block.append(control);
  if (field.help) {
    const help = el('p', { className: 'hint', id: `${id}-hint` }, field.help);
    control.setAttribute('aria-describedby', help.id);
    block.append(help);
  }
  if (step.id === 'replaceMember' && field.name === 'incoming') block.append(...suggestControls(step, current));
  return block;
}

function renderMembers(step: StepView, field: FieldView, current: Panel): HTMLElement {
  const group = el('fieldset', { className: 'block members' });
  group.append(el('legend', { className: 'label' }, field.label));
  const values = field.value.split(',').map((v) => v.trim());
  for (let i = 0; i < 3; i++) {
    const input = el('input', {
      id: `${fieldId(step, 'members')}-${i + 1}`,
      name: 'members',
      type: 'email',
      value: values[i] ?? '',
      autocomplete: 'off',
      spellcheck: false,
      required: true,
    });
    input.setAttribute('aria-label', `Member ${i + 1}`);
    group.append(input);
  }
  if (field.help) group.append(el('p', { className: 'hint' }, field.help));
  const problems = rosterProblemsText(current);
  if (problems) group.append(el('p', { className: 'hint' }, problems));
  group.append(...suggestControls(step, current));
  return group;
}

/** The first Roster problems, and how many more there are. */
function rosterProblemsText(from: { rosterProblems: string[]; rosterProblemCount: number }): string {
  if (!from.rosterProblems.length) return '';
  const more = from.rosterProblemCount - from.rosterProblems.length;
  return `Roster: ${from.rosterProblems.join('; ')}${more > 0 ? `; and ${more} more (see the Roster sheet)` : ''}`;
}

/** The parties' zones from the row, others typed (optional, never stored), a Suggest button and where the suggestion shows. */
function suggestControls(step: StepView, current: Panel): HTMLElement[] {
  const zonesId = fieldId(step, 'zones');
  const zonesBlock = el('div', { className: 'block' });
  const { reporter, reportedParty } = current.partyTimeZones;
  const fromRow = [reporter && `reporter ${reporter}`, reportedParty && `reported party ${reportedParty}`].filter(Boolean);
  zonesBlock.append(
    el('label', { htmlFor: zonesId }, fromRow.length ? 'Other parties’ time zones ' : 'Parties’ time zones '),
    el('input', { id: zonesId, type: 'text', placeholder: 'e.g. Europe/Berlin, America/Chicago', autocomplete: 'off' }),
    el(
      'p',
      { className: 'hint', id: `${zonesId}-hint` },
      fromRow.length
        ? `From the row: ${fromRow.join('; ')}. Add others here if you know them (used only for this suggestion, kept nowhere).`
        : 'Optional, used only for this suggestion and kept nowhere. Or fill in the row’s Reporter / Reported party time zone.',
    ),
  );
  (zonesBlock.firstChild as HTMLElement).append(el('span', { className: 'optional' }, '(optional)'));
  const button = el('button', { type: 'button', className: 'small' }, step.id === 'replaceMember' ? 'Suggest a replacement' : 'Suggest from Roster');
  button.dataset.suggest = step.id;
  const box = el('div', { className: 'suggestion', id: `${step.id}-suggestion` });
  box.hidden = true;
  box.setAttribute('aria-live', 'polite');
  button.addEventListener('click', () => void suggest(step, current, box));
  return [zonesBlock, button, box];
}

// ---- Talking to the server ------------------------------------------------------------

function readFields(form: HTMLFormElement): Record<string, string> {
  const fields: Record<string, string> = {};
  const members: string[] = [];
  for (const element of Array.from(form.elements)) {
    const control = element as HTMLInputElement;
    if (!control.name) continue;
    if (control.name === 'members') members.push(control.value.trim());
    else fields[control.name] = control.value;
  }
  if (members.length) fields.members = members.filter(Boolean).join(', ');
  return fields;
}

async function saveStep(step: StepView, form: HTMLFormElement, stepMessage: HTMLElement): Promise<void> {
  if (busy || !panel) return;
  clearMessage(stepMessage);
  clearMessage(message);
  const fields = readFields(form);
  const { caseId, version } = panel;
  stopWatching();
  setBusy(true);
  try {
    const result = await callServer('recordCaseStep', caseId, step.id, fields, version);
    setBusy(false);
    openStep = null;
    render(result.panel);
    showMessage(message, 'ok', [result.message, result.panel.next.action ? `Next: ${result.panel.next.action}.` : 'The case is closed.']);
    message.setAttribute('tabindex', '-1');
    message.focus();
  } catch (error) {
    setBusy(false);
    // The server's refusals already end "Nothing was saved.": say it once.
    const said = lines(error);
    const saysIt = said.some((l) => /nothing was (saved|changed)|not saved/i.test(l));
    showMessage(stepMessage, 'error', saysIt ? said : ['Not saved.', ...said]);
    (form.querySelector('button[type="submit"]') as HTMLButtonElement | null)?.focus();
  }
}

async function suggest(step: StepView, current: Panel, box: HTMLElement): Promise<void> {
  if (busy) return;
  const zonesInput = document.getElementById(fieldId(step, 'zones')) as HTMLInputElement | null;
  const partyTimeZones = (zonesInput?.value ?? '').split(/[,;\s]+/).filter(Boolean);
  const outgoing = (document.getElementById(fieldId(step, 'outgoing')) as HTMLSelectElement | null)?.value ?? '';
  if (step.id === 'replaceMember' && outgoing === '') {
    box.replaceChildren(el('p', {}, 'Choose the member who is leaving first.'));
    box.hidden = false;
    return;
  }
  box.replaceChildren(el('p', {}, 'Looking at the Roster…'));
  box.hidden = false;
  try {
    const advice = await callServer(
      'suggestSubTeam',
      current.caseId,
      step.id === 'replaceMember'
        ? { partyTimeZones, replace: outgoing }
        : step.id === 'recordAppeal'
          ? { partyTimeZones, forAppeal: true }
          : { partyTimeZones },
    );
    showAdvice(step, advice, box);
  } catch (error) {
    box.replaceChildren(...lines(error).map((l) => el('p', {}, l)));
  }
}

function showAdvice(step: StepView, advice: Advice, box: HTMLElement): void {
  const parts: HTMLElement[] = [el('p', { className: 'message-title' }, advice.summary)];
  const list = el('ul');
  for (const member of advice.members) list.append(el('li', {}, `${member.reason} (${member.email})`));
  parts.push(list);
  if (advice.trades.length) {
    const trades = el('ul', { className: 'trades' });
    for (const trade of advice.trades) trades.append(el('li', {}, trade));
    parts.push(el('p', {}, 'What this choice traded:'), trades);
  }
  const leftOut = advice.excluded.map((e) => `${e.name} (${e.reason})`);
  if (advice.partiesLeftOut)
    leftOut.push(`${advice.partiesLeftOut} ${advice.partiesLeftOut === 1 ? 'member who is a party' : 'members who are parties'} of this case`);
  if (advice.excludedCount > advice.excluded.length) leftOut.push(`${advice.excludedCount - advice.excluded.length} more`);
  if (leftOut.length) parts.push(el('p', { className: 'hint' }, `Left out: ${leftOut.join('; ')}.`));
  if (advice.ignoredTimeZones.length)
    parts.push(el('p', { className: 'hint' }, `Not time zones, ignored: ${advice.ignoredTimeZones.join(', ')}.`));
  const problems = rosterProblemsText(advice);
  if (problems) parts.push(el('p', { className: 'hint' }, problems));
  box.replaceChildren(...parts);
  box.hidden = false;

  if (step.id === 'replaceMember') {
    const incoming = advice.members.find((m) => !m.kept);
    const input = document.getElementById(fieldId(step, 'incoming')) as HTMLInputElement | null;
    if (incoming && input && advice.complete) input.value = incoming.email;
  } else if (advice.complete) {
    advice.members.forEach((m, i) => {
      const input = document.getElementById(`${fieldId(step, 'members')}-${i + 1}`) as HTMLInputElement | null;
      if (input) input.value = m.email;
    });
  }
}

async function openDraft(step: StepView, stepMessage: HTMLElement): Promise<void> {
  if (busy || !panel) return;
  clearMessage(stepMessage);
  try {
    // The server answers only once the dialog is open; a case it cannot find opens nothing and throws.
    const opened = await callServer('showCaseDraftDialog', panel.caseId, step.template ?? undefined);
    showMessage(stepMessage, 'info', [
      `Draft dialog opened for ${opened.caseId}${opened.template ? ` with “${opened.template}”` : ''}.`,
      'Its Mark as sent today records this step; this panel then shows it.',
    ]);
    watchForChanges();
  } catch (error) {
    showMessage(stepMessage, 'error', ['The draft dialog was not opened.', ...lines(error)]);
  }
}

// ---- Keeping up with changes made elsewhere ----------------------------------------
// The draft dialog's Mark as sent records a step on the server, but the panel cannot
// be told directly (each page is its own sandbox). So it asks for the version of its
// case's row: every few seconds while a draft dialog it opened may still be open (until
// it sees a change, or the member works in the panel again), and whenever the member
// comes back to the panel (focus). A change re-reads the case, unless the member has
// typed into a step's form: what they typed is never thrown away unasked.

const WATCH_EVERY_MS = 5000;
// Bounded: each check is an execution that reads the cases sheet, and executions count against the daily quota.
const WATCH_FOR_MS = 10 * 60 * 1000;
let watchUntil = 0;
let watchTimer: number | null = null;
let checking = false;
/** The member typed into a step's form since the panel was last drawn. */
let typed = false;

function watchForChanges(): void {
  watchUntil = Date.now() + WATCH_FOR_MS;
  if (watchTimer === null) watchTimer = window.setInterval(() => void checkForChange(), WATCH_EVERY_MS);
}

function stopWatching(): void {
  if (watchTimer !== null) window.clearInterval(watchTimer);
  watchTimer = null;
}

async function checkForChange(): Promise<void> {
  if (Date.now() > watchUntil) stopWatching();
  const shown = panel;
  if (busy || checking || !shown) return;
  checking = true;
  try {
    const version = await callServer('casePanelVersion', shown.caseId);
    if (version === shown.version || panel !== shown || busy) return;
    stopWatching();
    if (typed) {
      showMessage(message, 'info', [`${shown.caseId} changed elsewhere: press Refresh to see it (what you typed stays until then).`]);
      return;
    }
    const next = await callServer('getCasePanel', shown.caseId);
    if (panel !== shown || busy || typed) return;
    render(next);
    showMessage(message, 'info', [
      `${next.caseId} changed elsewhere (e.g. Mark as sent in the draft dialog): this is how it stands now.`,
      next.next.action ? `Next: ${next.next.action}.` : next.next.status === 'Closed' ? 'The case is closed.' : '',
    ].filter(Boolean));
  } catch {
    // The case may be gone or renamed: the member's Refresh says why; the check stays quiet.
  } finally {
    checking = false;
  }
}

window.addEventListener('focus', () => void checkForChange());
stepsBox.addEventListener('input', () => (typed = true));

async function refresh(): Promise<void> {
  if (busy) return;
  clearMessage(message);
  stopWatching();
  setBusy(true);
  refreshButton.textContent = 'Refreshing…';
  try {
    const next = await callServer('getCasePanel');
    openStep = null;
    render(next);
  } catch (error) {
    showMessage(message, 'error', lines(error));
    show(caseSection, false);
    panel = null;
  } finally {
    refreshButton.textContent = 'Refresh';
    setBusy(false);
  }
}

refreshButton.addEventListener('click', () => void refresh());

const start = readPageData<Start>('case-panel-start');
if (start?.panel) render(start.panel);
else if (start?.error) showMessage(message, 'info', [start.error]);
else void refresh();
