// Email drafts through the built bundle (dist/Code.js; `npm test` builds it
// first) against the fakes: the Templates sheet, the dialog's entry points,
// the Gmail draft and its MIME message, every refusal, the log and
// "Mark as sent today".
import { actionLog } from '../support/log';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_TEMPLATES,
  EARLIER_DEFAULT_TEMPLATES,
  OUTCOME_NOTICE,
  RESPONSE_PLAN,
  defaultTemplateRows,
} from '../../src/core/default-templates';
import { STEP_HEADER, TEMPLATE_HEADER, stepText, type DraftDialogData } from '../../src/core/templates';
import { createEnv, type DraftRecord, type FakeEnv } from '../../fakes';
import { createGas, type Gas } from '../../fakes/runtime';

const ROOT = path.resolve(__dirname, '../..');
const DIST = process.env.IRT_BUNDLE_DIR ?? path.join(ROOT, 'dist');
const USER = 'member@example.org';

type Row = Record<string, string>;

/** A case at stage Received with a first reply owed; dates as typed into the sheet. */
const RECEIVED: Row = {
  'Case ID': 'IRT-2026-007',
  Received: '2026-02-14',
  Stage: 'Received',
  'Reporter name': 'Zoë Brontë',
  'Reporter email': 'zoe@example.org',
  'Reported party name': 'Sam O’Neil',
  'Reported party email': 'sam@example.net',
  'Permission to notify reported party': 'Not asked',
  Summary: 'Confidential summary',
  Where: 'Forum',
};
const DECIDED: Row = {
  ...RECEIVED,
  'Case ID': 'IRT-2026-008',
  Stage: 'Decision',
  'First reply sent': '2026-02-15',
  'Permission to notify reported party': 'Yes',
  'Sub-team': 'a@irt.example, b@irt.example, c@irt.example',
  'Sub-team formed': '2026-02-18',
  'Reporter notified': '2026-02-20',
  'Reported party notified': '2026-02-21',
  'Last update to reporter': '2026-03-01',
  Outcome: 'Temporary ban',
  'Outcome end date': '2026-06-30',
  'Requested action': 'Please stay away from the forum and the chat server until the ban ends.',
};

/** The decided case, back in its investigation: no outcome yet, so the regular updates are open. */
const INVESTIGATING: Row = { ...DECIDED, Stage: 'Investigating', Outcome: '', 'Outcome end date': '', 'Requested action': '' };

interface Setup {
  env: FakeEnv;
  gas: Gas;
  header: string[];
  col: (name: string) => number;
}

/**
 * A set-up tracker with two cases. 2026-03-04 20:00 UTC is 5 March in Auckland
 * and 4 March in Los Angeles.
 */
function setUp(timeZone = 'Pacific/Auckland', rows: Row[] = [RECEIVED, DECIDED]): Setup {
  const env = createEnv({ spreadsheetTimeZone: timeZone, now: '2026-03-04T20:00:00Z', activeUser: USER });
  const gas = createGas(env, { bundleDir: DIST });
  gas.run('setupTracker');
  const header = env.sheetValues('Cases')[0].map(String);
  env.seedSheet('Cases', [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]);
  gas.run('refreshDeadlines');
  select(env, 2);
  env.calls.reset();
  return { env, gas, header, col: (name) => header.indexOf(name) };
}

/** A team's sheet that an earlier version seeded: its per-outcome response plans and "Outcome notice" too. */
function addEarlierDefaults(s: Setup): void {
  const rows = EARLIER_DEFAULT_TEMPLATES.map((t) => [t.name, t.to, t.subject, t.body]);
  s.env.seedSheet('Templates', [...s.env.sheetValues('Templates'), ...rows]);
  s.env.calls.reset();
}

function select(env: FakeEnv, row: number, sheet = 'Cases'): void {
  env.sheet(sheet).getRange(row, 3).activate();
}

const logRows = (env: FakeEnv) => actionLog(env);
const caseRows = (env: FakeEnv) => env.sheetValues('Cases').slice(1);

/** Counts of the service calls that matter for batching and side effects. */
function effects(env: FakeEnv) {
  return {
    reads: env.calls.count('Range.getValues'),
    writes: env.calls.count('Range.setValues') + env.calls.count('Range.setValue'),
    drafts: env.calls.count('Gmail.Users.Drafts.create'),
    locks: env.calls.count('Lock.tryLock'),
  };
}

/** The parts of a created draft, decoded the way a mail reader would. */
function decodeDraft(draft: DraftRecord) {
  const [head, ...rest] = draft.mime.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1] ?? '';
  const parts = rest
    .join('\r\n\r\n')
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [partHead, content] = part.replace(/^\r\n/, '').split('\r\n\r\n');
      return { type: /Content-Type: ([^;]+)/.exec(partHead)?.[1], text: Buffer.from(content, 'base64').toString('utf8') };
    });
  const subject = (headers.get('subject') ?? '')
    .split(' ')
    .map((w) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(w)?.[1] ?? '', 'base64').toString('utf8'))
    .join('');
  return { headers, subject, parts };
}

const PREVIEW_ACK = {
  to: 'zoe@example.org',
  subject: 'We have received your report (IRT-2026-007)',
  body: [
    'Hello Zoë Brontë,',
    'Thank you for writing to the Code of Conduct Incident Response Team. We received your report on 14 February 2026 and are tracking it as case IRT-2026-007.',
    'Only members of the Incident Response Team can see your report. The team will now discuss it together and decide whether it may break the Code of Conduct. We will write to you again with what happens next.',
    'If you remember anything else, or something new happens, simply reply to this email.',
    'With thanks,\nThe Code of Conduct Incident Response Team',
  ].join('\n\n'),
};

