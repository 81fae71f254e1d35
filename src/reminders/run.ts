// The daily reminder run: lock → refresh (one read, one write) → read the
// Roster (one read: only its members receive a sub-team's digest) → decide the
// digests → skip those already sent today → send within the mail quota, most
// overdue first → remember each send at once → one Log write. No UI: it runs
// from a time-driven trigger.

import type { Day } from '../core/calendar';
import { readCase } from '../core/cases';
import type { Deadline } from '../core/deadlines';
import { buildDigests, compareDigests, type Digest, type ReminderCase } from '../core/reminders';
import { emailsIn } from '../core/people';
import { settingsWarning } from '../core/summary';
import { LEDGER_PROPERTY, hasSent, parseLedger, recordSent, serializeLedger } from '../core/sent-ledger';
import { sendDigestEmail } from '../mail/digest-mail';
import { sheetRow } from '../sheets/case-table';
import { appendLog, type LogEntry } from '../sheets/log';
import { withDocumentLock } from '../sheets/lock';
import { refreshAll } from '../sheets/refresh';
import { readRoster } from '../sheets/roster-sheet';
import { effectiveUserEmail } from '../session/user';
import { readReminderState } from './trigger';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Nobody is waiting on a trigger run: it may wait longer than a member for the document lock. */
export const TRIGGER_LOCK_WAIT_MS = 30_000;
/** A second run waits this long for the first before giving up (it would find everything sent anyway). */
export const REMINDER_LOCK_WAIT_MS = 1_000;

export interface SendResult {
  sent: string[];
  failed: { recipient: string; error: string }[];
  heldBack: string[];
  alreadySent: number;
  quota: number | null;
}

export interface ReminderRun extends SendResult {
  /** False when another run held the lock: nothing was read or sent. */
  ran: boolean;
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
 * with overdue cases first). Each success is recorded in the ledger straight away,
 * so a run that dies half-way is completed by the next without duplicates.
 */
export function sendDigests(digests: readonly Digest[], today: Day, dateFormat: string): SendResult {
  const properties = PropertiesService.getScriptProperties();
  let ledger = parseLedger(properties.getProperty(LEDGER_PROPERTY));
  const pending = digests.filter((d) => !hasSent(ledger, today, d.recipient)).sort(compareDigests);
  const result: SendResult = { sent: [], failed: [], heldBack: [], alreadySent: digests.length - pending.length, quota: null };
  if (pending.length === 0) return result;

  const quota = Math.max(0, MailApp.getRemainingDailyQuota());
  result.quota = quota;
  let remaining = quota;
  for (const digest of pending) {
    if (remaining <= 0) {
      result.heldBack.push(digest.recipient);
      continue;
    }
    try {
      sendDigestEmail(digest, dateFormat);
    } catch (error) {
      result.failed.push({ recipient: digest.recipient, error: errorText(error) });
      continue;
    }
    ledger = recordSent(ledger, today, digest.recipient);
    properties.setProperty(LEDGER_PROPERTY, serializeLedger(ledger, today));
    result.sent.push(digest.recipient);
    remaining--;
  }
  return result;
}

/** Only rows that can produce a reminder are parsed again (a closed temporary ban may still need a follow-up). */
function mayNeedReminder(row: readonly unknown[], outcomeColumn: number | undefined, deadline: Deadline | null): boolean {
  if (!deadline) return false;
  if (deadline.status === 'Overdue' || deadline.status === 'Due soon' || deadline.status === 'Check data') return true;
  return outcomeColumn !== undefined && String(row[outcomeColumn]).trim() === 'Temporary ban';
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
      detail: `Daily email quota (${run.quota}) too small; not sent to: ${run.heldBack.join(', ')}`,
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

export function runDeadlineReminders(spreadsheet: Spreadsheet): ReminderRun {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(REMINDER_LOCK_WAIT_MS))
    return { ran: false, digests: 0, unassigned: 0, blocked: 0, notOnRoster: 0, rosterEmpty: false, sent: [], failed: [], heldBack: [], alreadySent: 0, quota: null };
  try {
    // The document lock too, so a member's step saved meanwhile is not overwritten by this refresh.
    const { table, settings, settingsProblems, today, deadlines } = withDocumentLock(() => refreshAll(spreadsheet), TRIGGER_LOCK_WAIT_MS);
    const members = readRoster(spreadsheet).members.map((m) => m.email);
    const outcomeColumn = table.map.Outcome;
    const partyColumns = [table.map['Reporter email'], table.map['Reported party email']].filter((c): c is number => c !== undefined);
    const cases: ReminderCase[] = [];
    const parties = new Set<string>();
    table.rows.forEach((row, i) => {
      for (const c of partyColumns) for (const address of emailsIn(row[c])) parties.add(address);
      if (mayNeedReminder(row, outcomeColumn, deadlines[i]))
        cases.push({ row: sheetRow(i), record: readCase(row, table.map, table.timeZone), deadline: deadlines[i] });
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
    const sent = sendDigests(plan.digests, today, settings.emailDateFormat);
    const run: ReminderRun = {
      ...sent,
      ran: true,
      digests: plan.digests.length,
      unassigned: plan.unassigned,
      blocked: plan.blocked,
      notOnRoster: plan.notOnRoster,
      rosterEmpty: members.length === 0,
    };
    const warning = settingsWarning(settingsProblems);
    // Under the document lock: a member's log line written at the same moment must not land on the same row.
    const entries = [...logEntries(run), ...(warning ? [{ caseId: '', action: 'Settings problem', detail: warning }] : [])];
    withDocumentLock(() => appendLog(spreadsheet, entries), TRIGGER_LOCK_WAIT_MS);
    return run;
  } finally {
    lock.releaseLock();
  }
}
