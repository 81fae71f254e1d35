import { startOfDay } from '../../src/core/calendar';
import { readCase, type CaseRecord } from '../../src/core/cases';
import { COLUMN_NAMES, OUTCOMES, PERMISSIONS, STAGES, STATUSES, matchHeaders, type ColumnName } from '../../src/core/columns';
import { computeDeadline, deadlineForRow, statusFor, type Deadline } from '../../src/core/deadlines';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { TEAM, blankRecord, d, dateCell, investigating, iso, rowFor, settingsWith } from './case-fixtures';

const STAGE_LIST = 'Received, Assessing, Not a violation, Sub-team formed, Investigating, Decision, Closed';

/** The deadline with its day as yyyy-mm-dd, for readable expectations. */
function next(c: CaseRecord, today = '2026-01-08', settings: Settings = defaultSettings()) {
  return shown(computeDeadline(c, d(today), settings));
}
function shown(dl: Deadline) {
  return { action: dl.action, due: dl.due === null ? null : iso(dl.due), status: dl.status };
}
function show(dl: Deadline | null) {
  return dl === null ? null : shown(dl);
}
const checkData = (action: string) => ({ action, due: null, status: 'Check data' });
const CLOSED = { action: '', due: null, status: 'Closed' };

describe('defaults', () => {
  test('windows are the process defaults', () => {
    const s = defaultSettings();
    expect([s.replyWindowDays, s.assessmentWindowDays, s.notifyWindowDays, s.updateIntervalDays, s.outcomeNoticeWindowDays, s.dueSoonDays]).toEqual([
      3, 7, 7, 14, 3, 2,
    ]);
  });
});

describe('statusFor', () => {
  test.each([
    [10, 11, 2, 'Overdue'],
    [10, 40, 2, 'Overdue'],
    [10, 10, 2, 'Due soon'],
    [10, 9, 2, 'Due soon'],
    [10, 8, 2, 'Due soon'],
    [10, 7, 2, 'On track'],
    [10, 10, 0, 'Due soon'],
    [10, 9, 0, 'On track'],
    [10, 11, 0, 'Overdue'],
    [10, 3, 7, 'Due soon'],
    [10, 2, 7, 'On track'],
  ])('due %d, today %d, window %d → %s', (due, today, window, status) => {
    expect(statusFor(due, today, window)).toBe(status);
  });
});

describe('rule 1: Received missing or not a date', () => {
  test('missing', () => {
    expect(next(blankRecord({ stage: 'Received' }))).toEqual(checkData('Received is missing'));
  });
  test('not a date', () => {
    expect(next(blankRecord({ stage: 'Received', received: 'invalid' }))).toEqual(checkData('Received is not a date'));
  });
  test('comes before Closed', () => {
    expect(next(investigating({ received: null, closed: d('2026-02-01') }))).toEqual(checkData('Received is missing'));
  });
});

describe('rule 2: Closed set', () => {
  test('a closed case has no action or deadline', () => {
    expect(next(investigating({ closed: d('2026-02-01') }))).toEqual(CLOSED);
    expect(next(investigating({ stage: 'Closed', closed: d('2026-02-01') }))).toEqual(CLOSED);
  });
  test('wins over a missing First reply, an unknown stage and a missing sub-team', () => {
    expect(next(blankRecord({ stage: 'Received', received: d('2026-01-05'), closed: d('2026-01-06') }))).toEqual(CLOSED);
    expect(next(blankRecord({ stage: 'Pending', received: d('2026-01-05'), closed: d('2026-01-06') }))).toEqual(CLOSED);
    expect(next(investigating({ subTeam: '', subTeamFormed: null, closed: d('2026-01-20') }))).toEqual(CLOSED);
    expect(next(investigating({ outcome: 'Temporary ban', closed: d('2026-01-20') }))).toEqual(CLOSED);
  });
  test('a Closed cell that is not a date is Check data', () => {
    expect(next(investigating({ closed: 'invalid' }))).toEqual(checkData('Closed is not a date'));
  });
});

describe('rule 3: Stage must be one of the seven, and a Closed stage needs its date', () => {
  test('unknown stage', () => {
    expect(next(investigating({ stage: 'Pending' }))).toEqual(checkData(`Stage "Pending" is not one of ${STAGE_LIST}`));
  });
  test('stages are the tracker’s exact words', () => {
    expect(next(investigating({ stage: 'investigating' })).status).toBe('Check data');
    expect(next(investigating({ stage: 'investigating' })).action).toContain('Stage "investigating"');
  });
  test('missing stage', () => {
    expect(next(investigating({ stage: '' }))).toEqual(checkData('Stage is missing'));
  });
  test('stage Closed without a Closed date', () => {
    expect(next(investigating({ stage: 'Closed' }))).toEqual(checkData('Stage is Closed but the Closed date is missing'));
  });
  test('comes before rule 4 (no first reply)', () => {
    expect(next(blankRecord({ stage: 'Pending', received: d('2026-01-05') }))).toEqual(checkData(`Stage "Pending" is not one of ${STAGE_LIST}`));
  });
  test.each([
    ['firstReplySent', 'First reply sent'],
    ['subTeamFormed', 'Sub-team formed'],
    ['reporterNotified', 'Reporter notified'],
    ['reportedPartyNotified', 'Reported party notified'],
    ['lastUpdateToReporter', 'Last update to reporter'],
    ['lastUpdateToReportedParty', 'Last update to reported party'],
    ['outcomeEndDate', 'Outcome end date'],
    ['responsePlanSent', 'Response plan sent'],
    ['reporterToldOutcome', 'Reporter told outcome'],
  ] as const)('%s not a date → names the %s column', (field, column) => {
    expect(next(investigating({ [field]: 'invalid' }))).toEqual(checkData(`${column} is not a date`));
  });
  test('unknown permission and outcome words', () => {
    expect(next(investigating({ permission: 'Maybe' }))).toEqual(
      checkData('Permission to notify reported party "Maybe" is not one of Yes, No, Not asked'),
    );
    expect(next(investigating({ outcome: 'Ban' }))).toEqual(
      checkData('Outcome "Ban" is not one of Correction, Warning, Temporary ban, Permanent ban, No action'),
    );
  });
});

