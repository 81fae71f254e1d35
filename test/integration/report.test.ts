// The transparency report through the built bundle against the fakes: every
// figure against a hand count of a seeded tracker, small counts suppressed, the
// Report sheet (cells and both charts) searched for every confidential value of
// every row, replaced on each run with nothing else touched, and bad periods
// refused without a write.
import * as path from 'node:path';
import { createEnv, type FakeEnv } from '../../fakes';
import { createGas, type Gas } from '../../fakes/runtime';
import type { ReportBuilt } from '../../src/cases/transparency-report';

const DIST = path.resolve(__dirname, '../../dist');
const TZ = 'Europe/Berlin';
const NOW = '2026-07-15T10:00:00Z';
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

interface Setup {
  env: FakeEnv;
  gas: Gas;
  header: string[];
}

const party = (n: string) => ({
  'Reporter name': `Reporter ${n} Zed`,
  'Reporter email': `reporter.${n.toLowerCase()}@example.org`,
  'Reported party name': `Party ${n} Quux`,
  'Reported party email': `party.${n.toLowerCase()}@example.net`,
  Summary: `Confidential summary ${n}`,
  Where: `Secret place ${n}`,
  'Help desk link': `https://help.example.org/tickets/9${n.charCodeAt(0)}`,
  Conflicts: `conflict.${n.toLowerCase()}@irt.example`,
});
const TEAM = { 'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example', Channel: 'Secret channel' };

/** Cases A–J received in the period, K before it (its appeal falls in it), L after it. */
const CASES: Record<string, unknown>[] = [
  { 'Case ID': 'IRT-2026-001', Received: '2026-01-05', 'First reply sent': '2026-01-06', Stage: 'Closed', Closed: '2026-01-12', ...party('A') },
  { 'Case ID': 'IRT-2026-002', Received: '2026-01-08', 'First reply sent': '2026-01-09', Stage: 'Closed', Closed: '2026-01-20', ...party('B') },
  { 'Case ID': 'IRT-2026-003', Received: '2026-01-20', 'First reply sent': '2026-01-27', Stage: 'Not a violation', ...party('C') },
  {
    'Case ID': 'IRT-2026-004', Received: '2026-02-02', 'First reply sent': '2026-02-03', ...TEAM, 'Sub-team formed': '2026-02-06',
    'Reporter notified': '2026-02-09', 'Permission to notify reported party': 'Yes', 'Reported party notified': '2026-02-12',
    'Last update to reporter': '2026-03-01', Outcome: 'Warning', Findings: 'Confidential finding D', 'Response plan sent': '2026-03-02',
    'Reporter told outcome': '2026-03-04', Stage: 'Closed', Closed: '2026-03-05', ...party('D'),
  },
  {
    'Case ID': 'IRT-2026-005', Received: '2026-02-10', 'First reply sent': '2026-02-11', ...TEAM, 'Sub-team formed': '2026-02-13',
    'Reporter notified': '2026-02-16', 'Permission to notify reported party': 'No', 'Last update to reporter': '2026-03-05', Outcome: 'Warning',
    Findings: 'Confidential finding E', 'Response plan sent': '2026-03-10', 'Reporter told outcome': '2026-03-12', Stage: 'Closed',
    Closed: '2026-03-15', ...party('E'),
  },
  {
    'Case ID': 'IRT-2026-006', Received: '2026-02-25', 'First reply sent': '2026-02-26', ...TEAM, 'Sub-team formed': '2026-03-01',
    'Reporter notified': '2026-03-12', 'Permission to notify reported party': 'Yes', 'Reported party notified': '2026-03-06', Outcome: 'Warning',
    Findings: 'Confidential finding F', 'Response plan sent': '2026-04-01', 'Reporter told outcome': '2026-04-03', Stage: 'Closed',
    Closed: '2026-04-10', 'Appeal received': '2026-04-20', 'Appealed by': 'Reported party', 'Appeal reviewers': 'di@irt.example, ed@irt.example, fi@irt.example',
    'Appeal decision': 'Upheld', 'Appeal decided': '2026-05-01', ...party('F'),
  },
  {
    'Case ID': 'IRT-2026-007', Received: '2026-03-15', 'First reply sent': '2026-03-16', ...TEAM, 'Sub-team formed': '2026-03-20',
    'Reporter notified': '2026-03-25', 'Last update to reporter': '2026-04-05', Stage: 'Investigating', ...party('G'),
  },
  { 'Case ID': 'IRT-2026-008', Received: '2026-04-10', 'First reply sent': '2026-04-11', Stage: 'Assessing', ...party('H') },
  { 'Case ID': 'IRT-2026-009', Received: '2026-05-05', Stage: 'Received', ...party('I') },
  {
    'Case ID': 'IRT-2026-010', Received: '2026-06-20', 'First reply sent': '2026-06-21', ...TEAM, 'Sub-team formed': '2026-06-22',
    'Reporter notified': '2026-06-24', 'Permission to notify reported party': 'Yes', Outcome: 'Temporary ban', 'Outcome end date': '2026-09-01',
    Findings: 'Confidential finding J', Stage: 'Decision', ...party('J'),
  },
  {
    'Case ID': 'IRT-2025-050', Received: '2025-12-15', 'First reply sent': '2025-12-16', ...TEAM, 'Sub-team formed': '2025-12-17',
    'Reporter notified': '2025-12-18', Outcome: 'Correction', Findings: 'Confidential finding K', 'Response plan sent': '2025-12-28',
    'Reporter told outcome': '2025-12-29', Stage: 'Closed', Closed: '2026-01-02', 'Appeal received': '2026-01-10', 'Appealed by': 'Reporter',
    'Appeal decision': 'Changed', 'Appeal decided': '2026-01-25', ...party('K'),
  },
  { 'Case ID': 'IRT-2026-011', Received: '2026-07-02', 'First reply sent': '2026-07-03', Stage: 'Assessing', ...party('L') },
];

