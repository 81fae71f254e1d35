// A case at every stage and the filling context: shared by the template tests.
import { dayFromIso, startOfDay, type Day } from '../../src/core/calendar';
import { COLUMN_NAMES, matchHeaders, type ColumnName, type Stage } from '../../src/core/columns';
import { defaultSettings } from '../../src/core/settings';
import {
  DEFAULT_TEMPLATES,
  EARLIER_DEFAULT_TEMPLATES,
  APPEAL_RESULT_REPORTED,
  APPEAL_RESULT_REPORTER,
  OUTCOME_NOTICE,
  RESPONSE_PLAN,
} from '../../src/core/default-templates';
import { findTemplate, type DraftContext } from '../../src/core/templates';

export const day = (iso: string) => dayFromIso(iso) as Day;
const TODAY = day('2026-03-05');
export const NOTICE =
  'Please keep this message, the findings and all communication about this report confidential. ' +
  'Sharing them with anyone outside the Incident Response Team may itself lead to further action ' +
  'under the Code of Conduct.';
const SIGN_OFF = 'With thanks,\nThe Code of Conduct Incident Response Team';

export type Row = Partial<Record<ColumnName | string, string>>;

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
export const ROWS: Record<Stage, Row> = (() => {
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

export function context(row: Row, options: { timeZone?: string; header?: string[]; settings?: Partial<DraftContext['settings']> } = {}): DraftContext {
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
export const SEEDED = [...DEFAULT_TEMPLATES, ...EARLIER_DEFAULT_TEMPLATES];

export const template = (name: string) => {
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

export const EXPECTED: Record<string, { to: string; role: string; subject: string; body: string }> = {
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

export const NO_PERMISSION = (p: string) =>
  `The reporter has not given permission to contact the reported party (permission is "${p}"); only the response plan, once the case is decided, may go to them without it`;
const EARLY: Stage[] = ['Received', 'Assessing', 'Not a violation'];
const NO_OUTCOME: Stage[] = ['Received', 'Assessing', 'Not a violation', 'Sub-team formed', 'Investigating'];

/** What each default template gives at each stage: the expected email, or the exact problems. */
export function expectedAt(name: string, stage: Stage): { ok: true } | { problems: string[] } {
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
