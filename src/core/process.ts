// The incident response process, declared once. Each milestone says what records
// it, when it is owed, by which day (a Settings window counted from a date column),
// which saved reply and which case-panel step go with it, and the words shown for
// it. The deadline engine, the case timeline, the panel's steps, the templates
// that fit a case, the new case's first-reply date and the digests all read this
// declaration; none of them knows a window or a stage list of its own.
//
// `createProcess(declaration)` builds the rules from any declaration (tests change
// one rule and watch every view follow); `PROCESS` is the add-on's own.

import type { Day } from './calendar';
import { DATE_FIELDS, newCaseRecord, type CaseRecord, type DateField } from './cases';
import type { ColumnName, DeadlineStatus, Outcome, Stage } from './columns';
import type { Settings } from './settings';

/** The Settings windows a due rule may count with. */
type WindowSetting =
  | 'replyWindowDays'
  | 'assessmentWindowDays'
  | 'notifyWindowDays'
  | 'updateIntervalDays'
  | 'outcomeNoticeWindowDays'
  | 'appealReviewWindowDays';
export type DateColumn = (typeof DATE_FIELDS)[DateField];

export type MilestoneId =
  | 'firstReply'
  | 'assessment'
  | 'explained'
  | 'subTeam'
  | 'permission'
  | 'reporterNotified'
  | 'reportedPartyNotified'
  | 'updateReporter'
  | 'updateReportedParty'
  | 'decision'
  | 'responsePlan'
  | 'reporterToldOutcome'
  | 'closed'
  | 'appeal'
  | 'appealReview'
  | 'appealResultToReporter'
  | 'appealResultToReported';

/** The saved replies of the process: the values of the Templates sheet's Step column. */
export const TEMPLATE_STEP_IDS = [
  'acknowledgement',
  'notViolation',
  'nextSteps',
  'notifyReported',
  'updateReporter',
  'updateReported',
  'responsePlan',
  'outcomeNotice',
  'appealResultReporter',
  'appealResultReported',
] as const;
export type TemplateStepId = (typeof TEMPLATE_STEP_IDS)[number];

/** The case panel's forms (see case-steps.ts for their fields and cells). */
export type PanelStepId =
  | 'firstReply'
  | 'assessment'
  | 'subTeam'
  | 'permission'
  | 'notifyReporter'
  | 'notifyReportedParty'
  | 'updateReporter'
  | 'updateReportedParty'
  | 'decision'
  | 'responsePlan'
  | 'reporterToldOutcome'
  | 'close'
  | 'recordAppeal'
  | 'recordAppealDecision'
  | 'appealReporterTold'
  | 'appealReportedTold';

/**
 * By which day a milestone is due: `window` days (a Settings key; null for none)
 * after the first set column of `from` (a regular update counts from the last
 * update, else the notification); or the earliest due day of other milestones
 * (the response plan keeps the update cadence).
 */
export type DueRule = { window: WindowSetting | null; from: readonly DateColumn[] } | { earliestOf: readonly MilestoneId[] };

/** The two ways out of the initial assessment. */
export type Path = 'possible violation' | 'not a violation';

export interface MilestoneDeclaration {
  id: MilestoneId;
  /** The cells that record it (a date first, when it has one). */
  columns: readonly ColumnName[];
  /** Only on this path of the process (absent: on both). */
  path?: Path;
  /** Stages at which the engine owes it (absent: any stage of an open case). */
  owedAt?: readonly Stage[];
  /**
   * Stages at which the row must hold it (once reachable): without it the row is
   * `Check data`, before anything later is owed (a sub-team stage needs its sub-team).
   */
  requiredAt?: readonly Stage[];
  /** Owed only with the reporter's permission to notify the reported party. */
  permission?: 'Yes';
  /** Milestones that must be done first. */
  after: readonly MilestoneId[];
  /** Milestones whose being done ends it (the updates end with the response plan). */
  until?: readonly MilestoneId[];
  due: DueRule | null;
  /** Recorded again and again (its date moves forward), not once. */
  repeats?: boolean;
  /** Owed even once the case is closed (an appeal is heard after closing). */
  afterClose?: boolean;
  /** The saved reply that goes with it, and the panel step that records it. */
  template: TemplateStepId | null;
  step: PanelStepDeclaration | null;
  words: {
    /** As the next action (the Next action cell, the panel, a digest item). */
    next: string;
    /** The next action on an adopted row whose Assessment cell is empty (the words it always had). */
    nextUnassessed?: string;
    /** Its entry in the case's timeline (null: none, e.g. the permission, shown on the notification). */
    timeline: string | null;
  };
}

