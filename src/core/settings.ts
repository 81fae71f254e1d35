// The team's policy knobs, kept as readable rows of the Settings sheet
// ("Setting" | "Value"). One definition of each: its label, default and check.

import { addressProblem, parsePeople } from './people';
import { NOT_PLAIN_ASCII } from './email';

export interface Settings {
  replyWindowDays: number;
  assessmentWindowDays: number;
  notifyWindowDays: number;
  updateIntervalDays: number;
  outcomeNoticeWindowDays: number;
  dueSoonDays: number;
  reminderHour: number;
  triageEmails: string[];
  emailDateFormat: string;
  confidentialityNotice: string;
  /** Days after the response plan in which a party may appeal (a later appeal is recorded with a warning). */
  appealWindowDays: number;
  /** Days the appeal reviewers have from the appeal's receipt. */
  appealReviewWindowDays: number;
  /** Months a closed case keeps its identifying details, per outcome; null = never expunged. */
  keepNotViolationMonths: number | null;
  keepNoActionMonths: number | null;
  keepCorrectionMonths: number | null;
  keepWarningMonths: number | null;
  /** Counted from the ban's end date, not the closing date. */
  keepTemporaryBanMonths: number | null;
  keepPermanentBanMonths: number | null;
  /** The daily run expunges due records itself only when this is Yes. */
  expungeAutomatically: boolean;
}

export const DEFAULT_CONFIDENTIALITY_NOTICE =
  'Please keep this message, the findings and all communication about this report confidential. ' +
  'Sharing them with anyone outside the Incident Response Team may itself lead to further action ' +
  'under the Code of Conduct.';

type Key = keyof Settings;

interface SettingSpec<K extends Key> {
  key: K;
  label: string;
  defaultValue: Settings[K];
  /** Turns the cell into the setting's value, or says why it cannot. */
  parse(value: unknown): Settings[K] | { problem: string };
  /** What to write into the Value cell. */
  show(value: Settings[K]): string | number;
}

function days(key: Key, label: string, defaultValue: number, min = 0, max = 365): SettingSpec<Key> {
  return {
    key,
    label,
    defaultValue,
    parse: (value) => {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      return Number.isInteger(n) && n >= min && n <= max && String(value).trim() !== ''
        ? n
        : { problem: `${label} must be a whole number from ${min} to ${max}` };
    },
    show: (value) => value as number,
  };
}

/** Months to keep a record, or `Never`. */
function months(key: Key, label: string, defaultValue: number | null): SettingSpec<Key> {
  return {
    key,
    label,
    defaultValue,
    parse: (value) => {
      const raw = String(value ?? '').trim();
      if (/^never$/i.test(raw)) return null;
      const n = typeof value === 'number' ? value : Number(raw);
      return raw !== '' && Number.isInteger(n) && n >= 0 && n <= 1200
        ? n
        : { problem: `${label} must be a whole number of months from 0 to 1200, or Never` };
    },
    show: (value) => (value === null ? 'Never' : (value as number)),
  };
}

function yesNo(key: Key, label: string, defaultValue: boolean): SettingSpec<Key> {
  return {
    key,
    label,
    defaultValue,
    parse: (value) => {
      const raw = String(value ?? '').trim().toLowerCase();
      if (raw === 'yes') return true;
      if (raw === 'no') return false;
      return { problem: `${label} must be Yes or No` };
    },
    show: (value) => (value ? 'Yes' : 'No'),
  };
}

const text = (key: Key, label: string, defaultValue: string): SettingSpec<Key> => ({
  key,
  label,
  defaultValue,
  parse: (value) => (String(value ?? '').trim() === '' ? { problem: `${label} is empty` } : String(value).trim()),
  show: (value) => value as string,
});

