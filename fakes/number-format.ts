/** Google Sheets number formats: which are dates, and how a value displays. */

export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The format with quoted text, escapes and [colour]/[$...] sections removed. */
function bare(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === TEXT_FORMAT) return false;
  return /[ydhsm]/i.test(bare(format)) && !/general/i.test(format);
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

type Token = { kind: 'lit'; text: string } | { kind: 'code'; text: string };

function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      tokens.push({ kind: 'lit', text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (c === '\\') {
      tokens.push({ kind: 'lit', text: format[i + 1] ?? '' });
      i += 2;
    } else if (/am\/pm/i.test(format.slice(i, i + 5))) {
      tokens.push({ kind: 'code', text: 'am/pm' });
      i += 5;
    } else if (/a\/p/i.test(format.slice(i, i + 3))) {
      tokens.push({ kind: 'code', text: 'a/p' });
      i += 3;
    } else if (/[ydhsm]/i.test(c)) {
      let n = 1;
      while (format[i + n] && format[i + n].toLowerCase() === c.toLowerCase()) n++;
      tokens.push({ kind: 'code', text: format.slice(i, i + n).toLowerCase() });
      i += n;
    } else {
      tokens.push({ kind: 'lit', text: c });
      i++;
    }
  }
  return tokens;
}

/** Formats a wall time (UTC fields = local fields) with a Sheets date format. */
export function formatSheetDate(wall: number, format: string): string {
  const d = new Date(wall);
  const tokens = tokenize(format);
  const has12h = tokens.some((t) => t.kind === 'code' && (t.text === 'am/pm' || t.text === 'a/p'));
  const codes = tokens.map((t, idx) => ({ t, idx })).filter((x) => x.t.kind === 'code');
  let out = '';
  tokens.forEach((t, idx) => {
    if (t.kind === 'lit') {
      out += t.text;
      return;
    }
    const n = t.text.length;
    const hour = d.getUTCHours();
    switch (t.text[0]) {
      case 'y':
        out += n <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
        break;
      case 'd':
        if (n >= 4) out += DAYS[d.getUTCDay()];
        else if (n === 3) out += DAYS[d.getUTCDay()].slice(0, 3);
        else out += pad(d.getUTCDate(), n);
        break;
      case 'h': {
        const h = has12h ? (hour % 12 === 0 ? 12 : hour % 12) : hour;
        out += pad(h, Math.min(n, 2));
        break;
      }
      case 's':
        out += pad(d.getUTCSeconds(), Math.min(n, 2));
        break;
      case 'm': {
        // Minutes when right after an hour or right before a second code; else month.
        const pos = codes.findIndex((x) => x.idx === idx);
        const prev = codes[pos - 1]?.t.text[0];
        const next = codes[pos + 1]?.t.text[0];
        if (n <= 2 && (prev === 'h' || next === 's')) out += pad(d.getUTCMinutes(), n);
        else if (n >= 4) out += MONTHS[d.getUTCMonth()];
        else if (n === 3) out += MONTHS[d.getUTCMonth()].slice(0, 3);
        else out += pad(d.getUTCMonth() + 1, n);
        break;
      }
      case 'a':
        out += t.text === 'a/p' ? (hour < 12 ? 'a' : 'p') : hour < 12 ? 'AM' : 'PM';
        break;
      default:
        out += t.text;
    }
  });
  return out;
}

/** General display of a number, as a cell with the default format shows it. */
export function formatGeneralNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const rounded = Number(n.toPrecision(15));
  if (Math.abs(rounded) >= 1e15) return rounded.toExponential().toUpperCase().replace('E+', 'E+');
  return String(rounded);
}

/** Displays a number with a simple numeric format (0, 0.00, #,##0.00, 0%, literals). */
export function formatSheetNumber(n: number, format: string): string {
  if (!format || format === DEFAULT_NUMBER_FORMAT || /general/i.test(format)) return formatGeneralNumber(n);
  const section = format.split(';')[n < 0 && format.includes(';') ? 1 : 0];
  const useSectionSign = n < 0 && format.includes(';');
  const match = /[#0,]*\.?[#0]*%?/.exec(section.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length)));
  const core = match && match[0] ? match[0] : '';
  if (!core) return section.replace(/"/g, '');
  const percent = core.endsWith('%');
  const body = percent ? core.slice(0, -1) : core;
  const [intPart, fracPart = ''] = body.split('.');
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = fracPart.length;
  const grouping = intPart.includes(',');
  const minInt = (intPart.match(/0/g) ?? []).length;
  let value = Math.abs(n) * (percent ? 100 : 1);
  let text = value.toFixed(maxFrac);
  if (maxFrac > minFrac) {
    text = text.replace(/0+$/, (zeros) => zeros.slice(0, Math.max(0, minFrac - (maxFrac - zeros.length))));
    text = text.replace(/\.$/, '');
  }
  let [i, f] = text.split('.');
  if (i === '0' && minInt === 0) i = '';
  if (i.length < minInt) i = '0'.repeat(minInt - i.length) + i;
  if (grouping) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  value = Number(text);
  const number = (f !== undefined ? `${i}.${f}` : i) + (percent ? '%' : '');
  const start = match!.index;
  const prefix = section.slice(0, start).replace(/"/g, '');
  const suffix = section.slice(start + core.length).replace(/"/g, '');
  const sign = n < 0 && !useSectionSign && value !== 0 ? '-' : '';
  return `${sign}${prefix}${number}${suffix}`;
}
