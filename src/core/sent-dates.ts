// "Mark as sent today": which date column a sent template fills, and whether it
// may. Drafting never changes a date (sending is a human act); this is the one
// place a template touches the row. A date is never overwritten silently: a
// once-only date (First reply sent, Response plan sent, …) that is already set is
// refused; a regular update's date only moves forward, and the result says from
// what to what.

import { formatDay, isoFromDay, type Day } from './calendar';
import type { DayCell } from './cases';
import type { ColumnName } from './columns';
import { kindOf, needsPermission, type Template } from './templates';

export type SentPlan =
  | { ok: true; column: ColumnName; day: Day; previous: Day | null; changed: boolean; message: string }
  | { ok: false; problem: string };

export interface SentInput {
  template: Pick<Template, 'name' | 'to'>;
  /** The column's current value on the row. */
  current: DayCell;
  /** The row's permission to notify the reported party. */
  permission: string;
  today: Day;
  dateFormat: string;
}

/** The date column a template's "Mark as sent today" fills, or null for a team's own kind of message. */
export function sentColumnFor(templateName: string): ColumnName | null {
  return kindOf(templateName)?.sentColumn ?? null;
}

export function planMarkSent({ template, current, permission, today, dateFormat }: SentInput): SentPlan {
  const kind = kindOf(template.name);
  if (!kind)
    return {
      ok: false,
      problem: `"${template.name}" is not one of the tracker's saved replies, so it has no date column to fill. Enter the date in the sheet yourself.`,
    };
  const column = kind.sentColumn;
  if (needsPermission(template) && permission.trim() !== 'Yes')
    return {
      ok: false,
      problem: `The reporter has not given permission to contact the reported party, so ${column} was not filled.`,
    };
  const show = (day: Day) => formatDay(day, dateFormat);
  if (current === 'invalid')
    return { ok: false, problem: `The ${column} cell holds something that is not a date. Nothing was changed: fix the cell first.` };
  if (current === today)
    return { ok: true, column, day: today, previous: current, changed: false, message: `${column} is already ${show(today)}.` };
  if (current !== null && !kind.repeats)
    return {
      ok: false,
      problem: `${column} is already ${show(current)}. Nothing was changed: edit the cell yourself if that date is wrong.`,
    };
  if (current !== null && current > today)
    return {
      ok: false,
      problem: `${column} is ${show(current)}, later than today (${show(today)}). Nothing was changed: check the cell.`,
    };
  return {
    ok: true,
    column,
    day: today,
    previous: current,
    changed: true,
    message:
      current === null
        ? `${column} set to ${show(today)}.`
        : `${column} moved from ${show(current)} to ${show(today)}.`,
  };
}

export const isoOrNull = (day: Day | null): string | null => (day === null ? null : isoFromDay(day));
