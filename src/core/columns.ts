// The Case Tracker's vocabulary: its columns, the words its lists allow, and how
// a user's own header row maps onto the canonical columns.

export const STAGES = [
  'Received',
  'Assessing',
  'Not a violation',
  'Sub-team formed',
  'Investigating',
  'Decision',
  'Closed',
] as const;
export type Stage = (typeof STAGES)[number];

export const OUTCOMES = ['Correction', 'Warning', 'Temporary ban', 'Permanent ban', 'No action'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Which outcomes may carry an end date: a temporary ban must (it ends on that day),
 * a correction or a warning may (e.g. to step away from a role for two months),
 * a permanent ban and no action have none. One rule for the sheet check, the
 * deadline engine and the panel's decision step.
 */
export type EndDateRule = 'required' | 'optional' | 'none';
export function outcomeEndDateRule(outcome: string): EndDateRule {
  if (outcome === 'Temporary ban') return 'required';
  if (outcome === 'Permanent ban' || outcome === 'No action') return 'none';
  return 'optional';
}

/** Why an outcome and its end date do not go together, or null when they do. */
export function outcomeEndDateProblem(outcome: string, hasEndDate: boolean): string | null {
  const rule = outcomeEndDateRule(outcome);
  if (rule === 'required' && !hasEndDate) return 'Outcome end date is missing for a temporary ban';
  if (rule === 'none' && hasEndDate) return `Outcome end date is set, but the outcome ${outcome} has no end date`;
  return null;
}

/** The response plan says what the reported party is asked to do, for every level but no action. */
export function requestedActionRequired(outcome: string): boolean {
  return outcome !== '' && outcome !== 'No action';
}

export const ASSESSMENTS = ['Possible violation', 'Not a violation'] as const;

export const PERMISSIONS = ['Yes', 'No', 'Not asked'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who asked for a review of the decision. */
export const APPELLANTS = ['Reporter', 'Reported party'] as const;

/** How an appeal ended. */
export const APPEAL_DECISIONS = ['Upheld', 'Changed', 'Withdrawn'] as const;

export const STATUSES = ['Overdue', 'Due soon', 'On track', 'Closed', 'Check data'] as const;
export type DeadlineStatus = (typeof STATUSES)[number];

/** What a column holds; drives parsing, sheet validation and the sidebar's checks. */
type ColumnKind = 'id' | 'text' | 'date' | 'email' | 'emails' | 'url' | 'list' | 'timezone' | 'computed';

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  /**
   * Other header texts teams use for this column (matched like the name). Only
   * unambiguous ones: a team's own "Notes" or "Due date" column must never be
   * taken over, and computed columns have none, since the add-on overwrites them.
   */
  readonly aliases: readonly string[];
  readonly list?: readonly string[];
  /** Free text about a party or the case: never in reminders or logs. */
  readonly confidential?: boolean;
}

export const CASE_COLUMNS = [
  { name: 'Case ID', kind: 'id', aliases: ['ID', 'Case number', 'Case #', 'Case no'] },
  { name: 'Received', kind: 'date', aliases: ['Date received', 'Received on', 'Report date', 'Date reported', 'Reported on'] },
  { name: 'Stage', kind: 'list', list: STAGES, aliases: ['Status', 'Case stage', 'Case status'] },
  { name: 'Reporter name', kind: 'text', confidential: true, aliases: ['Reporter', 'Reported by'] },
  { name: 'Reporter email', kind: 'email', confidential: true, aliases: ["Reporter's email", 'Reporter e-mail'] },
  // Optional IANA zone names, used when suggesting a sub-team near the parties.
  { name: 'Reporter time zone', kind: 'timezone', aliases: ["Reporter's time zone", 'Reporter TZ'] },
  { name: 'Reported party name', kind: 'text', confidential: true, aliases: ['Reported party', 'Reported person', 'Accused', 'Respondent'] },
  { name: 'Reported party email', kind: 'email', confidential: true, aliases: ['Reported person email', 'Respondent email', 'Reported party e-mail'] },
  { name: 'Reported party time zone', kind: 'timezone', aliases: ['Reported person time zone', 'Respondent time zone', 'Reported party TZ'] },
  {
    name: 'Permission to notify reported party',
    kind: 'list',
    list: PERMISSIONS,
    aliases: ['Permission', 'Permission to notify', 'Reporter permission', 'Consent', 'Consent to notify'],
  },
  { name: 'Summary', kind: 'text', confidential: true, aliases: ['Description', 'Report summary'] },
  { name: 'Where', kind: 'text', confidential: true, aliases: ['Location', 'Space', 'Where it happened', 'Venue'] },
  { name: 'Help desk link', kind: 'url', aliases: ['Help desk', 'Ticket', 'Ticket link', 'Help desk ticket'] },
  { name: 'First reply sent', kind: 'date', aliases: ['First reply', 'Acknowledged', 'Acknowledgement sent', 'Replied'] },
  // Kept when the case closes, so a closed case still says why it closed.
  { name: 'Assessment', kind: 'list', list: ASSESSMENTS, aliases: ['Initial assessment'] },
  { name: 'Sub-team', kind: 'emails', aliases: ['Subteam', 'Sub team', 'Sub-team members'] },
  { name: 'Sub-team formed', kind: 'date', aliases: ['Subteam formed', 'Sub team formed', 'Sub-team formed on'] },
  { name: 'Channel', kind: 'text', aliases: ['Communication channel', 'Sub-team channel'] },
  // The sub-team's own timeline.
  { name: 'Target decision date', kind: 'date', aliases: ['Decision target date', 'Target date for decision'] },
  { name: 'Reporter notified', kind: 'date', aliases: ['Reporter notified on', 'Next steps to reporter'] },
  { name: 'Reported party notified', kind: 'date', aliases: ['Reported party notified on', 'Respondent notified'] },
  { name: 'Last update to reporter', kind: 'date', aliases: ['Reporter last update', 'Last reporter update'] },
  { name: 'Last update to reported party', kind: 'date', aliases: ['Reported party last update', 'Last reported party update'] },
  { name: 'Outcome', kind: 'list', list: OUTCOMES, aliases: ['Enforcement', 'Enforcement level'] },
  { name: 'Outcome end date', kind: 'date', aliases: ['Ban end date', 'Outcome until'] },
  // What the reported party is asked to do (e.g. to step away from an organizer role): the response plan says it.
  { name: 'Requested action', kind: 'text', confidential: true, aliases: ['Action requested', 'Requested actions'] },
  // Optional, impartial, and shared with the reported party in the response plan.
  { name: 'Behaviour description', kind: 'text', confidential: true, aliases: ['Behavior description', 'Description of behaviour', 'Description of behavior'] },
  { name: 'Findings', kind: 'text', confidential: true, aliases: ['Finding'] },
  { name: 'Response plan sent', kind: 'date', aliases: ['Response plan', 'Plan sent'] },
  { name: 'Reporter told outcome', kind: 'date', aliases: ['Outcome sent to reporter', 'Reporter told', 'Outcome notice sent'] },
  { name: 'Closed', kind: 'date', aliases: ['Closed on', 'Date closed', 'Closed date'] },
  // Members (emails or names) never to suggest for this case's sub-team.
  { name: 'Conflicts', kind: 'text', confidential: true, aliases: ['Conflicts of interest', 'Conflict', 'Exclude from sub-team', 'Recused'] },
  // After the case: an appeal heard by three other members, and the day its identifying details go.
  { name: 'Appeal received', kind: 'date', aliases: ['Appeal date', 'Appealed on'] },
  { name: 'Appealed by', kind: 'list', list: APPELLANTS, aliases: ['Appellant'] },
  { name: 'Appeal reviewers', kind: 'text', aliases: ['Appeal panel'] },
  { name: 'Appeal decision', kind: 'list', list: APPEAL_DECISIONS, aliases: ['Appeal result', 'Appeal outcome'] },
  { name: 'Appeal decided', kind: 'date', aliases: ['Appeal decided on', 'Appeal closed'] },
  { name: 'Reporter told appeal result', kind: 'date', aliases: [] },
  { name: 'Reported party told appeal result', kind: 'date', aliases: [] },
  { name: 'Expunge after', kind: 'date', aliases: ['Expunge date', 'Expunge on'] },
  { name: 'Next action', kind: 'computed', aliases: [] },
  { name: 'Next deadline', kind: 'computed', aliases: [] },
  { name: 'Deadline status', kind: 'computed', aliases: [] },
] as const satisfies readonly ColumnSpec[];

export type ColumnName = (typeof CASE_COLUMNS)[number]['name'];
export const COLUMN_NAMES: readonly ColumnName[] = CASE_COLUMNS.map((c) => c.name);
export const COMPUTED_COLUMNS = ['Next action', 'Next deadline', 'Deadline status'] as const satisfies readonly ColumnName[];

/**
 * The header of a tracker the add-on creates itself: the computed columns right
 * after Stage, so a member sees why a row is red without scrolling. An adopted
 * tracker keeps its own order; missing columns are appended at its right.
 */
export const NEW_TRACKER_COLUMNS: readonly ColumnName[] = COLUMN_NAMES.flatMap((name) =>
  (COMPUTED_COLUMNS as readonly string[]).includes(name) ? [] : name === 'Stage' ? [name, ...COMPUTED_COLUMNS] : [name],
);
/** Columns whose content is about a person or the case itself; kept out of reminders and logs. */
export const CONFIDENTIAL_COLUMNS: readonly ColumnName[] = CASE_COLUMNS.filter(
  (c: ColumnSpec) => c.confidential,
).map((c) => c.name);

export function columnSpec(name: ColumnName): ColumnSpec {
  return CASE_COLUMNS.find((c) => c.name === name) as ColumnSpec;
}

/** Header text compared case-, space- and punctuation-insensitively: "Date  received" = "date-received". */
export function normalizeHeader(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, '');
}

