// Adopting a team's own tracker: which sheet holds the cases and which of the
// team's headers holds each tracker column. Headers the tracker recognises with
// certainty (its names and aliases) are taken as they are; for the rest, the
// team's unmatched headers are ranked by the words they share with the column and
// by what the cells below hold, and a member confirms the choice. The choice is
// kept as readable rows of the Settings sheet ("Column for Received" → "Date of
// 1st report"). Pure: no Apps Script.

import { isDate } from './calendar';
import { CASE_COLUMNS, matchHeaders, normalizeHeader, type ChosenHeaders, type ColumnName, type ColumnSpec } from './columns';
import { isEmail } from './email';
import { isUrl } from './validation';

/** The Settings row naming the cases sheet a member chose. */
const SHEET_CHOICE_LABEL = 'Cases sheet';
const COLUMN_PREFIX = 'Column for ';
export const columnChoiceLabel = (name: ColumnName) => `${COLUMN_PREFIX}${name}`;

/** What a member confirmed: the cases sheet (null: a new `Cases` sheet) and, per column, a header of theirs or null (add it). */
export interface TrackerChoice {
  sheet: string | null;
  columns: Partial<Record<ColumnName, string | null>>;
}

/** The choice as kept in Settings: only the columns given a header of the team's. */
export interface SavedChoice {
  sheet: string | null;
  columns: ChosenHeaders;
}

/** Columns a member may map: every one but the computed ones, which the add-on always owns. */
export const CHOOSABLE_COLUMNS: readonly ColumnName[] = CASE_COLUMNS.filter((c: ColumnSpec) => c.kind !== 'computed').map((c) => c.name);

const sameLabel = (a: unknown, b: string) => normalizeHeader(a) === normalizeHeader(b);

/** The saved choice from the Settings sheet's rows (unknown rows ignored). */
export function parseSavedChoice(rows: readonly (readonly unknown[])[]): SavedChoice {
  const columns: ChosenHeaders = {};
  let sheet: string | null = null;
  for (const row of rows) {
    const value = String(row[1] ?? '').trim();
    if (value === '') continue;
    if (sameLabel(row[0], SHEET_CHOICE_LABEL)) sheet = value;
    for (const name of CHOOSABLE_COLUMNS) if (sameLabel(row[0], columnChoiceLabel(name))) columns[name] = value;
  }
  return { sheet, columns };
}

/**
 * The Settings writes that keep a choice: labels the sheet lacks are appended,
 * labels it has get their value replaced (`row` is 0-based into `rows`); a column
 * the member now adds as new has its old choice emptied.
 */
export function choiceSettingWrites(
  rows: readonly (readonly unknown[])[],
  choice: SavedChoice,
  cleared: readonly ColumnName[] = [],
): { updates: { row: number; value: string }[]; appends: string[][] } {
  const wanted: [string, string][] = [];
  if (choice.sheet !== null) wanted.push([SHEET_CHOICE_LABEL, choice.sheet]);
  for (const name of CHOOSABLE_COLUMNS) {
    const header = choice.columns[name];
    if (header !== undefined) wanted.push([columnChoiceLabel(name), header]);
    else if (cleared.includes(name)) wanted.push([columnChoiceLabel(name), '']);
  }
  const updates: { row: number; value: string }[] = [];
  const appends: string[][] = [];
  for (const [label, value] of wanted) {
    const row = rows.findIndex((r) => sameLabel(r[0], label));
    if (row < 0) {
      if (value !== '') appends.push([label, value]);
    } else if (String(rows[row][1] ?? '').trim() !== value) updates.push({ row, value });
  }
  return { updates, appends };
}

// ---- Similarity -----------------------------------------------------------------

/**
 * Words teams use for a column that are too loose to be aliases (a header "Subject"
 * may be an email subject): they only rank guesses, a member still confirms.
 */
const HINTS: Partial<Record<ColumnName, readonly string[]>> = {
  Received: ['date of report', 'first report', 'reported on', 'report received'],
  'Reporter name': ['reporter', 'complainant', 'reported by'],
  'Reporter email': ['reporter contact', 'complainant email'],
  'Reported party name': ['subject', 'named subject', 'reported person', 'accused person'],
  'Reported party email': ['subject email', 'subject contact', 'reported person contact'],
  'Permission to notify reported party': ['permission to contact', 'ok to contact'],
  Summary: ['summary of report', 'report details', 'incident'],
  Where: ['place', 'event', 'platform'],
  'Help desk link': ['ticket url', 'zendesk', 'request link'],
  Outcome: ['action taken', 'sanction', 'enforcement action'],
  Findings: ['summary of outcome', 'outcome summary', 'result', 'conclusion'],
  Closed: ['resolved', 'date resolved', 'date closed'],
};

