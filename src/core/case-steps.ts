// The case panel's steps: which steps a case's stage allows, what each step needs
// before it may be recorded (naming what is missing), and exactly which cells it
// fills. Pure: `today` is a calendar day in the
// spreadsheet's zone and nothing here reads or writes a sheet.

import { dayFromIso, isoFromDay, type Day } from './calendar';
import { DATE_FIELDS, cellText, readCase, type CaseRecord, type DateField } from './cases';
import {
  APPEAL_DECISIONS,
  APPELLANTS,
  ASSESSMENTS,
  OUTCOMES,
  PERMISSIONS,
  normalizeHeader,
  outcomeEndDateProblem,
  outcomeEndDateRule,
  requestedActionRequired,
  type ColumnMap,
  type ColumnName,
  type Stage,
} from './columns';
import { conflictsProblem, memberEntries, subTeamProblem } from './people';
import {
  PROCESS,
  SUB_TEAM_STAGES,
  fieldOfColumn,
  pathOf,
  type MilestoneDeclaration,
  type MilestoneId,
  type PanelStepId,
  type Process,
  type ProcessSettings,
  type TemplateStepId,
} from './process';
import { rowProblems } from './row-checks';
import { caseExclusions, ineligibility, isParty, type CaseTies, type RosterMember } from './subteam';
import { emailProblem, NOT_PLAIN_ASCII } from './email';
import { MAX_CELL_TEXT } from './validation';
import { appealWindowEnd, isAppealDecision, lateAppealWarning, reviewersProblem } from './appeals';
import { expungeDate, type KeepSettings } from './retention';
import type { Settings } from './settings';

const STEP_IDS = [
  'firstReply',
  'assessment',
  'subTeam',
  'permission',
  'notifyReporter',
  'notifyReportedParty',
  'updateReporter',
  'updateReportedParty',
  'decision',
  'responsePlan',
  'reporterToldOutcome',
  'close',
  'replaceMember',
  'conflicts',
  'recordAppeal',
  'recordAppealDecision',
  'appealReporterTold',
  'appealReportedTold',
] as const;
export type StepId = (typeof STEP_IDS)[number];


/** A case row as the panel needs it: the deadline engine's record plus a few text cells. */
export interface PanelCase extends CaseRecord, CaseTies {
  findings: string;
  channel: string;
  requestedAction: string;
  behaviourDescription: string;
}

export function readPanelCase(row: readonly unknown[], map: ColumnMap, timeZone: string): PanelCase {
  const text = (name: ColumnName) => (map[name] === undefined ? '' : cellText(row[map[name] as number], timeZone));
  return {
    ...readCase(row, map, timeZone),
    findings: text('Findings'),
    channel: text('Channel'),
    requestedAction: text('Requested action'),
    behaviourDescription: text('Behaviour description'),
    // Who may not sit on the sub-team.
    conflicts: text('Conflicts'),
    reporterName: text('Reporter name'),
    reporterEmail: text('Reporter email'),
    reportedPartyName: text('Reported party name'),
    reportedPartyEmail: text('Reported party email'),
  };
}

/** What a step writes: a Day for a date cell, a string for text or a list word, null to blank a cell. */
type CellValue = string | Day | null;
export type CellChanges = Partial<Record<ColumnName, CellValue>>;

/** What the panel sends for a step: plain strings only, dates as yyyy-mm-dd. */
export type StepFields = Partial<Record<FieldName, string>>;
type FieldName =
  | 'date'
  | 'assessment'
  | 'members'
  | 'channel'
  | 'targetDate'
  | 'permission'
  | 'outcome'
  | 'endDate'
  | 'requestedAction'
  | 'behaviourDescription'
  | 'findings'
  | 'outgoing'
  | 'incoming'
  | 'conflicts'
  | 'expungeAfter'
  | 'appealedBy'
  | 'appealDecision';

const FIELD_NAMES: readonly FieldName[] = [
  'date',
  'assessment',
  'members',
  'channel',
  'targetDate',
  'permission',
  'outcome',
  'endDate',
  'requestedAction',
  'behaviourDescription',
  'findings',
  'outgoing',
  'incoming',
  'conflicts',
  'expungeAfter',
  'appealedBy',
  'appealDecision',
];

/** The step's fields from whatever the client sent: known names only, strings only. */
export function cleanFields(input: unknown): { ok: true; fields: StepFields } | { ok: false; message: string } {
  if (input === undefined || input === null) return { ok: true, fields: {} };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, message: 'The step’s fields must be an object' };
  const fields: StepFields = {};
  for (const name of FIELD_NAMES) {
    const value = (input as Record<string, unknown>)[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { ok: false, message: `The field ${name} must be text` };
    if (value.length > MAX_CELL_TEXT) return { ok: false, message: `The field ${name} is longer than ${MAX_CELL_TEXT} characters` };
    fields[name] = value;
  }
  return { ok: true, fields };
}

export interface FieldView {
  name: FieldName;
  label: string;
  type: 'date' | 'select' | 'text' | 'textarea' | 'members' | 'email';
  options?: string[];
  /** The value the form starts with (today for a date). */
  value: string;
  required: boolean;
  help?: string;
}

