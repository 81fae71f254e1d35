// The daily reminder trigger: installed, replaced and removed here, found by the
// name of the function it runs. An installable trigger runs as the member who
// created it, so the digests go out from that member's account; who that is
// (and who else has one) is kept in script properties to tell the team.

import { appendLog } from '../sheets/log';
import { withDocumentLock } from '../sheets/lock';
import { effectiveUserEmail } from '../session/user';
import { isoFromDay, type Day } from '../core/calendar';
import { readSettings } from '../sheets/settings-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The top-level function the trigger runs (src/main.ts). */
const REMINDER_HANDLER = 'sendDeadlineReminders';
/** The top-level function of the one-off follow-up of a run that could not finish (src/main.ts). */
const FOLLOW_UP_HANDLER = 'continueDeadlineReminders';
/** A follow-up runs this long after the run that could not finish (the same day, once the tracker is free again). */
export const FOLLOW_UP_AFTER_MS = 10 * 60_000;
const REMINDER_STATE_PROPERTY = 'IRT_REMINDERS';
/** Follow-up runs one member's trigger may leave in a day (a tracker that never frees up must not retry forever). */
const MAX_FOLLOW_UPS_PER_DAY = 12;
/** `yyyy-mm-dd|count` of the follow-ups scheduled today. */
const FOLLOW_UPS_PROPERTY = 'IRT_REMINDERS_FOLLOW_UPS';

export interface ReminderState {
  /** Members who have a reminder trigger, most recent last. */
  owners: string[];
  /** Where cases without a sub-team go when Settings names no triage address: the member who last turned reminders on. */
  triage: string;
  hour: number;
  timeZone: string;
}

export interface ReminderSwitch {
  on: boolean;
  /** The member running this (the trigger's owner when turning on). */
  me: string;
  /** Other members whose triggers still run (this member cannot remove them). */
  others: string[];
  hour: number;
  timeZone: string;
  /** Our triggers removed (the old one when turning on again). */
  removed: number;
  triageFromSettings: boolean;
  settingsProblems: string[];
}

export function readReminderState(): ReminderState | null {
  const json = PropertiesService.getScriptProperties().getProperty(REMINDER_STATE_PROPERTY);
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Partial<ReminderState>;
    return {
      owners: Array.isArray(value.owners) ? value.owners.filter((o): o is string => typeof o === 'string') : [],
      triage: typeof value.triage === 'string' ? value.triage : '',
      hour: typeof value.hour === 'number' ? value.hour : 9,
      timeZone: typeof value.timeZone === 'string' ? value.timeZone : '',
    };
  } catch {
    return null;
  }
}

function writeReminderState(state: ReminderState | null): void {
  const properties = PropertiesService.getScriptProperties();
  if (state) properties.setProperty(REMINDER_STATE_PROPERTY, JSON.stringify(state));
  else properties.deleteProperty(REMINDER_STATE_PROPERTY);
}

/** The running member's reminder triggers (Apps Script lists only the current user's). */
export function ourTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REMINDER_HANDLER);
}

/** Deletes the running member's reminder triggers and pending follow-ups; returns how many daily ones. */
function removeReminderTriggers(): number {
  const all = ScriptApp.getProjectTriggers();
  let daily = 0;
  for (const trigger of all) {
    const handler = trigger.getHandlerFunction();
    if (handler === REMINDER_HANDLER) daily++;
    if (handler === REMINDER_HANDLER || handler === FOLLOW_UP_HANDLER) ScriptApp.deleteTrigger(trigger);
  }
  return daily;
}

/** What scheduling a follow-up came to: a new one, one already pending, or Google's refusal. */
export type FollowUp = { scheduled: 'new' } | { scheduled: 'pending' } | { scheduled: 'no'; error: string };

/**
 * A one-off trigger that runs the reminders again in FOLLOW_UP_AFTER_MS, unless
 * this member already has one pending: a run never piles up follow-ups.
 */
function scheduleFollowUp(): FollowUp {
  try {
    if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === FOLLOW_UP_HANDLER)) return { scheduled: 'pending' };
    ScriptApp.newTrigger(FOLLOW_UP_HANDLER).timeBased().after(FOLLOW_UP_AFTER_MS).create();
    return { scheduled: 'new' };
  } catch (error) {
    // E.g. the 20-triggers-per-member limit, or an add-on's one time-based trigger per document.
    return { scheduled: 'no', error: String((error as Error)?.message ?? error).slice(0, 200) };
  }
}

