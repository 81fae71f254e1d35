import { startOfDay } from '../../src/core/calendar';
import {
  DEFAULT_TEMPLATES,
  APPEAL_RESULT_REPORTED,
  APPEAL_RESULT_REPORTER,
  OUTCOME_NOTICE,
  RESPONSE_PLAN,
} from '../../src/core/default-templates';
import {
  describeRefusal,
  fillPlaceholders,
  findTemplate,
  parseStep,
  parseTemplates,
  placeholdersIn,
  prepareDraft,
  sentColumnOf,
  type Template,
} from '../../src/core/templates';
import { day, ROWS, context, SEEDED, template, NO_PERMISSION } from './template-fixtures';

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