describe('rule 4: First reply sent empty → Reply to reporter, R + reply window', () => {
  const fresh = blankRecord({ stage: 'Received', received: d('2026-01-05') });
  test('default window', () => {
    expect(next(fresh, '2026-01-05')).toEqual({ action: 'Reply to reporter', due: '2026-01-08', status: 'On track' });
  });
  test('changed window', () => {
    expect(next(fresh, '2026-01-05', settingsWith({ replyWindowDays: 1 }))).toEqual({
      action: 'Reply to reporter',
      due: '2026-01-06',
      status: 'Due soon',
    });
    expect(next(fresh, '2026-01-05', settingsWith({ replyWindowDays: 0 })).due).toBe('2026-01-05');
  });
  test.each(['Assessing', 'Not a violation', 'Sub-team formed', 'Investigating', 'Decision'])('applies in stage %s too, before its own checks', (stage) => {
    expect(next(blankRecord({ stage, received: d('2026-01-05') })).action).toBe('Reply to reporter');
    expect(next(blankRecord({ stage, received: d('2026-01-05') })).due).toBe('2026-01-08');
  });
  test('status on each day around the deadline', () => {
    expect(next(fresh, '2026-01-05').status).toBe('On track');
    expect(next(fresh, '2026-01-06').status).toBe('Due soon');
    expect(next(fresh, '2026-01-08').status).toBe('Due soon');
    expect(next(fresh, '2026-01-09').status).toBe('Overdue');
  });
  test('across a month and a year end', () => {
    expect(next(blankRecord({ stage: 'Received', received: d('2025-12-30') }), '2025-12-30').due).toBe('2026-01-02');
    expect(next(blankRecord({ stage: 'Received', received: d('2024-02-27') }), '2024-02-27').due).toBe('2024-03-01');
  });
});

describe('rules 5-6: initial assessment', () => {
  const replied = (stage: string) => blankRecord({ stage, received: d('2026-01-05'), firstReplySent: d('2026-01-06') });
  test('Not a violation → Explain decision to reporter and close, R + assessment window', () => {
    expect(next(replied('Not a violation'))).toEqual({ action: 'Explain decision to reporter and close', due: '2026-01-12', status: 'On track' });
    expect(next(replied('Not a violation'), '2026-01-08', settingsWith({ assessmentWindowDays: 10 })).due).toBe('2026-01-15');
  });
  test.each(['Received', 'Assessing'])('%s → Finish initial assessment, R + assessment window', (stage) => {
    expect(next(replied(stage))).toEqual({ action: 'Finish initial assessment', due: '2026-01-12', status: 'On track' });
    expect(next(replied(stage), '2026-01-10')).toEqual({ action: 'Finish initial assessment', due: '2026-01-12', status: 'Due soon' });
    expect(next(replied(stage), '2026-01-13').status).toBe('Overdue');
    expect(next(replied(stage), '2026-01-08', settingsWith({ assessmentWindowDays: 3 })).due).toBe('2026-01-08');
  });
  test('the assessment window counts from receipt, not from the first reply', () => {
    const late = blankRecord({ stage: 'Assessing', received: d('2026-01-05'), firstReplySent: d('2026-01-11') });
    expect(next(late).due).toBe('2026-01-12');
  });
  test('no sub-team is needed before one is formed', () => {
    expect(next(replied('Assessing')).status).not.toBe('Check data');
  });
});