export interface StepView {
  id: StepId;
  label: string;
  /** The saved reply that goes with this step (the process's name for it), if any. */
  template: string | null;
  /** That saved reply's step (the Templates sheet's Step value), if any. */
  templateStep: TemplateStepId | null;
  /** When the step's milestone is due, yyyy-mm-dd, while it is owed. */
  due: string | null;
  fields: FieldView[];
  /** What the step still needs before it can be recorded; null when it can. */
  missing: string | null;
  /** The columns the step fills. */
  writes: ColumnName[];
}

export interface StepContext {
  today: Day;
  /** The Roster, needed by the sub-team and appeal steps. */
  roster?: readonly RosterMember[];
  /** How long records are kept and the appeal window (Settings), for the close and appeal steps. */
  settings?: StepSettings;
}

/** The Settings the steps' forms and plans read beyond the process windows. */
export type StepSettings = Partial<KeepSettings & Pick<Settings, 'appealWindowDays'>>;

export type StepResult =
  | { ok: true; cells: CellChanges; action: string; detail: string; warning?: string }
  | { ok: false; message: string };

const isSet = (value: CaseRecord[DateField]) => typeof value === 'number';


function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

interface StepSpec {
  id: StepId;
  label: string;
  /**
   * Only for a step that records no milestone of the process (replacing a member,
   * the conflicts): when it is offered and what it lacks. Every other step's come
   * from its milestone's declaration (process.ts).
   */
  allowed?(c: PanelCase): boolean;
  missing?(c: PanelCase): string[];
  /** Earliest dates the step's date may take, each named. */
  notBefore?(c: PanelCase): [string, CaseRecord[DateField]][];
  fields(c: PanelCase, today: Day, settings: StepSettings): FieldView[];
  /** The cells to write, or the reason the fields are not acceptable. */
  plan(c: PanelCase, f: StepFields, day: Day | null, ctx: StepContext): CellChanges | { error: string };
  /** The Log line's detail (never a party's name or free text); none when absent. */
  detail?(c: PanelCase, f: StepFields, cells: CellChanges): string;
  /** Something to tell the member about a step that is recorded all the same. */
  warning?(c: PanelCase, day: Day, ctx: StepContext): string | null;
  writes: ColumnName[];
}

const dateField = (label: string, today: Day): FieldView => ({
  name: 'date',
  label,
  type: 'date',
  value: isoFromDay(today),
  required: true,
  help: 'Today unless it happened earlier',
});

const permissionField = (c: PanelCase): FieldView => ({
  name: 'permission',
  label: 'Reporter’s permission to notify the reported party',
  type: 'select',
  options: [...PERMISSIONS],
  value: (PERMISSIONS as readonly string[]).includes(c.permission) ? c.permission : 'Not asked',
  required: false,
  help: 'Change it when the reporter answered',
});

/** The permission field's change, if any: writes the cell only when it differs. */
function permissionChange(c: PanelCase, f: StepFields): CellChanges | { error: string } {
  const value = (f.permission ?? '').trim();
  if (value === '' || value === c.permission) return {};
  if (!(PERMISSIONS as readonly string[]).includes(value)) return { error: `Permission must be one of ${PERMISSIONS.join(', ')}` };
  if (value !== 'Yes' && isSet(c.reportedPartyNotified))
    return { error: 'The reported party was already notified, so the permission stays Yes' };
  return { 'Permission to notify reported party': value };
}

/**
 * Checks the members of a sub-team against the Roster on that day. A party of the
 * case is refused without naming them: the message may be seen over a shoulder.
 */
function rosterProblem(emails: readonly string[], c: PanelCase, day: Day, ctx: StepContext): string | null {
  const roster = ctx.roster ?? [];
  const exclusions = caseExclusions(c);
  for (const [i, email] of emails.entries()) {
    const member = roster.find((m) => m.email.toLowerCase() === email.toLowerCase());
    if (!member) return `${email} is not on the Roster`;
    const why = ineligibility(member, day, exclusions);
    const who = emails.length > 1 ? `member ${i + 1}` : 'the new member';
    if (why && isParty(member, exclusions)) return `${who} is ${why}, and a party never sits on their own case’s sub-team`;
    if (why) return `${member.name} (${member.email}) cannot join: ${why}`;
  }
  return null;
}

const canonicalEmail = (email: string, ctx: StepContext) =>
  ctx.roster?.find((m) => m.email.toLowerCase() === email.toLowerCase())?.email ?? email;

/**
 * A step that records one date and nothing else (a reply sent, a notice given): its
 * form is the date, its plan writes that column, and the date may not come before
 * the `after` dates.
 */
function dateStep(
  id: StepId,
  label: string,
  column: ColumnName,
  fieldLabel: string,
  after?: (c: PanelCase) => [string, CaseRecord[DateField]][],
): StepSpec {
  return {
    id,
    label,
    ...(after ? { notBefore: after } : {}),
    fields: (_c, today) => [dateField(fieldLabel, today)],
    plan: (_c, _f, day) => ({ [column]: day }),
    writes: [column],
  };
}

