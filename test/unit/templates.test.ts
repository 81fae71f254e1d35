import { dayFromIso, startOfDay, type Day } from '../../src/core/calendar';
import { COLUMN_NAMES, STAGES, matchHeaders, type ColumnName, type Stage } from '../../src/core/columns';
import { defaultSettings } from '../../src/core/settings';
import {
  DEFAULT_TEMPLATES,
  EARLIER_DEFAULT_TEMPLATES,
  APPEAL_RESULT_REPORTED,
  APPEAL_RESULT_REPORTER,
  OUTCOME_NOTICE,
  RESPONSE_PLAN,
  defaultTemplateRows,
} from '../../src/core/default-templates';
import {
  TEMPLATE_HEADER,
  describeRefusal,
  fillPlaceholders,
  findTemplate,
  parseStep,
  parseTemplates,
  placeholdersIn,
  prepareDraft,
  sentColumnOf,
  type DraftContext,
  type Template,
} from '../../src/core/templates';

const day = (iso: string) => dayFromIso(iso) as Day;
const TODAY = day('2026-03-05');
const NOTICE =
  'Please keep this message, the findings and all communication about this report confidential. ' +
  'Sharing them with anyone outside the Incident Response Team may itself lead to further action ' +
  'under the Code of Conduct.';
const SIGN_OFF = 'With thanks,\nThe Code of Conduct Incident Response Team';

type Row = Partial<Record<ColumnName | string, string>>;

/** A case as each stage of the process leaves it (dates as yyyy-mm-dd, written as Date cells). */
const BASE: Row = {
  'Case ID': 'IRT-2026-007',
  Received: '2026-02-14',
  'Reporter name': 'Zoë Brontë',
  'Reporter email': 'zoe@example.org',
  'Reported party name': 'Sam O’Neil',
  'Reported party email': 'sam@example.net',
  'Permission to notify reported party': 'Not asked',
  Summary: 'Hostile comments in the forum',
  Where: 'Forum',
};
const ROWS: Record<Stage, Row> = (() => {
  const assessing = { ...BASE, 'First reply sent': '2026-02-15' };
  const formed = {
    ...assessing,
    'Permission to notify reported party': 'Yes',
    'Sub-team': 'a@irt.example, b@irt.example, c@irt.example',
    'Sub-team formed': '2026-02-18',
  };
  const investigating = { ...formed, 'Reporter notified': '2026-02-20', 'Reported party notified': '2026-02-21' };
  const decision = {
    ...investigating,
    Outcome: 'Temporary ban',
    'Outcome end date': '2026-06-30',
    'Requested action': 'Please do not take part in the forum or the chat server until the ban ends.',
  };
  return {
    Received: { ...BASE, Stage: 'Received' },
    Assessing: { ...assessing, Stage: 'Assessing' },
    'Not a violation': { ...assessing, Stage: 'Not a violation' },
    'Sub-team formed': { ...formed, Stage: 'Sub-team formed' },
    Investigating: { ...investigating, Stage: 'Investigating' },
    Decision: { ...decision, Stage: 'Decision' },
    Closed: {
      ...decision,
      Stage: 'Closed',
      'Response plan sent': '2026-03-01',
      'Reporter told outcome': '2026-03-02',
      Closed: '2026-03-02',
    },
  };
})();

const DATE_COLUMNS = new Set(['Received', 'First reply sent', 'Sub-team formed', 'Reporter notified', 'Reported party notified', 'Outcome end date', 'Response plan sent', 'Reporter told outcome', 'Closed']);

function context(row: Row, options: { timeZone?: string; header?: string[]; settings?: Partial<DraftContext['settings']> } = {}): DraftContext {
  const timeZone = options.timeZone ?? 'Pacific/Auckland';
  const header = options.header ?? [...COLUMN_NAMES, 'Pronouns'];
  const cells = header.map((h) => {
    const value = row[h] ?? '';
    return DATE_COLUMNS.has(h) && value !== '' ? startOfDay(day(value), timeZone) : value;
  });
  const defaults = defaultSettings();
  return {
    header,
    map: matchHeaders(header).map,
    row: cells,
    timeZone,
    today: TODAY,
    settings: {
      emailDateFormat: defaults.emailDateFormat,
      confidentialityNotice: defaults.confidentialityNotice,
      ...options.settings,
    },
  };
}

/** What a team's sheet may hold: today's defaults and the rows an earlier version seeded. */
const SEEDED = [...DEFAULT_TEMPLATES, ...EARLIER_DEFAULT_TEMPLATES];

const template = (name: string) => {
  const found = findTemplate(SEEDED, name);
  if ('problem' in found) throw new Error(found.problem);
  return found;
};

// ---- Expected emails, written out in full -------------------------------------

const para = (...p: string[]) => p.join('\n\n');
const PLAN_INTRO =
  'The Incident Response Team has finished looking into the report involving you (case IRT-2026-007) and has reached a decision.';
