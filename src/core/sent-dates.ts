// "Mark as sent today": which date column a sent template fills, and whether it
// may. Drafting never changes a date (sending is a human act); this is the one
// place a template touches the row.
//
// Every saved reply goes with one step of the case panel (the step whose date
// column the template's kind fills), and marking it sent IS that step, dated
// today: the same preconditions, the same cells (a stage that moves moves here
// too), through planStep, so the two paths never disagree. On top of the step:
// a date is never overwritten silently (a once-only date already set is
// refused; a regular update's date only moves forward, and the result says from
// what to what), and a template to the reported party needs the reporter's
// permission unless it is the response plan of a decided case.

import { formatDay, isoFromDay, type Day } from './calendar';
import { normalizeHeader, type ColumnName } from './columns';
import { planStep, stepLabel, stepTemplateId, type CellChanges, type PanelCase, type StepId } from './case-steps';
import { PROCESS, fieldOfColumn, type Process } from './process';
import { needsPermission, type Template } from './templates';

export type SentPlan =
  | {
      ok: true;
      column: ColumnName;
      day: Day;
      previous: Day | null;
      /** False when the date is already today: nothing to write. */
      changed: boolean;
      message: string;
      /** The panel step this records. */
      step: StepId;
      /** The cells to write (the step's), empty when nothing changes. */
      cells: CellChanges;
      /** The Log line. */
      action: string;
      detail: string;
    }
  | { ok: false; problem: string };

export interface SentInput {
  template: Pick<Template, 'name' | 'to' | 'step' | 'outcome'>;
  /** The case as its row reads now. */
  case: PanelCase;
  today: Day;
  dateFormat: string;
}

export function planMarkSent({ template, case: c, today, dateFormat }: SentInput, process: Process = PROCESS): SentPlan {
  if (!template.step)
    return {
      ok: false,
      problem: `"${template.name}" is not one of the tracker's saved replies, so it has no date column to fill. Enter the date in the sheet yourself.`,
    };
  // The saved reply's milestone: its date column, and the panel step that records it.
  const milestone = process.milestone(process.templateStep(template.step).milestone);
  const column = milestone.columns[0];
  const step = milestone.step?.id ?? null;
  const field = fieldOfColumn(column);
  if (!step || !field) return { ok: false, problem: `No step of the case panel fills ${column}. Enter the date in the sheet yourself.` };
  const notFilled = `${column} was not filled.`;

  // The reporter's permission, with the response plan exempt only once the case is decided.
  if (needsPermission(template, { stage: c.stage, outcome: c.outcome }) && c.permission.trim() !== 'Yes')
    return {
      ok: false,
      problem:
        template.step === 'responsePlan'
          ? `A response plan goes to the reported party without the reporter's permission only once the case is decided (Stage Decision with an Outcome); this case is at stage ${c.stage || '(empty)'}${c.outcome ? '' : ' with no Outcome'}, so ${notFilled}`
          : `The reporter has not given permission to contact the reported party, so ${notFilled}`,
    };
  const planOutcome = template.outcome ?? null;
  if (planOutcome !== null && normalizeHeader(planOutcome) !== normalizeHeader(c.outcome))
    return {
      ok: false,
      problem: `This response plan is for the outcome ${planOutcome}, but the case's Outcome is ${c.outcome || 'empty'}, so ${notFilled}`,
    };
  // The close step goes with "Not a violation" only for a case assessed as not a violation.
  if (stepTemplateId(step, c, process) !== template.step)
    return {
      ok: false,
      problem: `"${template.name}" does not go with a case at stage ${c.stage || '(empty)'} (the case panel's "${stepLabel(step)}" does not use it), so ${notFilled}`,
    };

  const current = c[field];
  const show = (day: Day) => formatDay(day, dateFormat);
  if (current === 'invalid')
    return { ok: false, problem: `The ${column} cell holds something that is not a date. Nothing was changed: fix the cell first.` };
  if (current === today)
    return {
      ok: true,
      column,
      day: today,
      previous: current,
      changed: false,
      message: `${column} is already ${show(today)}.`,
      step,
      cells: {},
      action: stepLabel(step),
      detail: '',
    };
  if (current !== null && !milestone.repeats)
    return {
      ok: false,
      problem: `${column} is already ${show(current)}. Nothing was changed: edit the cell yourself if that date is wrong.`,
    };
  if (current !== null && current > today)
    return {
      ok: false,
      problem: `${column} is ${show(current)}, later than today (${show(today)}). Nothing was changed: check the cell.`,
    };

  // The panel's step, dated today, with the row's own fields (the permission stays as it is).
  const planned = planStep(step, c, { date: isoFromDay(today), permission: c.permission }, { today }, process);
  if (!planned.ok) return { ok: false, problem: `${planned.message} ${notFilled}` };
  const stage = planned.cells.Stage;
  const moved = typeof stage === 'string' && stage !== c.stage ? ` Stage moved from ${c.stage} to ${stage}.` : '';
  return {
    ok: true,
    column,
    day: today,
    previous: current,
    changed: true,
    message: (current === null ? `${column} set to ${show(today)}.` : `${column} moved from ${show(current)} to ${show(today)}.`) + moved,
    step,
    cells: planned.cells,
    action: planned.action,
    detail: [`Marked sent: ${template.name}`, planned.detail].filter(Boolean).join('; '),
  };
}

export const isoOrNull = (day: Day | null): string | null => (day === null ? null : isoFromDay(day));
