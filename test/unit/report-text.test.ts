// The Report sheet's rows and the summary to paste, from the anonymous figures.
import { FEWER_THAN_3, type TransparencyReport } from '../../src/core/report';
import { reportLayout, reportSummary } from '../../src/core/report-text';

const REPORT: TransparencyReport = {
  from: '2026-01-01',
  to: '2026-03-31',
  received: 9,
  outcomes: [
    { label: 'Not a violation', count: 4 },
    { label: 'Correction', count: FEWER_THAN_3 },
    { label: 'Warning', count: 3 },
    { label: 'Temporary ban', count: 0 },
    { label: 'Permanent ban', count: 0 },
    { label: 'No action', count: 0 },
    { label: 'Still open', count: 0 },
  ],
  appealsReceived: 0,
  appealResults: [
    { label: 'Upheld', count: 0 },
    { label: 'Changed', count: 0 },
    { label: 'Withdrawn', count: 0 },
    { label: 'Under review', count: 0 },
  ],
  firstReplies: { onTime: 8, owed: 9, share: 89, windowDays: 3 },
  medianDaysToFirstReply: 1,
  partiesNotified: { onTime: FEWER_THAN_3, owed: 4, share: null, windowDays: 7 },
  updates: { onTime: 0, owed: 0, share: null, windowDays: 14 },
  medianDaysToDecision: null,
  medianDaysToClose: 20.5,
  months: [
    { month: '2026-01', count: 3 },
    { month: '2026-02', count: 6 },
    { month: '2026-03', count: 0 },
  ],
};

test('the summary: the period, each figure, suppressed ones as such, and the rule', () => {
  expect(reportSummary(REPORT)).toBe(
    [
      'Code of Conduct transparency report, 1 January 2026 to 31 March 2026',
      '',
      'Reports received: 9.',
      'How they ended: not a violation: 4; correction: fewer than 3; warning: 3.',
      'Appeals received: 0.',
      'First replies within 3 days: 8 of 9 (89%); median time to a first reply: 1 day.',
      'Parties told the next steps within 7 days of forming a sub-team: fewer than 3 of 4.',
      'Updates sent within 14 days of the previous contact: 0 of 0.',
      'Median time from report to decision: not shown (fewer than 3 cases); to closing: 20.5 days.',
      '',
      'Counts of 1 or 2 are shown as "fewer than 3", and shares and medians from fewer than 3 cases are left out, so that no single report can be recognised.',
    ].join('\n'),
  );
});

test('the sheet layout: two columns, the chart tables where the layout says', () => {
  const layout = reportLayout(REPORT);
  expect(layout.rows.every((row) => row.length === layout.width)).toBe(true);
  const at = (r: number) => layout.rows[r - 1];
  expect(at(layout.outcomes.row)).toEqual(['How reports ended', 'Reports']);
  expect(layout.rows.slice(layout.outcomes.row, layout.outcomes.row + layout.outcomes.rows - 1)).toEqual(
    REPORT.outcomes.map((o) => [o.label, o.count]),
  );
  expect(at(layout.months.row)).toEqual(['Month received', 'Reports']);
  expect(layout.rows.slice(layout.months.row, layout.months.row + layout.months.rows - 1)).toEqual([
    ['2026-01', 3],
    ['2026-02', 6],
    ['2026-03', 0],
  ]);
  expect(layout.rows).toContainEqual(['First replies on time (share)', '89%']);
  expect(layout.rows).toContainEqual(['Parties notified on time (share)', 'not shown']);
  expect(layout.rows).toContainEqual(['Median days from receipt to decision', 'not shown']);
});