/**
 * The case-panel form that records a milestone: the stages it is offered at, what
 * it needs recorded first (its milestone's `after`, and `needs`); a
 * once-only step disappears when done; `until` milestones end it; `onlyAfter`
 * hides it (rather than naming what is missing) until its prerequisites are done.
 * A step whose milestone needs the reporter's permission is hidden once it is No.
 */
interface PanelStepDeclaration {
  id: PanelStepId;
  stages: readonly Stage[];
  /** What the form needs recorded first besides the milestone's own prerequisites. */
  needs?: readonly MilestoneId[];
  once?: boolean;
  until?: readonly MilestoneId[];
  onlyAfter?: boolean;
}

/** A saved reply: to whom, at which stages it fits, and the date column "Mark as sent today" fills. */
interface TemplateStepDeclaration {
  id: TemplateStepId;
  /** The name the panel's "Draft …" button shows, and the dialog looks for first. */
  name: string;
  stages: readonly Stage[];
  /** The milestone it records when marked sent. */
  milestone: MilestoneId;
}

/** A follow-up a digest lists even after the case closed (a temporary ban's end). */
interface FollowUpDeclaration {
  outcome: Outcome;
  /** The date column it is about. */
  date: DateColumn;
  words: string;
}

/** The sub-team's own timeline: the date it sets for a decision, and what is said once it passed without one. */
interface TargetDeclaration {
  column: DateColumn;
  /** The milestone that meets it. */
  metBy: MilestoneId;
  words: { timeline: string; passed: string };
}

export interface ProcessDeclaration {
  milestones: readonly MilestoneDeclaration[];
  target: TargetDeclaration;
  /**
   * The order the deadline engine asks in; the first owed entry wins. An entry of
   * several milestones runs in parallel (both parties): the earliest due wins, and
   * when several share that day the entry's words name them together.
   */
  engineOrder: readonly { milestones: readonly MilestoneId[]; together?: string }[];
  templates: readonly TemplateStepDeclaration[];
  digest: {
    statuses: readonly DeadlineStatus[];
    followUps: readonly FollowUpDeclaration[];
    /** Said to the other members of a sub-team one of whom the Roster says is unavailable today (no name). */
    memberUnavailable: string;
  };
}

/** The stages at which a sub-team owns the case. */
export const SUB_TEAM_STAGES: readonly Stage[] = ['Sub-team formed', 'Investigating', 'Decision'];

