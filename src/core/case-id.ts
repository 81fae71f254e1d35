// Case IDs: IRT-YYYY-NNN, numbered per year of receipt. An ID may already stand
// in emails and in the log, so it is never issued twice: the next number is one
// more than the highest ever issued for that year (a remembered high-water mark)
// or present in the sheet, whichever is larger. Sorting the rows or deleting the
// newest one therefore never brings a number back.

const CASE_ID = /^IRT-(\d{4})-(\d{3,})$/;

export interface CaseIdParts {
  year: number;
  seq: number;
}

export function parseCaseId(text: unknown): CaseIdParts | null {
  if (typeof text !== 'string') return null;
  const m = CASE_ID.exec(text.trim().toUpperCase());
  if (!m) return null;
  const seq = Number(m[2]);
  return seq >= 1 ? { year: Number(m[1]), seq } : null;
}

/** IRT-2026-007; a year's 1000th case becomes IRT-2026-1000. */
export function formatCaseId(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`Case ID year out of range: ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`Case ID number out of range: ${seq}`);
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

/** A stored high-water value as a number (0 when absent or unreadable). */
export function parseHighWater(stored: string | null | undefined): number {
  const n = Number(stored);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** The next ID for a case received in `year`. */
export function nextCaseId(year: number, idsInSheet: Iterable<unknown>, highWater: number): { caseId: string; seq: number } {
  const seq = Math.max(maxSeqInYear(year, idsInSheet), Math.max(0, Math.floor(highWater))) + 1;
  return { caseId: formatCaseId(year, seq), seq };
}
