import { type AuthModeName, authorize } from './auth';
import { type Cell, displayValue, readValue, writeValue } from './cells';
import { FakeClock, makeFakeDate } from './clock';
import { CallCounter } from './counter';
import { ExecutionState } from './execution';
import { DraftBox, FakeGmail } from './gmail';
import { Guard, type GuardContext } from './guard';
import { FakeHtmlService } from './html';
import { FakeLockService, LockState } from './lock';
import { FakeConsole, FakeLogger, LogBook } from './logger';
import { FakeMailApp, Outbox } from './mail';
import { FakeProperties, FakePropertiesService } from './properties';
import { FakeScriptApp, TriggerRegistry } from './script-app';
import { FakeSession, type SessionConfig } from './session';
import type { FakeEmbeddedChart } from './chart';
import type { FakeSheet } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheet-app';
import { UiLog } from './ui';
import { FakeUtilities } from './utilities';

export { evaluateRowHighlight } from './rule-eval';
export type { SentMail } from './mail';
export type { DraftRecord } from './gmail';
export type { DialogRecord } from './ui';

export interface EnvOptions {
  spreadsheetTimeZone?: string;
  scriptTimeZone?: string;
  activeUser?: string;
  effectiveUser?: string;
  now?: Date | string;
  authMode?: AuthModeName;
  /** The OAuth scopes granted (the manifest's oauthScopes); by default createGas reads them from the bundle's appsscript.json. */
  oauthScopes?: string[];
  spreadsheetName?: string;
  spreadsheetLocale?: string;
  userLocale?: string;
  /** The argument separator formulas in cells must use (default ','); see FakeSpreadsheet._formulas. */
  formulaSeparator?: ',' | ';';
  /** Functions a formula in a cell cannot use (it shows #ERROR!), e.g. ['REGEXMATCH']. */
  unavailableFormulaFunctions?: string[];
}

interface SeedOptions {
  /** Number formats set on whole columns before writing, by 1-based column. */
  columnFormats?: Record<number, string>;
  /** Freeze this many rows (e.g. 1 for a header row). */
  frozenRows?: number;
}

/** The Apps Script globals a script sees (guarded, counted). */
interface FakeGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Gmail: { Users: { Drafts: { create(resource: object, userId: string): unknown; list(userId: string): unknown; get(userId: string, id: string): unknown; remove(userId: string, id: string): void } } };
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
  Date: DateConstructor;
}

export interface FakeEnv {
  /** What a script sees as globals. Calls through these are counted and authorized. */
  readonly globals: FakeGlobals;
  readonly calls: CallCounter;
  /** The spreadsheet through a back door: guarded (unimplemented members throw) but not counted. */
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: UiLog;
  readonly outbox: Outbox;
  readonly drafts: DraftBox;
  readonly triggers: TriggerRegistry;
  readonly locks: LockState;
  /** Back doors to the three property stores (string values). */
  readonly properties: { script: Map<string, string>; document: Map<string, string>; user: Map<string, string> };
  readonly clock: FakeClock;
  readonly logs: LogBook;
  /** Live session settings: change the user, zone or locale between runs. */
  readonly session: SessionConfig;
  /** HTML files of the project by name (without .html), for createHtmlOutputFromFile. */
  readonly htmlFiles: Map<string, string>;
  /** The run in progress (for the runtime). */
  readonly execution: ExecutionState;
  authMode: AuthModeName;
  /** Scopes a call may use (the manifest's oauthScopes); null = any (no manifest list). */
  oauthScopes: string[] | null;
  /**
   * Interleaves executions: just before the running script's `nth` call of `member`
   * (e.g. 'Range.setValues'), runs `work`, which may start other executions with
   * gas.run as if they ran at that moment (they compete for the same locks).
   */
  meanwhile(member: string, work: () => void, nth?: number): void;
  /** Creates the sheet if needed and writes rows from A1 as setValues would (not counted). */
  seedSheet(name: string, rows: unknown[][], options?: SeedOptions): FakeSheet;
  /** The sheet by name through the uncounted back door; throws if missing. */
  sheet(name: string): FakeSheet;
  /** getValues of the sheet's data range ([] when empty), not counted. */
  sheetValues(name: string): unknown[][];
  sheetFormulas(name: string): string[][];
  sheetDisplayValues(name: string): string[][];
  /** The sheet's embedded charts, described (not counted). */
  sheetCharts(name: string): ReturnType<FakeEmbeddedChart['_describe']>[];
}

const DEFAULT_USER = 'irt.member@example.org';

