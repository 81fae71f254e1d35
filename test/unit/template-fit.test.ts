import type { CaseRecord } from '../../src/core/cases';
import { DEFAULT_TEMPLATES, EARLIER_DEFAULT_TEMPLATES, OUTCOME_NOTICE, RESPONSE_PLAN } from '../../src/core/default-templates';
import { DEFAULT_DECLARATION, PROCESS, createProcess } from '../../src/core/process';
import { availability, notOpenProblem, preselectChoice, templateChoices } from '../../src/core/template-fit';
import type { Template } from '../../src/core/templates';
import { blankRecord, d, investigating, TEAM } from './case-fixtures';

/** A case as each step of the process leaves it (permission Yes once the sub-team is formed). */
const received = blankRecord({ stage: 'Received', permission: 'Not asked', received: d('2026-01-05') });
const assessing = { ...received, stage: 'Assessing', firstReplySent: d('2026-01-06') };
const notViolation = { ...assessing, stage: 'Not a violation' };
const formed = { ...assessing, stage: 'Sub-team formed', permission: 'Yes', subTeam: TEAM, subTeamFormed: d('2026-01-10') };
const inInvestigation = investigating();
const decided = investigating({ stage: 'Decision', outcome: 'Warning' });
const planSent = { ...decided, responsePlanSent: d('2026-02-01') };
const told = { ...planSent, reporterToldOutcome: d('2026-02-02') };
const closed = { ...told, stage: 'Closed', closed: d('2026-02-03') };

const CASES: [string, CaseRecord][] = [
  ['received', received],
  ['assessing', assessing],
  ['not a violation', notViolation],
  ['sub-team formed', formed],
  ['investigating', inInvestigation],
  ['decided', decided],
  ['response plan sent', planSent],
  ['reporter told the outcome', told],
  ['closed', closed],
];

const reasonOf = (t: Pick<Template, 'to' | 'step' | 'outcome'>, c: CaseRecord) => {
  const fit = availability(t, c);
  return fit.open ? null : fit.reason;
};

/** Every default saved reply at every step of a case: open (null) or the reason it is not. */
const EXPECTED: Record<string, Record<string, string | null>> = {
  received: {
    Acknowledgement: null,
    'Not a violation': 'the first reply has not been sent',
    'Next steps to reporter': 'the sub-team is not formed yet',
    'Notify reported party': 'the sub-team is not formed yet',
    'Update to reporter': 'the reporter has not been notified yet',
    'Update to reported party': 'the sub-team is not formed yet',
    [RESPONSE_PLAN]: 'the sub-team is not formed yet',
    [OUTCOME_NOTICE]: 'the response plan has not been sent',

    'Appeal result [Reporter]': 'there is no decided appeal',
    'Appeal result [Reported Party]': 'the sub-team is not formed yet',
  },
  assessing: {
    Acknowledgement: 'the first reply was sent',
    'Not a violation': null,
    'Next steps to reporter': 'the sub-team is not formed yet',
    'Notify reported party': 'the sub-team is not formed yet',
    'Update to reporter': 'the reporter has not been notified yet',
    'Update to reported party': 'the sub-team is not formed yet',
    [RESPONSE_PLAN]: 'the sub-team is not formed yet',
    [OUTCOME_NOTICE]: 'the response plan has not been sent',

    'Appeal result [Reporter]': 'there is no decided appeal',
    'Appeal result [Reported Party]': 'the sub-team is not formed yet',
  },
  'not a violation': {
    Acknowledgement: 'the first reply was sent',
    'Not a violation': null,
    'Next steps to reporter': 'the case was assessed as not a violation',
    'Notify reported party': 'the sub-team is not formed yet',
    'Update to reporter': 'the case was assessed as not a violation',
    'Update to reported party': 'the sub-team is not formed yet',
    [RESPONSE_PLAN]: 'the sub-team is not formed yet',
    [OUTCOME_NOTICE]: 'the case was assessed as not a violation',

    'Appeal result [Reporter]': 'the case was assessed as not a violation',
    'Appeal result [Reported Party]': 'the sub-team is not formed yet',
  },
  'sub-team formed': {
    Acknowledgement: 'the first reply was sent',
    'Not a violation': 'the case was assessed as a possible violation',
    'Next steps to reporter': null,
    'Notify reported party': null,
    'Update to reporter': 'the reporter has not been notified yet',
    'Update to reported party': 'the reported party has not been notified yet',
    [RESPONSE_PLAN]: 'no outcome is recorded yet',
    [OUTCOME_NOTICE]: 'the response plan has not been sent',

    'Appeal result [Reporter]': 'there is no decided appeal',
    'Appeal result [Reported Party]': 'there is no decided appeal',
  },
  investigating: {
    Acknowledgement: 'the first reply was sent',
    'Not a violation': 'the case was assessed as a possible violation',
    'Next steps to reporter': 'the reporter was notified',
    'Notify reported party': 'the reported party was notified',
    'Update to reporter': null,
    'Update to reported party': null,
    [RESPONSE_PLAN]: 'no outcome is recorded yet',
    [OUTCOME_NOTICE]: 'the response plan has not been sent',

    'Appeal result [Reporter]': 'there is no decided appeal',
    'Appeal result [Reported Party]': 'there is no decided appeal',
  },
  decided: {
    Acknowledgement: 'the first reply was sent',
    'Not a violation': 'the case was assessed as a possible violation',
    'Next steps to reporter': 'the reporter was notified',
    'Notify reported party': 'the reported party was notified',
    'Update to reporter': 'the case is decided: send the response plan instead',
    'Update to reported party': 'the case is decided: send the response plan instead',
    [RESPONSE_PLAN]: null,
    [OUTCOME_NOTICE]: 'the response plan has not been sent',

    'Appeal result [Reporter]': 'there is no decided appeal',
    'Appeal result [Reported Party]': 'there is no decided appeal',
  },
  'response plan sent': {
    Acknowledgement: 'the first reply was sent',
    'Not a violation': 'the case was assessed as a possible violation',
    'Next steps to reporter': 'the reporter was notified',
    'Notify reported party': 'the reported party was notified',
    'Update to reporter': 'the response plan was sent',
    'Update to reported party': 'the response plan was sent',
    [RESPONSE_PLAN]: 'the response plan was sent',
    [OUTCOME_NOTICE]: null,

    'Appeal result [Reporter]': 'there is no decided appeal',
    'Appeal result [Reported Party]': 'there is no decided appeal',
  },
  'reporter told the outcome': {
    Acknowledgement: 'the first reply was sent',
    'Not a violation': 'the case was assessed as a possible violation',
    'Next steps to reporter': 'the reporter was notified',
    'Notify reported party': 'the reported party was notified',
    'Update to reporter': 'the response plan was sent',
    'Update to reported party': 'the response plan was sent',
    [RESPONSE_PLAN]: 'the response plan was sent',
    [OUTCOME_NOTICE]: 'the reporter was told the outcome',

    'Appeal result [Reporter]': 'there is no decided appeal',
    'Appeal result [Reported Party]': 'there is no decided appeal',
  },
  // Closed: only an appeal's results could still go out, once an appeal is decided.
  closed: Object.fromEntries(
    DEFAULT_TEMPLATES.map((t) => [t.name, t.name.startsWith('Appeal result') ? 'there is no decided appeal' : 'the case is closed']),
  ),
};

