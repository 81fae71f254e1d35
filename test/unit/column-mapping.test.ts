import {
  CHOOSABLE_COLUMNS,
  PROPOSE_WORDS,
  checkChoice,
  choiceSettingWrites,
  columnChoiceLabel,
  headerWords,
  lostColumnsWarning,
  parseSavedChoice,
  proposeColumns,
  valueFit,
  wordSimilarity,
} from '../../src/core/column-mapping';
import { COMPUTED_COLUMNS, columnSpec, matchHeaders } from '../../src/core/columns';
import { RECORDS_HEADER } from './records-fixture';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const RECORDS_ROWS = [
  [d('2025-02-03'), 'CoC person: Ana', 'Pat Placeholder', 'pat@example.net', 'Heckling at a meetup', 'Warning', 'A warning was issued', d('2026-02-03')],
  [d('2025-05-20'), 'Lee Public', 'Kim Fictional', 'https://chat.example.org/u/kim', 'Spam in the forum', 'No action', '', d('2025-11-20')],
];
const samplesOf = (header: readonly string[], rows: readonly unknown[][]) => header.map((_, c) => rows.map((r) => r[c]));
const proposed = (header: readonly string[], rows: readonly unknown[][] = []) =>
  Object.fromEntries(proposeColumns(header, samplesOf(header, rows)).filter((p) => p.proposed !== null).map((p) => [p.column, p.proposed]));

describe('words of a header', () => {
  test('lower-cased, stemmed, without stop words or punctuation', () => {
    expect(headerWords('Named subjects')).toEqual(['name', 'subject']);
    expect(headerWords('Action taken by us?')).toEqual(['action', 'taken']);
    expect(headerWords('Subject email address/URL')).toEqual(['subject', 'email', 'address', 'url']);
    expect(headerWords('')).toEqual([]);
  });

  test('similarity: a header containing a column’s name scores high; a shared generic word scores low', () => {
    expect(wordSimilarity('Reporter, if official/public, CoC person if private', columnSpec('Reporter name'))).toBeGreaterThanOrEqual(PROPOSE_WORDS);
    expect(wordSimilarity('Date of 1st report', columnSpec('Received'))).toBeGreaterThan(0.8);
    expect(wordSimilarity('Due date', columnSpec('Outcome end date'))).toBeLessThan(PROPOSE_WORDS);
    expect(wordSimilarity('Team column 5', columnSpec('Sub-team'))).toBeLessThan(PROPOSE_WORDS);
    expect(wordSimilarity('Priority', columnSpec('Summary'))).toBe(0);
  });
});

describe('what the cells hold', () => {
  test('dates for a date column, addresses for an email column, list words for a list', () => {
    expect(valueFit([d('2025-01-01'), '', d('2025-02-01')], columnSpec('Received'))).toBe(1);
    expect(valueFit(['ann@example.org', 'https://x.example'], columnSpec('Reporter email'))).toBe(0.5);
    expect(valueFit(['warning', 'Something else'], columnSpec('Outcome'))).toBe(0.5);
    expect(valueFit(['https://desk.example/t/1'], columnSpec('Help desk link'))).toBe(1);
    expect(valueFit(['', null, '  '], columnSpec('Received'))).toBeNull();
  });

  test('ranks a date column above a text column for Received when the words tie', () => {
    const header = ['Report date A', 'Report date B'];
    const [received] = proposeColumns(header, samplesOf(header, [['soon', d('2025-01-01')]])).filter((p) => p.column === 'Received');
    expect(received.candidates.map((c) => c.header)).toEqual(['Report date B', 'Report date A']);
  });
});

describe('proposing the team’s columns', () => {
  test('the records-style tracker: each column guessed from its words and values', () => {
    expect(proposed(RECORDS_HEADER, RECORDS_ROWS)).toEqual({
      Received: 'Date of 1st report',
      'Reporter name': 'Reporter, if official/public, CoC person if private',
      'Reported party name': 'Named subjects',
      'Reported party email': 'Subject email address/URL',
      Summary: 'Summary of report (for internal purposes)',
      Outcome: 'Action taken by us?',
      Findings: 'Summary of outcome to share if suitable',
      'Expunge after': 'Date to expunge this record',
    });
  });

  test('every unmatched header is a candidate, best first; a header is proposed for one column only', () => {
    const all = proposeColumns(RECORDS_HEADER, samplesOf(RECORDS_HEADER, RECORDS_ROWS));
    const summary = all.find((p) => p.column === 'Summary')!;
    expect(summary.candidates).toHaveLength(RECORDS_HEADER.length);
    expect(summary.candidates[0].header).toBe('Summary of report (for internal purposes)');
    const values = all.map((p) => p.proposed).filter((h) => h !== null);
    expect(new Set(values).size).toBe(values.length);
  });

  test('computed columns are never offered: the add-on owns them', () => {
    const columns = proposeColumns(['Next action', 'Deadline status', 'Next deadline']).map((p) => p.column);
    for (const name of COMPUTED_COLUMNS) expect(columns).not.toContain(name);
    expect(columns).toEqual(CHOOSABLE_COLUMNS);
  });

  test('headers recognised by name or alias are matched, not guessed; unrelated ones are not proposed', () => {
    const all = proposeColumns(['ID', 'Date received', 'Status', 'Reporter', 'Priority', 'Notes', 'Due date']);
    expect(all.find((p) => p.column === 'Case ID')?.matched).toEqual({ header: 'ID', index: 0, by: 'name' });
    expect(all.filter((p) => p.proposed !== null)).toEqual([]);
  });

  test('a saved choice counts as matched, wherever the header has moved', () => {
    const header = ['Other', 'Date of 1st report'];
    const received = proposeColumns(header, [], { Received: 'date of 1st REPORT' }).find((p) => p.column === 'Received');
    expect(received?.matched).toEqual({ header: 'Date of 1st report', index: 1, by: 'choice' });
  });
});

