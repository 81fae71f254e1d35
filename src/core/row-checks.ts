// What a row must hold before any step of the process can be read from it: the
// one list of checks behind `Check data`. The deadline engine shows the first
// problem; the case panel lists them all and offers no step until they are fixed.

import { DATE_FIELDS, type CaseRecord, type DateField } from './cases';
import { APPEAL_DECISIONS, ASSESSMENTS, OUTCOMES, PERMISSIONS, STAGES } from './columns';

/** Dates that still matter once a case is closed. */
const AFTER_CLOSE_FIELDS: readonly DateField[] = [
  'appealReceived',
  'appealDecided',
  'reporterToldAppealResult',
  'reportedPartyToldAppealResult',
  'expungeAfter',
];

/**
 * The row's problems, in the order the engine reports them. A closed case (a
 * real Closed date) is checked only for its receipt and what comes after closing
 * (an appeal, the expunge date): nothing else it says can make it late.
 */
export function rowProblems(c: CaseRecord): string[] {
  const problems: string[] = [];
  // Everything is counted from receipt.
  if (c.received === null) problems.push('Received is missing');
  if (c.received === 'invalid') problems.push('Received is not a date');
  if (c.closed === 'invalid') problems.push('Closed is not a date');
  for (const field of AFTER_CLOSE_FIELDS) if (c[field] === 'invalid') problems.push(`${DATE_FIELDS[field]} is not a date`);
  if (c.appealDecision !== '' && !(APPEAL_DECISIONS as readonly string[]).includes(c.appealDecision))
    problems.push(`Appeal decision "${c.appealDecision}" is not one of ${APPEAL_DECISIONS.join(', ')}`);
  if (c.closed !== null) return problems;

  // The row must say where the case stands, in the tracker's own words.
  if (!(STAGES as readonly string[]).includes(c.stage))
    problems.push(c.stage === '' ? 'Stage is missing' : `Stage "${c.stage}" is not one of ${STAGES.join(', ')}`);
  if (c.stage === 'Closed') problems.push('Stage is Closed but the Closed date is missing');
  for (const field of Object.keys(DATE_FIELDS) as DateField[]) {
    if (field !== 'received' && field !== 'closed' && !AFTER_CLOSE_FIELDS.includes(field) && c[field] === 'invalid')
      problems.push(`${DATE_FIELDS[field]} is not a date`);
  }
  if (c.permission !== '' && !(PERMISSIONS as readonly string[]).includes(c.permission))
    problems.push(`Permission to notify reported party "${c.permission}" is not one of ${PERMISSIONS.join(', ')}`);
  if (c.outcome !== '' && !(OUTCOMES as readonly string[]).includes(c.outcome))
    problems.push(`Outcome "${c.outcome}" is not one of ${OUTCOMES.join(', ')}`);
  // The recorded assessment and the stage must tell the same story.
  if (c.assessment !== '' && !(ASSESSMENTS as readonly string[]).includes(c.assessment))
    problems.push(`Assessment "${c.assessment}" is not one of ${ASSESSMENTS.join(', ')}`);
  else if (c.assessment === 'Not a violation' && ['Sub-team formed', 'Investigating', 'Decision'].includes(c.stage))
    problems.push(`Assessment is Not a violation but Stage is ${c.stage}`);
  else if (c.assessment === 'Possible violation' && c.stage === 'Not a violation')
    problems.push('Assessment is Possible violation but Stage is Not a violation');
  return problems;
}
