// Which saved replies a case can take now, and in a few words why the others
// cannot. Derived from the process declaration (process.ts): the milestone each
// template's Step records, what must come first, its path, what ends it, its
// stages. The reported party hears from us only once a sub-team exists, and only
// with the reporter's permission (the response plan aside, once the case is
// decided); a team's own template (no Step) goes to the reporter on any open case.
// One rule for the draft dialog's list, previewDraft and createDraft.

import type { CaseRecord } from './cases';
import { PROCESS, pathOf, type MilestoneId, type Process, type TemplateStepId } from './process';
import { needsPermission, recipientOf, sentColumnOf, type Template, type TemplateChoice } from './templates';

export type Availability = { open: true } | { open: false; reason: string };

/** How a reason speaks of each milestone: still to come, done, and (for one that ends others) owed instead. */
const SAID: Record<MilestoneId, { notYet: string; done: string; instead?: string }> = {
  firstReply: { notYet: 'the first reply has not been sent', done: 'the first reply was sent' },
  assessment: { notYet: 'the case is not assessed yet', done: 'the case is assessed' },
  explained: { notYet: 'the decision has not been explained', done: 'the case is closed' },
  subTeam: { notYet: 'the sub-team is not formed yet', done: 'the sub-team is formed' },
  permission: { notYet: 'the reporter has not answered on permission', done: 'the reporter answered on permission' },
  reporterNotified: { notYet: 'the reporter has not been notified yet', done: 'the reporter was notified' },
  reportedPartyNotified: { notYet: 'the reported party has not been notified yet', done: 'the reported party was notified' },
  updateReporter: { notYet: 'no update was sent to the reporter', done: 'an update was sent to the reporter' },
  updateReportedParty: { notYet: 'no update was sent to the reported party', done: 'an update was sent to the reported party' },
  decision: { notYet: 'no outcome is recorded yet', done: 'the outcome is recorded' },
  responsePlan: {
    notYet: 'the response plan has not been sent',
    done: 'the response plan was sent',
    instead: 'the case is decided: send the response plan instead',
  },
  reporterToldOutcome: { notYet: 'the reporter has not been told the outcome', done: 'the reporter was told the outcome' },
  closed: { notYet: 'the case is not closed', done: 'the case is closed' },
  appeal: { notYet: 'no appeal was received', done: 'the appeal is recorded' },
  appealReview: { notYet: 'there is no decided appeal', done: 'the appeal is decided' },
  appealResultToReporter: { notYet: 'the reporter has not been told the appeal result', done: 'the reporter was told the appeal result' },
  appealResultToReported: {
    notYet: 'the reported party has not been told the appeal result',
    done: 'the reported party was told the appeal result',
  },
};

/** Whether a template may be drafted for this case now, or why not. */
export function availability(
  template: Pick<Template, 'to' | 'step' | 'outcome'>,
  c: CaseRecord,
  process: Process = PROCESS,
): Availability {
  const no = (reason: string): Availability => ({ open: false, reason });
  // A closed case takes only what comes after closing (an appeal's result).
  const afterClose = template.step ? process.milestone(process.templateStep(template.step).milestone).afterClose === true : false;
  if ((c.closed !== null || c.stage === 'Closed') && !afterClose) return no('the case is closed');
  // A To that names no role is the template's own fault: prepareDraft names it.
  const role = recipientOf(template.to);
  // Nothing to the reported party before a sub-team exists.
  if (role === 'Reported party' && !process.isDone('subTeam', c)) return no(SAID.subTeam.notYet);

  if (template.step) {
    const saved = process.templateStep(template.step);
    const m = process.milestone(saved.milestone);
    const path = pathOf(c);
    if (m.path && path !== null && path !== m.path) return no(`the case was assessed as ${path === 'not a violation' ? 'not a violation' : 'a possible violation'}`);
    const missing = m.after.find((a) => !process.isDone(a, c));
    if (missing) return no(SAID[missing].notYet);
    // The updates end with the response plan, and give way to it once the case is decided.
    for (const end of m.until ?? []) {
      if (process.isDone(end, c)) return no(SAID[end].done);
      if (process.isReachable(end, c)) return no(SAID[end].instead ?? SAID[end].notYet);
    }
    if (!m.repeats && process.isDone(m.id, c)) return no(SAID[m.id].done);
    if (!(saved.stages as readonly string[]).includes(c.stage)) return no(`not a step for a case at stage ${c.stage || '(empty)'}`);
    if (template.outcome && template.outcome !== c.outcome)
      return no(c.outcome === '' ? SAID.decision.notYet : `it is for the outcome ${template.outcome}; the case's is ${c.outcome}`);
  }
  // Then the reporter's permission: the response plan of a decided case goes without it.
  if (role === 'Reported party' && needsPermission(template, c) && c.permission !== 'Yes') return no('the reporter has not given permission');
  return { open: true };
}

/** A refusal's line for a template that is not open now: the reason, as a sentence. */
export function notOpenProblem(reason: string): string {
  return `Not for this case now: ${reason}`;
}

/** The templates for a case: those open now first (each group in the sheet's order), every other with its reason. */
export function templateChoices(templates: readonly Template[], c: CaseRecord, process: Process = PROCESS): TemplateChoice[] {
  const choices: TemplateChoice[] = templates.map((t) => {
    const fit = availability(t, c, process);
    return {
      name: t.name,
      to: recipientOf(t.to) ?? t.to,
      step: t.step ?? null,
      fits: fit.open,
      reason: fit.open ? null : fit.reason,
      sentColumn: sentColumnOf(t, process),
    };
  });
  return [...choices.filter((x) => x.fits), ...choices.filter((x) => !x.fits)];
}

/**
 * The template the dialog opens on: the first open one whose Step is the saved reply
 * of the case's next action (`next`, the engine's milestone), else the first open one.
 */
export function preselectChoice(
  choices: readonly TemplateChoice[],
  next: MilestoneId | undefined,
  process: Process = PROCESS,
): string | null {
  const wanted: TemplateStepId | null = next ? process.milestone(next).template : null;
  const open = choices.filter((x) => x.fits);
  return (open.find((x) => wanted !== null && x.step === wanted) ?? open[0])?.name ?? null;
}