describe('after an appeal', () => {
  const appealed = { ...closed, appealReceived: d('2026-02-20'), appealReviewers: 'di@x.example, ed@x.example, fi@x.example' };
  const decidedAppeal = { ...appealed, appealDecision: 'Upheld', appealDecided: d('2026-03-01') };
  const result = (name: string, c: CaseRecord) => reasonOf(DEFAULT_TEMPLATES.find((t) => t.name === name)!, c);
  test('its results open on the closed case once decided, to the reported party without permission, once each', () => {
    expect(result('Appeal result [Reporter]', appealed)).toBe('there is no decided appeal');
    expect(result('Appeal result [Reporter]', decidedAppeal)).toBeNull();
    expect(result('Appeal result [Reported Party]', { ...decidedAppeal, permission: 'No' })).toBeNull();
    expect(result('Appeal result [Reporter]', { ...decidedAppeal, reporterToldAppealResult: d('2026-03-02') })).toBe('the reporter was told the appeal result');
    // Nothing else opens again on a closed case.
    expect(result('Issuing a Response Plan [Notify Reporter]', decidedAppeal)).toBe('the case is closed');
  });
});

describe('the default saved replies at every step of a case', () => {
  for (const [label, c] of CASES) {
    test(label, () => {
      expect(Object.fromEntries(DEFAULT_TEMPLATES.map((t) => [t.name, reasonOf(t, c)]))).toEqual(EXPECTED[label]);
    });
  }
});

