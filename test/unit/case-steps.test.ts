import {
  allowedSteps,
  applyCells,
  cleanFields,
  planStep,
  preselectTemplate,
  stepViews,
  type PanelCase,
  type StepFields,
  type StepId,
} from '../../src/core/case-steps';
import { buildPanelView } from '../../src/core/case-panel-view';
import { caseTimeline } from '../../src/core/case-timeline';
import { computeDeadline } from '../../src/core/deadlines';
import { defaultSettings } from '../../src/core/settings';
import { PROCESS } from '../../src/core/process';
import type { RosterMember } from '../../src/core/subteam';
import { day, TODAY, settings, rosterMember, roster, ctx, makeCase, TEAM, investigating, ok, refused } from './panel-fixtures';

describe('which steps a stage allows', () => {
  test.each([
    ['Received', {}, ['firstReply', 'assessment', 'conflicts']],
    ['Received', { firstReplySent: day('2026-03-02') }, ['assessment', 'permission', 'conflicts']],
    ['Assessing', {}, ['firstReply', 'assessment', 'subTeam', 'conflicts']],
    ['Not a violation', { firstReplySent: day('2026-03-02') }, ['assessment', 'close']],
    ['Sub-team formed', { subTeam: TEAM, subTeamFormed: day('2026-03-05') }, ['notifyReporter', 'notifyReportedParty', 'replaceMember', 'conflicts']],
    ['Sub-team formed', { subTeam: TEAM, permission: 'No' }, ['notifyReporter', 'replaceMember', 'conflicts']],
    ['Investigating', { subTeam: TEAM, reporterNotified: day('2026-03-06') }, ['notifyReportedParty', 'updateReporter', 'decision', 'close', 'replaceMember', 'conflicts']],
    [
      'Investigating',
      { subTeam: TEAM, reporterNotified: day('2026-03-06'), reportedPartyNotified: day('2026-03-07') },
      ['updateReporter', 'updateReportedParty', 'decision', 'close', 'replaceMember', 'conflicts'],
    ],
    ['Decision', { subTeam: TEAM }, ['updateReporter', 'decision', 'responsePlan', 'reporterToldOutcome', 'close', 'replaceMember', 'conflicts']],
    ['Decision', { subTeam: TEAM, responsePlanSent: day('2026-03-15') }, ['reporterToldOutcome', 'close', 'replaceMember', 'conflicts']],
    ['Closed', { closed: day('2026-03-15') }, []],
    ['Investigating', { closed: day('2026-03-15') }, []],
    ['Waiting', {}, []],
  ] as [string, Partial<PanelCase>, StepId[]][])('%s, case %#', (stage, extra, steps) => {
    expect(allowedSteps(makeCase({ stage, ...extra }))).toEqual(steps);
  });

  test('a row with a bad date offers nothing and says why', () => {
    const c = makeCase({ received: 'invalid' });
    expect(allowedSteps(c)).toEqual([]);
    expect(refused('firstReply', c, { date: '2026-03-02' })).toBe('Cannot record first reply: Received is not a date; fix the row first.');
  });

  test('a step the stage does not allow is refused, saying why', () => {
    expect(refused('close', makeCase(), { date: '2026-03-05' })).toBe('Cannot close the case: not a step for a case at stage Received.');
    expect(refused('firstReply', makeCase({ stage: 'Assessing', firstReplySent: day('2026-03-02') }), { date: '2026-03-03' })).toBe(
      'Cannot record first reply: not a step for a case at stage Assessing (First reply sent is already 2026-03-02).',
    );
    expect(refused('close', makeCase({ stage: 'Closed', closed: day('2026-03-10') }), { date: '2026-03-12' })).toBe(
      'Cannot close the case: the case is closed.',
    );
  });
});

