// Daily reminders through the built bundle (dist/Code.js; `npm test` builds it
// first) against the fakes: the trigger, the digests and who gets them, what
// they never contain, idempotence, recovery, the quota, the lock and the zones.
import { actionLog } from '../support/log';
import * as path from 'node:path';
import { dayFromIso, startOfDay } from '../../src/core/calendar';
import { CONFIDENTIAL_COLUMNS } from '../../src/core/columns';
import { escapeHtml } from '../../src/core/html-escape';
import { isCaseIdToken } from '../../src/core/reminders';
import { ROSTER_HEADER } from '../../src/core/roster';
import { createEnv, type FakeEnv, type SentMail } from '../../fakes';
import { createGas, type Gas } from '../../fakes/runtime';

const DIST = path.resolve(__dirname, '../../dist');
const OWNER = 'owner@irt.example';
const TZ = 'Pacific/Auckland';
/** 09:00 on 10 March in Auckland; still 9 March (13:00) in Los Angeles, the script's zone. */
const NOW = '2026-03-09T20:00:00Z';
const DAY_MS = 86_400_000;

type Spec = Record<string, string>;
const team = (...who: string[]) => who.map((w) => `${w}@irt.example`).join(', ');
/** The IRT members on the Roster (the owner, who turns reminders on, is the triage fallback and not listed). */
const MEMBERS = ['ann', 'bob', 'cat', 'dan', 'eve'];

/** A case at every stage, as of 10 March 2026 (default windows). */
const SPECS: Spec[] = [
  { 'Case ID': 'IRT-001', Received: '2026-03-05', Stage: 'Received' }, // reply overdue (8 Mar) → triage
  { 'Case ID': 'IRT-002', Received: '2026-03-05', Stage: 'Assessing', 'First reply sent': '2026-03-06' }, // due 12 Mar → triage
  { 'Case ID': 'IRT-003', Received: '2026-03-08', Stage: 'Not a violation', 'First reply sent': '2026-03-08' }, // due 15 Mar: on track
  {
    'Case ID': 'IRT-004', Received: '2026-02-20', Stage: 'Sub-team formed', 'First reply sent': '2026-02-21',
    'Sub-team': team('ann', 'bob', 'cat'), 'Sub-team formed': '2026-03-05',
  }, // notify due 12 Mar → ann bob cat
  {
    'Case ID': 'IRT-005', Received: '2026-01-20', Stage: 'Investigating', 'First reply sent': '2026-01-21',
    'Sub-team': team('ann', 'dan', 'eve'), 'Sub-team formed': '2026-02-01', 'Reporter notified': '2026-02-03',
    'Last update to reporter': '2026-02-20', 'Permission to notify reported party': 'No',
  }, // update overdue (6 Mar) → ann dan eve
  {
    'Case ID': 'IRT-006', Received: '2026-01-20', Stage: 'Decision', 'First reply sent': '2026-01-21',
    'Sub-team': team('bob', 'cat', 'dan'), 'Sub-team formed': '2026-02-01', 'Reporter notified': '2026-02-25', Outcome: 'Warning',
  }, // plan due 11 Mar → bob cat dan
  {
    'Case ID': 'IRT-007', Received: '2025-12-01', Stage: 'Closed', 'First reply sent': '2025-12-02',
    'Sub-team': team('cat', 'dan', 'eve'), 'Sub-team formed': '2025-12-05', 'Reporter notified': '2025-12-06',
    Outcome: 'Temporary ban', 'Outcome end date': '2026-03-11', Closed: '2026-01-15',
  }, // closed, ban ends 11 Mar → follow-up to cat dan eve
  {
    'Case ID': 'IRT-008', Received: '2025-12-01', Stage: 'Closed', 'First reply sent': '2025-12-02',
    'Sub-team': team('ann', 'bob', 'cat'), 'Sub-team formed': '2025-12-05', Outcome: 'No action', Closed: '2026-01-15',
  }, // nothing
  {
    'Case ID': 'IRT-009', Received: '2026-02-20', Stage: 'Investigating', 'First reply sent': '2026-02-21',
    'Sub-team': 'ann@irt.example, bob@irt.example, reported9@parties', 'Sub-team formed': '2026-03-01',
  }, // check data (a party's address typed into Sub-team) → ann bob
  { 'Case ID': 'IRT-010', Stage: 'Assessing' }, // check data: Received missing → triage
];

/** Distinct confidential text per row, so any leak is caught. */
const party = (n: number): Spec => ({
  'Reporter name': `Reporterina Quill${n}`,
  'Reporter email': `reporter${n}@parties.example`,
  'Reported party name': `Accusado Brandt${n}`,
  'Reported party email': `reported${n}@parties.example`,
  Summary: `Said <b>awful</b> things & more in thread ${n}`,
  Where: `Forum board #${n} "off-topic"`,
  Findings: `Confirmed by witness ${n}; see logs`,
  Channel: `Private chat room ${n}`,
  'Help desk link': `https://help.example/ticket/${1000 + n}`,
});

const DATE_COLUMNS = new Set([
  'Received', 'First reply sent', 'Sub-team formed', 'Reporter notified', 'Reported party notified', 'Last update to reporter',
  'Last update to reported party', 'Outcome end date', 'Response plan sent', 'Reporter told outcome', 'Closed',
]);

