// Forgetting on time, through the built bundle against the fakes: the list of
// due records (IDs and dates only), expunging exactly the identifying cells of
// exactly the due rows in one write, the refusals that change nothing, one Log
// line per case, the statistics kept, and the repeat report that resets the clock.
import * as path from 'node:path';
import { createEnv, type FakeEnv } from '../../fakes';
import { createGas, type Gas } from '../../fakes/runtime';
import type { ExpungeList, Expunged } from '../../src/cases/expunge';
import type { ReportBuilt } from '../../src/cases/transparency-report';

const DIST = path.resolve(__dirname, '../../dist');
const TZ = 'America/New_York';
const NOW = '2026-09-15T15:00:00Z';

/** The cells expunging replaces (the tracker has every one of them after setup). */
const IDENTIFYING = [
  'Reporter name', 'Reporter email', 'Reporter time zone', 'Reported party name', 'Reported party email', 'Reported party time zone',
  'Summary', 'Where', 'Help desk link', 'Channel', 'Findings', 'Requested action', 'Behaviour description', 'Conflicts',
];

interface Setup {
  env: FakeEnv;
  gas: Gas;
  header: string[];
  col: (name: string) => number;
}

const who = (n: string, partyEmail = `party.${n}@example.net`) => ({
  'Reporter name': `Reporter ${n}`, 'Reporter email': `reporter.${n}@example.org`, 'Reporter time zone': 'Europe/Rome',
  'Reported party name': `Party ${n}`, 'Reported party email': partyEmail, 'Reported party time zone': 'Asia/Tokyo',
  Summary: `Summary ${n}`, Where: `Place ${n}`, 'Help desk link': `https://help.example.org/t/${n}`, Conflicts: `conflict.${n}@irt.example`,
});
const decided = (n: string, outcome: string) => ({
  'First reply sent': '2026-01-03', 'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example', 'Sub-team formed': '2026-01-05',
  Channel: `Channel ${n}`, 'Reporter notified': '2026-01-06', Outcome: outcome, Findings: `Findings ${n}`, 'Requested action': `Action ${n}`,
  'Behaviour description': `Behaviour ${n}`, 'Response plan sent': '2026-02-01', 'Reporter told outcome': '2026-02-02', Assessment: 'Possible violation',
});

const CASES: Record<string, unknown>[] = [
  // A: closed, past its date → due.
  { 'Case ID': 'IRT-2026-001', Received: '2026-01-02', Stage: 'Closed', Closed: '2026-02-03', 'Expunge after': '2026-08-03', ...who('a'), ...decided('a', 'Warning') },
  // B: closed, its date still to come.
  { 'Case ID': 'IRT-2026-002', Received: '2026-01-02', Stage: 'Closed', Closed: '2026-02-03', 'Expunge after': '2027-02-03', ...who('b', 'repeat@example.net'), ...decided('b', 'Correction') },
  // C: open, though someone typed a past date.
  { 'Case ID': 'IRT-2026-003', Received: '2026-01-02', Stage: 'Assessing', 'First reply sent': '2026-01-03', 'Expunge after': '2026-03-01', ...who('c', 'REPEAT@example.net') },
  // D: under appeal.
  {
    'Case ID': 'IRT-2026-004', Received: '2026-01-02', Stage: 'Closed', Closed: '2026-02-03', 'Expunge after': '2026-08-03', 'Appeal received': '2026-02-20',
    'Appealed by': 'Reported party', ...who('d'), ...decided('d', 'Warning'),
  },
  // E: a permanent ban: never.
  { 'Case ID': 'IRT-2026-005', Received: '2026-01-02', Stage: 'Closed', Closed: '2026-02-03', ...who('e'), ...decided('e', 'Permanent ban') },
  // F: not a violation, closed, past its date → due.
  { 'Case ID': 'IRT-2026-006', Received: '2026-01-02', Stage: 'Closed', Closed: '2026-01-10', 'First reply sent': '2026-01-03', Assessment: 'Not a violation', 'Expunge after': '2026-07-10', ...who('f', 'Repeat@Example.net') },
];