describe('the cells each step writes', () => {
  test('record first reply', () => {
    expect(ok('firstReply', makeCase(), { date: '2026-03-02' })).toEqual({
      ok: true,
      cells: { 'First reply sent': day('2026-03-02') },
      action: 'Record first reply',
      detail: '',
    });
  });

  test('record assessment', () => {
    // Kept in Assessment too, so a closed case still says why it closed.
    expect(ok('assessment', makeCase(), { assessment: 'Not a violation' }).cells).toEqual({ Stage: 'Not a violation', Assessment: 'Not a violation' });
    expect(ok('assessment', makeCase(), { assessment: 'Possible violation' })).toMatchObject({
      cells: { Stage: 'Assessing', Assessment: 'Possible violation' },
      detail: 'Possible violation',
    });
    expect(refused('assessment', makeCase(), { assessment: 'Maybe' })).toBe(
      'Cannot record assessment: Assessment must be Possible violation or Not a violation.',
    );
  });

  test('record sub-team: three distinct roster emails, formed date, stage, channel', () => {
    const c = makeCase({ stage: 'Assessing', firstReplySent: day('2026-03-02') });
    expect(ok('subTeam', c, { members: 'ANA@irt.example, bo@irt.example,cy@irt.example', date: '2026-03-05', channel: '#case-001' }).cells).toEqual({
      Stage: 'Sub-team formed',
      'Sub-team': TEAM,
      'Sub-team formed': day('2026-03-05'),
      Channel: '#case-001',
    });
    expect(ok('subTeam', c, { members: TEAM, date: '2026-03-05' }).cells).not.toHaveProperty('Channel');
    expect(refused('subTeam', c, { members: 'ana@irt.example, bo@irt.example', date: '2026-03-05' })).toBe(
      'Cannot record sub-team: Sub-team needs exactly three emails separated by commas (has 2).',
    );
    expect(refused('subTeam', c, { members: 'ana@irt.example, ANA@irt.example, bo@irt.example', date: '2026-03-05' })).toBe(
      'Cannot record sub-team: Sub-team needs three different members.',
    );
    expect(refused('subTeam', c, { members: 'ana@irt.example, bo@irt.example, zed@irt.example', date: '2026-03-05' })).toBe(
      'Cannot record sub-team: zed@irt.example is not on the Roster.',
    );
    expect(refused('subTeam', c, { members: 'ana@irt.example, bo@irt.example, ed@irt.example', date: '2026-03-05' })).toBe(
      'Cannot record sub-team: Ed (ed@irt.example) cannot join: not available (Available is No).',
    );
    expect(refused('subTeam', { ...c, conflicts: 'Bo' }, { members: TEAM, date: '2026-03-05' })).toBe(
      'Cannot record sub-team: Bo (bo@irt.example) cannot join: listed in this case’s Conflicts.',
    );
    expect(refused('subTeam', makeCase({ stage: 'Assessing' }), { members: TEAM, date: '2026-03-05' })).toBe(
      'Cannot record sub-team: First reply sent is missing.',
    );
  });

  test('record each party notified: the reported party only with permission; Investigating once the reporter is told', () => {
    const formed = makeCase({ stage: 'Sub-team formed', firstReplySent: day('2026-03-02'), subTeam: TEAM, subTeamFormed: day('2026-03-05') });
    expect(ok('notifyReporter', formed, { date: '2026-03-06', permission: 'Not asked' }).cells).toEqual({
      'Reporter notified': day('2026-03-06'),
      Stage: 'Investigating',
    });
    expect(ok('notifyReporter', formed, { date: '2026-03-06', permission: 'Yes' }).cells).toEqual({
      'Reporter notified': day('2026-03-06'),
      'Permission to notify reported party': 'Yes',
      Stage: 'Investigating',
    });
    // The refusal names the step that records the reporter's answer.
    expect(refused('notifyReportedParty', formed, { date: '2026-03-06' })).toBe(
      'Cannot record reported party notified: the reporter’s permission (Permission to notify reported party must be Yes) is missing: record the reporter’s answer with “Record reporter’s permission” first.',
    );
    expect(ok('notifyReportedParty', { ...formed, permission: 'Yes' }, { date: '2026-03-06' }).cells).toEqual({
      'Reported party notified': day('2026-03-06'),
    });
    expect(refused('notifyReporter', formed, { date: '2026-03-04' })).toBe(
      'Cannot record reporter notified: the date cannot be before Sub-team formed (2026-03-05).',
    );
    expect(refused('notifyReporter', { ...formed, subTeamFormed: null }, { date: '2026-03-06' })).toBe(
      'Cannot record reporter notified: Sub-team formed is missing.',
    );
  });

  test('record an update to each party', () => {
    const c = investigating({ permission: 'Yes', reportedPartyNotified: day('2026-03-07'), lastUpdateToReporter: day('2026-03-10') });
    expect(ok('updateReporter', c, { date: '2026-03-19' }).cells).toEqual({ 'Last update to reporter': day('2026-03-19') });
    expect(ok('updateReportedParty', c, { date: '2026-03-19' }).cells).toEqual({ 'Last update to reported party': day('2026-03-19') });
    expect(refused('updateReporter', c, { date: '2026-03-09' })).toBe(
      'Cannot record update to reporter: the date cannot be before Last update to reporter (2026-03-10).',
    );
    expect(refused('updateReporter', c, { date: '2026-03-21' })).toBe(
      'Cannot record update to reporter: the date cannot be after today (2026-03-20).',
    );
    expect(refused('updateReporter', c, { date: '2026-02-30' })).toBe('Cannot record update to reporter: "2026-02-30" is not a real date (yyyy-mm-dd).');
    expect(refused('updateReporter', c, {})).toBe('Cannot record update to reporter: the date is required.');
    expect(refused('updateReporter', c, { date: '2026-03-19', permission: 'No' })).toBe(
      'Cannot record update to reporter: The reported party was already notified, so the permission stays Yes.',
    );
  });

  test('record the decision: outcome, end date for a temporary ban, findings; stage Decision', () => {
    const c = investigating();
    const asked = 'Step away from the organizer role';
    expect(ok('decision', c, { outcome: 'Warning', requestedAction: asked, findings: 'Happened as reported.' })).toMatchObject({
      cells: { Stage: 'Decision', Outcome: 'Warning', 'Requested action': asked, Findings: 'Happened as reported.' },
      detail: 'Warning',
    });
    expect(ok('decision', c, { outcome: 'Temporary ban', endDate: '2026-06-30', requestedAction: asked, findings: 'x' }).cells).toEqual({
      Stage: 'Decision',
      Outcome: 'Temporary ban',
      'Outcome end date': day('2026-06-30'),
      'Requested action': asked,
      Findings: 'x',
    });
    expect(refused('decision', c, { outcome: 'Temporary ban', requestedAction: asked, findings: 'x' })).toBe(
      'Cannot record decision: A temporary ban needs its end date.',
    );
    // A correction or a warning may have an end date; a permanent ban or no action none.
    expect(ok('decision', c, { outcome: 'Warning', endDate: '2026-06-30', requestedAction: asked, findings: 'x' }).cells).toMatchObject({
      'Outcome end date': day('2026-06-30'),
    });
    expect(refused('decision', c, { outcome: 'Permanent ban', endDate: '2026-06-30', requestedAction: asked, findings: 'x' })).toBe(
      'Cannot record decision: The outcome Permanent ban has no end date: leave End date empty.',
    );
    expect(refused('decision', c, { outcome: 'No action', endDate: '2026-06-30', findings: 'x' })).toBe(
      'Cannot record decision: The outcome No action has no end date: leave End date empty.',
    );
    // The requested action is what the response plan asks: needed for every outcome but no action.
    expect(refused('decision', c, { outcome: 'Correction', findings: 'x' })).toBe(
      'Cannot record decision: Requested action is required for a correction: say what the reported party is asked to do.',
    );
    expect(ok('decision', c, { outcome: 'No action', findings: 'x' }).cells).toEqual({ Stage: 'Decision', Outcome: 'No action', Findings: 'x' });
    expect(ok('decision', c, { outcome: 'Warning', requestedAction: asked, behaviourDescription: 'Insults in a thread', findings: 'x' }).cells)
      .toMatchObject({ 'Behaviour description': 'Insults in a thread' });
    expect(refused('decision', c, { outcome: 'Warning', requestedAction: asked })).toBe('Cannot record decision: Findings are required.');
    expect(refused('decision', c, { outcome: 'Banishment', findings: 'x' })).toBe(
      'Cannot record decision: Outcome must be one of Correction, Warning, Temporary ban, Permanent ban, No action.',
    );
    // Revising: findings kept when left empty, a stale end date cleared.
    const decided = investigating({ stage: 'Decision', outcome: 'Temporary ban', outcomeEndDate: day('2026-06-30'), requestedAction: asked, findings: 'old' });
    expect(ok('decision', decided, { outcome: 'Warning', requestedAction: asked }).cells).toEqual({
      Stage: 'Decision',
      Outcome: 'Warning',
      'Outcome end date': null,
      'Requested action': asked,
    });
  });

  test('response plan, outcome notice, close', () => {
    const decided = investigating({ stage: 'Decision', outcome: 'Warning', findings: 'f' });
    expect(ok('responsePlan', decided, { date: '2026-03-16' }).cells).toEqual({ 'Response plan sent': day('2026-03-16') });
    expect(refused('responsePlan', { ...decided, findings: '' }, { date: '2026-03-16' })).toBe(
      'Cannot record response plan sent: Findings is missing.',
    );
    expect(refused('responsePlan', { ...decided, outcome: 'Temporary ban' }, { date: '2026-03-16' })).toBe(
      'Cannot record response plan sent: Outcome end date is missing.',
    );
    expect(refused('reporterToldOutcome', decided, { date: '2026-03-16' })).toBe(
      'Cannot record reporter told of outcome: Response plan sent is missing.',
    );
    const planned = { ...decided, responsePlanSent: day('2026-03-16') };
    expect(ok('reporterToldOutcome', planned, { date: '2026-03-17' }).cells).toEqual({ 'Reporter told outcome': day('2026-03-17') });
    expect(refused('reporterToldOutcome', planned, { date: '2026-03-15' })).toBe(
      'Cannot record reporter told of outcome: the date cannot be before Response plan sent (2026-03-16).',
    );
    const told = { ...planned, reporterToldOutcome: day('2026-03-17') };
    expect(ok('close', told, { date: '2026-03-18' }).cells).toEqual({ Stage: 'Closed', Closed: day('2026-03-18') });
  });

  test('closing a possible violation needs an outcome, findings and the outcome notice date', () => {
    expect(refused('close', investigating(), { date: '2026-03-18' })).toBe(
      'Cannot close the case: Outcome, Findings and Reporter told outcome (the outcome notice date) are missing.',
    );
  });

  test('closing a not-a-violation needs the first reply', () => {
    const c = makeCase({ stage: 'Not a violation' });
    expect(refused('close', c, { date: '2026-03-05' })).toBe('Cannot close the case: First reply sent is missing.');
    expect(ok('close', { ...c, firstReplySent: day('2026-03-02') }, { date: '2026-03-05' }).cells).toEqual({
      Stage: 'Closed',
      Closed: day('2026-03-05'),
    });
  });

  test('replace a sub-team member keeps the other two in place and the formed date', () => {
    const c = investigating();
    const replaced = ok('replaceMember', c, { outgoing: 'BO@irt.example', incoming: 'DI@irt.example' });
    expect(replaced.cells).toEqual({ 'Sub-team': 'ana@irt.example, di@irt.example, cy@irt.example' });
    // The Log says who left and who joined (as the Sub-team and the Roster spell them).
    expect(replaced).toMatchObject({ action: 'Replace a sub-team member', detail: 'bo@irt.example left; di@irt.example joined' });
    expect(refused('replaceMember', c, { outgoing: 'bo@irt.example', incoming: 'ed@irt.example' })).toBe(
      'Cannot replace a sub-team member: Ed (ed@irt.example) cannot join: not available (Available is No).',
    );
    expect(refused('replaceMember', c, { outgoing: 'bo@irt.example', incoming: 'cy@irt.example' })).toBe(
      'Cannot replace a sub-team member: cy@irt.example is already on the sub-team.',
    );
    expect(refused('replaceMember', c, { outgoing: 'di@irt.example', incoming: 'ed@irt.example' })).toBe(
      'Cannot replace a sub-team member: di@irt.example is not on this case’s sub-team.',
    );
  });

  test('a party of the case never sits on its sub-team: by email in any form, or by Roster name, and is not named', () => {
    const c = makeCase({ stage: 'Assessing', firstReplySent: day('2026-03-02') });
    expect(refused('subTeam', { ...c, reporterEmail: 'Bo B. <BO@irt.example>' }, { members: TEAM, date: '2026-03-05' })).toBe(
      'Cannot record sub-team: member 2 is the reporter of this case, and a party never sits on their own case’s sub-team.',
    );
    expect(refused('subTeam', { ...c, reportedPartyEmail: 'mailto:cy@irt.example' }, { members: TEAM, date: '2026-03-05' })).toBe(
      'Cannot record sub-team: member 3 is the reported party of this case, and a party never sits on their own case’s sub-team.',
    );
    expect(refused('subTeam', { ...c, reportedPartyName: '  ana ' }, { members: TEAM, date: '2026-03-05' })).toBe(
      'Cannot record sub-team: member 1 is the reported party of this case, and a party never sits on their own case’s sub-team.',
    );
    // Another person's name or address is no obstacle.
    expect(ok('subTeam', { ...c, reporterName: 'Anabel', reporterEmail: 'ana@parties.example' }, { members: TEAM, date: '2026-03-05' }).ok).toBe(true);
    expect(refused('replaceMember', investigating({ reporterName: 'Di' }), { outgoing: 'bo@irt.example', incoming: 'di@irt.example' })).toBe(
      'Cannot replace a sub-team member: the new member is the reporter of this case, and a party never sits on their own case’s sub-team.',
    );
  });

  test('record conflicts: any time a sub-team may still change; cleared by emptying; an unchanged cell is refused', () => {
    const c = investigating({ conflicts: 'Di' });
    const recorded = ok('conflicts', c, { conflicts: '  Di, ed@irt.example ' });
    // The cell is confidential: the Log line says only that conflicts were recorded.
    expect(recorded).toEqual({ ok: true, cells: { Conflicts: 'Di, ed@irt.example' }, action: 'Record conflicts', detail: '' });
    expect(ok('conflicts', c, { conflicts: '' }).cells).toEqual({ Conflicts: null });
    expect(refused('conflicts', c, { conflicts: 'Di' })).toBe('Cannot record conflicts: Conflicts are unchanged.');
    expect(refused('conflicts', makeCase({ stage: 'Not a violation' }), { conflicts: 'Di' })).toBe(
      'Cannot record conflicts: not a step for a case at stage Not a violation.',
    );
    // Recorded conflicts rule the member out of the next sub-team step.
    expect(refused('replaceMember', applyCells(c, recorded.cells), { outgoing: 'bo@irt.example', incoming: 'ED@irt.example' })).toBe(
      'Cannot replace a sub-team member: Ed (ed@irt.example) cannot join: listed in this case’s Conflicts.',
    );
  });

  test('dates before receipt are refused', () => {
    expect(refused('firstReply', makeCase(), { date: '2026-02-28' })).toBe(
      'Cannot record first reply: the date cannot be before Received (2026-03-01).',
    );
  });
});