describe('the Templates sheet', () => {
  // The sheet as setup writes it: the four columns, then each default's Step.
  const SEEDED = [[...TEMPLATE_HEADER, STEP_HEADER], ...defaultTemplateRows().map((row, i) => [...row, stepText(DEFAULT_TEMPLATES[i])])];

  test('setup seeds the default templates once; a team’s own rows are never touched', () => {
    const s = setUp();
    expect(s.env.sheetValues('Templates')).toEqual(SEEDED);
    s.gas.run('setupTracker');
    expect(s.env.sheetValues('Templates')).toHaveLength(DEFAULT_TEMPLATES.length + 1);

    // Emptied down to the header: seeded again. Holding the team's own row: kept, the defaults added after it.
    s.env.sheet('Templates').getRange(2, 1, DEFAULT_TEMPLATES.length, 5).clearContent();
    s.gas.run('setupTracker');
    expect(s.env.sheetValues('Templates')).toEqual(SEEDED);
    s.env.sheet('Templates').getRange(2, 1, DEFAULT_TEMPLATES.length, 5).clearContent();
    s.env.seedSheet('Templates', [[...TEMPLATE_HEADER], ['Thanks', 'Reporter', 'Thanks', 'Thank you']]);
    s.gas.run('setupTracker');
    // The team's own row keeps an empty Step (a message of its own); the defaults come with theirs.
    expect(s.env.sheetValues('Templates')).toEqual([[...TEMPLATE_HEADER, STEP_HEADER], ['Thanks', 'Reporter', 'Thanks', 'Thank you', ''], ...SEEDED.slice(1)]);
  });

  test('a sheet an earlier version seeded gets the two saved replies the process names, and nothing of the team’s changes', () => {
    const s = setUp();
    // The team's own order of columns, its own wording of a default, a column of its own, and the earlier per-outcome plans.
    const earlier = DEFAULT_TEMPLATES.filter((t) => t.name !== RESPONSE_PLAN && t.name !== OUTCOME_NOTICE);
    const team = [
      ['Subject', 'Template', 'Notes', 'Body', 'To'],
      ...earlier.map((t) => [t.subject, t.name, '', t.name === 'Acknowledgement' ? 'Our own words, {{Reporter name}}.' : t.body, t.to]),
      ...EARLIER_DEFAULT_TEMPLATES.map((t) => [t.subject, t.name, 'seeded', t.body, t.to]),
    ];
    s.env.seedSheet('Templates', team);
    s.env.calls.reset();
    s.gas.run('setupTracker');
    const plan = DEFAULT_TEMPLATES.find((t) => t.name === RESPONSE_PLAN)!;
    const notice = DEFAULT_TEMPLATES.find((t) => t.name === OUTCOME_NOTICE)!;
    // The Step column goes after the team's columns: filled on each row left exactly as seeded (not the reworded one).
    const seededStep = (row: unknown[]) => {
      const t = [...earlier, ...EARLIER_DEFAULT_TEMPLATES].find((d) => d.name === row[1] && d.subject === row[0] && d.body === row[3]);
      return t ? stepText(t) : '';
    };
    expect(s.env.sheetValues('Templates')).toEqual([
      [...team[0], STEP_HEADER],
      ...team.slice(1).map((row) => [...row, seededStep(row)]),
      [plan.subject, plan.name, '', plan.body, plan.to, 'responsePlan'],
      [notice.subject, notice.name, '', notice.body, notice.to, 'outcomeNotice'],
    ]);
    expect(s.env.sheetValues('Templates')[1][5]).toBe('');
    expect(s.env.sheetValues('Templates').map((row) => row[5])).toContain('responsePlan: Temporary ban');
    expect(s.env.ui.alerts.at(-1)?.prompt).toContain(`Added saved replies to Templates: ${RESPONSE_PLAN}, ${OUTCOME_NOTICE}.`);
    // Once there, never added again.
    s.env.calls.reset();
    s.gas.run('setupTracker');
    expect(s.env.sheetValues('Templates')).toHaveLength(team.length + 2);
    expect(s.env.ui.alerts.at(-1)?.prompt).not.toContain('Added saved replies');
  });

  test('filling the Step of untouched seeded rows writes those cells only: a team’s own Step cell (a formula) is kept', () => {
    const s = setUp();
    const old = defaultTemplateRows();
    s.env.sheet('Templates').getRange(1, 1, DEFAULT_TEMPLATES.length + 1, 5).clearContent();
    s.env.seedSheet('Templates', [[...TEMPLATE_HEADER, STEP_HEADER], ['Thanks', 'Reporter', 'Thanks', 'Thank you', ''], old[0].concat(''), ['Ours', 'Reporter', 'Hi', 'Hello', '']]);
    s.env.sheet('Templates').getRange(2, 5).setFormula('=B2');
    s.gas.run('setupTracker');
    const sheet = s.env.sheet('Templates');
    expect(sheet.getRange(2, 5).getFormula()).toBe('=B2');
    expect(sheet.getRange(3, 5).getValue()).toBe('acknowledgement');
    expect(sheet.getRange(4, 5).getValue()).toBe('');
  });

  test('setup gives an earlier version’s sheet its Step column, filling it only on rows left exactly as seeded', () => {
    const s = setUp();
    const old = defaultTemplateRows();
    const warning = EARLIER_DEFAULT_TEMPLATES.find((t) => t.name === 'Response plan: warning')!;
    const warningRow = [warning.name, warning.to, warning.subject, warning.body];
    const edited = [...old[4]];
    edited[3] = `${edited[3]}\n\nP.S. Our own line.`;
    // As an earlier version left it: four columns, no Step.
    s.env.sheet('Templates').getRange(1, 1, DEFAULT_TEMPLATES.length + 1, 5).clearContent();
    s.env.seedSheet('Templates', [[...TEMPLATE_HEADER], old[0], warningRow, edited, ['Thanks', 'Reporter', 'Thanks', 'Thank you']]);
    s.gas.run('setupTracker');
    expect(s.env.sheetValues('Templates').slice(0, 5)).toEqual([
      [...TEMPLATE_HEADER, STEP_HEADER],
      [...old[0], 'acknowledgement'],
      [...warningRow, 'responsePlan: Warning'],
      [...edited, ''],
      ['Thanks', 'Reporter', 'Thanks', 'Thank you', ''],
    ]);
    // A second run changes nothing.
    const once = s.env.sheetValues('Templates');
    s.gas.run('setupTracker');
    expect(s.env.sheetValues('Templates')).toEqual(once);
    // The edited default is the team's own now: marking it sent fills no date.
    expect(() => s.gas.run('markTemplateSent', 'IRT-2026-007', old[4][0])).toThrow(/has no date column to fill/);
    // The untouched ones are the process's saved replies again.
    expect(s.gas.run('markTemplateSent', 'IRT-2026-007', old[0][0])).toMatchObject({ column: 'First reply sent', changed: true });
  });

});

