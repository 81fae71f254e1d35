// Reads the team's Settings sheet (one read) into the core's Settings, and the
// team's choice of cases sheet and columns kept in the same rows.
import { parseSavedChoice, type SavedChoice } from '../core/column-mapping';
import { parseSettings, type Settings } from '../core/settings';
import { SHEET } from './names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SettingsRead {
  settings: Settings;
  problems: string[];
  /** The cases sheet and columns a member chose in Set up tracker. */
  saved: SavedChoice;
  /** The sheet's rows as read ([] without a Settings sheet). */
  rows: unknown[][];
}

export function readSettings(spreadsheet: Spreadsheet): SettingsRead {
  const sheet = spreadsheet.getSheetByName(SHEET.settings);
  const rows = sheet ? sheet.getDataRange().getValues() : [];
  return { ...parseSettings(rows), saved: parseSavedChoice(rows), rows };
}
