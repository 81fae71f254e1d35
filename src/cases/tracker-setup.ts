// Set up tracker as a use case: under the document lock, plan; when the plan is
// certain (or a member confirmed a choice) apply it and log it; otherwise hand the
// plan back for the setup dialog, having written nothing.

import { checkChoice, CHOOSABLE_COLUMNS, type TrackerChoice } from '../core/column-mapping';
import { COMPUTED_COLUMNS, type ColumnName } from '../core/columns';
import { dataWarning, describeStatusCounts, settingsWarning } from '../core/summary';
import { caseIdProblemEntries } from '../sheets/refresh';
import { appendLog, type LogEntry } from '../sheets/log';
import { withDocumentLock } from '../sheets/lock';
import { HEADER_ROW, SHEET } from '../sheets/names';
import { readSettings } from '../sheets/settings-sheet';
import { setupTracker, type SetupReport, type SetupTarget } from '../sheets/setup';
import { planTracker, type TrackerPlan } from '../sheets/tracker-plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type SetupResult =
  | { status: 'done'; title: string; message: string; report: SetupReport }
  | { status: 'choose'; plan: TrackerPlan };

const SETUP_TITLE = 'IRT Tracker is set up';
const NOTHING_CHANGED = 'Nothing was changed.';

/** A member's choice rather than nothing (or the event object a menu run may pass). */
export function isChoice(input: unknown): boolean {
  return typeof input === 'object' && input !== null && ('columns' in input || 'sheet' in input);
}

/** A choice as the dialog sends it, checked for shape (its headers are checked against the sheet later). */
function cleanChoice(input: unknown): TrackerChoice {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error(`The setup choice is missing. ${NOTHING_CHANGED}`);
  const raw = input as Record<string, unknown>;
  if (raw.sheet !== null && raw.sheet !== undefined && (typeof raw.sheet !== 'string' || raw.sheet.trim() === '' || raw.sheet.length > 100))
    throw new Error(`The setup choice names no sheet. ${NOTHING_CHANGED}`);
  const columns = raw.columns ?? {};
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns))
    throw new Error(`The setup choice has no columns. ${NOTHING_CHANGED}`);
  if (Object.keys(columns).length > CHOOSABLE_COLUMNS.length)
    throw new Error(`The setup choice names more columns than the tracker has. ${NOTHING_CHANGED}`);
  return { sheet: typeof raw.sheet === 'string' ? raw.sheet.trim() : null, columns: columns as TrackerChoice['columns'] };
}

