// The reminder run's Log lines. Written under the document lock so a member's
// line written at the same moment never lands on the same row; when a member holds
// the lock longer than the run can wait, the lines are kept in a script property
// (the newest, bounded) for the next run's Log write and go to the execution log
// meanwhile: a run is never lost silently.

import { appendLog, type LogEntry } from '../sheets/log';
import { isLockBusy, withDocumentLock } from '../sheets/lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A run's Log write waits this long for the document lock. */
const RUN_LOG_LOCK_WAIT_MS = 30_000;
/** Log entries a run could not write (the tracker busy), written by the next run's Log write. */
const PENDING_LOG_PROPERTY = 'IRT_REMINDERS_PENDING_LOG';
const PENDING_LOG_MAX_CHARS = 8_000;

function readPendingLog(json: string | null): LogEntry[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value)
      ? value.filter((e): e is LogEntry => !!e && typeof e.action === 'string' && typeof e.caseId === 'string')
      : [];
  } catch {
    return [];
  }
}

/** Appends the entries (after any kept from an earlier run), or keeps them all for the next run. */
export function writeRunLog(spreadsheet: Spreadsheet, entries: LogEntry[]): void {
  const properties = PropertiesService.getScriptProperties();
  const all = [...readPendingLog(properties.getProperty(PENDING_LOG_PROPERTY)), ...entries];
  try {
    withDocumentLock(() => appendLog(spreadsheet, all), RUN_LOG_LOCK_WAIT_MS);
  } catch (error) {
    if (!isLockBusy(error)) throw error;
    const kept = all.map((e) => ({ ...e, detail: `(earlier run) ${e.detail ?? ''}`.slice(0, 600) }));
    while (kept.length > 1 && JSON.stringify(kept).length > PENDING_LOG_MAX_CHARS) kept.shift();
    let keptFor = 'kept for the next run';
    try {
      properties.setProperty(PENDING_LOG_PROPERTY, JSON.stringify(kept));
    } catch {
      keptFor = 'and could not be kept for the next run';
    }
    console.warn(`Reminder run: the Log could not be written (tracker busy), ${keptFor}: ${entries.map((e) => e.action).join(', ')}`);
    return;
  }
  if (all.length > entries.length) {
    try {
      properties.deleteProperty(PENDING_LOG_PROPERTY);
    } catch {
      // Written twice at worst: the next run's Log write repeats these lines.
    }
  }
}

