// Check this installation's result: the server embeds the report as JSON; each
// check is shown with textContent (what was seen may quote Google's messages).

import type { InstallationReport } from '../src/core/installation';
import { byId, readPageData, showMessage } from './client/dom';
import { closeHost } from './client/gas';

const report = readPageData<InstallationReport>('installation-report');
const list = byId('checks');

function line(className: string, text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

if (report) {
  showMessage(byId('summary'), report.failed ? 'error' : 'ok', [
    report.failed ? `${report.failed} of ${report.checks.length} checks failed` : `All ${report.checks.length} checks passed`,
  ]);
  list.replaceChildren(
    ...report.checks.map((check) => {
      const item = document.createElement('li');
      item.className = check.passed ? 'passed' : 'failed';
      const head = document.createElement('div');
      const verdict = document.createElement('span');
      verdict.className = 'verdict';
      verdict.textContent = check.passed ? '✓ Passed' : '✗ Failed';
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = check.name;
      head.append(verdict, name);
      item.append(head, line('seen', check.seen));
      if (check.todo) item.append(line('hint todo', `What to do: ${check.todo}`));
      return item;
    }),
  );
}
byId('close').addEventListener('click', () => closeHost());
