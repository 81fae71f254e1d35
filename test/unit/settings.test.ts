import {
  DEFAULT_CONFIDENTIALITY_NOTICE,
  SETTING_SPECS,
  defaultSettingRows,
  defaultSettings,
  missingSettingRows,
  parseSettings,
  type Settings,
} from '../../src/core/settings';

const DEFAULTS: Settings = {
  replyWindowDays: 3,
  assessmentWindowDays: 7,
  notifyWindowDays: 7,
  updateIntervalDays: 14,
  outcomeNoticeWindowDays: 3,
  dueSoonDays: 2,
  reminderHour: 9,
  triageEmails: [],
  emailDateFormat: 'd MMMM yyyy',
  confidentialityNotice: DEFAULT_CONFIDENTIALITY_NOTICE,
  appealWindowDays: 30,
  appealReviewWindowDays: 14,
  keepNotViolationMonths: 6,
  keepNoActionMonths: 6,
  keepCorrectionMonths: 12,
  keepWarningMonths: 12,
  keepTemporaryBanMonths: 12,
  keepPermanentBanMonths: null,
  expungeAutomatically: false,
};

describe('defaults', () => {
  test('defaultSettings', () => {
    expect(defaultSettings()).toEqual(DEFAULTS);
  });

  test('each call is a fresh object (no shared mutable default)', () => {
    const a = defaultSettings();
    a.triageEmails.push('x@example.org');
    a.replyWindowDays = 99;
    expect(defaultSettings()).toEqual(DEFAULTS);
  });

  test('the Settings sheet a fresh tracker gets: readable labels, one row each', () => {
    expect(defaultSettingRows()).toEqual([
      ['Setting', 'Value'],
      ['Reply window (days)', 3],
      ['Assessment window (days)', 7],
      ['Notify parties window (days)', 7],
      ['Update interval (days)', 14],
      ['Outcome notice window (days)', 3],
      ['Due-soon window (days)', 2],
      ['Reminder hour (0-23)', 9],
      ['Triage emails (comma-separated)', ''],
      ['Date format in emails', 'd MMMM yyyy'],
      ['Confidentiality notice', DEFAULT_CONFIDENTIALITY_NOTICE],
      ['Appeal window (days)', 30],
      ['Appeal review window (days)', 14],
      ['Keep records (months): not a violation', 6],
      ['Keep records (months): no action', 6],
      ['Keep records (months): correction', 12],
      ['Keep records (months): warning', 12],
      ['Keep records (months): temporary ban, after its end date', 12],
      ['Keep records (months): permanent ban', 'Never'],
      ['Expunge automatically', 'No'],
    ]);
  });

  test('the confidentiality notice warns that sharing may lead to further action', () => {
    expect(DEFAULT_CONFIDENTIALITY_NOTICE).toMatch(/confidential/);
    expect(DEFAULT_CONFIDENTIALITY_NOTICE).toMatch(/further action/);
  });
});

