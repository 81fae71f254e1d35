// The case panel's server side: the view of one case, each step recorded under
// the document lock against the row the member saw, and the sub-team suggestion.
// Cases are found by their ID, never by a row number (rows move when sorted).

import { caseLabel } from '../core/reminders';
import { MAX_EMAIL_LENGTH } from '../core/email';
import { isoFromDay, type Day } from '../core/calendar';
import type { Settings } from '../core/settings';
import { buildPanelView, rowVersion, type CasePanelView } from '../core/case-panel-view';
import { PROCESS } from '../core/process';
import {
  allowedSteps,
  cleanFields,
  isStepId,
  planStep,
  readPanelCase,
  stepLabel,
  type StepId,
} from '../core/case-steps';
import { cellText, isBlankRow } from '../core/cases';
import { memberEntries } from '../core/people';
import type { ColumnName } from '../core/columns';
import { appealExclusions } from '../core/appeals';
import { restartEarlierClocks } from './repeat-report';
import { caseExclusions, conflictOf, countOpenCases, suggestSubTeam, type SubTeamSuggestion } from '../core/subteam';
import { findCase, findSelectedCase, type FoundCase } from '../sheets/case-lookup';
import { readCaseTable, type CaseTable } from '../sheets/case-table';
import { writeCaseCells } from '../sheets/row-writer';
import { today } from '../sheets/clock';
import { withDocumentLock } from '../sheets/lock';
import { appendLog } from '../sheets/log';
import { readRoster } from '../sheets/roster-sheet';
import { readSettings } from '../sheets/settings-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CASE_CHANGED =
  'This case changed since you opened it: refresh the panel to see the latest, then try again. Nothing was saved.';

/** A sub-team member as the panel shows them: their Roster name when they are on it. */
interface PanelMember {
  email: string;
  /** '' when the address is not on the Roster. */
  name: string;
  /** Why they must not sit on this case (a party of it, or listed in its Conflicts), or null. */
  conflict: string | null;
}

/**
 * What the panel needs beyond the case view, and no more: the current sub-team's
 * names (not the whole Roster: the suggestion is asked for on demand), the parties'
 * zones from the row, and the first few Roster problems.
 */
export interface CasePanelData extends CasePanelView {
  subTeamMembers: PanelMember[];
  /** The row's Reporter / Reported party time zone cells, as typed ('' when empty). */
  partyTimeZones: { reporter: string; reportedParty: string };
  /** At most ROSTER_PROBLEMS_SHOWN problems; rosterProblemCount says how many there are. */
  rosterProblems: string[];
  rosterProblemCount: number;
}

/** A long Roster's problems are counted, and the first few shown. */
const ROSTER_PROBLEMS_SHOWN = 5;

export interface StepRecorded {
  /** What was recorded, for the panel's message. */
  message: string;
  /** The case as it now stands (a new version). */
  panel: CasePanelData;
}

const SUB_TEAM_STEPS: readonly StepId[] = ['subTeam', 'replaceMember', 'recordAppeal'];

function panelFor(
  spreadsheet: Spreadsheet,
  table: CaseTable,
  found: FoundCase,
  row: readonly unknown[],
  settings: Settings = readSettings(spreadsheet).settings,
  day: Day = today(spreadsheet).day,
  rosterRead?: ReturnType<typeof readRoster>,
): CasePanelData {
  const record = readPanelCase(row, table.map, table.timeZone);
  // The Roster (one read) names the sub-team and says who of them is unavailable today.
  const needsRoster = record.subTeam.trim() !== '' || allowedSteps(record).some((id) => SUB_TEAM_STEPS.includes(id));
  const roster = needsRoster ? (rosterRead ?? readRoster(spreadsheet)) : { members: [], problems: [] };
  const view = buildPanelView(record, rowVersion(row, table.map), day, settings, PROCESS, roster.members);
  const exclusions = caseExclusions(record);
  const memberOf = (email: string) => {
    const onRoster = roster.members.find((m) => m.email.toLowerCase() === email.toLowerCase());
    const person = { email, name: onRoster?.name ?? '' };
    return { ...person, conflict: conflictOf(onRoster ?? person, exclusions) };
  };
  return {
    ...view,
    caseId: found.caseId,
    subTeamMembers: view.subTeam.map(memberOf),
    partyTimeZones: rowPartyZones(table, row),
    rosterProblems: roster.problems.slice(0, ROSTER_PROBLEMS_SHOWN),
    rosterProblemCount: roster.problems.length,
  };
}

