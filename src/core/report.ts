// The transparency report's figures: counts of reports and how they ended,
// appeals, and the team's timeliness against its own windows, for a period.
// Anonymous by construction: every count from 1 to 2 leaves here as "fewer than
// 3", a share or a median computed from fewer than 3 cases is left out, and no
// case's ID, date or text is in the result. Pure: `today` is a calendar day.

import { dayFromCell, dayFromIso, dayFromParts, isoFromDay, partsOfDay, type Day } from './calendar';
import { stepLabel } from './case-steps';
import { cellText, isBlankRow } from './cases';
import { APPEAL_DECISIONS, OUTCOMES, type ColumnMap, type ColumnName } from './columns';
import { PROCESS, type MilestoneId, type ProcessSettings } from './process';

/** The smallest count shown as a number (0 aside): smaller ones could point at one case. */
const MIN_SHOWN = 3;
export const FEWER_THAN_3 = 'fewer than 3';
export type Shown = number | typeof FEWER_THAN_3;

/** A count as it may be published: 0, or at least 3, or "fewer than 3". */
export function shown(count: number): Shown {
  return count > 0 && count < MIN_SHOWN ? FEWER_THAN_3 : count;
}

/**
 * Whole percent of `part` in `whole`, or null when `whole` is too small to publish
 * a share of, or when the share would give away a part shown as "fewer than 3".
 */
export function share(part: number, whole: number): number | null {
  return whole < MIN_SHOWN || shown(part) === FEWER_THAN_3 ? null : Math.round((100 * part) / whole);
}

