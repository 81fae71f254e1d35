import { stepTemplate, type PanelCase } from '../../src/core/case-steps';
import { planMarkSent, type SentPlan } from '../../src/core/sent-dates';
import { PROCESS, type TemplateStepId } from '../../src/core/process';
import { parseStep, type Template } from '../../src/core/templates';
import { day, TODAY, makeCase, TEAM, investigating, ok } from './panel-fixtures';

describe('Mark as sent today is the panel’s step for the template', () => {
  const FORMAT = 'd MMMM yyyy';
  // Each template of these tests with the Step a team gives it (a template's name decides nothing).
  const STEPS: Record<string, string> = {
    Acknowledgement: 'acknowledgement',
    'Not a violation': 'notViolation',
    'Next steps to reporter': 'nextSteps',
    'Notify reported party': 'notifyReported',
    'Update to reporter': 'updateReporter',
    'Update to reported party': 'updateReported',
    'Response plan': 'responsePlan',
    'Response plan: warning': 'responsePlan: Warning',
    'Response plan: permanent ban': 'responsePlan: Permanent ban',
    'Response plan questions': 'responsePlan',
    'Response plan recap': 'responsePlan',
    'Outcome notice': 'outcomeNotice',
  };
  const mark = (name: string, c: PanelCase, to = name.startsWith('Notify') || name.includes('reported party') || name.startsWith('Response plan') ? 'Reported party' : 'Reporter') =>
    planMarkSent({
      template: { name, to, ...(parseStep(STEPS[name]) ?? {}) } satisfies Pick<Template, 'name' | 'to' | 'step' | 'outcome'>,
      case: c,
      today: TODAY,
      dateFormat: FORMAT,
    });
  const problem = (plan: SentPlan) => (plan.ok ? `expected a refusal, got ${JSON.stringify(plan)}` : plan.problem);
  const formed = (extra: Partial<PanelCase> = {}) =>
    makeCase({ stage: 'Sub-team formed', firstReplySent: day('2026-03-02'), subTeam: TEAM, subTeamFormed: day('2026-03-05'), ...extra });
  const decided = (extra: Partial<PanelCase> = {}) =>
    investigating({ stage: 'Decision', permission: 'No', outcome: 'Warning', findings: 'f', ...extra });

  test('each saved reply has exactly one step: the one filling its date column, linked to it in the panel', () => {
    const stepOfReply = (id: TemplateStepId) => PROCESS.milestone(PROCESS.templateStep(id).milestone).step?.id;
    expect(PROCESS.declaration.templates.map((t) => [t.name, stepOfReply(t.id)])).toEqual([
      ['Acknowledgement', 'firstReply'],
      ['Not a violation', 'close'],
      ['Next steps to reporter', 'notifyReporter'],
      ['Notify reported party', 'notifyReportedParty'],
      ['Update to reporter', 'updateReporter'],
      ['Update to reported party', 'updateReportedParty'],
      ['Issuing a Response Plan [Reported Party]', 'responsePlan'],
      ['Issuing a Response Plan [Notify Reporter]', 'reporterToldOutcome'],
      ['Appeal result [Reporter]', 'appealReporterTold'],
      ['Appeal result [Reported Party]', 'appealReportedTold'],
    ]);
    expect(stepTemplate('close', makeCase({ stage: 'Not a violation' }))).toBe('Not a violation');
    expect(stepTemplate('close', investigating())).toBeNull();
  });

  test('the same cells as the panel’s step dated today: the stage moves with it', () => {
    const c = formed();
    const plan = mark('Next steps to reporter', c);
    expect(plan).toEqual({
      ok: true,
      column: 'Reporter notified',
      day: TODAY,
      previous: null,
      changed: true,
      message: 'Reporter notified set to 20 March 2026. Stage moved from Sub-team formed to Investigating.',
      step: 'notifyReporter',
      cells: { 'Reporter notified': TODAY, Stage: 'Investigating' },
      action: 'Record reporter notified',
      detail: 'Marked sent: Next steps to reporter',
    });
    expect(plan.ok && plan.cells).toEqual(ok('notifyReporter', c, { date: '2026-03-20' }).cells);

    const notViolation = makeCase({ stage: 'Not a violation', firstReplySent: day('2026-03-02') });
    expect(mark('Not a violation', notViolation)).toMatchObject({ ok: true, cells: { Stage: 'Closed', Closed: TODAY }, action: 'Close the case' });
    expect(mark('Acknowledgement', makeCase())).toMatchObject({ ok: true, cells: { 'First reply sent': TODAY }, message: 'First reply sent set to 20 March 2026.' });
    expect(mark('Update to reporter', investigating({ lastUpdateToReporter: day('2026-03-10') }))).toMatchObject({
      ok: true,
      previous: day('2026-03-10'),
      cells: { 'Last update to reporter': TODAY },
      message: 'Last update to reporter moved from 10 March 2026 to 20 March 2026.',
    });
    expect(mark('Outcome notice', decided({ responsePlanSent: day('2026-03-15') }))).toMatchObject({
      ok: true,
      cells: { 'Reporter told outcome': TODAY },
    });
  });

  test('the panel’s preconditions refuse it, naming what is missing', () => {
    expect(problem(mark('Next steps to reporter', formed({ subTeam: '', subTeamFormed: null })))).toBe(
      'Cannot record reporter notified: Sub-team and Sub-team formed are missing. Reporter notified was not filled.',
    );
    expect(problem(mark('Not a violation', makeCase({ stage: 'Not a violation' })))).toBe(
      'Cannot close the case: First reply sent is missing. Closed was not filled.',
    );
    expect(problem(mark('Response plan: warning', decided({ findings: '' })))).toBe(
      'Cannot record response plan sent: Findings is missing. Response plan sent was not filled.',
    );
    expect(problem(mark('Outcome notice', decided()))).toBe(
      'Cannot record reporter told of outcome: Response plan sent is missing. Reporter told outcome was not filled.',
    );
    expect(problem(mark('Acknowledgement', makeCase({ received: null })))).toBe(
      'Cannot record first reply: Received is missing; fix the row first. First reply sent was not filled.',
    );
  });

  test('“Not a violation” closes only a case assessed as not a violation', () => {
    for (const c of [makeCase({ stage: 'Assessing', firstReplySent: day('2026-03-02') }), decided({ reporterToldOutcome: day('2026-03-16'), responsePlanSent: day('2026-03-15') })])
      expect(problem(mark('Not a violation', c))).toBe(
        `"Not a violation" does not go with a case at stage ${c.stage} (the case panel's "Close the case" does not use it), so Closed was not filled.`,
      );
  });

  test('never overwrites a date silently', () => {
    expect(mark('Acknowledgement', makeCase({ firstReplySent: TODAY }))).toMatchObject({
      ok: true,
      changed: false,
      cells: {},
      message: 'First reply sent is already 20 March 2026.',
    });
    expect(problem(mark('Acknowledgement', makeCase({ firstReplySent: day('2026-03-02') })))).toBe(
      'First reply sent is already 2 March 2026. Nothing was changed: edit the cell yourself if that date is wrong.',
    );
    expect(problem(mark('Update to reporter', investigating({ lastUpdateToReporter: day('2026-03-25') })))).toBe(
      'Last update to reporter is 25 March 2026, later than today (20 March 2026). Nothing was changed: check the cell.',
    );
    expect(problem(mark('Update to reporter', investigating({ lastUpdateToReporter: 'invalid' })))).toBe(
      'The Last update to reporter cell holds something that is not a date. Nothing was changed: fix the cell first.',
    );
    expect(problem(mark('Thanks', makeCase()))).toBe(
      '"Thanks" is not one of the tracker\'s saved replies, so it has no date column to fill. Enter the date in the sheet yourself.',
    );
  });

  test('the reported party: permission Yes, except the response plan of a decided case', () => {
    const noPermission = 'The reporter has not given permission to contact the reported party, so';
    expect(problem(mark('Notify reported party', formed({ permission: 'Not asked' })))).toBe(`${noPermission} Reported party notified was not filled.`);
    expect(problem(mark('Update to reported party', investigating({ permission: 'No', reportedPartyNotified: day('2026-03-07') })))).toBe(
      `${noPermission} Last update to reported party was not filled.`,
    );
    expect(mark('Notify reported party', formed({ permission: 'Yes' }))).toMatchObject({ ok: true, cells: { 'Reported party notified': TODAY } });

    // A team template named "Response plan …" on a new case without permission: refused.
    expect(problem(mark('Response plan questions', makeCase({ permission: 'No' })))).toBe(
      "A response plan goes to the reported party without the reporter's permission only once the case is decided (Stage Decision with an Outcome); " +
        'this case is at stage Received with no Outcome, so Response plan sent was not filled.',
    );
    expect(problem(mark('Response plan questions', investigating({ permission: 'No', outcome: 'Warning' })))).toMatch(
      /only once the case is decided .* this case is at stage Investigating, so Response plan sent was not filled/,
    );
    expect(problem(mark('Response plan', decided({ outcome: '' })))).toMatch(/this case is at stage Decision with no Outcome/);
    // With permission, an undecided case still takes no response plan (the step's own rule).
    expect(problem(mark('Response plan questions', makeCase({ permission: 'Yes' })))).toBe(
      'Cannot record response plan sent: not a step for a case at stage Received. Response plan sent was not filled.',
    );
    expect(problem(mark('Response plan', decided({ outcome: '', permission: 'Yes' })))).toBe(
      'Cannot record response plan sent: Outcome is missing. Response plan sent was not filled.',
    );
    // To the reporter, no permission is needed, but the step still wants a decided case.
    expect(problem(mark('Response plan recap', makeCase(), 'Reporter'))).toBe(
      'Cannot record response plan sent: not a step for a case at stage Received. Response plan sent was not filled.',
    );
    // Decided: the response plan goes without the permission, for the case's own outcome only.
    expect(mark('Response plan: warning', decided())).toMatchObject({ ok: true, cells: { 'Response plan sent': TODAY } });
    expect(mark('Response plan questions', decided())).toMatchObject({ ok: true, cells: { 'Response plan sent': TODAY } });
    expect(problem(mark('Response plan: permanent ban', decided()))).toBe(
      "This response plan is for the outcome Permanent ban, but the case's Outcome is Warning, so Response plan sent was not filled.",
    );
  });
});
