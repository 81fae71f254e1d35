// After the case, in a real Chromium on the local preview (the built bundle on
// the in-memory fakes): the Transparency report dialog builds the Report sheet
// for a period and shows its anonymous figures and summary; the Expunge due
// records dialog lists the demo's two due records and expunges them after a
// confirmation. The report's screenshot is the README's (docs/report.png).
import type { FrameLocator, Page } from 'playwright-core';
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

run('After the case in the preview (Chromium)', () => {
  let opened: OpenPreview | undefined;
  let preview: PreviewProcess;
  let page: Page;
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    opened = await openPreview('Europe/Berlin', { pageErrors, requests });
    ({ preview, page } = opened);
  });

  afterAll(() => opened?.close());

  const state = (): Promise<PreviewState> => readState(page, preview);
  const dialog = (): FrameLocator => page.frameLocator('#dialog-frame');
  const openMenu = async (caption: string) => {
    await page.locator('#menubar button.menu-item', { hasText: caption }).click();
    await page.locator('#dialog[open]').waitFor();
  };
  const caseIdOf = (s: PreviewState, reporter: string): string => rowWhere(sheetNamed(s, 'Cases'), 'Reporter name', reporter)['Case ID'];

  test('Transparency report…: a period in, the figures and the summary out, the Report sheet written, nothing identifying', async () => {
    const before = await state();
    await openMenu('Transparency report…');
    const frame = dialog();
    // It starts with the six months before this one.
    await expect(frame.locator('#to').inputValue()).resolves.toBe(before.today);
    await frame.locator('#from').fill(addDaysIso(before.today, -500));
    await frame.getByRole('button', { name: 'Build report' }).click();
    await frame.locator('#result:not([hidden])').waitFor();
    await frame.locator('#message.message-ok').waitFor();

    const figures = await frame.locator('#figures tbody tr').allTextContents();
    expect(figures.some((row) => /^Reports received\d+$/.test(row))).toBe(true);
    expect(figures.some((row) => row.includes('fewer than 3'))).toBe(true);
    const summary = await frame.locator('#summary').inputValue();
    expect(summary).toMatch(/^Code of Conduct transparency report, /);
    expect(summary).toContain('Reports received: ');

    const report = (await state()).sheets.find((s) => s.name === 'Report');
    expect(report).toBeDefined();
    expect(report!.rows[0][0]).toBe('Transparency report');
    const text = JSON.stringify(report!.rows) + figures.join('\n') + summary;
    for (const secret of ['Example', 'Placeholder', 'example.org', 'example.net', 'Fictional demo', 'IRT-']) expect(text).not.toContain(secret);

    await page.setViewportSize({ width: 1400, height: 1300 });
    await page.locator('#dialog').screenshot({ path: outputFile('report.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    keepForReadme('report.png');
    // Close stands apart at the right end of the button row, not next to Build report.
    const buttonRow = (await frame.locator('#build').locator('..').boundingBox())!;
    const close = (await frame.getByRole('button', { name: 'Close' }).boundingBox())!;
    expect(Math.abs(close.x + close.width - (buttonRow.x + buttonRow.width))).toBeLessThan(2);
    await frame.getByRole('button', { name: 'Close' }).click();
    await page.waitForFunction(() => !document.querySelector('#dialog')?.hasAttribute('open'));
  });

  test('Expunge due records…: the two due demo records, expunged after confirming', async () => {
    const before = await state();
    const due = [caseIdOf(before, 'Nico Placeholder'), caseIdOf(before, 'Oli Mockup')].sort();
    await openMenu('Expunge due records…');
    const frame = dialog();
    await frame.locator('#list:not([hidden])').waitFor();
    const ids = (await frame.locator('#due tbody tr td:nth-child(2)').allTextContents()).sort();
    expect(ids).toEqual(due);
    await frame.getByRole('button', { name: 'Expunge 2 records…' }).click();
    await frame.locator('#confirm:not([hidden])').waitFor();
    await frame.getByRole('button', { name: 'Yes, expunge' }).click();
    await frame.locator('#message.message-ok', { hasText: 'Expunged 2 cases' }).waitFor();
    await frame.locator('#intro', { hasText: 'No record is due to be expunged today' }).waitFor();
    await frame.getByRole('button', { name: 'Close' }).click();
    await page.waitForFunction(() => !document.querySelector('#dialog')?.hasAttribute('open'));

    const cases = sheetNamed(await state(), 'Cases');
    for (const id of due) {
      const row = rowWhere(cases, 'Case ID', id);
      expect(row.Summary).toBe('Expunged');
      expect(row['Reporter email']).toBe('Expunged');
      expect(row.Stage).toBe('Closed');
    }
    // The case under appeal is kept whole, and owes its review (the decision stands meanwhile).
    const appealed = rowWhere(cases, 'Reporter name', 'Mel Example');
    expect(appealed['Next action']).toBe('Review appeal');
    expect(appealed.Stage).toBe('Closed');
    expect(appealed.Outcome).toBe('Warning');
  });

  test('the demo case under appeal: the panel owes Review appeal and offers the appeal decision, the reviewers named', async () => {
    const caseId = caseIdOf(await state(), 'Mel Example');
    await page.locator('#grid tbody tr td[data-column="Case ID"]', { hasText: caseId }).click();
    await page.locator('#grid tr.selected-row td[data-column="Case ID"]', { hasText: caseId }).waitFor();
    await page.getByRole('button', { name: 'Case panel…' }).click();
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#case-id', { hasText: caseId }).waitFor();
    await expect(sidebar.locator('#next-action').textContent()).resolves.toBe('Review appeal');
    const toggles = await sidebar.locator('.step-toggle').allTextContents();
    expect(toggles).toHaveLength(1);
    expect(toggles[0]).toContain('Record appeal decision');
    await expect(sidebar.locator('#timeline').textContent()).resolves.toContain('Appeal received');
  });

  test('no page error, nothing fetched from outside the preview', () => {
    expect(pageErrors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(preview.origin) && !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
  });
});
