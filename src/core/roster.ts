// The Roster sheet's columns: who is on the IRT, where, and whether they can take a case.
import type { SheetRule } from './validation';

export const ROSTER_HEADER = ['Name', 'Email', 'Time zone', 'Available', 'Unavailable until'] as const;
export type RosterColumn = (typeof ROSTER_HEADER)[number];

export const ROSTER_RULES: readonly { column: RosterColumn; rule: SheetRule }[] = [
  { column: 'Email', rule: { type: 'email', help: 'Email: the member’s email address' } },
  { column: 'Available', rule: { type: 'list', values: ['Yes', 'No'], help: 'Available: Yes or No' } },
  { column: 'Unavailable until', rule: { type: 'date', help: 'Unavailable until: a date' } },
];
