// The Case panel in a real Chromium, driving the local preview (the built bundle
// on the in-memory fakes): one demo case walked from Received to Closed through
// the panel, with a refused step, a concurrent edit, the sub-team suggestion and
// the draft dialog on the way. Screenshots go to test-output/. Needs dist/ built
// first (`npm test` does).
import type { Frame, FrameLocator, Page } from 'playwright-core';
import {
  addDaysIso,
  browserAvailable,
  keepForReadme,
  outputFile,
  type PreviewProcess,
  readState,
  type PreviewState,
  openPreview,
  type OpenPreview,
  rowWhere,
  sheetNamed,
} from './support';

jest.setTimeout(120_000);

const run = browserAvailable() ? describe : describe.skip;

run('Case panel in the preview (Chromium)', () => {
  let opened: OpenPreview | undefined;
  let preview: PreviewProcess;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    // Tall enough for the whole panel in a screenshot.
    opened = await openPreview('Pacific/Auckland', { pageErrors, requests, dialogs, height: 1700 });
    ({ preview, page } = opened);
  });

  afterAll(() => opened?.close());

  const state = (): Promise<PreviewState> => readState(page, preview);
  const casesSheet = (s: PreviewState) => sheetNamed(s, 'Cases');
  const caseRow = async (caseId: string) => rowWhere(casesSheet(await state()), 'Case ID', caseId);

  const gridRowBy = (column: string, text: string) =>
    page.locator('#grid tbody tr', { has: page.locator(`td[data-column="${column}"]`, { hasText: text }) });

  async function panelFrame(): Promise<Frame> {
    const frame = await (await page.locator('#sidebar-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('The sidebar frame is not open');
    return frame;
  }

  const panel = (): FrameLocator => page.frameLocator('#sidebar-frame');

  async function screenshot(name: string): Promise<void> {
    await (await panelFrame()).evaluate(() => window.scrollTo(0, 0));
    await page.locator('#sidebar').screenshot({ path: outputFile(name) });
  }

  async function openStep(id: string): Promise<void> {
    const toggle = panel().locator(`#step-${id} > button.step-toggle`);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await panel().locator(`#form-${id}`).waitFor({ state: 'visible' });
  }

  /** Saves a step and waits for the panel to say so. */
  async function save(id: string, label: string): Promise<void> {
    await panel().locator(`#form-${id} button[data-save]`).click();
    await panel().locator('#message.message-ok', { hasText: `${label}: saved for` }).waitFor();
  }

  test('walks a case from Received to Closed, one step at a time', async () => {
    const start = await state();
    const today = start.today;

    // Select the newest demo case (received yesterday) in the grid, then open the panel from the menu.
    const row = gridRowBy('Reporter name', 'Alex Example');
    const caseId = ((await row.locator('td[data-column="Case ID"]').textContent()) ?? '').trim();
    expect(caseId).toMatch(/^IRT-\d{4}-\d{3}$/);
    await row.locator('td[data-column="Case ID"]').click();
    await page.locator('#grid tr.selected-row td[data-column="Case ID"]', { hasText: caseId }).waitFor();
    await page.getByRole('button', { name: 'Case panel…' }).click();
    await panel().locator('#case-id', { hasText: caseId }).waitFor();
    await expect(page.locator('#sidebar-title').textContent()).resolves.toBe('Case panel');
    await expect(panel().locator('#stage').textContent()).resolves.toBe('Received');
    await expect(panel().locator('#next-action').textContent()).resolves.toBe('Reply to reporter');
    // Received yesterday: the reply is due in two days.
    await expect(panel().locator('#next-status').textContent()).resolves.toBe('Due soon');
    // Only the steps the stage allows.
    await expect(panel().locator('.step-toggle').allTextContents()).resolves.toEqual(['Record first reply', 'Record assessment', 'Record conflicts']);
    await expect(panel().locator('#timeline li').first().textContent()).resolves.toContain('Received');
    await screenshot('case-panel-received.png');

    // 1. First reply: the date defaults to today and can be changed.
    await openStep('firstReply');
    await expect(panel().locator('#firstReply-date').inputValue()).resolves.toBe(today);
    await expect(panel().locator('#form-firstReply button', { hasText: 'Draft “Acknowledgement”…' }).count()).resolves.toBe(1);
    await save('firstReply', 'Record first reply');
    expect((await caseRow(caseId))['First reply sent']).toBe(today);

    // 2. Assessment: a possible violation.
    await openStep('assessment');
    await panel().locator('#assessment-assessment').selectOption('Possible violation');
    await save('assessment', 'Record assessment');
    await expect(panel().locator('#stage').textContent()).resolves.toBe('Assessing');

    // 3. Sub-team: suggested from the Roster, with the parties' zone.
    await openStep('subTeam');
    await panel().locator('#subTeam-zones').fill('Europe/London');
    await panel().locator('button[data-suggest="subTeam"]').click();
    await panel().locator('#subTeam-suggestion .message-title').waitFor();
    await expect(panel().locator('#subTeam-suggestion .message-title').textContent()).resolves.toMatch(/^These 3 span \d+(\.\d)? h of UTC offsets/);
    // Each trade is stated, "… rather than …, for …" (or the summary says none was needed).
    const trades = await panel().locator('#subTeam-suggestion ul.trades li').allTextContents();
    if (trades.length === 0)
      await expect(panel().locator('#subTeam-suggestion .message-title').textContent()).resolves.toContain('No group is tighter');
    for (const trade of trades) expect(trade).toMatch(/ rather than .+, for .+\.$/);
    const members = await Promise.all([1, 2, 3].map((i) => panel().locator(`#subTeam-members-${i}`).inputValue()));
    expect(members.every((m) => /@example\.org$/.test(m))).toBe(true);
    expect(new Set(members).size).toBe(3);
    expect(members).not.toContain('eli.member@example.org'); // unavailable in the demo roster
    await expect(panel().locator('#subTeam-suggestion').textContent()).resolves.toContain('Eli Member (not available');
    await panel().locator('#subTeam-channel').fill('Private chat room <b>#7</b>');
    await screenshot('case-panel-subteam.png');
    keepForReadme('case-panel-subteam.png', 'case-panel.png');
    await save('subTeam', 'Record sub-team');
    let now = await caseRow(caseId);
    expect(now.Stage).toBe('Sub-team formed');
    expect(now['Sub-team']).toBe(members.join(', '));
    expect(now['Sub-team formed']).toBe(today);
    expect(now.Channel).toBe('Private chat room <b>#7</b>');
    // Each member by their Roster name (the demo Roster names chi.member@… "Chi Member").
    const rosterName = (email: string) => email.split('@')[0].split('.').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
    await expect(panel().locator('#team').textContent()).resolves.toBe(`Sub-team: ${members.map((e) => `${rosterName(e)} (${e})`).join(', ')}`);

    // 4-5. Each party notified; the reporter says yes to contacting the reported party.
    await openStep('notifyReporter');
    await panel().locator('#notifyReporter-permission').selectOption('Yes');
    await save('notifyReporter', 'Record reporter notified');
    await expect(panel().locator('#stage').textContent()).resolves.toBe('Investigating');
    await openStep('notifyReportedParty');
    await save('notifyReportedParty', 'Record reported party notified');

    // 6. The draft dialog for the step's template, side by side with the panel: the
    // template is already chosen (not merely the first that fits, Next steps to reporter),
    // and its Mark as sent today records the panel's step.
    await openStep('updateReporter');
    await panel().locator('#form-updateReporter button', { hasText: 'Draft “Update to reporter”…' }).click();
    await page.locator('#dialog[open]').waitFor();
    await expect(page.locator('#dialog-title').textContent()).resolves.toBe('Draft email');
    const dialog = page.frameLocator('#dialog-frame');
    await dialog.locator('#case-line', { hasText: caseId }).waitFor();
    await expect(dialog.locator('#template').inputValue()).resolves.toBe('Update to reporter');
    await dialog.locator('#preview-subject', { hasText: 'Update on your report' }).waitFor();
    await page.locator('#dialog').screenshot({ path: outputFile('draft-dialog.png') });
    keepForReadme('draft-dialog.png');
    await panel().locator('#updateReporter-message', { hasText: `Draft dialog opened for ${caseId} with “Update to reporter”` }).waitFor();
    // The member selects another case's row meanwhile: the dialog stays on the case it was opened for.
    const otherRow = gridRowBy('Reporter name', 'Drew Mockup');
    const otherId = ((await otherRow.locator('td[data-column="Case ID"]').textContent()) ?? '').trim();
    await page.request.post(`${preview.origin}/api/select`, { data: { sheet: 'Cases', row: 1 + casesSheet(await state()).rows.findIndex((r) => r.includes(otherId)), column: 1 } });
    await dialog.locator('#mark-sent').click();
    await dialog.locator('#message.message-ok', { hasText: 'Last update to reporter set to' }).waitFor();
    expect((await caseRow(caseId))['Last update to reporter']).toBe(today);
    expect((await caseRow(otherId))['Last update to reporter']).toBe('');
    expect((await state()).log.map((line) => line.slice(2, 5))).toContainEqual([caseId, 'Record update to reporter', 'Marked sent: Update to reporter']);
    // The panel shows the step recorded without Refresh being pressed.
    await panel().locator('#message', { hasText: `${caseId} changed elsewhere` }).waitFor({ timeout: 15_000 });
    await panel().locator('#timeline li', { hasText: 'Next update to reporter' }).filter({ hasText: 'Last update' }).waitFor();
    await expect(panel().locator('#case-id').textContent()).resolves.toBe(caseId);
    await page.locator('#dialog-close').click();
    await page.locator('#dialog').waitFor({ state: 'hidden' });
    await page.request.post(`${preview.origin}/api/select`, { data: { sheet: 'Cases', row: 1 + casesSheet(await state()).rows.findIndex((r) => r.includes(caseId)), column: 1 } });

    // 7. The regular update to the reported party.
    await openStep('updateReportedParty');
    await save('updateReportedParty', 'Record update to reported party');

    // A step whose preconditions are missing says what is missing and writes nothing.
    const beforeRefusal = casesSheet(await state()).rows;
    await openStep('close');
    await expect(panel().locator('#close-missing').textContent()).resolves.toBe(
      'Still needed: Outcome, Findings and Reporter told outcome (the outcome notice date) are missing.',
    );
    await panel().locator('#form-close button[data-save]').click();
    await panel().locator('#close-message.message-error').waitFor();
    await expect(panel().locator('#close-message').textContent()).resolves.toContain(
      'Cannot close the case: Outcome, Findings and Reporter told outcome (the outcome notice date) are missing.',
    );
    // Said once: the server's "Nothing was saved." is not repeated as "Not saved.".
    await expect(panel().locator('#close-message').textContent()).resolves.toContain('Nothing was saved.');
    expect(((await panel().locator('#close-message').textContent()) ?? '').match(/saved/gi)).toHaveLength(1);
    await screenshot('case-panel-refused.png');
    expect(casesSheet(await state()).rows).toEqual(beforeRefusal);

    // Another member records a decision meanwhile: this panel's decision is refused, nothing overwritten.
    const other = await page.request.post(`${preview.origin}/api/run`, { data: { fn: 'getCasePanel', args: [caseId] } });
    const otherVersion = ((await other.json()) as { value: { version: string } }).value.version;
    const edit = await page.request.post(`${preview.origin}/api/run`, {
      data: { fn: 'recordCaseStep', args: [caseId, 'decision', { outcome: 'Correction', requestedAction: 'Apologise in the thread.', findings: 'Another member’s findings.' }, otherVersion] },
    });
    expect(((await edit.json()) as { ok: boolean }).ok).toBe(true);
    const beforeStale = casesSheet(await state()).rows;
    await openStep('decision');
    await panel().locator('#decision-outcome').selectOption('Warning');
    await panel().locator('#decision-findings').fill('Fictional findings.');
    await panel().locator('#form-decision button[data-save]').click();
    await panel().locator('#decision-message.message-error').waitFor();
    await expect(panel().locator('#decision-message').textContent()).resolves.toContain('This case changed since you opened it: refresh');
    expect(casesSheet(await state()).rows).toEqual(beforeStale);

    // Refresh (the case's row is still the selected one): the other member's decision shows; revise it.
    await panel().locator('#refresh').click();
    await panel().locator('#stage', { hasText: 'Decision' }).waitFor();
    expect((await caseRow(caseId)).Outcome).toBe('Correction');
    await openStep('decision');
    const endDate = addDaysIso(today, 30);
    const findings = 'Fictional: happened as reported <img src=x onerror="window.__xss=1">';
    await panel().locator('#decision-outcome').selectOption('Temporary ban');
    await panel().locator('#decision-endDate').fill(endDate);
    // The other member's requested action is offered for revision.
    await expect(panel().locator('#decision-requestedAction').inputValue()).resolves.toBe('Apologise in the thread.');
    await panel().locator('#decision-requestedAction').fill('Stay away from the forum until the ban ends.');
    await panel().locator('#decision-findings').fill(findings);
    await screenshot('case-panel-decision.png');
    await save('decision', 'Record decision');
    now = await caseRow(caseId);
    expect([now.Stage, now.Outcome, now['Outcome end date'], now['Requested action'], now.Findings]).toEqual([
      'Decision',
      'Temporary ban',
      endDate,
      'Stay away from the forum until the ban ends.',
      findings,
    ]);

    // 8-10. Response plan, outcome notice, close.
    await openStep('responsePlan');
    await save('responsePlan', 'Record response plan sent');
    await openStep('reporterToldOutcome');
    await save('reporterToldOutcome', 'Record reporter told of outcome');
    await openStep('close');
    await save('close', 'Close the case');
    await expect(panel().locator('#stage').textContent()).resolves.toBe('Closed');
    await expect(panel().locator('#next-status').textContent()).resolves.toBe('Closed');
    // A closed case offers one step: recording an appeal against its decision.
    const toggles = await panel().locator('.step-toggle').allTextContents();
    expect(toggles).toHaveLength(1);
    expect(toggles[0]).toContain('Record appeal');
    await expect(panel().locator('#no-steps').isVisible()).resolves.toBe(false);
    await expect(panel().locator('#timeline li', { hasText: 'Temporary ban ends' }).textContent()).resolves.toContain('due');
    await screenshot('case-panel-closed.png');

    now = await caseRow(caseId);
    expect(now).toMatchObject({
      Stage: 'Closed',
      'Permission to notify reported party': 'Yes',
      'Reporter notified': today,
      'Reported party notified': today,
      'Last update to reporter': today,
      'Last update to reported party': today,
      'Response plan sent': today,
      'Reporter told outcome': today,
      Closed: today,
      'Next action': '',
      'Next deadline': '',
      'Deadline status': 'Closed',
    });
    // Everything typed stayed text: no formula, no markup ran anywhere.
    const sheet = casesSheet(await state());
    expect(sheet.formulas.flat().filter(Boolean)).toEqual([]);
    expect(dialogs).toEqual([]);
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await expect((await panelFrame()).evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    expect(requests.filter((url) => /\/x$/.test(url))).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(preview.origin) && !url.startsWith('data:') && url !== 'about:blank')).toEqual([]);

    // The log: one line per step, with the case ID and no names or free text.
    const log = (await state()).log.filter((line) => line.includes(caseId));
    const text = JSON.stringify(log);
    for (const action of ['Record first reply', 'Record sub-team', 'Record decision', 'Close the case']) expect(text).toContain(action);
    for (const secret of ['Alex', 'Sam Sample', 'alex@example.org', 'Fictional', 'Private chat room']) expect(text).not.toContain(secret);
    expect(pageErrors).toEqual([]);
  });

  test('Refresh follows the selected row', async () => {
    const row = gridRowBy('Reporter name', 'Drew Mockup');
    const caseId = ((await row.locator('td[data-column="Case ID"]').textContent()) ?? '').trim();
    await row.locator('td[data-column="Stage"]').click();
    await page.locator('#grid tr.selected-row td[data-column="Case ID"]', { hasText: caseId }).waitFor();
    await panel().locator('#refresh').click();
    await panel().locator('#case-id', { hasText: caseId }).waitFor();
    await expect(panel().locator('#stage').textContent()).resolves.toBe('Not a violation');
    await expect(panel().locator('.step-toggle').allTextContents()).resolves.toEqual(['Record assessment', 'Close the case']);

    // The header row is not a case: the panel says what to do.
    await page.request.post(`${preview.origin}/api/select`, { data: { sheet: 'Cases', row: 1, column: 1 } });
    await panel().locator('#refresh').click();
    await panel().locator('#message', { hasText: 'The header row is selected.' }).waitFor();
    await expect(panel().locator('#case').isHidden()).resolves.toBe(true);
  });

  test('a long button label wraps inside its button, never cut off (Draft “Issuing a Response Plan [Reported Party]”…)', async () => {
    const row = gridRowBy('Reporter name', 'Indy Example');
    const caseId = ((await row.locator('td[data-column="Case ID"]').textContent()) ?? '').trim();
    await row.locator('td[data-column="Stage"]').click();
    await page.locator('#grid tr.selected-row td[data-column="Case ID"]', { hasText: caseId }).waitFor();
    await panel().locator('#refresh').click();
    await panel().locator('#case-id', { hasText: caseId }).waitFor();
    await openStep('replaceMember');
    await openStep('responsePlan');
    const clipped = await (await panelFrame()).evaluate(() =>
      [...document.querySelectorAll('button')]
        .filter((b) => b.offsetParent !== null && b.scrollHeight > b.clientHeight + 1)
        .map((b) => b.textContent),
    );
    expect(clipped).toEqual([]);
  });
});
