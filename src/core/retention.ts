// Forgetting on time: how long a closed case keeps its identifying details (per
// outcome, from Settings), which cases are due to be expunged, which cells
// expunging replaces, and why a case may not be expunged yet. Pure.

import { addMonths, dayFromCell, isoFromDay, type Day } from './calendar';
import { cellText } from './cases';
import type { ColumnMap, ColumnName } from './columns';
import { emailsIn } from './people';
import type { Settings } from './settings';

export const EXPUNGED = 'Expunged';

/**
 * Every cell that says who or what a case was about. Expunging replaces each with
 * `Expunged`; dates, stage, assessment, outcome and the sub-team stay for the
 * statistics. Columns a tracker lacks are skipped (some come with later versions).
 */
export const IDENTIFYING_COLUMNS: readonly string[] = [
  'Reporter name',
  'Reporter email',
  'Reporter time zone',
  'Reported party name',
  'Reported party email',
  'Reported party time zone',
  'Summary',
  'Where',
  'Help desk link',
  'Channel',
  'Findings',
  'Requested action',
  'Behaviour description',
  'Conflicts',
];

export type KeepSettings = Pick<
  Settings,
  | 'keepNotViolationMonths'
  | 'keepNoActionMonths'
  | 'keepCorrectionMonths'
  | 'keepWarningMonths'
  | 'keepTemporaryBanMonths'
  | 'keepPermanentBanMonths'
>;

/**
 * The day after which a case closed on `closed` may be expunged, or null when it is
 * kept (a permanent ban, or a setting of Never). A temporary ban counts from its end
 * date (or the closing day when that is later or missing); a case without an outcome
 * was not a violation.
 */
export function expungeDate(outcome: string, closed: Day, endDate: Day | null, keep: KeepSettings): Day | null {
  const months: Record<string, number | null> = {
    Correction: keep.keepCorrectionMonths,
    Warning: keep.keepWarningMonths,
    'Temporary ban': keep.keepTemporaryBanMonths,
    'Permanent ban': keep.keepPermanentBanMonths,
    'No action': keep.keepNoActionMonths,
  };
  const n = outcome in months ? months[outcome] : keep.keepNotViolationMonths;
  if (n === null) return null;
  const from = outcome === 'Temporary ban' && endDate !== null && endDate > closed ? endDate : closed;
  return addMonths(from, n);
}

/** What expunging needs of a case row. */
export interface RetentionCase {
  caseId: string;
  closed: Day | null;
  expungeAfter: Day | null;
  appealReceived: Day | null;
  appealDecision: string;
  reportedPartyEmail: string;
  /** Every identifying cell the row has already reads Expunged (or is empty). */
  expunged: boolean;
}

export function readRetentionCase(row: readonly unknown[], map: ColumnMap, timeZone: string): RetentionCase {
  const text = (name: string) => {
    const index = map[name as ColumnName];
    return index === undefined ? '' : cellText(row[index], timeZone);
  };
  const day = (name: ColumnName) => {
    const value = map[name] === undefined ? null : dayFromCell(row[map[name] as number], timeZone);
    return typeof value === 'number' ? value : null;
  };
  const identifying = IDENTIFYING_COLUMNS.map(text);
  return {
    caseId: text('Case ID'),
    closed: day('Closed'),
    expungeAfter: day('Expunge after'),
    appealReceived: day('Appeal received'),
    appealDecision: text('Appeal decision'),
    reportedPartyEmail: text('Reported party email'),
    expunged: identifying.some((v) => v === EXPUNGED) && identifying.every((v) => v === EXPUNGED || v === ''),
  };
}

/** An appeal received and not yet decided: the case is still being heard. */
const isUnderAppeal = (c: Pick<RetentionCase, 'appealReceived' | 'appealDecision'>) =>
  c.appealReceived !== null && c.appealDecision === '';

/** Why the case may not be expunged today; null when it may. */
export function expungeRefusal(c: RetentionCase, today: Day): string | null {
  if (c.closed === null) return 'the case is open';
  if (isUnderAppeal(c)) return 'the case is under appeal';
  if (c.expunged) return 'it is already expunged';
  if (c.expungeAfter === null) return 'it has no Expunge after date';
  if (c.expungeAfter >= today) return `its Expunge after date (${isoFromDay(c.expungeAfter)}) has not passed`;
  return null;
}

export interface DueRecord {
  caseId: string;
  /** yyyy-mm-dd. */
  closed: string;
  expungeAfter: string;
}

/** The cases past their Expunge after date that may be expunged today: IDs and dates only. */
export function dueForExpunging(cases: readonly RetentionCase[], today: Day): DueRecord[] {
  return cases
    .filter((c) => c.caseId !== '' && expungeRefusal(c, today) === null)
    .map((c) => ({ caseId: c.caseId, closed: isoFromDay(c.closed as Day), expungeAfter: isoFromDay(c.expungeAfter as Day) }));
}

/**
 * Earlier cases naming the same reported party (by email, case-insensitively) and
 * not yet expunged: a repeat report resets their clock. The new case itself is excluded.
 */
export function earlierCasesOfParty(cases: readonly RetentionCase[], email: string, except: string): RetentionCase[] {
  // Through the people parser, so `Pat <pat@x.org>` and `mailto:pat@x.org` are the same party.
  const wanted = new Set(emailsIn(email));
  if (wanted.size === 0) return [];
  return cases.filter((c) => c.caseId !== except && !c.expunged && emailsIn(c.reportedPartyEmail).some((e) => wanted.has(e)));
}

/** The daily run's word to the triage members: a count and where to act, nothing about any case. */
export function expungeNotice(count: number, expungedAutomatically: boolean, url: string): { subject: string; text: string } {
  const records = `${count} record${count === 1 ? '' : 's'}`;
  return expungedAutomatically
    ? {
        subject: `IRT: ${records} expunged automatically`,
        text: `${records} past their Expunge after date ${count === 1 ? 'was' : 'were'} expunged automatically today (Settings: Expunge automatically is Yes).\n\nThe tracker: ${url}\n`,
      }
    : {
        subject: `IRT: ${records} due to be expunged`,
        text: `${records} ${count === 1 ? 'is' : 'are'} past ${count === 1 ? 'its' : 'their'} Expunge after date. To expunge ${count === 1 ? 'it' : 'them'}, open the tracker and choose IRT Tracker → Expunge due records….\n\nThe tracker: ${url}\n`,
      };
}
