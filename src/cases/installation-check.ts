// Check this installation: asks the real spreadsheet and services what only Google
// can answer, each as a named check that passed or failed with what was seen and
// what to do. Leaves nothing behind (the temporary sheet and the test draft are
// removed in `finally`), holds the document lock only to take and release it (and
// to write the Log line), and reads the cases sheet's header only: its calls do not
// grow with the tracker.

import { dayOfInstant } from '../core/calendar';
import {
  CHECK,
  formulaMismatches,
  formulaSamples,
  judgeCalendar,
  judgeFormulas,
  judgeRoundTrip,
  judgeTrigger,
  sampleFormulas,
  summarize,
  type InstallCheck,
  type InstallationReport,
} from '../core/installation';
import { createGmailDraft, deleteGmailDraft } from '../mail/gmail-draft';
import { remainingMailQuota } from '../mail/quota';
import { activeUserEmail, effectiveUserEmail } from '../session/user';
import { findCasesSheet, matchCaseHeaders, savedLater } from '../sheets/case-table';
import { evaluateFormulas, readRoundTrip, withTemporarySheet, writeSamples } from '../sheets/check-sheet';
import { saveFormulaSeparator } from '../sheets/formula-form';
import { withDocumentLock } from '../sheets/lock';
import { appendLog } from '../sheets/log';
import { HEADER_ROW } from '../sheets/names';
import { readSettings } from '../sheets/settings-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The reminder trigger as main sees it (the trigger module sits beside this one). */
export interface TriggerState {
  mine: number;
  owners: string[];
}

const LOCK_CHECK_WAIT_MS = 3_000;
const PROPERTY_KEY = 'IRT_INSTALLATION_CHECK';

const errorText = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 300);

/** Runs one check; a check that throws has failed, with Google's message as what was seen. */
function attempt(name: string, todo: string, check: () => InstallCheck | InstallCheck[]): InstallCheck[] {
  try {
    const result = check();
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    return [{ name, passed: false, seen: `It failed: ${errorText(error)}`, todo }];
  }
}

function trackerCheck(spreadsheet: Spreadsheet): InstallCheck {
  const saved = savedLater(spreadsheet);
  const sheet = findCasesSheet(spreadsheet, saved);
  if (!sheet) return { name: CHECK.tracker, passed: false, seen: 'No cases sheet was found.', todo: 'Run IRT Tracker → Set up tracker.' };
  const width = sheet.getLastColumn();
  const header = width > 0 ? sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0] : [];
  const { missing, lost } = matchCaseHeaders(header, saved);
  if (missing.length)
    return {
      name: CHECK.tracker,
      passed: false,
      seen: `The ${sheet.getName()} sheet has no ${missing.join(', ')} column${lost.length ? ` (your chosen header${lost.length === 1 ? ' is' : 's are'} gone: ${lost.map((l) => l.header).join(', ')})` : ''}.`,
      todo: 'Run IRT Tracker → Set up tracker.',
    };
  const rows = Math.max(0, sheet.getLastRow() - HEADER_ROW);
  return { name: CHECK.tracker, passed: true, seen: `The ${sheet.getName()} sheet has every tracker column and ${rows} row${rows === 1 ? '' : 's'} below its header.`, todo: '' };
}

function sheetChecks(spreadsheet: Spreadsheet): InstallCheck[] {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const today = dayOfInstant(new Date(), timeZone);
  const { dueSoonDays } = readSettings(spreadsheet).settings;
  return withTemporarySheet(spreadsheet, (sheet) => {
    const samples = formulaSamples(today, dueSoonDays);
    writeSamples(sheet, samples, today, timeZone);
    const checks: InstallCheck[] = [];
    checks.push(...attempt(CHECK.values, 'Tell the add-on’s maintainers what this check saw.', () => judgeRoundTrip(today, readRoundTrip(sheet, samples.length + 1, timeZone), timeZone)));
    checks.push(
      ...attempt(CHECK.highlighting, 'Run the check again; if it fails again, tell the add-on’s maintainers what it saw.', () => {
        const comma = formulaMismatches(samples, evaluateFormulas(sheet, sampleFormulas(samples, dueSoonDays, ',')));
        const commaOk = comma.colours.length + comma.validation.length === 0;
        const semicolon = commaOk ? null : formulaMismatches(samples, evaluateFormulas(sheet, sampleFormulas(samples, dueSoonDays, ';')));
        const judged = judgeFormulas(comma, semicolon);
        if (judged.separator) saveFormulaSeparator(judged.separator);
        return judged.checks;
      }),
    );
    return checks;
  });
}

