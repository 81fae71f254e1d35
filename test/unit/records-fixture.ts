// The header row of a tracker kept the way a published Code of Conduct committee
// keeps its records (issue 13). The preview's records demo (preview/demo.ts) uses
// the same words; the browser test checks the two agree.
export const RECORDS_HEADER = [
  'Date of 1st report',
  'Reporter, if official/public, CoC person if private',
  'Named subjects',
  'Subject email address/URL',
  'Summary of report (for internal purposes)',
  'Action taken by us?',
  'Summary of outcome to share if suitable',
  'Date to expunge this record',
];