function rowPartyZones(table: CaseTable, row: readonly unknown[]): CasePanelData['partyTimeZones'] {
  const text = (name: ColumnName) => (table.map[name] === undefined ? '' : cellText(row[table.map[name] as number], table.timeZone));
  return { reporter: text('Reporter time zone'), reportedParty: text('Reported party time zone') };
}

/** The panel's view of a case: by ID, or the selected row's case when no ID is given. */
export function getCasePanel(spreadsheet: Spreadsheet, caseId?: string): CasePanelData {
  const { settings, saved } = readSettings(spreadsheet);
  const table = readCaseTable(spreadsheet, saved);
  const found =
    typeof caseId === 'string' && caseId.trim() !== '' ? findCase(table, caseId) : findSelectedCase(spreadsheet, table, 'press Refresh');
  return panelFor(spreadsheet, table, found, found.row, settings);
}

/**
 * Records one step for a case. Under the document lock: re-reads the row by its ID,
 * refuses when it changed since the panel read it (its version), checks the step,
 * then writes only the step's cells and the recomputed computed cells, and logs.
 */
export function recordCaseStep(
  spreadsheet: Spreadsheet,
  caseId: unknown,
  step: unknown,
  input: unknown,
  version: unknown,
): StepRecorded {
  if (typeof caseId !== 'string' || caseId.trim() === '') throw new Error('No case ID was given. Nothing was saved.');
  if (!isStepId(step)) throw new Error(`Unknown step "${String(step)}". Nothing was saved.`);
  if (typeof version !== 'string' || version === '') throw new Error('The panel sent no version of the case: refresh the panel.');
  const cleaned = cleanFields(input);
  if (!cleaned.ok) throw new Error(`${cleaned.message}. Nothing was saved.`);

  return withDocumentLock(() => {
    const { settings, saved } = readSettings(spreadsheet);
    const table = readCaseTable(spreadsheet, saved);
    const found = findCase(table, caseId);
    if (rowVersion(found.row, table.map) !== version) throw new Error(CASE_CHANGED);

    const { day } = today(spreadsheet);
    const record = readPanelCase(found.row, table.map, table.timeZone);
    // Read once: the step checks its members, and the refreshed panel lists them.
    const roster = SUB_TEAM_STEPS.includes(step) ? readRoster(spreadsheet) : undefined;
    const plan = planStep(step, record, cleaned.fields, { today: day, roster: roster?.members, settings });
    if (!plan.ok) throw new Error(`${plan.message} Nothing was saved.`);

    // A tracker not yet set up again lacks the Expunge after column: the step is saved without it.
    const cells = { ...plan.cells };
    if (table.map['Expunge after'] === undefined) delete cells['Expunge after'];
    writeCaseCells(table, found, cells, day, settings);
    // Closing a case resets the clock of the earlier cases of the same reported party.
    const expungeAfter = cells['Expunge after'];
    const reset = step === 'close' && typeof expungeAfter === 'number' ? restartEarlierClocks(table, found, expungeAfter, settings) : [];
    appendLog(spreadsheet, [{ caseId: found.caseId, row: found.rowNumber, action: plan.action, detail: plan.detail }, ...reset]);

    // Read the row back so the new version is exactly what the next step will compare against.
    const width = table.sheet.getLastColumn();
    const stored = table.sheet.getRange(found.rowNumber, 1, 1, width).getValues()[0];
    return {
      message: [`${stepLabel(step)}: saved for ${found.caseId}.`, plan.warning ?? ''].filter(Boolean).join(' '),
      panel: panelFor(spreadsheet, table, found, stored, settings, day, roster),
    };
  });
}

interface SubTeamOptions {
  /** More IANA zones of parties, typed in the panel (kept nowhere); the row's own zones always count. */
  partyTimeZones?: string[];
  /** The member to replace: the other two stay. */
  replace?: string;
  /** Reviewers of an appeal: three members other than the sub-team (and the parties). */
  forAppeal?: boolean;
}

/** The panel's options, refused when malformed: a bad `replace` must not be answered as a whole new sub-team. */
function cleanOptions(options: unknown): SubTeamOptions {
  if (options === undefined || options === null) return { partyTimeZones: [], replace: undefined, forAppeal: false };
  if (typeof options !== 'object' || Array.isArray(options)) throw new Error('The suggestion’s options must be an object.');
  const raw = options as Record<string, unknown>;
  const zones = raw.partyTimeZones ?? [];
  if (!Array.isArray(zones) || zones.some((z) => typeof z !== 'string' || z.length > MAX_ZONE_NAME))
    throw new Error('The parties’ time zones must be a list of zone names.');
  const replace = raw.replace;
  if (replace !== undefined && replace !== null && (typeof replace !== 'string' || replace.trim() === '' || replace.length > MAX_EMAIL_LENGTH))
    throw new Error('The member to replace must be an email address.');
  return { partyTimeZones: (zones as string[]).slice(0, 10), replace: typeof replace === 'string' ? replace : undefined, forAppeal: raw.forAppeal === true };
}

