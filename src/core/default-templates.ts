// The default saved replies, in the project's own words: seeded into an empty
// Templates sheet, and added by name to a team's sheet that lacks one. The
// response plan and the outcome notice go by the names the process gives them
// and always carry the confidentiality notice.

import type { Outcome } from './columns';
import type { Template } from './templates';

const lines = (...paragraphs: string[]) => paragraphs.join('\n\n');
const SIGN_OFF = 'With thanks,\nThe Code of Conduct Incident Response Team';

/** The names the process gives these two saved replies; a team migrating from its help desk looks for them. */
export const RESPONSE_PLAN = 'Issuing a Response Plan [Reported Party]';
export const OUTCOME_NOTICE = 'Issuing a Response Plan [Notify Reporter]';
/** The result of an appeal, to each party (with the confidentiality reminder). */
export const APPEAL_RESULT_REPORTER = 'Appeal result [Reporter]';
export const APPEAL_RESULT_REPORTED = 'Appeal result [Reported Party]';

export const DEFAULT_TEMPLATES: readonly Template[] = [
  {
    name: 'Acknowledgement',
    to: 'Reporter',
    step: 'acknowledgement',
    subject: 'We have received your report ({{Case ID}})',
    body: lines(
      'Hello {{Reporter name|there}},',
      'Thank you for writing to the Code of Conduct Incident Response Team. We received your report on {{Received}} and are tracking it as case {{Case ID}}.',
      'Only members of the Incident Response Team can see your report. The team will now discuss it together and decide whether it may break the Code of Conduct. We will write to you again with what happens next.',
      'If you remember anything else, or something new happens, simply reply to this email.',
      SIGN_OFF,
    ),
  },
  {
    name: 'Not a violation',
    to: 'Reporter',
    step: 'notViolation',
    subject: 'Our assessment of your report ({{Case ID}})',
    body: lines(
      'Hello {{Reporter name|there}},',
      'Thank you again for your report of {{Received}} (case {{Case ID}}). The Incident Response Team has discussed it carefully.',
      'We have concluded that what you describe is not something the Code of Conduct covers: either it did not take place in one of the community’s official spaces, or the behaviour, as reported, does not break the Code. We are therefore closing this report without further action.',
      'This is not a judgement of your experience, and we are sorry it happened. If you have more information, or if something new happens, please write to us and we will look at it again.',
      SIGN_OFF,
    ),
  },
  {
    name: 'Next steps to reporter',
    to: 'Reporter',
    step: 'nextSteps',
    subject: 'Next steps for your report ({{Case ID}})',
    body: lines(
      'Hello {{Reporter name|there}},',
      'We have assessed your report (case {{Case ID}}) and will look into it further. Three members of the Incident Response Team with no direct connection to the case are now handling it. They will keep you informed regularly until the case is closed.',
      'To hear their side of events, we would like to contact {{Reported party name|the person you reported}}. We will only do so with your permission: please reply to tell us whether we may. If you prefer that we do not, we will respect that, although it may limit what the team can do.',
      'If there is anyone we should talk to, or anything we should see, please tell us in your reply.',
      SIGN_OFF,
    ),
  },
  {
    name: 'Notify reported party',
    to: 'Reported party',
    step: 'notifyReported',
    subject: 'A Code of Conduct report involving you ({{Case ID}})',
    body: lines(
      'Hello {{Reported party name|there}},',
      'The Code of Conduct Incident Response Team has received a report involving you, and we are looking into it as case {{Case ID}}. No decision has been made.',
      'Three members of the team are handling the case, and we would like to hear your account of what happened. Please reply to this email; tell us too about anyone we should talk to or anything we should see. We will keep you informed regularly until the case is closed.',
      'Please do not contact anyone about this report yourself; talk to us instead.',
      '{{Confidentiality notice}}',
      SIGN_OFF,
    ),
  },
  {
    name: 'Update to reporter',
    to: 'Reporter',
    step: 'updateReporter',
    subject: 'Update on your report ({{Case ID}})',
    body: lines(
      'Hello {{Reporter name|there}},',
      'This is our regular update on your report (case {{Case ID}}), as of {{Today}}.',
      'The team is still working on it and has not reached a decision yet. We will write again at the next regular update, or sooner if there is news.',
      'If you have anything to add, simply reply to this email.',
      SIGN_OFF,
    ),
  },
  {
    name: 'Update to reported party',
    to: 'Reported party',
    step: 'updateReported',
    subject: 'Update on the report involving you ({{Case ID}})',
    body: lines(
      'Hello {{Reported party name|there}},',
      'This is our regular update on the report involving you (case {{Case ID}}), as of {{Today}}.',
      'The team is still looking into it and has not reached a decision yet. We will write again at the next regular update, or sooner if there is news.',
      '{{Confidentiality notice}}',
      SIGN_OFF,
    ),
  },
  {
    name: RESPONSE_PLAN,
    to: 'Reported party',
    step: 'responsePlan',
    subject: 'Decision on the Code of Conduct report involving you ({{Case ID}})',
    body: lines(
      'Hello {{Reported party name|there}},',
      'The Incident Response Team has finished looking into the report involving you (case {{Case ID}}). This is our decision, issued under the Code of Conduct Enforcement Guidelines.',
      'Level of response under the Enforcement Guidelines: {{Outcome lowercase}}',
      'What we ask of you: {{Requested action|nothing beyond following the Code of Conduct, as we ask of everyone in the community}}',
      'End date: {{Outcome end date|none}}',
      // Optional: the paragraph disappears when the cell is empty.
      '{{Behaviour description|}}',
      '{{Confidentiality notice}}',
      'This report is now closed. If you have questions about this decision, reply to this email and the team will answer.',
      SIGN_OFF,
    ),
  },
  {
    name: OUTCOME_NOTICE,
    to: 'Reporter',
    step: 'outcomeNotice',
    subject: 'Outcome of your report ({{Case ID}})',
    body: lines(
      'Hello {{Reporter name|there}},',
      'The Incident Response Team has finished its work on your report (case {{Case ID}}) and has reached a decision under the Code of Conduct Enforcement Guidelines.',
      'Outcome: {{Outcome lowercase}}',
      'What we have asked of the other party: {{Requested action|nothing beyond following the Code of Conduct}}',
      'End date: {{Outcome end date|none}}',
      'We have told the other party of the decision and of what it means for them.',
      '{{Confidentiality notice}}',
      'This report is now closed. Thank you for trusting us with it. If anything else happens, please write to us.',
      SIGN_OFF,
    ),
  },
  {
    name: APPEAL_RESULT_REPORTER,
    to: 'Reporter',
    step: 'appealResultReporter',
    subject: 'The result of the appeal on your report ({{Case ID}})',
    body: lines(
      'Hello {{Reporter name|there}},',
      'An appeal was made against the decision on your report (case {{Case ID}}). Three members of the Incident Response Team who had not worked on the case have reviewed it.',
      'Result of the appeal: {{Appeal decision}}',
      'The decision now in force: {{Outcome lowercase}}, ending {{Outcome end date|with no end date}}.',
      '{{Confidentiality notice}}',
      'This closes the appeal. If anything else happens, please write to us.',
      SIGN_OFF,
    ),
  },
  {
    name: APPEAL_RESULT_REPORTED,
    to: 'Reported party',
    step: 'appealResultReported',
    subject: 'The result of the appeal on the report involving you ({{Case ID}})',
    body: lines(
      'Hello {{Reported party name|there}},',
      'An appeal was made against the decision on the report involving you (case {{Case ID}}). Three members of the Incident Response Team who had not worked on the case have reviewed it.',
      'Result of the appeal: {{Appeal decision}}',
      'The decision now in force, under the Code of Conduct Enforcement Guidelines: {{Outcome lowercase}}, ending {{Outcome end date|with no end date}}.',
      'What we ask of you: {{Requested action|nothing beyond following the Code of Conduct, as we ask of everyone in the community}}',
      '{{Confidentiality notice}}',
      'This closes the appeal.',
      SIGN_OFF,
    ),
  },
];

