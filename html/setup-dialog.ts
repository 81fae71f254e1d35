// The Set up tracker dialog. The server embeds its plan (sheet, columns, guesses)
// as JSON; picking another sheet asks planTrackerSetup for that sheet's plan;
// confirming sends the choice to setupTracker. Every name is shown with
// textContent, so a header typed as markup stays text.

import type { ColumnProposal, TrackerChoice, TrackerPlan } from '../src/core/column-mapping';
import { byId, clearMessage, readPageData, setText, showMessage } from './client/dom';
import { callServer, closeHost, messageOf } from './client/gas';

const NEW_SHEET = '';
const ADD_NEW = '';

const reasons = byId('reasons');
const message = byId('message');
const sheetSelect = byId<HTMLSelectElement>('sheet');
const columnsBody = byId('columns');
const confirmButton = byId<HTMLButtonElement>('confirm');
const cancelButton = byId<HTMLButtonElement>('cancel');

let plan: TrackerPlan | null = readPageData<TrackerPlan>('setup-plan');
let busy = false;
let done = false;

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = text;
  node.selected = selected;
  return node;
}

function renderSheets(current: TrackerPlan): void {
  sheetSelect.replaceChildren(
    ...current.sheets.map((s) =>
      option(s.name, `${s.name} (${s.rows} row${s.rows === 1 ? '' : 's'}; ${s.recognised} columns recognised, ${s.guessed} guessed)`, s.name === current.sheet),
    ),
    option(NEW_SHEET, 'A new Cases sheet', current.sheet === null),
  );
}

function columnRow(p: ColumnProposal): HTMLTableRowElement {
  const row = document.createElement('tr');
  const name = document.createElement('td');
  setText(name, p.column);
  const cell = document.createElement('td');
  if (p.matched) {
    cell.className = 'matched';
    setText(cell, p.matched.by === 'name' ? `${p.matched.header} ✓` : `${p.matched.header} ✓ (your earlier choice)`);
  } else {
    if (p.proposed !== null) row.className = 'guess';
    const select = document.createElement('select');
    select.dataset.column = p.column;
    select.setAttribute('aria-label', `Your column for ${p.column}`);
    select.append(
      option(ADD_NEW, 'Add a new column', p.proposed === null),
      ...p.candidates.map((c) => option(c.header, c.header, c.header === p.proposed)),
    );
    select.addEventListener('change', checkDuplicates);
    cell.append(select);
  }
  row.append(name, cell);
  return row;
}

function render(current: TrackerPlan): void {
  reasons.replaceChildren(
    ...current.reasons.map((r) => {
      const li = document.createElement('li');
      li.textContent = r;
      return li;
    }),
  );
  renderSheets(current);
  columnsBody.replaceChildren(...current.columns.map(columnRow));
  checkDuplicates();
}

function selects(): HTMLSelectElement[] {
  return Array.from(columnsBody.querySelectorAll('select'));
}

function choice(): TrackerChoice {
  const columns: TrackerChoice['columns'] = {};
  for (const select of selects()) columns[select.dataset.column as keyof TrackerChoice['columns']] = select.value === ADD_NEW ? null : select.value;
  return { sheet: sheetSelect.value === NEW_SHEET ? null : sheetSelect.value, columns };
}

/** One of the team's headers can stand for one tracker column only. */
function checkDuplicates(): boolean {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const select of selects()) {
    if (select.value === ADD_NEW) continue;
    const other = seen.get(select.value);
    if (other) clashes.push(`“${select.value}” is chosen for both ${other} and ${select.dataset.column}.`);
    else seen.set(select.value, select.dataset.column ?? '');
  }
  if (clashes.length) showMessage(message, 'error', ['Choose each of your columns once.', ...clashes]);
  else if (!done) clearMessage(message);
  confirmButton.disabled = busy || done || clashes.length > 0 || !plan;
  return clashes.length === 0;
}

function setBusy(on: boolean): void {
  busy = on;
  sheetSelect.disabled = on || done;
  for (const select of selects()) select.disabled = on || done;
  checkDuplicates();
}

sheetSelect.addEventListener('change', () => {
  setBusy(true);
  callServer('planTrackerSetup', sheetSelect.value)
    .then((next) => {
      plan = next;
      render(next);
    })
    .catch((error: unknown) => showMessage(message, 'error', [messageOf(error)]))
    .finally(() => setBusy(false));
});

confirmButton.addEventListener('click', () => {
  if (!checkDuplicates()) return;
  setBusy(true);
  callServer('setupTracker', choice())
    .then((result) => {
      if (result.status === 'done') {
        done = true;
        showMessage(message, 'ok', [result.title, ...result.message.split('\n')]);
        setText(cancelButton, 'Close');
      } else {
        plan = result.plan;
        render(result.plan);
      }
    })
    .catch((error: unknown) => showMessage(message, 'error', messageOf(error).split('\n')))
    .finally(() => setBusy(false));
});

cancelButton.addEventListener('click', () => closeHost());

if (plan) render(plan);
else showMessage(message, 'error', ['Open this dialog from IRT Tracker → Set up tracker.']);