/** Longer than any IANA zone name. */
const MAX_ZONE_NAME = 64;

export interface SubTeamAdvice extends SubTeamSuggestion {
  caseId: string;
  /** The day the suggestion is for, yyyy-mm-dd. */
  day: string;
  /** The parties' zones the suggestion used from the row (the typed ones come after). */
  rowTimeZones: string[];
  /** At most ROSTER_PROBLEMS_SHOWN, as in the panel. */
  rosterProblems: string[];
  rosterProblemCount: number;
  /** Left-out members beyond the first EXCLUDED_SHOWN are counted, not listed. */
  excludedCount: number;
}

/** Enough left-out members to see why someone is missing, not a page of them. */
const EXCLUDED_SHOWN = 20;

/** The best available members for the case's sub-team (or a replacement), each choice explained. */
export function suggestSubTeamFor(spreadsheet: Spreadsheet, caseId: unknown, options?: unknown): SubTeamAdvice {
  if (typeof caseId !== 'string' || caseId.trim() === '') throw new Error('No case ID was given.');
  const { partyTimeZones = [], replace: replaced, forAppeal } = cleanOptions(options);
  const replace = forAppeal ? undefined : replaced;
  const table = readCaseTable(spreadsheet);
  const found = findCase(table, caseId);
  const roster = readRoster(spreadsheet);
  const { day } = today(spreadsheet);
  const tz = table.timeZone;
  const text = (row: readonly unknown[], name: ColumnName) =>
    table.map[name] === undefined ? '' : cellText(row[table.map[name] as number], tz);

  // Members' load: the sub-teams of the other open cases.
  const openTeams = table.rows
    .filter((row, i) => i !== found.index && !isBlankRow(row, table.map))
    .filter((row) => text(row, 'Closed') === '' && text(row, 'Stage') !== 'Closed')
    .map((row) => text(row, 'Sub-team'));

  let keep: string[] = [];
  if (replace !== undefined) {
    const team = memberEntries(text(found.row, 'Sub-team'));
    if (!team.some((e) => e.toLowerCase() === replace.trim().toLowerCase()))
      throw new Error(`${replace} is not on the sub-team of ${caseLabel(found.caseId, found.rowNumber)}.`);
    keep = team.filter((e) => e.toLowerCase() !== replace.trim().toLowerCase());
  }
  const fromRow = Object.values(rowPartyZones(table, found.row)).filter((z) => z !== '');
  const suggestion = suggestSubTeam({
    roster: roster.members,
    openCases: countOpenCases(openTeams),
    partyTimeZones: [...new Set([...fromRow, ...partyTimeZones.map((z) => z.trim())])],
    // An appeal's reviewers are chosen by the same rules, the original sub-team left out too.
    exclusions: forAppeal
      ? appealExclusions(readPanelCase(found.row, table.map, tz), text(found.row, 'Sub-team'))
      : caseExclusions(readPanelCase(found.row, table.map, tz)),
    keep,
    leaving: replace,
    day,
  });
  return {
    ...suggestion,
    excluded: suggestion.excluded.slice(0, EXCLUDED_SHOWN),
    excludedCount: suggestion.excluded.length,
    caseId: found.caseId,
    day: isoFromDay(day),
    rowTimeZones: fromRow,
    rosterProblems: roster.problems.slice(0, ROSTER_PROBLEMS_SHOWN),
    rosterProblemCount: roster.problems.length,
  };
}

/** The version of a case's row as the panel compares it: one read, no lock. */
export function casePanelVersion(spreadsheet: Spreadsheet, caseId: unknown): string {
  if (typeof caseId !== 'string' || caseId.trim() === '') throw new Error('No case ID was given.');
  const table = readCaseTable(spreadsheet);
  return rowVersion(findCase(table, caseId).row, table.map);
}

/** Selects a case's row, found by ID, so a sorted sheet still selects the right case. */
export function selectCaseRow(spreadsheet: Spreadsheet, caseId: unknown): void {
  if (typeof caseId !== 'string' || caseId.trim() === '') throw new Error('No case ID was given.');
  const table = readCaseTable(spreadsheet);
  const found = findCase(table, caseId);
  table.sheet.getRange(found.rowNumber, (table.map['Case ID'] as number) + 1).activate();
}
