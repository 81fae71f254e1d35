// Who must hear about which case today. Pure: given the parsed cases, their
// computed deadlines, the settings and today, decides one digest per recipient.
//
// A digest item carries only what a member needs to act and nothing a
// shoulder-reader could learn a party from: the case ID, the next action (one
// of the engine's own phrases), the due day, the status and a link to the row.
// No cell text other than the case ID ever reaches a digest, and the case ID only
// when it looks like an identifier (an adopted tracker's "ID" may be a sentence
// naming the parties): otherwise the case is named by its row. A `Check data`
// reason (which may quote the row) is reduced to the name of the column to fix.
//
// Only IRT members receive digests: a Sub-team address must be on the Roster.
// Triage addresses (Settings, or the member who turned reminders on) are the
// team's own configuration and are trusted without the Roster. No digest ever
// goes to an address that belongs to a party of any case.

import type { Day } from './calendar';
import type { CaseRecord } from './cases';
import { COLUMN_NAMES, type ColumnName } from './columns';
import type { Deadline } from './deadlines';
import { emailsIn } from './people';
import { PROCESS, dayIn, type Process } from './process';
import type { Settings } from './settings';

/** How an item reads in a digest; a ban follow-up counts as `Due soon`. */
export type ReminderStatus = 'Overdue' | 'Due soon' | 'Check data';

export interface ReminderCase {
  /** Sheet row number (1-based) of the case. */
  row: number;
  record: CaseRecord;
  /** The computed deadline; null for a blank row. */
  deadline: Deadline | null;
  /** Lower-cased addresses of the sub-team members the Roster says are unavailable today. */
  unavailableMembers?: readonly string[];
}

export interface DigestItem {
  caseId: string;
  action: string;
  due: Day | null;
  status: ReminderStatus;
  link: string;
  row: number;
}

export interface Digest {
  /** Lower-cased address. */
  recipient: string;
  /** Overdue first, then due soon, then rows to fix; earliest due first within each. */
  items: DigestItem[];
  /** Opens the cases sheet (for "and N more"). */
  trackerLink: string;
  overdue: number;
  dueSoon: number;
  checkData: number;
}

export interface ReminderPlan {
  /** Digests with the most pressing first: those with overdue cases lead (the quota order). */
  digests: Digest[];
  /** Items nobody could be found for (no sub-team and no triage address). */
  unassigned: number;
  /** Distinct addresses left out because they belong to a party of some case. */
  blocked: number;
  /** Distinct Sub-team addresses left out because they are not on the Roster. */
  notOnRoster: number;
}

export interface SpreadsheetLink {
  /** `Spreadsheet.getUrl()`. */
  url: string;
  /** `Sheet.getSheetId()` of the cases sheet. */
  gid: number;
}

export interface ReminderInput {
  cases: readonly ReminderCase[];
  settings: Pick<Settings, 'dueSoonDays' | 'triageEmails'>;
  /** Used when Settings names no triage address: the member who turned reminders on. */
  fallbackTriage: readonly string[];
  today: Day;
  link: SpreadsheetLink;
  /**
   * The Roster's member emails. A Sub-team address not among them gets no digest;
   * a case none of whose sub-team is listed goes to triage (so an empty Roster
   * sends every case to triage).
   */
  members: Iterable<string>;
  /**
   * Addresses that must never get a digest: every reporter's and reported party's
   * email in the tracker, so a party's address typed into a Sub-team cell by
   * mistake never receives one.
   */
  blockedRecipients?: Iterable<string>;
}

const FIX_ROW_ACTION = 'Fix the row';

/**
 * Whether a case may be in a digest at all (the reminder run parses only these
 * rows again): its status is one the process lists, or its Outcome has a follow-up
 * (a closed temporary ban still ends on a day worth a word).
 */
