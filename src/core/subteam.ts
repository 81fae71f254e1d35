// Choosing a sub-team of three from the Roster, the way the process asks: members
// with time available, no connection to the case, close to each other's clocks
// (and to the parties' when known). Pure: the day is passed in.

import { dayFromCell, formatDay, isValidTimeZone, utcOffsetMinutes, type Day } from './calendar';
import { normalizeHeader } from './columns';
import { ROSTER_HEADER, unavailability, type RosterColumn } from './roster';
import { addressProblem, emailsIn, isListed, parsePeople, parsePerson, type Person } from './people';
import { NOT_PLAIN_ASCII } from './email';

const SUB_TEAM_SIZE = 3;

export interface RosterMember {
  name: string;
  email: string;
  timeZone: string;
  /** The Available cell says Yes (a blank cell counts as Yes). */
  available: boolean;
  unavailableUntil: Day | null;
  /** Sheet row, for messages about the Roster. */
  row: number;
  /** Why this member can never be suggested, whatever the case (bad time zone, bad Available). */
  problem: string | null;
}

export interface Roster {
  members: RosterMember[];
  /** Rows skipped or flagged, each naming the row and the column. */
  problems: string[];
}

const ROSTER_ALIASES: Record<RosterColumn, readonly string[]> = {
  Name: ['Member', 'Full name'],
  Email: ['E-mail', 'Email address', 'Member email'],
  'Time zone': ['Timezone', 'TZ', 'Time zone (IANA)', 'IANA time zone'],
  Available: ['Availability', 'Is available'],
  'Unavailable until': ['Away until', 'Back on', 'Unavailable till'],
};

/**
 * Reads the Roster sheet's values (header row first). Rows without an email are
 * skipped; a member whose time zone or availability cannot be read is kept with a
 * problem, so they are never suggested and the team is told why.
 */
export function parseRoster(values: readonly (readonly unknown[])[], timeZone: string, headerRow = 1): Roster {
  const header = (values[headerRow - 1] ?? []).map(normalizeHeader);
  const index = {} as Record<RosterColumn, number>;
  const problems: string[] = [];
  for (const column of ROSTER_HEADER) {
    const names = [column, ...ROSTER_ALIASES[column]].map(normalizeHeader);
    index[column] = header.findIndex((h) => h !== '' && names.includes(h));
  }
  const absent = (['Email', 'Time zone'] as const).filter((c) => index[c] < 0);
  if (absent.length) return { members: [], problems: [`The Roster sheet has no ${absent.join(' or ')} column`] };

  const members: RosterMember[] = [];
  const seen = new Set<string>();
  values.slice(headerRow).forEach((row, i) => {
    const rowNumber = headerRow + 1 + i;
    const cell = (c: RosterColumn) => (index[c] < 0 ? '' : row[index[c]]);
    const text = (c: RosterColumn) => String(cell(c) ?? '').trim();
    const typed = text('Email');
    if (typed === '') {
      if (text('Name') !== '') problems.push(`Roster row ${rowNumber}: Email is missing`);
      return;
    }
    const person = parsePerson(typed);
    const email = person.address;
    if (email === null) {
      // A look-alike address is not shown: it would read as another member's.
      const why = addressProblem(person);
      problems.push(why === NOT_PLAIN_ASCII ? `Roster row ${rowNumber}: Email ${why}` : `Roster row ${rowNumber}: Email "${typed}" is not an email address`);
      return;
    }
    if (seen.has(email.toLowerCase())) {
      problems.push(`Roster row ${rowNumber}: ${email} is listed twice`);
      return;
    }
    seen.add(email.toLowerCase());
    let problem: string | null = null;
    const zone = text('Time zone');
    if (!isValidTimeZone(zone)) problem = zone === '' ? 'Time zone is missing' : `Time zone "${zone}" is not an IANA time zone name`;
    const availableText = text('Available');
    const available = availableText === '' || /^yes$/i.test(availableText);
    if (availableText !== '' && !/^(yes|no)$/i.test(availableText)) problem ??= `Available "${availableText}" is not Yes or No`;
    const until = dayFromCell(cell('Unavailable until'), timeZone);
    if (until === 'invalid') problem ??= 'Unavailable until is not a date';
    if (problem) problems.push(`Roster row ${rowNumber} (${email}): ${problem}`);
    members.push({
      name: text('Name') || email,
      email,
      timeZone: zone,
      available,
      unavailableUntil: typeof until === 'number' ? until : null,
      row: rowNumber,
      problem,
    });
  });
  return { members, problems };
}