describe('the recorded Assessment (issue 10)', () => {
  const replied = (stage: string, assessment: string) =>
    blankRecord({ stage, assessment, received: d('2026-01-05'), firstReplySent: d('2026-01-06') });
  test('Possible violation → Form sub-team, R + assessment window (not the assessment again)', () => {
    expect(next(replied('Assessing', 'Possible violation'))).toEqual({ action: 'Form sub-team', due: '2026-01-12', status: 'On track' });
    expect(next(replied('Received', 'Possible violation'), '2026-01-13').status).toBe('Overdue');
    expect(next(replied('Assessing', 'Possible violation'), '2026-01-08', settingsWith({ assessmentWindowDays: 3 })).due).toBe('2026-01-08');
    // The first reply still comes first.
    expect(next({ ...replied('Assessing', 'Possible violation'), firstReplySent: null }).action).toBe('Reply to reporter');
  });
  test('Not a violation → Explain decision to reporter and close the help-desk ticket, R + assessment window', () => {
    expect(next(replied('Not a violation', 'Not a violation'))).toEqual({
      action: 'Explain decision to reporter and close the help-desk ticket',
      due: '2026-01-12',
      status: 'On track',
    });
  });
  test('once the sub-team is formed, the case goes on as before', () => {
    expect(next(investigating({ assessment: 'Possible violation' }))).toEqual(next(investigating()));
  });
  test('an Assessment that contradicts the stage, or is not one of the words, is Check data', () => {
    expect(next(investigating({ assessment: 'Not a violation' }))).toEqual(checkData('Assessment is Not a violation but Stage is Investigating'));
    expect(next(replied('Not a violation', 'Possible violation'))).toEqual(checkData('Assessment is Possible violation but Stage is Not a violation'));
    expect(next(replied('Assessing', 'Maybe'))).toEqual(checkData('Assessment "Maybe" is not one of Possible violation, Not a violation'));
  });
});

describe('rule 7: a sub-team stage needs three distinct emails and the Sub-team formed date', () => {
  describe.each(['Sub-team formed', 'Investigating', 'Decision'])('stage %s', (stage) => {
    test('sub-team missing', () => {
      expect(next(investigating({ stage, subTeam: '' }))).toEqual(checkData('Sub-team is missing'));
    });
    test('two or four members', () => {
      expect(next(investigating({ stage, subTeam: 'ana@example.org, bo@example.org' }))).toEqual(
        checkData('Sub-team needs exactly three emails separated by commas (has 2)'),
      );
      expect(next(investigating({ stage, subTeam: `${TEAM}, di@example.org` }))).toEqual(
        checkData('Sub-team needs exactly three emails separated by commas (has 4)'),
      );
    });
    test('the same person twice, compared case-insensitively', () => {
      expect(next(investigating({ stage, subTeam: 'Ana@Example.org, ana@example.ORG, bo@example.org' }))).toEqual(
        checkData('Sub-team needs three different members'),
      );
    });
    test('an invalid address', () => {
      expect(next(investigating({ stage, subTeam: 'ana@example.org, not-an-email, bo@example.org' }))).toEqual(
        checkData('Sub-team has an invalid email: not-an-email'),
      );
    });
    test('Sub-team formed missing', () => {
      expect(next(investigating({ stage, subTeamFormed: null }))).toEqual(checkData('Sub-team formed is missing'));
    });
    test('three distinct members in mixed case are fine', () => {
      expect(next(investigating({ stage, subTeam: 'Ana@Example.org,BO@example.org ,  cy@EXAMPLE.org' })).status).not.toBe('Check data');
    });
  });
  test('comes before notifying (rule 8)', () => {
    expect(next(investigating({ subTeam: '', reporterNotified: null }))).toEqual(checkData('Sub-team is missing'));
  });
});

describe('rule 8: notify parties within the notify window of forming the sub-team', () => {
  // Sub-team formed 2026-01-10 → due 2026-01-17 by default.
  test('reporter not notified, no permission → Notify reporter', () => {
    for (const permission of ['No', 'Not asked', '']) {
      expect(next(investigating({ permission, reporterNotified: null, reportedPartyNotified: null }))).toEqual({
        action: 'Notify reporter',
        due: '2026-01-17',
        status: 'On track',
      });
    }
  });
  test('permission Yes and neither notified → Notify both parties', () => {
    expect(next(investigating({ reporterNotified: null, reportedPartyNotified: null }))).toEqual({
      action: 'Notify both parties',
      due: '2026-01-17',
      status: 'On track',
    });
  });
  test('permission Yes, reporter notified, reported party not → Notify reported party', () => {
    expect(next(investigating({ reportedPartyNotified: null }), '2026-01-15')).toEqual({
      action: 'Notify reported party',
      due: '2026-01-17',
      status: 'Due soon',
    });
  });
  test('permission Yes, reported party notified first → Notify reporter', () => {
    expect(next(investigating({ reporterNotified: null })).action).toBe('Notify reporter');
  });
  test('without permission the reported party is never owed a notification', () => {
    for (const permission of ['No', 'Not asked', '']) {
      expect(next(investigating({ permission, reportedPartyNotified: null }), '2026-01-20')).toEqual({
        action: 'Update reporter',
        due: '2026-01-26',
        status: 'On track',
      });
    }
  });
  test('changed window and overdue', () => {
    expect(next(investigating({ reporterNotified: null }), '2026-01-14', settingsWith({ notifyWindowDays: 3 }))).toEqual({
      action: 'Notify reporter',
      due: '2026-01-13',
      status: 'Overdue',
    });
  });
  test('counts from Sub-team formed, not from receipt', () => {
    expect(next(investigating({ subTeamFormed: d('2026-02-01'), reporterNotified: null })).due).toBe('2026-02-08');
  });
  test('in stage Sub-team formed and Decision too', () => {
    expect(next(investigating({ stage: 'Sub-team formed', reporterNotified: null })).action).toBe('Notify reporter');
    expect(next(investigating({ stage: 'Decision', outcome: 'Warning', reporterNotified: null })).action).toBe('Notify reporter');
  });
});

