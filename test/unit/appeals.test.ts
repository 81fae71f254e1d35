// Appeals: the review owed by an open appeal, the appeal window's warning, and
// who may review (three Roster members other than the sub-team and the parties).
import { dayFromIso, type Day } from '../../src/core/calendar';
import {
  REVIEW_APPEAL_ACTION,
  appealExclusions,
  appealReview,
  appealWindowEnd,
  hasOpenAppeal,
  lateAppealWarning,
  reviewersProblem,
} from '../../src/core/appeals';
import { conflictOf, type RosterMember } from '../../src/core/subteam';

const d = (iso: string) => dayFromIso(iso) as Day;
const member = (name: string, email: string, extra: Partial<RosterMember> = {}): RosterMember => ({
  name, email, timeZone: 'Europe/Paris', available: true, unavailableUntil: null, problem: null, ...extra,
} as RosterMember);

const ROSTER = [
  member('Ana Alves', 'ana@irt.example'),
  member('Bo Berg', 'bo@irt.example'),
  member('Cy Chen', 'cy@irt.example'),
  member('Di Diaz', 'di@irt.example'),
  member('Ed Eze', 'ed@irt.example'),
  member('Fi Fox', 'fi@irt.example'),
  member('Gus Gray', 'gus@irt.example', { available: false }),
  member('Pat Party', 'pat@example.net'),
];
const SUB_TEAM = 'ana@irt.example, bo@irt.example, cy@irt.example';
const TIES = { reporterName: 'Robin', reporterEmail: 'robin@example.org', reportedPartyName: 'Pat Party', reportedPartyEmail: 'pat@example.net', conflicts: 'Fi Fox' };
const DAY = d('2026-05-01');

describe('the review an open appeal owes', () => {
  test('due the review window after the appeal came in; none once decided', () => {
    const open = { appealReceived: d('2026-04-20'), appealDecision: '', responsePlanSent: d('2026-04-01') };
    expect(hasOpenAppeal(open)).toBe(true);
    expect(appealReview(open, 14)).toEqual({ action: REVIEW_APPEAL_ACTION, due: d('2026-05-04') });
    expect(appealReview({ ...open, appealDecision: 'Upheld' }, 14)).toBeNull();
    expect(appealReview({ ...open, appealReceived: null }, 14)).toBeNull();
    expect(appealReview({ ...open, appealReceived: 'invalid' }, 14)).toBeNull();
  });
});

describe('the appeal window', () => {
  const c = { responsePlanSent: d('2026-04-01') };
  test('counted from the response plan', () => {
    expect(appealWindowEnd(c, 30)).toBe(d('2026-05-01'));
    expect(appealWindowEnd({ responsePlanSent: null }, 30)).toBeNull();
  });
  test('an appeal after it is recorded with a warning', () => {
    expect(lateAppealWarning(d('2026-05-01'), c, 30)).toBeNull();
    expect(lateAppealWarning(d('2026-05-03'), c, 30)).toBe(
      'The appeal came 2 days after the 30-day appeal window (it ended 2026-05-01); it is recorded all the same.',
    );
    expect(lateAppealWarning(d('2026-09-03'), { responsePlanSent: null }, 30)).toBeNull();
  });
});

describe('reviewersProblem', () => {
  const check = (reviewers: string) => reviewersProblem(reviewers, SUB_TEAM, TIES, ROSTER, DAY);
  test('the same member twice, or a member named in Conflicts, is refused', () => {
    expect(check('di@irt.example, ed@irt.example, DI@irt.example')).toBe('Appeal reviewers needs three different members');
    expect(check('di@irt.example, ed@irt.example, fi@irt.example')).toMatch(/Fi Fox \(fi@irt.example\) cannot review the appeal: listed in this case’s Conflicts/);
  });
  test.each([
    ['di@irt.example, ed@irt.example', 'Appeal reviewers needs exactly three emails separated by commas (has 2)'],
    ['di@irt.example, ed@irt.example, ana@irt.example', 'Ana Alves (ana@irt.example) is on this case’s sub-team: an appeal is heard by other members'],
    ['di@irt.example, ed@irt.example, pat@example.net', 'reviewer 3 is the reported party of this case, and a party never reviews their own case'],
    ['di@irt.example, ed@irt.example, gus@irt.example', 'Gus Gray (gus@irt.example) cannot review the appeal: not available (Available is No)'],
    ['di@irt.example, ed@irt.example, zed@irt.example', 'zed@irt.example is not on the Roster'],
  ])('%s → %s', (reviewers, problem) => {
    expect(check(reviewers)).toBe(problem);
  });
  test('the accepted case', () => {
    const roster = [...ROSTER, member('Hal Hill', 'hal@irt.example')];
    expect(reviewersProblem('di@irt.example, ed@irt.example, Hal Hill <hal@irt.example>', SUB_TEAM, TIES, roster, DAY)).toBeNull();
  });
});

test('appealExclusions: the parties, the Conflicts and the sub-team', () => {
  const ex = appealExclusions(TIES, SUB_TEAM);
  expect(ex.conflicts.map((p) => p.email ?? p.name)).toEqual(['fi fox', 'ana@irt.example', 'bo@irt.example', 'cy@irt.example']);
  expect(ex.reportedParty.map((p) => p.email ?? p.name)).toEqual(['pat party', 'pat@example.net']);
});

test('a reviewer suggestion says why the sub-team is left out: their seat, not Conflicts', () => {
  const ex = appealExclusions(TIES, SUB_TEAM);
  expect(conflictOf(ROSTER[0], ex)).toBe('on this case’s sub-team: an appeal is heard by other members');
  expect(conflictOf({ name: 'Fi Fox', email: 'fi@irt.example' }, ex)).toBe('listed in this case’s Conflicts');
});
