// What Set up tracker proposes before it writes anything: the cases sheet, and for
// each tracker column the header it recognised or the team's headers ranked as
// guesses. Certain only when nothing is guessed: then setup goes ahead as it always
// did; otherwise a member confirms in the setup dialog. Reads only: one read of
// Settings and one bounded read (header and first rows) per candidate sheet.

import { proposeColumns, trackerLikeness, type SavedChoice, type SheetOption, type TrackerPlan } from '../core/column-mapping';

export type { TrackerPlan } from '../core/column-mapping';
import { matchHeaders } from '../core/columns';
import { MIN_TRACKER_SCORE } from './case-table';
import { ADDON_SHEETS, HEADER_ROW, SHEET } from './names';
import { readSettings } from './settings-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows below the header read to guess what a column holds. */
const SAMPLE_ROWS = 50;

interface Scanned {
  sheet: Sheet;
  option: SheetOption;
  header: unknown[];
  samples: unknown[][];
  exactScore: number;
}

function scan(sheet: Sheet, chosen: SavedChoice['columns']): Scanned {
  const width = sheet.getLastColumn();
  const lastRow = sheet.getLastRow();
  const height = Math.min(lastRow, HEADER_ROW + SAMPLE_ROWS);
  const values = width > 0 && height >= HEADER_ROW ? sheet.getRange(HEADER_ROW, 1, height - HEADER_ROW + 1, width).getValues() : [[]];
  const header = values[0] ?? [];
  const samples = header.map((_, c) => values.slice(1).map((row) => row[c]));
  const proposals = proposeColumns(header, samples, chosen);
  const { recognised, guessed } = trackerLikeness(proposals);
  return {
    sheet,
    header,
    samples,
    exactScore: matchHeaders(header).score,
    option: { name: sheet.getName(), recognised, guessed, rows: Math.max(0, lastRow - HEADER_ROW) },
  };
}

/** The proposal for `sheetName` (a member's pick in the dialog; '' for a new Cases sheet), or the best sheet. */
export function planTracker(spreadsheet: Spreadsheet, sheetName?: string | null): TrackerPlan {
  const { saved } = readSettings(spreadsheet);
  const byName = spreadsheet.getSheetByName(SHEET.cases);
  const sheets = spreadsheet.getSheets().filter((s) => !ADDON_SHEETS.includes(s.getName()));
  const scanned = sheets.map((s) => scan(s, s.getName() === saved.sheet || s.getName() === SHEET.cases ? saved.columns : {}));
  const reasons: string[] = [];

  let pick: Scanned | null = null;
  let sheetCertain = true;
  if (typeof sheetName === 'string') {
    pick = scanned.find((s) => s.option.name === sheetName) ?? null;
    if (sheetName !== '' && !pick) throw new Error(`There is no sheet named "${sheetName}".`);
    sheetCertain = false;
  } else if (byName) {
    pick = scanned.find((s) => s.sheet.getSheetId() === byName.getSheetId()) ?? null;
    // An empty Cases sheet (an earlier setup may have made it beside the team's own tracker):
    // a sheet with rows that looks like a tracker is the better guess, for a member to confirm.
    const other = scanned
      .filter((s) => s !== pick && s.option.rows > 0 && s.option.recognised + s.option.guessed >= MIN_TRACKER_SCORE - 1)
      .sort((a, b) => b.option.recognised + b.option.guessed - (a.option.recognised + a.option.guessed))[0];
    if (pick && pick.option.rows === 0 && other) {
      pick = other;
      sheetCertain = false;
      reasons.push(`The ${SHEET.cases} sheet has no cases; the ${other.option.name} sheet looks like your tracker (choosing it renames the empty ${SHEET.cases} sheet).`);
    }
  } else if (saved.sheet !== null && scanned.some((s) => s.option.name === saved.sheet)) {
    pick = scanned.find((s) => s.option.name === saved.sheet) ?? null;
  } else {
    const recognised = scanned.filter((s) => s.exactScore >= MIN_TRACKER_SCORE).sort((a, b) => b.exactScore - a.exactScore);
    const likely = scanned
      .filter((s) => s.option.recognised + s.option.guessed >= MIN_TRACKER_SCORE - 1)
      .sort((a, b) => b.option.recognised + b.option.guessed - (a.option.recognised + a.option.guessed));
    if (recognised.length) pick = recognised[0];
    else if (likely.length) {
      pick = likely[0];
      sheetCertain = false;
      reasons.push(`No sheet is named ${SHEET.cases}; the ${pick.option.name} sheet looks most like a case tracker.`);
    }
  }

  const chosenFor = (s: Scanned) => (s.option.name === saved.sheet || (byName && s.sheet.getSheetId() === byName.getSheetId()) ? saved.columns : {});
  const columns = pick ? proposeColumns(pick.header, pick.samples, chosenFor(pick)) : proposeColumns([], []);
  for (const { column, header } of pick ? matchHeaders(pick.header, chosenFor(pick)).lost : [])
    reasons.push(`The column chosen for ${column} ("${header}") is no longer on the sheet.`);
  const guessed = columns.filter((c) => c.proposed !== null).map((c) => c.column);
  if (guessed.length) reasons.push(`Not sure which of your columns is the tracker's ${guessed.join(', ')}.`);
  return {
    sheet: pick ? pick.option.name : null,
    sheets: scanned.map((s) => s.option),
    columns,
    certain: sheetCertain && reasons.length === 0,
    reasons,
  };
}
