import {
  ASSESSMENTS,
  CASE_COLUMNS,
  COLUMN_NAMES,
  COMPUTED_COLUMNS,
  CONFIDENTIAL_COLUMNS,
  OUTCOMES,
  PERMISSIONS,
  STAGES,
  STATUSES,
  columnSpec,
  matchHeaders,
  normalizeHeader,
  outcomeEndDateProblem,
  outcomeEndDateRule,
  requestedActionRequired,
} from '../../src/core/columns';

describe('the vocabulary', () => {
  test('canonical columns in the issue’s order (later issues may add columns before the computed ones)', () => {
    const issueColumns = [
      'Case ID',
      'Received',
      'Stage',
      'Reporter name',
      'Reporter email',
      'Reported party name',
      'Reported party email',
      'Permission to notify reported party',
      'Summary',
      'Where',
      'Help desk link',
      'First reply sent',
      'Sub-team',
      'Sub-team formed',
      'Channel',
      'Reporter notified',
      'Reported party notified',
      'Last update to reporter',
      'Last update to reported party',
      'Outcome',
      'Outcome end date',
      'Findings',
      'Response plan sent',
      'Reporter told outcome',
      'Closed',
      'Next action',
      'Next deadline',
      'Deadline status',
    ];
    expect(COLUMN_NAMES.filter((name) => issueColumns.includes(name))).toEqual(issueColumns);
    expect(COLUMN_NAMES.slice(-3)).toEqual(['Next action', 'Next deadline', 'Deadline status']);
    expect(new Set(COLUMN_NAMES).size).toBe(COLUMN_NAMES.length);
    expect(COMPUTED_COLUMNS).toEqual(['Next action', 'Next deadline', 'Deadline status']);
  });

  test('list words', () => {
    expect(STAGES).toEqual(['Received', 'Assessing', 'Not a violation', 'Sub-team formed', 'Investigating', 'Decision', 'Closed']);
    expect(OUTCOMES).toEqual(['Correction', 'Warning', 'Temporary ban', 'Permanent ban', 'No action']);
    expect(PERMISSIONS).toEqual(['Yes', 'No', 'Not asked']);
    expect(STATUSES).toEqual(['Overdue', 'Due soon', 'On track', 'Closed', 'Check data']);
    expect(columnSpec('Stage').list).toEqual(STAGES);
    expect(columnSpec('Outcome').list).toEqual(OUTCOMES);
    expect(columnSpec('Permission to notify reported party').list).toEqual(PERMISSIONS);
  });

  test('column kinds that drive parsing and validation', () => {
    const byKind = (kind: string) => CASE_COLUMNS.filter((c) => c.kind === kind).map((c) => c.name);
    expect(byKind('date')).toEqual([
      'Received',
      'First reply sent',
      'Sub-team formed',
      'Target decision date',
      'Reporter notified',
      'Reported party notified',
      'Last update to reporter',
      'Last update to reported party',
      'Outcome end date',
      'Response plan sent',
      'Reporter told outcome',
      'Closed',
      'Appeal received',
      'Appeal decided',
      'Reporter told appeal result',
      'Reported party told appeal result',
      'Expunge after',
    ]);
    expect(byKind('email')).toEqual(['Reporter email', 'Reported party email']);
    expect(byKind('emails')).toEqual(['Sub-team']);
    expect(byKind('url')).toEqual(['Help desk link']);
    expect(byKind('timezone')).toEqual(['Reporter time zone', 'Reported party time zone']);
    expect(byKind('computed')).toEqual([...COMPUTED_COLUMNS]);
  });

  test('confidential columns: every name, email, summary, place and finding', () => {
    expect(CONFIDENTIAL_COLUMNS).toEqual(
      expect.arrayContaining(['Reporter name', 'Reporter email', 'Reported party name', 'Reported party email', 'Summary', 'Where', 'Findings']),
    );
    for (const open of ['Case ID', 'Received', 'Stage', 'Help desk link', 'Sub-team', 'Outcome', 'Closed', ...COMPUTED_COLUMNS]) {
      expect(CONFIDENTIAL_COLUMNS).not.toContain(open);
    }
  });

  test('no alias or name means two different columns', () => {
    const owner = new Map<string, string>();
    for (const column of CASE_COLUMNS) {
      for (const text of [column.name, ...column.aliases]) {
        const key = normalizeHeader(text);
        expect({ text, owner: owner.get(key) ?? column.name }).toEqual({ text, owner: column.name });
        owner.set(key, column.name);
      }
    }
  });
});