function describe(report: SetupReport): string {
  const adopted = Object.entries(report.adopted).map(([column, header]) => `${column} ← ${header}`);
  return [
    report.createdCasesSheet ? `Created the ${report.casesSheet} sheet.` : `Using the ${report.casesSheet} sheet.`,
    adopted.length ? `Your columns used as: ${adopted.join('; ')} (kept in the Settings sheet).` : '',
    report.addedColumns.length ? `Added columns: ${report.addedColumns.join(', ')}.` : 'All tracker columns were present.',
    `${COMPUTED_COLUMNS.join(', ')}: columns ${report.computedColumns.join(', ')}.`,
    report.stagedRows ? `${report.stagedRows} existing case${report.stagedRows === 1 ? '' : 's'} start at stage Received: move each on with the Case panel.` : '',
    report.createdSheets.length ? `Created sheets: ${report.createdSheets.join(', ')}.` : '',
    report.addedSettings.length ? `Added settings: ${report.addedSettings.join(', ')}.` : '',
    report.addedTemplates.length ? `Added saved replies to Templates: ${report.addedTemplates.join(', ')}.` : '',
    describeStatusCounts(report.counts),
    settingsWarning(report.settingsProblems),
    dataWarning(report.caseIdProblems),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The setup's Log line: what it changed (counts and names of sheets, never a value); none when it changed nothing, so a second run changes nothing. */
function setupLogEntry(report: SetupReport): LogEntry[] {
  const adopted = Object.keys(report.adopted).length;
  const changed = report.createdSheets.length + report.addedColumns.length + report.addedSettings.length + report.addedTemplates.length + report.stagedRows;
  if (changed === 0) return [];
  const detail = [
    `sheet ${report.casesSheet}`,
    adopted ? `${adopted} of the team's columns used` : '',
    report.addedColumns.length ? `${report.addedColumns.length} columns added` : '',
    report.createdSheets.length ? `created ${report.createdSheets.join(', ')}` : '',
    report.addedSettings.length ? `${report.addedSettings.length} settings added` : '',
    report.addedTemplates.length ? `${report.addedTemplates.length} saved replies added` : '',
  ];
  return [{ caseId: '', action: 'Tracker set up', detail: detail.filter(Boolean).join('; ') }];
}

/** Where an empty Cases sheet goes when a member chooses their own sheet instead (the tracker always uses a sheet named Cases). */
const UNUSED_CASES_NAME = 'Cases (empty, not used)';

/**
 * The member's choice turned into where setup writes, or the problems (nothing
 * written then). `retire` is an empty Cases sheet (an earlier setup made it beside
 * the team's own) to rename so the chosen sheet is used.
 */
function targetFor(spreadsheet: Spreadsheet, choice: TrackerChoice): SetupTarget & { retire: GoogleAppsScript.Spreadsheet.Sheet | null } {
  const { saved } = readSettings(spreadsheet);
  const existingCases = spreadsheet.getSheetByName(SHEET.cases);
  const otherSheet = choice.sheet !== null && choice.sheet !== SHEET.cases;
  if (otherSheet && existingCases && existingCases.getLastRow() > HEADER_ROW)
    throw new Error(`A sheet named ${SHEET.cases} with cases in it exists, and the tracker always uses it. Rename it, or choose it. ${NOTHING_CHANGED}`);
  if (otherSheet && spreadsheet.getSheetByName(UNUSED_CASES_NAME) && existingCases)
    throw new Error(`Rename or delete the "${UNUSED_CASES_NAME}" sheet first. ${NOTHING_CHANGED}`);
  const sheet = choice.sheet === null ? existingCases : spreadsheet.getSheetByName(choice.sheet);
  if (choice.sheet !== null && !sheet) throw new Error(`There is no sheet named "${choice.sheet}". ${NOTHING_CHANGED}`);
  const header = sheet && sheet.getLastColumn() > 0 ? sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] : [];
  const keep = sheet && (sheet.getName() === saved.sheet || sheet.getName() === SHEET.cases) ? saved.columns : {};
  const checked = checkChoice(header, choice.columns, keep);
  if (!checked.ok) throw new Error(`${checked.problems.join('. ')}. ${NOTHING_CHANGED}`);
  const cleared = CHOOSABLE_COLUMNS.filter((name: ColumnName) => choice.columns[name] === null && keep[name] !== undefined);
  return { sheet: sheet ? sheet.getName() : null, chosen: checked.chosen, cleared, retire: otherSheet ? existingCases : null };
}

/**
 * Without a choice: sets up at once when the plan is certain, else returns the plan
 * (nothing written). With a member's choice: checks it against the sheet and applies it.
 */
export function runTrackerSetup(spreadsheet: Spreadsheet, choice?: unknown): SetupResult {
  const cleaned = choice === undefined ? undefined : cleanChoice(choice);
  return withDocumentLock(() => {
    let target: SetupTarget | undefined;
    if (cleaned) {
      const { retire, ...chosen } = targetFor(spreadsheet, cleaned);
      // Renamed, never deleted: it holds no case, and the member can remove it.
      if (retire) retire.setName(UNUSED_CASES_NAME);
      target = chosen;
    } else {
      const plan = planTracker(spreadsheet);
      if (!plan.certain) return { status: 'choose', plan };
    }
    const report = setupTracker(spreadsheet, () => readSettings(spreadsheet).settings.dueSoonDays, target);
    appendLog(spreadsheet, [...caseIdProblemEntries(report.caseIdProblems), ...setupLogEntry(report)]);
    return { status: 'done', title: SETUP_TITLE, message: describe(report), report };
  });
}

/** The proposal for the dialog (for `sheet`, a member's pick; '' for a new Cases sheet). Reads only. */
export function planTrackerSetup(spreadsheet: Spreadsheet, sheet?: unknown): TrackerPlan {
  if (sheet !== undefined && sheet !== null && (typeof sheet !== 'string' || sheet.length > 100)) throw new Error('Choose a sheet from the list.');
  return planTracker(spreadsheet, typeof sheet === 'string' ? sheet : undefined);
}
