// Appeals: a party asks for a review of a decided case within the appeal window;
// three members other than the case's sub-team and its parties review it within
// the review window; the decision stands meanwhile. Pure.

import { isoFromDay, type Day } from './calendar';
import { APPEAL_DECISIONS } from './columns';
import { isListed, memberEntries, parsePeople, subTeamProblem } from './people';
import { caseExclusions, ineligibility, isParty, type CaseExclusions, type CaseTies, type RosterMember } from './subteam';

export const REVIEW_APPEAL_ACTION = 'Review appeal';

/** What the appeal rules need of a case. */
export interface AppealCase {
  appealReceived: Day | null | 'invalid';
  appealDecision: string;
  responsePlanSent: Day | null | 'invalid';
}

/** An appeal received and not yet decided: it owes a review. */
export function hasOpenAppeal(c: Pick<AppealCase, 'appealReceived' | 'appealDecision'>): boolean {
  return typeof c.appealReceived === 'number' && c.appealDecision === '';
}

/** The open appeal's review: due the review window after the appeal came in. */
export function appealReview(c: AppealCase, reviewWindowDays: number): { action: string; due: Day } | null {
  if (!hasOpenAppeal(c)) return null;
  return { action: REVIEW_APPEAL_ACTION, due: (c.appealReceived as Day) + reviewWindowDays };
}

/** Last day a party may appeal: the appeal window after the response plan went out (null before it did). */
export function appealWindowEnd(c: Pick<AppealCase, 'responsePlanSent'>, appealWindowDays: number): Day | null {
  return typeof c.responsePlanSent === 'number' ? c.responsePlanSent + appealWindowDays : null;
}

/** The warning for an appeal received after the window (recorded all the same), or null. */
export function lateAppealWarning(received: Day, c: Pick<AppealCase, 'responsePlanSent'>, appealWindowDays: number): string | null {
  const end = appealWindowEnd(c, appealWindowDays);
  if (end === null || received <= end) return null;
  return `The appeal came ${received - end} day${received - end === 1 ? '' : 's'} after the ${appealWindowDays}-day appeal window (it ended ${isoFromDay(end)}); it is recorded all the same.`;
}

export function isAppealDecision(value: string): value is (typeof APPEAL_DECISIONS)[number] {
  return (APPEAL_DECISIONS as readonly string[]).includes(value);
}

/**
 * Who may not review the appeal: the case's parties and Conflicts, as for a sub-team,
 * and the original sub-team (named in the exclusions' conflicts for the suggestion).
 */
export function appealExclusions(ties: Partial<CaseTies>, subTeam: string): CaseExclusions {
  const base = caseExclusions(ties);
  const team = parsePeople(subTeam);
  return { ...base, conflicts: [...base.conflicts, ...team], subTeam: team };
}

/**
 * Why these reviewers cannot hear the appeal, or null when they can: three distinct
 * Roster members, none of them on the case's sub-team, a party, in its Conflicts, or
 * unavailable that day.
 */
export function reviewersProblem(
  reviewers: string,
  subTeam: string,
  ties: Partial<CaseTies>,
  roster: readonly RosterMember[],
  day: Day,
): string | null {
  const shape = subTeamProblem(reviewers);
  if (shape) return shape.replace(/^Sub-team/, 'Appeal reviewers');
  const team = parsePeople(subTeam);
  const exclusions = caseExclusions(ties);
  for (const [i, entry] of memberEntries(reviewers).entries()) {
    const email = entry.toLowerCase();
    const member = roster.find((m) => m.email.toLowerCase() === email);
    if (!member) return `${entry} is not on the Roster`;
    if (isListed(member, team))
      return `${member.name} (${member.email}) is on this case’s sub-team: an appeal is heard by other members`;
    const why = ineligibility(member, day, exclusions);
    // A party is refused without being named: the message may be read over a shoulder.
    if (why && isParty(member, exclusions)) return `reviewer ${i + 1} is ${why}, and a party never reviews their own case`;
    if (why) return `${member.name} (${member.email}) cannot review the appeal: ${why}`;
  }
  return null;
}