describe('the columns the decision and the sub-team record', () => {
  test('assessment, requested action, behaviour, target date and the parties’ zones', () => {
    expect(columnSpec('Assessment')).toMatchObject({ kind: 'list', list: ['Possible violation', 'Not a violation'] });
    expect(ASSESSMENTS).toEqual(['Possible violation', 'Not a violation']);
    expect(columnSpec('Requested action')).toMatchObject({ kind: 'text', confidential: true });
    expect(columnSpec('Behaviour description')).toMatchObject({ kind: 'text', confidential: true });
    expect(columnSpec('Target decision date').kind).toBe('date');
    // Teams spell it both ways; "timezone" and "time zone" are the same header.
    expect(matchHeaders(['Behavior description', 'Reporter timezone', 'Reported party TZ']).map).toEqual({
      'Behaviour description': 0,
      'Reporter time zone': 1,
      'Reported party time zone': 2,
    });
    // The new columns stand before the computed ones, which stay last.
    expect(COLUMN_NAMES.slice(-3)).toEqual([...COMPUTED_COLUMNS]);
  });

  test('an end date: required for a temporary ban, allowed for a correction or a warning, none for a permanent ban or no action', () => {
    expect(OUTCOMES.map((o) => [o, outcomeEndDateRule(o)])).toEqual([
      ['Correction', 'optional'],
      ['Warning', 'optional'],
      ['Temporary ban', 'required'],
      ['Permanent ban', 'none'],
      ['No action', 'none'],
    ]);
    expect(outcomeEndDateProblem('Temporary ban', false)).toBe('Outcome end date is missing for a temporary ban');
    expect(outcomeEndDateProblem('Temporary ban', true)).toBeNull();
    expect(outcomeEndDateProblem('Warning', true)).toBeNull();
    expect(outcomeEndDateProblem('Warning', false)).toBeNull();
    expect(outcomeEndDateProblem('Permanent ban', true)).toBe('Outcome end date is set, but the outcome Permanent ban has no end date');
    expect(outcomeEndDateProblem('No action', true)).toBe('Outcome end date is set, but the outcome No action has no end date');
    expect(outcomeEndDateProblem('', false)).toBeNull();
  });

  test('a requested action for every outcome but no action', () => {
    expect(OUTCOMES.filter(requestedActionRequired)).toEqual(['Correction', 'Warning', 'Temporary ban', 'Permanent ban']);
    expect(requestedActionRequired('')).toBe(false);
  });
});

