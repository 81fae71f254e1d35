// How long a closed case keeps its identifying details, which cases are due, and
// why one may not be expunged yet.
import { dayFromIso, type Day } from '../../src/core/calendar';
import { matchHeaders } from '../../src/core/columns';
import { defaultSettings } from '../../src/core/settings';
import {
  EXPUNGED,
  dueForExpunging,
  earlierCasesOfParty,
  expungeDate,
  expungeRefusal,
  readRetentionCase,
  type RetentionCase,
} from '../../src/core/retention';

const d = (iso: string) => dayFromIso(iso) as Day;
const iso = (day: Day | null) => (day === null ? null : new Date(day * 86_400_000).toISOString().slice(0, 10));
const KEEP = defaultSettings();

describe('expungeDate', () => {
  test.each([
    ['', '2026-03-10', null, '2026-09-10'], // not a violation: 6 months
    ['No action', '2026-03-10', null, '2026-09-10'],
    ['Correction', '2026-03-10', null, '2027-03-10'],
    ['Warning', '2026-08-31', null, '2027-08-31'],
    ['Temporary ban', '2026-03-10', '2026-06-30', '2027-06-30'], // 12 months after the end date
    ['Temporary ban', '2026-03-10', '2026-01-01', '2027-03-10'], // an end date before closing: from closing
    ['Permanent ban', '2026-03-10', null, null], // never
  ])('%s closed %s (end %s) → %s', (outcome, closed, end, expected) => {
    expect(iso(expungeDate(outcome, d(closed), end ? d(end) : null, KEEP))).toBe(expected);
  });

  test('from the Settings: Never keeps a record, 0 months is the closing day', () => {
    expect(expungeDate('Warning', d('2026-03-10'), null, { ...KEEP, keepWarningMonths: null })).toBeNull();
    expect(iso(expungeDate('', d('2026-03-10'), null, { ...KEEP, keepNotViolationMonths: 0 }))).toBe('2026-03-10');
  });
});

const base: RetentionCase = {
  caseId: 'IRT-2026-001',
  closed: d('2026-01-10'),
  expungeAfter: d('2026-07-10'),
  appealReceived: null,
  appealDecision: '',
  reportedPartyEmail: 'pat@example.net',
  expunged: false,
};
const TODAY = d('2026-08-01');

describe('expungeRefusal', () => {
  test('a closed case past its date may be expunged', () => {
    expect(expungeRefusal(base, TODAY)).toBeNull();
  });
  test.each([
    [{ closed: null }, 'the case is open'],
    [{ appealReceived: d('2026-07-01') }, 'the case is under appeal'],
    [{ expunged: true }, 'it is already expunged'],
    [{ expungeAfter: null }, 'it has no Expunge after date'],
    [{ expungeAfter: d('2026-08-01') }, 'its Expunge after date (2026-08-01) has not passed'],
  ])('%p → %s', (change, why) => {
    expect(expungeRefusal({ ...base, ...change } as RetentionCase, TODAY)).toBe(why);
  });
  test('a decided appeal no longer holds it', () => {
    expect(expungeRefusal({ ...base, appealReceived: d('2026-07-01'), appealDecision: 'Upheld' }, TODAY)).toBeNull();
  });
});

test('dueForExpunging: IDs and dates only, of the cases that may be expunged', () => {
  const cases = [base, { ...base, caseId: 'IRT-2026-002', closed: null }, { ...base, caseId: 'IRT-2026-003', expungeAfter: d('2026-08-01') }];
  expect(dueForExpunging(cases, TODAY)).toEqual([{ caseId: 'IRT-2026-001', closed: '2026-01-10', expungeAfter: '2026-07-10' }]);
});

test('earlierCasesOfParty: by email, case-insensitively, not expunged, not the new case', () => {
  const cases = [
    base,
    { ...base, caseId: 'IRT-2026-002', reportedPartyEmail: ' PAT@Example.NET ' },
    { ...base, caseId: 'IRT-2026-003', expunged: true },
    { ...base, caseId: 'IRT-2026-004', reportedPartyEmail: 'someone@example.net' },
    { ...base, caseId: 'IRT-2026-005' },
  ];
  expect(earlierCasesOfParty(cases, 'Pat@example.net', 'IRT-2026-005').map((c) => c.caseId)).toEqual(['IRT-2026-001', 'IRT-2026-002']);
  expect(earlierCasesOfParty(cases, '', 'x')).toEqual([]);
});

test('earlierCasesOfParty: the same party in another form (Name <address>, mailto:) is the same party', () => {
  const cases = [
    { ...base, caseId: 'IRT-2026-001', reportedPartyEmail: 'Pat Party <PAT@example.net>' },
    { ...base, caseId: 'IRT-2026-002', reportedPartyEmail: 'mailto:pat@example.net' },
    { ...base, caseId: 'IRT-2026-003', reportedPartyEmail: 'not an address' },
  ];
  expect(earlierCasesOfParty(cases, 'mailto:Pat@example.net', 'IRT-2026-009').map((c) => c.caseId)).toEqual(['IRT-2026-001', 'IRT-2026-002']);
  expect(earlierCasesOfParty(cases, 'not an address', 'IRT-2026-009')).toEqual([]);
});

test('readRetentionCase: expunged when every identifying cell reads Expunged or is empty', () => {
  const header = ['Case ID', 'Closed', 'Expunge after', 'Reporter name', 'Summary', 'Reported party email', 'Appeal received', 'Appeal decision'];
  const { map } = matchHeaders(header);
  const row = ['IRT-2026-001', '2026-01-10', '2026-07-10', EXPUNGED, EXPUNGED, '', '', ''];
  expect(readRetentionCase(row, map, 'UTC')).toEqual({ ...base, reportedPartyEmail: '', expunged: true });
  expect(readRetentionCase([...row.slice(0, 4), 'Still here', ...row.slice(5)], map, 'UTC').expunged).toBe(false);
  expect(readRetentionCase(['IRT-2026-001', '2026-01-10', '', '', '', '', '', ''], map, 'UTC').expunged).toBe(false);
});
