// Counts of cases by deadline status, and how to say them in one line.
import type { DeadlineStatus } from './columns';
import type { Deadline } from './deadlines';

export type StatusCounts = Record<DeadlineStatus, number>;

export function countStatuses(deadlines: readonly (Deadline | null)[]): StatusCounts {
  const counts: StatusCounts = { Overdue: 0, 'Due soon': 0, 'On track': 0, Closed: 0, 'Check data': 0 };
  for (const d of deadlines) if (d) counts[d.status]++;
  return counts;
}

export function describeStatusCounts(counts: StatusCounts): string {
  const open = counts.Overdue + counts['Due soon'] + counts['On track'] + counts['Check data'];
  if (open + counts.Closed === 0) return 'No cases yet.';
  const parts = [`${counts.Overdue} overdue`, `${counts['Due soon']} due soon`, `${counts['On track']} on track`];
  if (counts['Check data']) parts.push(`${counts['Check data']} to check`);
  return `${open} open case${open === 1 ? '' : 's'}: ${parts.join(', ')}; ${counts.Closed} closed.`;
}

/** Settings that could not be read, so their defaults are in force: '' when there are none. */
export function settingsWarning(problems: readonly string[]): string {
  return problems.length ? `Check the Settings sheet (defaults used): ${problems.join('; ')}.` : '';
}

/** Data problems found while refreshing (each already a sentence): '' when there are none. */
export function dataWarning(problems: readonly { problem: string }[]): string {
  return problems.map((p) => `${p.problem}.`).join(' ');
}