describe('rule 9: a temporary ban needs its end date', () => {
  test('without end date → Check data naming the column', () => {
    expect(next(investigating({ stage: 'Decision', outcome: 'Temporary ban' }))).toEqual(
      checkData('Outcome end date is missing for a temporary ban'),
    );
  });
  test('a permanent ban or no action has no end date: one set → Check data; a correction or a warning may have one', () => {
    for (const outcome of ['Permanent ban', 'No action'])
      expect(next(investigating({ stage: 'Decision', outcome, outcomeEndDate: d('2026-06-01') }))).toEqual(
        checkData(`Outcome end date is set, but the outcome ${outcome} has no end date`),
      );
    for (const outcome of ['Correction', 'Warning'])
      expect(next(investigating({ stage: 'Decision', outcome, outcomeEndDate: d('2026-06-01') })).action).toBe('Send response plan');
  });
  test('only after notifications (rule 8 first)', () => {
    expect(next(investigating({ stage: 'Decision', outcome: 'Temporary ban', reportedPartyNotified: null })).action).toBe(
      'Notify reported party',
    );
  });
  test('before rules 10 and 11', () => {
    const c = investigating({ stage: 'Decision', outcome: 'Temporary ban', responsePlanSent: d('2026-02-01'), reporterToldOutcome: d('2026-02-02') });
    expect(next(c)).toEqual(checkData('Outcome end date is missing for a temporary ban'));
  });
  test('with an end date, or for any other outcome, the case goes on', () => {
    expect(next(investigating({ stage: 'Decision', outcome: 'Temporary ban', outcomeEndDate: d('2026-06-01') })).action).toBe('Send response plan');
    for (const outcome of ['Correction', 'Warning', 'Permanent ban', 'No action']) {
      expect(next(investigating({ stage: 'Decision', outcome })).action).toBe('Send response plan');
    }
  });
});

describe('rule 10: Reporter told outcome → Close the case, due that date', () => {
  const told = investigating({ stage: 'Decision', outcome: 'Warning', responsePlanSent: d('2026-02-01'), reporterToldOutcome: d('2026-02-03') });
  test('due the day the reporter was told', () => {
    expect(next(told, '2026-02-03')).toEqual({ action: 'Close the case', due: '2026-02-03', status: 'Due soon' });
    expect(next(told, '2026-02-04')).toEqual({ action: 'Close the case', due: '2026-02-03', status: 'Overdue' });
  });
  test('wins over rule 11', () => {
    expect(next(told).action).toBe('Close the case');
  });
  test('even without a response plan date', () => {
    expect(next(investigating({ reporterToldOutcome: d('2026-02-03') })).action).toBe('Close the case');
  });
});

describe('rule 11: Response plan sent → Tell reporter the outcome, plan + outcome-notice window', () => {
  const planned = investigating({ stage: 'Decision', outcome: 'Correction', responsePlanSent: d('2026-02-01') });
  test('default window', () => {
    expect(next(planned, '2026-01-30')).toEqual({ action: 'Tell reporter the outcome', due: '2026-02-04', status: 'On track' });
    expect(next(planned, '2026-02-02')).toEqual({ action: 'Tell reporter the outcome', due: '2026-02-04', status: 'Due soon' });
    expect(next(planned, '2026-02-05').status).toBe('Overdue');
  });
  test('changed window', () => {
    expect(next(planned, '2026-02-02', settingsWith({ outcomeNoticeWindowDays: 5 })).due).toBe('2026-02-06');
  });
  test('ends the update cadence even when an update is overdue', () => {
    expect(next(planned, '2026-03-30').action).toBe('Tell reporter the outcome');
  });
});