interface Setup {
  env: FakeEnv;
  gas: Gas;
  header: string[];
  col: (name: string) => number;
}

function setUp(options: { timeZone?: string; scriptTimeZone?: string; now?: string } = {}): Setup {
  const env = createEnv({
    spreadsheetTimeZone: options.timeZone ?? TZ,
    scriptTimeZone: options.scriptTimeZone ?? 'America/Los_Angeles',
    now: options.now ?? NOW,
    activeUser: OWNER,
  });
  const gas = createGas(env, { bundleDir: DIST });
  gas.run('setupTracker');
  const header = env.sheetValues('Cases')[0].map(String);
  return { env, gas, header, col: (name) => header.indexOf(name) };
}

function rowsFor(s: Setup, specs: Spec[], timeZone = TZ): unknown[][] {
  return specs.map((spec, i) => {
    const full = { ...party(i + 1), ...spec };
    return s.header.map((name) => {
      const value = full[name] ?? '';
      return DATE_COLUMNS.has(name) && value ? startOfDay(dayFromIso(value) as number, timeZone) : value;
    });
  });
}

function seedCases(s: Setup, specs: Spec[] = SPECS, timeZone = TZ): void {
  s.env.seedSheet('Cases', [s.header, ...rowsFor(s, specs, timeZone)]);
}

function seedRoster(s: Setup, who: string[] = MEMBERS): void {
  const rows = who.map((w) => [w[0].toUpperCase() + w.slice(1), `${w}@irt.example`, TZ, 'Yes', '']);
  s.env.seedSheet('Roster', [[...ROSTER_HEADER], ...rows]);
}

/** The time-driven run: no UI exists, as in Apps Script. */
function runTrigger(s: Setup): void {
  s.env.ui.available = false;
  try {
    s.gas.run('sendDeadlineReminders', { triggerUid: '1', authMode: 'FULL' });
  } finally {
    s.env.ui.available = true;
  }
}

/** A pending one-off follow-up fires: Google runs its handler with the trigger's id. */
function runFollowUp(s: Setup): void {
  const [trigger] = followUps(s);
  expect(trigger).toBeDefined();
  s.env.ui.available = false;
  try {
    s.gas.run(trigger.handler, { triggerUid: trigger.id, authMode: 'FULL' });
  } finally {
    s.env.ui.available = true;
  }
}

const followUps = (s: Setup) => s.env.triggers.byHandler('continueDeadlineReminders');
/** The days the sent-digest ledger holds (one property per recipient and day). */
const ledgerDays = (s: Setup) =>
  [...new Set([...s.env.properties.script.keys()].filter((k) => k.startsWith('IRT_SENT|')).map((k) => k.split('|')[1]))].sort();
const recipients = (mails: readonly SentMail[]) => mails.map((m) => m.to).sort();
const mailTo = (s: Setup, to: string) => s.env.outbox.sent.filter((m) => m.to === to);
const logRows = (s: Setup) => actionLog(s.env);
const ALL = ['ann', 'bob', 'cat', 'dan', 'eve', 'owner'].map((w) => `${w}@irt.example`);

function caseIds(mail: SentMail): string[] {
  return [...mail.body.matchAll(/^- (IRT-\d+):/gm)].map((m) => m[1]);
}

describe('turning reminders on and off', () => {
  test('installs one daily trigger at the Settings hour in the spreadsheet zone, owned by the member', () => {
    const s = setUp();
    s.gas.run('enableReminders');
    expect(s.env.triggers.list).toHaveLength(1);
    expect(s.env.triggers.list[0]).toMatchObject({
      handler: 'sendDeadlineReminders',
      eventType: 'CLOCK',
      everyDays: 1,
      atHour: 9,
      timeZone: TZ,
      owner: OWNER,
    });
    const toast = s.env.ui.toasts.at(-1);
    expect(toast?.message).toMatch(/^Reminders are ON: once a day around 09:00 \(Pacific\/Auckland\), sent from owner@irt\.example, who owns the trigger\./);
    expect(toast?.message).toContain('Cases without a sub-team go to owner@irt.example');
  });

  test('turning on twice replaces the trigger; a new Settings hour is used', () => {
    const s = setUp();
    s.gas.run('enableReminders');
    const settings = s.env.sheetValues('Settings');
    const hourRow = settings.findIndex((r) => String(r[0]).startsWith('Reminder hour'));
    s.env.sheet('Settings').getRange(hourRow + 1, 2).setValue(7);
    s.gas.run('enableReminders');
    expect(s.env.triggers.list).toHaveLength(1);
    expect(s.env.triggers.list[0].atHour).toBe(7);
    expect(s.env.ui.toasts.at(-1)?.message).toContain('Your earlier reminder trigger was replaced.');
  });

  test('turning off removes it and says so', () => {
    const s = setUp();
    s.gas.run('enableReminders');
    s.gas.run('disableReminders');
    expect(s.env.triggers.list).toHaveLength(0);
    expect(s.env.ui.toasts.at(-1)?.message).toBe('Reminders are OFF: the trigger of owner@irt.example was removed.');
    expect(s.env.properties.script.has('IRT_REMINDERS')).toBe(false);
  });

  test("another member's trigger is theirs: turning off says reminders are still on, and from whom", () => {
    const s = setUp();
    s.gas.run('enableReminders');
    s.env.session.activeUser = s.env.session.effectiveUser = 'bob@irt.example';
    s.gas.run('enableReminders');
    expect(s.env.triggers.list.map((t) => t.owner).sort()).toEqual(['bob@irt.example', OWNER]);
    expect(s.env.ui.toasts.at(-1)?.message).toContain('owner@irt.example also has a reminder trigger');
    s.gas.run('disableReminders');
    expect(s.env.triggers.list.map((t) => t.owner)).toEqual([OWNER]);
    expect(s.env.ui.toasts.at(-1)?.message).toMatch(/^Reminders are still ON: the trigger of owner@irt\.example keeps running\./);
  });
});

