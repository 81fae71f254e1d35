// What the reminder run has already sent: one small script property per
// recipient and day (`IRT_SENT|2026-03-10|ann@irt.example`), so no value grows
// with the team and a second run on the same day, or a follow-up of a run that
// stopped half-way, sends nothing twice. Days outside a short window are pruned.
// Pure: the adapter reads all properties once, writes one key per send and
// deletes the pruned keys.

import { dayFromIso, isoFromDay, type Day } from './calendar';

/** The ledger's keys start with this; the rest is `yyyy-mm-dd|recipient`. */
const SENT_PREFIX = 'IRT_SENT|';
/** The one-property JSON ledger of earlier versions (`{ "yyyy-mm-dd": [recipients] }`): still read, then pruned. */
export const LEGACY_LEDGER_PROPERTY = 'IRT_REMINDERS_SENT';
/** Days kept: today and yesterday (in case the spreadsheet's zone changes mid-day). */
const LEDGER_KEEP_DAYS = 2;

/** The property recording that `recipient` got a digest on `day` (value: any non-empty text). */
export function sentKey(day: Day, recipient: string): string {
  return `${SENT_PREFIX}${isoFromDay(day)}|${recipient.trim().toLowerCase()}`;
}

interface SentEntry {
  day: Day;
  recipient: string;
}

/** The day and recipient a ledger key records, or null for any other property. */
export function parseSentKey(key: string): SentEntry | null {
  if (!key.startsWith(SENT_PREFIX)) return null;
  const rest = key.slice(SENT_PREFIX.length);
  const day = dayFromIso(rest.slice(0, 10));
  if (day === null || rest[10] !== '|' || rest.length === 11) return null;
  return { day, recipient: rest.slice(11) };
}

/** Recipients of the legacy JSON value by day; anything unreadable counts as nothing sent. */
function parseLegacy(json: string | undefined): Map<Day, string[]> {
  const days = new Map<Day, string[]>();
  if (!json) return days;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return days;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return days;
  for (const [iso, recipients] of Object.entries(value as Record<string, unknown>)) {
    const day = dayFromIso(iso);
    if (day === null || !Array.isArray(recipients)) continue;
    days.set(day, recipients.filter((r): r is string => typeof r === 'string').map((r) => r.trim().toLowerCase()));
  }
  return days;
}

/** Lower-cased recipients already sent to on `day`, from all script properties. */
export function sentOn(properties: Record<string, string>, day: Day): Set<string> {
  const sent = new Set<string>(parseLegacy(properties[LEGACY_LEDGER_PROPERTY]).get(day) ?? []);
  for (const key of Object.keys(properties)) {
    const entry = parseSentKey(key);
    if (entry && entry.day === day) sent.add(entry.recipient);
  }
  return sent;
}

/** Ledger keys to delete: days outside the kept window (or after today); the legacy value once it holds no kept day. */
export function staleLedgerKeys(properties: Record<string, string>, today: Day, keepDays = LEDGER_KEEP_DAYS): string[] {
  const kept = (day: Day) => day <= today && day > today - keepDays;
  const stale: string[] = [];
  for (const key of Object.keys(properties)) {
    const entry = parseSentKey(key);
    if (entry ? !kept(entry.day) : key.startsWith(SENT_PREFIX)) stale.push(key);
  }
  if (LEGACY_LEDGER_PROPERTY in properties && ![...parseLegacy(properties[LEGACY_LEDGER_PROPERTY]).keys()].some(kept)) {
    stale.push(LEGACY_LEDGER_PROPERTY);
  }
  return stale;
}
