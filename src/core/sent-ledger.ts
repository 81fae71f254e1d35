// What the reminder run has already sent: per calendar day, the recipients whose
// digest went out. Kept as JSON in one script property, so a second run on the
// same day sends nothing again and a run that died half-way is completed by the
// next one. Pure: the adapter reads and writes the property.

import { dayFromIso, isoFromDay, type Day } from './calendar';

/** `yyyy-mm-dd` → lower-cased recipients sent to on that day. */
export type Ledger = Record<string, string[]>;

export const LEDGER_PROPERTY = 'IRT_REMINDERS_SENT';
/** Days kept: today and yesterday (in case the spreadsheet's zone changes mid-day). */
export const LEDGER_KEEP_DAYS = 2;
/** A script property value holds at most 9 kB; stay well under it. */
export const LEDGER_MAX_CHARS = 8_000;

/** Reads the stored JSON; anything unreadable counts as an empty ledger. */
export function parseLedger(json: string | null | undefined): Ledger {
  if (!json) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const ledger: Ledger = {};
  for (const [day, recipients] of Object.entries(value as Record<string, unknown>)) {
    if (dayFromIso(day) === null || !Array.isArray(recipients)) continue;
    ledger[day] = recipients.filter((r): r is string => typeof r === 'string').map((r) => r.toLowerCase());
  }
  return ledger;
}

export function hasSent(ledger: Ledger, day: Day, recipient: string): boolean {
  return (ledger[isoFromDay(day)] ?? []).includes(recipient.toLowerCase());
}

/** A new ledger with the recipient recorded for the day. */
export function recordSent(ledger: Ledger, day: Day, recipient: string): Ledger {
  const key = isoFromDay(day);
  const sent = ledger[key] ?? [];
  const address = recipient.toLowerCase();
  return sent.includes(address) ? ledger : { ...ledger, [key]: [...sent, address] };
}

/** Drops days older than the kept window (and any day after today). */
export function pruneLedger(ledger: Ledger, today: Day, keepDays = LEDGER_KEEP_DAYS): Ledger {
  const pruned: Ledger = {};
  for (const [key, recipients] of Object.entries(ledger)) {
    const day = dayFromIso(key);
    if (day !== null && day <= today && day > today - keepDays) pruned[key] = recipients;
  }
  return pruned;
}

/** JSON for the property, pruned; if still too long, only today is kept. */
export function serializeLedger(ledger: Ledger, today: Day): string {
  const pruned = pruneLedger(ledger, today);
  const json = JSON.stringify(pruned);
  if (json.length <= LEDGER_MAX_CHARS) return json;
  return JSON.stringify(pruneLedger(pruned, today, 1));
}