describe('walking a case from Received to Closed', () => {
  test('each step moves the deadline engine on', () => {
    let c = makeCase({ permission: 'Yes' });
    const walk: [StepId, StepFields, string][] = [
      ['firstReply', { date: '2026-03-02' }, 'Finish initial assessment'],
      // Found a possible violation: the sub-team is formed next (issue 10), within the assessment window.
      ['assessment', { assessment: 'Possible violation' }, 'Form sub-team'],
      ['subTeam', { members: TEAM, date: '2026-03-05' }, 'Notify both parties'],
      ['notifyReporter', { date: '2026-03-06' }, 'Notify reported party'],
      ['notifyReportedParty', { date: '2026-03-07' }, 'Update reporter'],
      ['updateReporter', { date: '2026-03-12' }, 'Update reported party'],
      ['updateReportedParty', { date: '2026-03-12' }, 'Update both parties'],
      ['decision', { outcome: 'Temporary ban', endDate: '2026-09-01', requestedAction: 'Stay away', findings: 'f' }, 'Send response plan'],
      ['responsePlan', { date: '2026-03-16' }, 'Tell reporter the outcome'],
      ['reporterToldOutcome', { date: '2026-03-17' }, 'Close the case'],
      ['close', { date: '2026-03-18' }, ''],
    ];
    for (const [id, fields, next] of walk) {
      expect(allowedSteps(c)).toContain(id);
      c = applyCells(c, ok(id, c, fields).cells);
      expect(computeDeadline(c, TODAY, settings).action).toBe(next);
    }
    expect(c.stage).toBe('Closed');
    expect(computeDeadline(c, TODAY, settings).status).toBe('Closed');
  });
});