/** The median of some numbers of days, or null when fewer than 3 (one case's delay must not show). */
export function median(values: readonly number[]): number | null {
  if (values.length < MIN_SHOWN) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Period {
  from: Day;
  to: Day;
}

/** Longest period a report covers (ten years), so the monthly table stays a table. */
const MAX_PERIOD_DAYS = 3660;

/** The period the dialog (or any caller) sent: two real yyyy-mm-dd dates, in order. */
export function parsePeriod(input: unknown): { ok: true; period: Period } | { ok: false; message: string } {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const day = (name: 'from' | 'to'): Day | string => {
    const value = raw[name];
    if (typeof value !== 'string' || value.trim() === '') return `the period needs a "${name}" date (yyyy-mm-dd)`;
    return dayFromIso(value.trim()) ?? `"${value.trim().slice(0, 20)}" is not a real date (yyyy-mm-dd)`;
  };
  const from = day('from');
  const to = day('to');
  if (typeof from === 'string') return { ok: false, message: from };
  if (typeof to === 'string') return { ok: false, message: to };
  if (to < from) return { ok: false, message: 'the period ends before it starts' };
  if (to - from > MAX_PERIOD_DAYS) return { ok: false, message: 'the period is longer than ten years' };
  return { ok: true, period: { from, to } };
}

type Party = 'reporter' | 'reportedParty';

/** What the report needs of one case. Nothing identifying: no ID, no name, no text. */
export interface ReportCase {
  received: Day | null;
  stage: string;
  assessment: string;
  outcome: string;
  permission: string;
  firstReplySent: Day | null;
  subTeamFormed: Day | null;
  reporterNotified: Day | null;
  reportedPartyNotified: Day | null;
  /** The day the decision was recorded (its Log line), else the day the response plan went out. */
  decided: Day | null;
  closed: Day | null;
  appealReceived: Day | null;
  appealDecision: string;
  /** Updates recorded in the Log, by party and day. */
  updates: { party: Party; day: Day }[];
}

const LOG_UPDATE: Record<string, Party> = {
  [stepLabel('updateReporter')]: 'reporter',
  [stepLabel('updateReportedParty')]: 'reportedParty',
};
const LOG_DECISION = stepLabel('decision');

/** Log columns the report reads (Time, Case ID, Action); the rest of the Log is never looked at. */
export interface LogColumns {
  time: number;
  caseId: number;
  action: number;
}

/**
 * The report's view of the tracker: each case row with its Log events joined by
 * Case ID (the ID is used for the join only and dropped). Blank rows are skipped.
 */
export function reportCases(
  rows: readonly (readonly unknown[])[],
  map: ColumnMap,
  timeZone: string,
  log: readonly (readonly unknown[])[],
  logColumns: LogColumns,
): ReportCase[] {
  const key = (id: unknown) => cellText(id, timeZone).toLowerCase();
  const events = new Map<string, { updates: { party: Party; day: Day }[]; decided: Day | null }>();
  for (const line of log) {
    const id = key(line[logColumns.caseId]);
    const action = cellText(line[logColumns.action], timeZone);
    const day = dayFromCell(line[logColumns.time], timeZone);
    if (id === '' || typeof day !== 'number') continue;
    const entry = events.get(id) ?? { updates: [], decided: null };
    if (LOG_UPDATE[action]) entry.updates.push({ party: LOG_UPDATE[action], day });
    else if (action === LOG_DECISION && (entry.decided === null || day < entry.decided)) entry.decided = day;
    else continue;
    events.set(id, entry);
  }
  const text = (row: readonly unknown[], name: ColumnName | string) => {
    const index = map[name as ColumnName];
    return index === undefined ? '' : cellText(row[index], timeZone);
  };
  const day = (row: readonly unknown[], name: ColumnName) => {
    const index = map[name];
    const value = index === undefined ? null : dayFromCell(row[index], timeZone);
    return typeof value === 'number' ? value : null;
  };
  return rows
    .filter((row) => !isBlankRow(row, map))
    .map((row) => {
      const joined = events.get(key(map['Case ID'] === undefined ? '' : row[map['Case ID']])) ?? { updates: [], decided: null };
      return {
        received: day(row, 'Received'),
        stage: text(row, 'Stage'),
        // The Assessment column, where the tracker has one (it keeps the assessment after closing).
        assessment: text(row, 'Assessment'),
        outcome: text(row, 'Outcome'),
        permission: text(row, 'Permission to notify reported party'),
        firstReplySent: day(row, 'First reply sent'),
        subTeamFormed: day(row, 'Sub-team formed'),
        reporterNotified: day(row, 'Reporter notified'),
        reportedPartyNotified: day(row, 'Reported party notified'),
        decided: joined.decided ?? day(row, 'Response plan sent'),
        closed: day(row, 'Closed'),
        appealReceived: day(row, 'Appeal received'),
        appealDecision: text(row, 'Appeal decision'),
        updates: joined.updates,
      };
    });
}

const NOT_A_VIOLATION = 'Not a violation';
const STILL_OPEN = 'Still open';
const UNDER_REVIEW = 'Under review';
export const OUTCOME_LABELS = [NOT_A_VIOLATION, ...OUTCOMES, STILL_OPEN] as const;
const APPEAL_RESULT_LABELS = [...APPEAL_DECISIONS, UNDER_REVIEW] as const;

/**
 * How a case ended: its outcome when one is recorded; not a violation when so
 * assessed, or closed without an outcome; otherwise still open.
 */
export function endingOf(c: ReportCase): (typeof OUTCOME_LABELS)[number] {
  if ((OUTCOMES as readonly string[]).includes(c.outcome)) return c.outcome as (typeof OUTCOMES)[number];
  if (c.assessment === NOT_A_VIOLATION || c.stage === NOT_A_VIOLATION || c.closed !== null) return NOT_A_VIOLATION;
  return STILL_OPEN;
}

export interface Labelled {
  label: string;
  count: Shown;
}

export interface OnTime {
  /** How many were within the window. */
  onTime: Shown;
  /** How many were owed (done, or whose window has passed). */
  owed: Shown;
  /** Whole percent; null when fewer than 3 were owed. */
  share: number | null;
  windowDays: number;
}

export interface TransparencyReport {
  /** yyyy-mm-dd. */
  from: string;
  to: string;
  received: Shown;
  outcomes: Labelled[];
  appealsReceived: Shown;
  appealResults: Labelled[];
  firstReplies: OnTime;
  medianDaysToFirstReply: number | null;
  partiesNotified: OnTime;
  updates: OnTime;
  medianDaysToDecision: number | null;
  medianDaysToClose: number | null;
  /** One row per calendar month of the period, yyyy-mm. */
  months: { month: string; count: Shown }[];
}

type Windows = ProcessSettings;

/** Each owed milestone: true when met by its due day, false when late or missed (its due day passed without it). */
function onTime(met: readonly boolean[], windowDays: number): OnTime {
  const done = met.filter(Boolean).length;
  return { onTime: shown(done), owed: shown(met.length), share: share(done, met.length), windowDays };
}

function monthsOf(period: Period): { key: string; first: Day; last: Day }[] {
  const months: { key: string; first: Day; last: Day }[] = [];
  let { year, month } = partsOfDay(period.from);
  for (;;) {
    const first = dayFromParts(year, month, 1);
    if (first > period.to) break;
    const next = month === 12 ? dayFromParts(year + 1, 1, 1) : dayFromParts(year, month + 1, 1);
    months.push({ key: isoFromDay(first).slice(0, 7), first, last: next - 1 });
    year = partsOfDay(next).year;
    month = partsOfDay(next).month;
  }
  return months;
}

/**
 * The figures for the reports received in the period (appeals: those received in
 * the period). A deadline still running today is not counted either way.
 */
export function buildReport(cases: readonly ReportCase[], period: Period, today: Day, windows: Windows): TransparencyReport {
  const inPeriod = (d: Day | null): d is Day => d !== null && d >= period.from && d <= period.to;
  const received = cases.filter((c) => inPeriod(c.received));

  const endings = new Map<string, number>();
  for (const c of received) endings.set(endingOf(c), (endings.get(endingOf(c)) ?? 0) + 1);

  const appeals = cases.filter((c) => inPeriod(c.appealReceived));
  const results = new Map<string, number>();
  for (const c of appeals) {
    const label = (APPEAL_DECISIONS as readonly string[]).includes(c.appealDecision) ? c.appealDecision : UNDER_REVIEW;
    results.set(label, (results.get(label) ?? 0) + 1);
  }

  // Each owed milestone, met or not, by its due day in the process declaration; one still running today is not counted.
  const met = (id: MilestoneId, base: Day, done: Day | null, into: boolean[]) => {
    const due = PROCESS.dueFrom(id, base, windows);
    if (done !== null) into.push(done <= due);
    else if (due < today) into.push(false);
  };
  const replies: boolean[] = [];
  const notified: boolean[] = [];
  const updates: boolean[] = [];
  for (const c of received) {
    met('firstReply', c.received as Day, c.firstReplySent, replies);

    if (c.subTeamFormed !== null) {
      met('reporterNotified', c.subTeamFormed, c.reporterNotified, notified);
      if (c.reportedPartyNotified !== null || c.permission === 'Yes') met('reportedPartyNotified', c.subTeamFormed, c.reportedPartyNotified, notified);
    }

    // Each recorded update against the previous contact with that party (its notification first).
    const notifiedOn: Record<Party, Day | null> = { reporter: c.reporterNotified, reportedParty: c.reportedPartyNotified };
    const updateOf: Record<Party, MilestoneId> = { reporter: 'updateReporter', reportedParty: 'updateReportedParty' };
    for (const party of ['reporter', 'reportedParty'] as const) {
      let previous = notifiedOn[party];
      for (const update of c.updates.filter((u) => u.party === party).sort((a, b) => a.day - b.day)) {
        if (previous !== null) met(updateOf[party], previous, update.day, updates);
        previous = update.day;
      }
    }
  }

  const delays = (pick: (c: ReportCase) => Day | null) =>
    received.map((c) => pick(c)).flatMap((d, i) => (d === null ? [] : [d - (received[i].received as Day)]));

  return {
    from: isoFromDay(period.from),
    to: isoFromDay(period.to),
    received: shown(received.length),
    outcomes: OUTCOME_LABELS.map((label) => ({ label, count: shown(endings.get(label) ?? 0) })),
    appealsReceived: shown(appeals.length),
    appealResults: APPEAL_RESULT_LABELS.map((label) => ({ label, count: shown(results.get(label) ?? 0) })),
    firstReplies: onTime(replies, PROCESS.windowOf('firstReply', windows)),
    medianDaysToFirstReply: median(delays((c) => c.firstReplySent)),
    partiesNotified: onTime(notified, PROCESS.windowOf('reporterNotified', windows)),
    updates: onTime(updates, PROCESS.windowOf('updateReporter', windows)),
    medianDaysToDecision: median(delays((c) => c.decided)),
    medianDaysToClose: median(delays((c) => c.closed)),
    months: monthsOf(period).map((m) => ({
      month: m.key,
      count: shown(received.filter((c) => (c.received as Day) >= m.first && (c.received as Day) <= m.last).length),
    })),
  };
}