describe('matchHeaders with chosen headers', () => {
  test('fills the columns the row does not name, and names the chosen headers that are gone', () => {
    const { map, lost } = matchHeaders(['Case ID', 'Date of 1st report'], { Received: 'Date of 1st report', Summary: 'Summary of report' });
    expect(map['Case ID']).toBe(0);
    expect(map.Received).toBe(1);
    expect(lost).toEqual([{ column: 'Summary', header: 'Summary of report' }]);
  });

  test('the tracker’s own names win over a choice, and a computed column is never chosen', () => {
    const { map, lost } = matchHeaders(['Received', 'Date of 1st report', 'Mine'], { Received: 'Date of 1st report', 'Next action': 'Mine' });
    expect(map.Received).toBe(0);
    expect(map['Next action']).toBeUndefined();
    expect(lost).toEqual([]);
  });
});

describe('checking a member’s choice', () => {
  test('accepts the team’s headers, one column each; null adds the column', () => {
    expect(checkChoice(RECORDS_HEADER, { Received: 'Date of 1st report', Summary: 'Summary of report (for internal purposes)', Stage: null })).toEqual({
      ok: true,
      chosen: { Received: 'Date of 1st report', Summary: 'Summary of report (for internal purposes)' },
    });
  });

  test('refuses what is not on the sheet, a header chosen twice, a computed or unknown column', () => {
    const result = checkChoice(['Case ID', 'A', 'B'], {
      Received: 'Nope',
      Summary: 'A',
      Findings: 'A',
      'Next action': 'B',
      Where: 'Case ID',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      'Received: the sheet has no header "Nope"',
      '"A" is chosen for both Summary and Findings',
      '"Next action" is not a tracker column that can be chosen',
      'Where: "Case ID" is already the tracker\'s Case ID column',
    ]);
  });

  test('keeps an earlier choice the member did not mention, while its header is there', () => {
    expect(checkChoice(['X', 'Y'], { Summary: 'Y' }, { Received: 'X', Where: 'Gone' })).toEqual({ ok: true, chosen: { Summary: 'Y', Received: 'X' } });
  });

  test('refuses a choice that is not an object', () => {
    expect(checkChoice(['X'], ['X']).ok).toBe(false);
  });
});

describe('the choice in the Settings sheet', () => {
  test('read from readable rows; blank values and other settings ignored', () => {
    const rows = [
      ['Setting', 'Value'],
      ['Reply window (days)', 3],
      ['Cases sheet', 'Records'],
      ['Column for Received', 'Date of 1st report'],
      ['column for summary', 'Summary of report'],
      ['Column for Where', ''],
    ];
    expect(parseSavedChoice(rows)).toEqual({ sheet: 'Records', columns: { Received: 'Date of 1st report', Summary: 'Summary of report' } });
    expect(columnChoiceLabel('Received')).toBe('Column for Received');
  });

  test('appends new labels, updates changed ones, empties a replaced choice, and writes nothing when all is kept', () => {
    const rows = [['Setting', 'Value'], ['Column for Received', 'Old'], ['Column for Where', 'Place']];
    expect(choiceSettingWrites(rows, { sheet: 'Records', columns: { Received: 'Date of 1st report' } }, ['Where'])).toEqual({
      updates: [{ row: 1, value: 'Date of 1st report' }, { row: 2, value: '' }],
      appends: [['Cases sheet', 'Records']],
    });
    expect(choiceSettingWrites(rows, { sheet: null, columns: { Received: 'Old', Where: 'Place' } })).toEqual({ updates: [], appends: [] });
  });

  test('a lost header is named in words a member can act on', () => {
    expect(lostColumnsWarning([{ column: 'Received', header: 'Date of 1st report' }])).toBe(
      'Your column for Received (“Date of 1st report”) is no longer on the sheet: rename the header back, or run Set up tracker to choose again.',
    );
    expect(lostColumnsWarning([])).toBe('');
  });
});
