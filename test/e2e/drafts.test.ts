// The draft dialog in a real Chromium, driving the local preview (the built bundle
// on the in-memory fakes): one demo case walked from receipt to closed, every email
// drafted with the template the dialog chose itself (the test never picks one), and
// at each stage the templates offered and those listed disabled with their reasons.
// The panel records the steps that are not emails. Needs dist/ built first.
import type { FrameLocator, Page } from 'playwright-core';
import { APPEAL_RESULT_REPORTED, APPEAL_RESULT_REPORTER, OUTCOME_NOTICE, RESPONSE_PLAN } from '../../src/core/default-templates';
import {
  addDaysIso,
  browserAvailable,
  outputFile,
  type PreviewProcess,
  readState,
  type PreviewState,
  openPreview,
  type OpenPreview,
  rowWhere,
  sheetNamed,
} from './support';

jest.setTimeout(180_000);

const run = browserAvailable() ? describe : describe.skip;

/** What the dialog lists: the templates that can be chosen, and the others with their reasons. */
interface Listed {
  chosen: string;
  offered: string[];
  disabled: [string, string][];
}

run('Drafts follow the case, in the preview (Chromium)', () => {
  let opened: OpenPreview | undefined;
  let preview: PreviewProcess;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    opened = await openPreview('Europe/Lisbon', { pageErrors, dismissDialogs: true, height: 1700 });
    ({ preview, page } = opened);
  });

  afterAll(() => opened?.close());

  const state = (): Promise<PreviewState> => readState(page, preview);
  const caseRow = async (caseId: string) => rowWhere(sheetNamed(await state(), 'Cases'), 'Case ID', caseId);

  const panel = (): FrameLocator => page.frameLocator('#sidebar-frame');
  const dialog = (): FrameLocator => page.frameLocator('#dialog-frame');

  async function selectCase(caseId: string): Promise<void> {
    await page.locator('#grid tbody tr td[data-column="Case ID"]', { hasText: caseId }).click();
    await page.locator('#grid tr.selected-row td[data-column="Case ID"]', { hasText: caseId }).waitFor();
  }

  /** Opens Draft email… from the menu for the case and reads what it lists, once it has chosen. */
  async function openDialog(caseId: string): Promise<Listed> {
    await selectCase(caseId);
    await page.getByRole('button', { name: 'Draft email…' }).click();
    await page.locator('#dialog[open]').waitFor();
    await dialog().locator('#case-line', { hasText: caseId }).waitFor();
    await dialog().locator('#template option').first().waitFor({ state: 'attached' });
    const options = await dialog()
      .locator('#template option')
      .evaluateAll((all) => all.map((o) => ({ value: (o as HTMLOptionElement).value, disabled: (o as HTMLOptionElement).disabled, reason: (o as HTMLOptionElement).dataset.reason ?? '' })));
    const chosen = await dialog().locator('#template').inputValue();
    return {
      chosen,
      offered: options.filter((o) => !o.disabled).map((o) => o.value),
      disabled: options.filter((o) => o.disabled).map((o) => [o.value, o.reason] as [string, string]),
    };
  }

  async function closeDialog(): Promise<void> {
    await page.locator('#dialog-close').click();
    await page.locator('#dialog').waitFor({ state: 'hidden' });
  }

  /** Creates the draft of the template the dialog chose (never choosing one), optionally marks it sent today. */
  async function draftChosen(expected: string, subject: string, markSent: boolean): Promise<void> {
    await expect(dialog().locator('#template').inputValue()).resolves.toBe(expected);
    await dialog().locator('#preview-subject', { hasText: subject }).waitFor();
    await dialog().locator('#create').click();
    await dialog().locator('#message.message-ok', { hasText: 'Draft created' }).waitFor();
    if (markSent) {
      await dialog().locator('#mark-sent').click();
      await dialog().locator('#message.message-ok', { hasText: 'set to' }).waitFor();
    }
    await closeDialog();
  }

  async function openPanel(caseId: string): Promise<void> {
    await selectCase(caseId);
    await page.getByRole('button', { name: 'Case panel…' }).click();
    await panel().locator('#case-id', { hasText: caseId }).waitFor();
  }

  async function openStep(id: string): Promise<void> {
    const toggle = panel().locator(`#step-${id} > button.step-toggle`);
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await panel().locator(`#form-${id}`).waitFor({ state: 'visible' });
  }

  async function save(id: string, label: string): Promise<void> {
    await panel().locator(`#form-${id} button[data-save]`).click();
    await panel().locator('#message.message-ok', { hasText: `${label}: saved for` }).waitFor();
  }

  const everyOther = (offered: string[], reasons: Record<string, string>) =>
    Object.entries(reasons).filter(([name]) => !offered.includes(name));

  test('one case from receipt to closed: every email drafted with the template the dialog chose', async () => {
    const { today } = await state();
    const yesterday = addDaysIso(today, -1);
    const row = page.locator('#grid tbody tr', { has: page.locator('td[data-column="Reporter name"]', { hasText: 'Alex Example' }) });
    const caseId = ((await row.locator('td[data-column="Case ID"]').textContent()) ?? '').trim();
    expect(caseId).toMatch(/^IRT-\d{4}-\d{3}$/);

    // 1. Received: only the acknowledgement.
    let listed = await openDialog(caseId);
    expect(listed).toEqual({
      chosen: 'Acknowledgement',
      offered: ['Acknowledgement'],
      disabled: [
        ['Not a violation', 'the first reply has not been sent'],
        ['Next steps to reporter', 'the sub-team is not formed yet'],
        ['Notify reported party', 'the sub-team is not formed yet'],
        ['Update to reporter', 'the reporter has not been notified yet'],
        ['Update to reported party', 'the sub-team is not formed yet'],
        [RESPONSE_PLAN, 'the sub-team is not formed yet'],
        [OUTCOME_NOTICE, 'the response plan has not been sent'],
        [APPEAL_RESULT_REPORTER, 'there is no decided appeal'],
        [APPEAL_RESULT_REPORTED, 'the sub-team is not formed yet'],
      ],
    });
    await page.locator('#dialog').screenshot({ path: outputFile('draft-dialog-received.png') });
    // Drafted now, recorded in the panel as sent yesterday (the day it was received).
    await draftChosen('Acknowledgement', 'We have received your report', false);
    await openPanel(caseId);
    await openStep('firstReply');
    await panel().locator('#firstReply-date').fill(yesterday);
    await save('firstReply', 'Record first reply');

    // 2. Assessed as a possible violation: no email until a sub-team is formed.
    await openStep('assessment');
    await panel().locator('#assessment-assessment').selectOption('Possible violation');
    await save('assessment', 'Record assessment');
    listed = await openDialog(caseId);
    expect(listed.offered).toEqual([]);
    expect(listed.chosen).toBe('');
    expect(listed.disabled).toEqual([
      ['Acknowledgement', 'the first reply was sent'],
      ['Not a violation', 'the case was assessed as a possible violation'],
      ['Next steps to reporter', 'the sub-team is not formed yet'],
      ['Notify reported party', 'the sub-team is not formed yet'],
      ['Update to reporter', 'the reporter has not been notified yet'],
      ['Update to reported party', 'the sub-team is not formed yet'],
      [RESPONSE_PLAN, 'the sub-team is not formed yet'],
      [OUTCOME_NOTICE, 'the response plan has not been sent'],
      [APPEAL_RESULT_REPORTER, 'there is no decided appeal'],
      [APPEAL_RESULT_REPORTED, 'the sub-team is not formed yet'],
    ]);
    await expect(dialog().locator('#create').isDisabled()).resolves.toBe(true);
    await closeDialog();

    // 3. The sub-team, formed yesterday: the next steps to the reporter; nothing to the reported party without permission.
    await openPanel(caseId);
    await openStep('subTeam');
    await panel().locator('button[data-suggest="subTeam"]').click();
    await panel().locator('#subTeam-suggestion .message-title').waitFor();
    await panel().locator('#subTeam-date').fill(yesterday);
    await save('subTeam', 'Record sub-team');
    listed = await openDialog(caseId);
    expect(listed.chosen).toBe('Next steps to reporter');
    expect(listed.offered).toEqual(['Next steps to reporter']);
    expect(listed.disabled).toContainEqual(['Notify reported party', 'the reporter has not given permission']);
    expect(listed.disabled).toContainEqual(['Update to reporter', 'the reporter has not been notified yet']);
    await draftChosen('Next steps to reporter', 'Next steps for your report', true);
    expect((await caseRow(caseId)).Stage).toBe('Investigating');

    // 4. Notified, the reporter has not answered yet: updates to the reporter only.
    listed = await openDialog(caseId);
    expect(listed.offered).toEqual(['Update to reporter']);
    expect(listed.disabled).toContainEqual(['Notify reported party', 'the reporter has not given permission']);
    expect(listed.disabled).toContainEqual(['Next steps to reporter', 'the reporter was notified']);
    await closeDialog();

    // 5. The reporter says yes: the reported party's notification, recorded in the panel as sent yesterday.
    await openPanel(caseId);
    await openStep('permission');
    await panel().locator('#permission-permission').selectOption('Yes');
    await save('permission', 'Record reporter’s permission');
    listed = await openDialog(caseId);
    expect(listed.chosen).toBe('Notify reported party');
    expect(listed.offered).toEqual(['Notify reported party', 'Update to reporter']);
    expect(listed.disabled).toContainEqual(['Update to reported party', 'the reported party has not been notified yet']);
    await draftChosen('Notify reported party', 'A Code of Conduct report involving you', false);
    await openPanel(caseId);
    await openStep('notifyReportedParty');
    await panel().locator('#notifyReportedParty-date').fill(yesterday);
    await save('notifyReportedParty', 'Record reported party notified');

    // 6. The investigation: the update that is due first, then the other.
    listed = await openDialog(caseId);
    expect(listed.offered).toEqual(['Update to reporter', 'Update to reported party']);
    expect(listed.disabled).toEqual(
      everyOther(listed.offered, {
        Acknowledgement: 'the first reply was sent',
        'Not a violation': 'the case was assessed as a possible violation',
        'Next steps to reporter': 'the reporter was notified',
        'Notify reported party': 'the reported party was notified',
        [RESPONSE_PLAN]: 'no outcome is recorded yet',
        [OUTCOME_NOTICE]: 'the response plan has not been sent',
        [APPEAL_RESULT_REPORTER]: 'there is no decided appeal',
        [APPEAL_RESULT_REPORTED]: 'there is no decided appeal',
      }),
    );
    await draftChosen('Update to reported party', 'Update on the report involving you', true);
    listed = await openDialog(caseId);
    await draftChosen('Update to reporter', 'Update on your report', true);

    // 7. Decided: the response plan, and no more updates.
    await openPanel(caseId);
    await openStep('decision');
    await panel().locator('#decision-outcome').selectOption('Warning');
    await panel().locator('#decision-requestedAction').fill('Fictional: keep forum replies to the topic for two months.');
    await panel().locator('#decision-findings').fill('Fictional findings.');
    await save('decision', 'Record decision');
    listed = await openDialog(caseId);
    expect(listed.chosen).toBe(RESPONSE_PLAN);
    expect(listed.offered).toEqual([RESPONSE_PLAN]);
    expect(listed.disabled).toContainEqual(['Update to reporter', 'the case is decided: send the response plan instead']);
    expect(listed.disabled).toContainEqual(['Update to reported party', 'the case is decided: send the response plan instead']);
    expect(listed.disabled).toContainEqual([OUTCOME_NOTICE, 'the response plan has not been sent']);
    await page.locator('#dialog').screenshot({ path: outputFile('draft-dialog-decided.png') });
    await draftChosen(RESPONSE_PLAN, 'Decision on the Code of Conduct report involving you', true);

    // 8. The plan sent: the outcome notice to the reporter.
    listed = await openDialog(caseId);
    expect(listed.chosen).toBe(OUTCOME_NOTICE);
    expect(listed.offered).toEqual([OUTCOME_NOTICE]);
    expect(listed.disabled).toContainEqual([RESPONSE_PLAN, 'the response plan was sent']);
    expect(listed.disabled).toContainEqual(['Update to reporter', 'the response plan was sent']);
    await draftChosen(OUTCOME_NOTICE, 'Outcome of your report', true);

    // 9. Closed: nothing more to send.
    await openPanel(caseId);
    await openStep('close');
    await save('close', 'Close the case');
    listed = await openDialog(caseId);
    expect(listed.offered).toEqual([]);
    // Only an appeal's results could still go out, once an appeal is decided.
    expect(new Set(listed.disabled.map(([, reason]) => reason))).toEqual(new Set(['the case is closed', 'there is no decided appeal']));
    await closeDialog();

    // Seven drafts, each to the right party; the case's dates as the walk set them.
    const drafts = (await state()).outbox.drafts.map((d) => [d.to, d.subject.replace(/ \(IRT-.*$/, '')]);
    expect(drafts).toEqual([
      ['alex@example.org', 'We have received your report'],
      ['alex@example.org', 'Next steps for your report'],
      ['sam@example.net', 'A Code of Conduct report involving you'],
      ['sam@example.net', 'Update on the report involving you'],
      ['alex@example.org', 'Update on your report'],
      ['sam@example.net', 'Decision on the Code of Conduct report involving you'],
      ['alex@example.org', 'Outcome of your report'],
    ]);
    expect(await caseRow(caseId)).toMatchObject({
      Stage: 'Closed',
      'First reply sent': yesterday,
      'Reporter notified': today,
      'Reported party notified': yesterday,
      'Last update to reporter': today,
      'Last update to reported party': today,
      'Response plan sent': today,
      'Reporter told outcome': today,
      Closed: today,
    });
    expect(pageErrors).toEqual([]);
  });

  test('after Mark as sent the list says what is open now: the reply just sent is not offered for a second draft', async () => {
    const row = page.locator('#grid tbody tr', { has: page.locator('td[data-column="Reporter name"]', { hasText: 'Blake Placeholder' }) });
    const caseId = ((await row.locator('td[data-column="Case ID"]').textContent()) ?? '').trim();
    const listed = await openDialog(caseId);
    expect(listed.chosen).toBe('Acknowledgement');
    expect(listed.disabled).toContainEqual(['Not a violation', 'the first reply has not been sent']);
    await dialog().locator('#preview-subject', { hasText: 'We have received your report' }).waitFor();
    await dialog().locator('#create').click();
    await dialog().locator('#message.message-ok', { hasText: 'Draft created' }).waitFor();
    await dialog().locator('#mark-sent').click();
    await dialog().locator('#message.message-ok', { hasText: 'First reply sent set to' }).waitFor();
    const acknowledgement = dialog().locator('#template option[value="Acknowledgement"]');
    await dialog().locator('#template option[value="Acknowledgement"][data-reason="the first reply was sent"]').waitFor({ state: 'attached' });
    await expect(acknowledgement.isDisabled()).resolves.toBe(true);
    await expect(dialog().locator('#template option[value="Not a violation"]').getAttribute('data-reason')).resolves.not.toBe('the first reply has not been sent');
    await expect(dialog().locator('#create').isDisabled()).resolves.toBe(true);
    await closeDialog();
    expect(pageErrors).toEqual([]);
  });
});
