import { CASE_COLUMNS } from '../../src/core/columns';
import {
  FIRST_RECEIPT_ISO,
  MAX_CELL_TEXT,
  NEW_CASE_COLUMN,
  NEW_CASE_FIELDS,
  SHEET_RULES,
  describeErrors,
  inertText,
  isUrl,
  validateNewCase,
  type NewCaseForm,
} from '../../src/core/validation';
import { d } from './case-fixtures';

describe('isUrl', () => {
  test.each([
    'https://help.example.org/tickets/123',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG/A?b=c#d',
    ' https://example.org/x ',
    'https://example.org:8443/path',
  ])('%j is a link', (text) => {
    expect(isUrl(text)).toBe(true);
  });
  test.each([
    '',
    'example.org',
    'www.example.org',
    'ftp://example.org',
    'javascript:alert(1)',
    'https://',
    'https:// example.org',
    'https://exa mple.org',
    'https://.example.org',
    'mailto:ana@example.org',
    'data:text/html,<b>x</b>',
  ])('%j is not', (text) => {
    expect(isUrl(text)).toBe(false);
  });
});

describe('SHEET_RULES', () => {
  test('every list, date, email, emails, URL and time-zone column has a rule; text and computed columns none', () => {
    const expected = CASE_COLUMNS.filter((c) => ['list', 'date', 'email', 'emails', 'url', 'timezone'].includes(c.kind)).map((c) => c.name);
    expect(SHEET_RULES.map((r) => r.column)).toEqual(expected);
    expect(SHEET_RULES.find((r) => r.column === 'Stage')?.rule).toMatchObject({ type: 'list', values: expect.arrayContaining(['Decision']) });
  });
  test('the Sub-team formula accepts three emails and names the cell', () => {
    const rule = SHEET_RULES.find((r) => r.column === 'Sub-team')?.rule;
    expect(rule?.type).toBe('formula');
    if (rule?.type === 'formula') {
      const formula = rule.formula('M2');
      expect(formula.startsWith('=OR(ISBLANK(M2), REGEXMATCH(M2, "')).toBe(true);
      // The RE2 pattern inside the formula behaves the same in JavaScript for these inputs.
      const pattern = new RegExp(formula.slice(formula.indexOf('"') + 1, formula.lastIndexOf('"')));
      expect(pattern.test('ana@example.org, bo@example.org,cy@example.org')).toBe(true);
      expect(pattern.test('ana@example.org, bo@example.org')).toBe(false);
      expect(pattern.test('ana@example.org; bo@example.org; cy@example.org')).toBe(false);
      // Look-alike addresses are refused by the sheet too, as by the server.
      expect(pattern.test('ana@example.org, b\u200Bo@example.org, cy@example.org')).toBe(false);
      expect(pattern.test('ana@example.org, bö@example.org, cy@example.org')).toBe(false);
      expect(pattern.test('ana@example.org, bo@exa mple.org, cy@example.org')).toBe(false);
      expect(formula).toContain('[\\x21-\\x2B\\x2D-\\x3F\\x41-\\x7E]+@');
    }
  });
});

