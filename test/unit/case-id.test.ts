import {
  formatCaseId,
  highWaterKey,
  isOversizedCaseId,
  MAX_CASE_SEQ,
  maxSeqInYear,
  nextCaseId,
  oversizedCaseIdProblem,
  parseCaseId,
  parseHighWater,
} from '../../src/core/case-id';

describe('case IDs', () => {
  test('format pads to three digits and grows past 999', () => {
    expect(formatCaseId(2026, 1)).toBe('IRT-2026-001');
    expect(formatCaseId(2026, 42)).toBe('IRT-2026-042');
    expect(formatCaseId(2026, 999)).toBe('IRT-2026-999');
    expect(formatCaseId(2026, 1000)).toBe('IRT-2026-1000');
  });

  test('format refuses impossible parts', () => {
    expect(() => formatCaseId(2026, 0)).toThrow(/number/);
    expect(() => formatCaseId(2026, 1.5)).toThrow(/number/);
    expect(() => formatCaseId(99, 1)).toThrow(/year/);
  });

  test('parse reads IDs written by hand, tolerating case and spaces', () => {
    expect(parseCaseId('IRT-2026-007')).toEqual({ year: 2026, seq: 7 });
    expect(parseCaseId(' irt-2025-1234 ')).toEqual({ year: 2025, seq: 1234 });
    expect(parseCaseId('IRT-2026-7')).toBeNull();
    expect(parseCaseId('IRT-2026-000')).toBeNull();
    expect(parseCaseId('CASE-2026-001')).toBeNull();
    expect(parseCaseId('')).toBeNull();
    expect(parseCaseId(12)).toBeNull();
    expect(parseCaseId(null)).toBeNull();
  });

  test('the maximum counts only the year asked for', () => {
    const ids = ['IRT-2025-010', 'IRT-2026-003', '', 'IRT-2026-001', 'notes', 'IRT-2026-002', 7];
    expect(maxSeqInYear(2026, ids)).toBe(3);
    expect(maxSeqInYear(2025, ids)).toBe(10);
    expect(maxSeqInYear(2024, ids)).toBe(0);
  });

  test('the first case of a year is 001', () => {
    expect(nextCaseId(2026, [], 0)).toEqual({ caseId: 'IRT-2026-001', seq: 1 });
    expect(nextCaseId(2026, ['IRT-2025-040'], 0)?.caseId).toBe('IRT-2026-001');
  });

  test('the next number follows the highest in the sheet, whatever the row order', () => {
    expect(nextCaseId(2026, ['IRT-2026-005', 'IRT-2026-002', 'IRT-2026-004'], 0)?.caseId).toBe('IRT-2026-006');
  });

  test('a deleted newest row does not bring its number back (the high-water mark wins)', () => {
    // IRT-2026-005 was issued, then its row deleted: the sheet's max is 4, the mark says 5.
    expect(nextCaseId(2026, ['IRT-2026-004', 'IRT-2026-003'], 5)?.caseId).toBe('IRT-2026-006');
  });

  test('an ID typed into the sheet by hand above the mark is respected too', () => {
    expect(nextCaseId(2026, ['IRT-2026-020'], 5)?.caseId).toBe('IRT-2026-021');
  });

  test('the stored mark is read defensively', () => {
    expect(parseHighWater(null)).toBe(0);
    expect(parseHighWater(undefined)).toBe(0);
    expect(parseHighWater('')).toBe(0);
    expect(parseHighWater('abc')).toBe(0);
    expect(parseHighWater('-3')).toBe(0);
    expect(parseHighWater('2.5')).toBe(0);
    expect(parseHighWater('12')).toBe(12);
    expect(highWaterKey(2026)).toBe('caseIdHighWater.2026');
  });

  test('numbers are read from their digits: one too large to be real is ignored, never rounded', () => {
    expect(parseCaseId('IRT-2026-999999')).toEqual({ year: 2026, seq: MAX_CASE_SEQ });
    expect(parseCaseId('IRT-2026-0000000042')).toEqual({ year: 2026, seq: 42 });
    for (const id of ['IRT-2026-1000000', 'IRT-2026-99999999999999999', 'IRT-2026-100000000000000000']) {
      expect(parseCaseId(id)).toBeNull();
      expect(isOversizedCaseId(id)).toBe(true);
    }
    expect(isOversizedCaseId('IRT-2026-0000000042')).toBe(false);
    expect(isOversizedCaseId('Zoe vs Sam')).toBe(false);
    expect(isOversizedCaseId('IRT-2026-000')).toBe(false);
    expect(maxSeqInYear(2026, ['IRT-2026-004', 'IRT-2026-99999999999999999'])).toBe(4);
    expect(nextCaseId(2026, ['IRT-2026-004', 'IRT-2026-99999999999999999'], 0)?.caseId).toBe('IRT-2026-005');
    expect(oversizedCaseIdProblem(7)).toBe('Case ID on row 7 has a number too large to be real: it is ignored when numbering new cases');
  });

  test('a stored mark too large to be real (a float of an earlier version) is not trusted', () => {
    expect(parseHighWater('100000000000000000')).toBe(0);
    expect(parseHighWater('1e+17')).toBe(0);
    expect(parseHighWater('999999')).toBe(MAX_CASE_SEQ);
    expect(nextCaseId(2026, ['IRT-2026-002'], 1e17)?.caseId).toBe('IRT-2026-003');
  });

  test('when a year has no number left, no ID is made (never one past the limit, never a repeat)', () => {
    expect(nextCaseId(2026, ['IRT-2026-999999'], 0)).toBeNull();
    expect(nextCaseId(2026, [], MAX_CASE_SEQ)).toBeNull();
    expect(() => formatCaseId(2026, MAX_CASE_SEQ + 1)).toThrow(/number/);
  });
});