/** The cells of a case that rule members out of its sub-team. */
export interface CaseTies {
  conflicts: string;
  reporterName: string;
  reporterEmail: string;
  reportedPartyName: string;
  reportedPartyEmail: string;
}

/** Who may not sit on a case's sub-team: its parties and the members its Conflicts cell names. */
export interface CaseExclusions {
  reporter: readonly Person[];
  reportedParty: readonly Person[];
  conflicts: readonly Person[];
  /** For an appeal: the original sub-team (also in `conflicts`), named as such when left out. */
  subTeam?: readonly Person[];
}

export const NO_EXCLUSIONS: CaseExclusions = { reporter: [], reportedParty: [], conflicts: [] };

/**
 * A party is one person: the name cell is read whole (so "Diaz, Ana" is one name) and
 * the email cell as one address, in any form people write one.
 */
function party(name: string, email: string): Person[] {
  return [name, email].filter((cell) => cell.trim() !== '').map(parsePerson);
}

export function caseExclusions(ties: Partial<CaseTies>): CaseExclusions {
  return {
    reporter: party(ties.reporterName ?? '', ties.reporterEmail ?? ''),
    reportedParty: party(ties.reportedPartyName ?? '', ties.reportedPartyEmail ?? ''),
    conflicts: parsePeople(ties.conflicts ?? ''),
  };
}

/** Whether a Roster member is the case's reporter or reported party. */
export function isParty(member: Pick<RosterMember, 'name' | 'email'>, exclusions: CaseExclusions): boolean {
  return isListed(member, exclusions.reporter) || isListed(member, exclusions.reportedParty);
}

/** Why someone must never sit on this case's sub-team, whatever the day: a party of it, or listed in its Conflicts. */
export function conflictOf(member: Pick<RosterMember, 'name' | 'email'>, exclusions: CaseExclusions): string | null {
  if (isListed(member, exclusions.reporter)) return 'the reporter of this case';
  if (isListed(member, exclusions.reportedParty)) return 'the reported party of this case';
  if (exclusions.subTeam && isListed(member, exclusions.subTeam)) return 'on this case’s sub-team: an appeal is heard by other members';
  if (isListed(member, exclusions.conflicts)) return 'listed in this case’s Conflicts';
  return null;
}

/**
 * Why a member cannot sit on this case's sub-team on that day, or null when they can.
 * A member matches a party or a Conflicts entry by email, or by their Roster name.
 */
export function ineligibility(member: RosterMember, day: Day, exclusions: CaseExclusions): string | null {
  if (member.problem) return member.problem;
  const conflict = conflictOf(member, exclusions);
  if (conflict) return conflict;
  return unavailability(member, day);
}

const MINUTES_PER_DAY = 24 * 60;

/** The instant used to read a zone's offset on a day: noon UTC, clear of midnight DST changes. */
export function offsetOnDay(timeZone: string, day: Day): number {
  return utcOffsetMinutes(timeZone, new Date(day * 86_400_000 + 12 * 3_600_000));
}

/**
 * The shortest arc of the 24-hour clock that covers every offset, in minutes.
 * Offsets live on a circle: UTC+12 and UTC−10 are 2 hours apart across the date line.
 */
