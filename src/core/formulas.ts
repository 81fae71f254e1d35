// The formulas the add-on writes into the spreadsheet (row colours, Sub-team
// validation), built in one place so that setup and Check this installation write
// exactly the same text. Written with ',' between arguments; a spreadsheet where
// Google wants ';' (a comma-decimal locale) gets the same formula with ';', once
// the installation check has found that only that form works.

import { subTeamValidationFormula } from './validation';

export type Separator = ',' | ';';

/** Marks our conditional-format rules (N() of text is 0), so a re-run replaces them and keeps the user's. */
export const RULE_MARK = 'IRT Tracker:';

export const HIGHLIGHTS = [
  { key: 'overdue', background: '#f4c7c3' },
  { key: 'due soon', background: '#fce8b2' },
  { key: 'check data', background: '#e4dcf1' },
] as const;
export type HighlightKey = (typeof HIGHLIGHTS)[number]['key'];

/** The row-colour formula for one status, over the row's Next deadline and Deadline status cells. */
export function highlightFormula(key: HighlightKey, deadlineRef: string, statusRef: string, dueSoonDays: number): string {
  const mark = `N("${RULE_MARK} ${key}")=0`;
  const d = deadlineRef;
  switch (key) {
    case 'overdue':
      return `=AND(${mark}, ISNUMBER(${d}), ${d}<TODAY())`;
    case 'due soon':
      return `=AND(${mark}, ISNUMBER(${d}), ${d}>=TODAY(), ${d}<=TODAY()+${dueSoonDays})`;
    case 'check data':
      return `=AND(${mark}, ${statusRef}="Check data")`;
  }
}

/** The Sub-team column's validation formula for a cell. */
export const validationFormula = subTeamValidationFormula;

/** The same formula with `separator` between arguments (commas inside text literals stay). */
export function withSeparator(formula: string, separator: Separator): string {
  if (separator === ',') return formula;
  let out = '';
  let inText = false;
  for (const ch of formula) {
    if (ch === '"') inText = !inText;
    out += !inText && ch === ',' ? ';' : ch;
  }
  return out;
}

/** The separator a stored setting names; ',' for anything else. */
export function parseSeparator(value: unknown): Separator {
  return value === ';' ? ';' : ',';
}
