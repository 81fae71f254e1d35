// Appeals through the built bundle against the fakes: recording one on a closed
// case (within the window, or after it with a warning), the reviewers (three
// Roster members other than the sub-team and the parties, suggested and checked),
// the review it owes (next action, deadline, status, the reviewers' digest), the
// decision standing meanwhile, and the appeal's decision with each party told.
import * as path from 'node:path';
import { createEnv, type FakeEnv } from '../../fakes';
import { createGas, type Gas } from '../../fakes/runtime';
import type { CasePanelData, StepRecorded, SubTeamAdvice } from '../../src/cases/case-panel';
import type { StepFields, StepId } from '../../src/core/case-steps';
import { ROSTER_HEADER } from '../../src/core/roster';

const DIST = path.resolve(__dirname, '../../dist');
const TZ = 'Europe/Lisbon';
const NOW = '2026-05-04T10:00:00Z';
const ID = 'IRT-2026-001';

interface Setup {
  env: FakeEnv;
  gas: Gas;
  header: string[];
  col: (name: string) => number;
}

const ROSTER = [
  ['Ana Alves', 'ana@irt.example', 'Europe/Lisbon', 'Yes', ''],
  ['Bo Berg', 'bo@irt.example', 'Europe/Stockholm', 'Yes', ''],
  ['Cy Chen', 'cy@irt.example', 'Europe/Paris', 'Yes', ''],
  ['Di Diaz', 'di@irt.example', 'Europe/Madrid', 'Yes', ''],
  ['Ed Eze', 'ed@irt.example', 'Africa/Lagos', 'Yes', ''],
  ['Fi Fox', 'fi@irt.example', 'Europe/London', 'Yes', ''],
  ['Gus Gray', 'gus@irt.example', 'Europe/Berlin', 'No', ''],
  ['Pat Party', 'pat@example.net', 'Europe/Rome', 'Yes', ''],
  ['Hal Hill', 'hal@irt.example', 'Europe/Dublin', 'Yes', ''],
];

/** Closed with a warning; the response plan went out on 1 April, so the 30-day window ends 1 May. */
const CLOSED_CASE = {
  'Case ID': ID, Received: '2026-02-01', Stage: 'Closed', 'Reporter name': 'Robin Reporter', 'Reporter email': 'robin@example.org',
  'Reported party name': 'Pat Party', 'Reported party email': 'pat@example.net', 'Permission to notify reported party': 'No',
  Summary: 'Fictional summary.', 'First reply sent': '2026-02-02', 'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example',
  'Sub-team formed': '2026-02-05', 'Reporter notified': '2026-02-08', Assessment: 'Possible violation', Outcome: 'Warning',
  'Requested action': 'Step back from moderation.', Findings: 'Fictional findings.', 'Response plan sent': '2026-04-01',
  'Reporter told outcome': '2026-04-02', Closed: '2026-04-03', 'Expunge after': '2027-04-03', Conflicts: 'Fi Fox',
};

function setUp(cells: Record<string, unknown> = CLOSED_CASE): Setup {
  const env = createEnv({ spreadsheetTimeZone: TZ, now: NOW, activeUser: 'member@irt.example' });
  const gas = createGas(env, { bundleDir: DIST });
  gas.run('setupTracker');
  env.seedSheet('Roster', [[...ROSTER_HEADER], ...ROSTER]);
  const header = env.sheetValues('Cases')[0].map(String);
  env.sheet('Cases').getRange(2, 1, 1, header.length).setValues([header.map((name) => (name in cells ? cells[name] : ''))]);
  gas.run('refreshDeadlines');
  env.calls.reset();
  return { env, gas, header, col: (name) => header.indexOf(name) };
}

const json = <T>(value: unknown) => JSON.parse(JSON.stringify(value)) as T;
const panel = (s: Setup) => json<CasePanelData>(s.gas.run('getCasePanel', ID));
const record = (s: Setup, step: StepId, fields: StepFields) =>
  json<StepRecorded>(s.gas.run('recordCaseStep', ID, step, fields, panel(s).version));