/** A follow-up for today, unless today's allowance is used up (only new ones count). */
export function requestFollowUp(today: Day): FollowUp {
  const properties = PropertiesService.getScriptProperties();
  const [day, count] = (properties.getProperty(FOLLOW_UPS_PROPERTY) ?? '').split('|');
  const used = day === isoFromDay(today) ? Number(count) || 0 : 0;
  if (used >= MAX_FOLLOW_UPS_PER_DAY) return { scheduled: 'no', error: `${MAX_FOLLOW_UPS_PER_DAY} follow-up runs today already` };
  const followUp = scheduleFollowUp();
  try {
    if (followUp.scheduled === 'new') properties.setProperty(FOLLOW_UPS_PROPERTY, `${isoFromDay(today)}|${used + 1}`);
  } catch {
    // Bookkeeping: the follow-up is scheduled all the same; at worst today allows one more.
  }
  return followUp;
}

/** A follow-up removes its own trigger (and any stray one of this member) before it runs: a one-off stays listed until deleted. */
export function removeFollowUps(): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === FOLLOW_UP_HANDLER) ScriptApp.deleteTrigger(trigger);
  }
}

/** Replaces the running member's reminder trigger with one daily at `hour` in `timeZone`. */
function installReminderTrigger(hour: number, timeZone: string): number {
  const removed = removeReminderTriggers();
  ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().atHour(hour).everyDays(1).inTimezone(timeZone).create();
  return removed;
}

/** One Log line; the caller holds the document lock (a member's line is never overwritten). */
function logSwitch(spreadsheet: Spreadsheet, action: string, detail: string): void {
  appendLog(spreadsheet, [{ caseId: '', action, detail }]);
}

export function turnRemindersOn(spreadsheet: Spreadsheet): ReminderSwitch {
  const { settings, problems } = readSettings(spreadsheet);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const me = effectiveUserEmail();
  // The owners are read, changed and written under the document lock with the trigger itself,
  // so two members switching at once never drop each other (a busy tracker changes nothing).
  const { removed, others } = withDocumentLock(() => {
    const removed = installReminderTrigger(settings.reminderHour, timeZone);
    const previous = readReminderState();
    const others = (previous?.owners ?? []).filter((o) => o !== me);
    writeReminderState({ owners: [...others, me], triage: me, hour: settings.reminderHour, timeZone });
    logSwitch(spreadsheet, 'Reminders turned on', `daily at ${settings.reminderHour}:00 (${timeZone})`);
    return { removed, others };
  });
  return {
    on: true,
    me,
    others,
    hour: settings.reminderHour,
    timeZone,
    removed,
    triageFromSettings: settings.triageEmails.length > 0,
    settingsProblems: problems,
  };
}

export function turnRemindersOff(spreadsheet: Spreadsheet): ReminderSwitch {
  const { settings } = readSettings(spreadsheet);
  const me = effectiveUserEmail();
  const { removed, previous, others } = withDocumentLock(() => {
    const removed = removeReminderTriggers();
    const previous = readReminderState();
    const others = (previous?.owners ?? []).filter((o) => o !== me);
    writeReminderState(previous && others.length ? { ...previous, owners: others } : null);
    logSwitch(spreadsheet, 'Reminders turned off', others.length ? `still on for ${others.length} other member${others.length === 1 ? '' : 's'}` : 'no daily run left');
    return { removed, previous, others };
  });
  return {
    on: others.length > 0,
    me,
    others,
    hour: previous?.hour ?? settings.reminderHour,
    timeZone: previous?.timeZone ?? spreadsheet.getSpreadsheetTimeZone(),
    removed,
    triageFromSettings: settings.triageEmails.length > 0,
    settingsProblems: [],
  };
}

const who = (email: string) => email || 'you';
const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The toast: which state is in force and whose account the digests come from. */
export function describeReminderSwitch(s: ReminderSwitch, action: 'on' | 'off'): string {
  const lines: string[] = [];
  if (action === 'on') {
    lines.push(
      `Reminders are ON: once a day around ${hourText(s.hour)} (${s.timeZone}), sent from ${who(s.me)}, who owns the trigger.`,
    );
    if (s.removed) lines.push('Your earlier reminder trigger was replaced.');
    lines.push(
      s.triageFromSettings
        ? 'Cases without a sub-team go to the triage emails in Settings.'
        : `Cases without a sub-team go to ${who(s.me)} (set Triage emails in Settings to change).`,
    );
    if (s.others.length)
      lines.push(`${s.others.join(', ')} also ${s.others.length === 1 ? 'has' : 'have'} a reminder trigger; each member still gets one digest a day.`);
    if (s.settingsProblems.length) lines.push(`Check Settings: ${s.settingsProblems.join('; ')}.`);
  } else if (s.on) {
    lines.push(
      `Reminders are still ON: the trigger of ${s.others.join(', ')} keeps running. ` +
        'Only the member who turned reminders on can turn theirs off.',
    );
    if (s.removed) lines.push('Your own reminder trigger was removed.');
  } else {
    lines.push(s.removed ? `Reminders are OFF: the trigger of ${who(s.me)} was removed.` : 'Reminders are OFF (no reminder trigger was running).');
  }
  return lines.join(' ');
}
