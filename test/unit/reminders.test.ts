import { dayFromIso, type Day } from '../../src/core/calendar';
import { isBlankRow, readCase } from '../../src/core/cases';
import { CASE_COLUMNS, CONFIDENTIAL_COLUMNS, matchHeaders, type ColumnName } from '../../src/core/columns';
import { computeDeadline } from '../../src/core/deadlines';
import { DIGEST_MAX_ITEMS, digestSubject, formatDigest } from '../../src/core/digest-format';
import { escapeHtml } from '../../src/core/html-escape';
import {
  buildDigests,
  columnOfProblem,
  compareDigests,
  caseLabel,
  fixRowAction,
  isCaseIdToken,
  rowLink,
  type Digest,
  type ReminderCase,
} from '../../src/core/reminders';
import { DEFAULT_DECLARATION } from '../../src/core/process';

const FOLLOW_UP_ACTION = DEFAULT_DECLARATION.digest.followUps[0].words;
import { defaultSettings } from '../../src/core/settings';

const TZ = 'Pacific/Auckland';
const day = (iso: string) => dayFromIso(iso) as Day;
const TODAY = day('2026-03-10');
const LINK = { url: 'https://docs.google.com/spreadsheets/d/abc/edit', gid: 42 };
const HEADER = CASE_COLUMNS.map((c) => c.name);
const MAP = matchHeaders(HEADER).map;
const SETTINGS = { ...defaultSettings(), triageEmails: ['triage@irt.example'] };

type RowSpec = Partial<Record<ColumnName, string>>;

/** Every row gets its own distinct confidential text, so a leak of any of it is caught. */
function partyFields(n: number): RowSpec {
  return {
    'Reporter name': `Reporterina Quill${n}`,
    'Reporter email': `reporter${n}@parties.example`,
    'Reported party name': `Accusado Brandt${n}`,
    'Reported party email': `reported${n}@parties.example`,
    Summary: `Said <b>awful</b> things & more in thread ${n}`,
    Where: `Forum board #${n} "off-topic"`,
    Findings: `Confirmed by witness ${n}; see logs`,
    Channel: `Private chat room ${n}`,
    'Help desk link': `https://help.example/ticket/${1000 + n}`,
  };
}

const team = (...who: string[]) => who.map((w) => `${w}@irt.example`).join(', ');
/** The Roster: the IRT members who may receive a sub-team's digest. */
const MEMBERS = ['ann', 'bob', 'cat', 'dan', 'eve'].map((w) => `${w}@irt.example`);

