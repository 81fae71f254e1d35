import type { DeadlineStatus } from '../../src/core/columns';
import type { Deadline } from '../../src/core/deadlines';
import { countStatuses, describeStatusCounts, type StatusCounts } from '../../src/core/summary';

const dl = (status: DeadlineStatus): Deadline => ({ action: status === 'Closed' ? '' : 'x', due: status === 'Closed' || status === 'Check data' ? null : 1, status });
const counts = (partial: Partial<StatusCounts>): StatusCounts => ({ Overdue: 0, 'Due soon': 0, 'On track': 0, Closed: 0, 'Check data': 0, ...partial });

describe('countStatuses', () => {
  test('nothing → all zero', () => {
    expect(countStatuses([])).toEqual(counts({}));
  });
  test('counts each status; blank rows (null) are not cases', () => {
    const list = [
      dl('Overdue'),
      null,
      dl('Overdue'),
      dl('Due soon'),
      dl('On track'),
      dl('On track'),
      dl('On track'),
      null,
      dl('Closed'),
      dl('Check data'),
      dl('Check data'),
    ];
    expect(countStatuses(list)).toEqual({ Overdue: 2, 'Due soon': 1, 'On track': 3, Closed: 1, 'Check data': 2 });
  });
});

describe('describeStatusCounts', () => {
  test('no cases', () => {
    expect(describeStatusCounts(counts({}))).toBe('No cases yet.');
  });
  test('one open case is singular', () => {
    expect(describeStatusCounts(counts({ Overdue: 1 }))).toBe('1 open case: 1 overdue, 0 due soon, 0 on track; 0 closed.');
  });
  test('several open cases', () => {
    expect(describeStatusCounts(counts({ Overdue: 2, 'Due soon': 1, 'On track': 3, Closed: 4 }))).toBe(
      '6 open cases: 2 overdue, 1 due soon, 3 on track; 4 closed.',
    );
  });
  test('rows to check are open and mentioned only when there are some', () => {
    expect(describeStatusCounts(counts({ 'On track': 1, 'Check data': 2, Closed: 1 }))).toBe(
      '3 open cases: 0 overdue, 0 due soon, 1 on track, 2 to check; 1 closed.',
    );
  });
  test('only closed cases', () => {
    expect(describeStatusCounts(counts({ Closed: 2 }))).toBe('0 open cases: 0 overdue, 0 due soon, 0 on track; 2 closed.');
  });
  test('end to end with countStatuses', () => {
    expect(describeStatusCounts(countStatuses([dl('Due soon'), null, dl('Closed')]))).toBe('1 open case: 0 overdue, 1 due soon, 0 on track; 1 closed.');
  });
});
