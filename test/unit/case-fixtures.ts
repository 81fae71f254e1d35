// Small builders for unit tests of the pure core: calendar days from yyyy-mm-dd,
// CaseRecords with sensible defaults, and sheet rows shaped like getValues() output.

import { dayFromIso, isoFromDay, startOfDay, type Day } from '../../src/core/calendar';
import type { CaseRecord } from '../../src/core/cases';
import { COLUMN_NAMES, matchHeaders, type ColumnMap, type ColumnName } from '../../src/core/columns';
import { defaultSettings, type Settings } from '../../src/core/settings';

/** yyyy-mm-dd → Day; throws on a typo so a fixture mistake fails loudly. */
export function d(iso: string): Day {
  const day = dayFromIso(iso);
  if (day === null) throw new Error(`bad fixture date ${iso}`);
  return day;
}

export const iso = isoFromDay;

export const TEAM = 'ana@example.org, bo@example.org, cy@example.org';

/** A blank record: every text field '' and every date null. */
export function blankRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId: 'C-1',
    stage: '',
    permission: '',
    subTeam: '',
    outcome: '',
    assessment: '',
    received: null,
    firstReplySent: null,
    subTeamFormed: null,
    targetDecisionDate: null,
    reporterNotified: null,
    reportedPartyNotified: null,
    lastUpdateToReporter: null,
    lastUpdateToReportedParty: null,
    outcomeEndDate: null,
    responsePlanSent: null,
    reporterToldOutcome: null,
    closed: null,
    appealReceived: null,
    appealDecided: null,
    reporterToldAppealResult: null,
    reportedPartyToldAppealResult: null,
    expungeAfter: null,
    appealDecision: '',
    appealReviewers: '',
    ...overrides,
  };
}

/**
 * An investigation in progress with both parties notified:
 * received 2026-01-05, replied 01-06, sub-team formed 01-10,
 * reporter notified 01-12, reported party notified 01-13 (permission Yes).
 */
export function investigating(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return blankRecord({
    stage: 'Investigating',
    permission: 'Yes',
    subTeam: TEAM,
    received: d('2026-01-05'),
    firstReplySent: d('2026-01-06'),
    subTeamFormed: d('2026-01-10'),
    reporterNotified: d('2026-01-12'),
    reportedPartyNotified: d('2026-01-13'),
    ...overrides,
  });
}

export function settingsWith(overrides: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...overrides };
}

/** The canonical header row and its map (index i for column i). */
const CANONICAL_HEADERS: readonly string[] = COLUMN_NAMES;
const CANONICAL_MAP: ColumnMap = matchHeaders(CANONICAL_HEADERS).map;

/** A sheet row laid out by `map`, blanks as '' (as getValues() returns them). */
export function rowFor(values: Partial<Record<ColumnName, unknown>>, map: ColumnMap = CANONICAL_MAP, width?: number): unknown[] {
  const indexes = Object.values(map) as number[];
  const row: unknown[] = new Array(width ?? Math.max(-1, ...indexes) + 1).fill('');
  for (const [name, value] of Object.entries(values) as [ColumnName, unknown][]) {
    const index = map[name];
    if (index === undefined) throw new Error(`column ${name} is not in the map`);
    row[index] = value;
  }
  return row;
}

/** What a date cell holds when read with getValues(): midnight of that day in the spreadsheet's zone. */
export function dateCell(isoDay: string, timeZone: string): Date {
  return startOfDay(d(isoDay), timeZone);
}
