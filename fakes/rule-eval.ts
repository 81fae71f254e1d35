import { lettersToColumn } from './a1';
import { FORMULA_ERROR, dateToSerial, hasContent } from './cells';
import type { FakeConditionalFormatRule } from './conditional';
import { unwrap } from './guard';
import type { FakeSheet } from './sheet';

/**
 * A test helper (not Apps Script): which conditional format applies to a row,
 * by evaluating the sheet's rules in order, first match wins, as Sheets does.
 * The formula evaluator is tiny on purpose: cell references ($AB2, AB$2, AB2),
 * string and number literals, TODAY(), = <> < <= > >=, AND, OR, NOT, ISBLANK,
 * ISNUMBER, N, + and - on numbers, parentheses. Anything else throws.
 */
export interface RowHighlight {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  rule: FakeConditionalFormatRule;
}

type Scalar = number | string | boolean | null; // null = blank

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; col: number; row: number; absRow: boolean } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string, separator: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if (/^\s/.test(rest)) {
      i++;
    } else if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) {
      out.push({ t: 'str', v: m[1].replace(/""/g, '"') });
      i += m[0].length;
    } else if ((m = /^\d+(\.\d+)?/.exec(rest))) {
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if ((m = /^\$?([A-Z]{1,3})(\$?)(\d+)(?![A-Z0-9(])/i.exec(rest))) {
      out.push({ t: 'ref', col: lettersToColumn(m[1]), row: Number(m[3]), absRow: m[2] === '$' });
      i += m[0].length;
    } else if ((m = /^[A-Z][A-Z0-9.]*(?=\s*\()/i.exec(rest))) {
      out.push({ t: 'id', v: m[0].toUpperCase() });
      i += m[0].length;
    } else if ((m = /^(<>|<=|>=|[=<>()&+-])/.exec(rest))) {
      out.push({ t: 'op', v: m[0] });
      i += m[0].length;
    } else if (rest[0] === separator) {
      out.push({ t: 'op', v: ',' }); // the argument separator, whichever the spreadsheet uses
      i++;
    } else {
      throw new Error(`evaluateRowHighlight: unsupported formula syntax at "${rest}" in ${src}`);
    }
  }
  return out;
}

interface EvalContext {
  sheet: FakeSheet;
  rowShift: number;
  colShift: number;
  today: number;
  separator: string;
  unavailable: ReadonlySet<string>;
}

function compare(a: Scalar, b: Scalar): number {
  // Blanks take the type of the other side, as Sheets does in comparisons.
  const blankAs = (other: Scalar): Scalar => (typeof other === 'number' ? 0 : typeof other === 'boolean' ? false : '');
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') return x.toLowerCase().localeCompare((y as string).toLowerCase());
  return Number(x) - Number(y);
}

function truthy(v: Scalar): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  throw new Error(`evaluateRowHighlight: text "${v}" used as a boolean`);
}