describe('the parties’ time zones', () => {
  test('the sheet checks the shape of a zone name', () => {
    const rule = SHEET_RULES.find((r) => r.column === 'Reporter time zone')?.rule;
    expect(rule?.type).toBe('formula');
    if (rule?.type === 'formula') {
      const formula = rule.formula('E2');
      expect(formula.startsWith('=OR(ISBLANK(E2), REGEXMATCH(E2, "')).toBe(true);
      const pattern = new RegExp(formula.slice(formula.indexOf('"') + 1, formula.lastIndexOf('"')));
      for (const zone of ['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'EST5EDT'])
        expect([zone, pattern.test(zone)]).toEqual([zone, true]);
      for (const zone of ['CET + 1 hour', 'Berlin time', '+02:00', '/Europe'])
        expect([zone, pattern.test(zone)]).toEqual([zone, false]);
    }
  });
});

describe('validateNewCase', () => {
  const today = d('2026-02-14');
  const form: NewCaseForm = {
    received: '2026-02-13',
    reporterName: 'Ana Lopez',
    reporterEmail: 'ana@example.org',
    reportedName: 'Bo',
    reportedEmail: 'bo@example.org',
    permission: 'Yes',
    where: 'Forum',
    helpDeskLink: 'https://help.example.org/t/1',
    summary: 'Rude replies in a thread',
    conflicts: '',
  };
  const errorsOf = (input: unknown) => {
    const result = validateNewCase(input, today);
    if (result.ok) throw new Error('expected errors');
    return result.errors;
  };

  test('a complete form is accepted as is', () => {
    expect(validateNewCase(form, today)).toEqual({ ok: true, value: { ...form, receivedDay: d('2026-02-13') } });
  });

  test('values are trimmed', () => {
    const padded = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, `  ${v}\n`]));
    expect(validateNewCase(padded, today)).toEqual({ ok: true, value: { ...form, receivedDay: d('2026-02-13') } });
  });

  test('only the required fields: received, reporter name or email, summary; permission defaults to Not asked', () => {
    const minimal = { received: '2026-02-14', reporterEmail: 'ana@example.org', summary: 'x' };
    expect(validateNewCase(minimal, today)).toEqual({
      ok: true,
      value: {
        received: '2026-02-14',
        reporterName: '',
        reporterEmail: 'ana@example.org',
        reportedName: '',
        reportedEmail: '',
        permission: 'Not asked',
        where: '',
        helpDeskLink: '',
        summary: 'x',
        conflicts: '',
        receivedDay: d('2026-02-14'),
      },
    });
    expect(validateNewCase({ ...minimal, reporterEmail: '', reporterName: 'Ana' }, today).ok).toBe(true);
    expect(validateNewCase({ ...minimal, permission: '   ' }, today)).toMatchObject({ ok: true, value: { permission: 'Not asked' } });
  });

  test('an empty form names every required field', () => {
    expect(errorsOf({})).toEqual({
      received: 'Received is required',
      reporterName: 'Give the reporter’s name or email (a report is never anonymous to the team)',
      summary: 'Summary is required',
    });
    expect(errorsOf(null)).toEqual(errorsOf({}));
    expect(errorsOf('a string')).toEqual(errorsOf({}));
    expect(errorsOf(undefined)).toEqual(errorsOf({}));
  });

  test('neither reporter name nor email', () => {
    expect(errorsOf({ ...form, reporterName: ' ', reporterEmail: '' })).toEqual({
      reporterName: 'Give the reporter’s name or email (a report is never anonymous to the team)',
    });
  });

  test.each(['2026-02-30', '2025-02-29', '14/02/2026', '2026-2-3', 'yesterday'])('impossible or malformed date %j', (received) => {
    expect(errorsOf({ ...form, received })).toEqual({ received: 'Received must be a real date (yyyy-mm-dd)' });
  });

  test.each(['0999-06-01', '1000-01-01', '1999-12-31'])('a receipt date before 2000 (%s) is refused like any impossible one', (received) => {
    expect(errorsOf({ ...form, received })).toEqual({ received: 'Received cannot be before 2000-01-01' });
  });

  test('Conflicts: names welcome, a look-alike address refused with why (one rule with the panel)', () => {
    expect(validateNewCase({ ...form, conflicts: 'Zoë Brontë, ana@example.org' }, today).ok).toBe(true);
    expect(errorsOf({ ...form, conflicts: 'Pat, a\u200Bna@example.org' }).conflicts).toMatch(/^Conflicts entry 2 holds a character other than plain ASCII/);
  });

  test('2000-01-01 is the first receipt date accepted', () => {
    expect(validateNewCase({ ...form, received: FIRST_RECEIPT_ISO }, today).ok).toBe(true);
  });

  test('a receipt date in the future is refused; today is fine', () => {
    expect(errorsOf({ ...form, received: '2026-02-15' })).toEqual({ received: 'Received cannot be after today (2026-02-14)' });
    expect(validateNewCase({ ...form, received: '2026-02-14' }, today).ok).toBe(true);
    expect(validateNewCase({ ...form, received: '2024-02-29' }, today).ok).toBe(true);
  });

  test('invalid emails, link and permission', () => {
    expect(errorsOf({ ...form, reporterEmail: 'ana@', reportedEmail: 'bo at example.org', helpDeskLink: 'javascript:alert(1)', permission: 'yes' })).toEqual({
      reporterEmail: 'Reporter email is not a valid email address',
      reportedEmail: 'Reported party email is not a valid email address',
      helpDeskLink: 'Help desk link must start with https:// or http://',
      permission: 'Permission must be one of Yes, No, Not asked',
    });
  });

  test('a bad reporter email is reported even when the name is given', () => {
    expect(errorsOf({ ...form, reporterEmail: 'nope' })).toEqual({ reporterEmail: 'Reporter email is not a valid email address' });
  });

  test('non-string values are refused per field, never thrown', () => {
    expect(
      errorsOf({ ...form, summary: 42, reportedName: { toString: () => 'x' }, permission: true, reporterEmail: ['ana@example.org'], received: new Date() }),
    ).toEqual({
      received: 'Received must be text',
      reportedName: 'Reported party name must be text',
      reporterEmail: 'Reporter email must be text',
      permission: 'Permission to notify reported party must be text',
      summary: 'Summary must be text',
    });
  });

  test('null fields count as empty', () => {
    expect(validateNewCase({ ...form, where: null, reportedEmail: null }, today)).toMatchObject({ ok: true, value: { where: '', reportedEmail: '' } });
  });

  test('long text: the cell limit is allowed, one more character is not', () => {
    expect(validateNewCase({ ...form, summary: 'x'.repeat(MAX_CELL_TEXT) }, today).ok).toBe(true);
    expect(errorsOf({ ...form, summary: 'x'.repeat(MAX_CELL_TEXT + 1), where: 'y'.repeat(MAX_CELL_TEXT + 1) })).toEqual({
      where: 'Where is longer than 49999 characters',
      summary: 'Summary is longer than 49999 characters',
    });
    expect(errorsOf({ ...form, reporterName: 'n'.repeat(MAX_CELL_TEXT + 1), reporterEmail: '' })).toEqual({
      reporterName: 'Reporter name is longer than 49999 characters',
    });
  });

  test('text that looks like a formula is accepted as data (inertText makes it safe)', () => {
    expect(validateNewCase({ ...form, summary: '=IMPORTRANGE("x","y")', reportedName: '+1' }, today)).toMatchObject({
      ok: true,
      value: { summary: '=IMPORTRANGE("x","y")', reportedName: '+1' },
    });
  });

  test('extra fields are dropped', () => {
    const result = validateNewCase({ ...form, caseId: 'C-99', findings: 'secret' }, today);
    expect(result.ok && Object.keys(result.value).sort()).toEqual([...NEW_CASE_FIELDS, 'receivedDay'].sort());
  });

  test('every form field fills a real column', () => {
    expect(NEW_CASE_FIELDS.map((f) => NEW_CASE_COLUMN[f])).toEqual([
      'Received',
      'Reporter name',
      'Reporter email',
      'Reported party name',
      'Reported party email',
      'Permission to notify reported party',
      'Where',
      'Help desk link',
      'Summary',
      'Conflicts',
    ]);
  });

  test('conflicts are optional, trimmed, and bounded like any cell', () => {
    const { conflicts: _omitted, ...withoutConflicts } = form;
    expect(validateNewCase(withoutConflicts, today)).toMatchObject({ ok: true, value: { conflicts: '' } });
    expect(validateNewCase({ ...form, conflicts: '  Cy Chen, di@irt.example \n' }, today)).toMatchObject({
      ok: true,
      value: { conflicts: 'Cy Chen, di@irt.example' },
    });
    expect(errorsOf({ ...form, conflicts: 'x'.repeat(MAX_CELL_TEXT + 1) })).toEqual({ conflicts: `Conflicts is longer than ${MAX_CELL_TEXT} characters` });
    expect(errorsOf({ ...form, conflicts: 7 })).toEqual({ conflicts: 'Conflicts must be text' });
  });
});

describe('describeErrors', () => {
  test('names every invalid field, in form order', () => {
    const result = validateNewCase({ received: '2026-02-30', reporterEmail: 'x', permission: 'Maybe', helpDeskLink: 'nope' }, d('2026-02-14'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(describeErrors(result.errors)).toBe(
        'Received must be a real date (yyyy-mm-dd); Reporter email is not a valid email address; ' +
          'Permission must be one of Yes, No, Not asked; Help desk link must start with https:// or http://; Summary is required',
      );
    }
  });
  test('no errors → empty text', () => {
    expect(describeErrors({})).toBe('');
  });
});

describe('inertText', () => {
  test.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1 555', "'+1 555"],
    ['-5', "'-5"],
    ['@user', "'@user"],
    ['2026-02-14', "'2026-02-14"],
    ['0042', "'0042"],
    ['plain', "'plain"],
    ["'already", "''already"],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(inertText(text)).toBe(expected);
  });
});
