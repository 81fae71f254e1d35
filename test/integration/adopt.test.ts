// Adopting a team's own tracker whose sheet and headers the add-on does not know
// (issue 13): the plan, the dialog, setupTracker(choice), and every entry point
// using the choice afterwards. Run `npm run build` first (npm test does).
import { COLUMN_NAMES, COMPUTED_COLUMNS } from '../../src/core/columns';
import { createEnv, type FakeEnv } from '../../fakes';
import { createGas } from '../../fakes/runtime';
import { RECORDS_HEADER } from '../unit/records-fixture';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Fictional records, as a committee keeps them (no Stage, no Case ID). */
const RECORDS = [
  [d('2026-03-02'), 'CoC person: Ana', 'Pat Placeholder', 'pat@example.net', 'Heckling at a meetup', 'Warning', 'A warning was issued', d('2027-03-02')],
  [d('2026-03-09'), 'Lee Public', 'Kim Fictional', 'https://chat.example.org/u/kim', 'Spam in the forum', 'No action', '', d('2026-09-09')],
  [d('2026-01-15'), '=HYPERLINK("https://evil.example")', 'Sam Sample', 'sam@example.net', '<img src=x onerror=alert(1)>', '', '', ''],
];
const CHOICE = {
  sheet: 'Records',
  columns: {
    Received: 'Date of 1st report',
    'Reporter name': 'Reporter, if official/public, CoC person if private',
    'Reported party name': 'Named subjects',
    'Reported party email': 'Subject email address/URL',
    Summary: 'Summary of report (for internal purposes)',
    Outcome: 'Action taken by us?',
    Findings: 'Summary of outcome to share if suitable',
    'Expunge after': 'Date to expunge this record',
    Stage: null,
  },
};

function recordsTracker() {
  const env = createEnv({ spreadsheetTimeZone: 'Europe/London', activeUser: 'ada@irt.example', now: '2026-03-10T12:00:00Z' });
  env.seedSheet('Records', [RECORDS_HEADER, ...RECORDS], { frozenRows: 1 });
  env.calls.reset();
  return { env, gas: createGas(env) };
}

const teamCells = (env: FakeEnv) => env.sheetValues('Records').map((row) => row.slice(0, RECORDS_HEADER.length));
const sheetNames = (env: FakeEnv) => env.spreadsheet.getSheets().map((s) => s.getName());
const writes = (env: FakeEnv) =>
  Object.entries(env.calls.byName())
    .filter(([name]) => /^(Range|Sheet|Spreadsheet|Protection)\.(set|insert|append|delete|clear|protect|remove)/.test(name))
    .map(([name]) => name);

function adopted() {
  const ctx = recordsTracker();
  const result = ctx.gas.run('setupTracker', CHOICE) as { status: string; message: string };
  return { ...ctx, result };
}

describe('planTrackerSetup on a records-style tracker', () => {
  it('proposes the Records sheet and guesses each column, reading only', () => {
    const { env, gas } = recordsTracker();
    const plan = gas.run('planTrackerSetup') as {
      sheet: string;
      certain: boolean;
      reasons: string[];
      sheets: { name: string; rows: number }[];
      columns: { column: string; proposed: string | null; candidates: { header: string }[] }[];
    };
    expect(plan.sheet).toBe('Records');
    expect(plan.certain).toBe(false);
    expect(plan.reasons.join(' ')).toMatch(/No sheet is named Cases; the Records sheet looks most like a case tracker/);
    expect(plan.sheets.find((s) => s.name === 'Records')?.rows).toBe(3);
    const guesses = Object.fromEntries(plan.columns.filter((c) => c.proposed).map((c) => [c.column, c.proposed]));
    const { Stage, ...expected } = CHOICE.columns;
    void Stage;
    expect(guesses).toEqual(expected);
    // Every header of the team is offered for a column it might be, best first.
    expect(plan.columns.find((c) => c.column === 'Closed')?.candidates.map((c) => c.header)).toHaveLength(RECORDS_HEADER.length);
    expect(writes(env)).toEqual([]);
    // No Settings sheet yet, Sheet1 is empty: one bounded read, of the Records sheet's header and first rows.
    expect(env.calls.count('Range.getValues')).toBe(1);
    expect(env.calls.count('Sheet.getDataRange')).toBe(0);
  });
});

