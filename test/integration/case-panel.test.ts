// The case panel through the built bundle (dist/Code.js; `npm test` builds it
// first) against the fakes: a case walked from Received to Closed with every
// cell checked, refusals that write nothing, the concurrent-edit refusal, and
// the sub-team suggestion on rosters with DST, the date line, unavailable,
// conflicted and overloaded members.
import { actionLog } from '../support/log';
import * as path from 'node:path';
import { createEnv, type FakeEnv } from '../../fakes';
import { createGas, type Gas } from '../../fakes/runtime';
import { COMPUTED_COLUMNS } from '../../src/core/columns';
import { ROSTER_HEADER } from '../../src/core/roster';
import type { CasePanelData, StepRecorded, SubTeamAdvice } from '../../src/cases/case-panel';
import type { StepFields, StepId } from '../../src/core/case-steps';

const DIST = path.resolve(__dirname, '../../dist');
const USER = 'member@example.org';
/** 10:00 UTC on 20 March 2026: the 20th both in Auckland (23:00) and in Los Angeles (03:00). */
const MARCH = '2026-03-20T10:00:00Z';

interface Setup {
  env: FakeEnv;
  gas: Gas;
  header: string[];
  col: (name: string) => number;
  tz: string;
}

const ROSTER = [
  ['Ana Alves', 'ana@irt.example', 'Europe/Lisbon', 'Yes', ''],
  ['Bo Berg', 'bo@irt.example', 'Europe/Stockholm', 'Yes', ''],
  ['Cy Chen', 'cy@irt.example', 'Europe/Paris', 'Yes', ''],
  ['Di Diaz', 'di@irt.example', 'Europe/Madrid', 'Yes', ''],
  ['Ed Eze', 'ed@irt.example', 'Africa/Lagos', 'No', ''],
  ['Fi Fox', 'fi@irt.example', 'Europe/London', 'Yes', '2026-04-30'],
];

function setUp(tz: string, now = MARCH, roster: unknown[][] = ROSTER): Setup {
  const env = createEnv({ spreadsheetTimeZone: tz, now, activeUser: USER });
  const gas = createGas(env, { bundleDir: DIST });
  gas.run('setupTracker');
  env.seedSheet('Roster', [[...ROSTER_HEADER], ...roster]);
  const header = env.sheetValues('Cases')[0].map(String);
  return { env, gas, header, col: (name) => header.indexOf(name), tz };
}

/** Writes a case row through the back door (as a member typing it) and refreshes its computed cells. */
function addCase(s: Setup, cells: Record<string, unknown>): number {
  const sheet = s.env.sheet('Cases');
  const rowNumber = Math.max(sheet.getLastRow(), 1) + 1;
  const row = s.header.map((name) => (name in cells ? cells[name] : ''));
  sheet.getRange(rowNumber, 1, 1, row.length).setValues([row]);
  s.gas.run('refreshDeadlines');
  s.env.calls.reset();
  return rowNumber;
}

const NEW_CASE = {
  'Case ID': 'IRT-2026-001',
  Received: '2026-03-01',
  Stage: 'Received',
  'Reporter name': 'Robin Reporter',
  'Reporter email': 'robin@example.org',
  'Reported party name': 'Pat Party',
  'Reported party email': 'pat@example.org',
  'Permission to notify reported party': 'Not asked',
  Summary: 'Fictional summary of a report.',
};