const STEPS: readonly StepSpec[] = [
  dateStep('firstReply', 'Record first reply', 'First reply sent', 'Reply sent on'),
  {
    id: 'assessment',
    label: 'Record assessment',
    fields: (c) => [
      {
        name: 'assessment',
        label: 'The team’s assessment',
        type: 'select',
        options: [...ASSESSMENTS],
        value: pathOf(c) === 'not a violation' ? 'Not a violation' : 'Possible violation',
        required: true,
        help: 'Not a violation: explain to the reporter, then close the help-desk ticket. Possible violation: form a sub-team.',
      },
    ],
    // Kept in Assessment too, so a closed case still says why it closed.
    plan: (_c, f) => {
      const value = (f.assessment ?? '').trim();
      if (value === 'Not a violation') return { Stage: 'Not a violation', Assessment: 'Not a violation' };
      if (value === 'Possible violation') return { Stage: 'Assessing', Assessment: 'Possible violation' };
      return { error: `Assessment must be ${joinAnd([...ASSESSMENTS]).replace(' and ', ' or ')}` };
    },
    detail: (_c, f) => (f.assessment ?? '').trim(),
    writes: ['Stage', 'Assessment'],
  },
  {
    id: 'subTeam',
    label: 'Record sub-team',
    notBefore: (c) => [['First reply sent', c.firstReplySent]],
    fields: (c, today) => [
      {
        name: 'members',
        label: 'Three members (Roster emails)',
        type: 'members',
        value: c.subTeam,
        required: true,
        help: 'Use Suggest to pick from the Roster',
      },
      dateField('Formed on', today),
      { name: 'channel', label: 'Communication channel', type: 'text', value: c.channel, required: false },
      {
        name: 'targetDate',
        label: 'Target decision date (optional)',
        type: 'date',
        value: isSet(c.targetDecisionDate) ? isoFromDay(c.targetDecisionDate as Day) : '',
        required: false,
        help: 'The sub-team’s own timeline: the panel and the digests say when it passes without a decision',
      },
    ],
    plan: (c, f, day, ctx) => {
      const members = (f.members ?? '').trim();
      const problem = subTeamProblem(members);
      if (problem) return { error: problem };
      const emails = memberEntries(members);
      const rosterIssue = rosterProblem(emails, c, day as Day, ctx);
      if (rosterIssue) return { error: rosterIssue };
      const channel = (f.channel ?? '').trim();
      if (channel.length > MAX_CELL_TEXT) return { error: 'Channel is too long' };
      const cells: CellChanges = {
        Stage: 'Sub-team formed',
        'Sub-team': emails.map((e) => canonicalEmail(e, ctx)).join(', '),
        'Sub-team formed': day,
      };
      if (channel !== '' && channel !== c.channel) cells.Channel = channel;
      const targetText = (f.targetDate ?? '').trim();
      if (targetText !== '') {
        const target = dayFromIso(targetText);
        if (target === null) return { error: `Target decision date "${targetText}" is not a real date (yyyy-mm-dd)` };
        if (target < (day as Day)) return { error: 'Target decision date cannot be before the sub-team is formed' };
        cells['Target decision date'] = target;
      }
      return cells;
    },
    writes: ['Stage', 'Sub-team', 'Sub-team formed', 'Channel', 'Target decision date'],
  },
  {
    id: 'permission',
    label: 'Record reporter’s permission',
    fields: (c) => [
      {
        name: 'permission',
        label: 'May we notify the reported party?',
        type: 'select',
        options: ['Yes', 'No'],
        value: c.permission === 'Yes' || c.permission === 'No' ? c.permission : '',
        required: true,
        help: 'The reporter’s answer. Until it is Yes, the reported party is not contacted and no deadline runs on notifying them.',
      },
    ],
    plan: (c, f) => {
      const value = (f.permission ?? '').trim();
      if (value !== 'Yes' && value !== 'No') return { error: 'The reporter’s answer must be Yes or No' };
      if (value === c.permission) return { error: `Permission is already ${value}` };
      return { 'Permission to notify reported party': value };
    },
    detail: (_c, f) => (f.permission ?? '').trim(),
    writes: ['Permission to notify reported party'],
  },
  {
    id: 'notifyReporter',
    label: 'Record reporter notified',
    notBefore: (c) => [['Sub-team formed', c.subTeamFormed]],
    fields: (c, today) => [dateField('Next steps sent on', today), permissionField(c)],
    plan: (c, f, day) => {
      const permission = permissionChange(c, f);
      if ('error' in permission) return permission;
      const cells: CellChanges = { 'Reporter notified': day, ...permission };
      if (c.stage === 'Sub-team formed') cells.Stage = 'Investigating';
      return cells;
    },
    writes: ['Reporter notified', 'Stage', 'Permission to notify reported party'],
  },
  dateStep('notifyReportedParty', 'Record reported party notified', 'Reported party notified', 'Notified on', (c) => [
    ['Sub-team formed', c.subTeamFormed],
  ]),
  {
    id: 'updateReporter',
    label: 'Record update to reporter',
    notBefore: (c) => [
      ['Reporter notified', c.reporterNotified],
      ['Last update to reporter', c.lastUpdateToReporter],
    ],
    fields: (c, today) => [dateField('Update sent on', today), permissionField(c)],
    plan: (c, f, day) => {
      const permission = permissionChange(c, f);
      if ('error' in permission) return permission;
      return { 'Last update to reporter': day, ...permission };
    },
    writes: ['Last update to reporter', 'Permission to notify reported party'],
  },
  dateStep('updateReportedParty', 'Record update to reported party', 'Last update to reported party', 'Update sent on', (c) => [
    ['Reported party notified', c.reportedPartyNotified],
    ['Last update to reported party', c.lastUpdateToReportedParty],
  ]),
  {
    id: 'decision',
    label: 'Record decision',
    fields: (c) => [
      {
        name: 'outcome',
        label: 'Outcome',
        type: 'select',
        options: [...OUTCOMES],
        value: (OUTCOMES as readonly string[]).includes(c.outcome) ? c.outcome : '',
        required: true,
      },
      {
        name: 'endDate',
        label: 'End date',
        type: 'date',
        value: isSet(c.outcomeEndDate) ? isoFromDay(c.outcomeEndDate as Day) : '',
        required: false,
        help: 'Required for a temporary ban; optional for a correction or a warning; none for a permanent ban or no action',
      },
      {
        name: 'requestedAction',
        label: 'Requested action',
        type: 'textarea',
        value: c.requestedAction,
        required: false,
        help: 'What the reported party is asked to do (e.g. to step away from an organizer role); required for every outcome but no action. The response plan quotes it.',
      },
      {
        name: 'behaviourDescription',
        label: 'Behaviour description',
        type: 'textarea',
        value: c.behaviourDescription,
        required: false,
        help: 'An impartial description of the behaviour. It is shared with the reported party in the response plan.',
      },
      {
        name: 'findings',
        label: 'Findings',
        type: 'textarea',
        value: '',
        required: c.findings === '',
        help: c.findings === '' ? 'What the sub-team found' : 'Findings are recorded: leave empty to keep them, or type new findings to replace them',
      },
    ],
    plan: (c, f) => {
      const outcome = (f.outcome ?? '').trim();
      if (!(OUTCOMES as readonly string[]).includes(outcome)) return { error: `Outcome must be one of ${OUTCOMES.join(', ')}` };
      const endText = (f.endDate ?? '').trim();
      const endRule = outcomeEndDateRule(outcome);
      let end: Day | null = null;
      if (endRule === 'required' && endText === '') return { error: 'A temporary ban needs its end date' };
      if (endRule === 'none' && endText !== '') return { error: `The outcome ${outcome} has no end date: leave End date empty` };
      if (endText !== '') {
        end = dayFromIso(endText);
        if (end === null) return { error: `End date "${endText}" is not a real date (yyyy-mm-dd)` };
        if (isSet(c.received) && end < (c.received as Day)) return { error: 'End date cannot be before the case was received' };
      }
      const requestedAction = (f.requestedAction ?? '').trim();
      if (requestedAction === '' && requestedActionRequired(outcome))
        return { error: `Requested action is required for a ${outcome.toLowerCase()}: say what the reported party is asked to do` };
      const behaviour = (f.behaviourDescription ?? '').trim();
      const findings = (f.findings ?? '').trim();
      if (findings === '' && c.findings === '') return { error: 'Findings are required' };
      if (findings.length > MAX_CELL_TEXT) return { error: `Findings are longer than ${MAX_CELL_TEXT} characters` };
      const cells: CellChanges = { Stage: 'Decision', Outcome: outcome };
      if (end !== null || isSet(c.outcomeEndDate)) cells['Outcome end date'] = end;
      if (requestedAction !== '' || c.requestedAction !== '') cells['Requested action'] = requestedAction === '' ? null : requestedAction;
      if (behaviour !== '' || c.behaviourDescription !== '') cells['Behaviour description'] = behaviour === '' ? null : behaviour;
      if (findings !== '') cells.Findings = findings;
      return cells;
    },
    detail: (_c, f) => (f.outcome ?? '').trim(),
    writes: ['Stage', 'Outcome', 'Outcome end date', 'Requested action', 'Behaviour description', 'Findings'],
  },
  dateStep('responsePlan', 'Record response plan sent', 'Response plan sent', 'Plan sent on', (c) => [
    ['Sub-team formed', c.subTeamFormed],
  ]),
  dateStep('reporterToldOutcome', 'Record reporter told of outcome', 'Reporter told outcome', 'Outcome notice sent on', (c) => [
    ['Response plan sent', c.responsePlanSent],
  ]),
  {
    id: 'close',
    label: 'Close the case',
    notBefore: (c) => [
      ['First reply sent', c.firstReplySent],
      ['Reporter told outcome', c.reporterToldOutcome],
    ],
    fields: (c, today, settings) => [
      dateField('Closed on', today),
      {
        name: 'expungeAfter',
        label: 'Expunge after',
        type: 'date',
        value: '',
        required: false,
        help: describeKeep(c, today, settings),
      },
    ],
    plan: (c, f, day, ctx) => {
      const cells: CellChanges = { Stage: 'Closed', Closed: day };
      const typed = (f.expungeAfter ?? '').trim();
      if (typed !== '') {
        const after = dayFromIso(typed);
        if (after === null) return { error: `Expunge after "${typed}" is not a real date (yyyy-mm-dd)` };
        if (after < (day as Day)) return { error: 'Expunge after cannot be before the closing date' };
        cells['Expunge after'] = after;
      } else if (ctx.settings && keepKnown(ctx.settings)) {
        cells['Expunge after'] = keptUntil(c, day as Day, ctx.settings);
      }
      return cells;
    },
    writes: ['Stage', 'Closed', 'Expunge after'],
  },
  {
    id: 'replaceMember',
    label: 'Replace a sub-team member',
    allowed: (c) => (SUB_TEAM_STAGES as readonly string[]).includes(c.stage) && c.subTeam !== '',
    missing: (c) => (subTeamProblem(c.subTeam) ? ['three distinct Sub-team emails'] : []),
    fields: (c) => [
      {
        name: 'outgoing',
        label: 'Member leaving',
        type: 'select',
        options: memberEntries(c.subTeam),
        value: '',
        required: true,
      },
      { name: 'incoming', label: 'New member (Roster email)', type: 'email', value: '', required: true, help: 'Use Suggest to pick from the Roster' },
    ],
    plan: (c, f, _day, ctx) => {
      const team = memberEntries(c.subTeam);
      const outgoing = (f.outgoing ?? '').trim().toLowerCase();
      const incoming = (f.incoming ?? '').trim();
      const at = team.findIndex((e) => e.toLowerCase() === outgoing);
      if (outgoing === '') return { error: 'Choose the member who is leaving' };
      if (at < 0) return { error: `${f.outgoing} is not on this case’s sub-team` };
      if (incoming === '') return { error: 'Give the new member’s email' };
      const unusable = emailProblem(incoming);
      if (unusable === NOT_PLAIN_ASCII) return { error: `New member’s email ${unusable}` };
      if (team.some((e) => e.toLowerCase() === incoming.toLowerCase())) return { error: `${incoming} is already on the sub-team` };
      const rosterIssue = rosterProblem([incoming], c, ctx.today, ctx);
      if (rosterIssue) return { error: rosterIssue };
      const next = [...team];
      next[at] = canonicalEmail(incoming, ctx);
      return { 'Sub-team': next.join(', ') };
    },
    // Who left and who joined: IRT members' emails, never a party's.
    detail: (c, _f, cells) => {
      const before = memberEntries(c.subTeam);
      const after = memberEntries(String(cells['Sub-team'] ?? ''));
      const notIn = (list: string[], others: string[]) =>
        list.filter((e) => !others.some((o) => o.toLowerCase() === e.toLowerCase()));
      return `${notIn(before, after).join(', ')} left; ${notIn(after, before).join(', ')} joined`;
    },
    writes: ['Sub-team'],
  },
  {
    id: 'conflicts',
    label: 'Record conflicts',
    // Whenever a sub-team may still be formed or changed.
    allowed: (c) => ['Received', 'Assessing', ...SUB_TEAM_STAGES].includes(c.stage as Stage),
    missing: () => [],
    fields: (c) => [
      {
        name: 'conflicts',
        label: 'Members with a connection to the case',
        type: 'textarea',
        value: c.conflicts,
        required: false,
        help: 'Names or emails, separated by commas: they are never suggested for this case’s sub-team. Empty it to clear.',
      },
    ],
    plan: (c, f) => {
      const value = (f.conflicts ?? '').trim();
      if (value === c.conflicts) return { error: 'Conflicts are unchanged' };
      // Names may hold any letter; an entry written as an address must be a usable one.
      const problem = conflictsProblem(value);
      if (problem) return { error: problem };
      return { Conflicts: value === '' ? null : value };
    },
    writes: ['Conflicts'],
  },
  {
    id: 'recordAppeal',
    label: 'Record appeal',
    notBefore: (c) => [['Response plan sent', c.responsePlanSent]],
    fields: (c, today, settings) => [
      { ...dateField('Appeal received on', today), help: describeAppealWindow(c, settings) },
      { name: 'appealedBy', label: 'Who appealed', type: 'select', options: [...APPELLANTS], value: '', required: true },
      {
        name: 'members',
        label: 'Three reviewers (Roster emails, not on the sub-team)',
        type: 'members',
        value: c.appealReviewers,
        required: true,
        help: 'Use Suggest: members other than the sub-team and the parties. The decision stands meanwhile.',
      },
    ],
    plan: (c, f, day, ctx) => {
      const by = (f.appealedBy ?? '').trim();
      if (!(APPELLANTS as readonly string[]).includes(by)) return { error: `Who appealed must be ${APPELLANTS.join(' or ')}` };
      const reviewers = (f.members ?? '').trim();
      const problem = reviewersProblem(reviewers, c.subTeam, c, ctx.roster ?? [], day as Day);
      if (problem) return { error: problem };
      return {
        'Appeal received': day,
        'Appealed by': by,
        'Appeal reviewers': memberEntries(reviewers).map((e) => canonicalEmail(e, ctx)).join(', '),
      };
    },
    warning: (c, day, ctx) =>
      ctx.settings?.appealWindowDays === undefined ? null : lateAppealWarning(day, c, ctx.settings.appealWindowDays),
    detail: (_c, f) => `by ${(f.appealedBy ?? '').trim().toLowerCase()}`,
    writes: ['Appeal received', 'Appealed by', 'Appeal reviewers'],
  },
  {
    id: 'recordAppealDecision',
    label: 'Record appeal decision',
    notBefore: (c) => [['Appeal received', c.appealReceived]],
    fields: (c, today) => [
      {
        name: 'appealDecision',
        label: 'The reviewers’ decision',
        type: 'select',
        options: [...APPEAL_DECISIONS],
        value: '',
        required: true,
        help: 'Changed: give the new outcome (and its end date). Upheld or Withdrawn: the decision stays as it is.',
      },
      {
        name: 'outcome',
        label: 'New outcome (when changed)',
        type: 'select',
        options: ['', ...OUTCOMES],
        value: '',
        required: false,
        help: `Now: ${c.outcome || 'none'}`,
      },
      { name: 'endDate', label: 'New end date (when changed)', type: 'date', value: '', required: false },
      dateField('Decided on', today),
    ],
    plan: (c, f, day, ctx) => {
      const decision = (f.appealDecision ?? '').trim();
      if (!isAppealDecision(decision)) return { error: `The appeal decision must be ${joinAnd([...APPEAL_DECISIONS]).replace(' and ', ' or ')}` };
      const outcome = (f.outcome ?? '').trim();
      const endText = (f.endDate ?? '').trim();
      const cells: CellChanges = { 'Appeal decision': decision, 'Appeal decided': day };
      if (decision !== 'Changed') {
        if (outcome !== '' || endText !== '') return { error: `Only a changed decision has a new outcome (the appeal was ${decision.toLowerCase()})` };
        return cells;
      }
      if (!(OUTCOMES as readonly string[]).includes(outcome)) return { error: `A changed decision needs its new outcome: one of ${OUTCOMES.join(', ')}` };
      let end: Day | null = null;
      if (endText !== '') {
        end = dayFromIso(endText);
        if (end === null) return { error: `End date "${endText}" is not a real date (yyyy-mm-dd)` };
      }
      const endProblem = outcomeEndDateProblem(outcome, end !== null);
      if (endProblem) return { error: endProblem.replace('Outcome end date', 'The new end date') };
      if (outcome === c.outcome && end === (isSet(c.outcomeEndDate) ? c.outcomeEndDate : null))
        return { error: `The new outcome is the decision as it stands (${c.outcome}): record Upheld instead` };
      cells.Outcome = outcome;
      cells['Outcome end date'] = end;
      // A closed case's record is kept by its new outcome.
      if (isSet(c.closed) && ctx.settings && keepKnown(ctx.settings))
        cells['Expunge after'] = keptUntil({ ...c, outcome, outcomeEndDate: end }, c.closed as Day, ctx.settings);
      return cells;
    },
    detail: (c, f) => {
      const decision = (f.appealDecision ?? '').trim();
      if (decision !== 'Changed') return decision;
      // The old Outcome cell may hold a team's own words (a name): only a listed outcome is logged.
      const next = (f.outcome ?? '').trim();
      return (OUTCOMES as readonly string[]).includes(c.outcome) ? `Changed: ${c.outcome} → ${next}` : `Changed to ${next}`;
    },
    writes: ['Appeal decision', 'Appeal decided', 'Outcome', 'Outcome end date', 'Expunge after'],
  },
  dateStep('appealReporterTold', 'Record reporter told of appeal result', 'Reporter told appeal result', 'Result sent on', (c) => [
    ['Appeal decided', c.appealDecided],
  ]),
  dateStep('appealReportedTold', 'Record reported party told of appeal result', 'Reported party told appeal result', 'Result sent on', (c) => [
    ['Appeal decided', c.appealDecided],
  ]),
];