export const DEFAULT_DECLARATION: ProcessDeclaration = {
  milestones: [
    {
      id: 'firstReply',
      columns: ['First reply sent'],
      after: [],
      due: { window: 'replyWindowDays', from: ['Received'] },
      template: 'acknowledgement',
      step: { id: 'firstReply', stages: ['Received', 'Assessing', 'Not a violation'], once: true },
      words: { next: 'Reply to reporter', timeline: 'First reply sent' },
    },
    {
      id: 'assessment',
      columns: ['Assessment', 'Stage'],
      owedAt: ['Received', 'Assessing'],
      after: [],
      due: { window: 'assessmentWindowDays', from: ['Received'] },
      template: null,
      step: { id: 'assessment', stages: ['Received', 'Assessing', 'Not a violation'] },
      words: { next: 'Finish initial assessment', timeline: 'Initial assessment' },
    },
    {
      id: 'explained',
      columns: ['Closed'],
      path: 'not a violation',
      owedAt: ['Not a violation'],
      after: ['firstReply'],
      due: { window: 'assessmentWindowDays', from: ['Received'] },
      template: 'notViolation',
      step: { id: 'close', stages: ['Not a violation'] },
      words: {
        next: 'Explain decision to reporter and close the help-desk ticket',
        nextUnassessed: 'Explain decision to reporter and close',
        timeline: 'Closed',
      },
    },
    {
      id: 'subTeam',
      columns: ['Sub-team', 'Sub-team formed', 'Channel', 'Target decision date'],
      path: 'possible violation',
      // Once assessed as a possible violation, the sub-team is formed within the assessment window.
      owedAt: ['Received', 'Assessing'],
      requiredAt: SUB_TEAM_STAGES,
      after: ['firstReply', 'assessment'],
      due: { window: 'assessmentWindowDays', from: ['Received'] },
      template: null,
      step: { id: 'subTeam', stages: ['Assessing'] },
      words: { next: 'Form sub-team', timeline: 'Sub-team formed' },
    },
    {
      // The reporter's answer: until it is Yes the reported party's notification waits, with no clock.
      id: 'permission',
      columns: ['Permission to notify reported party'],
      path: 'possible violation',
      after: ['firstReply'],
      until: ['reportedPartyNotified', 'decision'],
      due: null,
      template: null,
      step: { id: 'permission', stages: ['Received', 'Assessing', 'Sub-team formed', 'Investigating', 'Decision'], onlyAfter: true },
      words: { next: 'Record reporter’s permission', timeline: null },
    },
    {
      id: 'reporterNotified',
      columns: ['Reporter notified'],
      path: 'possible violation',
      owedAt: SUB_TEAM_STAGES,
      after: ['subTeam'],
      due: { window: 'notifyWindowDays', from: ['Sub-team formed'] },
      template: 'nextSteps',
      step: { id: 'notifyReporter', stages: ['Sub-team formed', 'Investigating'], once: true },
      words: { next: 'Notify reporter', timeline: 'Reporter notified' },
    },
    {
      id: 'reportedPartyNotified',
      columns: ['Reported party notified'],
      path: 'possible violation',
      owedAt: SUB_TEAM_STAGES,
      permission: 'Yes',
      after: ['subTeam'],
      due: { window: 'notifyWindowDays', from: ['Sub-team formed'] },
      template: 'notifyReported',
      step: { id: 'notifyReportedParty', stages: ['Sub-team formed', 'Investigating'], once: true },
      words: { next: 'Notify reported party', timeline: 'Reported party notified' },
    },
    {
      id: 'updateReporter',
      columns: ['Last update to reporter'],
      path: 'possible violation',
      owedAt: SUB_TEAM_STAGES,
      after: ['reporterNotified'],
      until: ['responsePlan'],
      due: { window: 'updateIntervalDays', from: ['Last update to reporter', 'Reporter notified'] },
      repeats: true,
      template: 'updateReporter',
      step: { id: 'updateReporter', stages: ['Investigating', 'Decision'] },
      words: { next: 'Update reporter', timeline: 'Next update to reporter' },
    },
    {
      id: 'updateReportedParty',
      columns: ['Last update to reported party'],
      path: 'possible violation',
      owedAt: SUB_TEAM_STAGES,
      after: ['reportedPartyNotified'],
      until: ['responsePlan'],
      due: { window: 'updateIntervalDays', from: ['Last update to reported party', 'Reported party notified'] },
      repeats: true,
      template: 'updateReported',
      step: { id: 'updateReportedParty', stages: ['Investigating', 'Decision'], onlyAfter: true },
      words: { next: 'Update reported party', timeline: 'Next update to reported party' },
    },
    {
      id: 'decision',
      columns: ['Outcome', 'Outcome end date', 'Requested action', 'Behaviour description', 'Findings'],
      path: 'possible violation',
      owedAt: SUB_TEAM_STAGES,
      requiredAt: SUB_TEAM_STAGES,
      after: ['subTeam', 'reporterNotified'],
      due: null,
      template: null,
      step: { id: 'decision', stages: ['Investigating', 'Decision'], until: ['responsePlan'] },
      words: { next: 'Record decision', timeline: 'Decision' },
    },
    {
      id: 'responsePlan',
      columns: ['Response plan sent'],
      path: 'possible violation',
      owedAt: ['Decision'],
      after: ['decision'],
      due: { earliestOf: ['updateReporter', 'updateReportedParty'] },
      template: 'responsePlan',
      step: { id: 'responsePlan', stages: ['Decision'], once: true },
      words: { next: 'Send response plan', timeline: 'Response plan sent' },
    },
    {
      id: 'reporterToldOutcome',
      columns: ['Reporter told outcome'],
      path: 'possible violation',
      after: ['responsePlan'],
      due: { window: 'outcomeNoticeWindowDays', from: ['Response plan sent'] },
      template: 'outcomeNotice',
      step: { id: 'reporterToldOutcome', stages: ['Decision'], once: true, needs: ['decision'] },
      words: { next: 'Tell reporter the outcome', timeline: 'Reporter told outcome' },
    },
    {
      id: 'closed',
      columns: ['Closed'],
      path: 'possible violation',
      after: ['reporterToldOutcome'],
      due: { window: null, from: ['Reporter told outcome'] },
      template: null,
      step: { id: 'close', stages: ['Investigating', 'Decision'], needs: ['decision'] },
      words: { next: 'Close the case', timeline: 'Closed' },
    },
    // After the decision: a party may appeal; three other members review it. The decision stands meanwhile.
    {
      id: 'appeal',
      columns: ['Appeal received', 'Appealed by', 'Appeal reviewers'],
      path: 'possible violation',
      after: ['decision'],
      due: null,
      template: null,
      step: { id: 'recordAppeal', stages: ['Decision', 'Closed'], once: true, onlyAfter: true },
      words: { next: 'Record appeal', timeline: 'Appeal received' },
    },
    {
      id: 'appealReview',
      columns: ['Appeal decided', 'Appeal decision'],
      path: 'possible violation',
      after: ['appeal'],
      due: { window: 'appealReviewWindowDays', from: ['Appeal received'] },
      // Its reviewers must be named while it is heard.
      requiredAt: ['Decision', 'Closed'],
      afterClose: true,
      template: null,
      step: { id: 'recordAppealDecision', stages: ['Decision', 'Closed'], once: true, onlyAfter: true },
      words: { next: 'Review appeal', timeline: 'Appeal decided' },
    },
    // Each party hears the result (the reported party whatever the permission: the decision was theirs).
    {
      id: 'appealResultToReporter',
      columns: ['Reporter told appeal result'],
      path: 'possible violation',
      after: ['appealReview'],
      due: { window: 'outcomeNoticeWindowDays', from: ['Appeal decided'] },
      afterClose: true,
      template: 'appealResultReporter',
      step: { id: 'appealReporterTold', stages: ['Decision', 'Closed'], once: true, onlyAfter: true },
      words: { next: 'Tell reporter the appeal result', timeline: 'Reporter told appeal result' },
    },
    {
      id: 'appealResultToReported',
      columns: ['Reported party told appeal result'],
      path: 'possible violation',
      after: ['appealReview'],
      due: { window: 'outcomeNoticeWindowDays', from: ['Appeal decided'] },
      afterClose: true,
      template: 'appealResultReported',
      step: { id: 'appealReportedTold', stages: ['Decision', 'Closed'], once: true, onlyAfter: true },
      words: { next: 'Tell reported party the appeal result', timeline: 'Reported party told appeal result' },
    },
  ],
  engineOrder: [
    // An open appeal comes first, even on a closed case: its reviewers owe it.
    { milestones: ['appealReview'] },
    { milestones: ['appealResultToReporter', 'appealResultToReported'], together: 'Tell both parties the appeal result' },
    { milestones: ['firstReply'] },
    { milestones: ['explained'] },
    { milestones: ['assessment'] },
    { milestones: ['subTeam'] },
    { milestones: ['reporterNotified', 'reportedPartyNotified'], together: 'Notify both parties' },
    { milestones: ['decision'] },
    { milestones: ['closed'] },
    { milestones: ['reporterToldOutcome'] },
    { milestones: ['responsePlan'] },
    { milestones: ['updateReporter', 'updateReportedParty'], together: 'Update both parties' },
  ],
  templates: [
    { id: 'acknowledgement', name: 'Acknowledgement', stages: ['Received', 'Assessing'], milestone: 'firstReply' },
    { id: 'notViolation', name: 'Not a violation', stages: ['Assessing', 'Not a violation'], milestone: 'explained' },
    { id: 'nextSteps', name: 'Next steps to reporter', stages: ['Sub-team formed', 'Investigating'], milestone: 'reporterNotified' },
    { id: 'notifyReported', name: 'Notify reported party', stages: ['Sub-team formed', 'Investigating'], milestone: 'reportedPartyNotified' },
    { id: 'updateReporter', name: 'Update to reporter', stages: ['Investigating', 'Decision'], milestone: 'updateReporter' },
    { id: 'updateReported', name: 'Update to reported party', stages: ['Investigating', 'Decision'], milestone: 'updateReportedParty' },
    { id: 'responsePlan', name: 'Issuing a Response Plan [Reported Party]', stages: ['Decision'], milestone: 'responsePlan' },
    { id: 'outcomeNotice', name: 'Issuing a Response Plan [Notify Reporter]', stages: ['Decision', 'Closed'], milestone: 'reporterToldOutcome' },
    { id: 'appealResultReporter', name: 'Appeal result [Reporter]', stages: ['Decision', 'Closed'], milestone: 'appealResultToReporter' },
    { id: 'appealResultReported', name: 'Appeal result [Reported Party]', stages: ['Decision', 'Closed'], milestone: 'appealResultToReported' },
  ],
  target: {
    column: 'Target decision date',
    metBy: 'decision',
    words: { timeline: 'Target decision date', passed: 'Target decision date passed without a decision' },
  },
  digest: {
    statuses: ['Overdue', 'Due soon', 'Check data'],
    followUps: [{ outcome: 'Temporary ban', date: 'Outcome end date', words: 'Follow up: temporary ban ends' }],
    memberUnavailable: 'A sub-team member is unavailable',
  },
};