/** Zero-based column index of each canonical column in a header row. */
export type ColumnMap = Partial<Record<ColumnName, number>>;

export interface HeaderMatch {
  map: ColumnMap;
  missing: ColumnName[];
  /** How many canonical columns the header row has: used to pick the tracker sheet. */
  score: number;
  /** Columns whose chosen header (a team's choice kept in Settings) is no longer in the row. */
  lost: { column: ColumnName; header: string }[];
}

/** A team's own header chosen for a tracker column (kept in Settings by Set up tracker). */
export type ChosenHeaders = Partial<Record<ColumnName, string>>;

/**
 * Maps a user's header row to the canonical columns. Exact names win over aliases,
 * so a user's own "Decision" column is not mistaken for "Outcome" when "Outcome"
 * also exists; the first header that matches a column claims it. A team's chosen
 * header fills a column the row does not name itself (never a computed one), found
 * by its text wherever it has moved.
 */
export function matchHeaders(headers: readonly unknown[], chosen: ChosenHeaders = {}): HeaderMatch {
  const normalized = headers.map(normalizeHeader);
  const map: ColumnMap = {};
  const claimed = new Set<number>();
  const claim = (name: ColumnName, candidates: readonly string[]) => {
    if (map[name] !== undefined) return;
    for (const candidate of candidates) {
      const index = normalized.findIndex((h, i) => h !== '' && !claimed.has(i) && h === normalizeHeader(candidate));
      if (index >= 0) {
        map[name] = index;
        claimed.add(index);
        return;
      }
    }
  };
  for (const column of CASE_COLUMNS) claim(column.name, [column.name]);
  for (const column of CASE_COLUMNS) claim(column.name, column.aliases);
  const lost: HeaderMatch['lost'] = [];
  for (const column of CASE_COLUMNS) {
    const header = chosen[column.name];
    if (header === undefined || map[column.name] !== undefined || column.kind === 'computed') continue;
    claim(column.name, [header]);
    if (map[column.name] === undefined) lost.push({ column: column.name, header });
  }
  const missing = COLUMN_NAMES.filter((name) => map[name] === undefined);
  return { map, missing, score: COLUMN_NAMES.length - missing.length, lost };
}
