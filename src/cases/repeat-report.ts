// A repeat report resets the clock: when a new case names a reported party who
// is on earlier cases not yet expunged, their Expunge after dates are cleared
// (set again when the new case closes). Runs inside the new case's lock, on the
// table it already read; one write for all the cleared cells.

import type { Day } from '../core/calendar';
import { readCase } from '../core/cases';
import { caseLabel } from '../core/reminders';
import { earlierCasesOfParty, expungeDate, readRetentionCase, type KeepSettings } from '../core/retention';
import type { LogEntry } from '../sheets/log';
import type { FoundCase } from '../sheets/case-lookup';
import { fillCells, sheetRow, toCell, type CaseTable } from '../sheets/case-table';

const CLOCK_RESET_ACTION = 'Expunge date cleared (repeat report)';
const CLOCK_SET_ACTION = 'Expunge date set again (repeat report)';

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

/**
 * When the repeat report closes: each earlier closed case of the same reported party
 * whose date was cleared is kept as long as its own rule says, counted again from
 * this closing (the later of the two dates). A record the team keeps (Never), or any
 * record when this case is kept, stays without a date. One write per distinct date.
 */
export function restartEarlierClocks(table: CaseTable, closing: FoundCase, closingDate: Day | null, keep: KeepSettings): LogEntry[] {
  if (closingDate === null || table.map['Expunge after'] === undefined) return [];
  const all = table.rows.map((row, i) => ({ i, row, c: readRetentionCase(row, table.map, table.timeZone) }));
  const mine = all[closing.index].c;
  const earlier = earlierCasesOfParty(all.map((x) => x.c), mine.reportedPartyEmail, mine.caseId);
  const byDate = new Map<Day, { rowNumber: number; caseId: string }[]>();
  for (const x of all) {
    if (!earlier.includes(x.c) || x.c.closed === null || x.c.expungeAfter !== null || x.i === closing.index) continue;
    const record = readCase(x.row, table.map, table.timeZone);
    const end = typeof record.outcomeEndDate === 'number' ? record.outcomeEndDate : null;
    const own = expungeDate(record.outcome, x.c.closed, end, keep);
    if (own === null) continue;
    const date = Math.max(own, closingDate);
    byDate.set(date, [...(byDate.get(date) ?? []), { rowNumber: sheetRow(x.i), caseId: x.c.caseId }]);
  }
  const log: LogEntry[] = [];
  for (const [date, rows] of byDate) {
    fillCells(table, rows.map((r) => ({ rowNumber: r.rowNumber, columns: ['Expunge after'] })), toCell(date, table.timeZone));
    log.push(...rows.map((r) => ({ caseId: r.caseId, row: r.rowNumber, action: CLOCK_SET_ACTION, detail: `when ${caseLabel(closing.caseId, closing.rowNumber)} closed` })));
  }
  return log;
}
