// Reads the Roster sheet (one read) into the core's members, each checked.
import { parseRoster, type Roster } from '../core/subteam';
import { HEADER_ROW, SHEET } from './names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NO_ROSTER = `There is no ${SHEET.roster} sheet. Run IRT Tracker → Set up tracker, then list the team's members in it.`;

export function readRoster(spreadsheet: Spreadsheet): Roster {
  const sheet = spreadsheet.getSheetByName(SHEET.roster);
  if (!sheet) return { members: [], problems: [NO_ROSTER] };
  return parseRoster(sheet.getDataRange().getValues(), spreadsheet.getSpreadsheetTimeZone(), HEADER_ROW);
}