const STOP_WORDS = new Set(['of', 'the', 'to', 'if', 'by', 'us', 'we', 'our', 'for', 'a', 'an', 'on', 'is', 'this', 'and', 'or', 'in', 'at', 'be', 'was', 'it']);
/** Words too common in headers to say which column is meant. */
const GENERIC_WORDS = new Set(['date', 'email', 'e', 'mail', 'address', 'name', 'sent', 'link', 'url', 'day', 'last', 'first', 'new']);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -1);
  return word;
}

/** A header's meaningful words, stemmed: "Named subjects" → name, subject. */
export function headerWords(text: unknown): string[] {
  return String(text ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .map(stem);
}

const weight = (word: string) => (GENERIC_WORDS.has(word) ? 0.25 : 1);
const total = (words: Iterable<string>) => [...words].reduce((sum, w) => sum + weight(w), 0);

/** How much of one of the column's names a header says (0..1): mostly containment, a little overlap. */
export function wordSimilarity(header: unknown, column: ColumnSpec): number {
  const got = new Set(headerWords(header));
  if (got.size === 0) return 0;
  let best = 0;
  for (const name of [column.name, ...column.aliases, ...(HINTS[column.name as ColumnName] ?? [])]) {
    const want = new Set(headerWords(name));
    if (want.size === 0) continue;
    const shared = [...want].filter((w) => got.has(w));
    const contained = total(shared) / total(want);
    const overlap = total(shared) / total(new Set([...want, ...got]));
    best = Math.max(best, 0.7 * contained + 0.3 * overlap);
  }
  return best;
}

/** How well the cells below a header fit the column's kind (0..1), or null when they are all blank. */
export function valueFit(values: readonly unknown[], column: ColumnSpec): number | null {
  const filled = values.filter((v) => !(v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '')));
  if (filled.length === 0) return null;
  const text = (v: unknown) => String(v).trim();
  const fits = (v: unknown): boolean => {
    switch (column.kind) {
      case 'date':
        return isDate(v);
      case 'email':
        return typeof v === 'string' && isEmail(v);
      case 'emails':
        return typeof v === 'string' && text(v).split(',').every((e) => isEmail(e));
      case 'url':
        return typeof v === 'string' && isUrl(v);
      case 'list':
        return (column.list ?? []).some((word) => word.toLowerCase() === text(v).toLowerCase());
      default:
        return typeof v === 'string' && !isEmail(v) && !isUrl(v);
    }
  };
  return filled.filter(fits).length / filled.length;
}

/** A guess is offered first only with some word in common; values alone just rank. */
export const PROPOSE_WORDS = 0.5;

interface Candidate {
  header: string;
  /** 0-based column index on the sheet. */
  index: number;
  score: number;
}

export interface ColumnProposal {
  column: ColumnName;
  kind: ColumnSpec['kind'];
  /** The header it was recognised by with certainty (its name, an alias, or a saved choice). */
  matched: { header: string; index: number; by: 'name' | 'choice' } | null;
  /** The team's unmatched headers, best guesses first. */
  candidates: Candidate[];
  /** The header proposed (preselected in the dialog); null: add a new column. */
  proposed: string | null;
}

/**
 * For each choosable column: the header that matched it, or the team's unmatched
 * headers ranked for it. `samples[i]` are the values below header i. A header is
 * proposed for at most one column (the best-scoring pairs first).
 */
export function proposeColumns(headers: readonly unknown[], samples: readonly (readonly unknown[])[] = [], saved: ChosenHeaders = {}): ColumnProposal[] {
  const byName = matchHeaders(headers);
  const withChoice = matchHeaders(headers, saved);
  const taken = new Set(Object.values(withChoice.map) as number[]);
  const free = headers.map((h, i) => ({ header: String(h ?? '').trim(), index: i })).filter((h) => h.header !== '' && !taken.has(h.index));

  const proposals: ColumnProposal[] = [];
  const pairs: { p: ColumnProposal; c: Candidate; words: number }[] = [];
  for (const name of CHOOSABLE_COLUMNS) {
    const spec = CASE_COLUMNS.find((c) => c.name === name) as ColumnSpec;
    const index = withChoice.map[name];
    const p: ColumnProposal = { column: name, kind: spec.kind, matched: null, candidates: [], proposed: null };
    proposals.push(p);
    if (index !== undefined) {
      p.matched = { header: String(headers[index]).trim(), index, by: byName.map[name] === index ? 'name' : 'choice' };
      continue;
    }
    const scored = free.map((h) => {
      const words = wordSimilarity(h.header, spec);
      const fit = valueFit(samples[h.index] ?? [], spec);
      const score = fit === null ? words : 0.7 * words + 0.3 * fit;
      return { c: { header: h.header, index: h.index, score: Math.round(score * 1000) / 1000 }, words };
    });
    scored.sort((a, b) => b.c.score - a.c.score || a.c.index - b.c.index);
    p.candidates = scored.map((s) => s.c);
    for (const s of scored) if (s.words >= PROPOSE_WORDS) pairs.push({ p, c: s.c, words: s.words });
  }
  pairs.sort((a, b) => b.c.score - a.c.score || a.c.index - b.c.index);
  const used = new Set<number>();
  for (const { p, c } of pairs) {
    if (p.proposed !== null || used.has(c.index)) continue;
    p.proposed = c.header;
    used.add(c.index);
  }
  return proposals;
}