const PLAN_CLOSE = 'This report is now closed. If you have questions about this decision, reply to this email and the team will answer.';

const ASKED = 'What we ask of you: Please do not take part in the forum or the chat server until the ban ends.';

const EXPECTED: Record<string, { to: string; role: string; subject: string; body: string }> = {
  [RESPONSE_PLAN]: {
    role: 'Reported party',
    to: 'sam@example.net',
    subject: 'Decision on the Code of Conduct report involving you (IRT-2026-007)',
    body: para(
      'Hello Sam O’Neil,',
      'The Incident Response Team has finished looking into the report involving you (case IRT-2026-007). This is our decision, issued under the Code of Conduct Enforcement Guidelines.',
      'Level of response under the Enforcement Guidelines: temporary ban',
      ASKED,
      'End date: 30 June 2026',
      NOTICE,
      PLAN_CLOSE,
      SIGN_OFF,
    ),
  },
  [OUTCOME_NOTICE]: {
    role: 'Reporter',
    to: 'zoe@example.org',
    subject: 'Outcome of your report (IRT-2026-007)',
    body: para(
      'Hello Zoë Brontë,',
      'The Incident Response Team has finished its work on your report (case IRT-2026-007) and has reached a decision under the Code of Conduct Enforcement Guidelines.',
      'Outcome: temporary ban',
      'What we have asked of the other party: Please do not take part in the forum or the chat server until the ban ends.',
      'End date: 30 June 2026',
      'We have told the other party of the decision and of what it means for them.',
      NOTICE,
      'This report is now closed. Thank you for trusting us with it. If anything else happens, please write to us.',
      SIGN_OFF,
    ),
  },
  Acknowledgement: {
    role: 'Reporter',
    to: 'zoe@example.org',
    subject: 'We have received your report (IRT-2026-007)',
    body: para(
      'Hello Zoë Brontë,',
      'Thank you for writing to the Code of Conduct Incident Response Team. We received your report on 14 February 2026 and are tracking it as case IRT-2026-007.',
      'Only members of the Incident Response Team can see your report. The team will now discuss it together and decide whether it may break the Code of Conduct. We will write to you again with what happens next.',
      'If you remember anything else, or something new happens, simply reply to this email.',
      SIGN_OFF,
    ),
  },
  'Not a violation': {
    role: 'Reporter',
    to: 'zoe@example.org',
    subject: 'Our assessment of your report (IRT-2026-007)',
    body: para(
      'Hello Zoë Brontë,',
      'Thank you again for your report of 14 February 2026 (case IRT-2026-007). The Incident Response Team has discussed it carefully.',
      'We have concluded that what you describe is not something the Code of Conduct covers: either it did not take place in one of the community’s official spaces, or the behaviour, as reported, does not break the Code. We are therefore closing this report without further action.',
      'This is not a judgement of your experience, and we are sorry it happened. If you have more information, or if something new happens, please write to us and we will look at it again.',
      SIGN_OFF,
    ),
  },
  'Next steps to reporter': {
    role: 'Reporter',
    to: 'zoe@example.org',
    subject: 'Next steps for your report (IRT-2026-007)',
    body: para(
      'Hello Zoë Brontë,',
      'We have assessed your report (case IRT-2026-007) and will look into it further. Three members of the Incident Response Team with no direct connection to the case are now handling it. They will keep you informed regularly until the case is closed.',
      'To hear their side of events, we would like to contact Sam O’Neil. We will only do so with your permission: please reply to tell us whether we may. If you prefer that we do not, we will respect that, although it may limit what the team can do.',
      'If there is anyone we should talk to, or anything we should see, please tell us in your reply.',
      SIGN_OFF,
    ),
  },
  'Notify reported party': {
    role: 'Reported party',
    to: 'sam@example.net',
    subject: 'A Code of Conduct report involving you (IRT-2026-007)',
    body: para(
      'Hello Sam O’Neil,',
      'The Code of Conduct Incident Response Team has received a report involving you, and we are looking into it as case IRT-2026-007. No decision has been made.',
      'Three members of the team are handling the case, and we would like to hear your account of what happened. Please reply to this email; tell us too about anyone we should talk to or anything we should see. We will keep you informed regularly until the case is closed.',
      'Please do not contact anyone about this report yourself; talk to us instead.',
      NOTICE,
      SIGN_OFF,
    ),
  },
  'Update to reporter': {
    role: 'Reporter',
    to: 'zoe@example.org',
    subject: 'Update on your report (IRT-2026-007)',
    body: para(
      'Hello Zoë Brontë,',
      'This is our regular update on your report (case IRT-2026-007), as of 5 March 2026.',
      'The team is still working on it and has not reached a decision yet. We will write again at the next regular update, or sooner if there is news.',
      'If you have anything to add, simply reply to this email.',
      SIGN_OFF,
    ),
  },
  'Update to reported party': {
    role: 'Reported party',
    to: 'sam@example.net',
    subject: 'Update on the report involving you (IRT-2026-007)',
    body: para(
      'Hello Sam O’Neil,',
      'This is our regular update on the report involving you (case IRT-2026-007), as of 5 March 2026.',
      'The team is still looking into it and has not reached a decision yet. We will write again at the next regular update, or sooner if there is news.',
      NOTICE,
      SIGN_OFF,
    ),
  },
  'Response plan: temporary ban': {
    role: 'Reported party',
    to: 'sam@example.net',
    subject: 'Decision on the Code of Conduct report involving you (IRT-2026-007)',
    body: para(
      'Hello Sam O’Neil,',
      PLAN_INTRO,
      'Level of response: temporary ban',
      'What we ask of you: please do not take part in any community space, and do not contact the people involved in the report, during the ban.',
      'Until when: the ban ends on 30 June 2026. After that date you are welcome to take part again, following the Code of Conduct.',
      NOTICE,
      PLAN_CLOSE,
      SIGN_OFF,
    ),
  },
  'Outcome notice': {
    role: 'Reporter',
    to: 'zoe@example.org',
    subject: 'Outcome of your report (IRT-2026-007)',
    body: para(
      'Hello Zoë Brontë,',
      'The Incident Response Team has finished its work on your report (case IRT-2026-007). The outcome the team decided on is: temporary ban. We have told the other party of the decision and of what it means for them.',
      NOTICE,
      'Thank you for trusting us with your report. If anything else happens, please write to us.',
      SIGN_OFF,
    ),
  },
};