const casesRows = (s: Setup) => s.env.sheetValues('Cases');
const logRows = (s: Setup) => actionLog(s.env, true);
const rowById = (s: Setup, id: string) => casesRows(s).find((r) => r[s.col('Case ID')] === id) as unknown[];
const iso = (s: Setup, value: unknown) =>
  value instanceof Date || Object.prototype.toString.call(value) === '[object Date]'
    ? new Intl.DateTimeFormat('en-CA', { timeZone: s.tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(value as Date)
    : value;
/** A row as {column: value}, dates as yyyy-mm-dd in the spreadsheet's zone (checking each is midnight there). */
function named(s: Setup, row: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  s.header.forEach((name, i) => {
    const value = row[i];
    if (Object.prototype.toString.call(value) === '[object Date]') {
      const time = new Intl.DateTimeFormat('en-GB', { timeZone: s.tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(value as Date);
      expect(`${name} ${time}`).toBe(`${name} 00:00`);
    }
    out[name] = iso(s, value);
  });
  return out;
}
function changed(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after)) if (before[key] !== after[key]) out[key] = after[key];
  return out;
}
/** How many setValues a write of these columns needs: one per run of adjacent columns. */
function runsOf(s: Setup, columns: string[]): number {
  const indexes = columns.map((c) => s.col(c)).sort((a, b) => a - b);
  return indexes.filter((index, i) => i === 0 || index !== indexes[i - 1] + 1).length;
}

const panel = (s: Setup, id?: string) => (id === undefined ? s.gas.run('getCasePanel') : s.gas.run('getCasePanel', id)) as CasePanelData;
const record = (s: Setup, id: string, step: StepId, fields: StepFields, version: string) =>
  s.gas.run('recordCaseStep', id, step, fields, version) as StepRecorded;

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('walking a case from Received to Closed (%s)', (tz) => {
  test('every step writes exactly its cells, recomputes the row and logs one line', () => {
    const s = setUp(tz);
    addCase(s, NEW_CASE);
    let view = panel(s, 'IRT-2026-001');
    expect(view).toMatchObject({ caseId: 'IRT-2026-001', stage: 'Received', today: '2026-03-20' });
    expect(view.next).toEqual({ action: 'Reply to reporter', due: '2026-03-04', status: 'Overdue' });

    const computed = (action: string, due: string, status: string) => ({ 'Next action': action, 'Next deadline': due, 'Deadline status': status });
    const walk: [StepId, StepFields, Record<string, unknown>, Record<string, unknown>][] = [
      ['firstReply', { date: '2026-03-02' }, { 'First reply sent': '2026-03-02' }, computed('Finish initial assessment', '2026-03-08', 'Overdue')],
      ['assessment', { assessment: 'Possible violation' }, { Stage: 'Assessing', Assessment: 'Possible violation' }, computed('Form sub-team', '2026-03-08', 'Overdue')],
      [
        'subTeam',
        { members: 'ana@irt.example, BO@irt.example, cy@irt.example', date: '2026-03-05', channel: '=#irt-001' },
        {
          Stage: 'Sub-team formed',
          'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example',
          'Sub-team formed': '2026-03-05',
          Channel: '=#irt-001',
        },
        computed('Notify reporter', '2026-03-12', 'Overdue'),
      ],
      [
        'notifyReporter',
        { date: '2026-03-06', permission: 'Yes' },
        { Stage: 'Investigating', 'Reporter notified': '2026-03-06', 'Permission to notify reported party': 'Yes' },
        { 'Next action': 'Notify reported party' },
      ],
      ['notifyReportedParty', { date: '2026-03-07' }, { 'Reported party notified': '2026-03-07' }, computed('Update reporter', '2026-03-20', 'Due soon')],
      ['replaceMember', { outgoing: 'bo@irt.example', incoming: 'di@irt.example' }, { 'Sub-team': 'ana@irt.example, di@irt.example, cy@irt.example' }, {}],
      ['updateReporter', { date: '2026-03-10', permission: 'Yes' }, { 'Last update to reporter': '2026-03-10' }, computed('Update reported party', '2026-03-21', 'Due soon')],
      ['updateReportedParty', { date: '2026-03-10' }, { 'Last update to reported party': '2026-03-10' }, computed('Update both parties', '2026-03-24', 'On track')],
      [
        'decision',
        { outcome: 'Temporary ban', endDate: '2026-09-30', requestedAction: '=1+1 stay away', findings: '=HYPERLINK("https://x.example","Findings")' },
        {
          Stage: 'Decision',
          Outcome: 'Temporary ban',
          'Outcome end date': '2026-09-30',
          'Requested action': '=1+1 stay away',
          Findings: '=HYPERLINK("https://x.example","Findings")',
        },
        { 'Next action': 'Send response plan' },
      ],
      ['responsePlan', { date: '2026-03-16' }, { 'Response plan sent': '2026-03-16' }, computed('Tell reporter the outcome', '2026-03-19', 'Overdue')],
      ['reporterToldOutcome', { date: '2026-03-18' }, { 'Reporter told outcome': '2026-03-18' }, computed('Close the case', '2026-03-18', 'Overdue')],
      // The record is kept 12 months after the temporary ban's end date (Settings: Keep records).
      ['close', { date: '2026-03-19' }, { Stage: 'Closed', Closed: '2026-03-19', 'Expunge after': '2027-09-30' }, computed('', '', 'Closed')],
    ];

    for (const [step, fields, cells, computedCells] of walk) {
      expect(view.steps.map((v) => v.id)).toContain(step);
      const before = named(s, rowById(s, 'IRT-2026-001'));
      const logBefore = logRows(s).length;
      s.env.calls.reset();

      const result = record(s, 'IRT-2026-001', step, fields, view.version);

      const after = named(s, rowById(s, 'IRT-2026-001'));
      const diff = changed(before, after);
      for (const name of COMPUTED_COLUMNS) delete diff[name];
      expect([step, diff]).toEqual([step, cells]);
      expect(after).toMatchObject(computedCells);
      // Only the step's cells and the computed block: one setValues per adjacent run, plus the log line.
      expect(s.env.calls.count('Range.setValues')).toBe(runsOf(s, [...Object.keys(cells), ...COMPUTED_COLUMNS]) + 1);
      expect(s.env.calls.count('Range.setValue')).toBe(0);
      // One read each: Cases, Settings, the written row read back, and the Roster at most once
      // (for a sub-team step, or when the refreshed panel offers one).
      const rosterStep = step === 'subTeam' || step === 'replaceMember';
      const reads = s.env.calls.count('Range.getValues');
      expect([step, rosterStep ? reads === 4 : reads === 3 || reads === 4]).toEqual([step, true]);
      expect(s.env.calls.count('Lock.tryLock')).toBe(1);
      expect(s.env.calls.count('Lock.releaseLock')).toBe(1);
      // A fresh view: new version, the next action as now written.
      expect(result.panel.version).not.toBe(view.version);
      expect(result.panel.next.action).toBe(after['Next action']);
      expect(result.message).toMatch(/: saved for IRT-2026-001\.$/);
      const log = logRows(s);
      expect(log).toHaveLength(logBefore + 1);
      expect(log[log.length - 1].slice(1, 4)).toEqual([USER, 'IRT-2026-001', result.message.split(':')[0]]);
      view = result.panel;
    }

    expect(view.stage).toBe('Closed');
    // A closed case offers one step: recording an appeal against its decision.
    expect(view.steps.map((x) => x.id)).toEqual(['recordAppeal']);
    // The sub-team formed date survived the replacement; text typed with = stayed text.
    const final = named(s, rowById(s, 'IRT-2026-001'));
    expect(final['Sub-team formed']).toBe('2026-03-05');
    expect(s.env.sheetFormulas('Cases').flat().filter(Boolean)).toEqual([]);
    // The log: time, user, case ID, step; never a name, a party's email, the findings or the channel.
    const log = logRows(s).slice(1);
    expect(log.map((l) => l[3])).toEqual([
      'Record first reply',
      'Record assessment',
      'Record sub-team',
      'Record reporter notified',
      'Record reported party notified',
      'Replace a sub-team member',
      'Record update to reporter',
      'Record update to reported party',
      'Record decision',
      'Record response plan sent',
      'Record reporter told of outcome',
      'Close the case',
    ]);
    // The replacement says who left and who joined (IRT members' emails only).
    expect(log.map((l) => l[4]).filter(Boolean)).toEqual(['Possible violation', 'bo@irt.example left; di@irt.example joined', 'Temporary ban']);
    const text = JSON.stringify(log);
    for (const secret of ['Robin', 'Pat', 'robin@example.org', 'pat@example.org', 'HYPERLINK', 'irt-001', 'Fictional', 'ana@', 'cy@']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('refused steps write nothing', () => {
  function investigatingCase(s: Setup): void {
    addCase(s, {
      ...NEW_CASE,
      Stage: 'Investigating',
      'First reply sent': '2026-03-02',
      'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example',
      'Sub-team formed': '2026-03-05',
      'Reporter notified': '2026-03-06',
      Conflicts: 'Di Diaz',
    });
  }

  test.each([
    ['close', { date: '2026-03-19' }, 'Cannot close the case: Outcome, Findings and Reporter told outcome (the outcome notice date) are missing. Nothing was saved.'],
    ['notifyReportedParty', { date: '2026-03-19' }, 'Cannot record reported party notified: the reporter’s permission (Permission to notify reported party must be Yes) is missing: record the reporter’s answer with “Record reporter’s permission” first. Nothing was saved.'],
    ['updateReporter', { date: '2026-03-21' }, 'Cannot record update to reporter: the date cannot be after today (2026-03-20). Nothing was saved.'],
    ['updateReporter', { date: '2026-03-05' }, 'Cannot record update to reporter: the date cannot be before Reporter notified (2026-03-06). Nothing was saved.'],
    ['decision', { outcome: 'Temporary ban', findings: 'f' }, 'Cannot record decision: A temporary ban needs its end date. Nothing was saved.'],
    ['replaceMember', { outgoing: 'bo@irt.example', incoming: 'di@irt.example' }, 'Cannot replace a sub-team member: Di Diaz (di@irt.example) cannot join: listed in this case’s Conflicts. Nothing was saved.'],
    ['replaceMember', { outgoing: 'bo@irt.example', incoming: 'ed@irt.example' }, 'Cannot replace a sub-team member: Ed Eze (ed@irt.example) cannot join: not available (Available is No). Nothing was saved.'],
    ['replaceMember', { outgoing: 'bo@irt.example', incoming: 'fi@irt.example' }, 'Cannot replace a sub-team member: Fi Fox (fi@irt.example) cannot join: unavailable until 2026-04-30. Nothing was saved.'],
    ['replaceMember', { outgoing: 'bo@irt.example', incoming: 'zoe@irt.example' }, 'Cannot replace a sub-team member: zoe@irt.example is not on the Roster. Nothing was saved.'],
    ['firstReply', { date: '2026-03-02' }, 'Cannot record first reply: not a step for a case at stage Investigating (First reply sent is already 2026-03-02). Nothing was saved.'],
    ['launch', {}, 'Unknown step "launch". Nothing was saved.'],
    ['decision', { outcome: 'Warning', findings: 42 }, 'The field findings must be text. Nothing was saved.'],
  ] as [string, StepFields, string][])('%s %j', (step, fields, message) => {
    const s = setUp('Pacific/Auckland');
    investigatingCase(s);
    const { version } = panel(s, 'IRT-2026-001');
    const before = { cases: casesRows(s), log: logRows(s) };
    s.env.calls.reset();
    expect(() => record(s, 'IRT-2026-001', step as StepId, fields, version)).toThrow(message);
    expect(s.env.calls.count('Range.setValues')).toBe(0);
    expect(s.env.calls.count('Range.setValue')).toBe(0);
    expect({ cases: casesRows(s), log: logRows(s) }).toEqual(before);
    // The lock is never left held.
    expect(s.env.locks.isHeld('document')).toBe(false);
  });

  test('an unknown or duplicated case ID is refused', () => {
    const s = setUp('America/Los_Angeles');
    investigatingCase(s);
    const { version } = panel(s, 'IRT-2026-001');
    s.env.calls.reset();
    expect(() => record(s, 'IRT-2026-404', 'updateReporter', { date: '2026-03-19' }, version)).toThrow('There is no case IRT-2026-404');
    addCase(s, { ...NEW_CASE });
    s.env.calls.reset();
    expect(() => record(s, 'IRT-2026-001', 'updateReporter', { date: '2026-03-19' }, version)).toThrow('is on more than one row');
    expect(s.env.calls.count('Range.setValues')).toBe(0);
  });

  test('a lock held by another execution: "try again", nothing written', () => {
    const s = setUp('Pacific/Auckland');
    investigatingCase(s);
    const { version } = panel(s, 'IRT-2026-001');
    s.env.locks.holdDocumentLock();
    s.env.calls.reset();
    expect(() => record(s, 'IRT-2026-001', 'updateReporter', { date: '2026-03-19' }, version)).toThrow(/try again/);
    expect(s.env.calls.count('Range.setValues')).toBe(0);
    s.env.locks.releaseDocumentLock();
    expect(record(s, 'IRT-2026-001', 'updateReporter', { date: '2026-03-19' }, version).message).toBe(
      'Record update to reporter: saved for IRT-2026-001.',
    );
  });
});

describe('concurrent edits', () => {
  test('a row edited since the panel loaded is refused and not overwritten', () => {
    const s = setUp('Pacific/Auckland');
    const row = addCase(s, NEW_CASE);
    const { version } = panel(s, 'IRT-2026-001');
    // Another member records the first reply by hand meanwhile.
    s.env.sheet('Cases').getRange(row, s.col('First reply sent') + 1).setValue('2026-03-03');
    const before = { cases: casesRows(s), log: logRows(s) };
    s.env.calls.reset();
    expect(() => record(s, 'IRT-2026-001', 'firstReply', { date: '2026-03-02' }, version)).toThrow(
      'This case changed since you opened it: refresh',
    );
    expect(s.env.calls.count('Range.setValues')).toBe(0);
    expect({ cases: casesRows(s), log: logRows(s) }).toEqual(before);
    // After a refresh the panel offers what is left to do.
    const fresh = panel(s, 'IRT-2026-001');
    expect(fresh.steps.map((x) => x.id)).toEqual(['assessment', 'permission', 'conflicts']);
  });

  test('a refresh of the computed cells or a sort does not count as a change; the step lands on the right row', () => {
    const s = setUp('America/Los_Angeles');
    addCase(s, { ...NEW_CASE, 'Case ID': 'IRT-2026-002', 'Reporter name': 'Zed' });
    addCase(s, NEW_CASE);
    const { version } = panel(s, 'IRT-2026-001');
    s.env.sheet('Cases').getRange(3, s.col('Next action') + 1).setValue('stale');
    s.env.sheet('Cases').sort(s.col('Case ID') + 1, true);
    expect(casesRows(s).slice(1).map((r) => r[s.col('Case ID')])).toEqual(['IRT-2026-001', 'IRT-2026-002']);
    record(s, 'IRT-2026-001', 'firstReply', { date: '2026-03-02' }, version);
    expect(iso(s, rowById(s, 'IRT-2026-001')[s.col('First reply sent')])).toBe('2026-03-02');
    expect(rowById(s, 'IRT-2026-002')[s.col('First reply sent')]).toBe('');
  });

  test('the panel without an ID follows the selected row; the sidebar carries the view as data', () => {
    const s = setUp('Pacific/Auckland');
    addCase(s, NEW_CASE);
    addCase(s, { ...NEW_CASE, 'Case ID': 'IRT-2026-002', Stage: 'Not a violation', 'First reply sent': '2026-03-02' });
    s.env.sheet('Cases').getRange(3, 4).activate();
    expect(panel(s).caseId).toBe('IRT-2026-002');
    expect(panel(s).steps.map((x) => x.id)).toEqual(['assessment', 'close']);
    s.env.sheet('Cases').getRange(2, 1).activate();
    expect(panel(s).caseId).toBe('IRT-2026-001');
    s.env.sheet('Cases').getRange(1, 1).activate();
    expect(() => panel(s)).toThrow('The header row is selected.');
    s.env.sheet('Roster').getRange(2, 1).activate();
    expect(() => panel(s)).toThrow('No case is selected.');

    s.env.sheet('Cases').getRange(2, 1).activate();
    s.env.calls.reset();
    s.gas.run('showCasePanel');
    const sidebar = s.env.ui.dialogs[s.env.ui.dialogs.length - 1];
    expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Case panel' });
    expect(sidebar.html).toContain('"caseId":"IRT-2026-001"');
    for (const secret of ['Robin', 'Pat Party', 'robin@example.org', 'Fictional summary']) expect(sidebar.html).not.toContain(secret);
    expect(s.env.calls.count('Range.setValues')).toBe(0);
  });

  test('the panel carries what it shows, not the Roster: its page is the same size with 5 or 500 members', () => {
    const bigRoster = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        i % 50 === 7 ? [`Away ${i}`, `away${i}@irt.example`, 'Mars/Base', 'Yes', ''] : [`Member ${i}`, `member${i}@irt.example`, 'Europe/Paris', 'Yes', ''],
      );
    const pageFor = (members: number, cells: Record<string, unknown>) => {
      const s = setUp('Pacific/Auckland', MARCH, bigRoster(members));
      addCase(s, cells);
      s.env.sheet('Cases').getRange(2, 1).activate();
      s.gas.run('showCasePanel');
      return { s, html: s.env.ui.dialogs[s.env.ui.dialogs.length - 1].html, data: panel(s, 'IRT-2026-001') };
    };
    const investigating = {
      ...NEW_CASE,
      Stage: 'Investigating',
      'First reply sent': '2026-03-02',
      'Sub-team': 'member1@irt.example, member2@irt.example, zed@irt.example',
      'Sub-team formed': '2026-03-05',
      'Reporter time zone': 'Asia/Jakarta',
    };
    for (const cells of [{ ...NEW_CASE, Stage: 'Assessing', 'First reply sent': '2026-03-02' }, investigating]) {
      const small = pageFor(5, cells);
      const large = pageFor(500, cells);
      // Only the Roster problems' count changes (1 problem against 10), and at most 5 are listed.
      expect(Math.abs(large.html.length - small.html.length)).toBeLessThan(600);
      expect(large.data.rosterProblemCount).toBe(10);
      expect(large.data.rosterProblems).toHaveLength(5);
      const others = large.html.match(/member\d+@irt\.example/g) ?? [];
      expect(new Set(others)).toEqual(new Set(cells === investigating ? ['member1@irt.example', 'member2@irt.example'] : []));
      expect(JSON.stringify(large.data).length).toBeLessThan(12_000);
    }
    const { data } = pageFor(500, investigating);
    expect(data.subTeamMembers).toEqual([
      { email: 'member1@irt.example', name: 'Member 1', conflict: null },
      { email: 'member2@irt.example', name: 'Member 2', conflict: null },
      { email: 'zed@irt.example', name: '', conflict: null },
    ]);
    expect(data.partyTimeZones).toEqual({ reporter: 'Asia/Jakarta', reportedParty: '' });
  });

  test('Draft “X”… from the panel selects the case row and opens the draft dialog with X chosen', () => {
    const s = setUp('Pacific/Auckland');
    addCase(s, { ...NEW_CASE, 'Case ID': 'IRT-2026-002' });
    addCase(s, NEW_CASE);
    s.env.sheet('Roster').getRange(1, 1).activate();
    const step = panel(s, 'IRT-2026-001').steps.find((x) => x.id === 'firstReply')!;
    expect(step.template).toBe('Acknowledgement');
    expect(s.gas.run('showCaseDraftDialog', 'IRT-2026-001', step.template)).toEqual({ caseId: 'IRT-2026-001', template: 'Acknowledgement' });
    expect(s.env.spreadsheet.getActiveRange().getRow()).toBe(3);
    const dialog = s.env.ui.dialogs[s.env.ui.dialogs.length - 1];
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Draft email' });
    // The template travels as JSON in the page's data slot, never as markup.
    expect(dialog.html).toContain('<script type="application/json" id="draft-dialog-start">{"caseId":"IRT-2026-001","template":"Acknowledgement"}</script>');
    for (const secret of ['Robin', 'Pat Party', 'robin@example.org', 'Fictional summary']) expect(dialog.html).not.toContain(secret);

    s.gas.run('showCaseDraftDialog', 'IRT-2026-001', '</script><img src=x onerror=alert(1)>&');
    const hostile = s.env.ui.dialogs[s.env.ui.dialogs.length - 1].html;
    expect(hostile).toContain('{"caseId":"IRT-2026-001","template":"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e\\u0026"}');
    expect(hostile).not.toContain('<img');
    // Anything but a string (or nothing) preselects nothing.
    s.gas.run('showCaseDraftDialog', 'IRT-2026-001', { name: 'Acknowledgement' });
    expect(s.env.ui.dialogs[s.env.ui.dialogs.length - 1].html).toContain('{"caseId":"IRT-2026-001","template":null}');
    s.gas.run('showCaseDraftDialog', 'IRT-2026-001');
    expect(s.env.ui.dialogs[s.env.ui.dialogs.length - 1].html).toContain('{"caseId":"IRT-2026-001","template":null}');
    expect(s.env.calls.count('Range.setValues')).toBe(0);

    // A case that cannot be found opens nothing and says why, so the panel never reports a dialog that did not open.
    const opened = s.env.ui.dialogs.length;
    expect(() => s.gas.run('showCaseDraftDialog', 'IRT-2099-001', 'Acknowledgement')).toThrow(/There is no case IRT-2099-001/);
    expect(() => s.gas.run('showCaseDraftDialog', '', 'Acknowledgement')).toThrow(/No case ID was given/);
    expect(s.env.ui.dialogs).toHaveLength(opened);
  });

  test('casePanelVersion changes when the draft dialog’s Mark as sent records a step, with one read and nothing written', () => {
    const s = setUp('Pacific/Auckland');
    addCase(s, NEW_CASE);
    const shown = panel(s, 'IRT-2026-001');
    s.env.calls.reset();
    expect(s.gas.run('casePanelVersion', 'IRT-2026-001')).toBe(shown.version);
    expect(s.env.calls.count('Range.getValues')).toBe(1);
    expect(s.env.calls.count('Range.setValues') + s.env.calls.count('Range.setValue')).toBe(0);
    s.gas.run('markTemplateSent', 'IRT-2026-001', 'Acknowledgement');
    const changed = s.gas.run('casePanelVersion', 'IRT-2026-001');
    expect(changed).not.toBe(shown.version);
    expect(changed).toBe(panel(s, 'IRT-2026-001').version);
    expect(() => s.gas.run('casePanelVersion', 'IRT-2099-001')).toThrow(/There is no case IRT-2099-001/);
  });
});

describe('suggesting a sub-team from the Roster', () => {
  const suggest = (s: Setup, id = 'IRT-2026-001', options?: object) =>
    (options ? s.gas.run('suggestSubTeam', id, options) : s.gas.run('suggestSubTeam', id)) as SubTeamAdvice;
  const emails = (a: SubTeamAdvice) => a.members.map((m) => m.email.split('@')[0]).sort();
  const assessing = { ...NEW_CASE, Stage: 'Assessing', 'First reply sent': '2026-01-05', Received: '2026-01-02' };

  const EUROPE = [
    ['Reykjavik', 'rey@irt.example', 'Atlantic/Reykjavik', 'Yes', ''],
    ['London', 'lon@irt.example', 'Europe/London', 'Yes', ''],
    ['Berlin', 'ber@irt.example', 'Europe/Berlin', 'Yes', ''],
    ['Joburg', 'jnb@irt.example', 'Africa/Johannesburg', 'Yes', ''],
  ];

  test('daylight saving: January and July give different teams', () => {
    const winter = setUp('Pacific/Auckland', '2026-01-14T10:00:00Z', EUROPE);
    addCase(winter, assessing);
    const january = suggest(winter);
    expect(january).toMatchObject({ complete: true, spreadMinutes: 60, day: '2026-01-14' });
    expect(emails(january)).toEqual(['ber', 'lon', 'rey']);

    const summer = setUp('Pacific/Auckland', '2026-07-14T10:00:00Z', EUROPE);
    addCase(summer, assessing);
    const july = suggest(summer);
    expect(emails(july)).toEqual(['ber', 'jnb', 'lon']);
    expect(july.members.find((m) => m.name === 'Berlin')?.reason).toBe('Berlin: Europe/Berlin (UTC+2 on 14 July 2026); 0 open cases; within 1 h of the others.');
  });

  test('the date line: Auckland, Honolulu and Tokyo are 5 hours apart, not 22', () => {
    const s = setUp('America/Los_Angeles', MARCH, [
      ['Auckland', 'akl@irt.example', 'Pacific/Auckland', 'Yes', ''],
      ['Honolulu', 'hnl@irt.example', 'Pacific/Honolulu', 'Yes', ''],
      ['Tokyo', 'tyo@irt.example', 'Asia/Tokyo', 'Yes', ''],
      ['Berlin', 'ber@irt.example', 'Europe/Berlin', 'Yes', ''],
      ['Sao Paulo', 'gru@irt.example', 'America/Sao_Paulo', 'Yes', ''],
    ]);
    addCase(s, assessing);
    const advice = suggest(s);
    expect(emails(advice)).toEqual(['akl', 'hnl', 'tyo']);
    // 20 March: Auckland still on daylight time (+13), Honolulu -10 (= +14), Tokyo +9.
    expect(advice.spreadMinutes).toBe(5 * 60);
    expect(advice.summary).toBe('These 3 span 5 h of UTC offsets on 20 March 2026; 0 open cases between them. No group is tighter or carries fewer open cases.');
  });

  test('never an unavailable or conflicted member; overloaded members come last', () => {
    const s = setUp('Pacific/Auckland', MARCH, [
      ['Ana Alves', 'ana@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Bo Berg', 'bo@irt.example', 'Europe/Paris', 'No', ''],
      ['Cy Chen', 'cy@irt.example', 'Europe/Paris', 'Yes', '2026-03-20'],
      ['Di Diaz', 'di@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Ed Eze', 'ed@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Fi Fox', 'fi@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Gu Gao', 'gu@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Hal Hu', 'hal@irt.example', 'Not/AZone', 'Yes', ''],
      ['Ida Ito', 'ida@irt.example', 'Europe/Paris', 'Yes', '2026-03-19'],
    ]);
    addCase(s, { ...assessing, Conflicts: 'di@irt.example; Ed Eze' });
    // Fi sits on two open cases, Gu on one; a closed case does not count.
    const other = { ...NEW_CASE, Stage: 'Investigating', 'First reply sent': '2026-03-02', 'Sub-team formed': '2026-03-05' };
    addCase(s, { ...other, 'Case ID': 'IRT-2026-002', 'Sub-team': 'fi@irt.example, gu@irt.example, x@irt.example' });
    addCase(s, { ...other, 'Case ID': 'IRT-2026-003', 'Sub-team': 'fi@irt.example, y@irt.example, z@irt.example' });
    addCase(s, { ...other, 'Case ID': 'IRT-2026-004', Stage: 'Closed', Closed: '2026-03-10', 'Sub-team': 'ida@irt.example, ana@irt.example, w@irt.example' });

    const advice = suggest(s);
    expect(advice.complete).toBe(true);
    expect(emails(advice)).toEqual(['ana', 'gu', 'ida']);
    expect(advice.members.find((m) => m.name === 'Gu Gao')?.openCases).toBe(1);
    expect(advice.members.find((m) => m.name === 'Ana Alves')?.openCases).toBe(0);
    expect(advice.excluded).toEqual([
      { name: 'Bo Berg', email: 'bo@irt.example', reason: 'not available (Available is No)' },
      { name: 'Cy Chen', email: 'cy@irt.example', reason: 'unavailable until 2026-03-20' },
      { name: 'Di Diaz', email: 'di@irt.example', reason: 'listed in this case’s Conflicts' },
      { name: 'Ed Eze', email: 'ed@irt.example', reason: 'listed in this case’s Conflicts' },
      { name: 'Hal Hu', email: 'hal@irt.example', reason: 'Time zone "Not/AZone" is not an IANA time zone name' },
    ]);
    expect(advice.rosterProblems).toEqual(['Roster row 9 (hal@irt.example): Time zone "Not/AZone" is not an IANA time zone name']);

    // The suggestion is accepted by the sub-team step as it stands.
    const view = panel(s, 'IRT-2026-001');
    const members = advice.members.map((m) => m.email).join(', ');
    const saved = record(s, 'IRT-2026-001', 'subTeam', { members, date: '2026-03-20' }, view.version);
    expect(saved.panel.stage).toBe('Sub-team formed');
  });

  test('the case’s own parties are never suggested and are refused on its sub-team, without being named', () => {
    // The reporter and the reported party are IRT members too: one by address (written with a name), one by Roster name.
    const s = setUp('Pacific/Auckland', MARCH, [
      ['Ana Alves', 'ana@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Bo Berg', 'bo@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Cy Chen', 'cy@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Di Diaz', 'di@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Ed Eze', 'ed@irt.example', 'Europe/Berlin', 'Yes', ''],
    ]);
    addCase(s, { ...assessing, 'Reporter email': 'Ana A. <ANA@irt.example>', 'Reported party name': 'Bo Berg', 'Reported party email': '' });
    const advice = suggest(s);
    expect(emails(advice)).toEqual(['cy', 'di', 'ed']);
    expect(advice.partiesLeftOut).toBe(2);
    expect(JSON.stringify(advice)).not.toMatch(/ana@|Ana Alves|bo@|Bo Berg/i);

    const view = panel(s, 'IRT-2026-001');
    const before = casesRows(s);
    for (const [members, which] of [
      ['cy@irt.example, ana@irt.example, di@irt.example', 'member 2 is the reporter of this case'],
      ['bo@irt.example, cy@irt.example, di@irt.example', 'member 1 is the reported party of this case'],
    ]) {
      s.env.calls.reset();
      expect(() => record(s, 'IRT-2026-001', 'subTeam', { members, date: '2026-03-20' }, view.version)).toThrow(
        `Cannot record sub-team: ${which}, and a party never sits on their own case’s sub-team. Nothing was saved.`,
      );
      expect(s.env.calls.count('Range.setValues')).toBe(0);
    }
    expect(casesRows(s)).toEqual(before);

    // A replacement cannot bring a party in either.
    const formed = record(s, 'IRT-2026-001', 'subTeam', { members: 'cy@irt.example, di@irt.example, ed@irt.example', date: '2026-03-20' }, view.version);
    expect(suggest(s, 'IRT-2026-001', { replace: 'ed@irt.example' }).complete).toBe(false);
    expect(() =>
      record(s, 'IRT-2026-001', 'replaceMember', { outgoing: 'ed@irt.example', incoming: 'bo@irt.example' }, formed.panel.version),
    ).toThrow('Cannot replace a sub-team member: the new member is the reported party of this case');
  });

  test('conflicts recorded from the panel: written as inert text, logged without their content, and never suggested', () => {
    const s = setUp('Pacific/Auckland');
    addCase(s, assessing);
    // 20 March: Bo, Cy and Di at UTC+1 (Ed and Fi are away).
    expect(emails(suggest(s))).toEqual(['bo', 'cy', 'di']);
    const view = panel(s, 'IRT-2026-001');
    expect(view.steps.find((x) => x.id === 'conflicts')?.fields).toEqual([
      expect.objectContaining({ name: 'conflicts', type: 'textarea', value: '', required: false }),
    ]);
    s.env.calls.reset();
    const saved = record(s, 'IRT-2026-001', 'conflicts', { conflicts: '=HYPERLINK("x"); Cy Chen, di@irt.example' }, view.version);
    expect(saved.message).toBe('Record conflicts: saved for IRT-2026-001.');
    expect(rowById(s, 'IRT-2026-001')[s.col('Conflicts')]).toBe('=HYPERLINK("x"); Cy Chen, di@irt.example');
    expect(s.env.sheet('Cases').getRange(2, s.col('Conflicts') + 1).getFormula()).toBe('');
    expect(JSON.stringify(logRows(s))).not.toMatch(/Cy Chen|di@irt/);
    expect(saved.panel.steps.find((x) => x.id === 'conflicts')?.fields[0].value).toBe('=HYPERLINK("x"); Cy Chen, di@irt.example');
    const advice = suggest(s);
    expect(advice.complete).toBe(false);
    expect(emails(advice)).toEqual(['ana', 'bo']);
    expect(advice.excluded.filter((e) => e.reason === 'listed in this case’s Conflicts').map((e) => e.email)).toEqual([
      'cy@irt.example',
      'di@irt.example',
    ]);
  });

  test('the parties’ time zones from the row count, with any typed ones; a bad one is named and ignored', () => {
    // Two equally tight groups: three at +9 (Tokyo, Seoul) and three at +8 (Manila, Perth, Singapore).
    const s = setUp('Pacific/Auckland', MARCH, [
      ['Ai', 'ai@irt.example', 'Asia/Tokyo', 'Yes', ''],
      ['Bo', 'bo@irt.example', 'Asia/Seoul', 'Yes', ''],
      ['Cy', 'cy@irt.example', 'Asia/Tokyo', 'Yes', ''],
      ['Di', 'di@irt.example', 'Asia/Manila', 'Yes', ''],
      ['Ed', 'ed@irt.example', 'Australia/Perth', 'Yes', ''],
      ['Fi', 'fi@irt.example', 'Asia/Singapore', 'Yes', ''],
    ]);
    addCase(s, assessing);
    expect(emails(suggest(s))).toEqual(['ai', 'bo', 'cy']);
    // A reporter in Jakarta (+7), on the row: the group an hour closer wins, and the summary says so.
    const sheet = s.env.sheet('Cases');
    sheet.getRange(2, s.col('Reporter time zone') + 1).setValue('Asia/Jakarta');
    const advice = suggest(s);
    expect(emails(advice)).toEqual(['di', 'ed', 'fi']);
    expect(advice.rowTimeZones).toEqual(['Asia/Jakarta']);
    expect(advice.summary).toContain('every party is within 1 h of a member');
    // A reported party far east (Auckland +13 in March), typed: both count.
    // Auckland is 5 h from +8 but 4 h from +9, Jakarta 1 h and 2 h: the +9 group is back.
    const both = suggest(s, 'IRT-2026-001', { partyTimeZones: ['Pacific/Auckland'] });
    expect(emails(both)).toEqual(['ai', 'bo', 'cy']);
    expect(both.score?.partyMinutes).toBe(4 * 60);
    expect(both.summary).toContain('every party is within 4 h of a member');
    // A row zone that is not one is reported, not used.
    sheet.getRange(2, s.col('Reported party time zone') + 1).setValue('Mars/Olympus');
    const bad = suggest(s);
    expect(bad.ignoredTimeZones).toEqual(['Mars/Olympus']);
    expect(emails(bad)).toEqual(['di', 'ed', 'fi']);
  });

  test('a sub-team member named in Conflicts afterwards, or a party of the case, is flagged in the panel', () => {
    const s = setUp('Pacific/Auckland');
    addCase(s, {
      ...NEW_CASE,
      Stage: 'Investigating',
      'First reply sent': '2026-03-02',
      'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example',
      'Sub-team formed': '2026-03-05',
      'Reporter email': 'mailto:BO@irt.example',
    });
    const view = panel(s, 'IRT-2026-001');
    expect(view.subTeamMembers).toEqual([
      { email: 'ana@irt.example', name: 'Ana Alves', conflict: null },
      { email: 'bo@irt.example', name: 'Bo Berg', conflict: 'the reporter of this case' },
      { email: 'cy@irt.example', name: 'Cy Chen', conflict: null },
    ]);
    const saved = record(s, 'IRT-2026-001', 'conflicts', { conflicts: 'Cy Chen' }, view.version);
    expect(saved.panel.subTeamMembers.map((m) => m.conflict)).toEqual([null, 'the reporter of this case', 'listed in this case’s Conflicts']);
  });

  test('fewer than three eligible members: says so', () => {
    const s = setUp('Pacific/Auckland', MARCH, [
      ['Ana Alves', 'ana@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Bo Berg', 'bo@irt.example', 'Europe/Paris', 'No', ''],
      ['Cy Chen', 'cy@irt.example', 'Europe/Paris', 'Yes', ''],
    ]);
    addCase(s, assessing);
    const advice = suggest(s);
    expect(advice.complete).toBe(false);
    expect(advice.summary).toBe('Only 2 eligible members on 20 March 2026: a sub-team needs 3. Add members to the Roster or update their availability.');
    expect(emails(advice)).toEqual(['ana', 'cy']);
  });

  test('a replacement keeps the other two, never suggests the leaving member, and weighs the parties’ zones', () => {
    const s = setUp('Pacific/Auckland');
    addCase(s, { ...NEW_CASE, Stage: 'Investigating', 'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example', 'Sub-team formed': '2026-03-05' });
    const advice = suggest(s, 'IRT-2026-001', { replace: 'bo@irt.example', partyTimeZones: ['Europe/Madrid', 'Atlantis/Nowhere'] });
    expect(advice.complete).toBe(true);
    expect(advice.members.filter((m) => m.kept).map((m) => m.email)).toEqual(['ana@irt.example', 'cy@irt.example']);
    expect(advice.members.filter((m) => !m.kept).map((m) => m.email)).toEqual(['di@irt.example']);
    expect(advice.ignoredTimeZones).toEqual(['Atlantis/Nowhere']);
    expect(advice.excluded.map((e) => e.email)).not.toContain('bo@irt.example');
    expect(() => suggest(s, 'IRT-2026-001', { replace: 'zed@irt.example' })).toThrow('zed@irt.example is not on the sub-team of IRT-2026-001.');
  });

  test('options of the wrong shape are refused with a short message, never answered as something else', () => {
    const s = setUp('Pacific/Auckland');
    addCase(s, { ...NEW_CASE, Stage: 'Investigating', 'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example', 'Sub-team formed': '2026-03-05' });
    const refused = (options: unknown) => {
      try {
        s.gas.run('suggestSubTeam', 'IRT-2026-001', options);
      } catch (error) {
        return (error as Error).message;
      }
      return 'answered';
    };
    // A replacement asked for with a non-text member was answered as a whole new sub-team.
    expect(refused({ replace: 42 })).toBe('The member to replace must be an email address.');
    expect(refused({ replace: `${'x'.repeat(100_000)}@irt.example` })).toBe('The member to replace must be an email address.');
    expect(refused({ partyTimeZones: 'Europe/Madrid' })).toBe('The parties’ time zones must be a list of zone names.');
    expect(refused({ partyTimeZones: ['x'.repeat(100_000)] })).toBe('The parties’ time zones must be a list of zone names.');
    expect(refused('replace')).toBe('The suggestion’s options must be an object.');
    expect(refused({ replace: 'bo@irt.example', partyTimeZones: ['Europe/Madrid'] })).toBe('answered');
  });
});

describe('every decision recorded from the panel', () => {
  const at = (s: Setup, id: string, name: string) => iso(s, rowById(s, id)[s.col(name)]);
  /** The daily run, as the trigger runs it (no UI). */
  const remind = (s: Setup) => {
    s.env.ui.available = false;
    try {
      s.gas.run('sendDeadlineReminders', { triggerUid: '1', authMode: 'FULL' });
    } finally {
      s.env.ui.available = true;
    }
  };
  const digestTo = (s: Setup, to: string) => s.env.outbox.sent.filter((m) => m.to === to).map((m) => m.body).join('\n');
  const FORMED = {
    ...NEW_CASE,
    Stage: 'Investigating',
    Assessment: 'Possible violation',
    'First reply sent': '2026-03-02',
    'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example',
    'Sub-team formed': '2026-03-05',
    'Reporter notified': '2026-03-06',
  };

  test('assessment: Possible violation leads to Form sub-team, Not a violation to the explanation, and either is kept', () => {
    const s = setUp('Europe/Paris');
    addCase(s, { ...NEW_CASE, 'First reply sent': '2026-03-02' });
    addCase(s, { ...NEW_CASE, 'Case ID': 'IRT-2026-002', 'First reply sent': '2026-03-02' });
    const possible = record(s, 'IRT-2026-001', 'assessment', { assessment: 'Possible violation' }, panel(s, 'IRT-2026-001').version).panel;
    expect(possible.next).toEqual({ action: 'Form sub-team', due: '2026-03-08', status: 'Overdue' });
    expect(possible.steps.map((x) => x.id)).toContain('subTeam');
    expect(at(s, 'IRT-2026-001', 'Next action')).toBe('Form sub-team');

    const not = record(s, 'IRT-2026-002', 'assessment', { assessment: 'Not a violation' }, panel(s, 'IRT-2026-002').version).panel;
    expect(not.next.action).toBe('Explain decision to reporter and close the help-desk ticket');
    const closed = record(s, 'IRT-2026-002', 'close', { date: '2026-03-19' }, not.version).panel;
    // Closed, and the row still says why.
    expect(closed.stage).toBe('Closed');
    expect(at(s, 'IRT-2026-002', 'Assessment')).toBe('Not a violation');
    expect(closed.timeline.find((i) => i.label === 'Initial assessment')?.note).toBe('Not a violation');
    // An adopted row without an Assessment keeps the words it always had.
    addCase(s, { ...NEW_CASE, 'Case ID': 'IRT-2026-003', Stage: 'Not a violation', 'First reply sent': '2026-03-02' });
    expect(at(s, 'IRT-2026-003', 'Next action')).toBe('Explain decision to reporter and close');
  });

  test('permission: a step of its own; while Not asked the notification waits with no clock, and its refusal names the step', () => {
    const s = setUp('Europe/Paris');
    addCase(s, { ...FORMED, Stage: 'Sub-team formed', 'Reporter notified': '' });
    let view = panel(s, 'IRT-2026-001');
    expect(view.steps.map((x) => x.id)).toContain('permission');
    expect(view.notices.join(' ')).toContain('waits for the reporter’s permission (Not asked)');
    expect(view.timeline.find((i) => i.label === 'Reported party notified')).toMatchObject({ due: null, state: 'to come' });
    expect(view.next.action).toBe('Notify reporter');
    expect(() => record(s, 'IRT-2026-001', 'notifyReportedParty', { date: '2026-03-19' }, view.version)).toThrow(
      'record the reporter’s answer with “Record reporter’s permission” first. Nothing was saved.',
    );
    // Yes: the reported party is owed a notification within the notify window, like the reporter.
    view = record(s, 'IRT-2026-001', 'permission', { permission: 'Yes' }, view.version).panel;
    expect(at(s, 'IRT-2026-001', 'Permission to notify reported party')).toBe('Yes');
    expect(view.next).toEqual({ action: 'Notify both parties', due: '2026-03-12', status: 'Overdue' });
    expect(view.notices.join(' ')).not.toContain('waits for the reporter’s permission');
    expect(() => record(s, 'IRT-2026-001', 'permission', { permission: 'Maybe' }, view.version)).toThrow(
      'Cannot record reporter’s permission: The reporter’s answer must be Yes or No. Nothing was saved.',
    );
    // Once the reported party is notified, the answer is no longer asked for.
    view = record(s, 'IRT-2026-001', 'notifyReportedParty', { date: '2026-03-19' }, view.version).panel;
    expect(view.steps.map((x) => x.id)).not.toContain('permission');
  });

  test('availability: an unavailable member is named in the panel with Replace first, and the other two are told in their digest', () => {
    // Fi is away until 30 April; Ed says Available No.
    const s = setUp('Europe/Paris');
    addCase(s, { ...FORMED, 'Sub-team': 'ana@irt.example, bo@irt.example, fi@irt.example', 'Last update to reporter': '2026-03-19' });
    const view = panel(s, 'IRT-2026-001');
    expect(view.unavailableMembers).toEqual([{ email: 'fi@irt.example', name: 'Fi Fox', why: 'unavailable until 2026-04-30' }]);
    expect(view.steps[0].id).toBe('replaceMember');
    expect(view.notices[0]).toBe('Fi Fox is unavailable until 2026-04-30: replace them with “Replace a sub-team member”.');

    remind(s);
    for (const other of ['ana@irt.example', 'bo@irt.example']) expect(digestTo(s, other)).toContain('IRT-2026-001: A sub-team member is unavailable');
    expect(digestTo(s, 'fi@irt.example')).not.toContain('A sub-team member is unavailable');
    // As always, no party's name in any digest.
    for (const mail of s.env.outbox.sent) for (const name of ['Robin', 'Pat', 'Fi Fox']) expect(mail.body).not.toContain(name);

    // Replaced: nothing more to say.
    const replaced = record(s, 'IRT-2026-001', 'replaceMember', { outgoing: 'fi@irt.example', incoming: 'di@irt.example' }, view.version).panel;
    expect(replaced.unavailableMembers).toEqual([]);
    expect(replaced.steps[0].id).not.toBe('replaceMember');
  });

  test('target date: recorded with the sub-team and its channel, shown, and once passed without a decision said in the panel and the digest', () => {
    const s = setUp('Europe/Paris');
    addCase(s, { ...NEW_CASE, Stage: 'Assessing', Assessment: 'Possible violation', 'First reply sent': '2026-03-02' });
    expect(() =>
      record(s, 'IRT-2026-001', 'subTeam', { members: 'ana@irt.example, bo@irt.example, cy@irt.example', date: '2026-03-05', targetDate: '2026-03-01' }, panel(s, 'IRT-2026-001').version),
    ).toThrow('Cannot record sub-team: Target decision date cannot be before the sub-team is formed. Nothing was saved.');
    let view = record(
      s,
      'IRT-2026-001',
      'subTeam',
      { members: 'ana@irt.example, bo@irt.example, cy@irt.example', date: '2026-03-05', channel: '#irt-001', targetDate: '2026-03-18' },
      panel(s, 'IRT-2026-001').version,
    ).panel;
    expect(at(s, 'IRT-2026-001', 'Target decision date')).toBe('2026-03-18');
    expect(at(s, 'IRT-2026-001', 'Channel')).toBe('#irt-001');
    expect(view.targetDecisionDate).toBe('2026-03-18');
    expect(view.timeline.find((i) => i.label === 'Target decision date')).toEqual({
      label: 'Target decision date',
      date: null,
      due: '2026-03-18',
      state: 'to come',
      note: 'Target decision date passed without a decision',
    });
    expect(view.notices).toContain('Target decision date passed without a decision (2026-03-18).');
    remind(s);
    for (const member of ['ana@irt.example', 'bo@irt.example', 'cy@irt.example'])
      expect(digestTo(s, member)).toContain('IRT-2026-001: Target decision date passed without a decision, due 18 March 2026 [Overdue]');

    // Decided: the target is met, nothing more is said.
    view = record(s, 'IRT-2026-001', 'notifyReporter', { date: '2026-03-06' }, view.version).panel;
    view = record(s, 'IRT-2026-001', 'decision', { outcome: 'Warning', requestedAction: 'Stop', findings: 'f' }, view.version).panel;
    expect(view.notices.join(' ')).not.toContain('Target decision date');
    expect(view.timeline.find((i) => i.label === 'Target decision date')?.state).toBe('done');
  });
});