export function offsetSpread(offsets: readonly number[]): number {
  if (offsets.length < 2) return 0;
  const points = [...new Set(offsets.map((o) => ((o % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY))].sort(
    (a, b) => a - b,
  );
  if (points.length < 2) return 0;
  let largestGap = points[0] + MINUTES_PER_DAY - points[points.length - 1];
  for (let i = 1; i < points.length; i++) largestGap = Math.max(largestGap, points[i] - points[i - 1]);
  return MINUTES_PER_DAY - largestGap;
}

/** Distance between two offsets around the clock, in minutes (at most 12 hours). */
export function offsetDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % MINUTES_PER_DAY;
  return Math.min(d, MINUTES_PER_DAY - d);
}

/** UTC+9, UTC+5:30, UTC−3, UTC. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

const hoursText = (minutes: number) => {
  const h = minutes / 60;
  const shown = Number.isInteger(h) ? String(h) : h.toFixed(1).replace(/\.0$/, '');
  return `${shown} h`;
};

/**
 * How a group is scored (lower is better), in minutes: the spread of their UTC
 * offsets, plus one hour for each open case they already carry, plus half the
 * distance from the farthest party to that party's nearest member. So a member one
 * hour further away is preferred to one carrying an extra case only when that is a
 * fair trade. Equal scores: the smaller spread, then fewer open cases, then the
 * group whose lower-case emails, sorted, come first (compared address by address).
 */
const OPEN_CASE_WEIGHT_MINUTES = 60;
const PARTY_WEIGHT = 0.5;

export interface SubTeamRequest {
  roster: readonly RosterMember[];
  /** Open cases each member sits on, by lower-case email (this case excluded). */
  openCases: Readonly<Record<string, number>>;
  /** IANA zones of the parties when known; invalid ones are ignored and reported. */
  partyTimeZones?: readonly string[];
  /** The case's parties and Conflicts (see caseExclusions). */
  exclusions?: CaseExclusions;
  /** Members who stay (a replacement keeps the other two). */
  keep?: readonly string[];
  /** The member being replaced: never suggested back, and not listed as left out. */
  leaving?: string;
  /** The day the sub-team is formed, in the spreadsheet's zone. */
  day: Day;
  size?: number;
}

interface SuggestedMember {
  name: string;
  email: string;
  timeZone: string;
  offsetMinutes: number;
  openCases: number;
  kept: boolean;
  /** One line saying why this member. */
  reason: string;
}

/** What the rule weighs in a group. */
interface GroupScore {
  spreadMinutes: number;
  openCases: number;
  /** Minutes from the farthest party to their nearest member (0 without party zones). */
  partyMinutes: number;
  /** spread + 60 × open cases + 0.5 × party minutes. */
  score: number;
}

export interface SubTeamSuggestion {
  /** True when a full sub-team could be suggested. */
  complete: boolean;
  members: SuggestedMember[];
  /** Offsets spanned by the suggested members, in minutes. */
  spreadMinutes: number;
  /** A sentence summing up the choice, or saying why there is none. */
  summary: string;
  /**
   * What the choice traded against each group that is best on one criterion alone (the
   * tightest, the least loaded, the closest to the parties), one sentence each:
   * "5.5 h spread rather than 5 h, for 5 fewer open cases." Empty when nothing was traded.
   */
  trades: string[];
  /** The suggested group's score, and the best group on each criterion alone (what the choice traded). */
  score: GroupScore | null;
  bestBy: { spread: GroupScore; openCases: GroupScore; parties: GroupScore | null } | null;
  /** Members left out and why (unavailable, conflicted, unreadable). */
  excluded: { name: string; email: string; reason: string }[];
  /** Roster members who are a party of this case: left out, and not named (the panel needs no party's name). */
  partiesLeftOut: number;
  /** Party time zones that are not IANA names (ignored). */
  ignoredTimeZones: string[];
}

interface Candidate {
  member: RosterMember;
  /** Lower-case email: the rule's last tie-break. */
  key: string;
  /** Position on the Roster, to list a group in Roster order. */
  index: number;
  offset: number;
  open: number;
  kept: boolean;
}

interface Scored extends GroupScore {
  group: Candidate[];
  /** Sorted lower-case emails. */
  keys: string[];
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

/** The rule's order: score, then spread, then open cases, then emails. */
function compareGroups(a: GroupScore & { keys: readonly string[] }, b: GroupScore & { keys: readonly string[] }): number {
  return a.score - b.score || a.spreadMinutes - b.spreadMinutes || a.openCases - b.openCases || compareKeys(a.keys, b.keys);
}

/** Scores a group the way the rule does. */
function scoreGroup(offsets: readonly number[], openCases: number, partyOffsets: readonly number[]): GroupScore {
  const spreadMinutes = offsetSpread(offsets);
  const partyMinutes = partyOffsets.length
    ? Math.max(...partyOffsets.map((p) => Math.min(...offsets.map((o) => offsetDistance(o, p)))))
    : 0;
  return {
    spreadMinutes,
    openCases,
    partyMinutes,
    score: spreadMinutes + openCases * OPEN_CASE_WEIGHT_MINUTES + partyMinutes * PARTY_WEIGHT,
  };
}

/**
 * Every group worth comparing, without trying every group of members. A group's
 * score depends only on its members' offsets and open cases, so for each way of
 * taking `need` members from the distinct offsets (a few dozen offsets exist on any
 * day, whatever the Roster's size), only the members with the fewest open cases at
 * each offset, then the first emails, can win: any other member at that offset
 * scores the same or worse and sorts later. Returns one group per such choice.
 */
function candidateGroups(pool: readonly Candidate[], kept: readonly Candidate[], need: number, partyOffsets: readonly number[]): Scored[] {
  const byOffset = new Map<number, Candidate[]>();
  for (const c of pool) {
    const at = byOffset.get(c.offset);
    if (at) at.push(c);
    else byOffset.set(c.offset, [c]);
  }
  const slots = [...byOffset.values()].map((members) =>
    members.sort((a, b) => a.open - b.open || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  );
  const keptOpen = kept.reduce((sum, c) => sum + c.open, 0);
  const groups: Scored[] = [];
  const chosen: Candidate[] = [];
  const visit = (from: number, left: number) => {
    if (left === 0) {
      const group = [...kept, ...chosen];
      const score = scoreGroup(
        group.map((c) => c.offset),
        keptOpen + chosen.reduce((sum, c) => sum + c.open, 0),
        partyOffsets,
      );
      groups.push({ ...score, group, keys: group.map((c) => c.key).sort() });
      return;
    }
    for (let s = from; s < slots.length; s++) {
      const slot = slots[s];
      for (let take = 1; take <= Math.min(left, slot.length); take++) {
        chosen.push(...slot.slice(0, take));
        visit(s + 1, left - take);
        chosen.length -= take;
      }
    }
  };
  visit(0, need);
  return groups;
}

const minimum = <T>(items: readonly T[], compare: (a: T, b: T) => number): T =>
  items.reduce((best, item) => (compare(item, best) < 0 ? item : best));

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What the chosen group gives up against another group, and what it gains for it:
 * "5.5 h spread rather than 5 h, for 5 fewer open cases". Null when it gives up nothing.
 */
function tradeSentence(chosen: GroupScore, other: GroupScore, withParties: boolean): string | null {
  const costs: string[] = [];
  const gains: string[] = [];
  if (chosen.spreadMinutes > other.spreadMinutes)
    costs.push(`${hoursText(chosen.spreadMinutes)} spread rather than ${hoursText(other.spreadMinutes)}`);
  else if (chosen.spreadMinutes < other.spreadMinutes) gains.push(`${hoursText(other.spreadMinutes - chosen.spreadMinutes)} less spread`);
  if (chosen.openCases > other.openCases) costs.push(`${plural(chosen.openCases, 'open case')} rather than ${other.openCases}`);
  else if (chosen.openCases < other.openCases) gains.push(plural(other.openCases - chosen.openCases, 'fewer open case'));
  if (withParties && chosen.partyMinutes > other.partyMinutes)
    costs.push(`the farthest party ${hoursText(chosen.partyMinutes)} from a member rather than ${hoursText(other.partyMinutes)}`);
  else if (withParties && chosen.partyMinutes < other.partyMinutes)
    gains.push(`the farthest party ${hoursText(other.partyMinutes - chosen.partyMinutes)} closer`);
  if (costs.length === 0) return null;
  return gains.length ? `${joinAnd(costs)}, for ${joinAnd(gains)}` : joinAnd(costs);
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const scoreOf = (s: GroupScore): GroupScore => ({
  spreadMinutes: s.spreadMinutes,
  openCases: s.openCases,
  partyMinutes: s.partyMinutes,
  score: s.score,
});

/** The best available members for a case's sub-team, with a line explaining each choice. */
export function suggestSubTeam(request: SubTeamRequest): SubTeamSuggestion {
  const size = request.size ?? SUB_TEAM_SIZE;
  const { day } = request;
  const exclusions = request.exclusions ?? NO_EXCLUSIONS;
  const leaving = (request.leaving ?? '').trim().toLowerCase();
  const keep = new Set((request.keep ?? []).map((e) => e.trim().toLowerCase()).filter((e) => e !== ''));
  const openOf = (m: RosterMember) => request.openCases[m.email.toLowerCase()] ?? 0;
  // One offset per zone: a large Roster shares a few dozen zones.
  const offsets = new Map<string, number>();
  const offsetOf = (zone: string) => {
    let offset = offsets.get(zone);
    if (offset === undefined) offsets.set(zone, (offset = offsetOnDay(zone, day)));
    return offset;
  };

  const ignoredTimeZones = (request.partyTimeZones ?? []).filter((z) => z.trim() !== '' && !isValidTimeZone(z.trim()));
  const partyOffsets = (request.partyTimeZones ?? [])
    .map((z) => z.trim())
    .filter((z) => z !== '' && isValidTimeZone(z))
    .map(offsetOf);

  const excluded: SubTeamSuggestion['excluded'] = [];
  let partiesLeftOut = 0;
  const kept: Candidate[] = [];
  const pool: Candidate[] = [];
  request.roster.forEach((member, index) => {
    const candidate = (): Candidate => ({
      member,
      key: member.email.toLowerCase(),
      index,
      offset: offsetOf(member.timeZone),
      open: openOf(member),
      kept: false,
    });
    if (keep.has(member.email.toLowerCase())) {
      // A member who stays is on the team whatever the Roster says now; placed on the clock when we can.
      if (isValidTimeZone(member.timeZone)) kept.push({ ...candidate(), kept: true });
      return;
    }
    if (member.email.toLowerCase() === leaving) return;
    const why = ineligibility(member, day, exclusions);
    if (why && isParty(member, exclusions)) partiesLeftOut++;
    else if (why) excluded.push({ name: member.name, email: member.email, reason: why });
    else pool.push(candidate());
  });
  const need = size - keep.size;
  const dayText = formatDay(day);

  if (need > pool.length || need < 0) {
    const members = [...kept, ...pool].map((c) => describe(c, [...kept, ...pool], partyOffsets, day));
    const eligible = keep.size + pool.length;
    return {
      complete: false,
      members,
      spreadMinutes: offsetSpread([...kept, ...pool].map((c) => c.offset)),
      summary:
        need < 0
          ? `The sub-team already has ${keep.size} members.`
          : `Only ${eligible} eligible member${eligible === 1 ? '' : 's'} on ${dayText}: a sub-team needs ${size}. ` +
            'Add members to the Roster or update their availability.',
      trades: [],
      score: null,
      bestBy: null,
      excluded,
      partiesLeftOut,
      ignoredTimeZones,
    };
  }

  const groups = candidateGroups(pool, kept, need, partyOffsets);
  const best = minimum(groups, compareGroups);
  const bestBy = {
    spread: minimum(groups, (a, b) => a.spreadMinutes - b.spreadMinutes || compareGroups(a, b)),
    openCases: minimum(groups, (a, b) => a.openCases - b.openCases || compareGroups(a, b)),
    parties: partyOffsets.length ? minimum(groups, (a, b) => a.partyMinutes - b.partyMinutes || compareGroups(a, b)) : null,
  };
  // Kept members first, then the Roster's order.
  const group = [...best.group].sort((a, b) => Number(b.kept) - Number(a.kept) || a.index - b.index);
  const parts = [`These ${size} span ${hoursText(best.spreadMinutes)} of UTC offsets on ${dayText}`];
  if (partyOffsets.length) parts.push(`every party is within ${hoursText(best.partyMinutes)} of a member`);
  parts.push(`${plural(best.openCases, 'open case')} between them`);
  // Each other group that is best on one criterion alone, once: what the choice traded against it.
  const others = [bestBy.spread, bestBy.openCases, bestBy.parties].filter(
    (g, i, all): g is Scored => g !== null && g !== best && all.indexOf(g) === i,
  );
  const trades = others
    .map((other) => tradeSentence(best, other, partyOffsets.length > 0))
    .filter((t): t is string => t !== null);
  const nothingTraded =
    !trades.length && need > 0 && groups.length > 1
      ? ` No group is tighter${partyOffsets.length ? ', closer to the parties' : ''} or carries fewer open cases.`
      : '';
  return {
    complete: true,
    members: group.map((c) => describe(c, group, partyOffsets, day)),
    spreadMinutes: best.spreadMinutes,
    summary: `${parts.join('; ')}.${nothingTraded}`,
    trades: trades.map((t) => `${t.charAt(0).toUpperCase()}${t.slice(1)}.`),
    score: scoreOf(best),
    bestBy: {
      spread: scoreOf(bestBy.spread),
      openCases: scoreOf(bestBy.openCases),
      parties: bestBy.parties ? scoreOf(bestBy.parties) : null,
    },
    excluded,
    partiesLeftOut,
    ignoredTimeZones,
  };
}

function describe(c: Candidate, group: readonly Candidate[], partyOffsets: readonly number[], day: Day): SuggestedMember {
  const others = group.filter((o) => o !== c);
  const farthest = others.length ? Math.max(...others.map((o) => offsetDistance(o.offset, c.offset))) : 0;
  const bits = [
    `${c.member.timeZone} (${formatOffset(c.offset)} on ${formatDay(day)})`,
    `${c.open} open case${c.open === 1 ? '' : 's'}`,
    others.length ? `within ${hoursText(farthest)} of the others` : '',
  ];
  if (partyOffsets.length) {
    const nearest = Math.min(...partyOffsets.map((p) => offsetDistance(p, c.offset)));
    bits.push(`${hoursText(nearest)} from the nearest party`);
  }
  if (c.kept) bits.unshift('stays on the sub-team');
  return {
    name: c.member.name,
    email: c.member.email,
    timeZone: c.member.timeZone,
    offsetMinutes: c.offset,
    openCases: c.open,
    kept: c.kept,
    reason: `${c.member.name}: ${bits.filter(Boolean).join('; ')}.`,
  };
}

/** Open cases per member (lower-case email), from the Sub-team cells of open cases. */
export function countOpenCases(subTeams: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const team of subTeams) {
    for (const email of emailsIn(team)) {
      counts[email] = (counts[email] ?? 0) + 1;
    }
  }
  return counts;
}