describe('two members switching reminders at the same moment', () => {
  const owners = (s: Setup) => (JSON.parse(String(s.env.properties.script.get('IRT_REMINDERS') ?? '{"owners":[]}')) as { owners: string[] }).owners.sort();
  const asBob = (s: Setup) => {
    s.env.session.activeUser = s.env.session.effectiveUser = 'bob@irt.example';
    try {
      s.gas.run('enableReminders');
    } catch (error) {
      expect((error as Error).message).toMatch(/Another member is saving.*Nothing was changed/);
    } finally {
      s.env.session.activeUser = s.env.session.effectiveUser = OWNER;
    }
  };

  test('a member who turns reminders on while another does is listed as an owner whenever a trigger of theirs runs', () => {
    const s = setUp();
    // Bob's whole switch runs just before this member's execution writes the owners it read.
    s.env.meanwhile('Properties.setProperty', () => asBob(s));
    s.gas.run('enableReminders');
    const withTrigger = [...new Set(s.env.triggers.list.map((t) => t.owner))].sort();
    expect(withTrigger).toContain(OWNER);
    expect(owners(s)).toEqual(withTrigger);
  });

  test('turning off while another member turns on never drops the other member from the owners', () => {
    const s = setUp();
    s.gas.run('enableReminders');
    // The last owner leaving deletes the owners it read: Bob's switch lands just before.
    s.env.meanwhile('Properties.deleteProperty', () => asBob(s));
    s.gas.run('disableReminders');
    const withTrigger = [...new Set(s.env.triggers.list.map((t) => t.owner))].sort();
    expect(owners(s)).toEqual(withTrigger);
  });
});

/** An adopted tracker's "ID" that is really a description naming the parties; notify overdue → ann bob cat. */
const FREE_TEXT_ID: Spec = {
  'Case ID': 'Reporterina Quill11 vs Sam (harassment at FooConf)', Received: '2026-02-20', Stage: 'Sub-team formed',
  'First reply sent': '2026-02-21', 'Sub-team': team('ann', 'bob', 'cat'), 'Sub-team formed': '2026-02-01',
};
/** An outsider's address typed into a Sub-team cell; update overdue → ann dan, never the outsider. */
const STRAY_ADDRESS: Spec = {
  'Case ID': 'IRT-012', Received: '2026-01-20', Stage: 'Investigating', 'First reply sent': '2026-01-21',
  'Sub-team': 'ann@irt.example, someone@gmail.com, dan@irt.example', 'Sub-team formed': '2026-02-01',
  'Reporter notified': '2026-02-03', 'Last update to reporter': '2026-02-20',
};

