// The Roster sheet's columns: who is on the IRT, where, and whether they can take a case.
import { isoFromDay, type Day } from './calendar';
import type { SheetRule } from './validation';

export const ROSTER_HEADER = ['Name', 'Email', 'Time zone', 'Available', 'Unavailable until'] as const;
export type RosterColumn = (typeof ROSTER_HEADER)[number];

export const ROSTER_RULES: readonly { column: RosterColumn; rule: SheetRule }[] = [
  { column: 'Email', rule: { type: 'email', help: 'Email: the member’s email address' } },
  { column: 'Available', rule: { type: 'list', values: ['Yes', 'No'], help: 'Available: Yes or No' } },
  { column: 'Unavailable until', rule: { type: 'date', help: 'Unavailable until: a date' } },
];

/**
 * Why the Roster says a member cannot work on a case that day (`Available` is No, or
 * `Unavailable until` is that day or later), or null when they can. The one rule for
 * the sub-team suggestion and for noticing an unavailable member of a sub-team.
 */
export function unavailability(member: { available: boolean; unavailableUntil: Day | null }, day: Day): string | null {
  if (!member.available) return 'not available (Available is No)';
  if (member.unavailableUntil !== null && member.unavailableUntil >= day) return `unavailable until ${isoFromDay(member.unavailableUntil)}`;
  return null;
}
