import { CONFIDENTIAL_COLUMNS, type ColumnName } from '../../src/core/columns';
import { formatDigest } from '../../src/core/digest-format';
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
import {
  day,
  TODAY,
  LINK,
  HEADER,
  MAP,
  SETTINGS,
  partyFields,
  team,
  MEMBERS,
  rowOf,
  ROWS,
  casesOf,
  plan,
  digestFor,
  summary,
} from './reminder-fixtures';

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
