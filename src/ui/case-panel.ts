// The Case panel sidebar: the page from html/case-panel.html with the selected
// case's view embedded as data (never as markup), or the reason there is none.
import page from '../../html/case-panel.html';
import { getCasePanel, selectCaseRow, type CasePanelData } from '../cases/case-panel';
import { showDraftDialogFor, type DraftDialogStart } from './draft-dialog';
import { withPageData } from './page-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CASE_PANEL_TITLE = 'Case panel';

interface CasePanelStart {
  panel: CasePanelData | null;
  /** Why no case is shown (nothing selected, no Case ID, …). */
  error: string | null;
}

function casePanelStart(spreadsheet: Spreadsheet): CasePanelStart {
  try {
    return { panel: getCasePanel(spreadsheet), error: null };
  } catch (e) {
    // Not instanceof Error: an error thrown by a service may come from another realm.
    const message = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
    return { panel: null, error: message };
  }
}

function casePanelHtml(start: CasePanelStart): string {
  return withPageData(page, 'case-panel-start', start);
}

export function showCasePanel(spreadsheet: Spreadsheet): void {
  const output = HtmlService.createHtmlOutput(casePanelHtml(casePanelStart(spreadsheet))).setTitle(CASE_PANEL_TITLE);
  SpreadsheetApp.getUi().showSidebar(output);
}

/**
 * The panel's "Draft …" for a step: the draft dialog for this case (its row selected
 * too, so the member sees it), the step's template chosen. Returns what was opened;
 * throws, opening nothing, when the case cannot be found.
 */
export function showCaseDraftDialog(spreadsheet: Spreadsheet, caseId: unknown, template?: unknown): DraftDialogStart {
  selectCaseRow(spreadsheet, caseId);
  return showDraftDialogFor(spreadsheet, caseId, template);
}
