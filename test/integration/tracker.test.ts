// The foundation through dist/Code.js: menu, adopting a tracker, refreshing
// deadlines, recomputing edited rows. Run `npm run build` first (npm test does).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLUMN_NAMES, COMPUTED_COLUMNS } from '../../src/core/columns';
import { createEnv, evaluateRowHighlight, type EnvOptions, type FakeEnv } from '../../fakes';
import { columnToLetters } from '../../fakes/a1';
import { createGas } from '../../fakes/runtime';

const root = path.resolve(__dirname, '../..');
const bundle = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');

function setup(options: EnvOptions = {}) {
  const env = createEnv({ spreadsheetTimeZone: 'Europe/London', activeUser: 'ada@irt.example', now: '2026-03-10T12:00:00Z', ...options });
  return { env, gas: createGas(env) };
}

const col = (env: FakeEnv, name: string) => (env.sheetValues('Cases')[0] as string[]).indexOf(name);
/** The calendar day a date cell shows, in the spreadsheet's zone. */
const dayText = (env: FakeEnv, value: unknown) =>
  value instanceof Date ? new Intl.DateTimeFormat('en-CA', { timeZone: env.spreadsheet.getSpreadsheetTimeZone() }).format(value) : value;

function computed(env: FakeEnv, rowIndex: number) {
  const row = env.sheetValues('Cases')[rowIndex];
  return COMPUTED_COLUMNS.map((name) => dayText(env, row[col(env, name)]));
}

describe('the bundle', () => {
  it.each(['onOpen', 'onInstall', 'onEdit', 'setupTracker', 'refreshDeadlines'])(
    'declares %s as a top-level function, as Apps Script needs',
    (name) => {
      expect(bundle).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      expect(setup().gas.functionNames()).toContain(name);
    },
  );
});

describe('onOpen', () => {
  it('adds the IRT Tracker menu whose every item names a top-level function', () => {
    const { env, gas } = setup({ authMode: 'LIMITED' });
    gas.run('onOpen', { authMode: 'LIMITED' });
    expect(env.ui.menus).toHaveLength(1);
    const menu = env.ui.menus[0];
    expect(menu.caption).toBe('IRT Tracker');
    expect(menu.addon).toBe(false);
    const items = menu.entries.filter((e) => e.type === 'item');
    expect(items.map((i) => i.caption)).toEqual(expect.arrayContaining(['Refresh deadlines', 'Set up tracker']));
    for (const item of items) expect(gas.functionNames()).toContain(item.functionName);
  });

  it('works under AuthMode.NONE with the add-on menu, touching nothing that needs authorization', () => {
    const { env, gas } = setup({ authMode: 'NONE' });
    gas.run('onOpen', { authMode: 'NONE' });
    expect(env.ui.menus[0].addon).toBe(true);
    const touched = Object.keys(env.calls.byName());
    expect(touched.every((name) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(name))).toBe(true);
  });

  it('onInstall builds the same menu', () => {
    const { env, gas } = setup({ authMode: 'NONE' });
    gas.run('onInstall', { authMode: 'NONE' });
    expect(env.ui.menus).toHaveLength(1);
  });
});

function snapshot(env: FakeEnv) {
  return env.spreadsheet.getSheets().map((sheet) => ({
    name: sheet.getName(),
    values: env.sheetValues(sheet.getName()),
    formats: sheet.getDataRange().getNumberFormats(),
    frozen: sheet.getFrozenRows(),
    rules: sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()?.getCriteriaValues()),
    validations: sheet
      .getRange(2, 1, 1, Math.max(sheet.getLastColumn(), 1))
      .getDataValidations()[0]
      .map((v) => (v ? [String(v.getCriteriaType()), v.getCriteriaValues().map(String)] : null)),
    protections: sheet.getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE).length,
  }));
}

