import { dayFromIso } from '../../src/core/calendar';
import { cellText, isBlankRow, newCaseRecord, readCase } from '../../src/core/cases';
import { COLUMN_NAMES, matchHeaders, type ColumnName } from '../../src/core/columns';

const MAP = matchHeaders(COLUMN_NAMES).map;
const rowWith = (cells: Partial<Record<ColumnName, unknown>>) => COLUMN_NAMES.map((name) => (name in cells ? cells[name] : ''));

describe('cellText', () => {
  test('blanks are empty, text is trimmed, a date cell is its calendar day in the given zone', () => {
    expect(cellText(null, 'UTC')).toBe('');
    expect(cellText(undefined, 'UTC')).toBe('');
    expect(cellText('  Investigating \n', 'UTC')).toBe('Investigating');
    expect(cellText(42, 'UTC')).toBe('42');
    // 23:30 UTC on 1 March is already 2 March in Auckland and still 1 March in Los Angeles.
    const instant = new Date('2026-03-01T23:30:00Z');
    expect(cellText(instant, 'Pacific/Auckland')).toBe('2026-03-02');
    expect(cellText(instant, 'America/Los_Angeles')).toBe('2026-03-01');
  });
});

describe('readCase', () => {
  test('reads text cells trimmed and date cells as days; a date column holding words is invalid, never a throw', () => {
    const record = readCase(
      rowWith({ 'Case ID': ' IRT-2026-001 ', Stage: 'Assessing', Received: new Date('2026-03-01T12:00:00Z'), 'First reply sent': 'soon' }),
      MAP,
      'UTC',
    );
    expect(record.caseId).toBe('IRT-2026-001');
    expect(record.stage).toBe('Assessing');
    expect(record.received).toBe(dayFromIso('2026-03-01'));
    expect(record.firstReplySent).toBe('invalid');
    expect(record.closed).toBeNull();
  });
  test('a column the sheet lacks reads as blank', () => {
    const { map } = matchHeaders(['Case ID', 'Received']);
    const record = readCase(['C-1', new Date('2026-03-01T12:00:00Z')], map, 'UTC');
    expect(record.stage).toBe('');
    expect(record.subTeamFormed).toBeNull();
  });
});

describe('newCaseRecord', () => {
  test('nothing recorded but the receipt and the stage', () => {
    const received = dayFromIso('2026-03-01') as number;
    const record = newCaseRecord(received);
    expect(record.received).toBe(received);
    expect(record.stage).toBe('Received');
    expect(record.firstReplySent).toBeNull();
    expect(record.closed).toBeNull();
    expect(record.subTeam).toBe('');
  });
});

describe('isBlankRow', () => {
  test('blank when every input column is empty or spaces, whatever the computed columns hold', () => {
    expect(isBlankRow(rowWith({}), MAP)).toBe(true);
    expect(isBlankRow(rowWith({ Summary: '   ', 'Next action': 'Reply to reporter', 'Deadline status': 'Overdue' }), MAP)).toBe(true);
    expect(isBlankRow(rowWith({ Summary: 'x' }), MAP)).toBe(false);
    expect(isBlankRow(rowWith({ Received: new Date('2026-03-01T12:00:00Z') }), MAP)).toBe(false);
  });
});