export const SETTING_SPECS: readonly SettingSpec<Key>[] = [
  days('replyWindowDays', 'Reply window (days)', 3),
  days('assessmentWindowDays', 'Assessment window (days)', 7),
  days('notifyWindowDays', 'Notify parties window (days)', 7),
  days('updateIntervalDays', 'Update interval (days)', 14, 1),
  days('outcomeNoticeWindowDays', 'Outcome notice window (days)', 3),
  days('dueSoonDays', 'Due-soon window (days)', 2),
  days('reminderHour', 'Reminder hour (0-23)', 9, 0, 23),
  {
    key: 'triageEmails',
    label: 'Triage emails (comma-separated)',
    defaultValue: [],
    parse: (value) => {
      // Named by position, never quoted: the message is logged, and a name typed here is a member's.
      const people = parsePeople(value);
      const bad = people.flatMap((p, i) => (p.email === null ? [i + 1] : []));
      if (bad.length === 0) return people.map((p) => p.address as string);
      const lookAlike = people.some((p) => addressProblem(p) === NOT_PLAIN_ASCII);
      const which = `${bad.length === 1 ? 'entry' : 'entries'} ${bad.join(', ')} of ${people.length}`;
      return {
        problem: lookAlike
          ? `Triage emails: ${which} ${bad.length === 1 ? 'is not an email address' : 'are not email addresses'}; an address ${NOT_PLAIN_ASCII}`
          : `Triage emails: ${which} ${bad.length === 1 ? 'is not an email address' : 'are not email addresses'} (write addresses, separated by commas)`,
      };
    },
    show: (value) => (value as string[]).join(', '),
  },
  {
    ...text('emailDateFormat', 'Date format in emails', 'd MMMM yyyy'),
    // Only the letters formatDay knows, so "today" cannot print as "to14ay".
    parse: (value) =>
      String(value ?? '').trim() === ''
        ? { problem: 'Date format in emails is empty' }
        : /^(?:'[^']*'|d{1,2}|M{1,4}|yyyy|yy|EEEE|EEE|[^A-Za-z'])+$/.test(String(value ?? '').trim())
        ? String(value).trim()
        : { problem: "Date format in emails may use only d, dd, M, MM, MMM, MMMM, yy, yyyy, EEE, EEEE and 'quoted text'" },
  },
  text('confidentialityNotice', 'Confidentiality notice', DEFAULT_CONFIDENTIALITY_NOTICE),
  days('appealWindowDays', 'Appeal window (days)', 30),
  days('appealReviewWindowDays', 'Appeal review window (days)', 14),
  months('keepNotViolationMonths', 'Keep records (months): not a violation', 6),
  months('keepNoActionMonths', 'Keep records (months): no action', 6),
  months('keepCorrectionMonths', 'Keep records (months): correction', 12),
  months('keepWarningMonths', 'Keep records (months): warning', 12),
  months('keepTemporaryBanMonths', 'Keep records (months): temporary ban, after its end date', 12),
  months('keepPermanentBanMonths', 'Keep records (months): permanent ban', null),
  yesNo('expungeAutomatically', 'Expunge automatically', false),
];

export function defaultSettings(): Settings {
  const settings = {} as Record<Key, unknown>;
  // Copy list defaults: callers may push to their settings' triageEmails.
  for (const spec of SETTING_SPECS) settings[spec.key] = Array.isArray(spec.defaultValue) ? [...spec.defaultValue] : spec.defaultValue;
  return settings as unknown as Settings;
}

/** The rows a fresh Settings sheet gets, header first. */
export function defaultSettingRows(): (string | number)[][] {
  return [['Setting', 'Value'], ...SETTING_SPECS.map((spec) => [spec.label, spec.show(spec.defaultValue)])];
}

const normalizeLabel = (label: unknown) => String(label ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Reads the Settings sheet's rows (header included or not). A missing row keeps its
 * default; an unreadable value keeps its default and is reported, so a typo never
 * silently turns a 3-day window into 0.
 */
export function parseSettings(rows: readonly (readonly unknown[])[]): { settings: Settings; problems: string[] } {
  const settings = defaultSettings() as unknown as Record<Key, unknown>;
  const problems: string[] = [];
  for (const spec of SETTING_SPECS) {
    const row = rows.find((r) => normalizeLabel(r[0]) === normalizeLabel(spec.label));
    if (!row) continue;
    const parsed = spec.parse(row[1]);
    if (parsed !== null && typeof parsed === 'object' && 'problem' in parsed) problems.push(parsed.problem);
    else settings[spec.key] = parsed;
  }
  return { settings: settings as unknown as Settings, problems };
}

/** The labels a Settings sheet lacks, with their default values: what setup appends. */
export function missingSettingRows(rows: readonly (readonly unknown[])[]): (string | number)[][] {
  const present = new Set(rows.map((r) => normalizeLabel(r[0])));
  return SETTING_SPECS.filter((spec) => !present.has(normalizeLabel(spec.label))).map((spec) => [
    spec.label,
    spec.show(spec.defaultValue),
  ]);
}