describe('setupTracker on a new spreadsheet', () => {
  it('creates the Cases sheet with every canonical column and the helper sheets', () => {
    const { env, gas } = setup();
    gas.run('setupTracker');
    expect(env.spreadsheet.getSheets().map((s) => s.getName())).toEqual(
      expect.arrayContaining(['Cases', 'Templates', 'Roster', 'Settings', 'Log', 'Sheet1']),
    );
    // Every canonical column, the computed ones right after Stage.
    expect(env.sheetValues('Cases')[0]).toEqual([
      'Case ID',
      'Received',
      'Stage',
      'Next action',
      'Next deadline',
      'Deadline status',
      ...COLUMN_NAMES.filter((n) => !['Case ID', 'Received', 'Stage', ...COMPUTED_COLUMNS].includes(n)),
    ]);
    expect(env.ui.alerts[0].prompt).toContain('Next action, Next deadline, Deadline status: columns D, E, F.');
    expect(env.sheet('Cases').getFrozenRows()).toBe(1);
    expect(env.sheetValues('Settings').slice(0, 2)).toEqual([['Setting', 'Value'], ['Reply window (days)', 3]]);
    expect(env.ui.alerts[0].title).toBe('IRT Tracker is set up');
  });

  it('sets validation on every list, date, email and URL column', () => {
    const { env, gas } = setup();
    gas.run('setupTracker');
    const sheet = env.sheet('Cases');
    const rule = (name: string, row = 2) => sheet.getRange(row, col(env, name) + 1).getDataValidation();
    expect(String(rule('Stage')?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule('Stage')?.getCriteriaValues()[0]).toEqual(['Received', 'Assessing', 'Not a violation', 'Sub-team formed', 'Investigating', 'Decision', 'Closed']);
    expect(String(rule('Outcome')?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(String(rule('Permission to notify reported party')?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(String(rule('Received', 1000)?.getCriteriaType())).toBe('DATE_IS_VALID_DATE');
    expect(String(rule('Closed')?.getCriteriaType())).toBe('DATE_IS_VALID_DATE');
    expect(String(rule('Reporter email')?.getCriteriaType())).toBe('TEXT_IS_VALID_EMAIL');
    expect(String(rule('Help desk link')?.getCriteriaType())).toBe('TEXT_IS_VALID_URL');
    expect(String(rule('Sub-team')?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(rule('Summary')).toBeNull();
    expect(rule('Stage', 1)).toBeNull(); // the header row stays free
  });

  it('a second run changes nothing', () => {
    const { env, gas } = setup();
    gas.run('setupTracker');
    const first = snapshot(env);
    gas.run('setupTracker');
    expect(snapshot(env)).toEqual(first);
    expect(env.spreadsheet.getSheets()).toHaveLength(6);
  });
});

describe('setupTracker adopting an existing tracker', () => {
  const header = ['ID', 'Date received', 'Status', 'Reporter', 'Priority', 'Notes', 'Due date'];
  const rows = [
    ['IRT-2026-001', new Date('2026-03-01T00:00:00Z'), 'Received', 'Robin Example', 'high', 'call back', 'ask Ana by Friday'],
    ['IRT-2026-002', new Date('2026-03-09T00:00:00Z'), 'Assessing', 'Sam Sample', 'low', '', ''],
  ];

  function adopt() {
    const ctx = setup();
    ctx.env.seedSheet('Tracker 2026', [header, ...rows], { frozenRows: 1 });
    const userRule = ctx.env.globals.SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('high')
      .setBackground('#00ff00')
      .setRanges([ctx.env.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tracker 2026')!.getRange('E2:E100')])
      .build();
    ctx.env.sheet('Tracker 2026').setConditionalFormatRules([userRule]);
    ctx.env.calls.reset();
    ctx.gas.run('setupTracker');
    return ctx;
  }

  it('finds the sheet by its headers, keeps every user column and cell, and appends only what is missing', () => {
    const { env } = adopt();
    expect(env.spreadsheet.getSheetByName('Cases')).toBeNull();
    const values = env.sheetValues('Tracker 2026');
    expect(values[0].slice(0, 7)).toEqual(header);
    expect(values[1].slice(0, 7)).toEqual(rows[0]);
    expect(values[2].slice(0, 7)).toEqual(rows[1]);
    const appended = values[0].slice(7);
    // ID → Case ID and Reporter → Reporter name are aliases, so they are not added again;
    // the team's own Notes and Due date are theirs, never taken for Findings or Next deadline.
    expect(appended).not.toContain('Case ID');
    expect(appended).not.toContain('Reporter name');
    expect(appended).toContain('Findings');
    expect(appended).toContain('Reporter email');
    expect(appended.slice(-3)).toEqual([...COMPUTED_COLUMNS]);
  });

  it('moves nothing on an adopted tracker, and says where the computed columns are', () => {
    const { env } = adopt();
    const headerRow = env.sheetValues('Tracker 2026')[0].map(String);
    const letters = COMPUTED_COLUMNS.map((name) => String.fromCharCode(65 + (headerRow.indexOf(name) % 26)));
    expect(headerRow.indexOf('Next action')).toBe(headerRow.length - 3);
    expect(headerRow.length).toBeGreaterThan(26);
    expect(env.ui.alerts.at(-1)?.prompt).toContain(`Next action, Next deadline, Deadline status: columns A${letters[0]}, A${letters[1]}, A${letters[2]}.`);
  });

  it('keeps the user’s own conditional-format rule after ours', () => {
    const { env } = adopt();
    const criteria = env.sheet('Tracker 2026').getConditionalFormatRules().map((r) => String(r.getBooleanCondition()?.getCriteriaType()));
    expect(criteria).toEqual(['CUSTOM_FORMULA', 'CUSTOM_FORMULA', 'CUSTOM_FORMULA', 'TEXT_EQUAL_TO']);
  });

  it('computes the adopted rows', () => {
    const { env } = adopt();
    const values = env.sheetValues('Tracker 2026');
    const at = (name: string) => values[0].indexOf(name);
    expect(values[1][at('Next action')]).toBe('Reply to reporter');
    expect(dayText(env, values[1][at('Next deadline')])).toBe('2026-03-04');
    expect(values[1][at('Deadline status')]).toBe('Overdue');
    // Received yesterday, no reply yet: due in two days.
    expect(values[2][at('Next action')]).toBe('Reply to reporter');
    expect(values[2][at('Deadline status')]).toBe('Due soon');
  });

  it('inserts grid columns before writing past the 26th', () => {
    const ctx = setup();
    const wide = Array.from({ length: 26 }, (_, i) => `Team column ${i + 1}`);
    wide[0] = 'Case ID';
    wide[1] = 'Received';
    wide[2] = 'Stage';
    ctx.env.seedSheet('Cases', [wide]);
    ctx.gas.run('setupTracker');
    const headerRow = ctx.env.sheetValues('Cases')[0];
    expect(headerRow.slice(0, 26)).toEqual(wide);
    expect(headerRow.length).toBe(26 + COLUMN_NAMES.length - 3);
  });
});

/** A tracker with Cases set up and the given input rows (by canonical column name). */
function tracker(rows: Record<string, unknown>[], options: EnvOptions = {}) {
  const ctx = setup(options);
  ctx.gas.run('setupTracker');
  const sheet = ctx.env.sheet('Cases');
  const header = ctx.env.sheetValues('Cases')[0].map(String);
  const grid = rows.map((r) => header.map((name) => (name in r ? r[name] : '')));
  if (grid.length + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length + 1 - sheet.getMaxRows());
  if (grid.length) sheet.getRange(2, 1, grid.length, header.length).setValues(grid as unknown[][]);
  ctx.env.calls.reset();
  return ctx;
}

const openCase = (received: string, extra: Record<string, unknown> = {}) => ({ 'Case ID': 'IRT-X', Received: received, Stage: 'Received', ...extra });

describe('refreshDeadlines', () => {
  it('computes next action, deadline and status for every row and writes nothing else', () => {
    const { env, gas } = tracker([
      openCase('2026-03-09'),
      openCase('2026-03-01', { 'First reply sent': '2026-03-02', Stage: 'Assessing' }),
      {},
      openCase('2026-03-01', { Stage: 'Shelved' }),
      openCase('2026-02-01', { 'First reply sent': '2026-02-02', Closed: '2026-03-01', Stage: 'Closed' }),
      openCase('not a date'),
    ]);
    const before = env.sheetValues('Cases');
    gas.run('refreshDeadlines');
    const after = env.sheetValues('Cases');
    expect(computed(env, 1)).toEqual(['Reply to reporter', '2026-03-12', 'Due soon']);
    expect(computed(env, 2)).toEqual(['Finish initial assessment', '2026-03-08', 'Overdue']);
    expect(computed(env, 3)).toEqual(['', '', '']);
    expect(computed(env, 4)).toEqual([expect.stringContaining('Stage "Shelved"'), '', 'Check data']);
    expect(computed(env, 5)).toEqual(['', '', 'Closed']);
    expect(computed(env, 6)).toEqual(['Received is not a date', '', 'Check data']);
    const inputs = (rows: unknown[][]) => rows.map((r) => r.filter((_, i) => !COMPUTED_COLUMNS.some((c) => col(env, c) === i)));
    expect(inputs(after)).toEqual(inputs(before));
    expect(env.ui.toasts.at(-1)?.message).toContain('1 overdue');
  });

  it('makes the same number of service calls for 10, 1,000 and 10,000 rows: one read, one block write', () => {
    const count = (n: number) => {
      const { env, gas } = tracker(Array.from({ length: n }, (_, i) => openCase(`2026-03-0${(i % 9) + 1}`)));
      gas.run('refreshDeadlines');
      return env.calls;
    };
    const small = count(10);
    const large = count(1000);
    const huge = count(10_000);
    expect(large.total()).toBe(small.total());
    expect(huge.byName()).toEqual(small.byName());
    expect(large.count('Range.getValues')).toBe(2); // the cases sheet and the Settings sheet
    expect(large.count('Range.setValues')).toBe(2); // the computed block and the Log line
    expect(large.count('Utilities.formatDate')).toBe(0);
  });

  it('counts calendar days in the spreadsheet’s zone, not the script’s', () => {
    // 11:30 UTC on 10 March is already 11 March in Auckland (UTC+13).
    const { env, gas } = tracker([openCase('2026-03-08')], {
      spreadsheetTimeZone: 'Pacific/Auckland',
      scriptTimeZone: 'America/Los_Angeles',
      now: '2026-03-10T11:30:00Z',
    });
    gas.run('refreshDeadlines');
    expect(computed(env, 1)).toEqual(['Reply to reporter', '2026-03-11', 'Due soon']);
    const due = env.sheetValues('Cases')[1][col(env, 'Next deadline')] as Date;
    expect(due.toISOString()).toBe('2026-03-10T11:00:00.000Z'); // midnight in Auckland
  });

  it('keeps the calendar day across a DST change in the spreadsheet’s zone', () => {
    // Los Angeles springs forward on 8 March 2026.
    const { env, gas } = tracker([openCase('2026-03-06')], { spreadsheetTimeZone: 'America/Los_Angeles', now: '2026-03-09T07:30:00Z' });
    gas.run('refreshDeadlines');
    expect(computed(env, 1)).toEqual(['Reply to reporter', '2026-03-09', 'Due soon']);
  });

  it('colours overdue rows red and due-soon rows amber through the sheet’s own rules', () => {
    const { env, gas } = tracker([openCase('2026-03-01'), openCase('2026-03-09'), openCase('2026-03-10', { Stage: 'Nope' })]);
    gas.run('refreshDeadlines');
    const today = new Date('2026-03-10T12:00:00Z');
    expect(evaluateRowHighlight(env.sheet('Cases'), 2, today)?.background).toBe('#f4c7c3');
    expect(evaluateRowHighlight(env.sheet('Cases'), 3, today)?.background).toBe('#fce8b2');
    expect(evaluateRowHighlight(env.sheet('Cases'), 4, today)?.background).toBe('#e4dcf1');
    // Without any script run, the due-soon row is red once its day has passed.
    expect(evaluateRowHighlight(env.sheet('Cases'), 3, new Date('2026-03-13T12:00:00Z'))?.background).toBe('#f4c7c3');
  });

  it('explains itself when the tracker has not been set up', () => {
    const { env, gas } = setup();
    env.seedSheet('Cases', [['Case ID', 'Received', 'Stage']]);
    expect(() => gas.run('refreshDeadlines')).toThrow(/Next action, Next deadline, Deadline status column.*Set up tracker/);
  });
});

describe('onEdit', () => {
  // Through the counted services, as Apps Script hands the event to the script.
  const edit = (env: FakeEnv, a1: string, sheet = 'Cases') => {
    const source = env.globals.SpreadsheetApp.getActiveSpreadsheet();
    return { range: source.getSheetByName(sheet)!.getRange(a1), source };
  };

  it('recomputes only the edited row', () => {
    const { env, gas } = tracker([openCase('2026-03-09'), openCase('2026-03-01')]);
    gas.run('refreshDeadlines');
    const sheet = env.sheet('Cases');
    sheet.getRange(2, col(env, 'First reply sent') + 1).setValue('2026-03-09');
    sheet.getRange(3, col(env, 'Stage') + 1).setValue('Bogus'); // not re-computed: not edited through onEdit
    const letter = columnToLetters(col(env, 'First reply sent') + 1);
    const event = edit(env, `${letter}2`);
    env.calls.reset();
    gas.run('onEdit', event);
    expect(computed(env, 1)).toEqual(['Finish initial assessment', '2026-03-16', 'On track']);
    expect(computed(env, 2)[0]).toBe('Reply to reporter');
    expect(env.calls.count('Range.setValues')).toBe(1);
  });

  // A simple trigger runs in AuthMode.LIMITED; the other executions run as a member would (FULL).
  const asTrigger = <T>(env: FakeEnv, run: () => T): T => {
    env.authMode = 'LIMITED';
    try {
      return run();
    } finally {
      env.authMode = 'FULL';
    }
  };
  const asMember = <T>(env: FakeEnv, run: () => T): T => {
    const mode = env.authMode;
    env.authMode = 'FULL';
    try {
      return run();
    } finally {
      env.authMode = mode;
    }
  };
  /** Another member records the first reply when onEdit next writes a block; says what that member was told. */
  const firstReplyDuringWrite = (env: FakeEnv, gas: ReturnType<typeof setup>['gas'], version: string) => {
    const step: { error?: string } = {};
    env.meanwhile('Range.setValues', () =>
      asMember(env, () => {
        try {
          gas.run('recordCaseStep', 'IRT-2026-001', 'firstReply', { date: '2026-03-10' }, version);
        } catch (error) {
          step.error = (error as Error).message;
        }
      }),
    );
    return step;
  };
  /** What a refresh computes for the row now: the computed cells must always agree with it. */
  const fresh = (env: FakeEnv, gas: ReturnType<typeof setup>['gas'], rowIndex: number) => {
    const shown = computed(env, rowIndex);
    gas.run('refreshDeadlines');
    return { shown, fresh: computed(env, rowIndex) };
  };

  it('a panel step landing between its read and its write never leaves stale computed cells', () => {
    const { env, gas } = tracker([openCase('2026-03-09', { 'Case ID': 'IRT-2026-001' })]);
    gas.run('refreshDeadlines');
    const where = columnToLetters(col(env, 'Where') + 1);
    env.sheet('Cases').getRange(`${where}2`).setValue('Forum');
    const version = (gas.run('getCasePanel', 'IRT-2026-001') as { version: string }).version;
    const event = edit(env, `${where}2`);
    // Another member records the first reply just before onEdit writes the row's computed cells.
    const step = firstReplyDuringWrite(env, gas, version);
    asTrigger(env, () => gas.run('onEdit', event));
    const after = fresh(env, gas, 1);
    expect(after.shown).toEqual(after.fresh);
    // onEdit held the document lock, so the step waited for it (here: gave up, saving nothing) …
    expect(step.error).toMatch(/Another member is saving.*Nothing was changed/);
    expect(env.sheetValues('Cases')[1][col(env, 'First reply sent')]).toBe('');
    expect(computed(env, 1)[0]).toBe('Reply to reporter');
    // … and once onEdit is done, the same step saves and the row is computed from it.
    gas.run('recordCaseStep', 'IRT-2026-001', 'firstReply', { date: '2026-03-10' }, version);
    expect(computed(env, 1)).toEqual(['Finish initial assessment', '2026-03-16', 'On track']);
  });

  it('a step saved between the edit and onEdit is kept: onEdit reads the rows under the lock', () => {
    const { env, gas } = tracker([openCase('2026-03-09', { 'Case ID': 'IRT-2026-001' })]);
    gas.run('refreshDeadlines');
    const version = (gas.run('getCasePanel', 'IRT-2026-001') as { version: string }).version;
    const where = columnToLetters(col(env, 'Where') + 1);
    const event = edit(env, `${where}2`);
    // The step lands just as onEdit asks for the lock: onEdit then reads the row the step wrote.
    env.meanwhile('LockService.getDocumentLock', () =>
      asMember(env, () => gas.run('recordCaseStep', 'IRT-2026-001', 'firstReply', { date: '2026-03-10' }, version)),
    );
    asTrigger(env, () => gas.run('onEdit', event));
    expect(env.sheetValues('Cases')[1][col(env, 'First reply sent')]).not.toBe('');
    expect(computed(env, 1)).toEqual(['Finish initial assessment', '2026-03-16', 'On track']);
  });

  it('a Settings edit recomputes under the lock too: a step landing meanwhile is not overwritten', () => {
    const { env, gas } = tracker([openCase('2026-03-09', { 'Case ID': 'IRT-2026-001' })]);
    gas.run('refreshDeadlines');
    const version = (gas.run('getCasePanel', 'IRT-2026-001') as { version: string }).version;
    const row = env.sheetValues('Settings').findIndex((r) => r[0] === 'Due-soon window (days)') + 1;
    env.sheet('Settings').getRange(row, 2).setValue(5);
    const event = edit(env, `B${row}`, 'Settings');
    const step = firstReplyDuringWrite(env, gas, version);
    asTrigger(env, () => gas.run('onEdit', event));
    const after = fresh(env, gas, 1);
    expect(after.shown).toEqual(after.fresh);
    expect(step.error).toMatch(/Another member is saving/);
  });

  it('when another execution keeps the document lock, onEdit writes nothing and says so in a toast', () => {
    const { env, gas } = tracker([openCase('2026-03-09', { 'Case ID': 'IRT-2026-001' })]);
    gas.run('refreshDeadlines');
    const sheet = env.sheet('Cases');
    sheet.getRange(2, col(env, 'First reply sent') + 1).setValue('2026-03-09');
    const letter = columnToLetters(col(env, 'First reply sent') + 1);
    const settingsRow = env.sheetValues('Settings').findIndex((r) => r[0] === 'Due-soon window (days)') + 1;
    env.sheet('Settings').getRange(settingsRow, 2).setValue(5);
    const before = env.sheetValues('Cases');
    env.locks.holdDocumentLock();
    env.calls.reset();
    const started = env.clock.now();
    const toastsBefore = env.ui.toasts.length;
    asTrigger(env, () => gas.run('onEdit', edit(env, `${letter}2`)));
    asTrigger(env, () => gas.run('onEdit', edit(env, `B${settingsRow}`, 'Settings')));
    expect(env.calls.count('Range.setValues')).toBe(0);
    expect(env.calls.count('Sheet.setConditionalFormatRules')).toBe(0);
    expect(env.sheetValues('Cases')).toEqual(before);
    // It waited, but well inside a simple trigger's 30 seconds.
    expect(env.locks.events.filter((e) => e.kind === 'document' && e.action === 'fail')).toHaveLength(2);
    expect((env.clock.now() - started) / 2).toBeLessThanOrEqual(20_000);
    expect(env.ui.toasts.slice(toastsBefore).map((t) => t.message)).toEqual([
      expect.stringMatching(/could not be updated.*Refresh deadlines/),
      expect.stringMatching(/could not be updated.*Refresh deadlines/),
    ]);
    env.locks.releaseDocumentLock();
    asTrigger(env, () => gas.run('onEdit', edit(env, `${letter}2`)));
    expect(computed(env, 1)[0]).toBe('Finish initial assessment');
  });

  it('a paste across every column costs the same service calls as a one-cell edit (none per column)', () => {
    const { env, gas } = tracker([openCase('2026-03-09'), openCase('2026-03-01')]);
    gas.run('refreshDeadlines');
    const width = env.sheetValues('Cases')[0].length;
    const callsFor = (a1: string) => {
      const event = edit(env, a1);
      env.calls.reset();
      gas.run('onEdit', event);
      return env.calls.total();
    };
    const one = callsFor(`${columnToLetters(col(env, 'Where') + 1)}2`);
    expect(width).toBeGreaterThan(20);
    expect(callsFor(`A2:${columnToLetters(width)}3`)).toBe(one);
  });

  it('ignores edits on other sheets and to the computed columns', () => {
    const { env, gas } = tracker([openCase('2026-03-09')]);
    const letter = columnToLetters(col(env, 'Next action') + 1);
    const events = [edit(env, 'B2', 'Roster'), edit(env, `${letter}2`)];
    env.calls.reset();
    for (const event of events) gas.run('onEdit', event);
    // The Roster edit stops before reading anything; the computed-column edit reads the header row only.
    expect(env.calls.count('Range.getValues')).toBe(1);
    expect(env.calls.count('Range.setValues')).toBe(0);
  });
});

describe('appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'appsscript.json'), 'utf8'));
  it('runs on V8 with explicit least-privilege scopes', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes.filter((s: string) => s.endsWith('.readonly'))).toEqual([]);
  });
  it('is what dist/ ships', () => {
    expect(JSON.parse(readFileSync(path.join(root, 'dist/appsscript.json'), 'utf8'))).toEqual(manifest);
  });
});

describe('settings and other members', () => {
  it('says which Settings values could not be read instead of ignoring them', () => {
    const { env, gas } = tracker([openCase('2026-03-09')]);
    const settings = env.sheetValues('Settings');
    const row = settings.findIndex((r) => r[0] === 'Reply window (days)') + 1;
    env.sheet('Settings').getRange(row, 2).setValue('5 days');
    gas.run('refreshDeadlines');
    expect(env.ui.toasts.at(-1)?.message).toContain('Check the Settings sheet (defaults used): Reply window (days) must be a whole number');
    expect(computed(env, 1)[1]).toBe('2026-03-12'); // the default 3 days, said out loud
  });

  it('re-colours and recomputes when a member changes the due-soon window in Settings', () => {
    const { env, gas } = tracker([openCase('2026-03-10')]); // reply due 13 March: on track with 2 days
    gas.run('refreshDeadlines');
    const today = new Date('2026-03-10T12:00:00Z');
    expect(computed(env, 1)[2]).toBe('On track');
    expect(evaluateRowHighlight(env.sheet('Cases'), 2, today)).toBeNull();
    const row = env.sheetValues('Settings').findIndex((r) => r[0] === 'Due-soon window (days)') + 1;
    env.sheet('Settings').getRange(row, 2).setValue(5);
    const source = env.globals.SpreadsheetApp.getActiveSpreadsheet();
    gas.run('onEdit', { range: source.getSheetByName('Settings')!.getRange(row, 2), source });
    expect(computed(env, 1)[2]).toBe('Due soon');
    expect(evaluateRowHighlight(env.sheet('Cases'), 2, today)?.background).toBe('#fce8b2');
  });

  it('leaves a copied archive sheet with the same headers alone on edit', () => {
    const { env, gas } = tracker([openCase('2026-03-09')]);
    const header = env.sheetValues('Cases')[0];
    env.seedSheet('Archive 2025', [header, header.map((h) => (h === 'Received' ? '2025-01-01' : h === 'Stage' ? 'Received' : ''))]);
    const source = env.globals.SpreadsheetApp.getActiveSpreadsheet();
    const event = { range: source.getSheetByName('Archive 2025')!.getRange('B2'), source };
    env.calls.reset();
    gas.run('onEdit', event);
    expect(env.calls.count('Range.setValues')).toBe(0);
    expect(env.sheetValues('Archive 2025')[1][header.indexOf('Next action')]).toBe('');
  });

  it('refresh and setup wait for another member’s write, and change nothing when it does not end', () => {
    const { env, gas } = tracker([openCase('2026-03-09')]);
    const before = snapshot(env);
    env.locks.holdDocumentLock();
    expect(() => gas.run('refreshDeadlines')).toThrow(/Another member is saving.*try again/);
    expect(() => gas.run('setupTracker')).toThrow(/Another member is saving.*try again/);
    expect(snapshot(env)).toEqual(before);
    env.locks.releaseDocumentLock();
    gas.run('refreshDeadlines');
    expect(computed(env, 1)[0]).toBe('Reply to reporter');
  });
});
