// A row of the cases sheet read into typed fields. Reading never throws: a
// value that is not what its column needs is kept as 'invalid' so the deadline
// engine can say "Check data" with the reason.

import { dayFromCell, isDate, isoFromDay, type Day } from './calendar';
import { CASE_COLUMNS, COMPUTED_COLUMNS, type ColumnMap, type ColumnName } from './columns';

type DayCell = Day | null | 'invalid';

export interface CaseRecord {
  caseId: string;
  stage: string;
  permission: string;
  subTeam: string;
  outcome: string;
  /** `Possible violation` / `Not a violation`, or '' where the row does not say (an adopted tracker). */
  assessment: string;
  received: DayCell;
  firstReplySent: DayCell;
  subTeamFormed: DayCell;
  targetDecisionDate: DayCell;
  reporterNotified: DayCell;
  reportedPartyNotified: DayCell;
  lastUpdateToReporter: DayCell;
  lastUpdateToReportedParty: DayCell;
  outcomeEndDate: DayCell;
  responsePlanSent: DayCell;
  reporterToldOutcome: DayCell;
  closed: DayCell;
  appealReceived: DayCell;
  appealDecided: DayCell;
  reporterToldAppealResult: DayCell;
  reportedPartyToldAppealResult: DayCell;
  expungeAfter: DayCell;
  /** Upheld, Changed or Withdrawn once the appeal is decided; '' while it is heard (or there is none). */
  appealDecision: string;
  /** The three members hearing the appeal (never the sub-team). */
  appealReviewers: string;
}

export const DATE_FIELDS = {
  received: 'Received',
  firstReplySent: 'First reply sent',
  subTeamFormed: 'Sub-team formed',
  targetDecisionDate: 'Target decision date',
  reporterNotified: 'Reporter notified',
  reportedPartyNotified: 'Reported party notified',
  lastUpdateToReporter: 'Last update to reporter',
  lastUpdateToReportedParty: 'Last update to reported party',
  outcomeEndDate: 'Outcome end date',
  responsePlanSent: 'Response plan sent',
  reporterToldOutcome: 'Reporter told outcome',
  closed: 'Closed',
  appealReceived: 'Appeal received',
  appealDecided: 'Appeal decided',
  reporterToldAppealResult: 'Reporter told appeal result',
  reportedPartyToldAppealResult: 'Reported party told appeal result',
  expungeAfter: 'Expunge after',
} as const satisfies Partial<Record<keyof CaseRecord, ColumnName>>;

export type DateField = keyof typeof DATE_FIELDS;

/** A cell as trimmed text; a date cell as yyyy-mm-dd in the given zone. */
export function cellText(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return isoFromDay(dayFromCell(value, timeZone) as Day);
  return String(value).trim();
}

/** A case with nothing recorded but its receipt and stage: what a new case's row reads as. */
export function newCaseRecord(received: Day, stage = 'Received'): CaseRecord {
  const record = { caseId: '', stage, permission: '', subTeam: '', outcome: '', assessment: '', appealDecision: '', appealReviewers: '' } as CaseRecord;
  for (const field of Object.keys(DATE_FIELDS) as DateField[]) record[field] = null;
  record.received = received;
  return record;
}

export function readCase(row: readonly unknown[], map: ColumnMap, timeZone: string): CaseRecord {
  const cell = (name: ColumnName) => (map[name] === undefined ? '' : row[map[name] as number]);
  const text = (name: ColumnName) => cellText(cell(name), timeZone);
  const record = {
    caseId: text('Case ID'),
    stage: text('Stage'),
    permission: text('Permission to notify reported party'),
    subTeam: text('Sub-team'),
    outcome: text('Outcome'),
    assessment: text('Assessment'),
    appealDecision: text('Appeal decision'),
    appealReviewers: text('Appeal reviewers'),
  } as CaseRecord;
  for (const [field, column] of Object.entries(DATE_FIELDS) as [DateField, ColumnName][]) {
    record[field] = dayFromCell(cell(column), timeZone);
  }
  return record;
}

const INPUT_COLUMNS = CASE_COLUMNS.map((c) => c.name).filter(
  (name) => !(COMPUTED_COLUMNS as readonly string[]).includes(name),
);

/** A row with nothing in any input column: skipped, its computed cells left empty. */
export function isBlankRow(row: readonly unknown[], map: ColumnMap): boolean {
  return INPUT_COLUMNS.every((name) => {
    const index = map[name];
    if (index === undefined) return true;
    const value = row[index];
    return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  });
}