describe('rule 12: regular updates to every notified party', () => {
  // Reporter notified 01-12 → 01-26; reported party notified 01-13 → 01-27 (default 14 days).
  test('counted from the notification when no update was sent: earliest wins', () => {
    expect(next(investigating(), '2026-01-20')).toEqual({ action: 'Update reporter', due: '2026-01-26', status: 'On track' });
  });
  test('counted from the last update to that party', () => {
    expect(next(investigating({ lastUpdateToReporter: d('2026-01-20') }), '2026-01-20')).toEqual({
      action: 'Update reported party',
      due: '2026-01-27',
      status: 'On track',
    });
    expect(next(investigating({ lastUpdateToReporter: d('2026-01-25'), lastUpdateToReportedParty: d('2026-02-01') }), '2026-02-01')).toEqual({
      action: 'Update reporter',
      due: '2026-02-08',
      status: 'On track',
    });
  });
  test('Update both parties when both are due the same day', () => {
    expect(next(investigating({ lastUpdateToReporter: d('2026-01-13') }), '2026-01-20')).toEqual({
      action: 'Update both parties',
      due: '2026-01-27',
      status: 'On track',
    });
    expect(
      next(investigating({ lastUpdateToReporter: d('2026-02-01'), lastUpdateToReportedParty: d('2026-02-01') }), '2026-02-14'),
    ).toEqual({ action: 'Update both parties', due: '2026-02-15', status: 'Due soon' });
  });
  test('only the reporter when the reported party was not notified', () => {
    expect(next(investigating({ permission: 'No', reportedPartyNotified: null, lastUpdateToReporter: d('2026-02-01') }), '2026-02-20')).toEqual({
      action: 'Update reporter',
      due: '2026-02-15',
      status: 'Overdue',
    });
  });
  test('a notified reported party is owed updates even if permission now says No', () => {
    expect(next(investigating({ permission: 'No', lastUpdateToReporter: d('2026-01-20') })).action).toBe('Update reported party');
  });
  test('changed update interval', () => {
    expect(next(investigating(), '2026-01-15', settingsWith({ updateIntervalDays: 7 }))).toEqual({
      action: 'Update reporter',
      due: '2026-01-19',
      status: 'On track',
    });
  });
  test('Send response plan in Decision with an outcome, due the earliest update', () => {
    expect(next(investigating({ stage: 'Decision', outcome: 'Warning' }), '2026-01-20')).toEqual({
      action: 'Send response plan',
      due: '2026-01-26',
      status: 'On track',
    });
    expect(next(investigating({ stage: 'Decision', outcome: 'No action', lastUpdateToReporter: d('2026-01-20') }), '2026-01-26')).toEqual({
      action: 'Send response plan',
      due: '2026-01-27',
      status: 'Due soon',
    });
  });
  test('Decision without an outcome, or an outcome before Decision, still owes updates', () => {
    expect(next(investigating({ stage: 'Decision' })).action).toBe('Update reporter');
    expect(next(investigating({ stage: 'Investigating', outcome: 'Warning' })).action).toBe('Update reporter');
    expect(next(investigating({ stage: 'Sub-team formed' })).action).toBe('Update reporter');
  });
  test.each([
    ['2026-01-27', 'Overdue'],
    ['2026-02-20', 'Overdue'],
    ['2026-01-26', 'Due soon'],
    ['2026-01-24', 'Due soon'],
    ['2026-01-23', 'On track'],
  ])('status thresholds with the default window: today %s → %s', (today, status) => {
    expect(next(investigating(), today).status).toBe(status);
  });
  test.each([
    [0, '2026-01-26', 'Due soon'],
    [0, '2026-01-25', 'On track'],
    [7, '2026-01-19', 'Due soon'],
    [7, '2026-01-18', 'On track'],
    [7, '2026-01-27', 'Overdue'],
  ])('status thresholds with a due-soon window of %d days: today %s → %s', (dueSoonDays, today, status) => {
    expect(next(investigating(), today, settingsWith({ dueSoonDays })).status).toBe(status);
  });
});

// ---- Rows as getValues() returns them ---------------------------------------------

/** A user's tracker: aliases, another order, a column of their own, no `Closed` column. */
const USER_HEADERS = [
  'Case #',
  'Status',
  'Date received',
  'Reporter',
  'Reporter e-mail',
  'Our own notes column',
  'Permission',
  'First reply',
  'Sub team',
  'Sub-team formed on',
  'Reporter notified',
  'Respondent notified',
  'Last update to reporter',
  'Reported party last update',
  'Outcome',
  'Ban end date',
  'Response plan',
  'Reporter told',
  'Next action',
  'Next deadline',
  'Deadline status',
];
const USER_MAP = matchHeaders(USER_HEADERS).map;

type Cells = Partial<Record<ColumnName, string | { day: string }>>;
/** Builds the row a sheet in `tz` returns: {day} → a Date at local midnight, strings as typed. */
function sheetRow(cells: Cells, tz: string, map = USER_MAP, width = USER_HEADERS.length): unknown[] {
  const values: Partial<Record<ColumnName, unknown>> = {};
  for (const [name, v] of Object.entries(cells) as [ColumnName, Cells[ColumnName]][]) {
    values[name] = typeof v === 'object' ? startOfDay(d(v.day), tz) : v;
  }
  return rowFor(values, map, width);
}