function setUp(): Setup {
  const env = createEnv({ spreadsheetTimeZone: TZ, now: NOW, activeUser: 'member@irt.example' });
  const gas = createGas(env, { bundleDir: DIST });
  gas.run('setupTracker');
  const header = env.sheetValues('Cases')[0].map(String);
  for (const name of Object.keys(CASES.reduce((a, c) => ({ ...a, ...c }), {}))) {
    if (!header.includes(name)) throw new Error(`The tracker has no ${name} column`);
  }
  const rows = CASES.map((c) => header.map((name) => (name in c ? c[name] : '')));
  env.sheet('Cases').getRange(2, 1, rows.length, header.length).setValues(rows);
  gas.run('refreshDeadlines');
  env.calls.reset();
  return { env, gas, header, col: (name) => header.indexOf(name) };
}

const json = <T>(value: unknown) => JSON.parse(JSON.stringify(value)) as T;
const list = (s: Setup) => json<ExpungeList>(s.gas.run('listExpungeDue'));
const expunge = (s: Setup, ids: unknown) => json<Expunged>(s.gas.run('expungeRecords', ids));
const cases = (s: Setup) => s.env.sheetValues('Cases');
const logs = (s: Setup) => s.env.sheetValues('Log').slice(1);

describe('listExpungeDue', () => {
  test('the closed cases past their date, not under appeal: IDs and dates only; reads only', () => {
    const s = setUp();
    const due = list(s);
    expect(due).toEqual({
      today: '2026-09-15',
      due: [
        { caseId: 'IRT-2026-001', closed: '2026-02-03', expungeAfter: '2026-08-03' },
        { caseId: 'IRT-2026-006', closed: '2026-01-10', expungeAfter: '2026-07-10' },
      ],
      columns: IDENTIFYING,
    });
    expect(JSON.stringify(due.due)).not.toMatch(/Reporter|Party|Summary|example/);
    expect(s.env.calls.countPrefix('Range.set')).toBe(0);
    expect(s.env.calls.count('RangeList.setValue')).toBe(0);
  });
});

describe('expungeRecords', () => {
  test('exactly the identifying cells of exactly those rows, in one write under the lock; one Log line each, no value', () => {
    const s = setUp();
    const before = cases(s);
    const result = expunge(s, ['IRT-2026-001', 'irt-2026-006']);
    expect(result).toEqual({ caseIds: ['IRT-2026-001', 'IRT-2026-006'], columns: IDENTIFYING });

    const after = cases(s);
    const changed: string[] = [];
    after.forEach((row, r) =>
      row.forEach((value, c) => {
        if (JSON.stringify(value) !== JSON.stringify(before[r][c])) changed.push(`${before[r][s.col('Case ID')]}|${s.header[c]}|${String(value)}`);
      }),
    );
    // A has every identifying cell filled; F has no channel, findings, … : they read Expunged too.
    expect(changed.sort()).toEqual([...IDENTIFYING.map((c) => `IRT-2026-001|${c}|Expunged`), ...IDENTIFYING.map((c) => `IRT-2026-006|${c}|Expunged`)].sort());
    // Kept: dates, stage, assessment, outcome.
    const a = after[1];
    expect(a[s.col('Outcome')]).toBe('Warning');
    expect(a[s.col('Assessment')]).toBe('Possible violation');
    expect(a[s.col('Stage')]).toBe('Closed');
    expect(a[s.col('Closed')]).toEqual(before[1][s.col('Closed')]);

    expect(s.env.calls.count('RangeList.setValue')).toBe(1);
    expect(s.env.calls.count('Range.setValue')).toBe(0);
    expect(s.env.calls.count('Range.setValues')).toBe(1); // the Log
    expect(s.env.calls.count('Lock.tryLock')).toBe(1);

    const lines = logs(s);
    expect(lines.slice(-2).map((l) => [l[2], l[3], l[4]])).toEqual([
      ['IRT-2026-001', 'Expunged identifying details', ''],
      ['IRT-2026-006', 'Expunged identifying details', ''],
    ]);
    expect(list(s).due).toEqual([]);
  });

  test('the statistics stay true: the report reads the same after expunging', () => {
    const s = setUp();
    const period = { from: '2026-01-01', to: '2026-06-30' };
    const report = () => {
      const r = json<ReportBuilt>(s.gas.run('buildTransparencyReport', period));
      return { outcomes: r.outcomes, received: r.received, close: r.medianDaysToClose, replies: r.firstReplies };
    };
    const before = report();
    expunge(s, ['IRT-2026-001', 'IRT-2026-006']);
    expect(report()).toEqual(before);
  });

  test.each([
    [['IRT-2026-003'], 'Nothing was expunged. IRT-2026-003: the case is open.'],
    [['IRT-2026-004'], 'Nothing was expunged. IRT-2026-004: the case is under appeal.'],
    [['IRT-2026-002'], 'Nothing was expunged. IRT-2026-002: its Expunge after date (2027-02-03) has not passed.'],
    [['IRT-2026-005'], 'Nothing was expunged. IRT-2026-005: it has no Expunge after date.'],
    [['IRT-2026-001', 'IRT-2026-003', 'IRT-2026-004'], 'Nothing was expunged. IRT-2026-003: the case is open; IRT-2026-004: the case is under appeal.'],
    [['IRT-2026-099'], 'Nothing was expunged. There is no case IRT-2026-099 on the Cases sheet.'],
    [[], 'Nothing was expunged. No case was chosen.'],
    ['IRT-2026-001', 'Nothing was expunged. No case was chosen.'],
    [[42], 'Nothing was expunged. A case ID is not valid.'],
  ])('%p is refused, changing nothing', (ids, message) => {
    const s = setUp();
    const before = cases(s);
    const logged = logs(s).length;
    expect(() => s.gas.run('expungeRecords', ids)).toThrow(message);
    expect(cases(s)).toEqual(before);
    expect(logs(s)).toHaveLength(logged);
    expect(s.env.calls.count('RangeList.setValue')).toBe(0);
  });

  test('an expunged case is not expunged again', () => {
    const s = setUp();
    expunge(s, ['IRT-2026-001']);
    expect(() => s.gas.run('expungeRecords', ['IRT-2026-001'])).toThrow('IRT-2026-001: it is already expunged.');
  });
});