describe('parseSettings', () => {
  test('no rows → defaults, no problems', () => {
    expect(parseSettings([])).toEqual({ settings: DEFAULTS, problems: [] });
  });

  test('the default sheet reads back as the defaults', () => {
    expect(parseSettings(defaultSettingRows())).toEqual({ settings: DEFAULTS, problems: [] });
  });

  test('custom values, as numbers or as text', () => {
    const { settings, problems } = parseSettings([
      ['Setting', 'Value'],
      ['Reply window (days)', 5],
      ['Assessment window (days)', '10'],
      ['Notify parties window (days)', ' 3 '],
      ['Update interval (days)', 7],
      ['Outcome notice window (days)', 0],
      ['Due-soon window (days)', 4],
      ['Reminder hour (0-23)', 23],
      ['Triage emails (comma-separated)', 'ana@example.org, bo@example.org;cy@example.org\nDi@Example.org'],
      ['Date format in emails', ' EEEE d MMMM yyyy '],
      ['Confidentiality notice', 'Keep it quiet.'],
      ['Appeal window (days)', '21'],
      ['Appeal review window (days)', 10],
      ['Keep records (months): not a violation', 3],
      ['Keep records (months): no action', 'never'],
      ['Keep records (months): correction', '24'],
      ['Keep records (months): warning', 0],
      ['Keep records (months): temporary ban, after its end date', 6],
      ['Keep records (months): permanent ban', 'Never'],
      ['Expunge automatically', ' yes '],
    ]);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      replyWindowDays: 5,
      assessmentWindowDays: 10,
      notifyWindowDays: 3,
      updateIntervalDays: 7,
      outcomeNoticeWindowDays: 0,
      dueSoonDays: 4,
      reminderHour: 23,
      triageEmails: ['ana@example.org', 'bo@example.org', 'cy@example.org', 'Di@Example.org'],
      emailDateFormat: 'EEEE d MMMM yyyy',
      confidentialityNotice: 'Keep it quiet.',
      appealWindowDays: 21,
      appealReviewWindowDays: 10,
      keepNotViolationMonths: 3,
      keepNoActionMonths: null,
      keepCorrectionMonths: 24,
      keepWarningMonths: 0,
      keepTemporaryBanMonths: 6,
      keepPermanentBanMonths: null,
      expungeAutomatically: true,
    });
  });

  test('record keeping and automatic expunging refuse what they cannot read', () => {
    const { settings, problems } = parseSettings([
      ['Keep records (months): warning', '12 months'],
      ['Keep records (months): correction', -1],
      ['Expunge automatically', 'maybe'],
    ]);
    expect(problems).toEqual([
      'Keep records (months): correction must be a whole number of months from 0 to 1200, or Never',
      'Keep records (months): warning must be a whole number of months from 0 to 1200, or Never',
      'Expunge automatically must be Yes or No',
    ]);
    expect(settings).toEqual(DEFAULTS);
  });

  test('rows in any order, with other rows around them', () => {
    const { settings, problems } = parseSettings([
      ['Some note', 'ignored'],
      ['Due-soon window (days)', 1],
      [],
      ['Reply window (days)', 2],
    ]);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULTS, dueSoonDays: 1, replyWindowDays: 2 });
  });

  test.each<[string, unknown, string]>([
    ['Reply window (days)', 'three', 'Reply window (days) must be a whole number from 0 to 365'],
    ['Reply window (days)', -1, 'Reply window (days) must be a whole number from 0 to 365'],
    ['Reply window (days)', 2.5, 'Reply window (days) must be a whole number from 0 to 365'],
    ['Reply window (days)', 366, 'Reply window (days) must be a whole number from 0 to 365'],
    ['Reply window (days)', '', 'Reply window (days) must be a whole number from 0 to 365'],
    ['Reply window (days)', '  ', 'Reply window (days) must be a whole number from 0 to 365'],
    ['Reply window (days)', true, 'Reply window (days) must be a whole number from 0 to 365'],
    ['Reply window (days)', new Date(0), 'Reply window (days) must be a whole number from 0 to 365'],
    ['Reply window (days)', NaN, 'Reply window (days) must be a whole number from 0 to 365'],
    ['Update interval (days)', 0, 'Update interval (days) must be a whole number from 1 to 365'],
    ['Due-soon window (days)', '2 days', 'Due-soon window (days) must be a whole number from 0 to 365'],
    ['Reminder hour (0-23)', 24, 'Reminder hour (0-23) must be a whole number from 0 to 23'],
    ['Triage emails (comma-separated)', 'ana@example.org, nope, bo@', 'Triage emails: entries 2, 3 of 3 are not email addresses (write addresses, separated by commas)'],
    ['Triage emails (comma-separated)', 'Ana Alves', 'Triage emails: entry 1 of 1 is not an email address (write addresses, separated by commas)'],
    ['Date format in emails', '  ', 'Date format in emails is empty'],
    ['Confidentiality notice', '', 'Confidentiality notice is empty'],
  ])('%s = %j is reported and the default kept', (label, value, problem) => {
    const { settings, problems } = parseSettings([[label, value]]);
    expect(problems).toEqual([problem]);
    expect(settings).toEqual(DEFAULTS);
  });

  test('a row with no Value cell is reported too', () => {
    expect(parseSettings([['Reply window (days)']]).problems).toEqual(['Reply window (days) must be a whole number from 0 to 365']);
  });

  test('several bad values: every problem reported, good values still used', () => {
    const { settings, problems } = parseSettings([
      ['Reply window (days)', 'x'],
      ['Assessment window (days)', 9],
      ['Reminder hour (0-23)', -3],
    ]);
    expect(problems).toEqual([
      'Reply window (days) must be a whole number from 0 to 365',
      'Reminder hour (0-23) must be a whole number from 0 to 23',
    ]);
    expect(settings).toEqual({ ...DEFAULTS, assessmentWindowDays: 9 });
  });

  test('edge values are accepted', () => {
    expect(parseSettings([['Reminder hour (0-23)', 0], ['Reply window (days)', 365], ['Update interval (days)', 1]])).toEqual({
      settings: { ...DEFAULTS, reminderHour: 0, replyWindowDays: 365, updateIntervalDays: 1 },
      problems: [],
    });
  });

  test('an empty triage list is allowed', () => {
    expect(parseSettings([['Triage emails (comma-separated)', '']])).toEqual({ settings: DEFAULTS, problems: [] });
  });

  test.each(['reply window (days)', 'REPLY WINDOW (DAYS)', '  Reply-window days ', 'Reply_Window_(Days):'])('label %j matches loosely', (label) => {
    expect(parseSettings([[label, 6]]).settings.replyWindowDays).toBe(6);
  });

  test('the first of two rows with the same label wins', () => {
    expect(parseSettings([['Reply window (days)', 4], ['reply window (days)', 8]]).settings.replyWindowDays).toBe(4);
  });

  test('a label that is not quite the setting does not match', () => {
    expect(parseSettings([['Reply window (hours)', 6]]).settings.replyWindowDays).toBe(3);
  });
});