const KEEP_KEYS = [
  'keepNotViolationMonths',
  'keepNoActionMonths',
  'keepCorrectionMonths',
  'keepWarningMonths',
  'keepTemporaryBanMonths',
  'keepPermanentBanMonths',
] as const;
const keepKnown = (s: StepSettings): s is KeepSettings => KEEP_KEYS.every((k) => s[k] !== undefined);

/** The team's rule for this case closed on that day: the Expunge after date, or null (kept). */
function keptUntil(c: PanelCase, closed: Day, keep: KeepSettings): Day | null {
  return expungeDate(c.outcome, closed, isSet(c.outcomeEndDate) ? (c.outcomeEndDate as Day) : null, keep);
}

/** What the close step's Expunge after field says the team's rule gives, closing today. */
function describeKeep(c: PanelCase, today: Day, settings: StepSettings): string {
  if (!keepKnown(settings)) return 'Leave empty for the team’s rule (Settings: Keep records)';
  const until = keptUntil(c, today, settings);
  return until === null
    ? 'Leave empty: the team keeps this record (Settings: Keep records … Never), or give a date'
    : `Leave empty for the team’s rule: ${isoFromDay(until)} if closed today (Settings: Keep records)`;
}

function describeAppealWindow(c: PanelCase, settings: StepSettings): string {
  if (settings.appealWindowDays === undefined) return 'Today unless it came earlier';
  const end = appealWindowEnd(c, settings.appealWindowDays);
  return end === null
    ? `The appeal window (${settings.appealWindowDays} days) counts from the response plan, not sent yet`
    : `The appeal window ends ${isoFromDay(end)} (${settings.appealWindowDays} days after the response plan); a later appeal is recorded with a warning`;
}