export function mayNeedReminder(
  deadline: Deadline | null,
  row: { outcome: string; targetSet?: boolean; memberUnavailable?: boolean },
  process: Process = PROCESS,
): boolean {
  if (!deadline) return false;
  const { statuses, followUps } = process.declaration.digest;
  if (statuses.includes(deadline.status) || followUps.some((f) => f.outcome === row.outcome.trim())) return true;
  // An open case may also be worth a word for its target date or an unavailable member.
  return deadline.status !== 'Closed' && (!!row.targetSet || !!row.memberUnavailable);
}

/**
 * A Case ID cell shown in a digest: at most 40 letters, digits and `# . _ / -`,
 * starting with a letter or digit and holding at least one digit (`IRT-2026-007`,
 * `C-12`, `GH#42`). Anything else (spaces, `@`, brackets, a bare word such as
 * `Zoe-Sam`) may carry a name and stays in the sheet.
 */
const CASE_ID_TOKEN = /^[A-Za-z0-9][A-Za-z0-9#._\/-]{0,39}$/;

export function isCaseIdToken(text: string): boolean {
  return CASE_ID_TOKEN.test(text) && /[0-9]/.test(text);
}

/** How a digest names a case: its ID when that is a plain identifier, else `Row N`. */
export function caseLabel(caseId: string, row: number): string {
  return isCaseIdToken(caseId) ? caseId : `Row ${row}`;
}

/** The link that opens the spreadsheet at the cases sheet. */
function sheetLink(link: SpreadsheetLink): string {
  return `${link.url}#gid=${link.gid}`;
}

/** The link that opens the spreadsheet at a case's row. */
export function rowLink(link: SpreadsheetLink, row: number): string {
  return `${sheetLink(link)}&range=A${row}`;
}

// Longest names first so "Outcome end date" wins over "Outcome", "Sub-team formed" over "Sub-team".
const COLUMNS_LONGEST_FIRST = [...COLUMN_NAMES].sort((a, b) => b.length - a.length);

/** The column a `Check data` reason is about, or null; the reason itself never leaves the sheet. */
export function columnOfProblem(reason: string): ColumnName | null {
  for (const name of COLUMNS_LONGEST_FIRST) {
    if (reason.startsWith(name) && (reason.length === name.length || /[\s"]/.test(reason[name.length]))) return name;
  }
  return null;
}

export function fixRowAction(reason: string): string {
  const column = columnOfProblem(reason);
  return column ? `${FIX_ROW_ACTION}: check ${column}` : FIX_ROW_ACTION;
}

const STATUS_RANK: Record<ReminderStatus, number> = { Overdue: 0, 'Due soon': 1, 'Check data': 2 };

function compareItems(a: DigestItem, b: DigestItem): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    (a.due ?? Infinity) - (b.due ?? Infinity) ||
    a.row - b.row ||
    a.action.localeCompare(b.action)
  );
}

/** Overdue-heavy digests first: when the mail quota is short, these go out. */
export function compareDigests(a: Digest, b: Digest): number {
  return (
    Number(b.overdue > 0) - Number(a.overdue > 0) ||
    b.overdue - a.overdue ||
    b.dueSoon + b.checkData - (a.dueSoon + a.checkData) ||
    (a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : 0)
  );
}

/** What a case asks of someone today: nothing, its deadline, a fix, and/or a follow-up. */
function itemsForCase(
  c: ReminderCase,
  today: Day,
  dueSoonDays: number,
  link: SpreadsheetLink,
  process: Process = PROCESS,
): DigestItem[] {
  const items: DigestItem[] = [];
  const base = { caseId: caseLabel(c.record.caseId, c.row), link: rowLink(link, c.row), row: c.row };
  const d = c.deadline;
  const { statuses, followUps } = process.declaration.digest;
  if (d && statuses.includes(d.status)) {
    if (d.status === 'Check data') items.push({ ...base, action: fixRowAction(d.action), due: null, status: 'Check data' });
    else if (d.status === 'Overdue' || d.status === 'Due soon') items.push({ ...base, action: d.action, due: d.due, status: d.status });
  }
  // A follow-up's day is worth a word to the sub-team, even once the case is closed.
  for (const followUp of followUps) {
    const end = dayIn(c.record, followUp.date);
    if (d && c.record.outcome === followUp.outcome && end !== null && end >= today && end <= today + dueSoonDays)
      items.push({ ...base, action: followUp.words, due: end, status: 'Due soon' });
  }
  // The sub-team's own target for a decision, passed without one.
  const { target } = process.declaration;
  const targetDay = dayIn(c.record, target.column);
  if (d && d.status !== 'Closed' && targetDay !== null && targetDay < today && !process.isDone(target.metBy, c.record))
    items.push({ ...base, action: target.words.passed, due: targetDay, status: 'Overdue' });
  return items;
}

/** For the other members of a sub-team: one of them is unavailable today (never who, nor any party's name). */
function unavailableItem(c: ReminderCase, today: Day, link: SpreadsheetLink, process: Process = PROCESS): DigestItem | null {
  if (!c.unavailableMembers?.length || !c.deadline || c.deadline.status === 'Closed') return null;
  return {
    caseId: caseLabel(c.record.caseId, c.row),
    link: rowLink(link, c.row),
    row: c.row,
    action: process.declaration.digest.memberUnavailable,
    due: today,
    status: 'Due soon',
  };
}

export function buildDigests(input: ReminderInput): ReminderPlan {
  const { settings, today, link } = input;
  const blockedList = new Set([...(input.blockedRecipients ?? [])].map((a) => a.trim().toLowerCase()));
  const members = new Set([...input.members].map((a) => a.trim().toLowerCase()));
  const blocked = new Set<string>();
  const notOnRoster = new Set<string>();
  const notParties = (addresses: string[]) =>
    addresses.filter((a) => {
      if (!blockedList.has(a)) return true;
      blocked.add(a);
      return false;
    });
  const onRoster = (addresses: string[]) =>
    addresses.filter((a) => {
      if (members.has(a)) return true;
      notOnRoster.add(a);
      return false;
    });
  // Triage is the team's explicit configuration: trusted without the Roster, never a party.
  const triage = notParties(emailsIn(settings.triageEmails.length ? settings.triageEmails : input.fallbackTriage));
  const byRecipient = new Map<string, DigestItem[]>();
  let unassigned = 0;
  const add = (recipient: string, items: readonly DigestItem[]) => {
    const list = byRecipient.get(recipient) ?? [];
    list.push(...items);
    byRecipient.set(recipient, list);
  };
  for (const c of input.cases) {
    const items = itemsForCase(c, today, settings.dueSoonDays, link);
    const away = unavailableItem(c, today, link);
    if (items.length === 0 && !away) continue;
    // An open appeal is its reviewers' to hear, not the sub-team's.
    const team = c.deadline?.milestone === 'appealReview' ? c.record.appealReviewers : c.record.subTeam;
    const subTeam = onRoster(notParties(emailsIn(team)));
    const recipients = subTeam.length ? subTeam : triage;
    if (recipients.length === 0) {
      unassigned += items.length + (away ? 1 : 0);
      continue;
    }
    for (const recipient of recipients) if (items.length) add(recipient, items);
    // The unavailable member's own digest does not carry it; the others' do.
    if (away) for (const recipient of subTeam.filter((r) => !c.unavailableMembers?.includes(r))) add(recipient, [away]);
  }
  const digests: Digest[] = [];
  for (const [recipient, items] of byRecipient) {
    items.sort(compareItems);
    digests.push({
      recipient,
      items,
      trackerLink: sheetLink(link),
      overdue: items.filter((i) => i.status === 'Overdue').length,
      dueSoon: items.filter((i) => i.status === 'Due soon').length,
      checkData: items.filter((i) => i.status === 'Check data').length,
    });
  }
  digests.sort(compareDigests);
  return { digests, unassigned, blocked: blocked.size, notOnRoster: notOnRoster.size };
}
