// The daily reminder run: lock → refresh (one read, one write) → read the
// Roster (one read: only its members receive a sub-team's digest) → decide the
// digests → skip those already sent today → send within the mail quota and the
// run's time budget, most overdue first → remember each send at once → one Log
// write. No UI: it runs from a time-driven trigger. A run that cannot start (the
// tracker busy) or finish (time up) logs it and leaves a one-off follow-up run.

import type { Day } from '../core/calendar';
import { readCase } from '../core/cases';
import { buildDigests, compareDigests, mayNeedReminder, type Digest, type ReminderCase } from '../core/reminders';
import { emailsIn } from '../core/people';
import { settingsWarning } from '../core/summary';
import { sentKey, sentOn, staleLedgerKeys } from '../core/sent-ledger';
import { sendDigestEmail } from '../mail/digest-mail';
import { sheetRow } from '../sheets/case-table';
import { today as todayIn } from '../sheets/clock';
import type { LogEntry } from '../sheets/log';
import { isLockBusy, withDocumentLock } from '../sheets/lock';
import { refreshAll } from '../sheets/refresh';
import { readRoster } from '../sheets/roster-sheet';
import { unavailability } from '../core/roster';
import { remindExpungeDue } from './expunge-due';
import { effectiveUserEmail } from '../session/user';
import { writeRunLog } from './run-log';
import { FOLLOW_UP_AFTER_MS, readReminderState, requestFollowUp, type FollowUp } from './trigger';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Nobody is waiting on a trigger run: it may wait longer than a member for a lock. */
const TRIGGER_LOCK_WAIT_MS = 30_000;
/** No digest is started after this much of the run: Apps Script ends an execution at 6 minutes, and the Log must still be written. */
const SEND_BUDGET_MS = 4 * 60_000;
/** Addresses named in one Log cell at most. */
const NAMED_MAX = 20;

interface SendResult {
  sent: string[];
  failed: { recipient: string; error: string }[];
  heldBack: string[];
  /** Not tried: the run's time budget was used up (a follow-up run sends them). */
  left: string[];
  /** Sent, but the ledger could not record it (a later run may send it again). */
  unrecorded: string[];
  alreadySent: number;
  quota: number | null;
}

export interface ReminderRun extends SendResult {
  /** False when the run could not start (the tracker busy): nothing was read or sent. */
  ran: boolean;
  /** Why the run could not start, or ''. */
  postponed: string;
  /** The follow-up asked for (a run that could not start or finish), or null. */
  followUp: FollowUp | null;
  digests: number;
  unassigned: number;
  blocked: number;
  /** Distinct Sub-team addresses that got nothing because they are not on the Roster. */
  notOnRoster: number;
  /** The Roster lists nobody: every case went to triage. */
  rosterEmpty: boolean;
}

const errorText = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 300);

/**
 * Sends the digests not yet sent today, within the remaining daily quota (those
 * with overdue cases first) and while `outOfTime()` is false. Each success is
 * recorded in its own ledger property straight away, so a run that dies half-way
 * is completed by the next without duplicates; a failed record is reported, never
 * allowed to stop the other sends. Stale ledger days are pruned afterwards.
 */
function sendDigests(digests: readonly Digest[], today: Day, dateFormat: string, outOfTime: () => boolean = () => false): SendResult {
  const properties = PropertiesService.getScriptProperties();
  const stored = properties.getProperties();
  const done = sentOn(stored, today);
  const pending = digests.filter((d) => !done.has(d.recipient.toLowerCase())).sort(compareDigests);
  const result: SendResult = { sent: [], failed: [], heldBack: [], left: [], unrecorded: [], alreadySent: digests.length - pending.length, quota: null };

  if (pending.length) {
    const quota = Math.max(0, MailApp.getRemainingDailyQuota());
    result.quota = quota;
    let remaining = quota;
    for (const digest of pending) {
      if (remaining <= 0) {
        result.heldBack.push(digest.recipient);
        continue;
      }
      if (outOfTime()) {
        result.left.push(digest.recipient);
        continue;
      }
      try {
        sendDigestEmail(digest, dateFormat);
      } catch (error) {
        result.failed.push({ recipient: digest.recipient, error: errorText(error) });
        continue;
      }
      result.sent.push(digest.recipient);
      remaining--;
      try {
        properties.setProperty(sentKey(today, digest.recipient), '1');
      } catch {
        result.unrecorded.push(digest.recipient);
      }
    }
  }
  for (const key of staleLedgerKeys(stored, today)) {
    if (outOfTime()) break; // the next run prunes the rest
    try {
      properties.deleteProperty(key);
    } catch {
      // Pruning is housekeeping: the next run tries again.
    }
  }
  return result;
}