// ---- The rules derived from a declaration ----------------------------------------

export type ProcessSettings = Pick<Settings, WindowSetting>;

const FIELD_OF = Object.fromEntries(Object.entries(DATE_FIELDS).map(([field, column]) => [column, field])) as Record<
  DateColumn,
  DateField
>;

/** The day in a date column of the case, or null when it is empty or not a date. */
export function dayIn(c: CaseRecord, column: DateColumn): Day | null {
  const value = c[FIELD_OF[column]];
  return typeof value === 'number' ? value : null;
}

export function fieldOfColumn(column: ColumnName): DateField | undefined {
  return FIELD_OF[column as DateColumn];
}

/**
 * Whether a case took the possible-violation path (null while it is still being
 * assessed): the Assessment cell when it says, else (an adopted row) the stage.
 */
export function pathOf(c: CaseRecord): Path | null {
  if (c.assessment === 'Not a violation') return 'not a violation';
  if (c.assessment === 'Possible violation') return 'possible violation';
  if (c.stage === 'Not a violation') return 'not a violation';
  if ((SUB_TEAM_STAGES as readonly string[]).includes(c.stage)) return 'possible violation';
  if (c.stage === 'Closed') return c.subTeam !== '' || typeof c.subTeamFormed === 'number' ? 'possible violation' : 'not a violation';
  return null;
}