describe('rows read from a sheet (real cell shapes, user headers), in both zones', () => {
  test('the user headers map the columns the engine needs', () => {
    expect(USER_MAP).toMatchObject({
      'Case ID': 0,
      Stage: 1,
      Received: 2,
      'Permission to notify reported party': 6,
      'First reply sent': 7,
      'Sub-team': 8,
      'Sub-team formed': 9,
      'Reported party notified': 11,
      'Last update to reported party': 13,
      'Outcome end date': 15,
      'Response plan sent': 16,
      'Reporter told outcome': 17,
      'Next deadline': 19,
    });
    expect(USER_MAP.Closed).toBeUndefined();
  });

  const base: Cells = {
    'Case ID': 'C-7',
    Stage: 'Investigating',
    Received: { day: '2026-03-01' },
    'Reporter name': 'Ana',
    'Permission to notify reported party': 'Yes',
    'First reply sent': { day: '2026-03-02' },
    'Sub-team': TEAM,
    'Sub-team formed': { day: '2026-03-05' },
  };

  const scenarios: [string, Cells, string, ReturnType<typeof show>][] = [
    [
      'reply due across the Auckland fall-back (2026-04-05)',
      { 'Case ID': 'C-1', Stage: 'Received', Received: { day: '2026-04-03' } },
      '2026-04-05',
      { action: 'Reply to reporter', due: '2026-04-06', status: 'Due soon' },
    ],
    [
      'assessment due across the Los Angeles spring-forward (2026-03-08), Received typed as text',
      { 'Case ID': 'C-2', Stage: 'Assessing', Received: '2026-03-06', 'First reply sent': { day: '2026-03-07' } },
      '2026-03-08',
      { action: 'Finish initial assessment', due: '2026-03-13', status: 'On track' },
    ],
    [
      'reporter notified on the DST day, reported party owed',
      { ...base, 'Reporter notified': { day: '2026-03-08' } },
      '2026-03-12',
      { action: 'Notify reported party', due: '2026-03-12', status: 'Due soon' },
    ],
    [
      'updates counted from dates on both sides of the DST change',
      {
        ...base,
        'Reporter notified': { day: '2026-03-08' },
        'Reported party notified': { day: '2026-03-09' },
        'Last update to reporter': { day: '2026-03-22' },
      },
      '2026-03-24',
      { action: 'Update reported party', due: '2026-03-23', status: 'Overdue' },
    ],
    [
      'a response plan sent on the Auckland fall-back day',
      {
        ...base,
        Stage: 'Decision',
        Outcome: 'Temporary ban',
        'Outcome end date': { day: '2026-10-25' },
        'Reporter notified': { day: '2026-03-08' },
        'Reported party notified': '2026-03-09',
        'Response plan sent': { day: '2026-04-05' },
      },
      '2026-04-06',
      { action: 'Tell reporter the outcome', due: '2026-04-08', status: 'Due soon' },
    ],
    [
      'reporter told the outcome',
      {
        ...base,
        Stage: 'Decision',
        Outcome: 'Warning',
        'Reporter notified': { day: '2026-03-08' },
        'Reported party notified': { day: '2026-03-09' },
        'Response plan sent': { day: '2026-03-28' },
        'Reporter told outcome': { day: '2026-03-29' },
      },
      '2026-03-29',
      { action: 'Close the case', due: '2026-03-29', status: 'Due soon' },
    ],
    [
      'sub-team emails compared case-insensitively',
      { ...base, 'Sub-team': 'ana@example.org, BO@example.org, Ana@Example.ORG' },
      '2026-03-12',
      { action: 'Sub-team needs three different members', due: null, status: 'Check data' },
    ],
    [
      'stray spaces around words are ignored',
      { ...base, Stage: ' Investigating ', 'Permission to notify reported party': ' No ' },
      '2026-03-06',
      { action: 'Notify reporter', due: '2026-03-12', status: 'On track' },
    ],
  ];

  test.each(scenarios)('%s', (_label, cells, today, expected) => {
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const result = show(deadlineForRow(sheetRow(cells, tz), USER_MAP, tz, d(today), defaultSettings()));
      expect({ tz, ...result }).toEqual({ tz, ...expected });
    }
  });

  test('the spreadsheet zone matters: a cell written in Auckland is the previous day in Los Angeles', () => {
    const row = sheetRow({ Stage: 'Received', Received: { day: '2026-04-03' } }, 'Pacific/Auckland');
    expect(readCase(row, USER_MAP, 'Pacific/Auckland').received).toBe(d('2026-04-03'));
    expect(readCase(row, USER_MAP, 'America/Los_Angeles').received).toBe(d('2026-04-02'));
    expect(show(deadlineForRow(row, USER_MAP, 'America/Los_Angeles', d('2026-04-05'), defaultSettings()))).toEqual({
      action: 'Reply to reporter',
      due: '2026-04-05',
      status: 'Due soon',
    });
  });

  test('a date cell with a time of day is still that calendar day', () => {
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const lateEvening = new Date(startOfDay(d('2026-04-03'), tz).getTime() + (23 * 60 + 30) * 60_000);
      const row = rowFor({ Stage: 'Received', Received: lateEvening }, USER_MAP, USER_HEADERS.length);
      expect(readCase(row, USER_MAP, tz).received).toBe(d('2026-04-03'));
    }
  });

  test('readCase reads every field', () => {
    const tz = 'Pacific/Auckland';
    const row = sheetRow(
      { ...base, 'Reporter notified': { day: '2026-03-08' }, Outcome: 'Warning', 'Reported party notified': 'oops' },
      tz,
    );
    expect(readCase(row, USER_MAP, tz)).toEqual({
      assessment: '',
      caseId: 'C-7',
      stage: 'Investigating',
      permission: 'Yes',
      subTeam: TEAM,
      outcome: 'Warning',
      received: d('2026-03-01'),
      firstReplySent: d('2026-03-02'),
      subTeamFormed: d('2026-03-05'),
      targetDecisionDate: null,
      reporterNotified: d('2026-03-08'),
      reportedPartyNotified: 'invalid',
      lastUpdateToReporter: null,
      lastUpdateToReportedParty: null,
      outcomeEndDate: null,
      responsePlanSent: null,
      reporterToldOutcome: null,
      closed: null,
      appealReceived: null,
      appealDecided: null,
      reporterToldAppealResult: null,
      reportedPartyToldAppealResult: null,
      expungeAfter: null,
      appealDecision: '',
      appealReviewers: '',
    });
  });

  test('a closed row (Closed column present in the canonical layout)', () => {
    const tz = 'America/Los_Angeles';
    const row = rowFor({ Received: dateCell('2026-01-05', tz), Stage: 'Closed', Closed: dateCell('2026-02-01', tz) });
    expect(show(deadlineForRow(row, matchHeaders(COLUMN_NAMES).map, tz, d('2026-03-01'), defaultSettings()))).toEqual(CLOSED);
  });
});

