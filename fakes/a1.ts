import { gasError } from './errors';

/** A1 notation helpers (1-based rows and columns). */

export function columnToLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function rectToA1(rect: GridRect): string {
  const start = `${columnToLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

interface Corner {
  col?: number;
  row?: number;
}

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? lettersToColumn(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/**
 * Parses `A1`, `B2:D10`, `A:A`, `A2:C`, `2:2` against a grid of the given size.
 * Sheet-qualified (`Sheet!A1`) and named ranges are not supported here.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRect {
  const text = String(a1).trim();
  const parts = text.split(':');
  if (parts.length > 2 || text.includes('!')) throw gasError('Range not found');
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) throw gasError('Range not found');
  if (parts.length === 1 && (a.col === undefined || a.row === undefined)) throw gasError('Range not found');
  if (a.row === 0 || b.row === 0) throw gasError('Range not found');
  const col1 = a.col ?? 1;
  const col2 = b.col ?? (a.col === undefined ? maxColumns : maxColumns);
  const row1 = a.row ?? 1;
  const row2 = b.row ?? maxRows;
  if ((a.col === undefined) !== (b.col === undefined) && a.col === undefined) throw gasError('Range not found');
  const r1 = Math.min(row1, row2);
  const r2 = Math.max(row1, row2);
  const c1 = Math.min(col1, col2);
  const c2 = Math.max(col1, col2);
  return { row: r1, column: c1, numRows: r2 - r1 + 1, numColumns: c2 - c1 + 1 };
}