export interface Process {
  readonly declaration: ProcessDeclaration;
  milestone(id: MilestoneId): MilestoneDeclaration;
  /** Whether the row records the milestone. */
  isDone(id: MilestoneId, c: CaseRecord): boolean;
  /** Its prerequisites are done, the permission and the path allow it, and nothing after it ended it (stage aside). */
  isReachable(id: MilestoneId, c: CaseRecord): boolean;
  /** Owed now by the engine: reachable, at one of its stages, not done (a repeating one is owed until ended). */
  isOwed(id: MilestoneId, c: CaseRecord): boolean;
  /** Its due day for this case, or null when its base date is not recorded. */
  dueOf(id: MilestoneId, c: CaseRecord, settings: ProcessSettings): Day | null;
  /** Its window in days (0 when its rule has none), e.g. for a report of how often it was met. */
  windowOf(id: MilestoneId, settings: ProcessSettings): number;
  /** Its due day counted from a given base day (the report measures each update from the previous contact). */
  dueFrom(id: MilestoneId, base: Day, settings: ProcessSettings): Day;
  templateStep(id: TemplateStepId): TemplateStepDeclaration;
  /** The saved reply a panel step drafts for this case, if any (the close step's depends on the path). */
  templateForStep(step: PanelStepId, c: CaseRecord): TemplateStepId | null;
  /** The milestone a panel step records at the case's stage (the close step has one per path). */
  milestoneForStep(step: PanelStepId, c: CaseRecord): MilestoneDeclaration | null;
}