const iso = (value: unknown) =>
  Object.prototype.toString.call(value) === '[object Date]'
    ? new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(value as Date)
    : value;
function row(s: Setup): Record<string, unknown> {
  const values = s.env.sheetValues('Cases')[1];
  return Object.fromEntries(s.header.map((name, i) => [name, iso(values[i])]));
}
const GOOD = 'di@irt.example, ed@irt.example, hal@irt.example';

describe('recording an appeal', () => {
  test('a closed case offers it, with the appeal window shown', () => {
    const s = setUp();
    const view = panel(s);
    expect(view.steps.map((x) => x.id)).toEqual(['recordAppeal']);
    expect(view.steps[0].fields.find((f) => f.name === 'date')?.help).toBe(
      'The appeal window ends 2026-05-01 (30 days after the response plan); a later appeal is recorded with a warning',
    );
  });

  test('reviewers are suggested from the Roster by the sub-team rules, the sub-team, the parties and Conflicts left out', () => {
    const s = setUp();
    const advice = json<SubTeamAdvice>(s.gas.run('suggestSubTeam', ID, { forAppeal: true }));
    expect(advice.complete).toBe(true);
    // The only three left: the sub-team (Ana, Bo, Cy), Fi (Conflicts), Gus (unavailable) and Pat (a party) are out.
    expect(advice.members.map((m) => m.email).sort()).toEqual(['di@irt.example', 'ed@irt.example', 'hal@irt.example']);
    // Without forAppeal the same case's suggestion may name its sub-team's members.
    const plain = json<SubTeamAdvice>(s.gas.run('suggestSubTeam', ID));
    expect(plain.members.map((m) => m.email).some((e) => ['ana@irt.example', 'bo@irt.example', 'cy@irt.example'].includes(e))).toBe(true);
  });

  test.each([
    ['di@irt.example, ed@irt.example, ana@irt.example', 'Ana Alves (ana@irt.example) is on this case’s sub-team: an appeal is heard by other members'],
    ['di@irt.example, ed@irt.example, fi@irt.example', 'Fi Fox (fi@irt.example) cannot review the appeal: listed in this case’s Conflicts'],
    ['di@irt.example, ed@irt.example, pat@example.net', 'reviewer 3 is the reported party of this case, and a party never reviews their own case'],
    ['di@irt.example, ed@irt.example, gus@irt.example', 'Gus Gray (gus@irt.example) cannot review the appeal: not available (Available is No)'],
    ['di@irt.example, ed@irt.example', 'Appeal reviewers needs exactly three emails separated by commas (has 2)'],
  ])('reviewers %s are refused and nothing is written', (members, why) => {
    const s = setUp();
    const before = s.env.sheetValues('Cases');
    expect(() => record(s, 'recordAppeal', { date: '2026-04-20', appealedBy: 'Reported party', members })).toThrow(
      `Cannot record appeal: ${why}. Nothing was saved.`,
    );
    expect(s.env.sheetValues('Cases')).toEqual(before);
  });

  test('within the window: recorded; the case owes Review appeal in 14 days; the decision stands', () => {
    const s = setUp();
    const result = record(s, 'recordAppeal', { date: '2026-04-28', appealedBy: 'Reported party', members: 'Di@irt.example, ed@irt.example, hal@irt.example' });
    expect(result.message).toBe('Record appeal: saved for IRT-2026-001.');
    expect(row(s)).toMatchObject({
      'Appeal received': '2026-04-28',
      'Appealed by': 'Reported party',
      'Appeal reviewers': GOOD,
      'Appeal decision': '',
      Outcome: 'Warning',
      Stage: 'Closed',
      Closed: '2026-04-03',
      'Next action': 'Review appeal',
      'Next deadline': '2026-05-12',
      'Deadline status': 'On track',
    });
    expect(result.panel.next).toEqual({ action: 'Review appeal', due: '2026-05-12', status: 'On track' });
    expect(result.panel.steps.map((x) => x.id)).toEqual(['recordAppealDecision']);
    expect(result.panel.timeline.map((t) => t.label)).toEqual(expect.arrayContaining(['Appeal received', 'Appeal decided']));
    const log = s.env.sheetValues('Log').at(-1)!;
    expect(log.slice(2)).toEqual([ID, 'Record appeal', 'by reported party']);
  });

  test('after the window: recorded all the same, with a warning', () => {
    const s = setUp();
    const result = record(s, 'recordAppeal', { date: '2026-05-03', appealedBy: 'Reporter', members: GOOD });
    expect(result.message).toBe(
      'Record appeal: saved for IRT-2026-001. The appeal came 2 days after the 30-day appeal window (it ended 2026-05-01); it is recorded all the same.',
    );
    expect(row(s)['Appeal received']).toBe('2026-05-03');
  });
});