const SPECS: RowSpec[] = [
  // 0 Received, no reply, reply window passed → overdue, triage
  { 'Case ID': 'C-001', Received: '2026-03-05', Stage: 'Received' },
  // 1 Assessing, due 03-12 → due soon, triage
  { 'Case ID': 'C-002', Received: '2026-03-05', Stage: 'Assessing', 'First reply sent': '2026-03-06' },
  // 2 Not a violation, due 03-08 → overdue, triage
  { 'Case ID': 'C-003', Received: '2026-03-01', Stage: 'Not a violation', 'First reply sent': '2026-03-02' },
  // 3 Sub-team formed, notify due 03-12 → due soon, to a, b, c
  {
    'Case ID': 'C-004', Received: '2026-02-20', Stage: 'Sub-team formed', 'First reply sent': '2026-02-21',
    'Sub-team': team('ann', 'bob', 'cat'), 'Sub-team formed': '2026-03-05',
  },
  // 4 Investigating, update due 03-06 → overdue, to ann, dan, eve
  {
    'Case ID': 'C-005', Received: '2026-01-20', Stage: 'Investigating', 'First reply sent': '2026-01-21',
    'Sub-team': team('ann', 'dan', 'eve'), 'Sub-team formed': '2026-02-01', 'Reporter notified': '2026-02-03',
    'Last update to reporter': '2026-02-20', 'Permission to notify reported party': 'No',
  },
  // 5 Decision with an outcome, plan due 03-11 → due soon, to bob, cat, dan
  {
    'Case ID': 'C-006', Received: '2026-01-20', Stage: 'Decision', 'First reply sent': '2026-01-21',
    'Sub-team': team('bob', 'cat', 'dan'), 'Sub-team formed': '2026-02-01', 'Reporter notified': '2026-02-25',
    Outcome: 'Warning',
  },
  // 6 Closed temporary ban ending 03-11 → follow-up, to cat, dan, eve
  {
    'Case ID': 'C-007', Received: '2025-12-01', Stage: 'Closed', 'First reply sent': '2025-12-02',
    'Sub-team': team('cat', 'dan', 'eve'), 'Sub-team formed': '2025-12-05', 'Reporter notified': '2025-12-06',
    Outcome: 'Temporary ban', 'Outcome end date': '2026-03-11', Closed: '2026-01-15',
  },
  // 7 Closed, nothing to do
  {
    'Case ID': 'C-008', Received: '2025-12-01', Stage: 'Closed', 'First reply sent': '2025-12-02',
    'Sub-team': team('ann', 'bob', 'cat'), 'Sub-team formed': '2025-12-05', Outcome: 'No action', Closed: '2026-01-15',
  },
  // 8 Investigating, on track (due 03-19) → nothing
  {
    'Case ID': 'C-009', Received: '2026-02-20', Stage: 'Investigating', 'First reply sent': '2026-02-21',
    'Sub-team': team('ann', 'bob', 'eve'), 'Sub-team formed': '2026-03-01', 'Reporter notified': '2026-03-05',
  },
  // 9 Check data: a sub-team cell with a party's address typed in by mistake → fix, to the valid members only
  {
    'Case ID': 'C-010', Received: '2026-02-20', Stage: 'Investigating', 'First reply sent': '2026-02-21',
    'Sub-team': 'ann@irt.example, bob@irt.example, reported10@parties', 'Sub-team formed': '2026-03-01',
  },
  // 10 Check data without a sub-team: Received missing → fix, triage
  { 'Case ID': 'C-011', Stage: 'Received' },
  // 11 Check data: a stage typed as free text quoting a party → fix, triage
  { 'Case ID': 'C-012', Received: '2026-03-01', Stage: 'Reporterina said so' },
  // 12 Closed temporary ban ending far away → nothing
  {
    'Case ID': 'C-013', Received: '2025-12-01', Stage: 'Closed', 'First reply sent': '2025-12-02',
    'Sub-team': team('ann', 'bob', 'cat'), 'Sub-team formed': '2025-12-05', Outcome: 'Temporary ban',
    'Outcome end date': '2026-06-01', Closed: '2026-01-15',
  },
  // 13 a blank row → nothing
  {},
];

function rowOf(spec: RowSpec): string[] {
  return HEADER.map((name) => spec[name as ColumnName] ?? '');
}

const ROWS = SPECS.map((spec, i) => rowOf(Object.keys(spec).length ? { ...partyFields(i + 1), ...spec } : spec));

function casesOf(rows: string[][], today = TODAY): ReminderCase[] {
  return rows.map((row, i) => {
    const record = readCase(row, MAP, TZ);
    return { row: i + 2, record, deadline: isBlankRow(row, MAP) ? null : computeDeadline(record, today, SETTINGS) };
  });
}

const plan = (rows = ROWS, fallbackTriage: string[] = [], settings = SETTINGS, members: string[] = MEMBERS) =>
  buildDigests({ cases: casesOf(rows), settings, fallbackTriage, today: TODAY, link: LINK, members });

const digestFor = (digests: Digest[], recipient: string) => digests.find((d) => d.recipient === recipient);
const summary = (d: Digest | undefined) => d?.items.map((i) => `${i.caseId} ${i.status} ${i.action}`);