describe('normalizeHeader', () => {
  test.each([
    ['Date  received', 'datereceived'],
    ['date-received', 'datereceived'],
    ['  DATE_RECEIVED: ', 'datereceived'],
    ['Sub-team formed', 'subteamformed'],
    ['Case #', 'case#'],
    ['Reporter’s e-mail', 'reportersemail'],
    ['Réception', 'réception'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [42, '42'],
  ])('%j → %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe('matchHeaders', () => {
  test('the canonical header row maps every column to its own index', () => {
    const match = matchHeaders(COLUMN_NAMES);
    expect(match.missing).toEqual([]);
    expect(match.score).toBe(COLUMN_NAMES.length);
    COLUMN_NAMES.forEach((name, i) => expect(match.map[name]).toBe(i));
  });

  test('case-, space- and punctuation-insensitive', () => {
    const match = matchHeaders(['CASE ID', ' received ', 'stage:', 'Sub team', 'SUB-TEAM FORMED', 'next_action', 'Deadline-Status']);
    expect(match.map).toEqual({
      'Case ID': 0,
      Received: 1,
      Stage: 2,
      'Sub-team': 3,
      'Sub-team formed': 4,
      'Next action': 5,
      'Deadline status': 6,
    });
    expect(match.score).toBe(7);
  });

  test('aliases', () => {
    const match = matchHeaders([
      'Case #',
      'Date received',
      'Status',
      'Reporter',
      'Respondent',
      'Consent',
      'Ticket link',
      'Acknowledged',
      'Subteam',
      'Respondent notified',
      'Enforcement level',
      'Ban end date',
      'Plan sent',
      'Outcome notice sent',
      'Date closed',
    ]);
    expect(match.map).toEqual({
      'Case ID': 0,
      Received: 1,
      Stage: 2,
      'Reporter name': 3,
      'Reported party name': 4,
      'Permission to notify reported party': 5,
      'Help desk link': 6,
      'First reply sent': 7,
      'Sub-team': 8,
      'Reported party notified': 9,
      Outcome: 10,
      'Outcome end date': 11,
      'Response plan sent': 12,
      'Reporter told outcome': 13,
      Closed: 14,
    });
    expect(match.score).toBe(15);
  });

  test('a team’s own generic columns are never taken for ours', () => {
    const match = matchHeaders(['Notes', 'Due date', 'Deadline', 'Due', 'Link', 'Team', 'Decision', 'Until', 'Details']);
    expect(match.map).toEqual({});
    expect(match.score).toBe(0);
  });

  test('an exact name wins over an alias, wherever it stands', () => {
    // "Decision" is an alias of Outcome, but the sheet also has Outcome itself.
    expect(matchHeaders(['Decision', 'Outcome']).map).toEqual({ Outcome: 1 });
    // "Reporter" (alias of Reporter name) does not take the column when Reporter name exists.
    expect(matchHeaders(['Reporter', 'Reporter name']).map).toEqual({ 'Reporter name': 1 });
    // "Status" is Stage, but "Deadline status" is its own column.
    expect(matchHeaders(['Deadline status', 'Status']).map).toEqual({ 'Deadline status': 0, Stage: 1 });
    expect(matchHeaders(['Deadline status']).map).toEqual({ 'Deadline status': 0 });
  });

  test('moved columns: any order gives the right indexes', () => {
    const reversed = [...COLUMN_NAMES].reverse();
    const match = matchHeaders(reversed);
    expect(match.score).toBe(COLUMN_NAMES.length);
    COLUMN_NAMES.forEach((name, i) => expect(match.map[name]).toBe(COLUMN_NAMES.length - 1 - i));
  });

  test('duplicates: the first header claims the column, the second is left alone', () => {
    expect(matchHeaders(['Received', 'Stage', 'received']).map).toEqual({ Received: 0, Stage: 1 });
    // A name and an alias of the same column: the name wins even when second.
    expect(matchHeaders(['Date received', 'Received']).map).toEqual({ Received: 1 });
    // Two aliases: the first listed alias for the column wins.
    expect(matchHeaders(['Report date', 'Date received']).map).toEqual({ Received: 1 });
  });

  test('blank headers (merged cells, gaps) never match', () => {
    const match = matchHeaders(['', 'Case ID', '  ', null, undefined, 'Received', '']);
    expect(match.map).toEqual({ 'Case ID': 1, Received: 5 });
    expect(match.score).toBe(2);
    expect(match.missing).toHaveLength(COLUMN_NAMES.length - 2);
    expect(match.missing[0]).toBe('Stage');
  });

  test('unknown headers are ignored, non-text headers do not crash', () => {
    const match = matchHeaders(['Our notes', 42, new Date(0), true, 'Case ID']);
    expect(match.map).toEqual({ 'Case ID': 4 });
  });

  test('score counts matched canonical columns: a tracker beats a roster', () => {
    expect(matchHeaders([]).score).toBe(0);
    expect(matchHeaders(['Name', 'Email', 'Time zone']).score).toBe(0);
    expect(matchHeaders(['Case ID', 'Received', 'Stage', 'Summary']).score).toBe(4);
    expect(matchHeaders([]).missing).toEqual(COLUMN_NAMES);
  });
});
