// Sheet names the add-on creates or looks for.
export const SHEET = {
  cases: 'Cases',
  templates: 'Templates',
  roster: 'Roster',
  settings: 'Settings',
  log: 'Log',
  report: 'Report',
} as const;

/** The header row of every table the add-on reads. */
export const HEADER_ROW = 1;