/** The default templates as Templates sheet rows (no header). */
export function defaultTemplateRows(): string[][] {
  return DEFAULT_TEMPLATES.map((t) => [t.name, t.to, t.subject, t.body]);
}

// ---- What an earlier version seeded -----------------------------------------------
// A response plan per outcome and an "Outcome notice", exactly as they were seeded.
// They are no longer defaults, but a team's sheet may hold them: kept here so those
// rows can be recognised by their exact name and text, never to seed them again.

const earlierResponsePlan = (outcome: Outcome, level: string, asked: string, until: string): Template => ({
  name: `Response plan: ${outcome.toLowerCase()}`,
  to: 'Reported party',
  // Written for one outcome: it fits only a case of that outcome.
  step: 'responsePlan',
  outcome,
  subject: 'Decision on the Code of Conduct report involving you ({{Case ID}})',
  body: lines(
    'Hello {{Reported party name|there}},',
    'The Incident Response Team has finished looking into the report involving you (case {{Case ID}}) and has reached a decision.',
    `Level of response: ${level}`,
    `What we ask of you: ${asked}`,
    `Until when: ${until}`,
    '{{Confidentiality notice}}',
    'This report is now closed. If you have questions about this decision, reply to this email and the team will answer.',
    SIGN_OFF,
  ),
});

