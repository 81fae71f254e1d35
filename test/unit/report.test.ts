// The transparency report's figures, each computed by hand for a small seeded
// set of cases, and the suppression of small counts, shares and medians.
import { dayFromIso, type Day } from '../../src/core/calendar';
import { matchHeaders } from '../../src/core/columns';
import {
  FEWER_THAN_3,
  buildReport,
  endingOf,
  median,
  parsePeriod,
  reportCases,
  share,
  shown,
  type ReportCase,
} from '../../src/core/report';

const d = (iso: string) => dayFromIso(iso) as Day;

function c(fields: Partial<Record<keyof ReportCase, unknown>>): ReportCase {
  const base: ReportCase = {
    received: null, stage: 'Received', assessment: '', outcome: '', permission: 'Not asked', firstReplySent: null,
    subTeamFormed: null, reporterNotified: null, reportedPartyNotified: null, decided: null, closed: null,
    appealReceived: null, appealDecision: '', updates: [],
  };
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) ? d(v) : v;
  return out as unknown as ReportCase;
}

const upd = (party: 'reporter' | 'reportedParty', iso: string) => ({ party, day: d(iso) });

const CASES: ReportCase[] = [
  c({ received: '2026-01-05', firstReplySent: '2026-01-06', stage: 'Closed', assessment: 'Not a violation', closed: '2026-01-10' }),
  c({ received: '2026-01-10', firstReplySent: '2026-01-15', stage: 'Closed', closed: '2026-01-20' }),
  c({
    received: '2026-02-01', firstReplySent: '2026-02-02', subTeamFormed: '2026-02-05', reporterNotified: '2026-02-10',
    permission: 'Yes', reportedPartyNotified: '2026-02-20', outcome: 'Warning', decided: '2026-03-01', stage: 'Closed', closed: '2026-03-10',
    updates: [upd('reporter', '2026-03-08'), upd('reporter', '2026-02-20')],
  }),
  c({
    received: '2026-02-15', firstReplySent: '2026-02-16', subTeamFormed: '2026-02-20', reporterNotified: '2026-02-25', permission: 'No',
    outcome: 'Correction', decided: '2026-03-15', stage: 'Closed', closed: '2026-03-20', appealReceived: '2026-04-01', appealDecision: 'Upheld',
  }),
  c({
    received: '2026-03-01', firstReplySent: '2026-03-03', subTeamFormed: '2026-03-05', reporterNotified: '2026-03-20', stage: 'Investigating',
    updates: [upd('reporter', '2026-03-30')],
  }),
  c({ received: '2026-06-28' }),
  // Received before the period; its appeal falls in it.
  c({ received: '2025-12-20', outcome: 'Temporary ban', stage: 'Closed', closed: '2026-01-30', appealReceived: '2026-02-10', appealDecision: 'Changed' }),
  c({ received: '2026-07-10' }),
  c({ received: '2026-04-01', firstReplySent: '2026-04-02', stage: 'Not a violation' }),
];

const PERIOD = { from: d('2026-01-01'), to: d('2026-06-30') };
const TODAY = d('2026-07-15');
// The windows the report measures against (the others play no part in it).
const WINDOWS = { replyWindowDays: 3, notifyWindowDays: 7, updateIntervalDays: 14, assessmentWindowDays: 7, outcomeNoticeWindowDays: 3, appealReviewWindowDays: 14 };

describe('buildReport, against a hand count', () => {
  const r = buildReport(CASES, PERIOD, TODAY, WINDOWS);

  test('reports received in the period: 7 (one before it and one after it left out)', () => {
    expect(r.from).toBe('2026-01-01');
    expect(r.to).toBe('2026-06-30');
    expect(r.received).toBe(7);
  });

  test('how they ended: 3 not a violation (assessed, closed without outcome, at that stage); the rest fewer than 3', () => {
    expect(r.outcomes).toEqual([
      { label: 'Not a violation', count: 3 },
      { label: 'Correction', count: FEWER_THAN_3 },
      { label: 'Warning', count: FEWER_THAN_3 },
      { label: 'Temporary ban', count: 0 },
      { label: 'Permanent ban', count: 0 },
      { label: 'No action', count: 0 },
      { label: 'Still open', count: FEWER_THAN_3 },
    ]);
  });

  test('appeals received in the period, whatever the case’s receipt: 2, shown as fewer than 3', () => {
    expect(r.appealsReceived).toBe(FEWER_THAN_3);
    expect(r.appealResults).toEqual([
      { label: 'Upheld', count: FEWER_THAN_3 },
      { label: 'Changed', count: FEWER_THAN_3 },
      { label: 'Withdrawn', count: 0 },
      { label: 'Under review', count: 0 },
    ]);
  });

  test('first replies: 5 of 7 owed within 3 days (one late, one never sent past its window); median 1 day', () => {
    expect(r.firstReplies).toEqual({ onTime: 5, owed: 7, share: 71, windowDays: 3 });
    // Delays 1, 5, 1, 1, 2, 1 → sorted 1 1 1 1 2 5 → 1.
    expect(r.medianDaysToFirstReply).toBe(1);
  });

  test('parties notified: 4 owed (reporters of 3 cases, one reported party with permission), 2 on time: no share', () => {
    expect(r.partiesNotified).toEqual({ onTime: FEWER_THAN_3, owed: 4, share: null, windowDays: 7 });
  });

  test('updates from the Log: 3 recorded, 2 within 14 days of the previous contact', () => {
    expect(r.updates).toEqual({ onTime: FEWER_THAN_3, owed: 3, share: null, windowDays: 14 });
  });

  test('medians: decision from 2 cases is left out; close from 4 cases (5, 10, 33, 37) is 21.5', () => {
    expect(r.medianDaysToDecision).toBeNull();
    expect(r.medianDaysToClose).toBe(21.5);
  });

  test('monthly counts for every month of the period, small ones suppressed', () => {
    expect(r.months).toEqual([
      { month: '2026-01', count: FEWER_THAN_3 },
      { month: '2026-02', count: FEWER_THAN_3 },
      { month: '2026-03', count: FEWER_THAN_3 },
      { month: '2026-04', count: FEWER_THAN_3 },
      { month: '2026-05', count: 0 },
      { month: '2026-06', count: FEWER_THAN_3 },
    ]);
  });

  test('a window still running today is not counted either way', () => {
    const early = buildReport(CASES, PERIOD, d('2026-06-30'), WINDOWS);
    expect(early.firstReplies).toEqual({ onTime: 5, owed: 6, share: 83, windowDays: 3 });
  });

  test('nothing in the result is a case’s date', () => {
    const text = JSON.stringify(r);
    for (const iso of ['2026-01-05', '2026-01-10', '2026-02-01', '2026-03-08', '2026-04-01', '2026-06-28', '2025-12-20']) {
      expect(text).not.toContain(iso);
    }
  });
});

