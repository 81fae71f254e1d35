// Case IDs: IRT-YYYY-NNN, numbered per year of receipt. An ID may already stand
// in emails and in the log, so it is never issued twice: the next number is one
// more than the highest ever issued for that year (a remembered high-water mark)
// or present in the sheet, whichever is larger. Sorting the rows or deleting the
// newest one therefore never brings a number back.
//
// Numbers are read from their digits, never through a float: a number above
// MAX_CASE_SEQ (a typo, or a pasted reference) is too large to be a real case.
// It is ignored for numbering, and reported, so it cannot push every later
// case onto the one ID a float rounds it to.

const CASE_ID = /^IRT-(\d{4})-(\d{3,})$/;

/** A million cases in one year is no real team's: anything above is a typo. */
export const MAX_CASE_SEQ = 999_999;

export interface CaseIdParts {
  year: number;
  seq: number;
}

/** A string of digits as a number when it is at most MAX_CASE_SEQ (exactly), else null. */
function seqOf(digits: string): number | null {
  const significant = digits.replace(/^0+/, '');
  if (significant.length > String(MAX_CASE_SEQ).length) return null;
  const n = Number(significant || '0');
  return n <= MAX_CASE_SEQ ? n : null;
}

function matchCaseId(text: unknown): RegExpExecArray | null {
  return typeof text === 'string' ? CASE_ID.exec(text.trim().toUpperCase()) : null;
}

/** The parts of an ID in the add-on's form; null for anything else, and for a number too large to be real. */
export function parseCaseId(text: unknown): CaseIdParts | null {
  const m = matchCaseId(text);
  if (!m) return null;
  const seq = seqOf(m[2]);
  return seq !== null && seq >= 1 ? { year: Number(m[1]), seq } : null;
}

/** An ID in the add-on's form whose number is too large to be real (ignored for numbering). */
export function isOversizedCaseId(text: unknown): boolean {
  const m = matchCaseId(text);
  return m !== null && seqOf(m[2]) === null;
}

/** What setup and refresh say (and log) about such an ID: its row, never its text. */
export function oversizedCaseIdProblem(row: number): string {
  return `Case ID on row ${row} has a number too large to be real: it is ignored when numbering new cases`;
}

/** Every Case ID too large to be real among the cells of the ID column, by sheet row. */
export function oversizedCaseIdProblems(ids: readonly unknown[], rowOf: (index: number) => number): { row: number; problem: string }[] {
  return ids.flatMap((id, i) => (isOversizedCaseId(id) ? [{ row: rowOf(i), problem: oversizedCaseIdProblem(rowOf(i)) }] : []));
}

/** IRT-2026-007; a year's 1000th case becomes IRT-2026-1000. */
export function formatCaseId(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`Case ID year out of range: ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_CASE_SEQ) throw new Error(`Case ID number out of range: ${seq}`);
  return `IRT-${year}-${String(seq).padStart(3, '0')}`;
}

/** Highest number used for `year` among the given cell values (0 if none). */
export function maxSeqInYear(year: number, ids: Iterable<unknown>): number {
  let max = 0;
  for (const id of ids) {
    const parts = parseCaseId(id);
    if (parts && parts.year === year && parts.seq > max) max = parts.seq;
  }
  return max;
}

/** The document property holding the highest number issued for a year. */
export function highWaterKey(year: number): string {
  return `caseIdHighWater.${year}`;
}

/** A stored high-water value as a number (0 when absent, unreadable or too large to be real). */
export function parseHighWater(stored: string | null | undefined): number {
  const text = String(stored ?? '').trim();
  if (!/^\d+$/.test(text)) return 0;
  return seqOf(text) ?? 0;
}

/** The next ID for a case received in `year`; null when the year's numbers are used up. */
export function nextCaseId(year: number, idsInSheet: Iterable<unknown>, highWater: number): { caseId: string; seq: number } | null {
  const mark = Number.isInteger(highWater) && highWater > 0 && highWater <= MAX_CASE_SEQ ? highWater : 0;
  const seq = Math.max(maxSeqInYear(year, idsInSheet), mark) + 1;
  return seq > MAX_CASE_SEQ ? null : { caseId: formatCaseId(year, seq), seq };
}
