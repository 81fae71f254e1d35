// docs/process.md, written from the process declaration (src/core/process.ts):
// `npm run docs:process` regenerates it, and test/unit/process-doc.test.ts fails
// when the file and the declaration disagree, so the two cannot drift.

import { stepLabel } from '../src/core/case-steps';
import { STAGES } from '../src/core/columns';
import { PROCESS, type DueRule, type MilestoneDeclaration, type Process } from '../src/core/process';
import { SETTING_SPECS } from '../src/core/settings';
import { stepText } from '../src/core/templates';

const setting = (key: string) => SETTING_SPECS.find((s) => s.key === key);
const list = (items: readonly string[]) => (items.length ? items.join(', ') : '—');
const code = (text: string) => `\`${text}\``;

function dueText(rule: DueRule | null, process: Process): string {
  if (rule === null) return 'no deadline of its own';
  if ('earliestOf' in rule) return `the earliest due day of ${rule.earliestOf.map((id) => process.milestone(id).words.timeline).join(' / ')}`;
  const from = rule.from.join(', else ');
  if (rule.window === null) return `on ${from}`;
  const spec = setting(rule.window);
  return `${spec?.label} (default ${spec?.defaultValue}) after ${from}`;
}

function milestoneRow(m: MilestoneDeclaration, process: Process): string {
  const when = [
    m.path ? `${m.path} path` : 'both paths',
    !process.declaration.engineOrder.some((e) => e.milestones.includes(m.id))
      ? 'never owed (recorded when known)'
      : m.owedAt
        ? `owed at ${m.owedAt.join(', ')}`
        : m.afterClose
          ? 'owed at any stage, after closing too'
          : 'owed at any open stage',
    ...(m.requiredAt ? [`required at ${m.requiredAt.join(', ')}`] : []),
    ...(m.permission ? [`only with permission ${m.permission}`] : []),
    ...(m.after.length ? [`after ${m.after.map((id) => process.milestone(id).words.timeline).join(', ')}`] : []),
    ...(m.until?.length ? [`until ${m.until.map((id) => process.milestone(id).words.timeline).join(', ')}`] : []),
  ].join('; ');
  const reply = m.template ? `${process.templateStep(m.template).name} (Step ${code(stepText({ step: m.template }))})` : '—';
  const step = m.step ? `${stepLabel(m.step.id)} (at ${m.step.stages.join(', ')})` : '—';
  const cells = [
    m.words.timeline ?? m.words.next,
    list(m.columns.map(code)),
    when,
    dueText(m.due, process) + (m.repeats ? ', again after each one' : ''),
    reply,
    step,
    `“${m.words.next}”`,
  ];
  return `| ${cells.join(' | ')} |`;
}

export function processDoc(process: Process = PROCESS): string {
  const d = process.declaration;
  const lines = [
    '# The process the tracker follows',
    '',
    '<!-- Generated from src/core/process.ts by `npm run docs:process`; do not edit by hand. -->',
    '',
    'A Code of Conduct Incident Response Team keeps one row per report in the Case Tracker.',
    'Each case goes through the milestones below, in this order. The deadline engine, the',
    'case timeline, the case panel’s steps, the saved replies that fit a case and the daily',
    'digests are all read from this one declaration (`DEFAULT_DECLARATION` in',
    '`src/core/process.ts`: change a rule there and every view follows); the windows are rows',
    'of the Settings sheet.',
    '',
    `Stages: ${STAGES.map(code).join(', ')}. After the initial assessment a case is either`,
    'a **possible violation** (a sub-team of three takes it) or **not a violation** (the reporter',
    'is told why and the case is closed).',
    '',
    '## Milestones',
    '',
    '| milestone | recorded in | when it is owed | due | saved reply | case panel step | next action |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...d.milestones.map((m) => milestoneRow(m, process)),
    '',
    '## What comes next',
    '',
    'The Next action of a case is the first of these that is owed (an entry of two runs in',
    'parallel for both parties: the earliest due day wins, and when both are due the same day',
    'the entry’s own words are shown):',
    '',
    ...d.engineOrder.map(
      (entry, i) =>
        `${i + 1}. ${entry.milestones.map((id) => `“${process.milestone(id).words.next}”`).join(' + ')}` +
        (entry.together ? ` (together: “${entry.together}”)` : ''),
    ),
    '',
    'A row that is missing something its stage needs (a date, the sub-team, a temporary ban’s',
    'end date) or holds a word the tracker does not use shows `Check data`, naming the column.',
    '',
    '## Saved replies',
    '',
    'Each row of the Templates sheet names its step in the `Step` column; a row with an empty',
    'Step is a message of the team’s own. A response plan written for one outcome only has the',
    'Step `responsePlan: <Outcome>`.',
    '',
    '| saved reply | Step | fits a case at | marking it sent records |',
    '| --- | --- | --- | --- |',
    ...d.templates.map(
      (t) => `| ${t.name} | ${code(t.id)} | ${t.stages.join(', ')} | ${process.milestone(t.milestone).words.timeline} |`,
    ),
    '',
    '## Digests',
    '',
    `A member’s daily digest lists their cases whose status is ${d.digest.statuses.join(', ')}, and these follow-ups`,
    'when their day is within the due-soon window, even after the case closed:',
    '',
    ...d.digest.followUps.map((f) => `- ${f.outcome}: “${f.words}” on ${code(f.date)}.`),
    '',
    'An open case also appears:',
    '',
    `- in its sub-team’s digests, as overdue, once ${code(d.target.column)} has passed before “${d.milestones.find((m) => m.id === d.target.metBy)?.words.timeline}” is recorded: “${d.target.words.passed}”;`,
    `- in the digests of the other members of its sub-team when the Roster says one of them cannot work that day: “${d.digest.memberUnavailable}” (never who, nor any party’s name).`,
    '',
    'While the reporter’s permission is `Not asked`, the reported party’s notification waits for it and no deadline runs on it.',
    '',
  ];
  return lines.join('\n');
}
