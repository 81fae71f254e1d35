// Refresh deadlines from the menu: under the document lock, recompute every row and
// write one Log line (counts only); a chosen column whose header is gone, and Case ID
// problems, are named in the message and in the same Log write.

import { lostColumnsWarning } from '../core/column-mapping';
import { dataWarning, describeStatusCounts, settingsWarning } from '../core/summary';
import { withDocumentLock } from '../sheets/lock';
import { appendLog, type LogEntry } from '../sheets/log';
import { caseIdProblemEntries, refreshAll } from '../sheets/refresh';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The member's one-line summary of the refresh. */
export function refreshDeadlinesNow(spreadsheet: Spreadsheet): string {
  return withDocumentLock(() => {
    const { counts, settingsProblems, caseIdProblems, table } = refreshAll(spreadsheet);
    const lost: LogEntry[] = table.lost.length ? [{ caseId: '', action: 'Column missing', detail: table.lost.map((l) => `${l.column}: ${l.header}`).join('; ') }] : [];
    appendLog(spreadsheet, [...caseIdProblemEntries(caseIdProblems), ...lost, { caseId: '', action: 'Deadlines refreshed', detail: describeStatusCounts(counts) }]);
    return [describeStatusCounts(counts), settingsWarning(settingsProblems), dataWarning(caseIdProblems), lostColumnsWarning(table.lost)].filter(Boolean).join(' ');
  });
}