const NO_PERMISSION = (p: string) =>
  `The reporter has not given permission to contact the reported party (permission is "${p}"); only the response plan, once the case is decided, may go to them without it`;
const EARLY: Stage[] = ['Received', 'Assessing', 'Not a violation'];
const NO_OUTCOME: Stage[] = ['Received', 'Assessing', 'Not a violation', 'Sub-team formed', 'Investigating'];

/** What each default template gives at each stage: the expected email, or the exact problems. */
function expectedAt(name: string, stage: Stage): { ok: true } | { problems: string[] } {
  const early = EARLY.includes(stage);
  const noOutcome = NO_OUTCOME.includes(stage);
  switch (name) {
    case 'Notify reported party':
    case 'Update to reported party':
      return early ? { problems: [NO_PERMISSION('Not asked')] } : { ok: true };
    case RESPONSE_PLAN:
      return noOutcome
        ? { problems: [...(early ? [NO_PERMISSION('Not asked')] : []), '{{Outcome lowercase}}: the Outcome cell is empty on this row'] }
        : { ok: true };
    // No row here has an appeal decided: the result waits for it (the reported party's only once decided, without permission).
    case APPEAL_RESULT_REPORTER:
    case APPEAL_RESULT_REPORTED:
      return {
        problems: [
          ...(name === APPEAL_RESULT_REPORTED && early ? [NO_PERMISSION('Not asked')] : []),
          '{{Appeal decision}}: the Appeal decision cell is empty on this row',
          ...(noOutcome ? ['{{Outcome lowercase}}: the Outcome cell is empty on this row'] : []),
        ],
      };
    case OUTCOME_NOTICE:
    case 'Outcome notice':
      return noOutcome ? { problems: ['{{Outcome lowercase}}: the Outcome cell is empty on this row'] } : { ok: true };
    case 'Response plan: temporary ban':
      return noOutcome
        ? {
            problems: [
              // Before the decision a response plan is no exception to the reporter's permission.
              ...(early ? [NO_PERMISSION('Not asked')] : []),
              'This response plan is for the outcome Temporary ban, but Outcome is empty on this row',
              '{{Outcome end date}}: the Outcome end date cell is empty on this row',
            ],
          }
        : { ok: true };
    case 'Response plan: correction':
    case 'Response plan: warning':
    case 'Response plan: permanent ban':
    case 'Response plan: no action': {
      const outcome = template(name).outcome;
      return {
        problems: [
          ...(early ? [NO_PERMISSION('Not asked')] : []),
          noOutcome
            ? `This response plan is for the outcome ${outcome}, but Outcome is empty on this row`
            : `This response plan is for the outcome ${outcome}, but the case's Outcome is Temporary ban`,
        ],
      };
    }
    default:
      return { ok: true };
  }
}