describe('step views', () => {
  test('each offered step has its fields, a date defaulting to today, its template and what it lacks', () => {
    const views = stepViews(investigating(), TODAY);
    const update = views.find((v) => v.id === 'updateReporter');
    expect(update).toMatchObject({ label: 'Record update to reporter', template: 'Update to reporter', missing: null });
    expect(update?.fields[0]).toMatchObject({ name: 'date', type: 'date', value: '2026-03-20', required: true });
    expect(views.find((v) => v.id === 'close')?.missing).toBe(
      'Outcome, Findings and Reporter told outcome (the outcome notice date) are missing',
    );
    const notify = views.find((v) => v.id === 'notifyReportedParty');
    expect(notify?.missing).toBe('the reporter’s permission (Permission to notify reported party must be Yes) is missing');
    expect(stepViews(makeCase({ stage: 'Not a violation', firstReplySent: 1 }), TODAY).find((v) => v.id === 'close')?.template).toBe(
      'Not a violation',
    );
  });
});

test('no field label says “optional” itself: the panel marks every field that is not required (it read “(optional) (optional)”)', () => {
  const labels = stepViews(investigating(), TODAY).flatMap((v) => v.fields.map((f) => f.label));
  expect(labels).toContain('Behaviour description');
  expect(labels.filter((label) => /optional/i.test(label))).toEqual([]);
});

