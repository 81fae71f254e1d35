/**
 * Wall-clock arithmetic in IANA time zones through Intl. A "wall time" is the
 * UTC-millisecond value whose UTC fields equal the local fields in the zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A fixed offset zone such as "GMT", "UTC", "GMT+2", "GMT-05:30" (minutes), or null. */
function fixedOffset(timeZone: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return (m[1] === '-' ? -minutes : minutes) * 60_000;
}

/** True for an IANA zone Intl knows, or a GMT/UTC offset. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  if (fixedOffset(timeZone) !== null) return true;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time in `timeZone` at instant `ms`. */
export function instantToWall(ms: number, timeZone: string): number {
  const fixed = fixedOffset(timeZone);
  if (fixed !== null) return ms + fixed;
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const wall = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const sub = ((ms % 1000) + 1000) % 1000;
  const d = new Date(wall);
  d.setUTCFullYear(year);
  return d.getTime() + sub;
}

/** The zone's offset from UTC (ms) at instant `ms`. */
export function offsetAt(ms: number, timeZone: string): number {
  return instantToWall(ms, timeZone) - ms;
}

/** The instant whose wall time in `timeZone` is `wall` (the earlier one in a DST overlap). */
export function wallToInstant(wall: number, timeZone: string): number {
  const first = wall - offsetAt(wall, timeZone);
  const offset = offsetAt(first, timeZone);
  const candidate = wall - offset;
  if (instantToWall(candidate, timeZone) === wall) {
    // Prefer the earlier instant when the wall time occurs twice.
    const earlier = wall - offsetAt(candidate - 3600_000 * 3, timeZone);
    if (earlier < candidate && instantToWall(earlier, timeZone) === wall) return earlier;
    return candidate;
  }
  // A wall time skipped by a DST gap: move forward by the gap like Sheets does.
  return wall - offsetAt(candidate - 3600_000 * 3, timeZone);
}