/** Log lines as the panel writes them (Time, User, Case ID, Action, Detail). */
const LOG = [
  ['2026-02-20', 'IRT-2026-004', 'Record update to reporter', ''],
  ['2026-02-27', 'IRT-2026-004', 'Record decision', 'Warning'],
  ['2026-03-01', 'IRT-2026-004', 'Record update to reporter', 'Marked sent: Update to reporter'],
  ['2026-03-05', 'IRT-2026-005', 'Record decision', 'Warning'],
  ['2026-03-05', 'IRT-2026-005', 'Record update to reporter', ''],
  ['2026-04-05', 'IRT-2026-007', 'Record update to reporter', ''],
  ['2026-07-01', 'IRT-2026-010', 'Record decision', 'Temporary ban'],
];

function setUp(): Setup {
  const env = createEnv({ spreadsheetTimeZone: TZ, now: NOW, activeUser: 'member@irt.example' });
  const gas = createGas(env, { bundleDir: DIST });
  gas.run('setupTracker');
  const header = env.sheetValues('Cases')[0].map(String);
  const rows = CASES.map((c) => header.map((name) => (name in c ? c[name] : '')));
  env.sheet('Cases').getRange(2, 1, rows.length, header.length).setValues(rows);
  const log = LOG.map(([day, id, action, detail]) => [new Date(`${day}T09:00:00Z`), 'member@irt.example', id, action, detail]);
  env.sheet('Log').getRange(2, 1, log.length, 5).setValues(log);
  gas.run('refreshDeadlines');
  env.calls.reset();
  return { env, gas, header };
}

const build = (s: Setup, period: unknown = PERIOD) =>
  JSON.parse(JSON.stringify(s.gas.run('buildTransparencyReport', period))) as ReportBuilt;

const allSheets = (env: FakeEnv) =>
  Object.fromEntries(
    env.spreadsheet
      .getSheets()
      .map((sheet) => sheet.getName())
      .filter((name) => name !== 'Report')
      .map((name) => [name, JSON.stringify([env.sheetValues(name), env.sheetFormulas(name)])]),
  );

