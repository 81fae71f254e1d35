// The Transparency report dialog: asks the server for the report of a period
// (buildTransparencyReport, which also replaces the Report sheet) and shows the
// figures it returns with textContent. The page starts with today's date.

import type { ReportBuilt } from '../src/cases/transparency-report';
import type { ReportDialogStart } from '../src/ui/report-dialog';
import { byId, clearMessage, readPageData, setText, show, showMessage } from './client/dom';
import { callServer, closeHost, messageOf } from './client/gas';

const form = byId<HTMLFormElement>('period');
const from = byId<HTMLInputElement>('from');
const to = byId<HTMLInputElement>('to');
const build = byId<HTMLButtonElement>('build');
const message = byId('message');
const result = byId('result');
const figures = byId<HTMLTableElement>('figures');
const summary = byId<HTMLTextAreaElement>('summary');

const start = readPageData<ReportDialogStart>('report-dialog-start');
if (start) {
  from.value = start.from;
  to.value = start.to;
}

const share = (n: number | null) => (n === null ? '' : ` (${n}%)`);
const days = (n: number | null) => (n === null ? 'not shown' : `${n} day${n === 1 ? '' : 's'}`);

function rows(r: ReportBuilt): [string, string][] {
  return [
    ['Reports received', String(r.received)],
    ...r.outcomes.map((o): [string, string] => [`· ${o.label}`, String(o.count)]),
    ['Appeals received', String(r.appealsReceived)],
    ...r.appealResults.map((a): [string, string] => [`· ${a.label}`, String(a.count)]),
    [`First replies within ${r.firstReplies.windowDays} days`, `${r.firstReplies.onTime} of ${r.firstReplies.owed}${share(r.firstReplies.share)}`],
    ['Median time to a first reply', days(r.medianDaysToFirstReply)],
    [`Parties notified within ${r.partiesNotified.windowDays} days`, `${r.partiesNotified.onTime} of ${r.partiesNotified.owed}${share(r.partiesNotified.share)}`],
    [`Updates within ${r.updates.windowDays} days`, `${r.updates.onTime} of ${r.updates.owed}${share(r.updates.share)}`],
    ['Median time from receipt to decision', days(r.medianDaysToDecision)],
    ['Median time from receipt to close', days(r.medianDaysToClose)],
    ...r.months.map((m): [string, string] => [`Received in ${m.month}`, String(m.count)]),
  ];
}

function showReport(r: ReportBuilt): void {
  const body = figures.tBodies[0];
  body.replaceChildren(
    ...rows(r).map(([label, value]) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label.replace(/^· /, '');
      if (label.startsWith('· ')) tr.className = 'sub';
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(th, td);
      return tr;
    }),
  );
  setText(byId('result-sheet'), `(also on the ${r.sheet} sheet, with two charts)`);
  summary.value = r.summary;
  show(result);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearMessage(message);
  build.disabled = true;
  setText(build, 'Building…');
  callServer('buildTransparencyReport', { from: from.value, to: to.value })
    .then((r) => {
      showReport(r);
      showMessage(message, 'ok', [`Report for ${r.from} to ${r.to} written to the ${r.sheet} sheet.`]);
    })
    .catch((error: unknown) => {
      show(result, false);
      showMessage(message, 'error', [messageOf(error)]);
    })
    .finally(() => {
      build.disabled = false;
      setText(build, 'Build report');
    });
});

byId('copy').addEventListener('click', () => {
  summary.select();
  void navigator.clipboard?.writeText(summary.value).catch(() => undefined);
});
byId('close').addEventListener('click', () => closeHost());
document.body.dataset.ready = 'true';