describe('buildDigests: recipients and contents', () => {
  const { digests, unassigned } = plan();

  test('one digest per recipient with something due, nobody else', () => {
    expect(digests.map((d) => d.recipient).sort()).toEqual(
      ['ann@irt.example', 'bob@irt.example', 'cat@irt.example', 'dan@irt.example', 'eve@irt.example', 'triage@irt.example'].sort(),
    );
    expect(unassigned).toBe(0);
  });

  test('cases without a sub-team go to triage, overdue first, then due soon, then rows to fix', () => {
    expect(summary(digestFor(digests, 'triage@irt.example'))).toEqual([
      'C-001 Overdue Reply to reporter', // both due 8 March: sheet order breaks the tie
      'C-003 Overdue Explain decision to reporter and close',
      'C-002 Due soon Finish initial assessment',
      'C-011 Check data Fix the row: check Received',
      'C-012 Check data Fix the row: check Stage',
    ]);
  });

  test('sub-team cases go to each of their members; a closed temporary ban ending soon is a follow-up', () => {
    expect(summary(digestFor(digests, 'ann@irt.example'))).toEqual([
      'C-005 Overdue Update reporter',
      'C-004 Due soon Notify reporter',
      'C-010 Check data Fix the row: check Sub-team',
    ]);
    expect(summary(digestFor(digests, 'cat@irt.example'))).toEqual([
      'C-006 Due soon Send response plan',
      `C-007 Due soon ${FOLLOW_UP_ACTION}`,
      'C-004 Due soon Notify reporter',
    ]);
    expect(summary(digestFor(digests, 'eve@irt.example'))).toEqual(['C-005 Overdue Update reporter', `C-007 Due soon ${FOLLOW_UP_ACTION}`]);
    const ann = digestFor(digests, 'ann@irt.example') as Digest;
    expect([ann.overdue, ann.dueSoon, ann.checkData]).toEqual([1, 1, 1]);
  });

  test('items carry the due day and a link to the row', () => {
    const item = (digestFor(digests, 'ann@irt.example') as Digest).items[0];
    expect(item).toEqual({
      caseId: 'C-005',
      action: 'Update reporter',
      due: day('2026-03-06'),
      status: 'Overdue',
      row: 6,
      link: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=42&range=A6',
    });
    expect(rowLink(LINK, 9)).toBe('https://docs.google.com/spreadsheets/d/abc/edit#gid=42&range=A9');
  });

  test('digests with overdue cases come first (the order used when the mail quota is short)', () => {
    const withOverdue = digests.filter((d) => d.overdue > 0).length;
    expect(digests.slice(0, withOverdue).every((d) => d.overdue > 0)).toBe(true);
    expect(digests.slice(withOverdue).every((d) => d.overdue === 0)).toBe(true);
    expect([...digests].sort(compareDigests)).toEqual(digests);
  });

  test('the follow-up window is the due-soon window, counted from today', () => {
    const ban = ROWS[6];
    const at = (iso: string) => {
      const row = [...ban];
      row[MAP['Outcome end date'] as number] = iso;
      return plan([row]).digests.length;
    };
    expect(at('2026-03-09')).toBe(0); // already over
    expect(at('2026-03-10')).toBe(3);
    expect(at('2026-03-12')).toBe(3);
    expect(at('2026-03-13')).toBe(0);
  });
});

describe('the sub-team’s own timeline and its members (issue 10)', () => {
  const open = rowOf({
    ...partyFields(1),
    'Case ID': 'IRT-020', Received: '2026-02-20', Stage: 'Investigating', 'First reply sent': '2026-02-21',
    'Sub-team': team('ann', 'bob', 'cat'), 'Sub-team formed': '2026-02-25', 'Reporter notified': '2026-02-26',
    'Last update to reporter': '2026-03-09', 'Target decision date': '2026-03-08',
  });
  const digestOf = (cases: ReminderCase[]) => buildDigests({ cases, settings: SETTINGS, fallbackTriage: [], today: TODAY, link: LINK, members: MEMBERS });

  test('a target decision date passed without a decision is overdue for the whole sub-team', () => {
    const { digests } = digestOf(casesOf([open]));
    for (const who of ['ann', 'bob', 'cat'])
      expect(summary(digestFor(digests, `${who}@irt.example`))).toEqual(['IRT-020 Overdue Target decision date passed without a decision']);
    expect(digestFor(digests, 'ann@irt.example')?.items[0].due).toBe(day('2026-03-08'));
    // Not yet passed, or decided: nothing.
    const later = open.map((v, i) => (HEADER[i] === 'Target decision date' ? '2026-03-10' : v));
    expect(digestOf(casesOf([later])).digests).toEqual([]);
    const decided = open.map((v, i) => (HEADER[i] === 'Outcome' ? 'Warning' : HEADER[i] === 'Stage' ? 'Decision' : v));
    expect(summary(digestFor(digestOf(casesOf([decided])).digests, 'ann@irt.example'))).toBeUndefined();
  });

  test('an unavailable member: the other two are told, without a name; the member is not', () => {
    const noTarget = open.map((v, i) => (HEADER[i] === 'Target decision date' ? '' : v));
    const [c] = casesOf([noTarget]);
    const { digests } = digestOf([{ ...c, unavailableMembers: ['cat@irt.example'] }]);
    for (const who of ['ann', 'bob']) expect(summary(digestFor(digests, `${who}@irt.example`))).toEqual(['IRT-020 Due soon A sub-team member is unavailable']);
    expect(digestFor(digests, 'cat@irt.example')).toBeUndefined();
    expect(JSON.stringify(digests)).not.toMatch(/cat@|Cat|Reporter|Reported/);
    // A closed case says nothing of its members.
    const closed = casesOf([noTarget.map((v, i) => (HEADER[i] === 'Closed' ? '2026-03-09' : HEADER[i] === 'Stage' ? 'Closed' : v))])[0];
    expect(digestOf([{ ...closed, unavailableMembers: ['cat@irt.example'] }]).digests).toEqual([]);
  });
});