export interface SheetOption {
  name: string;
  /** Tracker columns recognised by name, and guessed from the team's words. */
  recognised: number;
  guessed: number;
  /** Data rows below the header. */
  rows: number;
}

export interface TrackerPlan {
  /** The sheet setup would use; null: a new `Cases` sheet. */
  sheet: string | null;
  /** Every sheet that could hold the cases (the helper sheets excluded). */
  sheets: SheetOption[];
  columns: ColumnProposal[];
  /** Nothing guessed: setup may go ahead without asking. */
  certain: boolean;
  /** Why a member is asked (empty when certain). */
  reasons: string[];
}

/** How strongly a sheet's header row looks like a tracker: recognised columns plus guessable ones. */
export function trackerLikeness(proposals: readonly ColumnProposal[]): { recognised: number; guessed: number } {
  return {
    recognised: proposals.filter((p) => p.matched !== null).length,
    guessed: proposals.filter((p) => p.proposed !== null).length,
  };
}

/**
 * Checks a member's choice against the sheet's headers: every header named must be
 * on the sheet and unclaimed, and no header may be given to two columns.
 * Returns the headers to keep as the team's choice, or the problems.
 */
/** Longer than any header a team types; a longer one is no header of theirs. */
const MAX_CHOSEN_HEADER = 500;

export function checkChoice(
  headers: readonly unknown[],
  columns: unknown,
  saved: ChosenHeaders = {},
): { ok: true; chosen: ChosenHeaders } | { ok: false; problems: string[] } {
  if (columns !== undefined && (typeof columns !== 'object' || columns === null || Array.isArray(columns)))
    return { ok: false, problems: ['The choice of columns is not a list of column → header'] };
  const problems: string[] = [];
  const byName = matchHeaders(headers);
  const present = new Map(headers.map((h, i) => [normalizeHeader(h), i] as const).filter(([h]) => h !== ''));
  const chosen: ChosenHeaders = {};
  const usedBy = new Map<number, ColumnName>();
  for (const [key, value] of Object.entries((columns ?? {}) as Record<string, unknown>)) {
    const name = CHOOSABLE_COLUMNS.find((c) => c === key);
    if (!name) {
      // The key comes from the page: quoted short, so a message stays a message.
      problems.push(`"${key.length > 40 ? `${key.slice(0, 40)}…` : key}" is not a tracker column that can be chosen`);
      continue;
    }
    if (value === null) continue;
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${name}: choose one of the sheet's headers or "add a new column"`);
      continue;
    }
    if (value.length > MAX_CHOSEN_HEADER) {
      problems.push(`${name}: a header is at most ${MAX_CHOSEN_HEADER} characters`);
      continue;
    }
    if (byName.map[name] !== undefined) continue; // recognised by its own name: nothing to choose
    const index = present.get(normalizeHeader(value));
    if (index === undefined) {
      problems.push(`${name}: the sheet has no header "${value.trim()}"`);
      continue;
    }
    if ((Object.values(byName.map) as number[]).includes(index)) {
      problems.push(`${name}: "${value.trim()}" is already the tracker's ${Object.keys(byName.map).find((k) => byName.map[k as ColumnName] === index)} column`);
      continue;
    }
    const other = usedBy.get(index);
    if (other) {
      problems.push(`"${value.trim()}" is chosen for both ${other} and ${name}`);
      continue;
    }
    usedBy.set(index, name);
    chosen[name] = String(headers[index]).trim();
  }
  // Saved choices the member did not mention stay, as long as their header is still there.
  for (const [name, header] of Object.entries(saved) as [ColumnName, string][]) {
    if (name in chosen || (columns as Record<string, unknown> | undefined)?.[name] !== undefined) continue;
    const index = present.get(normalizeHeader(header));
    if (index !== undefined && !usedBy.has(index)) chosen[name] = header;
  }
  return problems.length ? { ok: false, problems } : { ok: true, chosen };
}

/** A team's chosen header that is gone from the sheet, said so the member can put it back or choose again. */
export function lostColumnsWarning(lost: readonly { column: ColumnName; header: string }[]): string {
  if (lost.length === 0) return '';
  const list = lost.map((l) => `${l.column} (“${l.header}”)`).join(', ');
  return `Your column${lost.length === 1 ? '' : 's'} for ${list} ${lost.length === 1 ? 'is' : 'are'} no longer on the sheet: rename the header back, or run Set up tracker to choose again.`;
}
