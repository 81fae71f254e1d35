import { dayOfInstant, type Day } from '../core/calendar';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Today as a calendar day in the spreadsheet's zone (not the script's, not the machine's). */
export function today(spreadsheet: Spreadsheet): { day: Day; timeZone: string } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  return { day: dayOfInstant(new Date(), timeZone), timeZone };
}