describe('the draft dialog’s preselected template', () => {
  // Each choice as the dialog gets it: the date column its Step fills says which saved reply it is.
  const choices = [
    { name: 'Acknowledgement (short)', fits: false, sentColumn: 'First reply sent' as const },
    { name: 'Acknowledgement', fits: true, sentColumn: 'First reply sent' as const },
    { name: 'Response plan: warning', fits: false, sentColumn: 'Response plan sent' as const },
    { name: 'Response plan: temporary ban', fits: true, sentColumn: 'Response plan sent' as const },
    { name: 'Outcome notice', fits: false, sentColumn: 'Reporter told outcome' as const },
  ];
  test('the template of that name, else the first of that kind fitting the case, else none', () => {
    expect(preselectTemplate(choices, 'Acknowledgement')).toBe('Acknowledgement');
    expect(preselectTemplate(choices, 'outcome  NOTICE')).toBe('Outcome notice');
    // The panel asks for the process's name of the saved reply; the team's rows of that Step answer.
    const plan = PROCESS.templateStep('responsePlan').name;
    expect(preselectTemplate(choices, plan)).toBe('Response plan: temporary ban');
    expect(preselectTemplate(choices.filter((c) => !c.fits), plan)).toBe('Response plan: warning');
    expect(preselectTemplate(choices, 'Next steps to reporter')).toBeNull();
    for (const wanted of [null, undefined, '', '  ', 42, { name: 'Acknowledgement' }]) expect(preselectTemplate(choices, wanted)).toBeNull();
  });
});

