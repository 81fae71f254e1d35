// Calendar days in a named time zone, in plain JavaScript (Intl), so that the
// deadline engine never calls a service per row and never depends on the
// script's or the machine's own zone.

/** A calendar day: whole days since 1970-01-01 in the proleptic Gregorian calendar. */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayFromParts(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function partsOfDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `yyyy-mm-dd` to a Day; null for anything else, including impossible dates like 2026-02-30. */
export function dayFromIso(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const result = dayFromParts(year, month, day);
  const back = partsOfDay(result);
  return back.year === year && back.month === month && back.day === day ? result : null;
}

export function isoFromDay(day: Day): string {
  const { year, month, day: d } = partsOfDay(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: Date, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The calendar day an instant falls on in a zone (a date cell reads as midnight in the spreadsheet's zone). */
export function dayOfInstant(instant: Date, timeZone: string): Day {
  const w = wallClock(instant, timeZone);
  return dayFromParts(w.year, w.month, w.day);
}

/** Minutes the zone is ahead of UTC at that instant (DST included). */
export function utcOffsetMinutes(timeZone: string, instant: Date): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a calendar day starts in a zone: what to write into a date cell. */
export function startOfDay(day: Day, timeZone: string): Date {
  const guess = day * MS_PER_DAY;
  // Two passes settle the offset even when the day starts next to a DST change.
  const first = guess - utcOffsetMinutes(timeZone, new Date(guess)) * 60_000;
  const second = guess - utcOffsetMinutes(timeZone, new Date(first)) * 60_000;
  // Where DST starts at midnight (America/Santiago, America/Havana) midnight does not
  // exist and one pass may land on the previous evening: keep the earliest candidate
  // that is on the day itself (the transition instant, when the day really starts).
  const onDay = [first, second].filter((i) => dayOfInstant(new Date(i), timeZone) === day);
  return new Date(onDay.length > 0 ? Math.min(...onDay) : second);
}

export function addDays(day: Day, days: number): Day {
  return day + days;
}

/** The same day of the month `months` later, or the month's last day when it has fewer (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = partsOfDay(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = dayFromParts(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1;
  return Math.min(dayFromParts(y, m, d), last);
}

/** Dates cross realms (vm contexts, the sidebar) so `instanceof Date` is not reliable. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

/** A cell's value as a calendar day: null when blank, 'invalid' when it is not a date. */
export function dayFromCell(value: unknown, timeZone: string): Day | null | 'invalid' {
  if (value === '' || value === null || value === undefined) return null;
  if (isDate(value)) return dayOfInstant(value, timeZone);
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    return dayFromIso(value) ?? 'invalid';
  }
  return 'invalid';
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

/**
 * Formats a day with a small pattern language: d, dd, M, MM, MMM, MMMM, yy, yyyy,
 * EEE, EEEE; text in single quotes is literal. Default `d MMMM yyyy` → 14 February 2026.
 */
export function formatDay(day: Day, pattern = 'd MMMM yyyy'): string {
  const { year, month, day: d } = partsOfDay(day);
  const weekday = WEEKDAYS[((day % 7) + 7) % 7];
  return pattern.replace(/'([^']*)'|d{1,2}|M{1,4}|y{4}|y{2}|E{3,4}/g, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'd': return String(d);
      case 'dd': return String(d).padStart(2, '0');
      case 'M': return String(month);
      case 'MM': return String(month).padStart(2, '0');
      case 'MMM': return MONTHS[month - 1].slice(0, 3);
      case 'MMMM': return MONTHS[month - 1];
      case 'yy': return String(year % 100).padStart(2, '0');
      case 'yyyy': return String(year);
      case 'EEE': return weekday.slice(0, 3);
      case 'EEEE': return weekday;
      default: return token;
    }
  });
}
