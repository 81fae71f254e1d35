// The preview's spreadsheet: the built bundle (dist/Code.js) running against the
// in-memory Apps Script fakes of fakes/, on a demo tracker. Every call is a
// fresh execution, as in Apps Script. What the user did is kept as a journal of
// executions (function, arguments, time) in a JSON file; on start the demo is
// rebuilt and the journal replayed, which gives back exactly the same state.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { dayOfInstant, isoFromDay } from '../src/core/calendar';
import { createEnv, evaluateRowHighlight, type DialogRecord, type FakeEnv } from '../fakes';
import { createGas, type Gas } from '../fakes/runtime';
import { seedDemoCases, seedDemoRecords, seedDemoRoster } from './demo';

export interface Execution {
  fn: string;
  args: unknown[];
  /** Epoch ms the execution ran at (the fakes' clock during replay). */
  at: number;
  /** Run as Google runs a time-driven trigger: no UI, as the trigger's owner. */
  trigger?: string;
}

/** The member typed a value into a cell (as in Sheets: the value is written, then onEdit fires). */
export interface CellEdit {
  edit: { sheet: string; row: number; column: number; value: string };
  at: number;
}

/** The member clicked a cell: the active sheet and range the next executions see. */
export interface Selection {
  select: { sheet: string; row: number; column: number };
  at: number;
}

export type JournalEntry = Execution | Selection | CellEdit;

/** The daily reminder trigger's handler (src/reminders/trigger.ts). */
export const REMINDER_HANDLER = 'sendDeadlineReminders';
/** Columns the add-on computes: Sheets warns before a member types over them; the preview refuses. */
const COMPUTED = new Set(['Next action', 'Next deadline', 'Deadline status']);

export interface SavedState {
  version: 1;
  /** When the demo was made: its cases are dated relative to this day. */
  createdAt: number;
  timeZone: string;
  /** Which demo: the add-on's tracker (default) or a team's own records, not yet set up. */
  demo?: DemoKind;
  executions: JournalEntry[];
}

export type DemoKind = 'tracker' | 'records';

export interface RunOutcome {
  ok: boolean;
  value?: unknown;
  error?: string;
  /** Sidebars and dialogs the execution opened (index into the dialog list). */
  opened: { id: number; kind: DialogRecord['kind']; title: string; width?: number; height?: number }[];
  toasts: { title: string; message: string }[];
  alerts: { title: string; prompt: string; response: string }[];
  ms: number;
}

export interface WorkbookOptions {
  distDir: string;
  stateFile: string;
  /** Only for a new demo: the spreadsheet's zone (default: this machine's). */
  timeZone?: string;
  /** Only for a new demo: which one (default tracker). */
  demo?: DemoKind;
  /** The user the add-on sees. */
  activeUser?: string;
  now?: () => number;
  log?: (line: string) => void;
}

export const DEMO_USER = 'you@example.org';

const FUNCTION_NAME = /^[A-Za-z_$][\w$]*$/;

export function machineTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function readState(file: string, log: (line: string) => void): SavedState | null {
  if (!fs.existsSync(file)) return null;
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as SavedState;
    if (state.version !== 1 || typeof state.createdAt !== 'number' || !Array.isArray(state.executions)) throw new Error('unknown format');
    return state;
  } catch (error) {
    log(`Ignoring ${file} (${(error as Error).message}); starting a new demo.`);
    return null;
  }
}

/** Why google.script.run could not carry a value, or null when it can. */
export function unsafeForClient(value: unknown, at = 'the result'): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return null;
  if (type === 'number') return Number.isFinite(value) ? null : `${at} is ${String(value)}`;
  if (type === 'function') return `${at} is a function`;
  if (type !== 'object') return `${at} is a ${type}`;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return `${at} is a Date (send dates as yyyy-mm-dd strings)`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = unsafeForClient(value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (tag !== '[object Object]') return `${at} is a ${tag.slice(8, -1)}`;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const problem = unsafeForClient(item, `${at}.${key}`);
    if (problem) return problem;
  }
  return null;
}

/** Undoes RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=) in a header, for display. */
export function decodeMimeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([\w-]+)\?([BQ])\?([^?]*)\?=/gi, (word, charset: string, encoding: string, text: string) => {
      if (!/^utf-?8$/i.test(charset)) return word;
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      return bytes.toString('utf8');
    });
}