const specOf = (id: StepId) => STEPS.find((s) => s.id === id) as StepSpec;

export function stepLabel(id: StepId): string {
  return specOf(id).label;
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

// ---- When a step is offered, and what it still needs: read from the process -------

/** The milestone a step records at the case's stage, if the stage offers it. */
function milestoneAt(id: StepId, c: PanelCase, process: Process): MilestoneDeclaration | null {
  if (specOf(id).allowed) return null;
  const m = process.milestoneForStep(id as PanelStepId, c);
  return m && m.step && (m.step.stages as readonly string[]).includes(c.stage) ? m : null;
}

function offered(id: StepId, c: PanelCase, process: Process): boolean {
  const own = specOf(id).allowed;
  if (own) return own(c);
  const m = milestoneAt(id, c, process);
  if (!m || !m.step) return false;
  if (m.step.once && process.isDone(m.id, c)) return false;
  if ([...(m.until ?? []), ...(m.step.until ?? [])].some((u) => process.isDone(u, c))) return false;
  if (m.step.onlyAfter && !m.after.every((a) => process.isDone(a, c))) return false;
  // Once the reporter said No, the reported party's step is gone (not merely waiting).
  return !(m.permission && c.permission === 'No');
}

/** What a milestone still lacks on the row, named as the member would fix it. */
function lacking(id: MilestoneId, c: PanelCase): string[] {
  switch (id) {
    case 'subTeam': {
      const missing: string[] = [];
      if (c.subTeam === '') missing.push('Sub-team');
      else if (subTeamProblem(c.subTeam)) missing.push('three distinct Sub-team emails');
      if (!isSet(c.subTeamFormed)) missing.push('Sub-team formed');
      return missing;
    }
    case 'decision':
      return [
        ...(c.outcome === '' ? ['Outcome'] : []),
        ...(outcomeEndDateRule(c.outcome) === 'required' && !isSet(c.outcomeEndDate) ? ['Outcome end date'] : []),
        ...(c.findings === '' ? ['Findings'] : []),
      ];
    case 'reporterToldOutcome':
      return isSet(c.reporterToldOutcome) ? [] : ['Reporter told outcome (the outcome notice date)'];
    case 'assessment':
      // An adopted row at Assessing without an Assessment value forms its sub-team as it always did.
      return c.assessment === 'Not a violation' ? ['an assessment of Possible violation'] : [];
    default: {
      const date = PROCESS.milestone(id).columns[0];
      const field = fieldOfColumn(date);
      return field && isSet(c[field]) ? [] : [date];
    }
  }
}

/** What the step's milestone needs first: each prerequisite's lacking cells, then the permission. */
function needs(id: StepId, c: PanelCase, process: Process): string[] {
  const own = specOf(id).missing;
  if (own) return own(c);
  const m = milestoneAt(id, c, process);
  if (!m) return [];
  const missing = [...(m.step?.needs ?? []), ...m.after].flatMap((a) => lacking(a, c));
  if (m.permission && c.permission !== m.permission)
    missing.push(`the reporter’s permission (Permission to notify reported party must be ${m.permission})`);
  return missing;
}

/** The date column a step's date goes to: its milestone's date (none for a step without one). */
function dateColumnOf(id: StepId, c: PanelCase, process: Process): ColumnName | null {
  if (specOf(id).allowed || id === 'decision' || id === 'assessment') return null;
  const m = milestoneAt(id, c, process) ?? process.milestoneForStep(id as PanelStepId, c);
  if (!m) return null;
  if (id === 'subTeam') return 'Sub-team formed';
  return fieldOfColumn(m.columns[0]) ? m.columns[0] : null;
}

/**
 * The name of the saved reply the panel offers to draft with a step for this case
 * (the process's name for that reply; the draft dialog finds the team's row of that
 * step), if any.
 */
export function stepTemplate(id: StepId, c: PanelCase, process: Process = PROCESS): string | null {
  const template = stepTemplateId(id, c, process);
  return template === null ? null : process.templateStep(template).name;
}

/** The saved reply's step id a panel step drafts, if any. */
export function stepTemplateId(id: StepId, c: PanelCase, process: Process = PROCESS): TemplateStepId | null {
  return specOf(id).allowed ? null : process.templateForStep(id as PanelStepId, c);
}

/**
 * Which of the dialog's templates to preselect for a panel step's saved reply: the
 * template of that name; else the first whose Step is that reply's (known by the
 * date column it fills, one per step), those fitting the case first; null when none.
 */
export function preselectTemplate(
  choices: readonly { name: string; fits: boolean; sentColumn: ColumnName | null }[],
  wanted: unknown,
  process: Process = PROCESS,
): string | null {
  if (typeof wanted !== 'string' || normalizeHeader(wanted) === '') return null;
  const key = normalizeHeader(wanted);
  const exact = choices.find((t) => normalizeHeader(t.name) === key);
  if (exact) return exact.name;
  const step = process.declaration.templates.find((t) => normalizeHeader(t.name) === key);
  if (!step) return null;
  const column = process.milestone(step.milestone).columns[0];
  const ofStep = choices.filter((t) => t.sentColumn === column);
  return (ofStep.find((t) => t.fits) ?? ofStep[0])?.name ?? null;
}

/** The steps the case's stage allows now, in the process's order. */
export function allowedSteps(c: PanelCase, process: Process = PROCESS): StepId[] {
  if (rowProblems(c).length) return [];
  const closed = isSet(c.closed) || c.stage === 'Closed';
  return STEP_IDS.filter((id) => (!closed || AFTER_CLOSE_STEPS.includes(id)) && offered(id, c, process));
}

/** The steps a closed case still offers: an appeal is recorded and decided after closing. */
const AFTER_CLOSE_STEPS: readonly StepId[] = ['recordAppeal', 'recordAppealDecision', 'appealReporterTold', 'appealReportedTold'];

function missingFor(id: StepId, c: PanelCase, process: Process = PROCESS): string | null {
  const missing = needs(id, c, process);
  return missing.length ? `${joinAnd(missing)} ${missing.length > 1 ? 'are' : 'is'} missing` : null;
}

export function stepViews(c: PanelCase, today: Day, settings?: ProcessSettings & StepSettings, process: Process = PROCESS): StepView[] {
  return allowedSteps(c, process).map((id) => {
    const spec = specOf(id);
    const m = milestoneAt(id, c, process);
    const due = settings && m && m.due ? process.dueOf(m.id, c, settings) : null;
    return {
      id,
      label: spec.label,
      template: stepTemplate(id, c, process),
      templateStep: stepTemplateId(id, c, process),
      fields: spec.fields(c, today, settings ?? {}),
      missing: missingFor(id, c, process),
      writes: [...spec.writes],
      due: due === null || !process.isOwed((m as MilestoneDeclaration).id, c) ? null : isoFromDay(due),
    };
  });
}

/**
 * Checks a step against the case and the fields typed, and says which cells it
 * fills. Refusals name what is missing or wrong; a refusal means nothing is written.
 */
export function planStep(id: StepId, c: PanelCase, fields: StepFields, ctx: StepContext, process: Process = PROCESS): StepResult {
  if (!isStepId(id)) return { ok: false, message: `Unknown step "${String(id)}"` };
  const spec = specOf(id);
  const refuse = (why: string): StepResult => ({ ok: false, message: `Cannot ${spec.label.toLowerCase()}: ${why}.` });
  const problems = rowProblems(c);
  if (problems.length) return refuse(`${joinAnd(problems)}; fix the row first`);
  if ((isSet(c.closed) || c.stage === 'Closed') && !AFTER_CLOSE_STEPS.includes(id)) return refuse('the case is closed');
  if (!offered(id, c, process)) return refuse(`not a step for a case at stage ${c.stage}${alreadyDone(id, c, process)}`);
  const missing = missingFor(id, c, process);
  // Waiting for the reporter's answer: say which step records it.
  const m = milestoneAt(id, c, process);
  if (missing && m?.permission && c.permission !== m.permission && c.permission !== 'No')
    return refuse(`${missing}: record the reporter’s answer with “${stepLabel('permission')}” first`);
  if (missing) return refuse(missing);

  let day: Day | null = null;
  if (dateColumnOf(id, c, process)) {
    const text = (fields.date ?? '').trim();
    if (text === '') return refuse('the date is required');
    day = dayFromIso(text);
    if (day === null) return refuse(`"${text}" is not a real date (yyyy-mm-dd)`);
    if (day > ctx.today) return refuse(`the date cannot be after today (${isoFromDay(ctx.today)})`);
    const bounds: [string, CaseRecord[DateField]][] = [['Received', c.received], ...(spec.notBefore?.(c) ?? [])];
    for (const [name, bound] of bounds) {
      if (typeof bound === 'number' && day < bound) return refuse(`the date cannot be before ${name} (${isoFromDay(bound)})`);
    }
  }
  const planned = spec.plan(c, fields, day, ctx);
  if ('error' in planned) return refuse(planned.error as string);
  const cells = planned as CellChanges;
  const warning = day !== null ? spec.warning?.(c, day, ctx) : null;
  return { ok: true, cells, action: spec.label, detail: spec.detail ? spec.detail(c, fields, cells) : '', ...(warning ? { warning } : {}) };
}

/** For a once-only step already recorded: which date says so. */
function alreadyDone(id: StepId, c: PanelCase, process: Process): string {
  const m = specOf(id).allowed ? null : process.milestoneForStep(id as PanelStepId, c);
  if (!m || !m.step?.once) return '';
  const column = m.columns[0];
  const field = fieldOfColumn(column);
  return field && isSet(c[field]) ? ` (${column} is already ${isoFromDay(c[field] as Day)})` : '';
}

/** The case as it will read once the cells are written (for recomputing its deadline). */
export function applyCells(c: PanelCase, cells: CellChanges): PanelCase {
  const next = { ...c };
  const dateFieldOf = Object.fromEntries(Object.entries(DATE_FIELDS).map(([f, col]) => [col, f])) as Record<string, DateField>;
  for (const [column, value] of Object.entries(cells) as [ColumnName, CellValue][]) {
    if (dateFieldOf[column]) next[dateFieldOf[column]] = typeof value === 'number' ? value : null;
    else if (column === 'Stage') next.stage = String(value ?? '');
    else if (column === 'Assessment') next.assessment = String(value ?? '');
    else if (column === 'Sub-team') next.subTeam = String(value ?? '');
    else if (column === 'Outcome') next.outcome = String(value ?? '');
    else if (column === 'Permission to notify reported party') next.permission = String(value ?? '');
    else if (column === 'Findings') next.findings = String(value ?? '');
    else if (column === 'Requested action') next.requestedAction = String(value ?? '');
    else if (column === 'Behaviour description') next.behaviourDescription = String(value ?? '');
    else if (column === 'Channel') next.channel = String(value ?? '');
    else if (column === 'Conflicts') next.conflicts = String(value ?? '');
    else if (column === 'Appeal decision') next.appealDecision = String(value ?? '');
    else if (column === 'Appeal reviewers') next.appealReviewers = String(value ?? '');
  }
  return next;
}
