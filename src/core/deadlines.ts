// The deadline engine: for a case, what must happen next, by which calendar day,
// and how urgent that is. It walks the process declaration (process.ts) in its
// engine order; the first owed milestone wins. Pure: `today` is a calendar day in
// the spreadsheet's zone.

import type { Day } from './calendar';
import type { CaseRecord } from './cases';
import { isBlankRow, readCase } from './cases';
import { outcomeEndDateProblem, type ColumnMap, type DeadlineStatus, type Stage } from './columns';
import { PROCESS, type MilestoneDeclaration, type MilestoneId, type Process, type ProcessSettings } from './process';
import { rowProblems } from './row-checks';
import type { Settings } from './settings';
import { subTeamProblem } from './people';

export interface Deadline {
  /** What to do next; for `Check data`, what is wrong with the row (naming the column). */
  action: string;
  due: Day | null;
  status: DeadlineStatus;
  /** The milestone the action is for (the first of several done together); absent for Closed and Check data. */
  milestone?: MilestoneId;
}

export type DeadlineSettings = ProcessSettings & Pick<Settings, 'dueSoonDays'>;

export function statusFor(due: Day, today: Day, dueSoonDays: number): DeadlineStatus {
  if (due < today) return 'Overdue';
  if (due <= today + dueSoonDays) return 'Due soon';
  return 'On track';
}

/** Either the next step, a reason the row cannot be computed, or nothing owed. */
export type NextStep = { action: string; due: Day; milestone: MilestoneId } | { problem: string } | { closed: true };

/** What a milestone the engine reaches requires of the row, beyond being owed. */
function requirementProblem(id: MilestoneId, c: CaseRecord): string | null {
  if (id === 'subTeam') {
    if (c.subTeam === '') return 'Sub-team is missing';
    const problem = subTeamProblem(c.subTeam);
    if (problem) return problem;
    if (c.subTeamFormed === null) return 'Sub-team formed is missing';
  }
  // An appeal is heard by three named members.
  if (id === 'appealReview' && c.appealDecision === '' && c.appealReviewers === '') return 'Appeal reviewers is missing';
  // A temporary measure needs its end date; a permanent ban or no action has none.
  if (id === 'decision') return outcomeEndDateProblem(c.outcome, c.outcomeEndDate !== null);
  return null;
}

export function nextStep(c: CaseRecord, s: ProcessSettings, process: Process = PROCESS): NextStep {
  const problems = rowProblems(c);
  if (problems.length) return { problem: problems[0] };
  // A closed case owes only what is heard after closing (an open appeal).
  const closed = c.closed !== null;

  for (const entry of process.declaration.engineOrder) {
    if (closed && !entry.milestones.every((id) => process.milestone(id).afterClose)) continue;
    // A requirement (the sub-team, the decision's end date): reached at its stages,
    // the row must hold it before anything later is owed.
    for (const id of entry.milestones) {
      const m = process.milestone(id);
      if (m.requiredAt?.includes(c.stage as Stage) && process.isReachable(id, c)) {
        const problem = requirementProblem(id, c);
        if (problem) return { problem };
      }
    }
    const owed = entry.milestones
      .filter((id) => process.milestone(id).due !== null && process.isOwed(id, c))
      .map((id) => ({ id, due: process.dueOf(id, c, s) }))
      .filter((o): o is { id: MilestoneId; due: Day } => o.due !== null);
    if (owed.length === 0) continue;
    const due = Math.min(...owed.map((o) => o.due));
    const first = owed.filter((o) => o.due === due);
    const action = first.length > 1 && entry.together ? entry.together : nextWords(process.milestone(first[0].id), c);
    return { action, due, milestone: first[0].id };
  }
  if (closed) return { closed: true };
  // Nothing owed that the row can date: only a row that contradicts its stage gets here.
  return { problem: `Stage is ${c.stage} but the row does not say what is owed next` };
}

/** A milestone's words as the next action; an adopted row without an Assessment keeps the words it always had. */
function nextWords(m: MilestoneDeclaration, c: CaseRecord): string {
  return c.assessment === '' && m.words.nextUnassessed ? m.words.nextUnassessed : m.words.next;
}

export function computeDeadline(c: CaseRecord, today: Day, settings: DeadlineSettings, process: Process = PROCESS): Deadline {
  const step = nextStep(c, settings, process);
  if ('problem' in step) return { action: step.problem, due: null, status: 'Check data' };
  if ('closed' in step) return { action: '', due: null, status: 'Closed' };
  return { action: step.action, due: step.due, status: statusFor(step.due, today, settings.dueSoonDays), milestone: step.milestone };
}

/** The computed cells of one sheet row; null for a wholly blank row (left empty). */
export function deadlineForRow(
  row: readonly unknown[],
  map: ColumnMap,
  timeZone: string,
  today: Day,
  settings: DeadlineSettings,
  process: Process = PROCESS,
): Deadline | null {
  if (isBlankRow(row, map)) return null;
  return computeDeadline(readCase(row, map, timeZone), today, settings, process);
}