function logEntries(run: ReminderRun): LogEntry[] {
  const entries: LogEntry[] = [
    {
      caseId: '',
      action: 'Reminders sent',
      detail:
        `${run.sent.length} sent, ${run.alreadySent} already sent today, ${run.failed.length} failed, ` +
        `${run.heldBack.length} held back (${run.digests} due)`,
    },
  ];
  for (const failure of run.failed) entries.push({ caseId: '', action: 'Reminder failed', detail: `${failure.recipient}: ${failure.error}` });
  if (run.heldBack.length)
    entries.push({
      caseId: '',
      action: 'Reminders held back',
      detail: `Daily email quota (${run.quota}) too small; not sent to: ${named(run.heldBack)}`,
    });
  if (run.left.length)
    entries.push({
      caseId: '',
      action: 'Reminders to finish',
      detail: `${run.left.length} digest(s) not sent before this run's time limit. ${describeFollowUp(run.followUp)}`,
    });
  if (run.unrecorded.length)
    entries.push({
      caseId: '',
      action: 'Reminders not recorded',
      detail: `${run.unrecorded.length} digest(s) went out but could not be recorded as sent, so a later run today may send them again: ${named(run.unrecorded)}`,
    });
  if (run.blocked)
    entries.push({
      caseId: '',
      action: 'Reminders blocked',
      detail: `${run.blocked} address(es) in a Sub-team cell or Triage emails belong to a party of a case and got no reminder: check the Sub-team column`,
    });
  if (run.rosterEmpty)
    entries.push({
      caseId: '',
      action: 'Reminders to triage only',
      detail: 'The Roster lists no members, so every reminder went to the triage address(es): add the team to the Roster',
    });
  else if (run.notOnRoster)
    entries.push({
      caseId: '',
      action: 'Reminders not on Roster',
      detail: `${run.notOnRoster} address(es) in a Sub-team cell are not on the Roster and got no reminder: check the Sub-team column or add the member to the Roster`,
    });
  if (run.unassigned)
    entries.push({
      caseId: '',
      action: 'Reminders unassigned',
      detail: `${run.unassigned} reminder(s) for cases without a sub-team have no recipient: set Triage emails in Settings`,
    });
  return entries;
}

/** The member who turned reminders on; if that was never recorded, the trigger's owner (who runs this). */
function fallbackTriage(): string {
  const stored = readReminderState()?.triage;
  return stored || effectiveUserEmail();
}

/** At most NAMED_MAX addresses, then how many more: a Log cell stays small whatever the team size. */
function named(addresses: readonly string[]): string {
  const shown = addresses.slice(0, NAMED_MAX).join(', ');
  return addresses.length > NAMED_MAX ? `${shown} and ${addresses.length - NAMED_MAX} more` : shown;
}

function describeFollowUp(followUp: FollowUp | null): string {
  if (!followUp) return '';
  if (followUp.scheduled === 'new') return `A follow-up run in about ${FOLLOW_UP_AFTER_MS / 60_000} minutes sends what is still due, nothing twice.`;
  if (followUp.scheduled === 'pending') return 'A follow-up run is already scheduled; it sends what is still due, nothing twice.';
  return `No follow-up run could be scheduled (${followUp.error}): the next daily run sends what is due then.`;
}

const NOT_RUN = { ran: false, digests: 0, unassigned: 0, blocked: 0, notOnRoster: 0, rosterEmpty: false, sent: [], failed: [], heldBack: [], left: [], unrecorded: [], alreadySent: 0, quota: null };