describe('what the panel says before a step (issue 10)', () => {
  const away = (name: string, extra: Partial<RosterMember>) => rosterMember(name, 'Europe/Paris', extra);
  const view = (c: PanelCase, members = roster) => buildPanelView(c, 'v', TODAY, settings, undefined, members);

  test('a sub-team member unavailable today: named, and Replace a sub-team member offered first', () => {
    const c = investigating();
    const members = [away('Ana', { available: false }), rosterMember('Bo'), away('Cy', { unavailableUntil: day('2026-03-25') })];
    const v = view(c, members);
    expect(v.unavailableMembers).toEqual([
      { email: 'ana@irt.example', name: 'Ana', why: 'not available (Available is No)' },
      { email: 'cy@irt.example', name: 'Cy', why: 'unavailable until 2026-03-25' },
    ]);
    expect(v.steps[0].id).toBe('replaceMember');
    expect(v.notices.slice(0, 2)).toEqual([
      'Ana is not available (Available is No): replace them with “Replace a sub-team member”.',
      'Cy is unavailable until 2026-03-25: replace them with “Replace a sub-team member”.',
    ]);
    // Back from leave (the day after Unavailable until), or a closed case: nothing to say.
    expect(view(c, [rosterMember('Ana'), rosterMember('Bo'), away('Cy', { unavailableUntil: day('2026-03-19') })]).unavailableMembers).toEqual([]);
    expect(view({ ...c, stage: 'Closed', closed: day('2026-03-19') }, members).unavailableMembers).toEqual([]);
    expect(view(c).steps[0].id).not.toBe('replaceMember');
  });

  test('the reported party’s notification waits for the permission while it is Not asked', () => {
    const waiting = 'The reported party’s notification waits for the reporter’s permission (Not asked): no deadline runs on it until it is Yes. Record the answer with “Record reporter’s permission”.';
    expect(view(investigating({ permission: 'Not asked' })).notices).toEqual([waiting]);
    expect(view(investigating({ permission: 'No' })).notices).toEqual([]);
    expect(view(investigating({ permission: 'Yes' })).notices).toEqual([]);
    expect(view(investigating({ permission: 'Not asked', outcome: 'Warning' })).notices).toEqual([]);
    const no = caseTimeline(investigating({ permission: 'No' }), TODAY, settings).find((i) => i.label === 'Reported party notified');
    expect(no).toEqual({ label: 'Reported party notified', date: null, due: null, state: 'not needed', note: 'Only with the reporter’s permission (No)' });
  });

  test('the target decision date: shown, and said once it passed without a decision', () => {
    const c = investigating({ targetDecisionDate: day('2026-03-18'), permission: 'No' });
    expect(view(c)).toMatchObject({ targetDecisionDate: '2026-03-18', notices: ['Target decision date passed without a decision (2026-03-18).'] });
    expect(view({ ...c, targetDecisionDate: day('2026-03-20') }).notices).toEqual([]);
    expect(view({ ...c, outcome: 'Warning', stage: 'Decision' }).notices).toEqual([]);
    expect(view(investigating()).targetDecisionDate).toBeNull();
  });

  test('the sub-team step records the target date, never before the sub-team is formed', () => {
    const c = makeCase({ stage: 'Assessing', firstReplySent: day('2026-03-02') });
    expect(ok('subTeam', c, { members: TEAM, date: '2026-03-05', targetDate: '2026-04-15' }).cells['Target decision date']).toBe(day('2026-04-15'));
    expect(ok('subTeam', c, { members: TEAM, date: '2026-03-05' }).cells).not.toHaveProperty('Target decision date');
    expect(refused('subTeam', c, { members: TEAM, date: '2026-03-05', targetDate: '2026-03-04' })).toBe(
      'Cannot record sub-team: Target decision date cannot be before the sub-team is formed.',
    );
    expect(refused('subTeam', c, { members: TEAM, date: '2026-03-05', targetDate: '2026-02-30' })).toBe(
      'Cannot record sub-team: Target decision date "2026-02-30" is not a real date (yyyy-mm-dd).',
    );
  });

  test('the permission step: Yes or No, from the first reply until the reported party is notified or the case decided', () => {
    expect(allowedSteps(makeCase())).not.toContain('permission');
    expect(allowedSteps(makeCase({ firstReplySent: day('2026-03-02') }))).toContain('permission');
    expect(ok('permission', investigating(), { permission: 'Yes' }).cells).toEqual({ 'Permission to notify reported party': 'Yes' });
    expect(refused('permission', investigating({ permission: 'No' }), { permission: 'No' })).toBe('Cannot record reporter’s permission: Permission is already No.');
    expect(allowedSteps(investigating({ reportedPartyNotified: day('2026-03-07'), permission: 'Yes' }))).not.toContain('permission');
    expect(allowedSteps(investigating({ stage: 'Decision', outcome: 'Warning' }))).not.toContain('permission');
    expect(allowedSteps(makeCase({ stage: 'Not a violation', firstReplySent: day('2026-03-02') }))).not.toContain('permission');
  });
});

