import { formatCaseId, highWaterKey, maxSeqInYear, nextCaseId, parseCaseId, parseHighWater } from '../../src/core/case-id';

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
    expect(nextCaseId(2026, ['IRT-2025-040'], 0).caseId).toBe('IRT-2026-001');
  });

  test('the next number follows the highest in the sheet, whatever the row order', () => {
    expect(nextCaseId(2026, ['IRT-2026-005', 'IRT-2026-002', 'IRT-2026-004'], 0).caseId).toBe('IRT-2026-006');
  });

  test('a deleted newest row does not bring its number back (the high-water mark wins)', () => {
    // IRT-2026-005 was issued, then its row deleted: the sheet's max is 4, the mark says 5.
    expect(nextCaseId(2026, ['IRT-2026-004', 'IRT-2026-003'], 5).caseId).toBe('IRT-2026-006');
  });

  test('an ID typed into the sheet by hand above the mark is respected too', () => {
    expect(nextCaseId(2026, ['IRT-2026-020'], 5).caseId).toBe('IRT-2026-021');
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
});
