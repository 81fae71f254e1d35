// The one reader of cells that hold people: Sub-team, Conflicts, Triage emails
// and the Roster's Email. Every cell is split the same way and compared
// case-insensitively, so an address is recognised however a member typed it:
// `ana@example.org`, `Ana Diaz <ana@example.org>`, `mailto:ana@example.org`.

import { emailProblem, isEmail, NOT_PLAIN_ASCII } from './email';

export interface Person {
  /** The entry as typed, trimmed. */
  text: string;
  /** The address as typed, when the entry holds a valid one; else null. */
  address: string | null;
  /** The same address lower-cased, for comparing; else null. */
  email: string | null;
  /** The display name (lower-cased, spaces folded); for a bare address, ''; for a bare name, the name. */
  name: string;
}

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Separators outside quotes and angle brackets: `"Diaz, Ana" <ana@x.org>` is one entry. */
function splitEntries(cell: string, separators = ',;\n\r'): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of cell) {
    if (ch === '"' && !angled) quoted = !quoted;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && !quoted) angled = false;
    if (!quoted && !angled && separators.includes(ch)) {
      entries.push(current);
      current = '';
    } else current += ch;
  }
  entries.push(current);
  return entries.map((e) => e.trim()).filter((e) => e !== '');
}

function bareAddress(text: string): string {
  return text.replace(/^mailto:/i, '').replace(/\?.*$/, '').trim();
}

/** One entry: `Name <address>`, `mailto:address`, a bare address, or a name. */
export function parsePerson(entry: string): Person {
  const text = entry.trim();
  const angled = /^(.*)<([^<>]*)>\s*$/.exec(text);
  if (angled) {
    const address = bareAddress(angled[2]);
    const name = fold(angled[1].trim().replace(/^"(.*)"$/, '$1'));
    return isEmail(address) ? { text, address, email: address.toLowerCase(), name } : { text, address: null, email: null, name };
  }
  const address = bareAddress(text);
  if (isEmail(address)) return { text, address, email: address.toLowerCase(), name: '' };
  return { text, address: null, email: null, name: fold(text) };
}

/**
 * Why an entry written as an address (it holds an @) is not a usable one, as a phrase
 * to follow its name; null for a good address or a plain name (names may hold any letter).
 */
export function addressProblem(person: Person): string | null {
  if (person.email !== null || !person.text.includes('@')) return null;
  const angled = /<([^<>]*)>\s*$/.exec(person.text);
  return emailProblem(bareAddress(angled ? angled[1] : person.text));
}

/** The one rule for a Conflicts cell (new-case form and panel): names, or usable addresses. */
export function conflictsProblem(value: string): string | null {
  const entries = parsePeople(value);
  const bad = entries.findIndex((p) => addressProblem(p) !== null);
  return bad < 0 ? null : `Conflicts entry ${bad + 1} ${addressProblem(entries[bad])}`;
}

/**
 * Every entry of a people cell. Entries are separated by commas, semicolons or new
 * lines; an entry of several bare addresses separated by spaces counts as several.
 */
export function parsePeople(cell: unknown): Person[] {
  const people: Person[] = [];
  for (const entry of splitEntries(String(cell ?? ''))) {
    const words = entry.split(/\s+/);
    if (words.length > 1 && words.every((w) => isEmail(bareAddress(w)))) people.push(...words.map(parsePerson));
    else people.push(parsePerson(entry));
  }
  return people;
}

/** The distinct valid addresses of a cell (or of a list of entries), lower-cased, in order. */
export function emailsIn(value: unknown): string[] {
  const entries = Array.isArray(value) ? value.flatMap((v) => parsePeople(v)) : parsePeople(value);
  return [...new Set(entries.map((p) => p.email).filter((e): e is string => e !== null))];
}

/** Whether a member (name and address) is one of the people listed. */
export function isListed(member: { name: string; email: string }, people: readonly Person[]): boolean {
  const email = member.email.trim().toLowerCase();
  const name = fold(member.name);
  return people.some((p) => (p.email !== null && p.email === email) || (p.name !== '' && p.name === name));
}

/**
 * Three distinct members, each with a valid address: what a sub-team must be. The
 * three are separated by commas, the form the add-on writes and the sheet's
 * validation accepts, so the engine and the sheet agree on what a good cell is.
 */
export function subTeamProblem(value: string): string | null {
  const people = splitEntries(value, ',').map(parsePerson);
  if (people.length !== 3) return `Sub-team needs exactly three emails separated by commas (has ${people.length})`;
  // A look-alike address is named by its place, not shown: it would read as another.
  const unreadable = people.findIndex((p) => addressProblem(p) === NOT_PLAIN_ASCII);
  if (unreadable >= 0) return `Sub-team member ${unreadable + 1}’s email ${NOT_PLAIN_ASCII}`;
  const bad = people.filter((p) => p.email === null);
  if (bad.length) return `Sub-team has an invalid email: ${bad.map((p) => p.text).join(', ')}`;
  if (new Set(people.map((p) => p.email)).size !== 3) return 'Sub-team needs three different members';
  return null;
}

/** The sub-team's members as typed (an entry's address when it has one), in order. */
export function memberEntries(value: string): string[] {
  return parsePeople(value).map((p) => p.address ?? p.text);
}