describe('suppression', () => {
  test('counts 1 and 2 are "fewer than 3"; 0 and 3 are shown', () => {
    expect([0, 1, 2, 3, 10].map(shown)).toEqual([0, FEWER_THAN_3, FEWER_THAN_3, 3, 10]);
  });
  test('a share needs 3 cases and a part that is shown', () => {
    expect(share(2, 2)).toBeNull();
    expect(share(1, 5)).toBeNull();
    expect(share(0, 3)).toBe(0);
    expect(share(3, 4)).toBe(75);
  });
  test('a median needs 3 values', () => {
    expect(median([4, 9])).toBeNull();
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('endingOf', () => {
  test('outcome first, then the assessment or closing without one, else still open', () => {
    expect(endingOf(c({ outcome: 'No action', stage: 'Closed', closed: '2026-01-01' }))).toBe('No action');
    expect(endingOf(c({ stage: 'Not a violation' }))).toBe('Not a violation');
    expect(endingOf(c({ stage: 'Closed', closed: '2026-01-01' }))).toBe('Not a violation');
    expect(endingOf(c({ stage: 'Decision' }))).toBe('Still open');
  });
});

describe('parsePeriod', () => {
  test('two real dates in order', () => {
    expect(parsePeriod({ from: '2026-01-01', to: '2026-06-30' })).toEqual({ ok: true, period: PERIOD });
  });
  test.each([
    [null, 'the period needs a "from" date (yyyy-mm-dd)'],
    [{ from: '2026-01-01' }, 'the period needs a "to" date (yyyy-mm-dd)'],
    [{ from: '2026-02-30', to: '2026-03-01' }, '"2026-02-30" is not a real date (yyyy-mm-dd)'],
    [{ from: 20260101, to: '2026-03-01' }, 'the period needs a "from" date (yyyy-mm-dd)'],
    [{ from: '2026-03-01', to: '2026-01-01' }, 'the period ends before it starts'],
    [{ from: '2000-01-01', to: '2026-01-01' }, 'the period is longer than ten years'],
  ])('%p is refused', (input, message) => {
    expect(parsePeriod(input)).toEqual({ ok: false, message });
  });
});

describe('reportCases', () => {
  const header = ['Case ID', 'Received', 'Stage', 'Reporter name', 'Outcome', 'Response plan sent', 'Reporter notified'];
  const { map } = matchHeaders(header);
  const tz = 'Europe/Berlin';
  const log = [
    [new Date('2026-02-20T09:00:00Z'), 'm@irt.example', 'IRT-2026-001', 'Record update to reporter', ''],
    [new Date('2026-03-02T09:00:00Z'), 'm@irt.example', 'irt-2026-001', 'Record decision', 'Warning'],
    [new Date('2026-03-01T09:00:00Z'), 'm@irt.example', 'IRT-2026-001', 'Record decision', 'Correction'],
    [new Date('2026-03-05T09:00:00Z'), 'm@irt.example', 'IRT-2026-002', 'Record update to reported party', ''],
    [new Date('2026-03-05T09:00:00Z'), 'm@irt.example', '', 'Reminders sent', '3 sent'],
  ];
  const cols = { time: 0, caseId: 2, action: 3 };

  test('joins the Log by case ID (any case), the first decision line wins, the plan date is the fallback; blank rows skipped', () => {
    const rows = [
      ['IRT-2026-001', '2026-02-01', 'Decision', 'Robin', 'Warning', '', '2026-02-10'],
      ['', '', '', '', '', '', ''],
      ['IRT-2026-002', '2026-02-03', 'Decision', 'Sam', 'No action', '2026-03-09', ''],
    ];
    const cases = reportCases(rows, map, tz, log, cols);
    expect(cases).toHaveLength(2);
    expect(cases[0]).toMatchObject({ received: d('2026-02-01'), decided: d('2026-03-01'), reporterNotified: d('2026-02-10'), updates: [upd('reporter', '2026-02-20')] });
    expect(cases[1]).toMatchObject({ decided: d('2026-03-09'), updates: [upd('reportedParty', '2026-03-05')] });
    expect(JSON.stringify(cases)).not.toMatch(/Robin|Sam|IRT-2026/);
  });
});
