// The Expunge due records dialog: lists the closed cases past their Expunge
// after date (listExpungeDue: IDs and dates only), and after an explicit
// confirmation asks the server to expunge the ticked ones (expungeRecords).
// Every value is shown with textContent.

import type { ExpungeList } from '../src/cases/expunge';
import { byId, clearMessage, setText, show, showMessage } from './client/dom';
import { callServer, closeHost, messageOf } from './client/gas';

const intro = byId('intro');
const message = byId('message');
const list = byId('list');
const body = byId<HTMLTableElement>('due').tBodies[0];
const expungeButton = byId<HTMLButtonElement>('expunge');
const confirmBox = byId('confirm');
const confirmText = byId('confirm-text');
const yes = byId<HTMLButtonElement>('confirm-yes');

const chosen = () =>
  Array.from(body.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
    .filter((box) => box.checked)
    .map((box) => box.value);

function update(): void {
  const n = chosen().length;
  expungeButton.disabled = n === 0;
  setText(expungeButton, n === 0 ? 'Expunge…' : `Expunge ${n} record${n === 1 ? '' : 's'}…`);
  show(confirmBox, false);
}

function render(data: ExpungeList): void {
  body.replaceChildren(
    ...data.due.map((record) => {
      const tr = document.createElement('tr');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = record.caseId;
      box.setAttribute('aria-label', `Expunge ${record.caseId}`);
      box.addEventListener('change', update);
      const cells = [record.caseId, record.closed, record.expungeAfter].map((text) => {
        const td = document.createElement('td');
        td.textContent = text;
        return td;
      });
      const first = document.createElement('td');
      first.append(box);
      tr.append(first, ...cells);
      return tr;
    }),
  );
  setText(
    intro,
    data.due.length === 0
      ? `No record is due to be expunged today (${data.today}).`
      : `${data.due.length} closed case${data.due.length === 1 ? ' is' : 's are'} past ${data.due.length === 1 ? 'its' : 'their'} Expunge after date (today is ${data.today}).`,
  );
  setText(byId('columns'), `Expunging replaces these cells with “Expunged”: ${data.columns.join(', ')}. Dates, stage, assessment and outcome stay, so the statistics stay true.`);
  show(list, data.due.length > 0);
  update();
}

function load(): void {
  callServer('listExpungeDue')
    .then(render)
    .catch((error: unknown) => showMessage(message, 'error', [messageOf(error)]));
}

expungeButton.addEventListener('click', () => {
  const n = chosen().length;
  setText(confirmText, `Replace the identifying details of ${n} case${n === 1 ? '' : 's'} with “Expunged”? This cannot be undone from the tracker.`);
  show(confirmBox);
  yes.focus();
});
byId('confirm-no').addEventListener('click', () => show(confirmBox, false));
yes.addEventListener('click', () => {
  yes.disabled = true;
  clearMessage(message);
  callServer('expungeRecords', chosen())
    .then((done) => {
      showMessage(message, 'ok', [`Expunged ${done.caseIds.length} case${done.caseIds.length === 1 ? '' : 's'}: ${done.caseIds.join(', ')}.`]);
      load();
    })
    .catch((error: unknown) => showMessage(message, 'error', [messageOf(error)]))
    .finally(() => {
      yes.disabled = false;
      show(confirmBox, false);
    });
});
byId('close').addEventListener('click', () => closeHost());
load();
