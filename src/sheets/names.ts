// Sheet names the add-on creates or looks for.
export const SHEET = {
  cases: 'Cases',
  templates: 'Templates',
  roster: 'Roster',
  settings: 'Settings',
  log: 'Log',
  report: 'Report',
} as const;

/** The sheets the add-on makes for itself: never taken for the cases sheet. */
export const ADDON_SHEETS: readonly string[] = [SHEET.templates, SHEET.roster, SHEET.settings, SHEET.log, SHEET.report];

/** The header row of every table the add-on reads. */
export const HEADER_ROW = 1;