describe('sendDeadlineReminders', () => {
  function ready(specs: Spec[] = SPECS, roster: string[] = MEMBERS): Setup {
    const s = setUp();
    seedCases(s, specs);
    seedRoster(s, roster);
    s.gas.run('enableReminders');
    s.env.calls.reset();
    return s;
  }

  test('one digest per responsible member, overdue first; nobody with nothing due gets mail', () => {
    const s = ready();
    runTrigger(s);
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
    const ids = (to: string) => caseIds(mailTo(s, to)[0]);
    expect(ids(OWNER)).toEqual(['IRT-001', 'IRT-002', 'IRT-010']);
    expect(ids('ann@irt.example')).toEqual(['IRT-005', 'IRT-004', 'IRT-009']);
    expect(ids('bob@irt.example')).toEqual(['IRT-006', 'IRT-004', 'IRT-009']);
    expect(ids('cat@irt.example')).toEqual(['IRT-006', 'IRT-007', 'IRT-004']);
    expect(ids('eve@irt.example')).toEqual(['IRT-005', 'IRT-007']);

    const [ann] = mailTo(s, 'ann@irt.example');
    expect(ann.subject).toBe('IRT: 1 overdue, 1 due soon, 1 to fix');
    expect(ann.name).toBe('IRT Case Tracker');
    expect(ann.body).toContain('- IRT-005: Update reporter, due 6 March 2026 [Overdue]');
    expect(ann.body).toContain('- IRT-009: Fix the row: check Sub-team, no date [Check data]');
    const gid = s.env.sheet('Cases').getSheetId();
    expect(ann.body).toContain(`${s.env.spreadsheet.getUrl()}#gid=${gid}&range=A6`);
    expect(ann.htmlBody).toContain(`<a href="${s.env.spreadsheet.getUrl()}#gid=${gid}&amp;range=A6">IRT-005</a>`);
    expect(mailTo(s, 'eve@irt.example')[0].body).toContain('- IRT-007: Follow up: temporary ban ends, due 11 March 2026 [Due soon]');

    expect(s.env.calls.count('MailApp.sendEmail')).toBe(6);
    expect(s.env.calls.count('SpreadsheetApp.getUi')).toBe(0);
    // The script lock for the run; the document lock for the refresh, then for the log line.
    expect(s.env.calls.count('Lock.tryLock')).toBe(3);
    expect(s.env.locks.isHeld('script')).toBe(false);
    expect(s.env.locks.isHeld('document')).toBe(false);
  });

  test('refreshes the computed columns in one write and logs only counts', () => {
    const s = ready();
    runTrigger(s);
    const rows = s.env.sheetValues('Cases').slice(1);
    expect(rows.map((r) => r[s.col('Deadline status')])).toEqual([
      'Overdue', 'Due soon', 'On track', 'Due soon', 'Overdue', 'Due soon', 'Closed', 'Closed', 'Check data', 'Check data',
    ]);
    // Computed block + one log write.
    expect(s.env.calls.count('Range.setValues')).toBe(2);
    const log = logRows(s);
    expect(log).toHaveLength(1);
    expect(log[0].slice(2, 5)).toEqual(['', 'Reminders sent', '6 sent, 0 already sent today, 0 failed, 0 held back (6 due)']);
  });

  test('no mail or log line carries any confidential cell (or other free text) of any row', () => {
    const s = ready([...SPECS, FREE_TEXT_ID, STRAY_ADDRESS]);
    runTrigger(s);
    expect(mailTo(s, 'ann@irt.example')[0].body).toContain('- Row 12: ');
    const columns = [...CONFIDENTIAL_COLUMNS, 'Channel', 'Help desk link', 'Sub-team', 'Case ID'];
    const rows = s.env.sheetValues('Cases').slice(1);
    const texts = [
      ...s.env.outbox.sent.flatMap((m) => [m.subject, m.body, m.htmlBody]),
      ...logRows(s).map((r) => r.join(' | ')),
    ];
    let checked = 0;
    for (const row of rows) {
      for (const column of columns) {
        const index = s.col(column);
        expect(index).toBeGreaterThanOrEqual(0);
        const value = String(row[index] ?? '');
        // A plain identifier is the one cell a digest may show.
        if (!value || (column === 'Case ID' && isCaseIdToken(value))) continue;
        for (const text of texts) {
          expect(text).not.toContain(value);
          expect(text).not.toContain(escapeHtml(value));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  test('a second run the same day sends nothing; the next day sends again', () => {
    const s = ready();
    runTrigger(s);
    runTrigger(s);
    expect(s.env.outbox.sent).toHaveLength(6);
    expect(logRows(s).at(-1)?.[4]).toBe('0 sent, 6 already sent today, 0 failed, 0 held back (6 due)');
    s.env.clock.advance(DAY_MS);
    runTrigger(s);
    expect(s.env.outbox.sent).toHaveLength(12);
    expect(ledgerDays(s)).toEqual(['2026-03-10', '2026-03-11']);
    s.env.clock.advance(DAY_MS);
    runTrigger(s);
    expect(ledgerDays(s)).toEqual(['2026-03-11', '2026-03-12']); // older days pruned
  });

  test("one recipient's failure does not stop the others, is logged, and is retried on the next run", () => {
    const s = ready();
    let broken = true;
    const fails = s.env.outbox._fails.bind(s.env.outbox);
    s.env.outbox._fails = (address: string) => (broken && address === 'cat@irt.example') || fails(address);
    runTrigger(s);
    expect(recipients(s.env.outbox.sent)).toEqual(ALL.filter((a) => a !== 'cat@irt.example'));
    const log = logRows(s);
    expect(log.map((r) => r[3])).toEqual(['Reminders sent', 'Reminder failed']);
    expect(log[0][4]).toBe('5 sent, 0 already sent today, 1 failed, 0 held back (6 due)');
    expect(log[1][4]).toBe('cat@irt.example: Invalid email: cat@irt.example');
    broken = false;
    runTrigger(s);
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
  });

  test('after a run dies part-way, the next run sends only the missing digests', () => {
    const s = ready();
    // Google ends the execution during the third send, which hangs past the 6-minute limit.
    let sends = 0;
    s.env.execution.callCosts.set('MailApp.sendEmail', () => (++sends === 3 ? 7 * 60_000 : 0));
    expect(() => runTrigger(s)).toThrow('Exceeded maximum execution time');
    s.env.execution.callCosts.clear();
    const first = recipients(s.env.outbox.sent);
    expect(first).toHaveLength(2);
    expect(s.env.locks.isHeld('script')).toBe(false);
    runTrigger(s);
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
    expect(logRows(s).at(-1)?.[4]).toBe('4 sent, 2 already sent today, 0 failed, 0 held back (6 due)');
  });

  test('a bookkeeping failure stops no send: the digest counts as sent and the Log names it', () => {
    const s = ready();
    const store = s.env.properties.script;
    const set = store.set.bind(store);
    store.set = (key: string, value: string) => {
      if (key === 'IRT_SENT|2026-03-10|bob@irt.example') throw new Error('Service error: Properties');
      return set(key, value);
    };
    runTrigger(s);
    store.set = set;
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
    const log = logRows(s);
    expect(log[0][4]).toBe('6 sent, 0 already sent today, 0 failed, 0 held back (6 due)');
    expect(log[1].slice(3, 5)).toEqual([
      'Reminders not recorded',
      '1 digest(s) went out but could not be recorded as sent, so a later run today may send them again: bob@irt.example',
    ]);
  });

  test('when the quota is short, digests with overdue cases go first and the rest are logged as held back', () => {
    const s = ready();
    s.env.outbox.quota = 3;
    runTrigger(s);
    // Overdue first (ann, dan, owner, eve have one each; more cases, then the address, break ties), then bob and cat.
    expect(s.env.outbox.sent.map((m) => m.to)).toEqual(['ann@irt.example', 'dan@irt.example', OWNER]);
    const log = logRows(s);
    expect(log[0][4]).toBe('3 sent, 0 already sent today, 0 failed, 3 held back (6 due)');
    expect(log[1].slice(3, 5)).toEqual([
      'Reminders held back',
      'Daily email quota (3) too small; not sent to: eve@irt.example, bob@irt.example, cat@irt.example',
    ]);
    // The quota comes back (a later run, or the next day): only the held-back ones go.
    s.env.outbox.quota = 100;
    runTrigger(s);
    expect(s.env.outbox.sent.slice(3).map((m) => m.to)).toEqual(['eve@irt.example', 'bob@irt.example', 'cat@irt.example']);
  });

  test('a full property store (500 kB) stops no send and no follow-up: every digest goes out and the Log says what was not recorded', () => {
    const s = ready();
    s.env.triggers.addonLimits = false;
    // Another script's data fills the store to 10 bytes short of Apps Script's 500 kB.
    const store = s.env.properties.script;
    const used = () => [...store].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    for (let i = 0; i < 56; i++) store.set(`OTHER_${i}`, 'x'.repeat(9_000));
    store.set('OTHER_last', 'x'.repeat(500 * 1024 - used() - 'OTHER_last'.length - 10));
    runTrigger(s);
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
    const log = logRows(s);
    expect(log[0][4]).toBe('6 sent, 0 already sent today, 0 failed, 0 held back (6 due)');
    expect(log[1].slice(3, 5)).toEqual(['Reminders not recorded', expect.stringMatching(/^6 digest\(s\) went out but could not be recorded as sent/)]);
    s.env.locks.holdScriptLock();
    runTrigger(s);
    expect(followUps(s)).toHaveLength(1);
    expect(logRows(s).at(-1)?.[3]).toBe('Reminders postponed');
  });

  test('a run that cannot get the script lock in 30 s reads and sends nothing, says so in the Log, and leaves one follow-up that completes the day', () => {
    const s = ready();
    s.env.triggers.addonLimits = false; // a bound script (see README): Google's add-on trigger limits do not apply
    s.env.locks.holdScriptLock(); // another member's reminder run, still going
    runTrigger(s);
    expect(s.env.outbox.sent).toHaveLength(0);
    expect(s.env.calls.count('Range.getValues')).toBe(0); // nothing read
    expect(logRows(s).map((r) => r.slice(3, 5))).toEqual([
      ['Reminders postponed', 'Nothing sent yet: another reminder run was still going. A follow-up run in about 10 minutes sends what is still due, nothing twice.'],
    ]);
    expect(followUps(s)).toEqual([expect.objectContaining({ eventType: 'CLOCK', after: 10 * 60_000, owner: OWNER })]);
    // Still busy: the daily trigger of another member runs meanwhile; no second follow-up piles up.
    runTrigger(s);
    expect(followUps(s)).toHaveLength(1);
    expect(logRows(s).at(-1)?.[4]).toContain('A follow-up run is already scheduled');
    s.env.locks.releaseScriptLock();
    runFollowUp(s);
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
    expect(followUps(s)).toHaveLength(0); // it removed itself
    expect(s.env.triggers.byHandler('sendDeadlineReminders')).toHaveLength(1); // the daily one stays
    runTrigger(s);
    expect(s.env.outbox.sent).toHaveLength(6);
  });

  test('a member saving for longer than the run can wait: nothing is overwritten or sent, the Log line waits for the next run, and a follow-up catches up', () => {
    const s = ready();
    s.env.triggers.addonLimits = false;
    s.env.locks.holdDocumentLock();
    runTrigger(s);
    expect(s.env.outbox.sent).toHaveLength(0);
    expect(s.env.calls.count('Range.setValues')).toBe(0);
    expect(s.env.locks.isHeld('script')).toBe(false);
    expect(s.env.logs.text()).toContain('Reminders postponed');
    expect(followUps(s)).toHaveLength(1);
    s.env.locks.releaseDocumentLock();
    runFollowUp(s);
    expect(s.env.outbox.sent).toHaveLength(6);
    expect(logRows(s).map((r) => r[3])).toEqual(['Reminders postponed', 'Reminders sent']);
    expect(logRows(s)[0][4]).toMatch(/^\(earlier run\) Nothing sent yet: a member was saving to the tracker/);
    expect(s.env.properties.script.has('IRT_REMINDERS_PENDING_LOG')).toBe(false);
  });

  test('a tracker that stays busy all day gets at most 12 follow-ups, then the Log says the next daily run catches up', () => {
    const s = ready();
    s.env.triggers.addonLimits = false;
    s.env.locks.holdScriptLock();
    for (let i = 0; i < 12; i++) {
      runTrigger(s);
      expect(followUps(s)).toHaveLength(1);
      runFollowUp(s); // removes itself, is postponed again and leaves the next one
    }
    expect(followUps(s)).toHaveLength(0);
    expect(logRows(s).at(-1)?.[4]).toBe(
      'Nothing sent yet: another reminder run was still going. No follow-up run could be scheduled (12 follow-up runs today already): the next daily run sends what is due then.',
    );
    s.env.clock.advance(DAY_MS); // a new day, a new allowance
    runTrigger(s);
    expect(followUps(s)).toHaveLength(1);
  });

  test("as an add-on (one time-based trigger per member and document), a run that cannot start says the follow-up was refused", () => {
    const s = ready();
    s.env.locks.holdScriptLock();
    runTrigger(s);
    expect(logRows(s)[0][4]).toMatch(/^Nothing sent yet: another reminder run was still going\. No follow-up run could be scheduled \((?:Add-ons cannot create time-based triggers|This add-on has created too many time-based triggers).*\): the next daily run sends what is due then\.$/);
    expect(followUps(s)).toHaveLength(0);
  });

  test('triage emails in Settings replace the member who turned reminders on', () => {
    const s = ready();
    const settings = s.env.sheetValues('Settings');
    const triageRow = settings.findIndex((r) => String(r[0]).startsWith('Triage emails'));
    s.env.sheet('Settings').getRange(triageRow + 1, 2).setValue('t1@irt.example, t2@irt.example');
    runTrigger(s);
    expect(mailTo(s, OWNER)).toHaveLength(0);
    expect(caseIds(mailTo(s, 't2@irt.example')[0])).toEqual(['IRT-001', 'IRT-002', 'IRT-010']);
  });

  test("a party's address typed into a Sub-team cell never gets a digest, and the log does not name it", () => {
    const typo: Spec = {
      'Case ID': 'IRT-011', Received: '2026-02-20', Stage: 'Investigating', 'First reply sent': '2026-02-21',
      'Sub-team': 'ann@irt.example, bob@irt.example, reporter1@parties.example', 'Sub-team formed': '2026-02-01',
    }; // notify overdue (8 Feb)
    const s = ready([...SPECS, typo]);
    runTrigger(s);
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
    expect(caseIds(mailTo(s, 'ann@irt.example')[0])).toEqual(['IRT-011', 'IRT-005', 'IRT-004', 'IRT-009']);
    const blocked = logRows(s).find((r) => r[3] === 'Reminders blocked');
    expect(blocked?.[4]).toMatch(/^1 address\(es\) in a Sub-team cell or Triage emails belong to a party/);
    expect(logRows(s).flat().join(' ')).not.toContain('parties.example');
  });

  test.each([
    ['Name <address>', 'Reporter email', 'Ann Member <ANN@irt.example>'],
    ['mailto:', 'Reported party email', 'mailto:ann@irt.example'],
    ['mailto: with a query', 'Reported party email', 'MAILTO:ann@irt.example?subject=hi'],
  ])("a member who is a party of a case, written %s, gets no digest at all (the people parser reads party cells)", (_form, column, written) => {
    // Ann sits on sub-teams, and is also a party of a closed case: she must never hear about any case.
    const asParty: Spec = {
      'Case ID': 'IRT-020', Received: '2026-01-02', Stage: 'Closed', 'First reply sent': '2026-01-03', Closed: '2026-01-20',
      [column]: written,
    };
    const s = ready([...SPECS, asParty]);
    runTrigger(s);
    expect(recipients(s.env.outbox.sent)).not.toContain('ann@irt.example');
    expect(recipients(s.env.outbox.sent)).toEqual(ALL.filter((a) => a !== 'ann@irt.example'));
    const blocked = logRows(s).find((r) => r[3] === 'Reminders blocked');
    expect(blocked?.[4]).toMatch(/^1 address\(es\) in a Sub-team cell or Triage emails belong to a party/);
    expect(logRows(s).flat().join(' ')).not.toContain('ann@');
  });

  test('an address in a Sub-team cell that is not on the Roster gets no digest, and the log gives only a count', () => {
    const s = ready([...SPECS, STRAY_ADDRESS]);
    runTrigger(s);
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
    expect(caseIds(mailTo(s, 'dan@irt.example')[0])).toEqual(['IRT-005', 'IRT-012', 'IRT-006', 'IRT-007']);
    const stray = logRows(s).find((r) => r[3] === 'Reminders not on Roster');
    expect(stray?.[4]).toMatch(/^1 address\(es\) in a Sub-team cell are not on the Roster and got no reminder/);
    expect(logRows(s).flat().join(' ')).not.toContain('gmail');
  });

  test('a case none of whose sub-team is on the Roster goes to triage', () => {
    const outsiders: Spec = { ...STRAY_ADDRESS, 'Sub-team': 'someone@gmail.com, other@gmail.com, third@example.org' };
    const s = ready([...SPECS, outsiders]);
    runTrigger(s);
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
    expect(caseIds(mailTo(s, OWNER)[0])).toEqual(['IRT-012', 'IRT-001', 'IRT-002', 'IRT-010']);
    expect(logRows(s).find((r) => r[3] === 'Reminders not on Roster')?.[4]).toMatch(/^3 address\(es\)/);
    expect(logRows(s).flat().join(' ')).not.toMatch(/gmail|example\.org/);
  });

  test('with an empty Roster every case goes to triage, and the log says to add the team', () => {
    const s = ready(SPECS, []);
    runTrigger(s);
    expect(s.env.outbox.sent.map((m) => m.to)).toEqual([OWNER]);
    expect(caseIds(s.env.outbox.sent[0])).toEqual(['IRT-005', 'IRT-001', 'IRT-006', 'IRT-007', 'IRT-002', 'IRT-004', 'IRT-009', 'IRT-010']);
    const log = logRows(s);
    expect(log.map((r) => r[3])).toEqual(['Reminders sent', 'Reminders to triage only']);
    expect(log[1][4]).toContain('add the team to the Roster');
    expect(log.map((r) => r[4]).join(' ')).not.toContain('@'); // the details name nobody
  });

  test('a free-text Case ID naming a party never reaches a digest: the case is named by its row', () => {
    const s = ready([...SPECS, FREE_TEXT_ID]);
    runTrigger(s);
    const texts = s.env.outbox.sent.flatMap((m) => [m.subject, m.body, m.htmlBody]);
    for (const text of texts) for (const needle of ['Reporterina', 'FooConf', ' vs ']) expect(text).not.toContain(needle);
    const gid = s.env.sheet('Cases').getSheetId();
    for (const who of ['ann', 'bob', 'cat']) {
      const [mail] = mailTo(s, `${who}@irt.example`);
      expect(mail.body).toContain(`- Row 12: Notify reporter, due 8 February 2026 [Overdue]\n  ${s.env.spreadsheet.getUrl()}#gid=${gid}&range=A12`);
    }
    expect(mailTo(s, 'dan@irt.example')[0].body).not.toContain('Row 12');
  });

  test('nothing due → no mail at all', () => {
    const s = ready([SPECS[2], SPECS[7]]);
    runTrigger(s);
    expect(s.env.outbox.sent).toHaveLength(0);
    expect(logRows(s)[0][4]).toBe('0 sent, 0 already sent today, 0 failed, 0 held back (0 due)');
  });
});

describe('a large team or tracker: nothing lost to the ledger size or the 6-minute limit, no digest too big', () => {
  /** `members` Roster members, three to a case, every case overdue: one digest per member. */
  function largeTeam(members: number): Setup {
    const who = Array.from({ length: members }, (_, i) => `member.${String(i + 1).padStart(4, '0')}`);
    const specs: Spec[] = [];
    for (let i = 0; i < members; i += 3) {
      const three = [0, 1, 2].map((k) => who[(i + k) % members]);
      specs.push({ ...SPECS[4], 'Case ID': `IRT-${String(i / 3 + 1).padStart(4, '0')}`, 'Sub-team': team(...three) });
    }
    const s = setUp();
    s.env.triggers.addonLimits = false; // a bound script (see README)
    seedCases(s, specs);
    seedRoster(s, who);
    s.gas.run('enableReminders');
    s.env.outbox.quota = 1_500; // a Workspace account's daily recipients
    return s;
  }
  const everyoneOnce = (s: Setup, members: number) => {
    const to = s.env.outbox.sent.map((m) => m.to);
    expect(new Set(to).size).toBe(to.length); // nobody twice
    expect(to).toHaveLength(members);
  };

  test('a triage digest of 3,000 overdue cases lists the 50 most urgent and how many more, under 100 kB', () => {
    const s = setUp();
    const specs: Spec[] = [];
    // IRT-1 is the most overdue (received first); each later case is a day less overdue.
    for (let i = 0; i < 3_000; i++) {
      const received = new Date(Date.UTC(2026, 2, 5) - (3_000 - i) * DAY_MS).toISOString().slice(0, 10);
      specs.push({ 'Case ID': `IRT-${i + 1}`, Received: received, Stage: 'Received' });
    }
    seedCases(s, specs);
    seedRoster(s);
    s.gas.run('enableReminders');
    runTrigger(s);
    const [mail] = mailTo(s, OWNER);
    expect(mail.subject).toBe('IRT: 3000 overdue');
    expect(caseIds(mail)).toEqual(Array.from({ length: 50 }, (_, i) => `IRT-${i + 1}`));
    const gid = s.env.sheet('Cases').getSheetId();
    expect(mail.body).toContain(`And 2950 more (2950 overdue): open the tracker to see them all.\n  ${s.env.spreadsheet.getUrl()}#gid=${gid}\n`);
    expect(Buffer.byteLength(mail.subject + mail.body + mail.htmlBody)).toBeLessThan(100_000);
  });

  test('500 recipients in a day: every digest sent and recorded, no property value near 9 kB, the store well under 500 kB', () => {
    const s = largeTeam(500);
    runTrigger(s);
    everyoneOnce(s, 500);
    expect(logRows(s).at(-1)?.[4]).toBe('500 sent, 0 already sent today, 0 failed, 0 held back (500 due)');
    const values = [...s.env.properties.script.values()];
    expect(Math.max(...values.map((v) => v.length))).toBeLessThan(1_000);
    const bytes = [...s.env.properties.script].reduce((n, [k, v]) => n + k.length + v.length, 0);
    expect(bytes).toBeLessThan(100_000);
    runTrigger(s); // a second run sends nothing again
    expect(s.env.outbox.sent).toHaveLength(500);
  });

  test('sending past the time budget stops well before 6 minutes, logs what is left and follow-up runs finish it the same day, nobody twice', () => {
    const s = largeTeam(600);
    s.env.execution.callCosts.set('MailApp.sendEmail', 1_000); // one second per email: 10 minutes of sending
    const start = s.env.clock.now();
    runTrigger(s); // would be ended by Google at 6 minutes without a budget
    const first = s.env.outbox.sent.length;
    expect(first).toBeGreaterThan(200);
    expect(first).toBeLessThan(360);
    expect(s.env.clock.now() - start).toBeLessThan(5 * 60_000);
    const left = logRows(s).find((r) => r[3] === 'Reminders to finish');
    expect(left?.[4]).toBe(`${600 - first} digest(s) not sent before this run's time limit. A follow-up run in about 10 minutes sends what is still due, nothing twice.`);
    let runs = 0;
    while (followUps(s).length && runs < 5) {
      s.env.clock.advance(10 * 60_000);
      runFollowUp(s);
      runs++;
    }
    expect(runs).toBe(2);
    everyoneOnce(s, 600);
    expect(followUps(s)).toHaveLength(0);
    expect(ledgerDays(s)).toEqual(['2026-03-10']); // all the same day
  });
});

describe('time zones: today is the spreadsheet’s day, not the script’s', () => {
  test('spreadsheet in Los Angeles, script in Auckland', () => {
    // 2026-03-10T20:00Z is 10 March 13:00 in Los Angeles and 11 March 09:00 in Auckland.
    const s = setUp({ timeZone: 'America/Los_Angeles', scriptTimeZone: 'Pacific/Auckland', now: '2026-03-10T20:00:00Z' });
    seedCases(s, SPECS, 'America/Los_Angeles');
    seedRoster(s);
    s.gas.run('enableReminders');
    expect(s.env.triggers.list[0].timeZone).toBe('America/Los_Angeles');
    runTrigger(s);
    // Same day as in Auckland above: the same digests, with the same dates.
    expect(recipients(s.env.outbox.sent)).toEqual(ALL);
    expect(mailTo(s, 'ann@irt.example')[0].body).toContain('- IRT-005: Update reporter, due 6 March 2026 [Overdue]');
    expect(ledgerDays(s)).toEqual(['2026-03-10']);
  });

  test('spreadsheet in Auckland, script in Los Angeles: the day has already turned in Auckland', () => {
    const s = setUp();
    seedCases(s);
    seedRoster(s);
    s.gas.run('enableReminders');
    runTrigger(s);
    expect(ledgerDays(s)).toEqual(['2026-03-10']);
    // IRT-006's plan is due 11 March: due soon on 10 March.
    expect(mailTo(s, 'dan@irt.example')[0].body).toContain('- IRT-006: Send response plan, due 11 March 2026 [Due soon]');
  });
});

describe('speed', () => {
  const spreadsheetCalls = (env: FakeEnv) =>
    Object.entries(env.calls.byName())
      .filter(([name]) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(name))
      .reduce((sum, [, n]) => sum + n, 0);

  function callsFor(count: number): { sheet: number; mail: number; all: Record<string, number> } {
    const specs: Spec[] = [];
    for (let i = 0; i < count; i++) specs.push({ ...SPECS[i % SPECS.length], 'Case ID': `IRT-${String(i + 1).padStart(5, '0')}` });
    const s = setUp();
    seedCases(s, specs);
    seedRoster(s);
    s.gas.run('enableReminders');
    s.env.calls.reset();
    runTrigger(s);
    return { sheet: spreadsheetCalls(s.env), mail: s.env.calls.count('MailApp.sendEmail'), all: s.env.calls.byName() };
  }

  test('the same spreadsheet calls for 10 and 5,000 cases (the Roster read once), and one email per recipient', () => {
    const small = callsFor(10);
    const large = callsFor(5_000);
    expect(large.sheet).toBe(small.sheet);
    expect(large.all).toEqual(small.all);
    // Three reads (Cases, Settings, Roster), two writes (computed columns, Log): 23 spreadsheet calls in all.
    expect(small.all['Range.getValues']).toBe(3);
    expect(small.all['Range.setValues']).toBe(2);
    expect(small.sheet).toBe(24); // + the flush that ends the locked refresh
    expect(small.mail).toBe(6);
    expect(large.mail).toBe(6);
  });
});
