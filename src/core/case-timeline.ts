// The case's timeline: each milestone of the process (process.ts) on the case's
// path, with its date, or its due date when still to come; the deadline engine's
// next milestone is marked. Pure: `today` is a calendar day in the spreadsheet's zone.

import { formatDay, isoFromDay, type Day } from './calendar';
import type { CaseRecord } from './cases';
import { computeDeadline, type DeadlineSettings } from './deadlines';
import { PROCESS, dayIn, pathOf, type DateColumn, type MilestoneDeclaration, type Process } from './process';

type TimelineState = 'done' | 'next' | 'to come' | 'not needed';

export interface TimelineItem {
  label: string;
  /** yyyy-mm-dd when it happened. */
  date: string | null;
  /** yyyy-mm-dd when it is due (still to come). */
  due: string | null;
  state: TimelineState;
  note?: string;
}

const iso = (d: Day | null) => (d === null ? null : isoFromDay(d));

/** Each step of the process with its date, or its due date when still to come. */
export function caseTimeline(c: CaseRecord, today: Day, settings: DeadlineSettings, process: Process = PROCESS): TimelineItem[] {
  const path = pathOf(c) ?? 'possible violation';
  const closed = typeof c.closed === 'number';
  const items: { item: TimelineItem; milestone?: MilestoneDeclaration }[] = [
    { item: { label: 'Received', date: iso(dayIn(c, 'Received')), due: null, state: dayIn(c, 'Received') === null ? 'to come' : 'done' } },
  ];
  // While the case is open, what is reachable gets its due day (what waits for an earlier milestone has none yet).
  const dueOf = (m: MilestoneDeclaration) => (!closed && process.isReachable(m.id, c) ? iso(process.dueOf(m.id, c, settings)) : null);

  for (const m of process.declaration.milestones) {
    if ((m.path && m.path !== path) || m.words.timeline === null) continue;
    const item = entryFor(m, c, process, dueOf, closed);
    if (item) items.push({ item, milestone: m });
    // The sub-team's own target for a decision, once it set one.
    const target = process.declaration.target;
    if (m.id === target.metBy && dayIn(c, target.column) !== null) {
      const day = dayIn(c, target.column) as Day;
      const met = process.isDone(target.metBy, c);
      items.push({
        item: {
          label: target.words.timeline,
          date: null,
          due: iso(day),
          state: met ? 'done' : 'to come',
          ...(!met && !closed && day < today ? { note: target.words.passed } : {}),
        },
      });
    }
    // A temporary measure's end comes right after the decision.
    if (m.id === 'decision' && c.outcome === 'Temporary ban') {
      const end = dayIn(c, 'Outcome end date');
      items.push({
        item: {
          label: 'Temporary ban ends',
          date: null,
          due: iso(end),
          state: end !== null && end < today ? 'done' : 'to come',
          ...(end === null ? { note: 'End date missing' } : {}),
        },
      });
    }
  }

  // The deadline engine's next milestone marks its entry (with the engine's due date).
  const deadline = computeDeadline(c, today, settings, process);
  const next = items.find((i) => i.milestone?.id === deadline.milestone && i.item.state !== 'done');
  if (next && deadline.due !== null) {
    next.item.state = 'next';
    next.item.due = isoFromDay(deadline.due);
  }
  return items.map((i) => i.item);
}

function entryFor(
  m: MilestoneDeclaration,
  c: CaseRecord,
  process: Process,
  dueOf: (m: MilestoneDeclaration) => string | null,
  closed: boolean,
): TimelineItem | null {
  const label = m.words.timeline as string;
  const done = process.isDone(m.id, c);
  switch (m.id) {
    case 'assessment': {
      const path = pathOf(c);
      const over = done || c.stage === 'Closed';
      return {
        label,
        date: null,
        due: over ? null : dueOf(m),
        state: over ? 'done' : 'to come',
        ...(path ? { note: path === 'not a violation' ? 'Not a violation' : 'Possible violation' } : {}),
      };
    }
    case 'subTeam':
      return dated(label, dayIn(c, 'Sub-team formed'), null);
    case 'decision':
      return { label, date: null, due: null, state: done ? 'done' : 'to come', ...(done ? { note: c.outcome } : {}) };
    // An appeal shows only once one was received.
    case 'appeal':
      if (!done) return null;
      break;
    case 'appealResultToReporter':
    case 'appealResultToReported':
      if (!process.isDone('appeal', c)) return null;
      break;
    case 'appealReview':
      if (!process.isDone('appeal', c)) return null;
      return { ...dated(label, dayIn(c, 'Appeal decided'), dueOf(m)), ...(done ? { note: c.appealDecision } : {}) };
    case 'explained':
      return { ...dated(label, dayIn(c, 'Closed'), dueOf(m)), note: 'Explain the decision to the reporter, then close' };
    default:
      break;
  }
  const date = dayIn(c, m.columns[0] as DateColumn);
  if (m.repeats) {
    // A regular update: listed once its party was notified, until the response plan ends the cadence.
    const notified = m.after.every((a) => process.isDone(a, c));
    if (!notified) return null;
    const due = dueOf(m);
    return {
      label,
      date: null,
      due,
      state: due !== null && !closed ? 'to come' : 'not needed',
      note: date === null ? 'No update yet' : `Last update ${formatDay(date, 'EEE d MMM yyyy')}`,
    };
  }
  if (m.permission && c.permission !== m.permission && date === null) {
    // Refused: not needed. Not asked yet: it waits for the answer, and no clock runs on it.
    if (c.permission === 'No') return { label, date: null, due: null, state: 'not needed', note: 'Only with the reporter’s permission (No)' };
    return { label, date: null, due: null, state: 'to come', note: `Waits for the reporter’s permission (${c.permission || 'Not asked'}): no deadline until it is given` };
  }
  return dated(label, date, dueOf(m));
}

function dated(label: string, date: Day | null, due: string | null): TimelineItem {
  return { label, date: iso(date), due: date === null ? due : null, state: date === null ? 'to come' : 'done' };
}