describe('the dialog', () => {
  test('Draft email… is on the menu and opens a static modal dialog for the selected case', () => {
    const s = setUp();
    s.gas.run('onOpen');
    const entries = s.env.ui.menus.at(-1)!.entries;
    expect(entries).toContainEqual({ type: 'item', caption: 'Draft email…', functionName: 'showDraftDialog' });

    s.env.calls.reset();
    const alerts = s.env.ui.alerts.length;
    s.gas.run('showDraftDialog');
    expect(s.env.ui.alerts).toHaveLength(alerts);
    const dialog = s.env.ui.dialogs.at(-1)!;
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Draft email', width: 760, height: 620 });
    // The page carries its case's ID, nothing else of the case: it asks draftDialogData for the rest.
    for (const value of ['Zoë', 'zoe@example.org', 'Confidential summary']) expect(dialog.html).not.toContain(value);
    expect(dialog.html).toContain('draftDialogData');
    // From the menu nothing is preselected (the case panel's buttons pass a template).
    expect(dialog.html).toContain('<script type="application/json" id="draft-dialog-start">{"caseId":"IRT-2026-007","template":null}</script>');
    expect(dialog.html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(dialog.html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(effects(s.env)).toEqual({ reads: 1, writes: 0, drafts: 0, locks: 0 });
  });

  test('with no case selected it explains instead of opening', () => {
    const s = setUp();
    for (const [row, sheet, reason] of [
      [1, 'Cases', /The header row is selected/],
      [9, 'Cases', /Row 9 has no Case ID/],
      [2, 'Settings', /No case is selected/],
    ] as const) {
      select(s.env, row, sheet);
      s.gas.run('showDraftDialog');
      expect(s.env.ui.alerts.at(-1)!.prompt).toMatch(reason);
    }
    expect(s.env.ui.dialogs).toHaveLength(0);
  });

  test('draftDialogData lists the templates that fit the stage first, with each sent date', () => {
    const s = setUp();
    const data = s.gas.run('draftDialogData', 'IRT-2026-007') as DraftDialogData;
    expect(data.caseId).toBe('IRT-2026-007');
    expect(data.stage).toBe('Received');
    expect(data.templates.map((t) => t.name)).toEqual([
      'Acknowledgement',
      ...DEFAULT_TEMPLATES.map((t) => t.name).filter((n) => n !== 'Acknowledgement'),
    ]);
    expect(data.templates[0]).toEqual({ name: 'Acknowledgement', to: 'Reporter', step: 'acknowledgement', fits: true, reason: null, sentColumn: 'First reply sent' });
    expect(data.preselect).toBe('Acknowledgement');
    expect(data.templates.filter((t) => t.fits)).toHaveLength(1);
    expect(data.sentDates['First reply sent']).toBe('');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data); // JSON-safe

    // By the ID the dialog was opened for, whatever row is selected now.
    select(s.env, 2);
    const decided = s.gas.run('draftDialogData', 'IRT-2026-008') as typeof data;
    expect(decided.caseId).toBe('IRT-2026-008');
    // Decided: the response plan, and nothing else, until it is sent.
    expect(decided.templates.map((t) => [t.name, t.reason])).toEqual([
      [RESPONSE_PLAN, null],
      ['Acknowledgement', 'the first reply was sent'],
      ['Not a violation', 'the case was assessed as a possible violation'],
      ['Next steps to reporter', 'the reporter was notified'],
      ['Notify reported party', 'the reported party was notified'],
      ['Update to reporter', 'the case is decided: send the response plan instead'],
      ['Update to reported party', 'the case is decided: send the response plan instead'],
      [OUTCOME_NOTICE, 'the response plan has not been sent'],
      ['Appeal result [Reporter]', 'there is no decided appeal'],
      ['Appeal result [Reported Party]', 'there is no decided appeal'],
    ]);
    expect(decided.preselect).toBe(RESPONSE_PLAN);
    expect(decided.sentDates).toMatchObject({ 'First reply sent': '2026-02-15', 'Last update to reporter': '2026-03-01', 'Response plan sent': '' });
    expect(decided.asked).toBeNull();
  });

  test('the template the panel asked for is found on the server (the page carries no process code)', () => {
    const s = setUp();
    // By its name, compared like headers; by the process's name for its saved reply; or none.
    expect((s.gas.run('draftDialogData', 'IRT-2026-008', 'update to  REPORTER') as DraftDialogData).asked).toBe('Update to reporter');
    expect((s.gas.run('draftDialogData', 'IRT-2026-008', RESPONSE_PLAN) as DraftDialogData).asked).toBe(RESPONSE_PLAN);
    expect((s.gas.run('draftDialogData', 'IRT-2026-008', 'No such reply') as DraftDialogData).asked).toBeNull();
    expect((s.gas.run('draftDialogData', 'IRT-2026-008', 42 as unknown as string) as DraftDialogData).asked).toBeNull();
    // The dialog's page bundles no core module of the process.
    s.gas.run('showCaseDraftDialog', 'IRT-2026-008', RESPONSE_PLAN);
    const html = s.env.ui.dialogs.at(-1)!.html;
    expect(html).not.toContain('engineOrder');
  });
});

describe('previewDraft', () => {
  test('fills the template exactly, with one read each of Cases, Templates and Settings and nothing written', () => {
    const s = setUp();
    expect(s.gas.run('previewDraft', 'IRT-2026-007', 'Acknowledgement')).toEqual(PREVIEW_ACK);
    expect(effects(s.env)).toEqual({ reads: 3, writes: 0, drafts: 0, locks: 0 });
  });

  test('dates print in the spreadsheet zone on both sides of UTC, in the Settings format', () => {
    const body = (s: Setup) => (s.gas.run('previewDraft', 'IRT-2026-008', 'Update to reporter') as { body: string }).body;
    expect(body(setUp('Pacific/Auckland', [RECEIVED, INVESTIGATING]))).toContain('as of 5 March 2026.');
    const la = setUp('America/Los_Angeles', [RECEIVED, INVESTIGATING]);
    expect(body(la)).toContain('as of 4 March 2026.');
    expect((la.gas.run('previewDraft', 'IRT-2026-007', 'Acknowledgement') as { body: string }).body).toContain('on 14 February 2026 ');

    const settings = la.env.sheetValues('Settings');
    const row = settings.findIndex((r) => r[0] === 'Date format in emails') + 1;
    la.env.sheet('Settings').getRange(row, 2).setValue("EEEE d MMM yyyy");
    expect(body(la)).toContain('as of Wednesday 4 Mar 2026.');
  });
});

describe('every default saved reply against a case at every stage', () => {
  const TEAM_OF_THREE = 'a@irt.example, b@irt.example, c@irt.example';
  const at = (id: string, cells: Row): Row => ({ ...RECEIVED, 'Case ID': id, ...cells });
  const assessing: Row = { Stage: 'Assessing', 'First reply sent': '2026-02-15' };
  const formed: Row = { ...assessing, Stage: 'Sub-team formed', 'Permission to notify reported party': 'Yes', 'Sub-team': TEAM_OF_THREE, 'Sub-team formed': '2026-02-18' };
  const investigating: Row = { ...formed, Stage: 'Investigating', 'Reporter notified': '2026-02-20', 'Reported party notified': '2026-02-21' };
  const decided: Row = { ...investigating, Stage: 'Decision', Outcome: 'Warning', 'Requested action': 'Please keep to the topic in the forum.' };
  const planSent: Row = { ...decided, 'Response plan sent': '2026-03-01' };
  const CASES: Row[] = [
    at('IRT-2026-001', {}),
    at('IRT-2026-002', assessing),
    at('IRT-2026-003', { ...assessing, Stage: 'Not a violation' }),
    at('IRT-2026-004', formed),
    at('IRT-2026-005', investigating),
    at('IRT-2026-006', decided),
    at('IRT-2026-009', planSent),
    at('IRT-2026-010', { ...planSent, 'Reporter told outcome': '2026-03-02' }),
    at('IRT-2026-011', { ...planSent, 'Reporter told outcome': '2026-03-02', Stage: 'Closed', Closed: '2026-03-03' }),
  ];

  test('each is drafted exactly when the dialog offers it, and otherwise refused with the dialog’s reason, nothing half-drafted', () => {
    const s = setUp('Pacific/Auckland', CASES);
    const offered: Record<string, string[]> = {};
    for (const row of CASES) {
      const id = row['Case ID'];
      const data = s.gas.run('draftDialogData', id) as DraftDialogData;
      expect(data.templates.map((t) => t.name).sort()).toEqual(DEFAULT_TEMPLATES.map((t) => t.name).sort());
      offered[id] = data.templates.filter((t) => t.fits).map((t) => t.name);
      for (const choice of data.templates) {
        const before = s.env.drafts.list.length;
        for (const fn of ['previewDraft', 'createDraft']) {
          if (choice.fits) {
            const result = s.gas.run(fn, id, choice.name) as { to: string; subject: string };
            expect(result.to).toBe(choice.to === 'Reporter' ? 'zoe@example.org' : 'sam@example.net');
            expect(JSON.stringify(result)).not.toMatch(/\{\{|\}\}/);
          } else {
            expect(() => s.gas.run(fn, id, choice.name)).toThrow(
              `No draft was created for case ${id} with "${choice.name}":\n• Not for this case now: ${choice.reason}`,
            );
          }
        }
        expect(s.env.drafts.list.length).toBe(before + (choice.fits ? 1 : 0));
      }
    }
    expect(offered).toEqual({
      'IRT-2026-001': ['Acknowledgement'],
      'IRT-2026-002': ['Not a violation'],
      'IRT-2026-003': ['Not a violation'],
      'IRT-2026-004': ['Next steps to reporter', 'Notify reported party'],
      'IRT-2026-005': ['Update to reporter', 'Update to reported party'],
      'IRT-2026-006': [RESPONSE_PLAN],
      'IRT-2026-009': [OUTCOME_NOTICE],
      'IRT-2026-010': [],
      'IRT-2026-011': [],
    });
    // One Log line per draft, none for a refusal.
    expect(logRows(s.env).filter((r) => r[3] === 'Draft created')).toHaveLength(s.env.drafts.list.length);
  });

  test('the dialog opens on the saved reply of the case’s next action', () => {
    const s = setUp('Pacific/Auckland', CASES);
    const preselect = (id: string) => (s.gas.run('draftDialogData', id) as DraftDialogData).preselect;
    expect(preselect('IRT-2026-001')).toBe('Acknowledgement');
    expect(preselect('IRT-2026-004')).toBe('Next steps to reporter');
    expect(preselect('IRT-2026-006')).toBe(RESPONSE_PLAN);
    expect(preselect('IRT-2026-009')).toBe(OUTCOME_NOTICE);
    expect(preselect('IRT-2026-011')).toBeNull();
  });

  test('during the investigation, the update that is due first', () => {
    const due = (reporter: string, reported: string) =>
      at('IRT-2026-005', { ...investigating, 'Last update to reporter': reporter, 'Last update to reported party': reported });
    const first = setUp('Pacific/Auckland', [due('2026-03-01', '2026-02-25')]);
    expect((first.gas.run('draftDialogData', 'IRT-2026-005') as DraftDialogData).preselect).toBe('Update to reported party');
    const second = setUp('Pacific/Auckland', [due('2026-02-25', '2026-03-01')]);
    expect((second.gas.run('draftDialogData', 'IRT-2026-005') as DraftDialogData).preselect).toBe('Update to reporter');
  });
});

describe('createDraft', () => {
  test('creates one Gmail draft to the party only, logs the role, and changes no date', () => {
    const s = setUp();
    const before = caseRows(s.env);
    const result = s.gas.run('createDraft', 'IRT-2026-007', 'Acknowledgement') as { draftId: string; to: string; subject: string };
    expect(result).toEqual({ draftId: s.env.drafts.list[0].id, to: PREVIEW_ACK.to, subject: PREVIEW_ACK.subject });
    expect(s.env.drafts.list).toHaveLength(1);
    expect(effects(s.env)).toEqual({ reads: 3, writes: 1, drafts: 1, locks: 1 });
    expect(s.env.calls.count('Lock.releaseLock')).toBe(1);

    const draft = s.env.drafts.list[0];
    expect(draft.userId).toBe('me');
    const mail = decodeDraft(draft);
    expect([...mail.headers.keys()]).toEqual(['mime-version', 'to', 'subject', 'content-type']); // no cc, no bcc
    expect(mail.headers.get('to')).toBe('zoe@example.org');
    expect(mail.subject).toBe(PREVIEW_ACK.subject);
    expect(mail.parts.map((p) => p.type)).toEqual(['text/plain', 'text/html']);
    expect(mail.parts[0].text).toBe(PREVIEW_ACK.body.replace(/\n/g, '\r\n'));
    expect(mail.parts[1].text).toContain('<p>Hello Zoë Brontë,</p>');
    expect(mail.parts[1].text).toContain('<p>With thanks,<br>\r\nThe Code of Conduct Incident Response Team</p>');

    // The case row is exactly as it was: drafting is not sending.
    expect(caseRows(s.env)).toEqual(before);

    const log = logRows(s.env);
    expect(log).toHaveLength(1);
    const [time, user, caseId, action, detail] = log[0];
    expect((time as Date).toISOString()).toBe('2026-03-04T20:00:00.000Z');
    expect([user, caseId, action, detail]).toEqual([USER, 'IRT-2026-007', 'Draft created', 'Acknowledgement → Reporter']);
    expect(JSON.stringify(log)).not.toMatch(/zoe@|Zoë|sam@|Sam|Confidential|We have received/);
  });

  test('accents and emoji survive in the subject and both parts; markup in cells stays text', () => {
    const s = setUp('America/Los_Angeles', [{ ...RECEIVED, 'Reporter name': '<img src=x onerror=alert(1)> Zoë 🎉' }]);
    const templates = s.env.sheetValues('Templates');
    s.env.seedSheet('Templates', [...templates, ['Réponse', 'Reporter', 'Réponse à {{Reporter name}} — ça va 🎉 {{Case ID}}', 'Bonjour {{Reporter name}} 👋\n\nÀ bientôt']]);
    const preview = s.gas.run('previewDraft', 'IRT-2026-007', 'réponse') as { subject: string; body: string };
    expect(preview.subject).toBe('Réponse à <img src=x onerror=alert(1)> Zoë 🎉 — ça va 🎉 IRT-2026-007');
    expect(preview.body).toBe('Bonjour <img src=x onerror=alert(1)> Zoë 🎉 👋\n\nÀ bientôt');

    s.gas.run('createDraft', 'IRT-2026-007', 'Réponse');
    const mail = decodeDraft(s.env.drafts.list[0]);
    expect(mail.subject).toBe(preview.subject);
    expect(mail.headers.get('subject')).toMatch(/^=\?UTF-8\?B\?/);
    expect(s.env.drafts.list[0].mime).not.toMatch(/[^\x00-\x7f]/);
    expect(mail.parts[0].text).toBe('Bonjour <img src=x onerror=alert(1)> Zoë 🎉 👋\r\n\r\nÀ bientôt');
    expect(mail.parts[1].text).toContain('<p>Bonjour &lt;img src=x onerror=alert(1)&gt; Zoë 🎉 👋</p>\r\n<p>À bientôt</p>');
    expect(mail.parts[1].text).not.toContain('<img');
  });

  test('a placeholder with a brace too many ({{{Reporter name}}}, {{Case ID}}}) is refused like any malformed one: no draft', () => {
    const s = setUp();
    const templates = s.env.sheetValues('Templates');
    s.env.seedSheet('Templates', [
      ...templates,
      ['Braces', 'Reporter', 'About {{Case ID}}}', 'Hello {{{Reporter name}}},\n\nThanks.'],
    ]);
    const refusal = [
      'No draft was created for case IRT-2026-007 with "Braces":',
      '• The subject has a brace next to a placeholder ("{{{" or "}}}"): write {{Column name}}',
      '• The body has a brace next to a placeholder ("{{{" or "}}}"): write {{Column name}}',
    ].join('\n');
    expect(() => s.gas.run('previewDraft', 'IRT-2026-007', 'Braces')).toThrow(refusal);
    expect(() => s.gas.run('createDraft', 'IRT-2026-007', 'Braces')).toThrow(refusal);
    expect(s.env.drafts.list).toEqual([]);
  });

  test('the response plan goes to the reported party: the level under the guidelines, the requested action, its end date, closed', () => {
    const s = setUp();
    s.gas.run('createDraft', 'IRT-2026-008', RESPONSE_PLAN);
    const mail = decodeDraft(s.env.drafts.list[0]);
    expect(mail.headers.get('to')).toBe('sam@example.net');
    const text = mail.parts[0].text.replace(/\r\n/g, '\n');
    expect(text).toContain('issued under the Code of Conduct Enforcement Guidelines');
    expect(text).toContain('Level of response under the Enforcement Guidelines: temporary ban\n\n');
    expect(text).toContain('What we ask of you: Please stay away from the forum and the chat server until the ban ends.\n\n');
    expect(text).toContain('End date: 30 June 2026\n\n');
    expect(text).toContain('This report is now closed.');
    expect(text).not.toMatch(/\n\n\n/);
    expect(logRows(s.env)[0].slice(2)).toEqual(['IRT-2026-008', 'Draft created', `${RESPONSE_PLAN} → Reported party`]);
    // The behaviour description, when recorded, is its own paragraph; the notice to the reporter names the actions.
    s.env.sheet('Cases').getRange(3, s.col('Behaviour description') + 1).setValue('Repeated insults in one forum thread.');
    expect((s.gas.run('previewDraft', 'IRT-2026-008', RESPONSE_PLAN) as { body: string }).body).toContain(
      'End date: 30 June 2026\n\nRepeated insults in one forum thread.\n\n',
    );
    // The outcome notice once the plan is sent.
    s.env.sheet('Cases').getRange(3, s.col('Response plan sent') + 1).setValue('2026-03-04');
    const notice = s.gas.run('previewDraft', 'IRT-2026-008', OUTCOME_NOTICE) as { to: string; body: string };
    expect(notice.to).toBe('zoe@example.org');
    expect(notice.body).toContain('What we have asked of the other party: Please stay away from the forum and the chat server until the ban ends.');
  });

  test('a response plan an earlier version seeded goes to the reported party and names the end date', () => {
    const s = setUp();
    addEarlierDefaults(s);
    s.gas.run('createDraft', 'IRT-2026-008', 'Response plan: temporary ban');
    const mail = decodeDraft(s.env.drafts.list[0]);
    expect(mail.headers.get('to')).toBe('sam@example.net');
    expect(mail.parts[0].text).toContain('Until when: the ban ends on 30 June 2026.');
    expect(mail.parts[0].text).toContain('This report is now closed.');
    expect(logRows(s.env)[0].slice(2)).toEqual(['IRT-2026-008', 'Draft created', 'Response plan: temporary ban → Reported party']);
  });
});

describe('refusals create no draft and write nothing', () => {
  const refusals: [string, (s: Setup) => void, string, RegExp[]][] = [
    [
      'the reported party before a sub-team is formed',
      () => undefined,
      'Notify reported party',
      [/No draft was created for case IRT-2026-007 with "Notify reported party":\n• Not for this case now: the sub-team is not formed yet$/],
    ],
    [
      'the reported party without permission',
      (s) => investigate(s, 'Not asked'),
      'Notify reported party',
      [/No draft was created for case IRT-2026-007 with "Notify reported party":\n• Not for this case now: the reporter has not given permission$/],
    ],
    [
      'a team’s own template to the reported party, without permission',
      (s) => {
        investigate(s, 'No');
        s.env.seedSheet('Templates', [...s.env.sheetValues('Templates'), ['Questions', 'Reported party', 'About {{Case ID}}', 'Hello']]);
      },
      'Questions',
      [/• Not for this case now: the reporter has not given permission$/],
    ],
    [
      'a team’s own template to the reported party, before a sub-team is formed',
      (s) => {
        s.env.sheet('Cases').getRange(2, s.col('Permission to notify reported party') + 1).setValue('Yes');
        s.env.seedSheet('Templates', [...s.env.sheetValues('Templates'), ['Questions', 'Reported party', 'About {{Case ID}}', 'Hello']]);
      },
      'Questions',
      [/• Not for this case now: the sub-team is not formed yet$/],
    ],
    [
      'an update before the reporter is notified',
      () => undefined,
      'Update to reporter',
      [/• Not for this case now: the reporter has not been notified yet$/],
    ],
    [
      'the response plan before an outcome is recorded',
      (s) => investigate(s, 'Yes'),
      RESPONSE_PLAN,
      [/• Not for this case now: no outcome is recorded yet$/],
    ],
    [
      'a placeholder with no value',
      (s) => s.env.seedSheet('Templates', [...s.env.sheetValues('Templates'), ['Ends', 'Reporter', 'About {{Case ID}}', 'Ends {{Outcome end date}}']]),
      'Ends',
      [/• \{\{Outcome end date\}\}: the Outcome end date cell is empty on this row/],
    ],
    [
      'a placeholder naming no column, listed with every other problem',
      (s) => s.env.seedSheet('Templates', [...s.env.sheetValues('Templates'), ['Typo', 'Reporter', '{{Case Id}} {{Reporter nmae}}', '{{Outcome}} {{Findings}}']]),
      'Typo',
      [/• \{\{Reporter nmae\}\} does not name a column of the cases sheet\n• \{\{Outcome\}\}: .* empty.*\n• \{\{Findings\}\}: .* empty/],
    ],
    [
      'an empty address',
      (s) => s.env.sheet('Cases').getRange(2, s.col('Reporter email') + 1).clearContent(),
      'Acknowledgement',
      [/• Reporter email is empty on this row/],
    ],
    [
      'an address that is not an email',
      (s) => s.env.sheet('Cases').getRange(2, s.col('Reporter email') + 1).setValue('zoe@example.org, boss@example.org'),
      'Acknowledgement',
      [/• Reporter email is not a valid email address/],
    ],
    [
      'a To that is not a role',
      (s) => s.env.seedSheet('Templates', [...s.env.sheetValues('Templates'), ['Direct', 'zoe@example.org', 'Hi', 'Hi']]),
      'Direct',
      [/To is "zoe@example.org": it must be Reporter or Reported party/],
    ],
    ['an unknown template', () => undefined, 'Nope', [/There is no template named "Nope"/]],
  ];

  /** Case IRT-2026-007 (row 2) with its sub-team formed and the reporter notified, the permission as given. */
  function investigate(s: Setup, permission: string): void {
    const cells: Row = {
      Stage: 'Investigating',
      'First reply sent': '2026-02-15',
      'Sub-team': 'a@irt.example, b@irt.example, c@irt.example',
      'Sub-team formed': '2026-02-18',
      'Reporter notified': '2026-02-20',
      'Permission to notify reported party': permission,
    };
    for (const [name, value] of Object.entries(cells)) s.env.sheet('Cases').getRange(2, s.col(name) + 1).setValue(value);
  }

  for (const [what, arrange, template, messages] of refusals) {
    test(what, () => {
      const s = setUp();
      arrange(s);
      const before = caseRows(s.env);
      s.env.calls.reset();
      for (const fn of ['previewDraft', 'createDraft']) {
        let error: Error | undefined;
        try {
          s.gas.run(fn, 'IRT-2026-007', template);
        } catch (e) {
          error = e as Error;
        }
        expect(error).toBeDefined();
        for (const message of messages) expect(error!.message).toMatch(message);
      }
      expect(s.env.drafts.list).toEqual([]);
      expect(s.env.calls.count('Gmail.Users.Drafts.create')).toBe(0);
      expect(logRows(s.env)).toEqual([]);
      expect(caseRows(s.env)).toEqual(before);
      expect(s.env.calls.count('Range.setValues') + s.env.calls.count('Range.setValue')).toBe(0);
    });
  }

  test('unknown, duplicated or missing case IDs', () => {
    const s = setUp('Pacific/Auckland', [RECEIVED, RECEIVED]);
    expect(() => s.gas.run('createDraft', 'IRT-2026-007', 'Acknowledgement')).toThrow(/Case ID IRT-2026-007 is on more than one row \(2, 3\)/);
    expect(() => s.gas.run('createDraft', 'IRT-2099-001', 'Acknowledgement')).toThrow(/There is no case IRT-2099-001/);
    expect(() => s.gas.run('createDraft', '', 'Acknowledgement')).toThrow(/No case ID was given/);
    expect(() => s.gas.run('createDraft', { caseId: 1 }, 'Acknowledgement')).toThrow(/No case ID was given/);
    expect(s.env.drafts.list).toEqual([]);
    expect(logRows(s.env)).toEqual([]);
  });

  test('the response plan goes without permission; other reported-party templates do not', () => {
    const s = setUp();
    s.env.sheet('Cases').getRange(3, s.col('Permission to notify reported party') + 1).setValue('No');
    s.env.seedSheet('Templates', [...s.env.sheetValues('Templates'), ['Questions', 'Reported party', 'About {{Case ID}}', 'Hello']]);
    expect(() => s.gas.run('createDraft', 'IRT-2026-008', 'Questions')).toThrow(/the reporter has not given permission/);
    expect(s.env.drafts.list).toHaveLength(0);
    s.gas.run('createDraft', 'IRT-2026-008', RESPONSE_PLAN);
    expect(s.env.drafts.list).toHaveLength(1);
    addEarlierDefaults(s);
    s.gas.run('createDraft', 'IRT-2026-008', 'Response plan: temporary ban');
    expect(s.env.drafts.list).toHaveLength(2);
  });
});

describe('markTemplateSent', () => {
  /** Sets cells of a case's row through the back door (as a member typing them). */
  const setCells = (s: Setup, row: number, cells: Row) => {
    for (const [name, value] of Object.entries(cells)) s.env.sheet('Cases').getRange(row, s.col(name) + 1).setValue(value);
    s.env.calls.reset();
  };
  /** What a refused mark-as-sent leaves: the same cases, no log line, no write. */
  const refusedWithNothingWritten = (s: Setup, caseId: string, template: string, message: RegExp | string) => {
    const before = caseRows(s.env);
    const log = logRows(s.env);
    s.env.calls.reset();
    expect(() => s.gas.run('markTemplateSent', caseId, template)).toThrow(message);
    expect(caseRows(s.env)).toEqual(before);
    expect(logRows(s.env)).toEqual(log);
    expect(effects(s.env).writes).toBe(0);
  };

  test('fills the date column with today in the spreadsheet zone and recomputes the row', () => {
    for (const [timeZone, iso, instant] of [
      ['Pacific/Auckland', '2026-03-05', '2026-03-04T11:00:00.000Z'],
      ['America/Los_Angeles', '2026-03-04', '2026-03-04T08:00:00.000Z'],
    ]) {
      const s = setUp(timeZone);
      expect(caseRows(s.env)[0][s.col('Next action')]).toBe('Reply to reporter');
      const result = s.gas.run('markTemplateSent', 'IRT-2026-007', 'Acknowledgement');
      expect(result).toEqual({
        column: 'First reply sent',
        date: iso,
        previous: null,
        changed: true,
        message: `First reply sent set to ${Number(iso.slice(8))} March 2026.`,
      });
      const row = caseRows(s.env)[0];
      expect((row[s.col('First reply sent')] as Date).toISOString()).toBe(instant);
      expect(row[s.col('Next action')]).toBe('Finish initial assessment');
      expect(row[s.col('Deadline status')]).toBe('Overdue');
      expect(effects(s.env)).toEqual({ reads: 3, writes: 3, drafts: 0, locks: 1 });
      // The Log names the panel's step it recorded, and the template.
      expect(logRows(s.env).map((r) => r.slice(1))).toEqual([[USER, 'IRT-2026-007', 'Record first reply', 'Marked sent: Acknowledgement']]);

      // Again the same day: nothing to change, nothing written.
      s.env.calls.reset();
      expect(s.gas.run('markTemplateSent', 'IRT-2026-007', 'Acknowledgement')).toMatchObject({ changed: false, message: `First reply sent is already ${Number(iso.slice(8))} March 2026.` });
      expect(effects(s.env).writes).toBe(0);
    }
  });

  test('never overwrites a once-only date; moves a regular update forward and says so', () => {
    const s = setUp();
    addEarlierDefaults(s);
    refusedWithNothingWritten(
      s,
      'IRT-2026-008',
      'Acknowledgement',
      'First reply sent is already 15 February 2026. Nothing was changed: edit the cell yourself if that date is wrong.',
    );

    expect(s.gas.run('markTemplateSent', 'IRT-2026-008', 'Update to reporter')).toEqual({
      column: 'Last update to reporter',
      date: '2026-03-05',
      previous: '2026-03-01',
      changed: true,
      message: 'Last update to reporter moved from 1 March 2026 to 5 March 2026.',
    });
    // The response plan step needs the findings, as in the case panel.
    refusedWithNothingWritten(s, 'IRT-2026-008', 'Response plan: temporary ban', 'Cannot record response plan sent: Findings is missing. Response plan sent was not filled.');
    setCells(s, 3, { Findings: 'What the sub-team found' });
    expect(s.gas.run('markTemplateSent', 'IRT-2026-008', 'Response plan: temporary ban')).toMatchObject({ column: 'Response plan sent', changed: true });
    const row = caseRows(s.env)[1];
    expect(row[s.col('Next action')]).toBe('Tell reporter the outcome');
    expect(row[s.col('Stage')]).toBe('Decision');
    expect(s.env.drafts.list).toEqual([]);
  });

  test('is the case panel’s step: Next steps to reporter moves Sub-team formed to Investigating, exactly like the panel', () => {
    const formed: Row = {
      ...RECEIVED,
      Stage: 'Sub-team formed',
      'First reply sent': '2026-02-15',
      'Sub-team': 'a@irt.example, b@irt.example, c@irt.example',
      'Sub-team formed': '2026-02-18',
    };
    const s = setUp('America/Los_Angeles', [formed, { ...formed, 'Case ID': 'IRT-2026-009' }]);
    const result = s.gas.run('markTemplateSent', 'IRT-2026-007', 'Next steps to reporter');
    expect(result).toEqual({
      column: 'Reporter notified',
      date: '2026-03-04',
      previous: null,
      changed: true,
      message: 'Reporter notified set to 4 March 2026. Stage moved from Sub-team formed to Investigating.',
    });
    // Only the step's cells and the computed block (one setValues per run of adjacent columns), plus the log line.
    const runs = ['Stage', 'Reporter notified', 'Next action']
      .map((c) => s.col(c))
      .sort((a, b) => a - b)
      .filter((c, i, all) => i === 0 || c !== all[i - 1] + 1).length;
    expect(effects(s.env)).toEqual({ reads: 3, writes: runs + 1, drafts: 0, locks: 1 });

    // The other case through the panel's own step, dated today: the same row results.
    const view = s.gas.run('getCasePanel', 'IRT-2026-009') as { version: string };
    s.gas.run('recordCaseStep', 'IRT-2026-009', 'notifyReporter', { date: '2026-03-04' }, view.version);
    const [marked, recorded] = caseRows(s.env);
    const idColumn = s.col('Case ID');
    expect(marked.filter((_, i) => i !== idColumn)).toEqual(recorded.filter((_, i) => i !== idColumn));
    expect(marked[s.col('Stage')]).toBe('Investigating');
    expect(logRows(s.env).map((r) => r.slice(2, 5))).toEqual([
      ['IRT-2026-007', 'Record reporter notified', 'Marked sent: Next steps to reporter'],
      ['IRT-2026-009', 'Record reporter notified', ''],
    ]);
    // The case is not stuck: the panel offers the Investigating steps.
    const panel = s.gas.run('getCasePanel', 'IRT-2026-007') as { stage: string; steps: { id: string }[] };
    expect(panel.stage).toBe('Investigating');
    expect(panel.steps.map((x) => x.id)).toEqual(['permission', 'notifyReportedParty', 'updateReporter', 'decision', 'close', 'replaceMember', 'conflicts']);
  });

  test('“Not a violation” closes a case assessed as not a violation, and only such a case', () => {
    const notViolation: Row = { ...RECEIVED, Stage: 'Not a violation', 'First reply sent': '2026-02-15' };
    const assessing: Row = { ...RECEIVED, 'Case ID': 'IRT-2026-009', Stage: 'Assessing', 'First reply sent': '2026-02-15' };
    const s = setUp('Pacific/Auckland', [notViolation, assessing]);
    refusedWithNothingWritten(s, 'IRT-2026-009', 'Not a violation', /does not go with a case at stage Assessing .*Closed was not filled/);
    expect(s.gas.run('markTemplateSent', 'IRT-2026-007', 'Not a violation')).toMatchObject({
      column: 'Closed',
      changed: true,
      message: 'Closed set to 5 March 2026. Stage moved from Not a violation to Closed.',
    });
    const row = caseRows(s.env)[0];
    expect(row[s.col('Stage')]).toBe('Closed');
    expect(row[s.col('Deadline status')]).toBe('Closed');
    expect(logRows(s.env).map((r) => r.slice(2, 5))).toEqual([['IRT-2026-007', 'Close the case', 'Marked sent: Not a violation']]);
  });

  test('the panel’s preconditions hold: a step whose case lacks something is refused and writes nothing', () => {
    const s = setUp('Pacific/Auckland', [
      { ...RECEIVED, Stage: 'Sub-team formed', 'First reply sent': '2026-02-15' },
      { ...RECEIVED, 'Case ID': 'IRT-2026-008', Stage: 'Not a violation' },
    ]);
    addEarlierDefaults(s);
    refusedWithNothingWritten(
      s,
      'IRT-2026-007',
      'Next steps to reporter',
      'Cannot record reporter notified: Sub-team and Sub-team formed are missing. Reporter notified was not filled.',
    );
    refusedWithNothingWritten(s, 'IRT-2026-008', 'Not a violation', 'Cannot close the case: First reply sent is missing. Closed was not filled.');
    refusedWithNothingWritten(s, 'IRT-2026-007', 'Outcome notice', /Cannot record reporter told of outcome: not a step for a case at stage Sub-team formed/);
    refusedWithNothingWritten(s, 'IRT-2026-007', OUTCOME_NOTICE, /Cannot record reporter told of outcome: not a step for a case at stage Sub-team formed/);
  });

  test('refuses a reported-party template without permission, and a template of the team’s own', () => {
    const s = setUp();
    refusedWithNothingWritten(s, 'IRT-2026-007', 'Notify reported party', /has not given permission/);
    s.env.seedSheet('Templates', [...s.env.sheetValues('Templates'), ['Thanks', 'Reporter', 'Thanks', 'Thank you']]);
    refusedWithNothingWritten(s, 'IRT-2026-007', 'Thanks', /has no date column to fill/);
  });

  test('a template merely named “Response plan…” is no way around the reporter’s permission', () => {
    const s = setUp();
    addEarlierDefaults(s);
    s.env.seedSheet('Templates', [
      ...s.env.sheetValues('Templates'),
      // The team's own rows, with the response plan's Step.
      ['Response plan questions', 'Reported party', 'Questions ({{Case ID}})', 'Hello', 'responsePlan'],
      ['Response plan recap', 'Reporter', 'Recap ({{Case ID}})', 'Hello', 'responsePlan'],
    ]);
    // A new case, permission No: refused, whatever the stage allows.
    setCells(s, 2, { 'Permission to notify reported party': 'No' });
    refusedWithNothingWritten(s, 'IRT-2026-007', 'Response plan questions', /only once the case is decided \(Stage Decision with an Outcome\); this case is at stage Received with no Outcome, so Response plan sent was not filled/);
    // To the reporter it needs no permission, but the step still needs a decided case.
    refusedWithNothingWritten(s, 'IRT-2026-007', 'Response plan recap', /Cannot record response plan sent: not a step for a case at stage Received/);
    // Even with permission Yes, a case not yet decided takes no response plan.
    setCells(s, 2, { 'Permission to notify reported party': 'Yes' });
    refusedWithNothingWritten(s, 'IRT-2026-007', 'Response plan questions', /Cannot record response plan sent: not a step for a case at stage Received/);

    // Stage Decision without an Outcome, permission No: still refused.
    setCells(s, 3, { 'Permission to notify reported party': 'No', Outcome: '', 'Outcome end date': '', Findings: 'Found' });
    refusedWithNothingWritten(s, 'IRT-2026-008', 'Response plan questions', /this case is at stage Decision with no Outcome/);
    // A plan for another outcome than the case's is refused.
    setCells(s, 3, { Outcome: 'Warning' });
    refusedWithNothingWritten(s, 'IRT-2026-008', 'Response plan: temporary ban', /This response plan is for the outcome Temporary ban, but the case's Outcome is Warning/);
    // Decided (Decision with an Outcome): the response plan goes without the permission.
    expect(s.gas.run('markTemplateSent', 'IRT-2026-008', 'Response plan: warning')).toMatchObject({ column: 'Response plan sent', changed: true });
    // Other reported-party templates still need it.
    refusedWithNothingWritten(s, 'IRT-2026-008', 'Update to reported party', /has not given permission/);
  });
});

describe('appsscript.json', () => {
  test('enables the Gmail advanced service and asks for gmail.compose, never the whole mailbox', () => {
    for (const file of [path.join(ROOT, 'appsscript.json'), path.join(DIST, 'appsscript.json')]) {
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(manifest.dependencies.enabledAdvancedServices).toContainEqual({ userSymbol: 'Gmail', serviceId: 'gmail', version: 'v1' });
      expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/gmail.compose');
      expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
      expect(JSON.stringify(manifest)).not.toMatch(/mail\.google\.com|gmail\.modify|gmail\.readonly/);
    }
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    expect(code).toContain('Gmail.Users.Drafts.create');
    expect(code).not.toMatch(/GmailApp/);
  });
});