describe('default templates', () => {
  test('cover every saved reply of the process, with the sheet header; the last two by the names the process gives them', () => {
    expect(TEMPLATE_HEADER).toEqual(['Template', 'To', 'Subject', 'Body']);
    expect(DEFAULT_TEMPLATES.map((t) => t.name)).toEqual([
      'Acknowledgement',
      'Not a violation',
      'Next steps to reporter',
      'Notify reported party',
      'Update to reporter',
      'Update to reported party',
      'Issuing a Response Plan [Reported Party]',
      'Issuing a Response Plan [Notify Reporter]',
      'Appeal result [Reporter]',
      'Appeal result [Reported Party]',
    ]);
    // What an earlier version seeded, kept to recognise those rows in a team's sheet.
    expect(EARLIER_DEFAULT_TEMPLATES.map((t) => t.name)).toEqual([
      'Response plan: correction',
      'Response plan: warning',
      'Response plan: temporary ban',
      'Response plan: permanent ban',
      'Response plan: no action',
      'Outcome notice',
    ]);
    expect(defaultTemplateRows()).toEqual(DEFAULT_TEMPLATES.map((t) => [t.name, t.to, t.subject, t.body]));
    for (const t of DEFAULT_TEMPLATES) expect(['Reporter', 'Reported party']).toContain(t.to);
  });

  test('the response plan: the level under the Enforcement Guidelines, what is asked, its end date, an optional description, the notice, closed', () => {
    const plan = template(RESPONSE_PLAN);
    expect(plan.to).toBe('Reported party');
    expect(plan.body).toContain('issued under the Code of Conduct Enforcement Guidelines');
    expect(plan.body).toContain('Level of response under the Enforcement Guidelines: {{Outcome lowercase}}');
    expect(plan.body).toContain('{{Requested action|');
    expect(plan.body).toContain('{{Outcome end date|');
    expect(plan.body).toContain('{{Behaviour description|}}');
    expect(plan.body).toContain('{{Confidentiality notice}}');
    expect(plan.body).toContain('This report is now closed.');
    const notice = template(OUTCOME_NOTICE);
    expect(notice.to).toBe('Reporter');
    for (const part of ['{{Outcome lowercase}}', '{{Requested action|', '{{Confidentiality notice}}', 'This report is now closed.'])
      expect(notice.body).toContain(part);
  });

  test('the appeal results tell each party the result and the decision in force, with the confidentiality reminder', () => {
    const appealed = context({ ...ROWS.Closed, 'Appeal received': '2026-03-10', 'Appealed by': 'Reported party', 'Appeal decision': 'Changed', 'Appeal decided': '2026-03-20', Outcome: 'Warning', 'Outcome end date': '' });
    const reporter = prepareDraft(template(APPEAL_RESULT_REPORTER), appealed);
    const reported = prepareDraft(template(APPEAL_RESULT_REPORTED), appealed);
    if (!reporter.ok || !reported.ok) throw new Error('not drafted');
    expect(reporter.draft).toMatchObject({ role: 'Reporter', to: 'zoe@example.org', subject: 'The result of the appeal on your report (IRT-2026-007)' });
    expect(reported.draft).toMatchObject({ role: 'Reported party', to: 'sam@example.net' });
    for (const draft of [reporter.draft, reported.draft]) {
      expect(draft.body).toContain('Result of the appeal: Changed');
      expect(draft.body).toContain('warning, ending with no end date.');
      expect(draft.body).toContain(NOTICE);
    }
  });

  test('one response plan for every level: the requested action and an end date where one is set', () => {
    const decided = (row: Row) => context({ ...ROWS.Decision, ...row });
    const paragraphs = (name: string, row: Row) => {
      const result = prepareDraft(template(name), decided(row));
      if (!result.ok) throw new Error(result.problems.join('; '));
      return result.draft.body.split('\n\n').slice(2, -3);
    };
    const asked = 'Please step away from the meetup organizer role.';
    expect(paragraphs(RESPONSE_PLAN, { Outcome: 'Warning', 'Requested action': asked, 'Outcome end date': '2026-05-05' })).toEqual([
      'Level of response under the Enforcement Guidelines: warning',
      `What we ask of you: ${asked}`,
      'End date: 5 May 2026',
    ]);
    expect(paragraphs(RESPONSE_PLAN, { Outcome: 'Permanent ban', 'Requested action': asked, 'Outcome end date': '' })).toEqual([
      'Level of response under the Enforcement Guidelines: permanent ban',
      `What we ask of you: ${asked}`,
      'End date: none',
    ]);
    // No action asks nothing: the fallback speaks.
    expect(paragraphs(RESPONSE_PLAN, { Outcome: 'No action', 'Requested action': '', 'Outcome end date': '' })).toEqual([
      'Level of response under the Enforcement Guidelines: no action',
      'What we ask of you: nothing beyond following the Code of Conduct, as we ask of everyone in the community',
      'End date: none',
    ]);
    // The optional description is its own paragraph, and leaves no gap when empty.
    expect(paragraphs(RESPONSE_PLAN, { Outcome: 'Correction', 'Requested action': asked, 'Behaviour description': 'Two replies mocked a newcomer.' })).toEqual([
      'Level of response under the Enforcement Guidelines: correction',
      `What we ask of you: ${asked}`,
      'End date: 30 June 2026',
      'Two replies mocked a newcomer.',
    ]);
  });

  test('every level but no action needs the requested action: refused, not filled with the fallback', () => {
    for (const name of [RESPONSE_PLAN, OUTCOME_NOTICE]) {
      for (const outcome of ['Correction', 'Warning', 'Temporary ban', 'Permanent ban']) {
        expect(prepareDraft(template(name), context({ ...ROWS.Decision, Outcome: outcome, 'Requested action': '' }))).toEqual({
          ok: false,
          problems: [
            'Requested action is empty on this row: the response plan must say what the reported party is asked to do (every outcome but No action)',
          ],
        });
      }
    }
  });

  test('every response plan an earlier version seeded names the level, what is asked and until when, carries the notice and closes the report', () => {
    const plans = SEEDED.filter((t) => t.step === 'responsePlan' && t.outcome !== undefined);
    expect(plans.map((t) => t.outcome)).toEqual(['Correction', 'Warning', 'Temporary ban', 'Permanent ban', 'No action']);
    for (const plan of plans) {
      expect(plan.to).toBe('Reported party');
      expect(plan.body).toMatch(/Level of response: /);
      expect(plan.body).toMatch(/What we ask of you: /);
      expect(plan.body).toMatch(/Until when: /);
      expect(plan.body).toContain('{{Confidentiality notice}}');
      expect(plan.body).toContain('This report is now closed.');
    }
    expect(template('Response plan: temporary ban').body).toContain('{{Outcome end date}}');
    expect(template('Outcome notice').body).toContain('{{Confidentiality notice}}');
  });

  // Every default template against a row at every stage.
  for (const stage of STAGES) {
    describe(`at stage ${stage}`, () => {
      for (const t of SEEDED) {
        test(t.name, () => {
          const result = prepareDraft(t, context(ROWS[stage]));
          const expected = expectedAt(t.name, stage);
          if ('problems' in expected) {
            expect(result).toEqual({ ok: false, problems: expected.problems });
          } else {
            const email = EXPECTED[t.name];
            expect(result).toEqual({ ok: true, draft: { role: email.role, to: email.to, subject: email.subject, body: email.body } });
          }
        });
      }
    });
  }

  test('the other response plans render when the outcome is theirs', () => {
    const decided = (outcome: string) => context({ ...ROWS.Decision, Outcome: outcome, 'Outcome end date': '' });
    const lines = (name: string, outcome: string) => {
      const result = prepareDraft(template(name), decided(outcome));
      if (!result.ok) throw new Error(result.problems.join('; '));
      return result.draft.body.split('\n\n').slice(2, 5);
    };
    expect(lines('Response plan: correction', 'Correction')).toEqual([
      'Level of response: correction',
      'What we ask of you: please avoid this behaviour in every community space from now on. You are welcome to tell us if you would like to apologise to those affected; we will pass it on only if they wish.',
      'Until when: from now on; a further breach may lead to a stronger response.',
    ]);
    expect(lines('Response plan: warning', 'Warning')).toEqual([
      'Level of response: warning',
      'What we ask of you: please do not repeat this behaviour, and do not contact the people involved in the report about it. This warning stays on record with the team.',
      'Until when: from now on; a further breach may lead to a temporary or permanent ban.',
    ]);
    expect(lines('Response plan: permanent ban', 'Permanent ban')).toEqual([
      'Level of response: permanent ban',
      'What we ask of you: please do not take part in any community space, and do not contact the people involved in the report.',
      'Until when: the ban is permanent.',
    ]);
    expect(lines('Response plan: no action', 'No action')).toEqual([
      'Level of response: no action (the team is taking no enforcement action)',
      'What we ask of you: nothing beyond following the Code of Conduct, as we ask of everyone in the community.',
      'Until when: no time limit applies.',
    ]);
  });

  test('a temporary ban without an end date is refused, naming the placeholder', () => {
    const row = { ...ROWS.Decision, 'Outcome end date': '' };
    expect(prepareDraft(template('Response plan: temporary ban'), context(row))).toEqual({
      ok: false,
      problems: ['{{Outcome end date}}: the Outcome end date cell is empty on this row'],
    });
  });

  test('the outcome notice says each outcome in lower case', () => {
    for (const [outcome, words] of [['Warning', 'warning'], ['No action', 'no action'], ['Permanent ban', 'permanent ban']]) {
      const result = prepareDraft(template('Outcome notice'), context({ ...ROWS.Decision, Outcome: outcome }));
      expect(result.ok && result.draft.body).toContain(`The outcome the team decided on is: ${words}.`);
    }
  });
});