describe('the reported party', () => {
  const plan = DEFAULT_TEMPLATES.find((t) => t.name === RESPONSE_PLAN)!;
  const notify = DEFAULT_TEMPLATES.find((t) => t.name === 'Notify reported party')!;

  test('only with permission Yes', () => {
    for (const permission of ['No', 'Not asked', '', 'yes please']) {
      expect(reasonOf(notify, { ...formed, permission })).toBe('the reporter has not given permission');
      expect(reasonOf(notify, { ...formed, permission: 'Yes' })).toBeNull();
    }
  });

  test('the response plan of a decided case goes without the permission; before the decision it waits for an outcome', () => {
    for (const permission of ['No', 'Not asked']) {
      expect(reasonOf(plan, { ...decided, permission })).toBeNull();
      expect(reasonOf(plan, { ...inInvestigation, permission })).toBe('no outcome is recorded yet');
    }
  });

  test('a team’s own template (no Step): to the reporter on any open case; to the reported party only with a sub-team and permission Yes', () => {
    const toReporter = { to: 'Reporter' };
    const toReported = { to: 'Reported party' };
    for (const [label, c] of CASES) expect([label, reasonOf(toReporter, c)]).toEqual([label, label === 'closed' ? 'the case is closed' : null]);
    expect(reasonOf(toReported, { ...received, permission: 'Yes' })).toBe('the sub-team is not formed yet');
    expect(reasonOf(toReported, { ...formed, permission: 'Not asked' })).toBe('the reporter has not given permission');
    expect(reasonOf(toReported, { ...decided, permission: 'No' })).toBe('the reporter has not given permission');
    expect(reasonOf(toReported, formed)).toBeNull();
    // Its name opens no door: a team's "Response plan questions" is no response plan.
    expect(reasonOf({ to: 'Reported party', step: undefined }, { ...decided, permission: 'No' })).toBe('the reporter has not given permission');
  });

  test('a plan an earlier version wrote for one outcome fits that outcome only', () => {
    const warning = EARLIER_DEFAULT_TEMPLATES.find((t) => t.name === 'Response plan: warning')!;
    expect(reasonOf({ ...warning, step: 'responsePlan', outcome: 'Warning' }, decided)).toBeNull();
    expect(reasonOf({ ...warning, step: 'responsePlan', outcome: 'Temporary ban' }, decided)).toBe(
      "it is for the outcome Temporary ban; the case's is Warning",
    );
  });
});

describe('derived from the process declaration', () => {
  test('a declaration whose updates do not give way to the response plan keeps them open for a decided case', () => {
    const process = createProcess({
      ...DEFAULT_DECLARATION,
      milestones: DEFAULT_DECLARATION.milestones.map((m) => (m.id === 'updateReporter' ? { ...m, until: [] } : m)),
    });
    const update = DEFAULT_TEMPLATES.find((t) => t.name === 'Update to reporter')!;
    expect(availability(update, decided, process)).toEqual({ open: true });
    expect(availability(update, decided, PROCESS)).toEqual({ open: false, reason: 'the case is decided: send the response plan instead' });
  });

  test('a saved reply declared at other stages follows them', () => {
    const process = createProcess({
      ...DEFAULT_DECLARATION,
      templates: DEFAULT_DECLARATION.templates.map((t) => (t.id === 'acknowledgement' ? { ...t, stages: ['Received'] } : t)),
    });
    const ack = DEFAULT_TEMPLATES.find((t) => t.name === 'Acknowledgement')!;
    const unreplied = { ...received, stage: 'Assessing' };
    expect(availability(ack, unreplied, PROCESS)).toEqual({ open: true });
    expect(availability(ack, unreplied, process)).toEqual({ open: false, reason: 'not a step for a case at stage Assessing' });
  });
});

describe('the dialog’s list and its first choice', () => {
  test('open ones first, in the sheet’s order; every other with its reason', () => {
    const choices = templateChoices(DEFAULT_TEMPLATES, inInvestigation);
    expect(choices.map((x) => [x.name, x.fits])).toEqual([
      ['Update to reporter', true],
      ['Update to reported party', true],
      ['Acknowledgement', false],
      ['Not a violation', false],
      ['Next steps to reporter', false],
      ['Notify reported party', false],
      [RESPONSE_PLAN, false],
      [OUTCOME_NOTICE, false],
      ['Appeal result [Reporter]', false],
      ['Appeal result [Reported Party]', false],
    ]);
    expect(choices[0]).toEqual({
      name: 'Update to reporter',
      to: 'Reporter',
      step: 'updateReporter',
      fits: true,
      reason: null,
      sentColumn: 'Last update to reporter',
    });
    expect(choices[2]).toMatchObject({ name: 'Acknowledgement', fits: false, reason: 'the first reply was sent' });
    expect(templateChoices([{ name: 'Thanks', to: 'reporter', subject: '', body: '' }], received)).toEqual([
      { name: 'Thanks', to: 'Reporter', step: null, fits: true, reason: null, sentColumn: null },
    ]);
  });

  test('opens on the saved reply of the next action, else the first open one', () => {
    const choices = templateChoices(DEFAULT_TEMPLATES, inInvestigation);
    expect(preselectChoice(choices, 'updateReportedParty')).toBe('Update to reported party');
    expect(preselectChoice(choices, 'updateReporter')).toBe('Update to reporter');
    // A next action with no saved reply (the decision) or none at all: the first open one.
    expect(preselectChoice(choices, 'decision')).toBe('Update to reporter');
    expect(preselectChoice(choices, undefined)).toBe('Update to reporter');
    expect(preselectChoice(templateChoices(DEFAULT_TEMPLATES, decided), 'responsePlan')).toBe(RESPONSE_PLAN);
    expect(preselectChoice(templateChoices(DEFAULT_TEMPLATES, planSent), 'reporterToldOutcome')).toBe(OUTCOME_NOTICE);
    // Nothing open: nothing chosen.
    expect(preselectChoice(templateChoices(DEFAULT_TEMPLATES, closed), undefined)).toBeNull();
  });

  test('a refusal says the same reason', () => {
    expect(notOpenProblem('the sub-team is not formed yet')).toBe('Not for this case now: the sub-team is not formed yet');
  });
});