describe('an open appeal', () => {
  const UNDER_APPEAL = { ...CLOSED_CASE, 'Appeal received': '2026-04-10', 'Appealed by': 'Reported party', 'Appeal reviewers': GOOD };

  test('is overdue once the review window passes, and its reviewers (not the sub-team) get it in their digest', () => {
    const s = setUp(UNDER_APPEAL);
    expect(row(s)).toMatchObject({ 'Next action': 'Review appeal', 'Next deadline': '2026-04-24', 'Deadline status': 'Overdue' });
    s.env.ui.available = false;
    s.gas.run('sendDeadlineReminders', { triggerUid: '1', authMode: 'FULL' });
    s.env.ui.available = true;
    const to = s.env.outbox.sent.map((m) => m.to).sort();
    expect(to).toEqual(['di@irt.example', 'ed@irt.example', 'hal@irt.example']);
    for (const mail of s.env.outbox.sent) {
      expect(mail.body).toContain('Review appeal');
      expect(mail.body).toContain(ID);
      for (const secret of ['Robin', 'Pat Party', 'pat@example.net', 'Fictional']) expect(mail.body).not.toContain(secret);
    }
  });

  test('holds the record: it cannot be expunged while the appeal is heard', () => {
    const s = setUp({ ...UNDER_APPEAL, 'Expunge after': '2026-04-20' });
    expect(() => s.gas.run('expungeRecords', [ID])).toThrow('IRT-2026-001: the case is under appeal.');
  });

  test('a decision Changed: the new outcome and end date replace the old, the record is kept by the new rule, each party is told', () => {
    const s = setUp(UNDER_APPEAL);
    const result = record(s, 'recordAppealDecision', { appealDecision: 'Changed', outcome: 'Temporary ban', endDate: '2026-08-31', date: '2026-05-02' });
    expect(row(s)).toMatchObject({
      'Appeal decision': 'Changed',
      'Appeal decided': '2026-05-02',
      Outcome: 'Temporary ban',
      'Outcome end date': '2026-08-31',
      // 12 months after the new end date.
      'Expunge after': '2027-08-31',
      'Next action': 'Tell both parties the appeal result',
      'Next deadline': '2026-05-05',
    });
    expect(s.env.sheetValues('Log').at(-1)!.slice(2)).toEqual([ID, 'Record appeal decision', 'Changed: Warning → Temporary ban']);
    expect(result.panel.steps.map((x) => x.id)).toEqual(['appealReporterTold', 'appealReportedTold']);
    expect(result.panel.steps.map((x) => x.template)).toEqual(['Appeal result [Reporter]', 'Appeal result [Reported Party]']);

    // The reported party hears the result without the reporter's permission (it is about the decision on them).
    const preview = s.gas.run('previewDraft', ID, 'Appeal result [Reported Party]') as { to: string; body: string };
    expect(preview.to).toBe('pat@example.net');
    expect(preview.body).toContain('Result of the appeal: Changed');
    expect(preview.body).toContain('temporary ban, ending 31 August 2026');

    record(s, 'appealReporterTold', { date: '2026-05-03' });
    expect(row(s)).toMatchObject({ 'Next action': 'Tell reported party the appeal result', 'Deadline status': 'Due soon' });
    record(s, 'appealReportedTold', { date: '2026-05-04' });
    expect(row(s)).toMatchObject({ 'Next action': '', 'Deadline status': 'Closed', 'Reported party told appeal result': '2026-05-04' });
    expect(panel(s).steps).toEqual([]);
  });

  test('a Changed decision over an outcome the team typed in its own words logs the new outcome only, never those words', () => {
    const s = setUp({ ...UNDER_APPEAL, Outcome: 'Warning to Pat Party (pat@example.net)' });
    record(s, 'recordAppealDecision', { appealDecision: 'Changed', outcome: 'Temporary ban', endDate: '2026-08-31', date: '2026-05-02' });
    expect(row(s)).toMatchObject({ Outcome: 'Temporary ban' });
    expect(s.env.sheetValues('Log').at(-1)!.slice(2)).toEqual([ID, 'Record appeal decision', 'Changed to Temporary ban']);
    expect(JSON.stringify(s.env.sheetValues('Log'))).not.toMatch(/Pat|pat@/);
  });

  test('Upheld or Withdrawn leave the decision as it is; a new outcome with them, or a "change" to the same, is refused', () => {
    const s = setUp(UNDER_APPEAL);
    expect(() => record(s, 'recordAppealDecision', { appealDecision: 'Upheld', outcome: 'Correction', date: '2026-05-02' })).toThrow(
      'Cannot record appeal decision: Only a changed decision has a new outcome (the appeal was upheld). Nothing was saved.',
    );
    expect(() => record(s, 'recordAppealDecision', { appealDecision: 'Changed', outcome: 'Warning', date: '2026-05-02' })).toThrow(
      'Cannot record appeal decision: The new outcome is the decision as it stands (Warning): record Upheld instead. Nothing was saved.',
    );
    expect(() => record(s, 'recordAppealDecision', { appealDecision: 'Changed', outcome: 'Temporary ban', date: '2026-05-02' })).toThrow(
      'Cannot record appeal decision: The new end date is missing for a temporary ban. Nothing was saved.',
    );
    expect(() => record(s, 'recordAppealDecision', { appealDecision: 'Maybe', date: '2026-05-02' })).toThrow(
      'Cannot record appeal decision: The appeal decision must be Upheld, Changed or Withdrawn. Nothing was saved.',
    );
    record(s, 'recordAppealDecision', { appealDecision: 'Withdrawn', date: '2026-05-02' });
    expect(row(s)).toMatchObject({ 'Appeal decision': 'Withdrawn', Outcome: 'Warning', 'Expunge after': '2027-04-03' });
  });
});