function lockCheck(): InstallCheck {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_CHECK_WAIT_MS))
    return {
      name: CHECK.lock,
      passed: false,
      seen: `The document lock could not be had within ${LOCK_CHECK_WAIT_MS / 1000} s.`,
      todo: 'Another member or the reminder run may be saving: run the check again in a minute. If it keeps failing, saving a case will fail too; tell the add-on’s maintainers.',
    };
  lock.releaseLock();
  return { name: CHECK.lock, passed: true, seen: 'Taken and released at once.', todo: '' };
}

function propertyCheck(): InstallCheck {
  const properties = PropertiesService.getDocumentProperties();
  const token = `check ${new Date().getTime()}`;
  try {
    properties.setProperty(PROPERTY_KEY, token);
    const read = properties.getProperty(PROPERTY_KEY);
    return read === token
      ? { name: CHECK.property, passed: true, seen: 'A property was written and read back.', todo: '' }
      : { name: CHECK.property, passed: false, seen: `A property read back as ${JSON.stringify(read)}.`, todo: 'Case IDs and reminders keep their state here: tell the add-on’s maintainers.' };
  } finally {
    properties.deleteProperty(PROPERTY_KEY);
  }
}

function quotaCheck(): InstallCheck {
  const quota = remainingMailQuota();
  return quota > 0
    ? { name: CHECK.quota, passed: true, seen: `${quota} more email${quota === 1 ? '' : 's'} can be sent from your account today.`, todo: '' }
    : { name: CHECK.quota, passed: false, seen: 'Your account can send no more email today.', todo: 'Reminder digests sent as you would wait until tomorrow; the member whose trigger runs them needs quota left.' };
}

function draftCheck(me: string): InstallCheck {
  if (me === '')
    return { name: CHECK.draft, passed: false, seen: 'Google did not tell the add-on your address.', todo: 'Run the check from your own account, signed in to Google.' };
  let id: string | null = null;
  let deleted = false;
  try {
    id = createGmailDraft({ to: me, subject: 'IRT Tracker installation check (deleted at once)', text: 'This draft was made by Check this installation and is deleted at once.' });
    deleteGmailDraft(id);
    deleted = true;
    return { name: CHECK.draft, passed: true, seen: `A draft to ${me} was created and deleted.`, todo: '' };
  } finally {
    // A draft left behind would sit in the member's Drafts: try once more.
    if (id !== null && !deleted) {
      try {
        deleteGmailDraft(id);
      } catch {
        // reported by the check itself
      }
    }
  }
}

const DRAFT_TODO =
  'Drafting emails needs the gmail.compose permission and the Gmail advanced service: reload the spreadsheet and accept the permissions; in Google Workspace an admin may need to allow the project (Admin console → Security → API controls).';

export function runInstallationCheck(spreadsheet: Spreadsheet, triggers: () => TriggerState): InstallationReport {
  const me = activeUserEmail() || effectiveUserEmail();
  const checks: InstallCheck[] = [
    ...attempt(CHECK.tracker, 'Run IRT Tracker → Set up tracker.', () => trackerCheck(spreadsheet)),
    ...attempt(CHECK.calendar, 'Tell the add-on’s maintainers what this check saw.', () => {
      const timeZone = spreadsheet.getSpreadsheetTimeZone();
      const now = new Date();
      return judgeCalendar(dayOfInstant(now, timeZone), Utilities.formatDate(now, timeZone, 'yyyy-MM-dd'), timeZone);
    }),
    ...attempt(CHECK.values, 'The add-on could not use a temporary sheet: check you may edit this spreadsheet.', () => sheetChecks(spreadsheet)),
    ...attempt(CHECK.lock, 'Run the check again in a minute.', lockCheck),
    ...attempt(CHECK.property, 'Tell the add-on’s maintainers what this check saw.', propertyCheck),
    ...attempt(CHECK.trigger, 'Turn reminders on again (IRT Tracker → Turn reminders on).', () => {
      const { mine, owners } = triggers();
      return judgeTrigger(mine, owners, me);
    }),
    ...attempt(CHECK.quota, 'Reload the spreadsheet and accept the permissions (script.send_mail).', quotaCheck),
    ...attempt(CHECK.draft, DRAFT_TODO, () => draftCheck(me)),
  ];
  const report = summarize(checks);
  try {
    withDocumentLock(() => appendLog(spreadsheet, [{ caseId: '', action: 'Installation checked', detail: report.summary }]));
  } catch {
    // The lock check already says why; the dialog still shows everything.
  }
  return report;
}