/** The text/plain part of a MIME message, its transfer encoding undone (the whole body when it is not multipart). */
export function plainTextPart(mime: string): string {
  const split = (message: string) => {
    const at = message.search(/\r?\n\r?\n/);
    const head = at < 0 ? message : message.slice(0, at);
    const body = at < 0 ? '' : message.slice(at).replace(/^\r?\n\r?\n/, '');
    const headers = new Map<string, string>();
    for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
    }
    return { headers, body };
  };
  const decode = (part: { headers: Map<string, string>; body: string }) =>
    /base64/i.test(part.headers.get('content-transfer-encoding') ?? '') ? Buffer.from(part.body.replace(/\s/g, ''), 'base64').toString('utf8') : part.body;
  const top = split(mime);
  const boundary = /boundary="?([^";]+)"?/i.exec(top.headers.get('content-type') ?? '')?.[1];
  if (!boundary) return decode(top);
  for (const chunk of top.body.split(`--${boundary}`).slice(1)) {
    const part = split(chunk.replace(/^\r?\n/, ''));
    if (/^text\/plain/i.test(part.headers.get('content-type') ?? '')) return decode(part).replace(/\r?\n$/, '');
  }
  return '';
}

export class Workbook {
  readonly env: FakeEnv;
  private readonly gas: Gas;
  private readonly state: SavedState;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  readonly history: { fn: string; at: number; ok: boolean; error?: string; ms: number }[] = [];

  constructor(private readonly options: WorkbookOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => undefined);
    const saved = readState(options.stateFile, this.log);
    this.state = saved ?? {
      version: 1,
      createdAt: this.now(),
      timeZone: options.timeZone ?? machineTimeZone(),
      demo: options.demo === 'records' ? 'records' : 'tracker',
      executions: [],
    };
    this.env = createEnv({
      spreadsheetTimeZone: this.state.timeZone,
      now: new Date(this.state.createdAt),
      activeUser: options.activeUser ?? DEMO_USER,
      spreadsheetName: 'IRT Case Tracker (demo)',
    });
    this.gas = createGas(this.env, { bundleDir: options.distDir });