describe('placeholders', () => {
  const plain = (subject: string, body = 'x'): Template => ({ name: 'Custom', to: 'Reporter', subject, body });
  const fill = (text: string, ctx = context(ROWS.Decision)) => fillPlaceholders(text, ctx, 'body');

  test('match any column header, ignoring case and spaces', () => {
    expect(fill('{{Case ID}}|{{case id}}|{{ CASE  ID }}|{{CaseID}}|{{reporter NAME}}').text).toBe(
      'IRT-2026-007|IRT-2026-007|IRT-2026-007|IRT-2026-007|Zoë Brontë',
    );
  });

  test("a team's own column works, and so does every canonical column under an adopted header", () => {
    const row = { ...ROWS.Decision, Pronouns: 'they/them' };
    expect(fill('{{Pronouns}}', context(row)).text).toBe('they/them');
    // An adopted sheet calls the columns "Reporter" and "Date received": both names work.
    const header = ['Case ID', 'Date received', 'Stage', 'Reporter', 'Reporter email', 'Notes to self'];
    const ctx = context({ ...row, Reporter: 'Zoë', 'Date received': '2026-02-14', 'Notes to self': 'n' }, { header });
    ctx.row = ['IRT-2026-007', startOfDay(day('2026-02-14'), ctx.timeZone), 'Decision', 'Zoë', 'zoe@example.org', 'n'];
    expect(fill('{{Reporter}} {{Reporter name}} {{Received}} {{Date received}}', ctx).text).toBe(
      'Zoë Zoë 14 February 2026 14 February 2026',
    );
  });

  test('computed values: outcome lowercase, today and the confidentiality notice from Settings', () => {
    const ctx = context(ROWS.Decision, { settings: { confidentialityNotice: 'Keep this private.' } });
    expect(fill('{{Outcome lowercase}} / {{today}} / {{CONFIDENTIALITY NOTICE}}', ctx).text).toBe(
      'temporary ban / 5 March 2026 / Keep this private.',
    );
  });

  test('dates print in the spreadsheet zone, in the format set in Settings', () => {
    for (const timeZone of ['Pacific/Auckland', 'America/Los_Angeles', 'Etc/UTC']) {
      expect(fill('{{Received}}', context(ROWS.Decision, { timeZone })).text).toBe('14 February 2026');
      const custom = context(ROWS.Decision, { timeZone, settings: { emailDateFormat: "EEEE dd/MM/yyyy" } });
      expect(fill('{{Received}} {{Today}} {{Outcome end date}}', custom).text).toBe('Saturday 14/02/2026 Thursday 05/03/2026 Tuesday 30/06/2026');
    }
  });

  test('a date typed as yyyy-mm-dd text prints like a date cell; other text in a date column is refused', () => {
    const ctx = context(ROWS.Decision);
    const index = ctx.map['Outcome end date'] as number;
    const row = [...ctx.row];
    row[index] = '2026-07-01';
    expect(fill('{{Outcome end date}}', { ...ctx, row }).text).toBe('1 July 2026');
    row[index] = 'end of June';
    expect(fill('{{Outcome end date}}', { ...ctx, row }).problems).toEqual([
      '{{Outcome end date}}: the Outcome end date cell is not a date',
    ]);
  });

  test('values are inserted as typed: markup, quotes, accents and emoji are kept', () => {
    const row = { ...ROWS.Decision, 'Reporter name': '<b>Zoë</b> & "co" 🎉', Pronouns: '=HYPERLINK("x")' };
    expect(fill('Hi {{Reporter name}} {{Pronouns}}', context(row)).text).toBe('Hi <b>Zoë</b> & "co" 🎉 =HYPERLINK("x")');
  });

  test('every unknown, empty or unclosed placeholder is listed, once each', () => {
    const t = plain('{{Case ID}} {{Reporter nmae}}', 'Hi {{Reporter nmae}} {{Outcome end date}} {{}} {{Findings}} {{Case ID}');
    expect(prepareDraft(t, context(ROWS.Investigating))).toEqual({
      ok: false,
      problems: [
        '{{Reporter nmae}} does not name a column of the cases sheet',
        '{{Outcome end date}}: the Outcome end date cell is empty on this row',
        '{{}} is an empty placeholder',
        '{{Findings}}: the Findings cell is empty on this row',
        'The body has "{{" or "}}" that does not close a placeholder',
      ],
    });
  });

  test('a brace next to a placeholder is refused, not printed', () => {
    for (const body of ['Hi {{{Reporter name}}}', 'Hi {{Reporter name}}}', 'Hi {{{Reporter name}}', 'Hi {{{{Reporter name}}}}']) {
      expect(fill(body, context(ROWS.Investigating)).problems).toContain(
        'The body has a brace next to a placeholder ("{{{" or "}}}"): write {{Column name}}',
      );
    }
    expect(fill('Hi {Reporter name} {{Reporter name}}', context(ROWS.Investigating)).problems).toEqual([]);
  });

  test('placeholdersIn lists names in order', () => {
    expect(placeholdersIn('{{ A }} b {{C d}} {{A}}')).toEqual(['A', 'C d', 'A']);
  });

  test('the subject is one line; the body keeps its paragraphs but loses trailing spaces', () => {
    const row = { ...ROWS.Decision, Pronouns: 'line one\nline two' };
    const result = prepareDraft(plain('About {{Pronouns}}  now', '\n\nHello   \r\nthere\r\n\r\n{{Pronouns}}\n\n\n'), context(row));
    expect(result).toEqual({
      ok: true,
      draft: { role: 'Reporter', to: 'zoe@example.org', subject: 'About line one line two now', body: 'Hello\nthere\n\nline one\nline two' },
    });
  });
});