describe('Set up tracker from the menu, when unsure', () => {
  it('opens the dialog with the plan as data and writes nothing', () => {
    const { env, gas } = recordsTracker();
    const before = teamCells(env);
    gas.run('setupTracker');
    expect(env.ui.dialogs).toHaveLength(1);
    const dialog = env.ui.dialogs[0];
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Set up tracker' });
    expect(dialog.html).toContain('<script type="application/json" id="setup-plan">{');
    expect(dialog.html).toContain('Date of 1st report');
    expect(dialog.html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(env.ui.alerts).toHaveLength(0);
    expect(writes(env)).toEqual([]);
    expect(sheetNames(env)).toEqual(['Sheet1', 'Records']);
    expect(teamCells(env)).toEqual(before);
  });

  it('a clear tracker is still set up at once, without a dialog', () => {
    const env = createEnv({ now: '2026-03-10T12:00:00Z' });
    env.seedSheet('Tracker', [['ID', 'Date received', 'Status', 'Notes'], ['IRT-1', d('2026-03-09'), 'Received', 'x']]);
    createGas(env).run('setupTracker');
    expect(env.ui.dialogs).toHaveLength(0);
    expect(env.ui.alerts[0].title).toBe('IRT Tracker is set up');
    expect(env.spreadsheet.getSheetByName('Cases')).toBeNull();
  });
});

describe('setupTracker(choice) on the records-style tracker', () => {
  it('adopts the Records sheet: no value of the team changes, the rest is appended, the rows get their deadlines', () => {
    const { env, result } = adopted();
    const before = recordsTracker().env;
    expect(result.status).toBe('done');
    expect(result.message).toContain('Using the Records sheet.');
    expect(result.message).toContain('Received ← Date of 1st report');
    expect(result.message).toContain('3 existing cases start at stage Received');
    expect(env.spreadsheet.getSheetByName('Cases')).toBeNull();
    expect(teamCells(env)).toEqual(teamCells(before));
    // The team's own cells keep their formulas as they were; nothing of ours is a formula.
    expect(env.sheetFormulas('Records').flat().filter(Boolean)).toEqual(before.sheetFormulas('Records').flat().filter(Boolean));

    const values = env.sheetValues('Records');
    const header = values[0] as string[];
    const added = header.slice(RECORDS_HEADER.length);
    expect(added).toContain('Stage');
    expect(added).toContain('Case ID');
    expect(added).not.toContain('Received');
    expect(added).not.toContain('Summary');
    expect(added.slice(-3)).toEqual([...COMPUTED_COLUMNS]);
    const at = (name: string) => header.indexOf(name);
    const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    expect(values.slice(1).map((r) => [r[at('Stage')], r[at('Next action')], day(r[at('Next deadline')]), r[at('Deadline status')]])).toEqual([
      ['Received', 'Reply to reporter', '2026-03-05', 'Overdue'],
      ['Received', 'Reply to reporter', '2026-03-12', 'Due soon'],
      ['Received', 'Reply to reporter', '2026-01-18', 'Overdue'],
    ]);
  });

  it('keeps the choice as readable Settings rows', () => {
    const { env } = adopted();
    const settings = env.sheetValues('Settings');
    const row = (label: string) => settings.find((r) => r[0] === label)?.[1];
    expect(row('Cases sheet')).toBe('Records');
    expect(row('Column for Received')).toBe('Date of 1st report');
    expect(row('Column for Findings')).toBe('Summary of outcome to share if suitable');
    expect(row('Column for Stage')).toBeUndefined();
  });

  it('a second setup, from the menu or with the same choice, changes nothing', () => {
    const { env, gas } = adopted();
    const snapshot = () => sheetNames(env).map((name) => [name, env.sheetValues(name), env.sheetFormulas(name)]);
    const first = snapshot();
    env.calls.reset();
    gas.run('setupTracker');
    expect(env.ui.dialogs).toHaveLength(0); // certain now: the choice is saved
    gas.run('setupTracker', CHOICE);
    expect(snapshot()).toEqual(first);
  });

  it('every entry point uses the choice: refresh, onEdit, the case panel and a new case', () => {
    const { env, gas } = adopted();
    const header = env.sheetValues('Records')[0] as string[];
    const at = (name: string) => header.indexOf(name);
    // A member fills a Case ID and the first reply on row 3 in their own sheet.
    const sheet = env.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Records')!;
    sheet.getRange(3, at('Case ID') + 1).setValue('IRT-2026-002');
    sheet.getRange(3, at('First reply sent') + 1).setValue('2026-03-09');
    gas.run('onEdit', { range: sheet.getRange(3, at('First reply sent') + 1), source: sheet.getParent() });
    expect(env.sheetValues('Records')[2][at('Next action')]).toBe('Finish initial assessment');

    gas.run('refreshDeadlines');
    expect(env.ui.toasts.at(-1)?.message).toMatch(/3 open cases/);

    const panel = gas.run('getCasePanel', 'IRT-2026-002') as { caseId: string; next: { action: string } };
    expect(panel).toMatchObject({ caseId: 'IRT-2026-002', next: { action: 'Finish initial assessment' } });

    const created = gas.run('submitNewCase', {
      received: '2026-03-10',
      reporterName: 'Robin Example',
      reporterEmail: 'robin@example.org',
      reportedName: '',
      reportedEmail: '',
      permission: 'Not asked',
      where: '',
      helpDeskLink: '',
      summary: 'A new report',
    }) as { row: number };
    const row = env.sheetValues('Records')[created.row - 1];
    expect(day(row[at('Date of 1st report')])).toBe('2026-03-10');
    expect(row[at('Summary of report (for internal purposes)')]).toBe('A new report');
    expect(row[at('Reporter, if official/public, CoC person if private')]).toBe('Robin Example');
    expect(sheetNames(env)).not.toContain('Cases');
  });

  it('a chosen header that disappears is named in the next refresh’s message and in the Log', () => {
    const { env, gas } = adopted();
    const header = env.sheetValues('Records')[0] as string[];
    env.sheet('Records').getRange(1, header.indexOf('Summary of report (for internal purposes)') + 1).setValue('Notes');
    gas.run('refreshDeadlines');
    expect(env.ui.toasts.at(-1)?.message).toContain('Your column for Summary (“Summary of report (for internal purposes)”) is no longer on the sheet');
    const log = env.sheetValues('Log').slice(1);
    expect(log.map((r) => r.slice(2))).toContainEqual(['', 'Column missing', 'Summary: Summary of report (for internal purposes)']);
    // And setup asks again instead of adding a second Summary column.
    gas.run('setupTracker');
    expect(env.ui.dialogs).toHaveLength(1);
  });

  it('refuses a choice naming a header that is not there, or one header twice, and writes nothing', () => {
    const { env, gas } = recordsTracker();
    expect(() => gas.run('setupTracker', { sheet: 'Records', columns: { Received: 'Nope' } })).toThrow(
      'Received: the sheet has no header "Nope". Nothing was changed.',
    );
    expect(() =>
      gas.run('setupTracker', { sheet: 'Records', columns: { Summary: 'Named subjects', 'Reporter name': 'Named subjects' } }),
    ).toThrow(/"Named subjects" is chosen for both/);
    expect(() => gas.run('setupTracker', { sheet: 'Elsewhere', columns: {} })).toThrow('There is no sheet named "Elsewhere". Nothing was changed.');
    expect(writes(env)).toEqual([]);
    expect(sheetNames(env)).toEqual(['Sheet1', 'Records']);
  });

  it('refuses a choice of the wrong shape or size with a short message, writing nothing', () => {
    const { env, gas } = recordsTracker();
    const long = 'x'.repeat(100_000);
    const refusals: [unknown, RegExp][] = [
      [{ sheet: 'Records', columns: { [long]: 'Named subjects' } }, /^"x{1,40}…" is not a tracker column that can be chosen/],
      [{ sheet: 'Records', columns: { Summary: long } }, /Summary: a header is at most \d+ characters. Nothing was changed.$/],
      [{ sheet: 'Records', columns: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`c${i}`, 'a'])) }, /^The setup choice names more columns than the tracker has. Nothing was changed.$/],
    ];
    for (const [choice, message] of refusals) {
      let thrown = '';
      try {
        gas.run('setupTracker', choice);
      } catch (error) {
        thrown = (error as Error).message;
      }
      expect(thrown).toMatch(message);
      expect(thrown.length).toBeLessThan(300);
    }
    expect(writes(env)).toEqual([]);
    expect(sheetNames(env)).toEqual(['Sheet1', 'Records']);
  });
});

