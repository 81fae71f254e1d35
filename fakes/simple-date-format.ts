import { gasError } from './errors';
import { instantToWall, offsetAt } from './tz';

/** Java SimpleDateFormat patterns, as Utilities.formatDate takes them. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function zoneOffset(offsetMs: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  const minutes = Math.round(offsetMs / 60_000);
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const mm = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X') return `${sign}${hh}`;
  if (style === 'XXX') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function shortZoneName(ms: number, timeZone: string): string {
  if (/^(GMT|UTC)/.test(timeZone)) return timeZone.startsWith('UTC') ? 'UTC' : timeZone;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(ms));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const w = new Date(instantToWall(ms, timeZone));
  const offset = offsetAt(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw gasError(`Unterminated quote in date pattern: ${pattern}`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    const hour = w.getUTCHours();
    switch (c) {
      case 'G':
        out += w.getUTCFullYear() > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.getUTCFullYear() % 100, 2) : pad(w.getUTCFullYear(), n);
        break;
      case 'M':
      case 'L': {
        const m = w.getUTCMonth();
        out += n >= 4 ? MONTHS[m] : n === 3 ? MONTHS[m].slice(0, 3) : pad(m + 1, n);
        break;
      }
      case 'd':
        out += pad(w.getUTCDate(), n);
        break;
      case 'D': {
        const start = Date.UTC(w.getUTCFullYear(), 0, 1);
        out += pad(Math.floor((w.getTime() - start) / 86_400_000) + 1, n);
        break;
      }
      case 'E': {
        const day = DAYS[w.getUTCDay()];
        out += n >= 4 ? day : day.slice(0, 3);
        break;
      }
      case 'u':
        out += pad(w.getUTCDay() === 0 ? 7 : w.getUTCDay(), n);
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(hour, n);
        break;
      case 'k':
        out += pad(hour === 0 ? 24 : hour, n);
        break;
      case 'K':
        out += pad(hour % 12, n);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case 'm':
        out += pad(w.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(w.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(w.getUTCMilliseconds(), n);
        break;
      case 'z':
        out += n >= 4 ? timeZone : shortZoneName(ms, timeZone);
        break;
      case 'Z':
        out += zoneOffset(offset, 'Z');
        break;
      case 'X':
        out += zoneOffset(offset, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      default:
        throw gasError(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}