describe('triage addresses', () => {
  test('default to the member who turned reminders on', () => {
    const { digests } = plan(ROWS, ['Owner@IRT.example'], { ...SETTINGS, triageEmails: [] });
    expect(digestFor(digests, 'owner@irt.example')?.items.map((i) => i.caseId)).toEqual(['C-001', 'C-003', 'C-002', 'C-011', 'C-012']);
  });

  test('Settings names them all when set; nobody at all leaves the items unassigned', () => {
    const two = plan(ROWS, ['owner@irt.example'], { ...SETTINGS, triageEmails: ['t1@irt.example', 't2@irt.example'] });
    expect(digestFor(two.digests, 'owner@irt.example')).toBeUndefined();
    expect(digestFor(two.digests, 't2@irt.example')?.items).toHaveLength(5);
    const none = plan(ROWS, [], { ...SETTINGS, triageEmails: [] });
    expect(none.unassigned).toBe(5);
    expect(digestFor(none.digests, 'ann@irt.example')).toBeDefined();
  });
});

describe('party addresses never receive a digest', () => {
  test('a blocked address in a Sub-team cell is left out; the rest of the sub-team still hears', () => {
    const row = [...ROWS[4]];
    row[MAP['Sub-team'] as number] = 'ann@irt.example, Reporter1@Parties.example, eve@irt.example';
    const { digests, blocked } = buildDigests({
      cases: casesOf([row]),
      settings: SETTINGS,
      fallbackTriage: [],
      today: TODAY,
      link: LINK,
      members: [...MEMBERS, 'reporter1@parties.example'],
      blockedRecipients: ['reporter1@parties.example'],
    });
    expect(digests.map((d) => d.recipient).sort()).toEqual(['ann@irt.example', 'eve@irt.example']);
    expect(blocked).toBe(1);
  });

  test('when every address is blocked the case goes to triage; a blocked triage address gets nothing', () => {
    const row = [...ROWS[4]];
    row[MAP['Sub-team'] as number] = 'p1@parties.example, p2@parties.example';
    const input = { cases: casesOf([row, ROWS[0]]), fallbackTriage: [], today: TODAY, link: LINK, members: MEMBERS };
    const toTriage = buildDigests({ ...input, settings: SETTINGS, blockedRecipients: ['p1@parties.example', 'p2@parties.example'] });
    // C-005 (a two-address sub-team) is a row to fix, so it follows C-001's overdue reply.
    expect(toTriage.digests.map((d) => [d.recipient, d.items.map((i) => `${i.caseId} ${i.status}`)])).toEqual([
      ['triage@irt.example', ['C-001 Overdue', 'C-005 Check data']],
    ]);
    const none = buildDigests({ ...input, settings: SETTINGS, blockedRecipients: ['p1@parties.example', 'p2@parties.example', 'triage@irt.example'] });
    expect(none).toEqual({ digests: [], unassigned: 2, blocked: 3, notOnRoster: 0 });
  });

  test('a party on the Roster still gets nothing', () => {
    const row = [...ROWS[4]];
    row[MAP['Sub-team'] as number] = 'ann@irt.example, reporter1@parties.example';
    const { digests, blocked, notOnRoster } = buildDigests({
      cases: casesOf([row]),
      settings: SETTINGS,
      fallbackTriage: [],
      today: TODAY,
      link: LINK,
      members: [...MEMBERS, 'reporter1@parties.example'],
      blockedRecipients: ['reporter1@parties.example'],
    });
    expect(digests.map((d) => d.recipient)).toEqual(['ann@irt.example']);
    expect([blocked, notOnRoster]).toEqual([1, 0]);
  });
});

