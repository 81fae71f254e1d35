// A tracker's rows with every kind of reminder, and their digests: shared by the reminder and digest tests.
import { dayFromIso, type Day } from '../../src/core/calendar';
import { isBlankRow, readCase } from '../../src/core/cases';
import { CASE_COLUMNS, matchHeaders, type ColumnName } from '../../src/core/columns';
import { computeDeadline } from '../../src/core/deadlines';
import { buildDigests, type Digest, type ReminderCase } from '../../src/core/reminders';

import { defaultSettings } from '../../src/core/settings';

const TZ = 'Pacific/Auckland';
export const day = (iso: string) => dayFromIso(iso) as Day;
export const TODAY = day('2026-03-10');
export const LINK = { url: 'https://docs.google.com/spreadsheets/d/abc/edit', gid: 42 };
export const HEADER = CASE_COLUMNS.map((c) => c.name);
export const MAP = matchHeaders(HEADER).map;
export const SETTINGS = { ...defaultSettings(), triageEmails: ['triage@irt.example'] };

export type RowSpec = Partial<Record<ColumnName, string>>;

/** Every row gets its own distinct confidential text, so a leak of any of it is caught. */
export function partyFields(n: number): RowSpec {
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

export const team = (...who: string[]) => who.map((w) => `${w}@irt.example`).join(', ');
/** The Roster: the IRT members who may receive a sub-team's digest. */
export const MEMBERS = ['ann', 'bob', 'cat', 'dan', 'eve'].map((w) => `${w}@irt.example`);

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

export function rowOf(spec: RowSpec): string[] {
  return HEADER.map((name) => spec[name as ColumnName] ?? '');
}

export const ROWS = SPECS.map((spec, i) => rowOf(Object.keys(spec).length ? { ...partyFields(i + 1), ...spec } : spec));

export function casesOf(rows: string[][], today = TODAY): ReminderCase[] {
  return rows.map((row, i) => {
    const record = readCase(row, MAP, TZ);
    return { row: i + 2, record, deadline: isBlankRow(row, MAP) ? null : computeDeadline(record, today, SETTINGS) };
  });
}

export const plan = (rows = ROWS, fallbackTriage: string[] = [], settings = SETTINGS, members: string[] = MEMBERS) =>
  buildDigests({ cases: casesOf(rows), settings, fallbackTriage, today: TODAY, link: LINK, members });

export const digestFor = (digests: Digest[], recipient: string) => digests.find((d) => d.recipient === recipient);
export const summary = (d: Digest | undefined) => d?.items.map((i) => `${i.caseId} ${i.status} ${i.action}`);
