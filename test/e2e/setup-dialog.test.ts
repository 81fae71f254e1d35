// Set up tracker's dialog in a real Chromium, on the preview's records demo (a
// team's own sheet the add-on does not know, PREVIEW_DEMO=records): the guesses are
// preselected, nothing is written until the member confirms, then the records get
// their deadlines and no value of the team's changes. Needs dist/ built first.
import type { Page } from 'playwright-core';
import { RECORDS_HEADER } from '../unit/records-fixture';
import {
  browserAvailable,
  outputFile,
  type PreviewProcess,
  readState,
  type PreviewState,
  openPreview,
  type OpenPreview,
  sheetNamed,
} from './support';

jest.setTimeout(120_000);

const run = browserAvailable() ? describe : describe.skip;

run('Set up tracker dialog in the preview (Chromium)', () => {
  let opened: OpenPreview | undefined;
  let preview: PreviewProcess;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    opened = await openPreview('Europe/London', { pageErrors, height: 1200 }, { PREVIEW_DEMO: 'records' });
    ({ preview, page } = opened);
  });

  afterAll(() => opened?.close());

  const state = (): Promise<PreviewState> => readState(page, preview);
  const records = (s: PreviewState) => sheetNamed(s, 'Records');
  const teamCells = (s: PreviewState) => records(s).rows.map((r) => r.slice(0, RECORDS_HEADER.length));

  test('adopts the team’s records through the dialog', async () => {
    const before = await state();
    expect(before.sheets.map((s) => s.name)).toEqual(['Records']);
    expect(records(before).rows[0]).toEqual(RECORDS_HEADER);

    await page.getByRole('button', { name: 'Set up tracker' }).click();
    await page.locator('#dialog[open]').waitFor();
    await expect(page.locator('#dialog-title').textContent()).resolves.toBe('Set up tracker');
    const dialog = page.frameLocator('#dialog-frame');
    await dialog.locator('#sheet').waitFor();
    await expect(dialog.locator('#sheet').inputValue()).resolves.toBe('Records');
    const choiceFor = (column: string) => dialog.locator(`select[data-column="${column}"]`);
    await expect(choiceFor('Received').inputValue()).resolves.toBe('Date of 1st report');
    await expect(choiceFor('Reported party email').inputValue()).resolves.toBe('Subject email address/URL');
    await expect(choiceFor('Stage').inputValue()).resolves.toBe(''); // add a new column
    // The best guesses come first in each list, after "Add a new column".
    await expect(choiceFor('Summary').locator('option').nth(1).textContent()).resolves.toBe('Summary of report (for internal purposes)');
    // Nothing is written while the dialog is open.
    expect((await state()).sheets).toEqual(before.sheets);

    // One header for two columns is refused on the page before anything is sent.
    await choiceFor('Where').selectOption('Named subjects');
    await dialog.locator('#message.message-error', { hasText: 'is chosen for both' }).waitFor();
    await expect(dialog.locator('#confirm').isDisabled()).resolves.toBe(true);
    await choiceFor('Where').selectOption('');
    await expect(dialog.locator('#confirm').isDisabled()).resolves.toBe(false);

    await page.locator('#dialog').screenshot({ path: outputFile('setup-dialog.png') });
    await dialog.locator('#confirm').click();
    await dialog.locator('#message.message-ok', { hasText: 'IRT Tracker is set up' }).waitFor();
    await expect(dialog.locator('#message').textContent()).resolves.toContain('Received ← Date of 1st report');

    const after = await state();
    expect(after.sheets.map((s) => s.name)).not.toContain('Cases');
    expect(teamCells(after)).toEqual(teamCells(before));
    const header = records(after).rows[0];
    const rows = records(after).rows.slice(1);
    for (const row of rows) {
      expect(row[header.indexOf('Stage')]).toBe('Received');
      expect(row[header.indexOf('Next action')]).toBe('Reply to reporter');
      expect(row[header.indexOf('Next deadline')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(rows.map((row) => row[header.indexOf('Deadline status')])).toEqual(['Overdue', 'Due soon']);
    expect(pageErrors).toEqual([]);

    // A second setup, from the menu: certain now, so no dialog and no change.
    await dialog.locator('#cancel').click();
    await page.locator('#dialog').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Set up tracker' }).click();
    await page.locator('.notice', { hasText: 'IRT Tracker is set up' }).waitFor();
    expect(records(await state()).rows).toEqual(records(after).rows);
  });
});
