// Reads the team's Settings sheet (one read) into the core's Settings.
import { parseSettings, type Settings } from '../core/settings';
import { SHEET } from './names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readSettings(spreadsheet: Spreadsheet): { settings: Settings; problems: string[] } {
  const sheet = spreadsheet.getSheetByName(SHEET.settings);
  return parseSettings(sheet ? sheet.getDataRange().getValues() : []);
}