const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

describe('changing the choice later', () => {
  it('a new choice replaces the Settings rows in one write, and "add a new column" empties the old choice', () => {
    const { env, gas } = adopted();
    env.calls.reset();
    gas.run('setupTracker', { sheet: 'Records', columns: { Findings: null, 'Reporter name': 'Named subjects', 'Reported party name': null } });
    const settings = env.sheetValues('Settings');
    const row = (label: string) => settings.find((r) => r[0] === label)?.[1];
    expect(row('Column for Reporter name')).toBe('Named subjects');
    expect(row('Column for Reported party name')).toBe('');
    expect(row('Column for Findings')).toBe('');
    expect(row('Column for Received')).toBe('Date of 1st report'); // not mentioned: kept
    expect(env.calls.count('Range.setValue')).toBe(0);
    // The team's values are still theirs; the tracker's own columns were appended for the cleared ones.
    const header = env.sheetValues('Records')[0] as string[];
    expect(header.filter((h) => h === 'Findings' || h === 'Reported party name')).toEqual(['Reported party name', 'Findings']);
  });
});

describe('a tracker an earlier setup missed (the issue: an empty Cases sheet made beside the Records)', () => {
  function earlier() {
    const ctx = recordsTracker();
    // What the earlier version did: an empty Cases sheet with the tracker's columns, beside the records.
    ctx.env.seedSheet('Cases', [COLUMN_NAMES.slice()]);
    ctx.env.ui.alerts.length = 0;
    return ctx;
  }

  it('asks, proposing the Records sheet, and adopting it renames the empty Cases sheet (never deleted)', () => {
    const { env, gas } = earlier();
    gas.run('setupTracker');
    expect(env.ui.dialogs).toHaveLength(1);
    const plan = gas.run('planTrackerSetup') as { sheet: string; reasons: string[] };
    expect(plan.sheet).toBe('Records');
    expect(plan.reasons[0]).toMatch(/^The Cases sheet has no cases; the Records sheet looks like your tracker/);

    const before = teamCells(env);
    const result = gas.run('setupTracker', CHOICE) as { status: string; message: string };
    expect(result.message).toContain('Using the Records sheet.');
    expect(sheetNames(env)).toContain('Cases (empty, not used)');
    expect(sheetNames(env)).not.toContain('Cases');
    expect(teamCells(env)).toEqual(before);
    gas.run('refreshDeadlines');
    expect(env.ui.toasts.at(-1)?.message).toMatch(/^3 open cases/);
    gas.run('setupTracker');
    expect(env.ui.dialogs).toHaveLength(1); // certain now
  });

  it('never renames a Cases sheet that holds cases', () => {
    const { env, gas } = earlier();
    env.sheet('Cases').getRange(2, 1).setValue('IRT-2026-001');
    expect(() => gas.run('setupTracker', CHOICE)).toThrow(/A sheet named Cases with cases in it exists/);
    expect(sheetNames(env)).toContain('Cases');
  });
});
