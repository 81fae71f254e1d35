import { buildPanelView } from '../../src/core/case-panel-view';
import type { PanelCase } from '../../src/core/case-steps';
import { caseTimeline } from '../../src/core/case-timeline';
import { STAGES } from '../../src/core/columns';
import { computeDeadline } from '../../src/core/deadlines';
import {
  DEFAULT_DECLARATION,
  PROCESS,
  TEMPLATE_STEP_IDS,
  createProcess,
  firstReplyDue,
  pathOf,
  type ProcessDeclaration,
} from '../../src/core/process';
import { buildDigests, mayNeedReminder } from '../../src/core/reminders';
import { blankRecord, d, investigating, iso, settingsWith, TEAM } from './case-fixtures';

const settings = settingsWith();
const panelCase = (record = blankRecord()): PanelCase => ({ ...record, findings: '', channel: '', conflicts: '', requestedAction: '',
  behaviourDescription: '',
  reporterName: '',
  reporterEmail: '',
  reportedPartyName: '',
  reportedPartyEmail: '',
});

describe('the declaration', () => {
  test('every milestone with a due rule or a requirement is asked for by the engine, every saved reply records a milestone with a panel step', () => {
    const asked = DEFAULT_DECLARATION.engineOrder.flatMap((e) => e.milestones);
    for (const m of DEFAULT_DECLARATION.milestones) if (m.due || m.requiredAt) expect(asked).toContain(m.id);
    // The reporter's permission runs no clock: the engine never asks for it.
    expect(asked).not.toContain('permission');
    expect(DEFAULT_DECLARATION.templates.map((t) => t.id)).toEqual([...TEMPLATE_STEP_IDS]);
    for (const t of DEFAULT_DECLARATION.templates) {
      expect(PROCESS.milestone(t.milestone).template).toBe(t.id);
      expect(PROCESS.milestone(t.milestone).step).not.toBeNull();
      for (const stage of t.stages) expect(STAGES).toContain(stage);
    }
    // One date column per saved reply: "Mark as sent today" knows which step it records.
    const columns = DEFAULT_DECLARATION.templates.map((t) => PROCESS.milestone(t.milestone).columns[0]);
    expect(new Set(columns).size).toBe(columns.length);
  });

  test('an unknown milestone or saved reply is a programming error, named', () => {
    expect(() => PROCESS.milestone('nope' as never)).toThrow('The process declares no milestone nope');
    expect(() => PROCESS.templateStep('nope' as never)).toThrow('The process declares no saved reply nope');
  });
});

describe('the rules it gives', () => {
  test('the two paths out of the assessment', () => {
    expect(pathOf(blankRecord({ stage: 'Assessing' }))).toBeNull();
    expect(pathOf(blankRecord({ stage: 'Not a violation' }))).toBe('not a violation');
    expect(pathOf(blankRecord({ stage: 'Investigating' }))).toBe('possible violation');
    expect(pathOf(blankRecord({ stage: 'Closed' }))).toBe('not a violation');
    expect(pathOf(blankRecord({ stage: 'Closed', subTeam: TEAM }))).toBe('possible violation');
  });

  test('done, owed and due', () => {
    const c = investigating({ lastUpdateToReporter: d('2026-01-20') });
    expect(PROCESS.isDone('reporterNotified', c)).toBe(true);
    expect(PROCESS.isOwed('reporterNotified', c)).toBe(false);
    // A regular update stays owed until the response plan ends it; counted from the last one.
    expect(PROCESS.isOwed('updateReporter', c)).toBe(true);
    expect(iso(PROCESS.dueOf('updateReporter', c, settings) as number)).toBe('2026-02-03');
    expect(iso(PROCESS.dueOf('updateReportedParty', c, settings) as number)).toBe('2026-01-27');
    expect(PROCESS.isOwed('updateReporter', { ...c, responsePlanSent: d('2026-01-25') })).toBe(false);
    // The reported party only with permission Yes.
    const formed = investigating({ stage: 'Sub-team formed', reporterNotified: null, reportedPartyNotified: null, permission: 'Not asked' });
    expect(PROCESS.isOwed('reportedPartyNotified', formed)).toBe(false);
    expect(PROCESS.isOwed('reportedPartyNotified', { ...formed, permission: 'Yes' })).toBe(true);
    // The response plan keeps the update cadence; a base date not yet recorded gives no due day.
    expect(iso(PROCESS.dueOf('responsePlan', c, settings) as number)).toBe('2026-01-27');
    expect(PROCESS.dueOf('reporterToldOutcome', c, settings)).toBeNull();
    // Forming the sub-team: within the assessment window of receipt.
    expect(iso(PROCESS.dueOf('subTeam', c, settings) as number)).toBe('2026-01-12');
    expect(PROCESS.dueOf('decision', c, settings)).toBeNull();
  });

  test('the saved reply and milestone of each panel step', () => {
    expect(PROCESS.templateForStep('firstReply', blankRecord({ stage: 'Received' }))).toBe('acknowledgement');
    expect(PROCESS.templateForStep('close', blankRecord({ stage: 'Not a violation' }))).toBe('notViolation');
    expect(PROCESS.templateForStep('close', investigating())).toBeNull();
    expect(PROCESS.templateForStep('close', blankRecord({ stage: 'Assessing' }))).toBeNull();
    expect(PROCESS.templateForStep('responsePlan', blankRecord({ stage: 'Received' }))).toBe('responsePlan');
    expect(PROCESS.templateForStep('decision', investigating())).toBeNull();
    expect(PROCESS.milestoneForStep('close', blankRecord({ stage: 'Not a violation' }))?.id).toBe('explained');
    expect(PROCESS.milestoneForStep('close', investigating())?.id).toBe('closed');
  });

  test('a milestone’s window, and its due day from any base (what the transparency report measures against)', () => {
    expect(PROCESS.windowOf('firstReply', settings)).toBe(3);
    expect(PROCESS.windowOf('reporterNotified', settingsWith({ notifyWindowDays: 10 }))).toBe(10);
    expect(PROCESS.windowOf('closed', settings)).toBe(0);
    expect(PROCESS.windowOf('responsePlan', settings)).toBe(0);
    expect(iso(PROCESS.dueFrom('updateReporter', d('2026-03-01'), settings))).toBe('2026-03-15');
  });

  test('a new case’s first reply is due a reply window after receipt', () => {
    expect(iso(firstReplyDue(d('2026-02-27'), settings))).toBe('2026-03-02');
    expect(iso(firstReplyDue(d('2026-02-27'), settingsWith({ replyWindowDays: 0 })))).toBe('2026-02-27');
  });

  test('which cases a digest may list', () => {
    const due = { action: 'x', due: 1, status: 'Due soon' as const };
    expect(mayNeedReminder(due, { outcome: '' })).toBe(true);
    expect(mayNeedReminder({ ...due, status: 'On track' }, { outcome: '' })).toBe(false);
    expect(mayNeedReminder({ ...due, status: 'Closed' }, { outcome: ' Temporary ban ' })).toBe(true);
    expect(mayNeedReminder(null, { outcome: 'Temporary ban' })).toBe(false);
    // An open case with a target date or an unavailable member may be worth a word; a closed one not.
    expect(mayNeedReminder({ ...due, status: 'On track' }, { outcome: '', targetSet: true })).toBe(true);
    expect(mayNeedReminder({ ...due, status: 'On track' }, { outcome: '', memberUnavailable: true })).toBe(true);
    expect(mayNeedReminder({ ...due, status: 'Closed' }, { outcome: '', targetSet: true, memberUnavailable: true })).toBe(false);
  });
});

