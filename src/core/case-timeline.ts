// The case's timeline: each step of the process with its date, or its due date
// when still to come. Pure: `today` is a calendar day in the spreadsheet's zone.

import { formatDay, isoFromDay, type Day } from './calendar';
import type { CaseRecord, DateField } from './cases';
import { isSet, SUB_TEAM_STAGES, type PanelCase } from './case-steps';
import { computeDeadline, type DeadlineSettings } from './deadlines';

export type TimelineState = 'done' | 'next' | 'to come' | 'not needed';

export interface TimelineItem {
  label: string;
  /** yyyy-mm-dd when it happened. */
  date: string | null;
  /** yyyy-mm-dd when it is due (still to come). */
  due: string | null;
  state: TimelineState;
  note?: string;
}

/** Which timeline entry each next action of the deadline engine belongs to. */
const ACTION_ITEM: Record<string, string> = {
  'Reply to reporter': 'First reply sent',
  'Finish initial assessment': 'Initial assessment',
  'Explain decision to reporter and close': 'Closed',
  'Notify reporter': 'Reporter notified',
  'Notify both parties': 'Reporter notified',
  'Notify reported party': 'Reported party notified',
  'Update reporter': 'Next update to reporter',
  'Update both parties': 'Next update to reporter',
  'Update reported party': 'Next update to reported party',
  'Send response plan': 'Response plan sent',
  'Tell reporter the outcome': 'Reporter told outcome',
  'Close the case': 'Closed',
};

/** Each step of the process with its date, or its due date when still to come. */
export function caseTimeline(c: PanelCase, today: Day, settings: DeadlineSettings): TimelineItem[] {
  const iso = (d: Day | null) => (d === null ? null : isoFromDay(d));
  const day = (v: CaseRecord[DateField]) => (typeof v === 'number' ? v : null);
  const items: TimelineItem[] = [];
  const add = (label: string, date: Day | null, due: Day | null, note?: string, notNeeded = false) =>
    items.push({
      label,
      date: iso(date),
      due: date === null ? iso(due) : null,
      state: date !== null ? 'done' : notNeeded ? 'not needed' : 'to come',
      ...(note ? { note } : {}),
    });

  const received = day(c.received);
  add('Received', received, null);
  add('First reply sent', day(c.firstReplySent), received === null ? null : received + settings.replyWindowDays);

  const assessDue = received === null ? null : received + settings.assessmentWindowDays;
  const assessed = c.stage === 'Not a violation' || SUB_TEAM_STAGES.includes(c.stage) || (c.stage === 'Closed' && c.subTeam !== '');
  items.push({
    label: 'Initial assessment',
    date: null,
    due: assessed || c.stage === 'Closed' ? null : iso(assessDue),
    state: assessed || c.stage === 'Closed' ? 'done' : 'to come',
    ...(assessed ? { note: c.stage === 'Not a violation' ? 'Not a violation' : 'Possible violation' } : {}),
  });

  const notAViolation = c.stage === 'Not a violation' || (c.stage === 'Closed' && c.subTeam === '' && !isSet(c.subTeamFormed));
  if (!notAViolation) {
    const formed = day(c.subTeamFormed);
    add('Sub-team formed', formed, null);
    const notifyDue = formed === null ? null : formed + settings.notifyWindowDays;
    add('Reporter notified', day(c.reporterNotified), notifyDue);
    const permitted = c.permission === 'Yes';
    add(
      'Reported party notified',
      day(c.reportedPartyNotified),
      permitted ? notifyDue : null,
      permitted || isSet(c.reportedPartyNotified) ? undefined : `Only with the reporter’s permission (${c.permission || 'Not asked'})`,
      !permitted,
    );
    const planSent = day(c.responsePlanSent);
    const updates = (label: string, last: Day | null, notified: Day | null) => {
      if (notified === null) return;
      const base = last ?? notified;
      items.push({
        label,
        date: null,
        due: planSent === null && !isSet(c.closed) ? isoFromDay(base + settings.updateIntervalDays) : null,
        state: planSent === null && !isSet(c.closed) ? 'to come' : 'not needed',
        note: last === null ? 'No update yet' : `Last update ${formatDay(last, 'EEE d MMM yyyy')}`,
      });
    };
    updates('Next update to reporter', day(c.lastUpdateToReporter), day(c.reporterNotified));
    updates('Next update to reported party', day(c.lastUpdateToReportedParty), day(c.reportedPartyNotified));
    items.push({
      label: 'Decision',
      date: null,
      due: null,
      state: c.outcome !== '' ? 'done' : 'to come',
      ...(c.outcome !== '' ? { note: c.outcome } : {}),
    });
    if (c.outcome === 'Temporary ban')
      items.push({
        label: 'Temporary ban ends',
        date: null,
        due: iso(day(c.outcomeEndDate)),
        state: isSet(c.outcomeEndDate) && (c.outcomeEndDate as Day) < today ? 'done' : 'to come',
        ...(isSet(c.outcomeEndDate) ? {} : { note: 'End date missing' }),
      });
    add('Response plan sent', planSent, null);
    add('Reporter told outcome', day(c.reporterToldOutcome), planSent === null ? null : planSent + settings.outcomeNoticeWindowDays);
    add('Closed', day(c.closed), day(c.reporterToldOutcome));
  } else {
    add('Closed', day(c.closed), assessDue, 'Explain the decision to the reporter, then close');
  }

  // The deadline engine's next action marks its entry (with the engine's due date).
  const deadline = computeDeadline(c, today, settings);
  const label = ACTION_ITEM[deadline.action];
  const item = label ? items.find((i) => i.label === label && i.state !== 'done') : undefined;
  if (item && deadline.due !== null) {
    item.state = 'next';
    item.due = isoFromDay(deadline.due);
  }
  return items;
}