export function createProcess(declaration: ProcessDeclaration): Process {
  const byId = new Map(declaration.milestones.map((m) => [m.id, m]));
  const milestone = (id: MilestoneId): MilestoneDeclaration => {
    const found = byId.get(id);
    if (!found) throw new Error(`The process declares no milestone ${id}`);
    return found;
  };

  const isDone = (id: MilestoneId, c: CaseRecord): boolean => {
    switch (id) {
      case 'assessment':
        return pathOf(c) !== null;
      case 'subTeam':
        return c.subTeam !== '' && typeof c.subTeamFormed === 'number';
      case 'decision':
        return c.outcome !== '';
      case 'permission':
        return c.permission === 'Yes' || c.permission === 'No';
      case 'appealReview':
        return c.appealDecision !== '';
      default: {
        const date = milestone(id).columns[0] as DateColumn;
        return dayIn(c, date) !== null;
      }
    }
  };

  const isReachable = (id: MilestoneId, c: CaseRecord): boolean => {
    const m = milestone(id);
    if (m.path && pathOf(c) !== null && pathOf(c) !== m.path) return false;
    if (m.permission && c.permission !== m.permission) return false;
    if (!m.after.every((a) => isDone(a, c))) return false;
    return !(m.until ?? []).some((u) => isDone(u, c));
  };

  const isOwed = (id: MilestoneId, c: CaseRecord): boolean => {
    const m = milestone(id);
    if (m.owedAt && !(m.owedAt as readonly string[]).includes(c.stage)) return false;
    return isReachable(id, c) && (m.repeats || !isDone(id, c));
  };

  const dueOf = (id: MilestoneId, c: CaseRecord, settings: ProcessSettings): Day | null => {
    const rule = milestone(id).due;
    if (rule === null) return null;
    if ('earliestOf' in rule) {
      const days = rule.earliestOf
        .filter((other) => isReachable(other, c) || milestone(other).until?.includes(id))
        .map((other) => dueOf(other, c, settings))
        .filter((d): d is Day => d !== null);
      return days.length ? Math.min(...days) : null;
    }
    const base = rule.from.map((column) => dayIn(c, column)).find((d) => d !== null) ?? null;
    if (base === null) return null;
    return base + (rule.window === null ? 0 : settings[rule.window]);
  };

  const windowOf = (id: MilestoneId, settings: ProcessSettings): number => {
    const rule = milestone(id).due;
    return rule && 'window' in rule && rule.window !== null ? settings[rule.window] : 0;
  };

  const templateStep = (id: TemplateStepId): TemplateStepDeclaration => {
    const found = declaration.templates.find((t) => t.id === id);
    if (!found) throw new Error(`The process declares no saved reply ${id}`);
    return found;
  };

  const milestoneForStep = (step: PanelStepId, c: CaseRecord): MilestoneDeclaration | null => {
    const all = declaration.milestones.filter((m) => m.step?.id === step);
    return all.find((m) => (m.step?.stages as readonly string[]).includes(c.stage)) ?? all[0] ?? null;
  };

  return {
    declaration,
    milestone,
    isDone,
    isReachable,
    isOwed,
    dueOf,
    windowOf,
    dueFrom: (id, base, settings) => base + windowOf(id, settings),
    templateStep,
    templateForStep: (step, c) => {
      const all = declaration.milestones.filter((m) => m.step?.id === step);
      const here = all.find((m) => (m.step?.stages as readonly string[]).includes(c.stage));
      if (here) return here.template;
      // At a stage the step is not offered at, its saved reply only when it has one whatever the path.
      const templates = new Set(all.map((m) => m.template));
      return templates.size === 1 ? all[0].template : null;
    },
    milestoneForStep,
  };
}

/** When a case received on that day owes its first reply (what the new-case form tells the member). */
export function firstReplyDue(received: Day, settings: ProcessSettings, process: Process = PROCESS): Day {
  return process.dueOf('firstReply', newCaseRecord(received), settings) as Day;
}

/** The add-on's process. */
export const PROCESS: Process = createProcess(DEFAULT_DECLARATION);

export function isTemplateStepId(value: unknown): value is TemplateStepId {
  return typeof value === 'string' && (TEMPLATE_STEP_IDS as readonly string[]).includes(value);
}
