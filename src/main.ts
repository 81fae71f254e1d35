// Every Apps Script entry point, each a few lines wiring the adapters. The build
// turns each export into a top-level `function name() {}` in dist/Code.js.

import { submitNewCase as saveNewCase, type NewCaseResult } from './cases/new-case';
import {
  casePanelVersion as readCasePanelVersion,
  getCasePanel as readCasePanel,
  recordCaseStep as saveCaseStep,
  suggestSubTeamFor,
  type CasePanelData,
  type StepRecorded,
  type SubTeamAdvice,
} from './cases/case-panel';
import type { StepFields, StepId } from './core/case-steps';
import type { DraftCreated, DraftDialogData, DraftPreview, MarkedSent } from './core/templates';
import type { NewCaseForm } from './core/validation';
import { createTemplateDraft, previewTemplateDraft, requireText } from './cases/drafts';
import { draftDialogData as readDraftDialogData } from './cases/draft-dialog-data';
import { runDeadlineReminders } from './reminders/run';
import { markTemplateSentToday } from './cases/mark-sent';
import { EDIT_NOT_RECOMPUTED, recomputeAfterEdit } from './sheets/on-edit';
import { refreshDeadlinesNow } from './cases/refresh-deadlines';
import { isChoice, planTrackerSetup as planSetup, runTrackerSetup, type SetupResult } from './cases/tracker-setup';
import type { TrackerChoice, TrackerPlan } from './core/column-mapping';
import { showSetupDialog } from './ui/setup-dialog';
import { runInstallationCheck } from './cases/installation-check';
import type { InstallationReport } from './core/installation';
import { showInstallationReport } from './ui/installation-dialog';
import { describeReminderSwitch, ourTriggers, readReminderState, removeFollowUps, turnRemindersOff, turnRemindersOn } from './reminders/trigger';
import { showCaseDraftDialog as openCaseDraftDialog, showCasePanel as openCasePanel } from './ui/case-panel';
import { showDraftDialog as openDraftDialog, type DraftDialogStart } from './ui/draft-dialog';
import { addMenu } from './ui/menu';
import { newCaseDefaults, showNewCaseSidebar as openNewCaseSidebar, type NewCaseDefaults } from './ui/new-case-sidebar';
import { alert, toast } from './ui/notify';
import { showReportDialog as openReportDialog } from './ui/report-dialog';
import { showExpungeDialog as openExpungeDialog } from './ui/expunge-dialog';
import { expungeRecords as expungeCases, listExpungeDue as listDue, type ExpungeList, type Expunged } from './cases/expunge';
import { buildTransparencyReport as buildReport, type ReportBuilt } from './cases/transparency-report';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMenu(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e?.range) return;
  if (recomputeAfterEdit(e.range) === 'busy') toast(e.range.getSheet().getParent(), EDIT_NOT_RECOMPUTED, 'Deadlines');
}

/**
 * IRT Tracker → Set up tracker, and the setup dialog's confirmation. Without a
 * choice it sets up at once when it is certain which sheet and columns to use, and
 * otherwise opens the dialog (nothing written); with the member's choice
 * (`{sheet, columns: {Received: 'Date of 1st report', …}}`, null = add) it applies it.
 */
export function setupTracker(choice?: TrackerChoice): SetupResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const fromMenu = !isChoice(choice);
  const result = runTrackerSetup(spreadsheet, fromMenu ? undefined : choice);
  if (fromMenu && result.status === 'choose') showSetupDialog(result.plan);
  else if (fromMenu && result.status === 'done') alert(result.title, result.message);
  return result;
}

/** What Set up tracker would do: the cases sheet (or `sheet`, a member's pick; '' = new) and each column's match or guesses. Reads only. */
export function planTrackerSetup(sheet?: string): TrackerPlan {
  return planSetup(SpreadsheetApp.getActiveSpreadsheet(), sheet);
}

export function refreshDeadlines(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  toast(spreadsheet, refreshDeadlinesNow(spreadsheet), 'Deadlines refreshed');
}

export function showNewCaseSidebar(): void {
  openNewCaseSidebar(SpreadsheetApp.getActiveSpreadsheet());
}

/** Called by the New case sidebar through google.script.run. */
export function submitNewCase(form: NewCaseForm): NewCaseResult {
  return saveNewCase(SpreadsheetApp.getActiveSpreadsheet(), form);
}

/** Today in the spreadsheet's zone and the form's choices, for the New case sidebar. */
export function getNewCaseDefaults(): NewCaseDefaults {
  return newCaseDefaults(SpreadsheetApp.getActiveSpreadsheet());
}

/** IRT Tracker → Turn reminders on: one daily trigger, owned (and sent from) by this member. */
export function enableReminders(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  toast(spreadsheet, describeReminderSwitch(turnRemindersOn(spreadsheet), 'on'), 'Reminders');
}

/** IRT Tracker → Turn reminders off: removes this member's reminder trigger. */
export function disableReminders(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  toast(spreadsheet, describeReminderSwitch(turnRemindersOff(spreadsheet), 'off'), 'Reminders');
}

