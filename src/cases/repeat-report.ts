// A repeat report resets the clock: when a new case names a reported party who
// is on earlier cases not yet expunged, their Expunge after dates are cleared
// (set again when the new case closes). Runs inside the new case's lock, on the
// table it already read; one write for all the cleared cells.

import { earlierCasesOfParty, readRetentionCase } from '../core/retention';
import type { LogEntry } from '../sheets/log';
import { fillCells, sheetRow, type CaseTable } from '../sheets/case-table';

export const CLOCK_RESET_ACTION = 'Expunge date cleared (repeat report)';

export interface RepeatReport {
  /** Earlier cases naming the same reported party: IDs only. */
  caseIds: string[];
  log: LogEntry[];
}

export function resetRepeatReport(table: CaseTable, newCaseId: string, reportedPartyEmail: string): RepeatReport {
  const cases = table.rows.map((row, i) => ({ i, c: readRetentionCase(row, table.map, table.timeZone) }));
  const earlier = earlierCasesOfParty(cases.map((x) => x.c), reportedPartyEmail, newCaseId);
  const withDate = cases.filter((x) => earlier.includes(x.c) && x.c.expungeAfter !== null);
  if (withDate.length && table.map['Expunge after'] !== undefined)
    fillCells(table, withDate.map((x) => ({ rowNumber: sheetRow(x.i), columns: ['Expunge after'] })), '');
  return {
    caseIds: earlier.map((c) => c.caseId).filter((id) => id !== ''),
    log: withDate.map((x) => ({ caseId: x.c.caseId, row: sheetRow(x.i), action: CLOCK_RESET_ACTION, detail: `by ${newCaseId}` })),
  };
}