describe('buildTransparencyReport', () => {
  test('every figure against the hand count', () => {
    const s = setUp();
    const r = build(s);
    expect(r.received).toBe(10);
    expect(r.outcomes).toEqual([
      { label: 'Not a violation', count: 3 }, // A, B closed without an outcome; C at that stage
      { label: 'Correction', count: 0 }, // K was received before the period
      { label: 'Warning', count: 3 }, // D, E, F
      { label: 'Temporary ban', count: 'fewer than 3' }, // J
      { label: 'Permanent ban', count: 0 },
      { label: 'No action', count: 0 },
      { label: 'Still open', count: 3 }, // G, H, I
    ]);
    // F (received in the period) and K (received before it) were appealed in it.
    expect(r.appealsReceived).toBe('fewer than 3');
    expect(r.appealResults).toEqual([
      { label: 'Upheld', count: 'fewer than 3' },
      { label: 'Changed', count: 'fewer than 3' },
      { label: 'Withdrawn', count: 0 },
      { label: 'Under review', count: 0 },
    ]);
    // Owed: the 9 sent and I's, overdue since 8 May; C's came after 7 days.
    expect(r.firstReplies).toEqual({ onTime: 8, owed: 10, share: 80, windowDays: 3 });
    expect(r.medianDaysToFirstReply).toBe(1);
    // D: 3 and 6 days; E: 3 (no permission); F: 11 (late) and 5; G: 5 (not asked); J: 2, and the reported party never (late).
    expect(r.partiesNotified).toEqual({ onTime: 6, owed: 8, share: 75, windowDays: 7 });
    // D: 11 and 9 days; E: 17 (late); G: 11.
    expect(r.updates).toEqual({ onTime: 3, owed: 4, share: 75, windowDays: 14 });
    // D 25, E 23 (their Log lines), F 35 (its plan: no Log line), J 11 → 24.
    expect(r.medianDaysToDecision).toBe(24);
    // A 7, B 12, D 31, E 33, F 44 → 31.
    expect(r.medianDaysToClose).toBe(31);
    expect(r.months).toEqual([
      { month: '2026-01', count: 3 },
      { month: '2026-02', count: 3 },
      { month: '2026-03', count: 'fewer than 3' },
      { month: '2026-04', count: 'fewer than 3' },
      { month: '2026-05', count: 'fewer than 3' },
      { month: '2026-06', count: 'fewer than 3' },
    ]);
    expect(r.summary).toContain('Reports received: 10.');
    expect(r.summary).toContain('First replies within 3 days: 8 of 10 (80%)');
    expect(r.sheet).toBe('Report');
  });

  test('a small period: every count of 1 or 2 reads "fewer than 3" and no share or median is given', () => {
    const s = setUp();
    const r = build(s, { from: '2026-05-01', to: '2026-06-30' });
    expect(r.received).toBe('fewer than 3');
    expect(r.outcomes.filter((o) => o.count !== 0)).toEqual([
      { label: 'Temporary ban', count: 'fewer than 3' },
      { label: 'Still open', count: 'fewer than 3' },
    ]);
    expect(r.firstReplies).toEqual({ onTime: 'fewer than 3', owed: 'fewer than 3', share: null, windowDays: 3 });
    expect([r.medianDaysToFirstReply, r.medianDaysToDecision, r.medianDaysToClose]).toEqual([null, null, null]);
    const cells = s.env.sheetDisplayValues('Report').flat();
    expect(cells).not.toContain('1');
    expect(cells).not.toContain('2');
  });

  test('the Report sheet: the figures, two embedded charts over its own tables, the summary', () => {
    const s = setUp();
    const r = build(s);
    const values = s.env.sheetValues('Report');
    expect(values[0]).toEqual(['Transparency report', '2026-01-01 to 2026-06-30']);
    expect(values).toContainEqual(['Reports received', 10]);
    expect(values).toContainEqual(['First replies on time (share)', '80%']);
    expect(values).toContainEqual(['Median days from receipt to decision', 24]);
    const outcomesAt = values.findIndex((row) => row[0] === 'How reports ended') + 1;
    const monthsAt = values.findIndex((row) => row[0] === 'Month received') + 1;
    expect(values.slice(outcomesAt, outcomesAt + 7)).toEqual(r.outcomes.map((o) => [o.label, o.count]));
    expect(values.slice(monthsAt, monthsAt + 6)).toEqual(r.months.map((m) => [m.month, m.count]));
    for (const line of r.summary.split('\n').filter(Boolean)) expect(values).toContainEqual([line, '']);

    expect(s.env.sheetCharts('Report')).toEqual([
      expect.objectContaining({ type: 'PIE', title: 'How reports ended', ranges: [`Report!A${outcomesAt}:B${outcomesAt + 7}`] }),
      expect.objectContaining({ type: 'COLUMN', title: 'Reports received per month', ranges: [`Report!A${monthsAt}:B${monthsAt + 6}`] }),
    ]);
    // Counted like every call: one builder each, one insert each.
    expect(s.env.calls.count('Sheet.newChart')).toBe(2);
    expect(s.env.calls.count('Sheet.insertChart')).toBe(2);
    expect(s.env.calls.count('EmbeddedPieChartBuilder.setTitle')).toBe(1);
    expect(s.env.calls.count('EmbeddedColumnChartBuilder.build')).toBe(1);
  });

  test('one read of each sheet, one block write, under the document lock', () => {
    const s = setUp();
    build(s);
    expect(s.env.calls.count('Sheet.getDataRange')).toBe(3); // Cases, Settings, Log
    expect(s.env.calls.count('Range.setValues')).toBe(1);
    expect(s.env.calls.count('Range.setValue')).toBe(0);
    expect(s.env.calls.count('Lock.tryLock')).toBe(1);
    expect(s.env.calls.count('Lock.releaseLock')).toBe(1);
  });

  test('the document lock is held for the Report sheet’s write only, never while the cases and the Log are read', () => {
    const s = setUp();
    const lockedReads: boolean[] = [];
    const lockedWrites: boolean[] = [];
    const watchReads = () =>
      s.env.meanwhile('Sheet.getDataRange', () => {
        lockedReads.push(s.env.locks.isHeld('document'));
        watchReads();
      });
    watchReads();
    s.env.meanwhile('Range.setValues', () => lockedWrites.push(s.env.locks.isHeld('document')));
    build(s);
    // A long Log read under the lock would keep every member's save waiting (and refused after 5 s).
    expect(lockedReads).toEqual([false, false, false]);
    expect(lockedWrites).toEqual([true]);
  });

  test('replaced each time (cells and charts), nothing else in the spreadsheet touched', () => {
    const s = setUp();
    const before = allSheets(s.env);
    build(s);
    build(s, { from: '2026-01-01', to: '2026-01-31' });
    expect(allSheets(s.env)).toEqual(before);
    expect(s.env.sheetCharts('Report')).toHaveLength(2);
    const values = s.env.sheetValues('Report');
    expect(values[0]).toEqual(['Transparency report', '2026-01-01 to 2026-01-31']);
    expect(values.filter((row) => /^\d{4}-\d\d$/.test(String(row[0])))).toEqual([['2026-01', 3]]);
    expect(s.env.calls.count('Sheet.removeChart')).toBe(2);
  });

  test('anonymous: no confidential value of any row, no case ID and no case date in the sheet, its charts or the result', () => {
    const s = setUp();
    const r = build(s);
    const sheetText = [
      ...s.env.sheetDisplayValues('Report').flat(),
      ...s.env.sheetFormulas('Report').flat(),
      JSON.stringify(s.env.sheetCharts('Report')),
    ].join('\n');
    const resultText = JSON.stringify(r);
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const secrets = new Set<string>();
    for (const row of CASES) {
      for (const [column, value] of Object.entries(row)) {
        if (['Stage', 'Outcome', 'Permission to notify reported party', 'Appealed by', 'Appeal decision'].includes(column)) continue;
        const text = String(value);
        if (/^\d{4}-\d\d-\d\d$/.test(text)) {
          const [y, m, d] = text.split('-').map(Number);
          secrets.add(text);
          secrets.add(`${d} ${months[m - 1]} ${y}`);
        } else {
          for (const part of text.split(/,\s*/)) secrets.add(part);
        }
      }
    }
    expect(secrets.size).toBeGreaterThan(150);
    for (const secret of secrets) {
      expect(sheetText).not.toContain(secret);
      expect(resultText).not.toContain(secret);
    }
  });

  test('a bad period is refused with a clear message and nothing is written', () => {
    const s = setUp();
    for (const [period, message] of [
      [{ from: '2026-06-30', to: '2026-01-01' }, 'No report was made: the period ends before it starts.'],
      [{ from: '2026-02-30', to: '2026-03-31' }, 'No report was made: "2026-02-30" is not a real date (yyyy-mm-dd).'],
      ['2026', 'No report was made: the period needs a "from" date (yyyy-mm-dd).'],
    ] as const) {
      expect(() => s.gas.run('buildTransparencyReport', period)).toThrow(message);
    }
    expect(s.env.spreadsheet.getSheetByName('Report')).toBeNull();
    expect(s.env.calls.count('Range.setValues')).toBe(0);
    expect(s.env.calls.count('Lock.tryLock')).toBe(0);
  });
});

describe('the dialog', () => {
  test('Transparency report… is on the menu and opens a static modal dialog with the last six months', () => {
    const s = setUp();
    s.gas.run('onOpen');
    expect(s.env.ui.menus.at(-1)!.entries).toContainEqual({ type: 'item', caption: 'Transparency report…', functionName: 'showReportDialog' });
    s.gas.run('showReportDialog');
    const dialog = s.env.ui.dialogs.at(-1)!;
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Transparency report' });
    expect(dialog.html).toContain('<script type="application/json" id="report-dialog-start">{"from":"2026-01-01","to":"2026-07-15"}</script>');
    expect(dialog.html).toContain('buildTransparencyReport');
    expect(dialog.html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(dialog.html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const c of CASES) expect(dialog.html).not.toContain(String(c['Case ID']));
  });
});