/** The daily trigger's handler (no UI: it runs with nobody watching). */
export function sendDeadlineReminders(e?: GoogleAppsScript.Events.TimeDriven): void {
  void e;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // A trigger made from the tracker runs against it; anything else has no tracker to read.
  if (!spreadsheet) throw new Error('No tracker spreadsheet for this run: turn reminders on again from the tracker’s IRT Tracker menu.');
  runDeadlineReminders(spreadsheet);
}

/** The one-off follow-up of a reminder run that could not start or finish: removes its own trigger, then runs (nothing is sent twice). */
export function continueDeadlineReminders(e?: GoogleAppsScript.Events.TimeDriven): void {
  removeFollowUps();
  sendDeadlineReminders(e);
}

/** IRT Tracker → Draft email…: the draft dialog for the case on the selected row. */
export function showDraftDialog(): void {
  openDraftDialog(SpreadsheetApp.getActiveSpreadsheet());
}

/** The draft dialog's first call: the case it was opened for and its templates, fitting ones first; `template` is the one the panel asked for. */
export function draftDialogData(caseId: string, template?: string): DraftDialogData {
  return readDraftDialogData(SpreadsheetApp.getActiveSpreadsheet(), requireText(caseId, 'case ID'), template);
}

/** A template filled for a case, exactly as createDraft would draft it. Reads only. */
export function previewDraft(caseId: string, template: string): DraftPreview {
  return previewTemplateDraft(SpreadsheetApp.getActiveSpreadsheet(), caseId, template);
}

/** Creates a Gmail draft (never sends) of a template for a case, and logs it. */
export function createDraft(caseId: string, template: string): DraftCreated {
  return createTemplateDraft(SpreadsheetApp.getActiveSpreadsheet(), caseId, template);
}

/** The draft dialog's "Mark as sent today": fills the template's date column and recomputes the row. */
export function markTemplateSent(caseId: string, template: string): MarkedSent {
  return markTemplateSentToday(SpreadsheetApp.getActiveSpreadsheet(), requireText(caseId, 'case ID'), requireText(template, 'template name'));
}

/** IRT Tracker → Case panel…: the sidebar for the case on the selected row. */
export function showCasePanel(): void {
  openCasePanel(SpreadsheetApp.getActiveSpreadsheet());
}

/** The case panel's view of a case (the selected row's case when no ID is given). Reads only. */
export function getCasePanel(caseId?: string): CasePanelData {
  return readCasePanel(SpreadsheetApp.getActiveSpreadsheet(), caseId);
}

/** Records one step of a case from the panel; refused when the row changed since `version`. */
export function recordCaseStep(caseId: string, step: StepId, fields: StepFields, version: string): StepRecorded {
  return saveCaseStep(SpreadsheetApp.getActiveSpreadsheet(), caseId, step, fields, version);
}

/** The best three available Roster members for a case's sub-team (or a replacement, or its appeal's reviewers), each choice explained. */
export function suggestSubTeam(caseId: string, options?: { partyTimeZones?: string[]; replace?: string; forAppeal?: boolean }): SubTeamAdvice {
  return suggestSubTeamFor(SpreadsheetApp.getActiveSpreadsheet(), caseId, options);
}

/** The case panel's "Draft …": selects the case's row and opens the draft dialog for it, `template` preselected. */
export function showCaseDraftDialog(caseId: string, template?: string): DraftDialogStart {
  return openCaseDraftDialog(SpreadsheetApp.getActiveSpreadsheet(), caseId, template);
}

/** The version of a case's row, so the case panel sees a change made elsewhere (the draft dialog's Mark as sent). */
export function casePanelVersion(caseId: string): string {
  return readCasePanelVersion(SpreadsheetApp.getActiveSpreadsheet(), caseId);
}

/** IRT Tracker → Transparency report…: the dialog that builds the anonymous report for a period. */
export function showReportDialog(): void {
  openReportDialog(SpreadsheetApp.getActiveSpreadsheet());
}

/** Replaces the Report sheet with the figures for `period` ({from, to} as yyyy-mm-dd) and returns them. */
export function buildTransparencyReport(period: { from: string; to: string }): ReportBuilt {
  return buildReport(SpreadsheetApp.getActiveSpreadsheet(), period);
}

/** IRT Tracker → Expunge due records…: the dialog listing closed cases past their Expunge after date. */
export function showExpungeDialog(): void {
  openExpungeDialog();
}

/** The closed cases that may be expunged today: IDs and dates only. Reads only. */
export function listExpungeDue(): ExpungeList {
  return listDue(SpreadsheetApp.getActiveSpreadsheet());
}

/** Replaces every identifying cell of exactly these cases with "Expunged", or refuses them all. */
export function expungeRecords(caseIds: string[]): Expunged {
  return expungeCases(SpreadsheetApp.getActiveSpreadsheet(), caseIds);
}

/** IRT Tracker → Check this installation: named checks in the real spreadsheet, shown in a dialog and logged. */
export function checkInstallation(): InstallationReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const report = runInstallationCheck(spreadsheet, () => ({ mine: ourTriggers().length, owners: readReminderState()?.owners ?? [] }));
  showInstallationReport(report);
  return report;
}