export const EARLIER_DEFAULT_TEMPLATES: readonly Template[] = [
  earlierResponsePlan(
    'Correction',
    'correction',
    'please avoid this behaviour in every community space from now on. You are welcome to tell us if you would like to apologise to those affected; we will pass it on only if they wish.',
    'from now on; a further breach may lead to a stronger response.',
  ),
  earlierResponsePlan(
    'Warning',
    'warning',
    'please do not repeat this behaviour, and do not contact the people involved in the report about it. This warning stays on record with the team.',
    'from now on; a further breach may lead to a temporary or permanent ban.',
  ),
  earlierResponsePlan(
    'Temporary ban',
    'temporary ban',
    'please do not take part in any community space, and do not contact the people involved in the report, during the ban.',
    'the ban ends on {{Outcome end date}}. After that date you are welcome to take part again, following the Code of Conduct.',
  ),
  earlierResponsePlan(
    'Permanent ban',
    'permanent ban',
    'please do not take part in any community space, and do not contact the people involved in the report.',
    'the ban is permanent.',
  ),
  earlierResponsePlan(
    'No action',
    'no action (the team is taking no enforcement action)',
    'nothing beyond following the Code of Conduct, as we ask of everyone in the community.',
    'no time limit applies.',
  ),
  {
    name: 'Outcome notice',
    to: 'Reporter',
    step: 'outcomeNotice',
    subject: 'Outcome of your report ({{Case ID}})',
    body: lines(
      'Hello {{Reporter name|there}},',
      'The Incident Response Team has finished its work on your report (case {{Case ID}}). The outcome the team decided on is: {{Outcome lowercase}}. We have told the other party of the decision and of what it means for them.',
      '{{Confidentiality notice}}',
      'Thank you for trusting us with your report. If anything else happens, please write to us.',
      SIGN_OFF,
    ),
  },
];

/**
 * Every row a version of the add-on seeded into a team's Templates sheet: such a
 * row, left exactly as seeded, is that saved reply (setup fills its Step).
 */
export const SEEDED_TEMPLATES: readonly Template[] = [...DEFAULT_TEMPLATES, ...EARLIER_DEFAULT_TEMPLATES];
