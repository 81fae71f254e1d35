// The deadline engine: for a case, what must happen next, by which calendar day,
// and how urgent that is. Rules are tried in the process's order; the first that
// applies wins. Pure: `today` is a calendar day in the spreadsheet's zone.

import type { Day } from './calendar';
import type { CaseRecord, DateField } from './cases';
import { DATE_FIELDS, isBlankRow, readCase } from './cases';
import { OUTCOMES, PERMISSIONS, STAGES, outcomeEndDateProblem, type ColumnMap, type DeadlineStatus } from './columns';
import type { Settings } from './settings';
import { subTeamProblem } from './people';

export interface Deadline {
  /** What to do next; for `Check data`, what is wrong with the row (naming the column). */
  action: string;
  due: Day | null;
  status: DeadlineStatus;
}

export type DeadlineSettings = Pick<
  Settings,
  'replyWindowDays' | 'assessmentWindowDays' | 'notifyWindowDays' | 'updateIntervalDays' | 'outcomeNoticeWindowDays' | 'dueSoonDays'
>;

export function statusFor(due: Day, today: Day, dueSoonDays: number): DeadlineStatus {
  if (due < today) return 'Overdue';
  if (due <= today + dueSoonDays) return 'Due soon';
  return 'On track';
}

const checkData = (reason: string): Deadline => ({ action: reason, due: null, status: 'Check data' });

/** Either the next step or a reason the row cannot be computed. */
type Step = { action: string; due: Day } | { problem: string } | { closed: true };

function nextStep(c: CaseRecord, s: DeadlineSettings): Step {
  // 1. Everything is counted from receipt.
  if (c.received === null) return { problem: 'Received is missing' };
  if (c.received === 'invalid') return { problem: 'Received is not a date' };
  const received = c.received;

  // 2. A closed case owes nothing.
  if (c.closed === 'invalid') return { problem: 'Closed is not a date' };
  if (c.closed !== null) return { closed: true };

  // 3. The row must say where the case stands, in the tracker's own words.
  if (!(STAGES as readonly string[]).includes(c.stage))
    return { problem: c.stage === '' ? 'Stage is missing' : `Stage "${c.stage}" is not one of ${STAGES.join(', ')}` };
  if (c.stage === 'Closed') return { problem: 'Stage is Closed but the Closed date is missing' };
  const badDate = (Object.keys(DATE_FIELDS) as DateField[]).find((f) => c[f] === 'invalid');
  if (badDate) return { problem: `${DATE_FIELDS[badDate]} is not a date` };
  if (c.permission !== '' && !(PERMISSIONS as readonly string[]).includes(c.permission))
    return { problem: `Permission to notify reported party "${c.permission}" is not one of ${PERMISSIONS.join(', ')}` };
  if (c.outcome !== '' && !(OUTCOMES as readonly string[]).includes(c.outcome))
    return { problem: `Outcome "${c.outcome}" is not one of ${OUTCOMES.join(', ')}` };

  // 4. The reporter hears from us first.
  if (c.firstReplySent === null) return { action: 'Reply to reporter', due: received + s.replyWindowDays };

  // 5-6. Initial assessment.
  if (c.stage === 'Not a violation')
    return { action: 'Explain decision to reporter and close', due: received + s.assessmentWindowDays };
  if (c.stage === 'Received' || c.stage === 'Assessing')
    return { action: 'Finish initial assessment', due: received + s.assessmentWindowDays };

  // 7. From here on a sub-team owns the case.
  const teamProblem = c.subTeam === '' ? 'Sub-team is missing' : subTeamProblem(c.subTeam);
  if (teamProblem) return { problem: teamProblem };
  if (c.subTeamFormed === null) return { problem: 'Sub-team formed is missing' };
  const formed = c.subTeamFormed as Day;

  // 8. Parties are told the next steps; the reported party only with the reporter's permission.
  const reporterOwed = c.reporterNotified === null;
  const reportedOwed = c.permission === 'Yes' && c.reportedPartyNotified === null;
  if (reporterOwed || reportedOwed) {
    const action = reporterOwed && reportedOwed ? 'Notify both parties' : reporterOwed ? 'Notify reporter' : 'Notify reported party';
    return { action, due: formed + s.notifyWindowDays };
  }

  // 9. A temporary measure needs its end date; a permanent ban or no action has none.
  const endProblem = outcomeEndDateProblem(c.outcome, c.outcomeEndDate !== null);
  if (endProblem) return { problem: endProblem };

  // 10-11. Closing the loop with the reporter.
  if (c.reporterToldOutcome !== null) return { action: 'Close the case', due: c.reporterToldOutcome as Day };
  if (c.responsePlanSent !== null)
    return { action: 'Tell reporter the outcome', due: (c.responsePlanSent as Day) + s.outcomeNoticeWindowDays };

  // 12. Regular updates to every notified party until the plan is sent.
  const reporterDue = ((c.lastUpdateToReporter ?? c.reporterNotified) as Day) + s.updateIntervalDays;
  const reportedNotified = c.reportedPartyNotified !== null;
  const reportedDue = reportedNotified
    ? ((c.lastUpdateToReportedParty ?? c.reportedPartyNotified) as Day) + s.updateIntervalDays
    : Infinity;
  const due = Math.min(reporterDue, reportedDue);
  if (c.stage === 'Decision' && c.outcome !== '') return { action: 'Send response plan', due };
  const action = reporterDue === reportedDue ? 'Update both parties' : reporterDue < reportedDue ? 'Update reporter' : 'Update reported party';
  return { action, due };
}

export function computeDeadline(c: CaseRecord, today: Day, settings: DeadlineSettings): Deadline {
  const step = nextStep(c, settings);
  if ('problem' in step) return checkData(step.problem);
  if ('closed' in step) return { action: '', due: null, status: 'Closed' };
  return { action: step.action, due: step.due, status: statusFor(step.due, today, settings.dueSoonDays) };
}

/** The computed cells of one sheet row; null for a wholly blank row (left empty). */
export function deadlineForRow(
  row: readonly unknown[],
  map: ColumnMap,
  timeZone: string,
  today: Day,
  settings: DeadlineSettings,
): Deadline | null {
  if (isBlankRow(row, map)) return null;
  return computeDeadline(readCase(row, map, timeZone), today, settings);
}