describe('refusals', () => {
  const reported = template('Notify reported party');

  test('a template merely named like the response plan is no exception before the decision', () => {
    // A team's row with the response plan's Step: still no exception before the decision.
    const sneaky: Template = {
      name: 'Response plan questions',
      to: 'Reported party',
      subject: 'About {{Case ID}}',
      body: 'A report names you.',
      step: 'responsePlan',
    };
    const row = { ...ROWS.Received, 'Permission to notify reported party': 'No' };
    expect(prepareDraft(sneaky, context(row))).toEqual({ ok: false, problems: [NO_PERMISSION('No')] });
    // Decided, but the stage was never moved to Decision: still refused.
    expect(prepareDraft(sneaky, context({ ...row, Outcome: 'Warning' })).ok).toBe(false);
    expect(prepareDraft(sneaky, context({ ...ROWS.Decision, 'Permission to notify reported party': 'No' })).ok).toBe(true);
  });

  test('{{Column|fallback}} stands in for an empty cell only', () => {
    const plain = (subject: string, body: string): Template => ({ name: 'Custom', to: 'Reporter', subject, body });
    const t = plain('Hi {{Reporter name|there}}', 'Hello {{Reporter name|there}}, {{Outcome lowercase|no decision yet}}.');
    const anonymous = { ...ROWS.Received, 'Reporter name': '' };
    expect(prepareDraft(t, context(anonymous))).toEqual({
      ok: true,
      draft: { role: 'Reporter', to: 'zoe@example.org', subject: 'Hi there', body: 'Hello there, no decision yet.' },
    });
    expect(prepareDraft(t, context(ROWS.Received))).toMatchObject({ ok: true, draft: { subject: `Hi ${ROWS.Received['Reporter name']}` } });
    // A typo is still refused, fallback or not.
    expect(prepareDraft(plain('Hi {{Reportr name|there}}', 'B'), context(anonymous))).toEqual({
      ok: false,
      problems: ['{{Reportr name}} does not name a column of the cases sheet'],
    });
  });

  test('the reported party only with permission Yes, except the response plan', () => {
    for (const permission of ['No', 'Not asked', 'yes please']) {
      const row = { ...ROWS.Decision, 'Permission to notify reported party': permission };
      expect(prepareDraft(reported, context(row))).toEqual({ ok: false, problems: [NO_PERMISSION(permission)] });
      expect(prepareDraft(template('Update to reported party'), context(row))).toEqual({ ok: false, problems: [NO_PERMISSION(permission)] });
      expect(prepareDraft(template('Response plan: temporary ban'), context(row)).ok).toBe(true);
    }
    const empty = { ...ROWS.Decision, 'Permission to notify reported party': '' };
    expect(prepareDraft(reported, context(empty))).toEqual({
      ok: false,
      problems: [
        'The reporter has not given permission to contact the reported party (permission is empty); only the response plan, once the case is decided, may go to them without it',
      ],
    });
  });

  test('the address must be present and valid', () => {
    expect(prepareDraft(template('Acknowledgement'), context({ ...ROWS.Received, 'Reporter email': '' }))).toEqual({
      ok: false,
      problems: ['Reporter email is empty on this row'],
    });
    for (const bad of ['zoe', 'zoe@example', 'a@b.org, c@d.org', 'Zoë <zoe@example.org>', 'zoe@example.org\nBcc: x@y.z']) {
      expect(prepareDraft(template('Acknowledgement'), context({ ...ROWS.Received, 'Reporter email': bad }))).toEqual({
        ok: false,
        problems: ['Reporter email is not a valid email address'],
      });
    }
  });

  test("a template's To must be a role", () => {
    const t: Template = { name: 'Custom', to: 'zoe@example.org', subject: 'S', body: 'B' };
    expect(prepareDraft(t, context(ROWS.Received))).toEqual({
      ok: false,
      problems: ['The template\'s To is "zoe@example.org": it must be Reporter or Reported party'],
    });
    expect(prepareDraft({ ...t, to: ' reported PARTY ' }, context(ROWS.Investigating)).ok).toBe(true);
  });

  test('all problems at once', () => {
    const t: Template = { name: 'Notify reported party (short)', to: 'Reported party', subject: '', body: '{{Outcome}} {{Nope}}' };
    const row = { ...ROWS.Received, 'Reported party email': 'nope' };
    expect(prepareDraft(t, context(row))).toEqual({
      ok: false,
      problems: [
        'Reported party email is not a valid email address',
        NO_PERMISSION('Not asked'),
        '{{Outcome}}: the Outcome cell is empty on this row',
        '{{Nope}} does not name a column of the cases sheet',
        'The template has no subject',
      ],
    });
    expect(describeRefusal('IRT-2026-007', t.name, ['a', 'b'])).toBe(
      'No draft was created for case IRT-2026-007 with "Notify reported party (short)":\n• a\n• b',
    );
  });
});