describe('blank rows', () => {
  const settings = defaultSettings();
  test('a wholly blank row is skipped (null)', () => {
    expect(deadlineForRow(rowFor({}, USER_MAP, USER_HEADERS.length), USER_MAP, 'UTC', d('2026-01-08'), settings)).toBeNull();
    expect(deadlineForRow([], USER_MAP, 'UTC', d('2026-01-08'), settings)).toBeNull();
  });
  test('whitespace-only cells count as blank', () => {
    const row = rowFor({ 'Case ID': '  ', Stage: ' ', Received: '\t' }, USER_MAP, USER_HEADERS.length);
    expect(deadlineForRow(row, USER_MAP, 'UTC', d('2026-01-08'), settings)).toBeNull();
  });
  test('stale computed cells or a user column alone do not make a row a case', () => {
    const row = rowFor({ 'Next action': 'Reply to reporter', 'Next deadline': new Date(0), 'Deadline status': 'Overdue' }, USER_MAP, USER_HEADERS.length);
    row[5] = 'a note in the user’s own column';
    expect(deadlineForRow(row, USER_MAP, 'UTC', d('2026-01-08'), settings)).toBeNull();
  });
  test('any input cell makes it a row to check', () => {
    expect(show(deadlineForRow(rowFor({ 'Case ID': 'C-9' }, USER_MAP, USER_HEADERS.length), USER_MAP, 'UTC', d('2026-01-08'), settings))).toEqual(
      checkData('Received is missing'),
    );
    expect(show(deadlineForRow(rowFor({ Stage: 'Received' }, USER_MAP, USER_HEADERS.length), USER_MAP, 'UTC', d('2026-01-08'), settings))).toEqual(
      checkData('Received is missing'),
    );
  });
});

describe('garbage rows → Check data with the reason, never a throw', () => {
  const tz = 'Pacific/Auckland';
  const good: Partial<Record<ColumnName, unknown>> = {
    'Case ID': 'C-1',
    Received: dateCell('2026-01-05', tz),
    Stage: 'Investigating',
    'Permission to notify reported party': 'Yes',
    'First reply sent': dateCell('2026-01-06', tz),
    'Sub-team': TEAM,
    'Sub-team formed': dateCell('2026-01-10', tz),
  };
  test.each<[string, Partial<Record<ColumnName, unknown>>, string]>([
    ['text in Received', { Received: 'last week' }, 'Received is not a date'],
    ['impossible Received', { Received: '2026-02-30' }, 'Received is not a date'],
    ['a number in Received', { Received: 46067 }, 'Received is not a date'],
    ['a boolean in Received', { Received: true }, 'Received is not a date'],
    ['an invalid Date in Received', { Received: new Date(NaN) }, 'Received is not a date'],
    ['unknown stage', { Stage: 'Pending' }, `Stage "Pending" is not one of ${STAGE_LIST}`],
    ['a number as stage', { Stage: 3 }, `Stage "3" is not one of ${STAGE_LIST}`],
    ['a date as stage', { Stage: dateCell('2026-02-14', tz) }, `Stage "2026-02-14" is not one of ${STAGE_LIST}`],
    ['text in First reply sent', { 'First reply sent': 'yes' }, 'First reply sent is not a date'],
    ['impossible Sub-team formed', { 'Sub-team formed': '2025-02-29' }, 'Sub-team formed is not a date'],
    ['text in Closed', { Closed: 'done' }, 'Closed is not a date'],
    ['a number as sub-team', { 'Sub-team': 42 }, 'Sub-team needs exactly three emails separated by commas (has 1)'],
    ['semicolons in sub-team', { 'Sub-team': 'a@x.org; b@x.org; c@x.org' }, 'Sub-team needs exactly three emails separated by commas (has 1)'],
    ['a boolean as permission', { 'Permission to notify reported party': true }, 'Permission to notify reported party "true" is not one of Yes, No, Not asked'],
    ['a number as outcome', { Outcome: 5 }, 'Outcome "5" is not one of Correction, Warning, Temporary ban, Permanent ban, No action'],
  ])('%s', (_label, bad, reason) => {
    const row = rowFor({ ...good, ...bad });
    expect(show(deadlineForRow(row, matchHeaders(COLUMN_NAMES).map, tz, d('2026-01-20'), defaultSettings()))).toEqual(checkData(reason));
  });

  test('the good row itself is fine', () => {
    expect(show(deadlineForRow(rowFor(good), matchHeaders(COLUMN_NAMES).map, tz, d('2026-01-12'), defaultSettings()))).toEqual({
      action: 'Notify both parties',
      due: '2026-01-17',
      status: 'On track',
    });
  });

  test('random garbage in every column never throws, and every Check data names a column', () => {
    const map = matchHeaders(COLUMN_NAMES).map;
    const pool: unknown[] = [
      '', ' ', 'x', '=A1', '2026-02-30', '2026-02-14', '2026-13-01', 0, -1, 46067, 3.5, NaN, Infinity, true, false,
      null, undefined, {}, [], new Date(NaN), dateCell('2026-02-14', tz), dateCell('2026-03-01', tz), new Date(-8.64e15),
      ...STAGES, ...OUTCOMES, ...PERMISSIONS, TEAM, 'a@b.co', 'A@B.CO, a@b.co, c@d.ef', 'x'.repeat(5000),
    ];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const seen = new Set<string>();
    // Half the rows are of cases never appealed nor given an expunge date (those columns blank), so that some are plainly closed.
    const afterClose = new Set<string>(['Appeal received', 'Appealed by', 'Appeal reviewers', 'Appeal decision', 'Appeal decided', 'Reporter told appeal result', 'Reported party told appeal result', 'Expunge after']);
    for (let i = 0; i < 4000; i++) {
      const row = COLUMN_NAMES.map((name) => (random() < 0.4 || (i % 2 === 0 && afterClose.has(name)) ? '' : pool[Math.floor(random() * pool.length)]));
      const result = deadlineForRow(row, map, tz, d('2026-02-01'), defaultSettings());
      if (result === null) continue;
      seen.add(result.status);
      expect(STATUSES).toContain(result.status);
      if (result.status === 'Check data') {
        expect(result.due).toBeNull();
        expect(COLUMN_NAMES.some((c) => result.action.startsWith(c))).toBe(true);
      } else if (result.status === 'Closed') {
        expect(result).toEqual({ action: '', due: null, status: 'Closed' });
      } else {
        expect(Number.isInteger(result.due)).toBe(true);
        expect(result.action).not.toBe('');
      }
    }
    expect(seen.has('Check data')).toBe(true);
    expect(seen.has('Closed')).toBe(true);
  });
});

