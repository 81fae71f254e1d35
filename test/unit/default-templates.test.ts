import { STAGES } from '../../src/core/columns';
import {
  DEFAULT_TEMPLATES,
  EARLIER_DEFAULT_TEMPLATES,
  APPEAL_RESULT_REPORTED,
  APPEAL_RESULT_REPORTER,
  OUTCOME_NOTICE,
  RESPONSE_PLAN,
  defaultTemplateRows,
} from '../../src/core/default-templates';
import { TEMPLATE_HEADER, prepareDraft } from '../../src/core/templates';
import { NOTICE, type Row, ROWS, context, SEEDED, template, EXPECTED, expectedAt } from './template-fixtures';

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