    // The demo as it was made, then everything done since.
    const demoDay = dayOfInstant(new Date(this.state.createdAt), this.state.timeZone);
    if (this.state.demo === 'records') {
      seedDemoRecords(this.env, demoDay, this.state.timeZone);
      this.env.sheet('Records').getRange(2, 1).activate();
    } else {
      seedDemoCases(this.env, demoDay, this.state.timeZone);
      this.gas.run('setupTracker');
      seedDemoRoster(this.env, demoDay, this.state.timeZone);
      this.env.sheet('Cases').getRange(2, 1).activate(); // the first case is selected
    }
    let failed = 0;
    for (const entry of this.state.executions) {
      this.env.clock.set(entry.at);
      try {
        if ('select' in entry) this.activate(entry.select);
        else if ('edit' in entry) this.typeInto(entry.edit);
        else if (entry.trigger) this.asTrigger(entry.trigger, () => this.gas.run(entry.fn, ...entry.args));
        else this.gas.run(entry.fn, ...entry.args);
      } catch {
        failed++; // it failed the first time too, or the add-on changed since
      }
    }
    if (saved) this.log(`Restored ${saved.executions.length} saved action(s) from ${options.stateFile}${failed ? ` (${failed} failed again)` : ''}.`);
    else this.save();
    this.env.ui.dialogs.length = 0; // nothing is open when the document opens
    this.openDocument();
  }

  get timeZone(): string {
    return this.state.timeZone;
  }

  /** What Sheets does when someone opens the document: runs onOpen (not journaled). */
  openDocument(): void {
    this.env.clock.set(this.now());
    try {
      this.gas.run('onOpen', { authMode: 'FULL', source: null, user: null });
    } catch (error) {
      this.log(`onOpen failed: ${(error as Error).message}`);
    }
  }

  /** Makes a cell the active range, as a click in Sheets does (kept in the journal). */
  select(sheet: string, row: number, column: number): void {
    const selection = { sheet, row, column };
    this.activate(selection);
    const entry: Selection = { select: selection, at: this.now() };
    const last = this.state.executions[this.state.executions.length - 1];
    if (last && 'select' in last) this.state.executions[this.state.executions.length - 1] = entry;
    else this.state.executions.push(entry);
    this.save();
  }

  private activate({ sheet, row, column }: Selection['select']): void {
    const target = this.env.spreadsheet.getSheetByName(sheet);
    if (!target) throw new Error(`No sheet named ${sheet}`);
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1 || row > target.getMaxRows() || column > target.getMaxColumns())
      throw new Error(`No cell at row ${row}, column ${column} of ${sheet}`);
    target.getRange(row, column).activate();
  }

  functionNames(): string[] {
    return this.gas.functionNames();
  }

  /**
   * Runs the daily reminder as its time-driven trigger does: the handler with the
   * trigger's event, no UI, as the member who turned reminders on.
   */
  runDailyReminder(): RunOutcome {
    const trigger = this.env.triggers.byHandler(REMINDER_HANDLER)[0];
    if (!trigger) return this.refused('Reminders are off: turn them on first (IRT Tracker → Turn reminders on). The daily run is that member’s trigger.');
    return this.run(REMINDER_HANDLER, [{ triggerUid: trigger.id, authMode: 'FULL' }], trigger.id);
  }

  /** Runs `work` as the owner of trigger `id`, with no UI, as Apps Script runs a trigger. */
  private asTrigger<T>(id: string, work: () => T): T {
    const trigger = this.env.triggers.list.find((t) => t.id === id);
    const session = this.env.session;
    const saved = { active: session.activeUser, effective: session.effectiveUser };
    if (trigger) {
      session.activeUser = trigger.owner;
      session.effectiveUser = trigger.owner;
    }
    this.env.ui.available = false;
    try {
      return work();
    } finally {
      this.env.ui.available = true;
      session.activeUser = saved.active;
      session.effectiveUser = saved.effective;
    }
  }

  /**
   * The member types `value` into a cell: written as typed input, then onEdit runs as
   * the simple trigger Sheets fires (kept in the journal).
   */
  edit(sheet: string, row: number, column: number, value: string): RunOutcome {
    const target = this.env.spreadsheet.getSheetByName(sheet);
    if (!target) return this.refused(`No sheet named ${sheet}`);
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1 || row > target.getMaxRows() || column > target.getMaxColumns())
      return this.refused(`No cell at row ${row}, column ${column} of ${sheet}`);
    if (typeof value !== 'string' || value.length > 50_000) return this.refused('Type some text (at most 50,000 characters).');
    const header = String(target.getRange(1, column).getValue());
    if (row > 1 && COMPUTED.has(header)) return this.refused(`${header} is computed by the add-on: edit the case's own cells instead.`);
    const entry: CellEdit = { edit: { sheet, row, column, value }, at: this.now() };
    this.env.clock.set(entry.at);
    this.state.executions.push(entry);
    this.save();
    return this.capture('onEdit', () => this.typeInto(entry.edit));
  }

  private typeInto({ sheet, row, column, value }: CellEdit['edit']): void {
    const raw = this.env.spreadsheet.getSheetByName(sheet);
    if (!raw) throw new Error(`No sheet named ${sheet}`);
    const cell = raw.getRange(row, column);
    const oldValue = cell.getDisplayValue();
    cell.setValue(value);
    // The event as Sheets builds it, its range through the services the script sees.
    const source = this.env.globals.SpreadsheetApp.getActiveSpreadsheet();
    const range = source.getSheetByName(sheet)!.getRange(row, column);
    this.gas.run('onEdit', { range, source, value, oldValue, authMode: 'LIMITED' });
  }

  private refused(error: string): RunOutcome {
    return { ok: false, error, opened: [], toasts: [], alerts: [], ms: 0 };
  }

  /** Runs a top-level function of the bundle as a fresh execution, as google.script.run or a menu does. */
  run(fn: string, args: unknown[] = [], trigger?: string): RunOutcome {
    if (!FUNCTION_NAME.test(fn) || fn.endsWith('_')) return this.refused(`"${fn}" cannot be called: only top-level functions whose names do not end with _ can`);
    if (!this.gas.functionNames().includes(fn)) return this.refused(`Script function not found: ${fn}`);
    const at = this.now();
    this.env.clock.set(at);
    this.state.executions.push(trigger ? { fn, args, at, trigger } : { fn, args, at });
    try {
      return this.capture(fn, () => (trigger ? this.asTrigger(trigger, () => this.gas.run(fn, ...args)) : this.gas.run(fn, ...args)));
    } finally {
      this.save();
    }
  }

  /** Runs one execution and collects what it showed: dialogs, toasts, alerts, its value or error. */
  private capture(fn: string, work: () => unknown): RunOutcome {
    const started = Date.now();
    const ui = this.env.ui;
    const before = { dialogs: ui.dialogs.length, toasts: ui.toasts.length, alerts: ui.alerts.length };
    const outcome: RunOutcome = { ok: false, opened: [], toasts: [], alerts: [], ms: 0 };
    try {
      const value = work();
      const problem = unsafeForClient(value);
      if (problem) throw new Error(`${fn} returned a value google.script.run cannot carry: ${problem}`);
      outcome.value = value === undefined ? null : JSON.parse(JSON.stringify(value));
      outcome.ok = true;
    } catch (error) {
      outcome.error = String((error as { message?: unknown })?.message ?? error);
    }
    outcome.opened = ui.dialogs.slice(before.dialogs).map((d, i) => ({
      id: before.dialogs + i,
      kind: d.kind,
      title: d.title,
      width: d.width,
      height: d.height,
    }));
    outcome.toasts = ui.toasts.slice(before.toasts).map((t) => ({ title: t.title, message: t.message }));
    outcome.alerts = ui.alerts.slice(before.alerts).map((a) => ({ title: a.title, prompt: a.prompt, response: a.response }));
    outcome.ms = Date.now() - started;
    this.history.push({ fn, at: this.now(), ok: outcome.ok, error: outcome.error, ms: outcome.ms });
    if (this.history.length > 200) this.history.shift();
    return outcome;
  }


  dialogHtml(id: number): DialogRecord | null {
    return this.env.ui.dialogs[id] ?? null;
  }

  private save(): void {
    const file = this.options.stateFile;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(this.state)}\n`);
    fs.renameSync(temp, file);
  }

  /** Everything the page shows, JSON-safe. */
  snapshot(): object {
    const env = this.env;
    const now = new Date(this.now());
    const today = isoFromDay(dayOfInstant(now, this.state.timeZone));
    const sheets = env.spreadsheet.getSheets().map((sheet) => {
      const name = sheet.getName();
      const display = env.sheetDisplayValues(name);
      const formulas = env.sheetFormulas(name);
      const backgrounds = display.map((_, r) => {
        if (r === 0) return null;
        try {
          const colour = evaluateRowHighlight(sheet, r + 1, now)?.background ?? null;
          return colour && /^#[0-9a-f]{3,8}$/i.test(colour) ? colour : null;
        } catch {
          return null;
        }
      });
      return { name, frozenRows: sheet.getFrozenRows(), rows: display, formulas, backgrounds };
    });
    const logSheet = sheets.find((s) => s.name === 'Log');
    const active = env.spreadsheet.getActiveRange();
    return {
      title: env.spreadsheet.getName(),
      timeZone: this.state.timeZone,
      today,
      user: env.session.activeUser,
      menus: env.ui.menus,
      selection: { sheet: active.getSheet().getName(), row: active.getRow(), column: active.getColumn() },
      sheets,
      outbox: {
        sent: env.outbox.sent.map((m) => ({ to: m.to, cc: m.cc, bcc: m.bcc, subject: m.subject, body: m.body || m.htmlBody })),
        drafts: env.drafts.list.map((d) => ({
          id: d.id,
          to: decodeMimeWords(d.headers['to'] ?? ''),
          cc: decodeMimeWords(d.headers['cc'] ?? ''),
          subject: decodeMimeWords(d.headers['subject'] ?? ''),
          body: plainTextPart(d.mime),
          raw: d.mime,
        })),
      },
      log: logSheet ? logSheet.rows.slice(1).reverse().slice(0, 100) : [],
      console: env.logs.entries.slice(-50).map((e) => String((e as { message?: unknown }).message ?? '')),
      history: [...this.history].reverse().slice(0, 50),
    };
  }
}