describe('a repeat report resets the clock', () => {
  const form = (reportedEmail: string) => ({
    received: '2026-09-14', reporterName: 'New Reporter', reporterEmail: 'new@example.org', reportedName: 'Same Person',
    reportedEmail, permission: 'Not asked', where: 'Chat', helpDeskLink: '', summary: 'Another report.',
  });

  test('earlier non-expunged cases of the reported party (any case of the address) are named and their dates cleared', () => {
    const s = setUp();
    expunge(s, ['IRT-2026-006']);
    s.env.calls.reset();
    const result = json<{ caseId: string; earlierCases?: string[] }>(s.gas.run('submitNewCase', form('rePeat@example.NET')));
    // B and C name the address; F does too but is expunged.
    expect(result.earlierCases).toEqual(['IRT-2026-002', 'IRT-2026-003']);
    const rows = cases(s);
    const byId = (id: string) => rows.find((r) => r[s.col('Case ID')] === id) as unknown[];
    expect(byId('IRT-2026-002')[s.col('Expunge after')]).toBe('');
    expect(byId('IRT-2026-003')[s.col('Expunge after')]).toBe('');
    expect(byId('IRT-2026-001')[s.col('Expunge after')]).not.toBe('');
    expect(s.env.calls.count('RangeList.setValue')).toBe(1);
    expect(logs(s).slice(-3).map((l) => [l[2], l[3], l[4]])).toEqual([
      [result.caseId, 'Case created', ''],
      ['IRT-2026-002', 'Expunge date cleared (repeat report)', `by ${result.caseId}`],
      ['IRT-2026-003', 'Expunge date cleared (repeat report)', `by ${result.caseId}`],
    ]);
  });

  test('a new case about someone else says nothing and writes nothing more', () => {
    const s = setUp();
    const result = json<Record<string, unknown>>(s.gas.run('submitNewCase', form('other@example.net')));
    expect(result).not.toHaveProperty('earlierCases');
    expect(s.env.calls.count('RangeList.setValue')).toBe(0);
  });
});