describe('cleanFields', () => {
  test('keeps known string fields only', () => {
    expect(cleanFields({ date: '2026-03-02', outcome: 'Warning', extra: 'x', findings: undefined, channel: null })).toEqual({
      ok: true,
      fields: { date: '2026-03-02', outcome: 'Warning' },
    });
    expect(cleanFields(undefined)).toEqual({ ok: true, fields: {} });
  });

  test('refuses anything but strings', () => {
    expect(cleanFields({ date: 20260302 })).toEqual({ ok: false, message: 'The field date must be text' });
    expect(cleanFields(['2026-03-02'])).toEqual({ ok: false, message: 'The step’s fields must be an object' });
    expect(cleanFields('date')).toEqual({ ok: false, message: 'The step’s fields must be an object' });
    expect(cleanFields({ findings: 'x'.repeat(50_000) })).toEqual({ ok: false, message: 'The field findings is longer than 49999 characters' });
  });
});

describe('after the decision: the expunge date and the appeal', () => {
  const settings = defaultSettings();
  const decided = (extra: Partial<PanelCase> = {}) =>
    investigating({
      stage: 'Decision',
      outcome: 'Warning',
      findings: 'Fictional findings.',
      requestedAction: 'Step back.',
      responsePlanSent: day('2026-03-10'),
      reporterToldOutcome: day('2026-03-11'),
      ...extra,
    });
  const withSettings = { ...ctx, settings };

  test('closing sets Expunge after from the team’s rule, or the date typed (not before closing)', () => {
    const close = (c: PanelCase, fields: StepFields) => planStep('close', c, fields, withSettings);
    expect(close(decided(), { date: '2026-03-20' })).toMatchObject({ ok: true, cells: { Stage: 'Closed', Closed: day('2026-03-20'), 'Expunge after': day('2027-03-20') } });
    expect(close(decided({ outcome: 'Permanent ban' }), { date: '2026-03-20' })).toMatchObject({ ok: true, cells: { 'Expunge after': null } });
    expect(close(decided(), { date: '2026-03-20', expungeAfter: '2026-09-01' })).toMatchObject({ ok: true, cells: { 'Expunge after': day('2026-09-01') } });
    expect(close(decided(), { date: '2026-03-20', expungeAfter: '2026-03-01' })).toEqual({
      ok: false,
      message: 'Cannot close the case: Expunge after cannot be before the closing date.',
    });
    // Without the Settings (as Mark as sent plans it) the date is left to the panel.
    expect(planStep('close', decided(), { date: '2026-03-20' }, ctx)).toMatchObject({ ok: true, cells: { Stage: 'Closed', Closed: day('2026-03-20') } });
    const field = stepViews(decided(), TODAY, settings).find((v) => v.id === 'close')?.fields.find((f) => f.name === 'expungeAfter');
    expect(field?.help).toBe('Leave empty for the team’s rule: 2027-03-20 if closed today (Settings: Keep records)');
  });

  const more = [...roster, rosterMember('Fi'), rosterMember('Gu')];
  const closedCase = () => decided({ stage: 'Closed', closed: day('2026-03-12') });
  test('a closed, decided case offers Record appeal only; three reviewers outside the sub-team', () => {
    expect(allowedSteps(closedCase())).toEqual(['recordAppeal']);
    expect(allowedSteps(investigating())).not.toContain('recordAppeal');
    const plan = planStep(
      'recordAppeal',
      closedCase(),
      { date: '2026-03-18', appealedBy: 'Reporter', members: 'di@irt.example, FI@irt.example, gu@irt.example' },
      { today: TODAY, roster: more, settings },
    );
    expect(plan).toEqual({
      ok: true,
      cells: { 'Appeal received': day('2026-03-18'), 'Appealed by': 'Reporter', 'Appeal reviewers': 'di@irt.example, fi@irt.example, gu@irt.example' },
      action: 'Record appeal',
      detail: 'by reporter',
    });
    expect(
      planStep('recordAppeal', closedCase(), { date: '2026-03-18', appealedBy: 'Reporter', members: 'di@irt.example, fi@irt.example, bo@irt.example' }, { today: TODAY, roster: more }),
    ).toEqual({ ok: false, message: 'Cannot record appeal: Bo (bo@irt.example) is on this case’s sub-team: an appeal is heard by other members.' });
  });

  test('an appeal after the window is recorded with a warning; before the response plan it is refused by date', () => {
    const late = planStep(
      'recordAppeal',
      decided({ stage: 'Closed', closed: day('2026-03-12'), responsePlanSent: day('2026-02-01'), reporterToldOutcome: day('2026-02-02') }),
      { date: '2026-03-18', appealedBy: 'Reported party', members: 'di@irt.example, fi@irt.example, gu@irt.example' },
      { today: TODAY, roster: more, settings },
    );
    expect(late).toMatchObject({ ok: true, warning: 'The appeal came 15 days after the 30-day appeal window (it ended 2026-03-03); it is recorded all the same.' });
    expect(
      planStep('recordAppeal', closedCase(), { date: '2026-03-09', appealedBy: 'Reporter', members: 'di@irt.example, fi@irt.example, gu@irt.example' }, { today: TODAY, roster: more }),
    ).toEqual({ ok: false, message: 'Cannot record appeal: the date cannot be before Response plan sent (2026-03-10).' });
  });

  test('the appeal decision: Changed writes the new outcome and, on a closed case, its expunge date', () => {
    const heard = closedCase();
    Object.assign(heard, { appealReceived: day('2026-03-14'), appealReviewers: 'di@irt.example, fi@irt.example, gu@irt.example' });
    expect(allowedSteps(heard)).toEqual(['recordAppealDecision']);
    expect(planStep('recordAppealDecision', heard, { appealDecision: 'Changed', outcome: 'Correction', date: '2026-03-19' }, withSettings)).toEqual({
      ok: true,
      cells: { 'Appeal decision': 'Changed', 'Appeal decided': day('2026-03-19'), Outcome: 'Correction', 'Outcome end date': null, 'Expunge after': day('2027-03-12') },
      action: 'Record appeal decision',
      detail: 'Changed: Warning → Correction',
    });
    expect(planStep('recordAppealDecision', heard, { appealDecision: 'Upheld', date: '2026-03-19' }, withSettings)).toMatchObject({
      ok: true,
      cells: { 'Appeal decision': 'Upheld', 'Appeal decided': day('2026-03-19') },
      detail: 'Upheld',
    });
  });
});
