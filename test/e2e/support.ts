// Shared by the browser tests: Debian's Chromium (never a downloaded browser),
// and the local preview started as `npm start` starts it, on a free loopback port
// with its own state file.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const OUTPUT = path.join(ROOT, 'test-output');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const isCi = () => !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a
 * message on a developer machine, and fail under CI (where .ci/run installs it).
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const message = `Chromium not found at ${CHROMIUM}: ${isCi() ? 'CI must run the browser tests' : 'skipping the browser tests'}. Install it with: sudo apt-get install chromium`;
  if (isCi()) throw new Error(message);
  process.stderr.write(`\n[e2e] ${message}\n\n`);
  return false;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'irt-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PreviewProcess {
  url: string;
  origin: string;
  output: () => string;
  /** Ctrl-C: resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `node scripts/preview.mjs` (what `npm start` runs) without rebuilding dist/. */
export function startPreview(stateFile: string, timeZone?: string, extraEnv: Record<string, string> = {}): Promise<PreviewProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts', 'preview.mjs')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', PREVIEW_STATE: stateFile, PREVIEW_NO_BUILD: '1', ...(timeZone ? { PREVIEW_TZ: timeZone } : {}), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The preview did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: `${match[1]}/`,
          origin: match[1],
          output: () => output,
          stop: () => {
            if (child.exitCode === null) child.kill('SIGINT');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The preview exited (${code}) before it started:\n${output}`));
    });
  });
}

export function tempStateFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'irt-e2e-state-')), 'preview-state.json');
}

export function outputFile(name: string): string {
  fs.mkdirSync(OUTPUT, { recursive: true });
  return path.join(OUTPUT, name);
}

/** yyyy-mm-dd plus some days (calendar arithmetic, no zone involved). */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Keeps a screenshot from test-output/ as the README's docs/<name>: when it is
 * missing there, or when `npm run screenshots` (UPDATE_SCREENSHOTS=1) retakes them all.
 */
export function keepForReadme(file: string, name = file): void {
  const docs = path.join(ROOT, 'docs', name);
  if (fs.existsSync(docs) && process.env.UPDATE_SCREENSHOTS !== '1') return;
  fs.mkdirSync(path.dirname(docs), { recursive: true });
  fs.copyFileSync(outputFile(file), docs);
}

/** One sheet of the preview's state, as `/api/state` returns it. */
export interface SheetState {
  name: string;
  rows: string[][];
  formulas: string[][];
  backgrounds: (string | null)[];
}

/** The preview's state: the workbook, the Log, the outbox and what ran. */
export interface PreviewState {
  today: string;
  timeZone: string;
  selection: { sheet: string; row: number; column: number };
  sheets: SheetState[];
  log: string[][];
  outbox: { sent: { to: string; subject: string; body: string }[]; drafts: { to: string; subject: string; body: string; raw: string }[] };
  history: { fn: string; ok: boolean }[];
}

export async function readState(page: Page, preview: PreviewProcess): Promise<PreviewState> {
  return (await (await page.request.get(`${preview.origin}/api/state`)).json()) as PreviewState;
}

/** The server's selection (the active range the add-on reads), once it is `expected`; throws after 10 s. */
export async function waitForSelection(page: Page, preview: PreviewProcess, expected: PreviewState['selection']): Promise<void> {
  const want = JSON.stringify(expected);
  let seen = '';
  for (const stop = Date.now() + 10_000; Date.now() < stop; await new Promise((resolve) => setTimeout(resolve, 50))) {
    seen = JSON.stringify((await readState(page, preview)).selection);
    if (seen === want) return;
  }
  throw new Error(`The preview's selection stayed ${seen}, not ${want}`);
}

/** Closes the browser, stops the preview and removes its state file (each may be missing after a failed start). */
export async function closeAll(browser: Browser | undefined, preview: PreviewProcess | undefined, stateFile: string | undefined): Promise<void> {
  await browser?.close();
  await preview?.stop();
  if (stateFile) fs.rmSync(path.dirname(stateFile), { recursive: true, force: true });
}

/** What a test collects from its page: uncaught errors always; requests and alert texts when asked. */
export interface PageWatch {
  pageErrors: string[];
  requests?: string[];
  /** Alert texts; the alert is dismissed. */
  dialogs?: string[];
  /** Dismiss alerts without keeping their text. */
  dismissDialogs?: boolean;
  /** The viewport's height (1400 wide), e.g. tall enough for a whole panel in a screenshot. */
  height?: number;
}

/** A new page on the preview, watched before it loads, once the preview says it is ready. */
export async function openPreviewPage(browser: Browser, preview: PreviewProcess, watch: PageWatch): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  if (watch.requests) page.on('request', (request) => watch.requests?.push(request.url()));
  if (watch.dialogs || watch.dismissDialogs)
    page.on('dialog', (dialog) => {
      watch.dialogs?.push(dialog.message());
      void dialog.dismiss();
    });
  if (watch.height) await page.setViewportSize({ width: 1400, height: watch.height });
  await page.goto(preview.url);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

/** A preview started on its own state file, Chromium, and one watched page on it. */
export interface OpenPreview {
  preview: PreviewProcess;
  browser: Browser;
  page: Page;
  /** Closes the browser, stops the preview and removes the state file. */
  close(): Promise<void>;
}

/** What most browser tests start from (`timeZone` is the spreadsheet's, `env` picks a demo). */
export async function openPreview(timeZone: string, watch: PageWatch, env: Record<string, string> = {}): Promise<OpenPreview> {
  const stateFile = tempStateFile();
  let preview: PreviewProcess | undefined;
  let browser: Browser | undefined;
  try {
    preview = await startPreview(stateFile, timeZone, env);
    browser = await launchBrowser();
    const page = await openPreviewPage(browser, preview, watch);
    const opened = { preview, browser };
    return { ...opened, page, close: () => closeAll(opened.browser, opened.preview, stateFile) };
  } catch (error) {
    await closeAll(browser, preview, stateFile); // nothing left running after a failed start
    throw error;
  }
}

/** A sheet of the state by name; throws when it is missing. */
export function sheetNamed(state: PreviewState, name: string): SheetState {
  const sheet = state.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet ${name} in the preview`);
  return sheet;
}

/** The first row of a sheet whose `column` shows `value`, as {header: display value}; throws when none does. */
export function rowWhere(sheet: SheetState, column: string, value: string): Record<string, string> {
  const header = sheet.rows[0];
  const row = sheet.rows.find((r, i) => i > 0 && r[header.indexOf(column)] === value);
  if (!row) throw new Error(`No row of ${sheet.name} with ${column} ${value}`);
  return Object.fromEntries(header.map((name, i) => [name, row[i]]));
}