describe('the daily run', () => {
  function setSetting(s: Setup, label: string, value: string): void {
    const rows = s.env.sheetValues('Settings');
    const at = rows.findIndex((r) => r[0] === label);
    if (at < 0) throw new Error(`No setting ${label}`);
    s.env.sheet('Settings').getRange(at + 1, 2).setValue(value);
  }
  function runTrigger(s: Setup): void {
    s.env.ui.available = false;
    try {
      s.gas.run('sendDeadlineReminders', { triggerUid: '1', authMode: 'FULL' });
    } finally {
      s.env.ui.available = true;
    }
  }
  const notices = (s: Setup) => s.env.outbox.sent.filter((m) => /expunge/i.test(m.subject));

  test('tells the triage members how many records are due (a count only, once a day) and expunges nothing', () => {
    const s = setUp();
    // A party's address in Triage emails is never written to.
    setSetting(s, 'Triage emails (comma-separated)', 'triage@irt.example, party.a@example.net');
    const before = cases(s).map((row) => row.filter((_, c) => IDENTIFYING.includes(s.header[c])));
    runTrigger(s);
    expect(notices(s).map((m) => [m.to, m.subject])).toEqual([['triage@irt.example', 'IRT: 2 records due to be expunged']]);
    const mail = notices(s)[0];
    expect(mail.body).toContain('IRT Tracker → Expunge due records…');
    for (const row of CASES) for (const value of Object.values(row)) expect(mail.body).not.toContain(String(value));
    expect(cases(s).map((row) => row.filter((_, c) => IDENTIFYING.includes(s.header[c])))).toEqual(before);
    expect(logs(s).map((l) => [l[3], l[4]])).toContainEqual(['Records due to be expunged', '2 record(s); 1 triage member(s) told']);
    runTrigger(s);
    expect(notices(s)).toHaveLength(1);
  });

  test('with Expunge automatically Yes it expunges the due records itself, logs each, and says so', () => {
    const s = setUp();
    setSetting(s, 'Triage emails (comma-separated)', 'triage@irt.example');
    setSetting(s, 'Expunge automatically', 'Yes');
    runTrigger(s);
    expect(notices(s).map((m) => [m.to, m.subject])).toEqual([['triage@irt.example', 'IRT: 2 records expunged automatically']]);
    const rows = cases(s);
    const summary = (id: string) => rows.find((r) => r[s.col('Case ID')] === id)![s.col('Summary')];
    expect(['IRT-2026-001', 'IRT-2026-002', 'IRT-2026-003', 'IRT-2026-004', 'IRT-2026-005', 'IRT-2026-006'].map(summary)).toEqual([
      'Expunged', 'Summary b', 'Summary c', 'Summary d', 'Summary e', 'Expunged',
    ]);
    expect(logs(s).filter((l) => l[3] === 'Expunged identifying details').map((l) => l[2])).toEqual(['IRT-2026-001', 'IRT-2026-006']);
  });

  test('due cases sharing a free-text Case ID: nothing expunged, and neither the Log nor any error names the case by that text', () => {
    const s = setUp();
    setSetting(s, 'Triage emails (comma-separated)', 'triage@irt.example');
    setSetting(s, 'Expunge automatically', 'Yes');
    // An adopted tracker's "ID" that is really a description naming the party, on both due rows.
    const FREE_ID = 'Party a complaint (party.a@example.net)';
    for (const id of ['IRT-2026-001', 'IRT-2026-006']) {
      const at = cases(s).findIndex((r) => r[s.col('Case ID')] === id);
      s.env.sheet('Cases').getRange(at + 1, s.col('Case ID') + 1).setValue(FREE_ID);
    }
    const before = cases(s);
    runTrigger(s);
    expect(cases(s)).toEqual(before);
    const log = logs(s);
    expect(log.map((l) => l[3])).toContain('Automatic expunging postponed');
    expect(log.flat().map(String).join('\n')).not.toMatch(/Party a|party\.a@/);
    // The member's own try is refused the same way, its message naming rows, not the text.
    expect(() => expunge(s, [FREE_ID])).toThrow(/more than one row \(2, 7\)/);
    expect(() => expunge(s, [FREE_ID])).not.toThrow(/Party a/);
  });

  test('nothing due: no notice', () => {
    const s = setUp();
    setSetting(s, 'Triage emails (comma-separated)', 'triage@irt.example');
    expunge(s, ['IRT-2026-001', 'IRT-2026-006']);
    runTrigger(s);
    expect(notices(s)).toEqual([]);
  });
});

describe('the dialog', () => {
  test('Expunge due records… is on the menu and opens a static modal dialog', () => {
    const s = setUp();
    s.gas.run('onOpen');
    expect(s.env.ui.menus.at(-1)!.entries).toContainEqual({ type: 'item', caption: 'Expunge due records…', functionName: 'showExpungeDialog' });
    s.gas.run('showExpungeDialog');
    const dialog = s.env.ui.dialogs.at(-1)!;
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Expunge due records' });
    expect(dialog.html).toContain('listExpungeDue');
    expect(dialog.html).toContain('version history');
    expect(dialog.html).not.toContain('IRT-2026-001');
    expect(dialog.html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(dialog.html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
