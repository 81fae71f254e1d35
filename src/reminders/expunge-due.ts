// The daily run's part in forgetting on time: it counts the records due to be
// expunged and tells the triage members (a count only, once a day). It expunges
// them itself only when Settings says `Expunge automatically: Yes`, under the
// document lock, on a fresh read.

import { isoFromDay, type Day } from '../core/calendar';
import { emailsIn } from '../core/people';
import type { Settings } from '../core/settings';
import { sendExpungeNotice } from '../mail/expunge-notice';
import { readCaseTable, type CaseTable } from '../sheets/case-table';
import { dueRecords, expungeRows } from '../sheets/expunge-rows';
import { withDocumentLock } from '../sheets/lock';
import type { LogEntry } from '../sheets/log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The day the triage members were last told (one notice a day, however many runs). */
const EXPUNGE_NOTICE_PROPERTY = 'IRT_EXPUNGE_NOTICE_DAY';

export interface ExpungeDueInput {
  table: CaseTable;
  settings: Pick<Settings, 'triageEmails' | 'expungeAutomatically'>;
  today: Day;
  /** Used when Settings names no triage address. */
  fallbackTriage: readonly string[];
  /** Addresses of parties of any case: never sent anything. */
  blocked: ReadonlySet<string>;
  waitMs: number;
}

export function remindExpungeDue(spreadsheet: Spreadsheet, input: ExpungeDueInput): LogEntry[] {
  const { settings, today } = input;
  let count = dueRecords(input.table, today).length;
  if (count === 0) return [];
  const entries: LogEntry[] = [];
  if (settings.expungeAutomatically) {
    // The Log lines of each expunged case are written by expungeRows itself.
    try {
      count = withDocumentLock(() => {
        const fresh = readCaseTable(spreadsheet);
        const ids = dueRecords(fresh, today).map((d) => d.caseId);
        return ids.length ? expungeRows(spreadsheet, fresh, ids, today).caseIds.length : 0;
      }, input.waitMs);
    } catch (error) {
      // Nothing was expunged (expungeRows writes all or nothing): the next run tries again.
      return [{ caseId: '', action: 'Automatic expunging postponed', detail: String((error as Error)?.message ?? error).slice(0, 300) }];
    }
    if (count === 0) return [];
  }

  const properties = PropertiesService.getScriptProperties();
  if (properties.getProperty(EXPUNGE_NOTICE_PROPERTY) === isoFromDay(today)) return entries;
  const triage = emailsIn(settings.triageEmails.length ? settings.triageEmails : input.fallbackTriage).filter((a) => !input.blocked.has(a));
  let told = 0;
  for (const address of triage) {
    try {
      sendExpungeNotice(address, count, settings.expungeAutomatically, spreadsheet.getUrl());
      told++;
    } catch (error) {
      entries.push({ caseId: '', action: 'Expunge reminder failed', detail: `${address}: ${String((error as Error)?.message ?? error).slice(0, 200)}` });
    }
  }
  if (told) properties.setProperty(EXPUNGE_NOTICE_PROPERTY, isoFromDay(today));
  entries.push({
    caseId: '',
    action: settings.expungeAutomatically ? 'Records expunged automatically' : 'Records due to be expunged',
    detail: `${count} record(s); ${told} triage member(s) told`,
  });
  return entries;
}