describe('one changed declaration changes every view at once', () => {
  // "Notify the parties within 7 days of forming the sub-team" becomes "within the
  // update interval (14 days) of the first reply".
  const changed: ProcessDeclaration = {
    ...DEFAULT_DECLARATION,
    milestones: DEFAULT_DECLARATION.milestones.map((m) =>
      m.id === 'reporterNotified' || m.id === 'reportedPartyNotified'
        ? { ...m, due: { window: 'updateIntervalDays', from: ['First reply sent'] } }
        : m,
    ),
  };
  const process = createProcess(changed);
  // Received 03-01, replied 03-02, sub-team formed 03-05; nobody notified yet.
  const c = panelCase(
    blankRecord({
      caseId: 'IRT-2026-001',
      stage: 'Sub-team formed',
      permission: 'Yes',
      subTeam: TEAM,
      received: d('2026-03-01'),
      firstReplySent: d('2026-03-02'),
      subTeamFormed: d('2026-03-05'),
    }),
  );
  const today = d('2026-03-11');
  const digestItems = (p = PROCESS) =>
    buildDigests({
      cases: [{ row: 2, record: c, deadline: computeDeadline(c, today, settings, p) }],
      settings,
      fallbackTriage: [],
      today,
      link: { url: 'https://docs.example/s', gid: 0 },
      members: TEAM.split(', '),
    }).digests.flatMap((digest) => digest.items.map((i) => `${digest.recipient} ${i.status} ${i.action} ${i.due === null ? '' : iso(i.due)}`));

  test('the engine', () => {
    expect(computeDeadline(c, today, settings)).toMatchObject({ action: 'Notify both parties', due: d('2026-03-12'), status: 'Due soon' });
    expect(computeDeadline(c, today, settings, process)).toMatchObject({ action: 'Notify both parties', due: d('2026-03-16'), status: 'On track' });
  });

  test('the timeline', () => {
    const entry = (p = PROCESS) => caseTimeline(c, today, settings, p).filter((i) => i.label.endsWith('notified'));
    expect(entry()).toEqual([
      { label: 'Reporter notified', date: null, due: '2026-03-12', state: 'next' },
      { label: 'Reported party notified', date: null, due: '2026-03-12', state: 'to come' },
    ]);
    expect(entry(process)).toEqual([
      { label: 'Reporter notified', date: null, due: '2026-03-16', state: 'next' },
      { label: 'Reported party notified', date: null, due: '2026-03-16', state: 'to come' },
    ]);
  });

  test('the panel’s steps and next action', () => {
    const steps = (p = PROCESS) => buildPanelView(c, 'v', today, settings, p).steps.map((s) => [s.id, s.due]);
    expect(steps()).toEqual([
      ['permission', null],
      ['notifyReporter', '2026-03-12'],
      ['notifyReportedParty', '2026-03-12'],
      ['replaceMember', null],
      ['conflicts', null],
    ]);
    expect(steps(process)).toEqual([
      ['permission', null],
      ['notifyReporter', '2026-03-16'],
      ['notifyReportedParty', '2026-03-16'],
      ['replaceMember', null],
      ['conflicts', null],
    ]);
    expect(buildPanelView(c, 'v', today, settings, process).next).toEqual({ action: 'Notify both parties', due: '2026-03-16', status: 'On track' });
  });

  test('the digests', () => {
    expect(digestItems()).toEqual([
      'ana@example.org Due soon Notify both parties 2026-03-12',
      'bo@example.org Due soon Notify both parties 2026-03-12',
      'cy@example.org Due soon Notify both parties 2026-03-12',
    ]);
    // On track under the changed rule: nobody is reminded yet.
    expect(digestItems(process)).toEqual([]);
  });
});
