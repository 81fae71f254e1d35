// What the case panel shows of one case (JSON-safe: dates as yyyy-mm-dd), and the
// row's fingerprint that lets a step refuse when another member changed the row.

import { isDate, isoFromDay, type Day } from './calendar';
import { memberEntries } from './people';
import { stepLabel, stepViews, type PanelCase, type StepView } from './case-steps';
import { caseTimeline, type TimelineItem } from './case-timeline';
import { COLUMN_NAMES, COMPUTED_COLUMNS, type ColumnMap, type ColumnName, type Stage } from './columns';
import { computeDeadline, type DeadlineSettings } from './deadlines';
import { PROCESS, SUB_TEAM_STAGES, dayIn, type Process } from './process';
import { unavailability } from './roster';
import { rowProblems } from './row-checks';

export interface CasePanelView {
  caseId: string;
  stage: string;
  /** Fingerprint of the row as read; every step sends it back. */
  version: string;
  today: string;
  subTeam: string[];
  next: { action: string; due: string | null; status: string };
  timeline: TimelineItem[];
  steps: StepView[];
  /** What is wrong with the row, if anything (then no step is offered). */
  problems: string[];
  /** The sub-team's own target for a decision, yyyy-mm-dd, if it set one. */
  targetDecisionDate: string | null;
  /** Sub-team members the Roster says are unavailable today (IRT members, never a party). */
  unavailableMembers: { email: string; name: string; why: string }[];
  /** What the member should know before acting: a member unavailable, a target passed, a notification waiting. */
  notices: string[];
}

/** What the panel knows of a Roster member (only for the sub-team's availability). */
export type PanelRosterMember = { name: string; email: string; available: boolean; unavailableUntil: Day | null };

export function buildPanelView(
  c: PanelCase,
  version: string,
  today: Day,
  settings: DeadlineSettings,
  process: Process = PROCESS,
  roster: readonly PanelRosterMember[] = [],
): CasePanelView {
  const deadline = computeDeadline(c, today, settings, process);
  const open = typeof c.closed !== 'number' && c.stage !== 'Closed';
  const unavailableMembers = open && SUB_TEAM_STAGES.includes(c.stage as Stage) ? unavailableOf(c, roster, today) : [];
  const target = dayIn(c, process.declaration.target.column);
  const notices = [
    ...unavailableMembers.map((m) => `${m.name || m.email} is ${m.why}: replace them with “${stepLabel('replaceMember')}”.`),
    ...(open && target !== null && target < today && !process.isDone(process.declaration.target.metBy, c)
      ? [`${process.declaration.target.words.passed} (${isoFromDay(target)}).`]
      : []),
    ...(open && process.isDone('subTeam', c) && process.isReachable('permission', c) && !process.isDone('permission', c)
      ? [
          `The reported party’s notification waits for the reporter’s permission (${c.permission || 'Not asked'}): ` +
            `no deadline runs on it until it is Yes. Record the answer with “${stepLabel('permission')}”.`,
        ]
      : []),
  ];
  const steps = stepViews(c, today, settings, process);
  // An unavailable member comes first: replace them before anything else.
  if (unavailableMembers.length) steps.sort((a, b) => Number(b.id === 'replaceMember') - Number(a.id === 'replaceMember'));
  return {
    caseId: c.caseId,
    stage: c.stage,
    version,
    today: isoFromDay(today),
    subTeam: memberEntries(c.subTeam),
    next: { action: deadline.action, due: deadline.due === null ? null : isoFromDay(deadline.due), status: deadline.status },
    timeline: caseTimeline(c, today, settings, process),
    steps,
    problems: rowProblems(c),
    targetDecisionDate: target === null ? null : isoFromDay(target),
    unavailableMembers,
    notices,
  };
}

/** The sub-team's members whose Roster row says they cannot work on the case today. */
function unavailableOf(c: PanelCase, roster: readonly PanelRosterMember[], today: Day) {
  return memberEntries(c.subTeam).flatMap((email) => {
    const member = roster.find((m) => m.email.toLowerCase() === email.toLowerCase());
    const why = member ? unavailability(member, today) : null;
    return member && why ? [{ email: member.email, name: member.name, why }] : [];
  });
}


// ---- The row's fingerprint ------------------------------------------------------

/** The case columns a fingerprint covers: every canonical column but the computed ones. */
const VERSIONED_COLUMNS: readonly ColumnName[] = COLUMN_NAMES.filter(
  (name) => !(COMPUTED_COLUMNS as readonly string[]).includes(name),
);

/**
 * A fingerprint of a row's case cells (not the computed ones, which a refresh may
 * rewrite at any time): a step is refused when the row changed since the panel read it.
 */
export function rowVersion(row: readonly unknown[], map: ColumnMap): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  for (const name of VERSIONED_COLUMNS) {
    const index = map[name];
    const value = index === undefined ? undefined : row[index];
    const text = value === undefined ? 'u' : isDate(value) ? `d${value.getTime()}` : `${typeof value}:${String(value)}`;
    feed(`${name}\u0000${text}\u0001`);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
