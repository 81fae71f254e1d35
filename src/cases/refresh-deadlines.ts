// Refresh deadlines from the menu: under the document lock, recompute every row;
// a chosen column whose header is gone is named in the message and in the Log.

import { lostColumnsWarning } from '../core/column-mapping';
import { dataWarning, describeStatusCounts, settingsWarning } from '../core/summary';
import { withDocumentLock } from '../sheets/lock';
import { appendLog } from '../sheets/log';
import { logCaseIdProblems, refreshAll } from '../sheets/refresh';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The member's one-line summary of the refresh. */
export function refreshDeadlinesNow(spreadsheet: Spreadsheet): string {
  return withDocumentLock(() => {
    const { counts, settingsProblems, caseIdProblems, table } = refreshAll(spreadsheet);
    logCaseIdProblems(spreadsheet, caseIdProblems);
    if (table.lost.length)
      appendLog(spreadsheet, [{ caseId: '', action: 'Column missing', detail: table.lost.map((l) => `${l.column}: ${l.header}`).join('; ') }]);
    return [describeStatusCounts(counts), settingsWarning(settingsProblems), dataWarning(caseIdProblems), lostColumnsWarning(table.lost)].filter(Boolean).join(' ');
  });
}