describe('the Templates sheet', () => {
  test('is read by header, skipping rows without a name', () => {
    const values = [
      ['Body', 'template ', 'SUBJECT', 'To', 'Notes'],
      ['Hello', 'Acknowledgement', 'Hi', 'Reporter', 'n'],
      ['', '', '', '', ''],
      [42, 'Custom', 'S', 'Reported party', ''],
    ];
    expect(parseTemplates(values)).toEqual({
      templates: [
        { name: 'Acknowledgement', to: 'Reporter', subject: 'Hi', body: 'Hello' },
        { name: 'Custom', to: 'Reported party', subject: 'S', body: '42' },
      ],
      problems: [],
    });
    expect(parseTemplates([['Template', 'To']])).toEqual({ templates: [], problems: ['The Templates sheet has no Subject, Body column'] });
    expect(parseTemplates([])).toEqual({ templates: [], problems: ['The Templates sheet has no Template, To, Subject, Body column'] });
  });

  test('finds a template by name like a header, refusing duplicates', () => {
    expect(findTemplate(DEFAULT_TEMPLATES, ' acknowledgement ')).toBe(DEFAULT_TEMPLATES[0]);
    expect(findTemplate(DEFAULT_TEMPLATES, 'Nope')).toEqual({ problem: 'There is no template named "Nope" in the Templates sheet' });
    const twice = [...DEFAULT_TEMPLATES, { ...DEFAULT_TEMPLATES[0], name: 'ACKNOWLEDGEMENT' }];
    expect(findTemplate(twice, 'Acknowledgement')).toEqual({
      problem: '2 templates are named "Acknowledgement": rename one in the Templates sheet',
    });
  });

  // Which templates a case can take now (and why not): test/unit/template-fit.test.ts.

  test('steps come from the Step column, never from the name', () => {
    const stepRow = (name: string, step: string) => parseTemplates([['Template', 'To', 'Subject', 'Body', 'Step'], [name, 'Reporter', 's', 'b', step]]).templates[0];
    expect(stepRow('Update to reported party', 'updateReported')?.step).toBe('updateReported');
    expect(stepRow('update to reporter (short)', 'updateReporter')?.step).toBe('updateReporter');
    expect(stepRow('Response plan', 'responsePlan')?.step).toBe('responsePlan');
    expect(stepRow('Response plan', 'responsePlan')?.outcome).toBeUndefined();
    expect(stepRow('Response plan – Temporary ban', 'responsePlan: Temporary ban')?.outcome).toBe('Temporary ban');
    expect(stepRow('Thanks', '')?.step).toBeUndefined();
    // A name alone opens nothing; an unknown Step is no step.
    expect(stepRow('Acknowledgement', '')?.step).toBeUndefined();
    expect(parseStep('acknowledgement: Warning')).toBeNull();
    expect(parseStep('nonsense')).toBeNull();
  });
});

