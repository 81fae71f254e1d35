// The preview shows everything the add-on does (issue 13), in a real Chromium: the
// daily reminder run on demand (as its trigger would), the outbox readable, a grid
// cell edited as in Sheets (firing onEdit), the sidebar as tall as the window.
// Needs dist/ built first (`npm test` does).
import type { Page } from 'playwright-core';
import {
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

jest.setTimeout(120_000);

const run = browserAvailable() ? describe : describe.skip;

run('The preview shows everything (Chromium)', () => {
  let opened: OpenPreview | undefined;
  let preview: PreviewProcess;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    opened = await openPreview('Europe/London', { pageErrors, height: 900 });
    ({ preview, page } = opened);
  });

  afterAll(() => opened?.close());

  const state = (): Promise<PreviewState> => readState(page, preview);
  const caseRow = async (reporter: string) => rowWhere(sheetNamed(await state(), 'Cases'), 'Reporter name', reporter);

  test('the reminder button runs the daily reminder as its trigger would, and the outbox shows the digest readably', async () => {
    // Without a trigger there is no daily run to start.
    await page.getByRole('button', { name: 'Run the daily reminder now' }).click();
    await page.locator('.notice', { hasText: 'Reminders are off: turn them on first' }).waitFor();

    await page.getByRole('button', { name: 'Turn reminders on' }).click();
    await page.locator('.notice', { hasText: 'Reminders' }).first().waitFor();
    await page.getByRole('button', { name: 'Run the daily reminder now' }).click();
    await page.locator('.notice', { hasText: 'Ran as the trigger would' }).waitFor();

    const s = await state();
    expect(s.outbox.sent.length).toBeGreaterThan(0);
    const digest = s.outbox.sent[0];
    expect(digest.to).toMatch(/@example\.org$/);
    expect(digest.subject).toMatch(/^IRT: /);
    expect(s.log.map((r) => r[3])).toContain('Reminders sent');
    // In the page: To, Subject and the text, readable.
    const mail = page.locator('#outbox li.mail', { hasText: 'Sent by MailApp' }).filter({ hasText: digest.subject }).filter({ hasText: digest.to }).first();
    await expect(mail.locator('.kv', { hasText: 'To:' }).first().textContent()).resolves.toContain(digest.to);
    await expect(mail.locator('.kv', { hasText: 'Subject:' }).textContent()).resolves.toContain(digest.subject);
    await expect(mail.locator('pre.mail-body').first().textContent()).resolves.toContain('Cases needing you');
    // A long link wraps inside the outbox: nothing scrolls sideways.
    const widths = await page.locator('#outbox pre.mail-body').evaluateAll((nodes) => nodes.map((n) => [n.scrollWidth, n.clientWidth, n.closest('.panel')!.scrollWidth, n.closest('.panel')!.clientWidth]));
    for (const [scroll, client, panelScroll, panelClient] of widths) {
      expect(scroll).toBeLessThanOrEqual(client);
      expect(panelScroll).toBeLessThanOrEqual(panelClient);
    }
    await page.locator('#outbox').screenshot({ path: outputFile('preview-outbox.png') });
  });

  test('a draft shows its text part, the raw MIME behind a toggle', async () => {
    const row = page.locator('#grid tbody tr', { has: page.locator('td[data-column="Reporter name"]', { hasText: 'Alex Example' }) });
    await row.locator('td[data-column="Case ID"]').click();
    await page.locator('#grid tr.selected-row td[data-column="Reporter name"]', { hasText: 'Alex Example' }).waitFor();
    await page.getByRole('button', { name: 'Draft email…' }).click();
    const dialog = page.frameLocator('#dialog-frame');
    await dialog.locator('#preview-subject').filter({ hasText: /\S/ }).waitFor();
    await dialog.locator('#create').click();
    await dialog.locator('#message.message-ok').waitFor();
    await page.locator('#dialog-close').click();
    const draft = (await state()).outbox.drafts.at(-1)!;
    expect(draft.body).not.toMatch(/Content-Type|base64/);
    expect(draft.raw).toMatch(/^MIME-Version: 1\.0/m);
    const item = page.locator('#outbox li.mail', { hasText: 'Gmail draft' }).first();
    await expect(item.locator('pre.mail-body').first().textContent()).resolves.toBe(draft.body);
    const raw = item.locator('details.mail-raw');
    await expect(raw.locator('pre').isVisible()).resolves.toBe(false);
    await raw.locator('summary').click();
    await expect(raw.locator('pre').textContent()).resolves.toContain('Content-Type: multipart/alternative');
  });

  test('typing into a grid cell fires onEdit and the row’s computed cells change', async () => {
    const before = await caseRow('Blake Placeholder');
    expect(before['Next action']).toBe('Reply to reporter');
    const today = (await state()).today;
    const cell = page.locator('#grid tbody tr', { has: page.locator('td[data-column="Reporter name"]', { hasText: 'Blake Placeholder' }) }).locator('td[data-column="First reply sent"]');
    await cell.dblclick();
    const editor = cell.locator('input.cell-editor');
    await editor.fill(today);
    await editor.press('Enter');
    await page
      .locator('#grid tbody tr', { has: page.locator('td[data-column="Reporter name"]', { hasText: 'Blake Placeholder' }) })
      .locator('td[data-column="Next action"]', { hasText: 'Finish initial assessment' })
      .waitFor();
    const after = await caseRow('Blake Placeholder');
    expect(after['First reply sent']).toBe(today);
    expect(after['Next action']).toBe('Finish initial assessment');
    expect(after['Next deadline']).not.toBe(before['Next deadline']);

    // The add-on's computed cells are not typed over.
    const computed = page.locator('#grid tbody tr', { has: page.locator('td[data-column="Reporter name"]', { hasText: 'Blake Placeholder' }) }).locator('td[data-column="Next action"]');
    await computed.dblclick();
    await computed.locator('input.cell-editor').fill('Nothing');
    await computed.locator('input.cell-editor').press('Enter');
    await page.locator('.notice', { hasText: 'Next action is computed by the add-on' }).waitFor();
    expect((await caseRow('Blake Placeholder'))['Next action']).toBe('Finish initial assessment');
  });

  test('Enter right after a click edits the cell clicked, not the one selected before (the selection round trip is slow here)', async () => {
    const rowOf = (reporter: string) => page.locator('#grid tbody tr', { has: page.locator('td[data-column="Reporter name"]', { hasText: reporter }) });
    await rowOf('Casey Demo').locator('td[data-column="Where"]').click();
    await page.locator('#grid td.selected[data-column="Where"]').waitFor();
    const before = await caseRow('Casey Demo');
    await page.route('**/api/select', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    try {
      const cell = rowOf('Casey Demo').locator('td[data-column="Reporter time zone"]');
      await cell.click();
      await page.keyboard.press('Enter');
      const editor = cell.locator('input.cell-editor');
      await editor.fill('Europe/Madrid');
      await editor.press('Enter');
      await rowOf('Casey Demo').locator('td[data-column="Reporter time zone"]', { hasText: 'Europe/Madrid' }).waitFor();
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
    }
    const after = await caseRow('Casey Demo');
    expect(after['Reporter time zone']).toBe('Europe/Madrid');
    expect(after.Where).toBe(before.Where);
  });

  test('Check this installation runs in the preview and shows each named check', async () => {
    await page.getByRole('button', { name: 'Check this installation' }).click();
    await page.locator('#dialog[open]').waitFor();
    await expect(page.locator('#dialog-title').textContent()).resolves.toBe('Check this installation');
    const dialog = page.frameLocator('#dialog-frame');
    await dialog.locator('#summary.message-ok', { hasText: 'All 10 checks passed' }).waitFor();
    await expect(dialog.locator('#checks li.passed').count()).resolves.toBe(10);
    await expect(dialog.locator('#checks li', { hasText: 'Gmail draft' }).textContent()).resolves.toContain('was created and deleted');
    const s = await state();
    expect(s.sheets.map((sheet) => sheet.name).filter((n) => n.startsWith('IRT Tracker check'))).toEqual([]);
    expect(s.log.map((r) => r.slice(3, 5))).toContainEqual(['Installation checked', '10 of 10 checks passed']);
    await page.locator('#dialog').screenshot({ path: outputFile('installation-check.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('#dialog').waitFor({ state: 'hidden' });
  });

  test('the sidebar is as tall as the window', async () => {
    await page.getByRole('button', { name: 'New case…' }).click();
    await page.locator('#sidebar:not([hidden])').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('#sidebar').boundingBox();
    expect(box?.height).toBe(900);
    expect(pageErrors).toEqual([]);
  });
});