describe('only IRT members on the Roster receive a sub-team digest', () => {
  const withSubTeam = (cell: string) => {
    const row = [...ROWS[4]]; // C-005, overdue
    row[MAP['Sub-team'] as number] = cell;
    return row;
  };

  test('an address typed into a Sub-team cell but not on the Roster is left out and counted', () => {
    const result = plan([withSubTeam('ann@irt.example, someone@gmail.com, Eve@IRT.example')]);
    expect(result.digests.map((d) => d.recipient).sort()).toEqual(['ann@irt.example', 'eve@irt.example']);
    expect(result.notOnRoster).toBe(1);
    expect(result.blocked).toBe(0);
  });

  test('the Roster is matched without regard to case or spaces; each stray address counts once', () => {
    const rows = [withSubTeam('ANN@irt.example, someone@gmail.com'), withSubTeam('someone@gmail.com, dan@irt.example')];
    const result = plan(rows, [], SETTINGS, [' Ann@IRT.Example ', 'DAN@irt.example']);
    expect(result.digests.map((d) => d.recipient).sort()).toEqual(['ann@irt.example', 'dan@irt.example']);
    expect(result.notOnRoster).toBe(1);
  });

  test('when none of a sub-team is on the Roster, the case goes to triage', () => {
    const result = plan([withSubTeam('someone@gmail.com, other@gmail.com, third@example.org'), ROWS[3]]);
    expect(result.digests.map((d) => [d.recipient, d.items.map((i) => i.caseId)])).toEqual([
      ['triage@irt.example', ['C-005']],
      ['ann@irt.example', ['C-004']],
      ['bob@irt.example', ['C-004']],
      ['cat@irt.example', ['C-004']],
    ]);
    expect(result.notOnRoster).toBe(3);
  });

  test('triage addresses from Settings or the member who turned reminders on need not be on the Roster', () => {
    const fromSettings = plan([ROWS[0]], ['owner@irt.example'], { ...SETTINGS, triageEmails: ['coordinator@elsewhere.example'] });
    expect(fromSettings.digests.map((d) => d.recipient)).toEqual(['coordinator@elsewhere.example']);
    const fromOwner = plan([ROWS[0]], ['owner@irt.example'], { ...SETTINGS, triageEmails: [] });
    expect(fromOwner.digests.map((d) => d.recipient)).toEqual(['owner@irt.example']);
    expect(fromOwner.notOnRoster).toBe(0);
  });

  test('with an empty Roster every case goes to triage', () => {
    const result = plan(ROWS, [], SETTINGS, []);
    expect(result.digests.map((d) => d.recipient)).toEqual(['triage@irt.example']);
    const ids = new Set(result.digests[0].items.map((i) => i.caseId));
    expect([...ids].sort()).toEqual(['C-001', 'C-002', 'C-003', 'C-004', 'C-005', 'C-006', 'C-007', 'C-010', 'C-011', 'C-012']);
    expect(result.notOnRoster).toBe(5);
    expect(result.unassigned).toBe(0);
  });
});

test('nothing due → no digests', () => {
  expect(plan([ROWS[7], ROWS[8], ROWS[12], ROWS[13]]).digests).toEqual([]);
  expect(plan([]).digests).toEqual([]);
});

