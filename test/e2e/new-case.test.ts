// The New case sidebar in a real Chromium, driving the local preview (the built
// bundle on the in-memory fakes). Needs dist/ built first (`npm test` does).
import type { Frame, FrameLocator, Page } from 'playwright-core';
import {
  addDaysIso,
  browserAvailable,
  launchBrowser,
  outputFile,
  keepForReadme,
  startPreview,
  tempStateFile,
  type Browser,
  type PreviewProcess,
  readState,
  closeAll,
  type PreviewState,
  openPreviewPage,
  waitForSelection,
  sheetNamed,
} from './support';

jest.setTimeout(60_000);

const run = browserAvailable() ? describe : describe.skip;

run('New case sidebar in the preview (Chromium)', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  let stateFile: string;
  let page: Page;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const created: string[] = [];

  beforeAll(async () => {
    stateFile = tempStateFile();
    // A zone far from UTC, so "today" in the spreadsheet's zone matters.
    preview = await startPreview(stateFile, 'Pacific/Auckland');
    browser = await launchBrowser();
  });

  afterAll(() => closeAll(browser, preview, stateFile));

  beforeEach(async () => {
    page = await openPreviewPage(browser, preview, { pageErrors, requests, dialogs });
  });

  afterEach(async () => {
    await page.close();
  });

  const state = (): Promise<PreviewState> => readState(page, preview);

  const cases = (s: PreviewState) => sheetNamed(s, 'Cases');

  async function openSidebar(): Promise<FrameLocator> {
    await page.getByRole('button', { name: 'New case…' }).click();
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('#new-case').waitFor();
    return frame;
  }

  function sidebarFrame(): Frame {
    const frame = page.frames().find((f) => f.url().includes('/ui/'));
    if (!frame) throw new Error('The sidebar frame is not open');
    return frame;
  }

  const gridRow = (caseId: string) => page.locator('#grid tbody tr', { has: page.locator('td[data-column="Case ID"]', { hasText: caseId }) });
  const gridCell = (caseId: string, column: string) => gridRow(caseId).locator(`td[data-column="${column}"]`);

  test('a case created through the sidebar appears in the grid with its ID and first-reply deadline', async () => {
    const before = await state();
    const frame = await openSidebar();
    await expect(frame.locator('#received').inputValue()).resolves.toBe(before.today);
    await expect(page.locator('#sidebar-title').textContent()).resolves.toBe('New case');

    await frame.locator('#reporterName').fill('Rowan Example');
    await frame.locator('#reporterEmail').fill('rowan@example.org');
    await frame.locator('#reportedName').fill('Sky Sample');
    await frame.locator('#permission').selectOption('No');
    await frame.locator('#where').fill('Community forum');
    await frame.locator('#helpDeskLink').fill('https://help.example.org/tickets/2001');
    await frame.locator('#summary').fill('Fictional: rude replies in a support thread.');
    // A tall window shows the whole form in the screenshot.
    await page.setViewportSize({ width: 1400, height: 1500 });
    await sidebarFrame().evaluate(() => window.scrollTo(0, 0));
    await page.locator('#sidebar').screenshot({ path: outputFile('sidebar.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    keepForReadme('sidebar.png');

    await frame.getByRole('button', { name: 'Add case' }).click();
    const message = frame.locator('#message');
    await message.locator('.message-title').waitFor();
    const title = (await message.locator('.message-title').textContent()) ?? '';
    const caseId = /Case (IRT-\d{4}-\d{3,}) added/.exec(title)?.[1] ?? '';
    expect(caseId).toMatch(/^IRT-\d{4}-\d{3}$/);
    created.push(caseId);
    const replyDue = addDaysIso(before.today, 3);
    const [y, m, d] = replyDue.split('-').map(Number);
    const longDate = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    await expect(message.textContent()).resolves.toContain(`Reply to the reporter by`);
    await expect(message.textContent()).resolves.toContain(longDate);

    // The form is cleared for the next case.
    await expect(frame.locator('#reporterName').inputValue()).resolves.toBe('');
    await expect(frame.locator('#summary').inputValue()).resolves.toBe('');
    await expect(frame.locator('#received').inputValue()).resolves.toBe(before.today);

    // The grid shows the new row with its ID, stage and computed deadline.
    await gridRow(caseId).waitFor();
    await expect(gridCell(caseId, 'Stage').textContent()).resolves.toBe('Received');
    await expect(gridCell(caseId, 'Received').textContent()).resolves.toBe(before.today);
    await expect(gridCell(caseId, 'Next action').textContent()).resolves.toBe('Reply to reporter');
    await expect(gridCell(caseId, 'Next deadline').textContent()).resolves.toBe(replyDue);
    await expect(gridCell(caseId, 'Deadline status').textContent()).resolves.toBe('On track');
    await expect(gridCell(caseId, 'Reporter name').textContent()).resolves.toBe('Rowan Example');
    expect(cases(await state()).rows.length).toBe(cases(before).rows.length + 1);

    // The Log panel has the action, without the summary or a name.
    const logText = (await page.locator('#log').textContent()) ?? '';
    expect(logText).toContain(caseId);
    expect(logText).toContain('Case created');
    expect(logText).not.toContain('Rowan');
    expect(logText).not.toContain('rude replies');

    // Demo rows are highlighted by the add-on's conditional formatting.
    expect(await page.locator('#grid tbody tr[data-highlight]').count()).toBeGreaterThan(3);
    await page.screenshot({ path: outputFile('grid.png') });
  });

  test('invalid input shows an error next to each field and writes nothing', async () => {
    const before = await state();
    const frame = await openSidebar();
    await frame.locator('#reporterEmail').fill('not an email');
    await frame.locator('#helpDeskLink').fill('ftp://example.org/ticket');
    await frame.locator('#received').fill('2999-01-01');
    await frame.getByRole('button', { name: 'Add case' }).click();

    for (const [field, text] of [
      ['received', 'Received cannot be after today'],
      ['reporterEmail', 'Reporter email is not a valid email address'],
      ['helpDeskLink', 'Help desk link must start with https://'],
      ['summary', 'Summary is required'],
    ]) {
      const error = frame.locator(`#${field}-error`);
      await expect(error.isVisible()).resolves.toBe(true);
      await expect(error.textContent()).resolves.toContain(text);
      await expect(frame.locator(`#${field}`).getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(frame.locator(`#${field}`).getAttribute('aria-describedby')).resolves.toContain(`${field}-error`);
    }
    await expect(frame.locator('#reporterName-error').isVisible()).resolves.toBe(false);
    await page.locator('#sidebar').screenshot({ path: outputFile('sidebar-errors.png') });
    await expect(frame.locator('#message').textContent()).resolves.toContain('Please correct 4 fields');
    // The focus moves to the first invalid field; what was typed stays.
    await expect(sidebarFrame().evaluate(() => document.activeElement?.id)).resolves.toBe('received');
    await expect(frame.locator('#reporterEmail').inputValue()).resolves.toBe('not an email');

    // Correcting a field clears its error.
    await frame.locator('#summary').fill('Fictional summary');
    await expect(frame.locator('#summary-error').isVisible()).resolves.toBe(false);
    await expect(frame.locator('#summary').getAttribute('aria-invalid')).resolves.toBeNull();

    const after = await state();
    expect(cases(after).rows).toEqual(cases(before).rows);
    expect(after.history.filter((h) => h.fn === 'submitNewCase')).toEqual(before.history.filter((h) => h.fn === 'submitNewCase'));
  });

  test('a date the browser cannot read is "not a real date", not "required"', async () => {
    const before = await state();
    const frame = await openSidebar();
    const received = frame.locator('#received');
    await received.click();
    await received.press('Control+a');
    await received.press('Backspace');
    // Typed month by month, day by day, as a member would: 30 February does not exist.
    await received.pressSequentially('02302026');
    await expect(received.evaluate((input: HTMLInputElement) => [input.value, input.validity.badInput])).resolves.toEqual(['', true]);
    await frame.locator('#reporterName').fill('Fictional Reporter');
    await frame.locator('#summary').fill('Fictional summary');
    await frame.getByRole('button', { name: 'Add case' }).click();
    await expect(frame.locator('#received-error').textContent()).resolves.toContain('Received must be a real date');
    await expect(frame.locator('#received-error').textContent()).resolves.not.toContain('required');
    // A field left empty is still "required".
    await received.fill('');
    await expect(received.evaluate((input: HTMLInputElement) => input.validity.badInput)).resolves.toBe(false);
    await frame.getByRole('button', { name: 'Add case' }).click();
    await expect(frame.locator('#received-error').textContent()).resolves.toBe('Received is required');
    const after = await state();
    expect(cases(after).rows).toEqual(cases(before).rows);
    expect(after.history.filter((h) => h.fn === 'submitNewCase')).toEqual(before.history.filter((h) => h.fn === 'submitNewCase'));
  });

  test('the server re-checks what the client sends: a tampered call is refused and writes nothing', async () => {
    const before = await state();
    await openSidebar();
    const message = await sidebarFrame().evaluate(
      () =>
        new Promise<string>((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
          const runner = run.withSuccessHandler(() => resolve('accepted')) as unknown as typeof run;
          const withFailure = runner.withFailureHandler((error: Error) => resolve(error.message)) as unknown as typeof run;
          withFailure.submitNewCase({ received: '2026-02-30', reporterName: '', reporterEmail: '', summary: '' });
        }),
    );
    expect(message).toMatch(/The case was not saved/);
    expect(message).toMatch(/Received must be a real date/);
    expect(message).toMatch(/Summary is required/);
    expect(cases(await state()).rows).toEqual(cases(before).rows);
  });

  test('a refusal from the server is shown and the form keeps what was typed', async () => {
    const frame = await openSidebar();
    // Stand in for a server that refuses (e.g. the tracker lock is held by another member).
    await page.route('**/api/run', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: 'Another member is saving to the tracker right now. Nothing was changed: please try again in a few seconds.', opened: [], toasts: [], alerts: [] }),
      }),
    );
    await frame.locator('#reporterName').fill('Kept Name');
    await frame.locator('#summary').fill('Kept summary');
    await frame.getByRole('button', { name: 'Add case' }).click();
    const message = frame.locator('#message');
    await message.locator('.message-title').waitFor();
    await expect(message.getAttribute('role')).resolves.toBe('alert');
    await expect(message.textContent()).resolves.toContain('please try again');
    await expect(frame.locator('#reporterName').inputValue()).resolves.toBe('Kept Name');
    await expect(frame.locator('#summary').inputValue()).resolves.toBe('Kept summary');
    await expect(frame.getByRole('button', { name: 'Add case' }).isEnabled()).resolves.toBe(true);
    await page.unroute('**/api/run');
  });

  test('markup and formulas typed into fields neither run nor become formulas', async () => {
    const frame = await openSidebar();
    const markup = '<img src=x onerror="window.__xss=1;alert(document.domain)">';
    const formula = '=HYPERLINK("https://evil.example/","click me")';
    await frame.locator('#reporterName').fill(markup);
    await frame.locator('#where').fill(formula);
    await frame.locator('#reportedName').fill('@everyone +1 -1');
    await frame.locator('#summary').fill(`${markup} ${formula}`);
    await frame.getByRole('button', { name: 'Add case' }).click();
    await frame.locator('#message .message-title').waitFor();
    const caseId = /Case (IRT-\d{4}-\d{3,}) added/.exec((await frame.locator('#message .message-title').textContent()) ?? '')?.[1] ?? '';
    expect(caseId).not.toBe('');
    created.push(caseId);

    await gridRow(caseId).waitFor();
    await expect(gridCell(caseId, 'Reporter name').textContent()).resolves.toBe(markup);
    await expect(gridCell(caseId, 'Where').textContent()).resolves.toBe(formula);
    await expect(gridCell(caseId, 'Reported party name').textContent()).resolves.toBe('@everyone +1 -1');
    await expect(gridRow(caseId).locator('img').count()).resolves.toBe(0);
    await expect(gridRow(caseId).locator('td.formula').count()).resolves.toBe(0);

    // In the fake spreadsheet: plain text, no formula anywhere in the row.
    const sheet = cases(await state());
    const index = sheet.rows.findIndex((row) => row[0] === caseId);
    expect(index).toBeGreaterThan(0);
    expect(sheet.formulas[index].every((f) => f === '')).toBe(true);
    expect(sheet.rows[index]).toContain(formula);

    // Nothing ran: no alert, no flag, no request for the image.
    expect(dialogs).toEqual([]);
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await expect(sidebarFrame().evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    expect(requests.filter((url) => /\/x$/.test(url))).toEqual([]);
  });

  test('a case can be entered with the keyboard alone', async () => {
    // Open the sidebar from the menu with the keyboard.
    await page.getByRole('button', { name: 'New case…' }).focus();
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('#new-case').waitFor();
    await frame.locator('#reporterName').focus();
    await page.keyboard.type('Keyboard Only');
    await page.keyboard.press('Tab');
    await page.keyboard.type('keys@example.org');
    await page.keyboard.press('Tab'); // reported party name
    await page.keyboard.press('Tab'); // reported party email
    await page.keyboard.press('Tab'); // permission
    await page.keyboard.press('ArrowDown'); // Not asked → Yes
    await page.keyboard.press('Tab'); // where
    await page.keyboard.type('Mailing list');
    await page.keyboard.press('Tab'); // help desk link
    await page.keyboard.press('Tab'); // summary
    await page.keyboard.type('Fictional: typed without a mouse.');
    await page.keyboard.press('Tab'); // conflicts
    await page.keyboard.type('Fictional Member');
    await page.keyboard.press('Tab'); // the Add case button
    await expect(sidebarFrame().evaluate(() => document.activeElement?.textContent)).resolves.toBe('Add case');
    await page.keyboard.press('Enter');
    await frame.locator('#message .message-title').waitFor();
    const caseId = /Case (IRT-\d{4}-\d{3,}) added/.exec((await frame.locator('#message .message-title').textContent()) ?? '')?.[1] ?? '';
    created.push(caseId);
    await gridRow(caseId).waitFor();
    await expect(gridCell(caseId, 'Reporter email').textContent()).resolves.toBe('keys@example.org');
    await expect(gridCell(caseId, 'Permission to notify reported party').textContent()).resolves.toBe('Yes');
    await expect(gridCell(caseId, 'Where').textContent()).resolves.toBe('Mailing list');
    await expect(gridCell(caseId, 'Conflicts').textContent()).resolves.toBe('Fictional Member');
    // Ready for the next case, focus back at the top of the form.
    await expect(sidebarFrame().evaluate(() => document.activeElement?.id)).resolves.toBe('received');
  });

  test('the sidebar loads nothing from the network and every field has a label', async () => {
    requests.length = 0;
    await openSidebar();
    const frame = sidebarFrame();
    const foreign = requests.filter((url) => !url.startsWith(preview.origin) && !url.startsWith('data:') && url !== 'about:blank');
    expect(foreign).toEqual([]);
    const unlabelled = await frame.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea'))
        .filter((control) => !(control as HTMLInputElement).labels?.length)
        .map((control) => control.id),
    );
    expect(unlabelled).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('clicking a cell makes it the active range the add-on sees; the menu is the one onOpen built', async () => {
    const menu = await page.locator('#menubar .menu').first().textContent();
    expect(menu).toMatch(/^IRT Tracker\s*New case…/);
    await page.locator('#grid td[data-cell="C4"]').click();
    await page.locator('#grid td.selected[data-cell="C4"]').waitFor();
    expect((await state()).selection).toEqual({ sheet: 'Cases', row: 4, column: 3 });
    await page.locator('#grid-wrap').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('#grid td.selected[data-cell="C5"]').waitFor();
    await waitForSelection(page, preview, { sheet: 'Cases', row: 5, column: 3 });
  });

  test('an arrow key right after a click moves from the clicked cell, even while the page’s state is slow to come back', async () => {
    // Slow answers to the page's state reads: the keys arrive before the click's round trip is back.
    await page.route('**/api/state', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    try {
      await page.locator('#grid td[data-cell="B2"]').click();
      await page.locator('#grid-wrap').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await page.locator('#grid td.selected[data-cell="C3"]').waitFor();
      await waitForSelection(page, preview, { sheet: 'Cases', row: 3, column: 3 });
      // The page shows one selected cell, the same the server has.
      await page.locator('#grid td.selected[data-cell="C3"]').waitFor();
      await expect(page.locator('#grid td.selected').count()).resolves.toBe(1);
    } finally {
      await page.unroute('**/api/state');
    }
  });

  test('a restart keeps the cases entered; Ctrl-C stops the server cleanly', async () => {
    expect(created.length).toBeGreaterThan(0);
    await page.close();
    const code = await preview.stop();
    expect(code).toBe(0);
    expect(preview.output()).toContain('Preview stopped');
    preview = await startPreview(stateFile);
    page = await browser.context.newPage();
    await page.goto(preview.url);
    await page.locator('body[data-ready="true"]').waitFor();
    for (const caseId of created) await gridRow(caseId).waitFor();
    await expect(gridCell(created[0], 'Reporter name').textContent()).resolves.toBe('Rowan Example');
  });
});