/** The run could not start: say so in the Log and leave a follow-up for later today. */
function postpone(spreadsheet: Spreadsheet, reason: string): ReminderRun {
  const followUp = requestFollowUp(todayIn(spreadsheet).day);
  writeRunLog(spreadsheet, [{ caseId: '', action: 'Reminders postponed', detail: `Nothing sent yet: ${reason}. ${describeFollowUp(followUp)}` }]);
  return { ...NOT_RUN, postponed: reason, followUp };
}

export function runDeadlineReminders(spreadsheet: Spreadsheet): ReminderRun {
  const started = Date.now();
  const outOfTime = () => Date.now() - started > SEND_BUDGET_MS;
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(TRIGGER_LOCK_WAIT_MS)) return postpone(spreadsheet, 'another reminder run was still going');
  try {
    let refreshed: ReturnType<typeof refreshAll>;
    try {
      // The document lock too, so a member's step saved meanwhile is not overwritten by this refresh.
      refreshed = withDocumentLock(() => refreshAll(spreadsheet), TRIGGER_LOCK_WAIT_MS);
    } catch (error) {
      if (isLockBusy(error)) return postpone(spreadsheet, 'a member was saving to the tracker for longer than the run could wait');
      throw error;
    }
    const { table, settings, settingsProblems, today, deadlines } = refreshed;
    const roster = readRoster(spreadsheet).members;
    const members = roster.map((m) => m.email);
    // Who the Roster says cannot work on a case today: their sub-teams' other members are told.
    const away = new Set(roster.filter((m) => unavailability(m, today) !== null).map((m) => m.email.toLowerCase()));
    const subTeamColumn = table.map['Sub-team'];
    const targetColumn = table.map['Target decision date'];
    const outcomeColumn = table.map.Outcome;
    const partyColumns = [table.map['Reporter email'], table.map['Reported party email']].filter((c): c is number => c !== undefined);
    const cases: ReminderCase[] = [];
    const parties = new Set<string>();
    table.rows.forEach((row, i) => {
      for (const c of partyColumns) for (const address of emailsIn(row[c])) parties.add(address);
      const unavailableMembers = subTeamColumn === undefined ? [] : emailsIn(row[subTeamColumn]).filter((e) => away.has(e));
      const targetSet = targetColumn !== undefined && String(row[targetColumn] ?? '').trim() !== '';
      // Only rows that can produce a reminder are parsed again.
      const outcome = outcomeColumn === undefined ? '' : String(row[outcomeColumn] ?? '');
      if (mayNeedReminder(deadlines[i], { outcome, targetSet, memberUnavailable: unavailableMembers.length > 0 }))
        cases.push({ row: sheetRow(i), record: readCase(row, table.map, table.timeZone), deadline: deadlines[i], unavailableMembers });
    });
    const plan = buildDigests({
      cases,
      settings,
      fallbackTriage: [fallbackTriage()],
      today,
      link: { url: spreadsheet.getUrl(), gid: table.sheet.getSheetId() },
      members,
      blockedRecipients: parties,
    });
    const sent = sendDigests(plan.digests, today, settings.emailDateFormat, outOfTime);
    const run: ReminderRun = {
      ...sent,
      ran: true,
      postponed: '',
      followUp: sent.left.length ? requestFollowUp(today) : null,
      digests: plan.digests.length,
      unassigned: plan.unassigned,
      blocked: plan.blocked,
      notOnRoster: plan.notOnRoster,
      rosterEmpty: members.length === 0,
    };
    const expunging = remindExpungeDue(spreadsheet, {
      table,
      settings,
      today,
      fallbackTriage: [fallbackTriage()],
      blocked: parties,
      waitMs: TRIGGER_LOCK_WAIT_MS,
    });
    const warning = settingsWarning(settingsProblems);
    writeRunLog(spreadsheet, [
      ...logEntries(run),
      ...expunging,
      ...(warning ? [{ caseId: '' as const, action: 'Settings problem', detail: warning }] : []),
    ]);
    return run;
  } finally {
    lock.releaseLock();
  }
}