describe('closing resets the clock of a repeat report', () => {
  test('the earlier cases of the same reported party get their date back, counted again from this closing', () => {
    const s = setUp({ ...CLOSED_CASE, 'Case ID': 'IRT-2026-000', 'Expunge after': '' });
    // A later case about the same person, decided and ready to close.
    const later = {
      ...CLOSED_CASE, 'Case ID': ID, Received: '2026-04-10', 'Reported party email': 'PAT@example.net', Outcome: 'Correction',
      'Response plan sent': '2026-04-25', 'Reporter told outcome': '2026-04-26', Closed: '', Stage: 'Decision', 'Expunge after': '',
    };
    s.env.sheet('Cases').getRange(3, 1, 1, s.header.length).setValues([s.header.map((name) => (name in later ? (later as Record<string, unknown>)[name] : ''))]);
    s.gas.run('refreshDeadlines');
    const result = record(s, 'close', { date: '2026-05-01' });
    expect(result.message).toBe('Close the case: saved for IRT-2026-001.');
    const rows = s.env.sheetValues('Cases');
    const expunge = (i: number) => iso(rows[i][s.col('Expunge after')]);
    // The new case: a correction, 12 months. The earlier warning (12 months from its own closing, 3 April) is counted again from 1 May.
    expect([expunge(2), expunge(1)]).toEqual(['2027-05-01', '2027-05-01']);
    expect(s.env.sheetValues('Log').slice(-2).map((l) => l.slice(2))).toEqual([
      [ID, 'Close the case', ''],
      ['IRT-2026-000', 'Expunge date set again (repeat report)', `when ${ID} closed`],
    ]);
  });
});