describe('Mark as sent today', () => {
  test('each saved reply fills its date column', () => {
    expect(SEEDED.map((t) => [t.name, sentColumnOf(t)])).toEqual([
      ['Acknowledgement', 'First reply sent'],
      ['Not a violation', 'Closed'],
      ['Next steps to reporter', 'Reporter notified'],
      ['Notify reported party', 'Reported party notified'],
      ['Update to reporter', 'Last update to reporter'],
      ['Update to reported party', 'Last update to reported party'],
      [RESPONSE_PLAN, 'Response plan sent'],
      [OUTCOME_NOTICE, 'Reporter told outcome'],
      [APPEAL_RESULT_REPORTER, 'Reporter told appeal result'],
      [APPEAL_RESULT_REPORTED, 'Reported party told appeal result'],
      ['Response plan: correction', 'Response plan sent'],
      ['Response plan: warning', 'Response plan sent'],
      ['Response plan: temporary ban', 'Response plan sent'],
      ['Response plan: permanent ban', 'Response plan sent'],
      ['Response plan: no action', 'Response plan sent'],
      ['Outcome notice', 'Reporter told outcome'],
    ]);
    expect(sentColumnOf({ step: undefined })).toBeNull();
  });
  // planMarkSent (the panel's step, dated today) is tested in test/unit/case-steps.test.ts.
});