export function createEnv(options: EnvOptions = {}): FakeEnv {
  const calls = new CallCounter();
  const clock = new FakeClock(options.now ?? '2025-01-15T10:00:00Z');
  const execution = new ExecutionState(clock);
  const ui = new UiLog();
  const outbox = new Outbox();
  const drafts = new DraftBox();
  const triggers = new TriggerRegistry();
  const locks = new LockState(clock);
  const logs = new LogBook();
  const htmlFiles = new Map<string, string>();
  const activeUser = options.activeUser ?? DEFAULT_USER;
  const session: SessionConfig = {
    activeUser,
    effectiveUser: options.effectiveUser ?? (activeUser || DEFAULT_USER),
    scriptTimeZone: options.scriptTimeZone ?? options.spreadsheetTimeZone ?? 'America/Los_Angeles',
    locale: options.userLocale ?? 'en',
    temporaryActiveUserKey: `temp-key-${Buffer.from(activeUser || 'anonymous').toString('hex').slice(0, 16)}`,
  };

  const state = {
    authMode: options.authMode ?? ('FULL' as AuthModeName),
    scopes: options.oauthScopes ? new Set(options.oauthScopes) : (null as Set<string> | null),
  };
  /** A simple trigger's own mode while it runs, else the environment's. */
  const currentMode = () => execution.authMode() ?? state.authMode;
  const ctx: GuardContext = {
    calls,
    authorize: (member) => authorize(currentMode(), member, state.scopes),
    realm: () => execution.realm(),
    beforeCall: (member) => execution.beforeCall(member),
    afterCall: () => execution.checkTime(),
  };
  const counted = new Guard(ctx, true);
  const quiet = new Guard(ctx, false);

  const spreadsheet = new FakeSpreadsheet(
    { timeZone: options.spreadsheetTimeZone ?? 'America/Los_Angeles', name: options.spreadsheetName, locale: options.spreadsheetLocale },
    ui,
  );
  spreadsheet._formulas = {
    separator: options.formulaSeparator ?? ',',
    unavailable: new Set((options.unavailableFormulaFunctions ?? []).map((f) => f.toUpperCase())),
    now: () => clock.date(),
  };
  const props = {
    script: new FakeProperties('script'),
    document: new FakeProperties('document'),
    user: new FakeProperties('user'),
  };
  const scriptApp = new FakeScriptApp({ registry: triggers, session, spreadsheet });

  const globals: FakeGlobals = {
    SpreadsheetApp: counted.wrap(new FakeSpreadsheetApp(spreadsheet, ui)) as unknown as FakeGlobals['SpreadsheetApp'],
    PropertiesService: counted.wrap(new FakePropertiesService(props.script, props.document, props.user)) as unknown as FakeGlobals['PropertiesService'],
    LockService: counted.wrap(new FakeLockService(locks, () => execution.owner())) as unknown as FakeGlobals['LockService'],
    Session: counted.wrap(new FakeSession(session, currentMode)) as unknown as FakeGlobals['Session'],
    Utilities: counted.wrap(new FakeUtilities(clock)) as unknown as FakeGlobals['Utilities'],
    ScriptApp: counted.wrap(scriptApp) as unknown as FakeGlobals['ScriptApp'],
    HtmlService: counted.wrap(new FakeHtmlService(htmlFiles, () => execution.scope())) as unknown as FakeGlobals['HtmlService'],
    MailApp: counted.wrap(new FakeMailApp(outbox)) as unknown as FakeGlobals['MailApp'],
    Gmail: counted.wrap(new FakeGmail(drafts)) as unknown as FakeGlobals['Gmail'],
    Logger: counted.wrap(new FakeLogger(logs)) as unknown as FakeGlobals['Logger'],
    console: counted.wrap(new FakeConsole(logs)) as unknown as Console,
    Date: makeFakeDate(clock),
  };

  const sheetRaw = (name: string): FakeSheet => {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`Fake env: no sheet named "${name}"`);
    return sheet;
  };
  const dataRect = (sheet: FakeSheet) => ({ rows: sheet._lastRow(), cols: sheet._lastColumn() });
  const mapSheet = <T>(name: string, fn: (cell: Cell | undefined) => T): T[][] => {
    const sheet = sheetRaw(name);
    const { rows, cols } = dataRect(sheet);
    const out: T[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: T[] = [];
      for (let c = 1; c <= cols; c++) row.push(fn(sheet._cell(r, c)));
      out.push(row);
    }
    return out;
  };

  return {
    globals,
    calls,
    spreadsheet: quiet.wrap(spreadsheet),
    ui,
    outbox,
    drafts,
    triggers,
    locks,
    properties: { script: props.script._store, document: props.document._store, user: props.user._store },
    clock,
    logs,
    session,
    htmlFiles,
    execution,
    get authMode() {
      return state.authMode;
    },
    set authMode(mode: AuthModeName) {
      state.authMode = mode;
    },
    get oauthScopes() {
      return state.scopes ? [...state.scopes] : null;
    },
    set oauthScopes(scopes: string[] | null) {
      state.scopes = scopes ? new Set(scopes) : null;
    },
    meanwhile(member, work, nth = 1) {
      calls.before(member, () => execution.concurrently(work), nth);
    },
    seedSheet(name, rows, seed = {}) {
      let sheet = spreadsheet.getSheetByName(name);
      if (!sheet) sheet = spreadsheet._addSheet(name, spreadsheet._sheets.length);
      const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
      if (rows.length > sheet._maxRows) sheet._maxRows = rows.length;
      if (width > sheet._maxColumns) sheet._maxColumns = width;
      for (const [col, format] of Object.entries(seed.columnFormats ?? {})) {
        for (let r = 1; r <= sheet._maxRows; r++) sheet._cellForWrite(r, Number(col)).numberFormat = format;
      }
      rows.forEach((row, r) =>
        row.forEach((value, c) => writeValue(sheet._cellForWrite(r + 1, c + 1), value, spreadsheet._timeZone, spreadsheet._locale)),
      );
      if (seed.frozenRows !== undefined) sheet._frozenRows = seed.frozenRows;
      return quiet.wrap(sheet);
    },
    sheet(name) {
      return quiet.wrap(sheetRaw(name));
    },
    sheetValues(name) {
      return mapSheet(name, (cell) => readValue(cell, spreadsheet._timeZone));
    },
    sheetFormulas(name) {
      return mapSheet(name, (cell) => cell?.formula ?? '');
    },
    sheetDisplayValues(name) {
      return mapSheet(name, (cell) => displayValue(cell));
    },
    sheetCharts(name) {
      return sheetRaw(name)._charts.map((chart) => chart._describe());
    },
  };
}