function evaluate(formula: string, ctx: EvalContext): Scalar {
  const toks = tokenize(formula.replace(/^=/, ''), ctx.separator);
  let pos = 0;
  const peek = () => toks[pos];
  const expectOp = (v: string) => {
    const t = toks[pos++];
    if (!t || t.t !== 'op' || t.v !== v) throw new Error(`evaluateRowHighlight: expected "${v}" in ${formula}`);
  };
  const primary = (): Scalar => {
    const t = toks[pos++];
    if (!t) throw new Error(`evaluateRowHighlight: unexpected end of ${formula}`);
    if (t.t === 'num' || t.t === 'str') return t.v;
    if (t.t === 'ref') {
      const row = t.absRow ? t.row : t.row + ctx.rowShift;
      const cell = ctx.sheet._cell(row, t.col);
      return hasContent(cell) ? (cell!.value as Scalar) : null;
    }
    if (t.t === 'op' && t.v === '(') {
      const v = comparison();
      expectOp(')');
      return v;
    }
    if (t.t === 'id') {
      expectOp('(');
      const args: Scalar[] = [];
      if (!(peek()?.t === 'op' && (peek() as { v: string }).v === ')')) {
        args.push(comparison());
        while (peek()?.t === 'op' && (peek() as { v: string }).v === ',') {
          pos++;
          args.push(comparison());
        }
      }
      expectOp(')');
      if (ctx.unavailable.has(t.v)) throw new Error(`evaluateRowHighlight: ${t.v} is unavailable in this spreadsheet`);
      switch (t.v) {
        case 'TODAY':
          return ctx.today;
        case 'AND':
          return args.every(truthy);
        case 'OR':
          return args.some(truthy);
        case 'NOT':
          return !truthy(args[0]);
        case 'ISBLANK':
          return args[0] === null;
        case 'ISNUMBER':
          return typeof args[0] === 'number';
        case 'REGEXMATCH':
          // RE2 in Sheets; the patterns the add-on writes mean the same in JavaScript.
          if (typeof args[0] !== 'string' && args[0] !== null) throw new Error(`evaluateRowHighlight: REGEXMATCH of a non-text value in ${formula}`);
          return new RegExp(String(args[1])).test(String(args[0] ?? ''));
        case 'N':
          // N(): a number as is, TRUE/FALSE as 1/0, text and blanks as 0.
          return typeof args[0] === 'number' ? args[0] : typeof args[0] === 'boolean' ? Number(args[0]) : 0;
        default:
          throw new Error(`evaluateRowHighlight: unsupported function ${t.v} in ${formula}`);
      }
    }
    throw new Error(`evaluateRowHighlight: unexpected token in ${formula}`);
  };
  // + and - bind tighter than comparisons; blanks count as 0, text is an error (#VALUE! in Sheets).
  const additive = (): Scalar => {
    let left = primary();
    while (peek()?.t === 'op' && ['+', '-'].includes((peek() as { v: string }).v)) {
      const op = (toks[pos++] as { v: string }).v;
      const right = primary();
      const num = (v: Scalar): number => {
        if (v === null) return 0;
        if (typeof v === 'number') return v;
        if (typeof v === 'boolean') return Number(v);
        throw new Error(`evaluateRowHighlight: text "${v}" used in arithmetic in ${formula}`);
      };
      left = op === '+' ? num(left) + num(right) : num(left) - num(right);
    }
    return left;
  };
  const comparison = (): Scalar => {
    let left = additive();
    while (peek()?.t === 'op' && ['=', '<>', '<', '<=', '>', '>='].includes((peek() as { v: string }).v)) {
      const op = (toks[pos++] as { v: string }).v;
      const c = compare(left, additive());
      left = op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    }
    return left;
  };
  const result = comparison();
  if (pos !== toks.length) throw new Error(`evaluateRowHighlight: unsupported formula ${formula}`);
  return result;
}

/** The formatting the first matching rule gives `row`, or null. `today` is read in the spreadsheet's zone. */
export function evaluateRowHighlight(sheetLike: unknown, row: number, today: Date): RowHighlight | null {
  const sheet = unwrap(sheetLike) as FakeSheet;
  const todaySerial = Math.floor(dateToSerial(today, sheet._parent._timeZone));
  for (const rule of sheet._conditionalRules) {
    const spec = rule._spec;
    for (const range of spec.ranges) {
      if (row < range._row || row > range._row + range._numRows - 1) continue;
      const { separator, unavailable } = sheet._parent._formulas;
      const ctx: EvalContext = { sheet, rowShift: row - range._row, colShift: 0, today: todaySerial, separator, unavailable };
      let match = false;
      if (spec.criteria === 'CUSTOM_FORMULA') {
        match = truthy(evaluate(String(spec.values[0]), ctx));
      } else if (spec.criteria === 'TEXT_EQUAL_TO' || spec.criteria === 'CELL_EMPTY' || spec.criteria === 'CELL_NOT_EMPTY') {
        for (let c = range._column; c < range._column + range._numColumns && !match; c++) {
          const cell = sheet._cell(row, c);
          if (spec.criteria === 'TEXT_EQUAL_TO') match = hasContent(cell) && String(cell!.value).toLowerCase() === String(spec.values[0]).toLowerCase();
          else if (spec.criteria === 'CELL_EMPTY') match = !hasContent(cell);
          else match = hasContent(cell);
        }
      } else {
        throw new Error(`evaluateRowHighlight: unsupported criteria ${String(spec.criteria)}`);
      }
      if (match) return { background: spec.background, fontColor: spec.fontColor, bold: spec.bold, rule };
    }
  }
  return null;
}

/**
 * The value Sheets shows for a formula in a cell: the same small evaluator, its
 * references as written (no shift), TODAY() in the spreadsheet's zone, and
 * #ERROR! for anything it cannot evaluate (as a formula Sheets cannot parse shows).
 */
export function evaluateCellFormula(sheet: FakeSheet, formula: string): number | string | boolean {
  const { separator, unavailable, now } = sheet._parent._formulas;
  const today = Math.floor(dateToSerial(now(), sheet._parent._timeZone));
  try {
    const value = evaluate(formula, { sheet, rowShift: 0, colShift: 0, today, separator, unavailable });
    return value === null ? '' : value;
  } catch {
    return FORMULA_ERROR;
  }
}