describe('confidentiality', () => {
  const { digests } = plan();
  const emails = digests.map((d) => ({ d, email: formatDigest(d, { dateFormat: SETTINGS.emailDateFormat }) }));

  test('no digest carries any confidential cell, or other free text, of any row', () => {
    const freeText: ColumnName[] = [...CONFIDENTIAL_COLUMNS, 'Channel', 'Help desk link', 'Sub-team', 'Case ID'];
    let checked = 0;
    for (const row of ROWS) {
      for (const column of freeText) {
        const value = row[MAP[column] as number];
        if (!value || (column === 'Case ID' && isCaseIdToken(value))) continue;
        const needles = column === 'Sub-team' ? [value] : [value, escapeHtml(value)];
        for (const { email } of emails) {
          for (const needle of needles) {
            expect(email.subject).not.toContain(needle);
            expect(email.text).not.toContain(needle);
            expect(email.html).not.toContain(needle);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(CONFIDENTIAL_COLUMNS.length).toBeGreaterThanOrEqual(7);
  });

  test('a Check data reason that quotes the row is reduced to the column name', () => {
    expect(columnOfProblem('Sub-team has an invalid email: x@y')).toBe('Sub-team');
    expect(columnOfProblem('Sub-team formed is missing')).toBe('Sub-team formed');
    expect(columnOfProblem('Outcome end date is missing for a temporary ban')).toBe('Outcome end date');
    expect(columnOfProblem('Stage "Alice did it" is not one of Received')).toBe('Stage');
    expect(columnOfProblem('something else entirely')).toBeNull();
    expect(fixRowAction('something else entirely')).toBe('Fix the row');
    const words = (digestFor(digests, 'triage@irt.example') as Digest).items.map((i) => i.action).join(' ');
    expect(words).not.toContain('Reporterina');
  });

  test('a case ID is the only row text in a digest; a row without one is named by its row number', () => {
    const row = [...ROWS[0]];
    row[MAP['Case ID'] as number] = '';
    const [digest] = plan([row]).digests;
    expect(digest.items[0].caseId).toBe('Row 2');
  });

  test('a Case ID is shown only when it is a plain identifier', () => {
    for (const id of ['C-001', 'IRT-2026-007', 'GH#42', '17', '2024/17', 'case_12.b', 'A'.repeat(39) + '1'])
      expect([id, isCaseIdToken(id)]).toEqual([id, true]);
    for (const id of [
      'Zoe vs Sam (harassment at FooConf)',
      'Zoe-Sam', // no digit: a bare word or two is as likely a name as an ID
      'zoe@example.org 1',
      'zoe@example.org',
      '-12',
      '#42', // must start with a letter or digit
      'C-001 ',
      'C 001',
      'A'.repeat(40) + '1', // too long
      '<b>1</b>',
      'Zoë-1',
      '',
    ])
      expect([id, isCaseIdToken(id)]).toEqual([id, false]);
    expect(caseLabel('IRT-2026-007', 5)).toBe('IRT-2026-007');
    expect(caseLabel('Zoe vs Sam (harassment at FooConf)', 5)).toBe('Row 5');
  });

  test("a free-text Case ID naming a party never reaches a digest; the case is named by its row", () => {
    const row = [...ROWS[3]]; // C-004, due soon, to ann, bob and cat
    const id = `${row[MAP['Reporter name'] as number]} vs Sam (harassment at FooConf)`;
    row[MAP['Case ID'] as number] = id;
    const { digests } = plan([ROWS[0], row]);
    expect(digests.map((d) => [d.recipient, d.items.map((i) => i.caseId)])).toEqual([
      ['triage@irt.example', ['C-001']],
      ['ann@irt.example', ['Row 3']],
      ['bob@irt.example', ['Row 3']],
      ['cat@irt.example', ['Row 3']],
    ]);
    for (const digest of digests) {
      const email = formatDigest(digest, { dateFormat: SETTINGS.emailDateFormat });
      for (const text of [email.subject, email.text, email.html]) {
        for (const needle of [id, escapeHtml(id), 'FooConf', 'Reporterina']) expect(text).not.toContain(needle);
      }
    }
  });
});

describe('formatDigest', () => {
  const { digests } = plan();
  const ann = digestFor(digests, 'ann@irt.example') as Digest;

  test('subject is short and neutral', () => {
    expect(digestSubject({ overdue: 2, dueSoon: 1, checkData: 0 })).toBe('IRT: 2 overdue, 1 due soon');
    expect(digestSubject({ overdue: 0, dueSoon: 3, checkData: 1 })).toBe('IRT: 3 due soon, 1 to fix');
    expect(formatDigest(ann, { dateFormat: 'd MMMM yyyy' }).subject).toBe('IRT: 1 overdue, 1 due soon, 1 to fix');
  });

  test('plain text lists ID, action, due date, status and link, overdue first', () => {
    const { text } = formatDigest(ann, { dateFormat: 'd MMMM yyyy' });
    expect(text).toContain('- C-005: Update reporter, due 6 March 2026 [Overdue]\n  https://docs.google.com/spreadsheets/d/abc/edit#gid=42&range=A6');
    expect(text).toContain('- C-010: Fix the row: check Sub-team, no date [Check data]');
    expect(text.indexOf('OVERDUE')).toBeLessThan(text.indexOf('DUE SOON'));
    expect(text.indexOf('DUE SOON')).toBeLessThan(text.indexOf('ROWS TO FIX'));
  });

  test('HTML escapes every value', () => {
    const odd: Digest = {
      recipient: 'x@irt.example',
      overdue: 1,
      dueSoon: 0,
      checkData: 0,
      items: [{ caseId: '<img src=x onerror=alert(1)>', action: 'Reply & "go"', due: TODAY, status: 'Overdue', row: 2, link: 'https://x/?a=1&b="2"' }],
      trackerLink: 'https://x/',
    };
    const { html, text } = formatDigest(odd, { dateFormat: 'yyyy-MM-dd' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('href="https://x/?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('Reply &amp; &quot;go&quot;, due 2026-03-10');
    expect(text).toContain('Reply & "go", due 2026-03-10');
  });
});

describe('a digest stays short whatever the tracker size', () => {
  const many: string[][] = [];
  for (let i = 0; i < 10_000; i++) many.push(ROWS[i % 13]);
  const triage = digestFor(plan(many).digests, 'triage@irt.example') as Digest;

  test('lists the 50 most urgent cases, overdue first, then how many more and where to see them', () => {
    const email = formatDigest(triage, { dateFormat: 'd MMMM yyyy' });
    const listed = [...email.text.matchAll(/^- (C-\d+):.*\[(\w[\w ]*)\]$/gm)];
    expect(listed).toHaveLength(DIGEST_MAX_ITEMS);
    expect(listed.map((m) => m[2])).toEqual(triage.items.slice(0, DIGEST_MAX_ITEMS).map((i) => i.status));
    expect(listed[0][2]).toBe('Overdue');
    const rest = triage.items.slice(DIGEST_MAX_ITEMS);
    const overdue = rest.filter((i) => i.status === 'Overdue').length;
    expect(overdue).toBeGreaterThan(0);
    expect(email.text).toContain(`And ${rest.length} more (${overdue} overdue, `);
    expect(email.text).toContain(': open the tracker to see them all.\n  https://docs.google.com/spreadsheets/d/abc/edit#gid=42\n');
    expect(email.html).toContain(`<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=42">And ${rest.length} more (`);
    expect(email.subject).toBe(digestSubject(triage)); // the subject still counts everything
  });

  test('under 100 kB in all, and a short digest is listed whole', () => {
    const email = formatDigest(triage, { dateFormat: 'd MMMM yyyy' });
    expect(Buffer.byteLength(email.subject + email.text + email.html)).toBeLessThan(100_000);
    const { digests } = plan();
    const ann = formatDigest(digestFor(digests, 'ann@irt.example') as Digest, { dateFormat: 'd MMMM yyyy' });
    expect(ann.text).not.toContain('more (');
  });
});

test('scales: 10,000 cases in one pass', () => {
  const many: string[][] = [];
  for (let i = 0; i < 10_000; i++) many.push(ROWS[i % 13]);
  const { digests } = plan(many);
  // 769 full cycles of the 13 rows give 5 triage items each; the 3 left over (C-001..C-003) one each.
  expect(digestFor(digests, 'triage@irt.example')?.items.length).toBe(769 * 5 + 3);
});