describe('missingSettingRows', () => {
  test('a complete sheet lacks nothing', () => {
    expect(missingSettingRows(defaultSettingRows())).toEqual([]);
  });

  test('an empty sheet lacks every setting, with its default, in order', () => {
    expect(missingSettingRows([])).toEqual(defaultSettingRows().slice(1));
    expect(missingSettingRows([['Setting', 'Value']])).toEqual(defaultSettingRows().slice(1));
  });

  test('only the absent labels, matched loosely; a present but bad value is not re-added', () => {
    const rows = [
      ['Setting', 'Value'],
      ['reply window (days)', 'nonsense'],
      ['DUE-SOON WINDOW (DAYS)', 1],
      ['Confidentiality notice', 'x'],
    ];
    expect(missingSettingRows(rows)).toEqual([
      ['Assessment window (days)', 7],
      ['Notify parties window (days)', 7],
      ['Update interval (days)', 14],
      ['Outcome notice window (days)', 3],
      ['Reminder hour (0-23)', 9],
      ['Triage emails (comma-separated)', ''],
      ['Date format in emails', 'd MMMM yyyy'],
      ...defaultSettingRows().slice(-9),
    ]);
  });
});

describe('SETTING_SPECS', () => {
  test('labels are distinct even when compared loosely', () => {
    const loose = SETTING_SPECS.map((s) => s.label.toLowerCase().replace(/[^a-z0-9]+/g, ''));
    expect(new Set(loose).size).toBe(SETTING_SPECS.length);
  });
});


describe('date format in emails', () => {
  it('accepts the patterns formatDay knows and refuses stray letters', () => {
    const good = parseSettings([['Date format in emails', "EEEE, d MMM yyyy 'at noon'"]]);
    expect(good.problems).toEqual([]);
    expect(good.settings.emailDateFormat).toBe("EEEE, d MMM yyyy 'at noon'");
    const bad = parseSettings([['Date format in emails', 'today is d MMMM']]);
    expect(bad.problems).toHaveLength(1);
    expect(bad.settings.emailDateFormat).toBe('d MMMM yyyy');
  });
});

describe('a Settings problem names the setting and what is wrong, never the cell', () => {
  // Problems are logged and shown in toasts: what a member typed (a name, an address) stays in the sheet.
  const typed = ['Reporterina Quill, Accusado Brandt', 'zoe@parties.example, Zoë', 'r\u200Bobin@example.org', '=HYPERLINK("secretlink")'];
  test.each(SETTING_SPECS.map((spec) => [spec.label]))('%s', (label) => {
    for (const value of typed) {
      const { problems } = parseSettings([[label, value]]);
      for (const problem of problems) {
        expect(problem).toMatch(new RegExp(`^${label.split(' ')[0]}`));
        for (const part of value.split(/,\s*/)) expect(problem).not.toContain(part);
      }
    }
  });
});