describe('after the decision: an appeal', () => {
  const closedWarning = (extra: Partial<CaseRecord> = {}) =>
    investigating({
      stage: 'Closed',
      outcome: 'Warning',
      responsePlanSent: d('2026-02-01'),
      reporterToldOutcome: d('2026-02-02'),
      closed: d('2026-02-03'),
      ...extra,
    });
  test('a closed case owes nothing until an appeal comes', () => {
    expect(next(closedWarning(), '2026-02-10')).toEqual(CLOSED);
  });
  test('an open appeal owes its review within the review window, even on a closed case, with the usual statuses', () => {
    const appealed = closedWarning({ appealReceived: d('2026-02-20'), appealReviewers: 'di@x.example, ed@x.example, fi@x.example' });
    expect(next(appealed, '2026-02-21')).toEqual({ action: 'Review appeal', due: '2026-03-06', status: 'On track' });
    expect(next(appealed, '2026-03-05')).toEqual({ action: 'Review appeal', due: '2026-03-06', status: 'Due soon' });
    expect(next(appealed, '2026-03-07')).toEqual({ action: 'Review appeal', due: '2026-03-06', status: 'Overdue' });
    expect(next(appealed, '2026-02-21', settingsWith({ appealReviewWindowDays: 7 }))).toMatchObject({ due: '2026-02-27' });
  });
  test('decided: each party is told the result within the outcome-notice window; then nothing is owed', () => {
    const decided = closedWarning({
      appealReceived: d('2026-02-20'),
      appealReviewers: 'di@x.example, ed@x.example, fi@x.example',
      appealDecision: 'Upheld',
      appealDecided: d('2026-03-01'),
    });
    expect(next(decided, '2026-03-02')).toEqual({ action: 'Tell both parties the appeal result', due: '2026-03-04', status: 'Due soon' });
    expect(next({ ...decided, reporterToldAppealResult: d('2026-03-02') }, '2026-03-02')).toMatchObject({ action: 'Tell reported party the appeal result' });
    expect(next({ ...decided, reporterToldAppealResult: d('2026-03-02'), reportedPartyToldAppealResult: d('2026-03-02') }, '2026-03-05')).toEqual(CLOSED);
  });
  test('an open appeal without reviewers, or a date that is no date, is Check data', () => {
    expect(next(closedWarning({ appealReceived: d('2026-02-20') }), '2026-02-21')).toEqual(checkData('Appeal reviewers is missing'));
    expect(next(closedWarning({ appealReceived: 'invalid' }), '2026-02-21')).toEqual(checkData('Appeal received is not a date'));
    expect(next(closedWarning({ expungeAfter: 'invalid' }), '2026-02-21')).toEqual(checkData('Expunge after is not a date'));
    expect(next(closedWarning({ appealDecision: 'Maybe' }), '2026-02-21')).toEqual(checkData('Appeal decision "Maybe" is not one of Upheld, Changed, Withdrawn'));
  });
});
