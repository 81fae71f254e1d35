import { caseTimeline } from '../../src/core/case-timeline';
import { day, TODAY, settings, makeCase, investigating } from './panel-fixtures';

describe('timeline', () => {
  test('dates of what happened, due dates of what is to come, the next step marked', () => {
    const c = investigating({ permission: 'Not asked', lastUpdateToReporter: day('2026-03-12') });
    expect(caseTimeline(c, TODAY, settings)).toEqual([
      { label: 'Received', date: '2026-03-01', due: null, state: 'done' },
      { label: 'First reply sent', date: '2026-03-02', due: null, state: 'done' },
      { label: 'Initial assessment', date: null, due: null, state: 'done', note: 'Possible violation' },
      { label: 'Sub-team formed', date: '2026-03-05', due: null, state: 'done' },
      { label: 'Reporter notified', date: '2026-03-06', due: null, state: 'done' },
      // Not asked yet: it waits for the answer, with no deadline (issue 10).
      { label: 'Reported party notified', date: null, due: null, state: 'to come', note: 'Waits for the reporter’s permission (Not asked): no deadline until it is given' },
      { label: 'Next update to reporter', date: null, due: '2026-03-26', state: 'next', note: 'Last update Thu 12 Mar 2026' },
      { label: 'Decision', date: null, due: null, state: 'to come' },
      { label: 'Response plan sent', date: null, due: null, state: 'to come' },
      { label: 'Reporter told outcome', date: null, due: null, state: 'to come' },
      { label: 'Closed', date: null, due: null, state: 'to come' },
    ]);
  });

  test('a new case: reply and assessment due from receipt', () => {
    const items = caseTimeline(makeCase(), TODAY, settings);
    expect(items.slice(0, 3)).toEqual([
      { label: 'Received', date: '2026-03-01', due: null, state: 'done' },
      { label: 'First reply sent', date: null, due: '2026-03-04', state: 'next' },
      { label: 'Initial assessment', date: null, due: '2026-03-08', state: 'to come' },
    ]);
    expect(items.find((i) => i.label === 'Reporter notified')).toEqual({ label: 'Reporter notified', date: null, due: null, state: 'to come' });
  });

  test('a not-a-violation case ends with its close, due at the end of the assessment window', () => {
    const items = caseTimeline(makeCase({ stage: 'Not a violation', firstReplySent: day('2026-03-02') }), TODAY, settings);
    expect(items.map((i) => i.label)).toEqual(['Received', 'First reply sent', 'Initial assessment', 'Closed']);
    expect(items[3]).toEqual({ label: 'Closed', date: null, due: '2026-03-08', state: 'next', note: 'Explain the decision to the reporter, then close' });
  });

  test('a temporary ban shows its end date; a closed case its dates', () => {
    const c = investigating({
      stage: 'Closed',
      outcome: 'Temporary ban',
      outcomeEndDate: day('2026-09-01'),
      findings: 'f',
      responsePlanSent: day('2026-03-16'),
      reporterToldOutcome: day('2026-03-17'),
      closed: day('2026-03-18'),
    });
    const items = caseTimeline(c, TODAY, settings);
    expect(items.find((i) => i.label === 'Temporary ban ends')).toEqual({ label: 'Temporary ban ends', date: null, due: '2026-09-01', state: 'to come' });
    expect(items.find((i) => i.label === 'Next update to reporter')?.state).toBe('not needed');
    expect(items[items.length - 1]).toEqual({ label: 'Closed', date: '2026-03-18', due: null, state: 'done' });
  });
});
