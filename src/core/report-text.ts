// The transparency report in words: the rows of the Report sheet and the
// plain-text summary a team pastes into a public post. Both are made from the
// already anonymous figures (report.ts) and nothing else.

import { dayFromIso, formatDay } from './calendar';
import type { Labelled, OnTime, Shown, TransparencyReport } from './report';

const when = (iso: string) => formatDay(dayFromIso(iso) as number, 'd MMMM yyyy');
const days = (n: number | null) => (n === null ? 'not shown (fewer than 3 cases)' : `${n} day${n === 1 ? '' : 's'}`);
const percent = (n: number | null) => (n === null ? '' : ` (${n}%)`);

function describeOnTime(figure: OnTime): string {
  return `${figure.onTime} of ${figure.owed}${percent(figure.share)}`;
}

function listed(items: readonly Labelled[]): string {
  const nonZero = items.filter((i) => i.count !== 0);
  return nonZero.length ? nonZero.map((i) => `${i.label.toLowerCase()}: ${i.count}`).join('; ') : 'none';
}

/** The summary, ready to paste: short lines, the period's own dates only. */
export function reportSummary(r: TransparencyReport): string {
  return [
    `Code of Conduct transparency report, ${when(r.from)} to ${when(r.to)}`,
    '',
    `Reports received: ${r.received}.`,
    `How they ended: ${listed(r.outcomes)}.`,
    `Appeals received: ${r.appealsReceived}${r.appealsReceived === 0 ? '' : ` (${listed(r.appealResults)})`}.`,
    `First replies within ${r.firstReplies.windowDays} days: ${describeOnTime(r.firstReplies)}; median time to a first reply: ${days(r.medianDaysToFirstReply)}.`,
    `Parties told the next steps within ${r.partiesNotified.windowDays} days of forming a sub-team: ${describeOnTime(r.partiesNotified)}.`,
    `Updates sent within ${r.updates.windowDays} days of the previous contact: ${describeOnTime(r.updates)}.`,
    `Median time from report to decision: ${days(r.medianDaysToDecision)}; to closing: ${days(r.medianDaysToClose)}.`,
    '',
    `Counts of 1 or 2 are shown as "fewer than 3", and shares and medians from fewer than 3 cases are left out, so that no single report can be recognised.`,
  ].join('\n');
}

type ReportCell = string | number;

/** Where the two chart tables sit on the Report sheet (1-based), for the charts' ranges. */
export interface ReportLayout {
  rows: ReportCell[][];
  width: number;
  outcomes: { row: number; rows: number };
  months: { row: number; rows: number };
}

const cell = (value: Shown | number | null): ReportCell => (value === null ? 'not shown' : value);
const shareCell = (value: number | null): ReportCell => (value === null ? 'not shown' : `${value}%`);

/** The Report sheet's rows: the figures, the two chart tables, the summary; all of equal width. */
export function reportLayout(r: TransparencyReport): ReportLayout {
  const rows: ReportCell[][] = [];
  const add = (...cells: ReportCell[]) => rows.push(cells);
  add('Transparency report', `${r.from} to ${r.to}`);
  add('Counts of 1 or 2 read "fewer than 3"; shares and medians from fewer than 3 cases are not shown.', '');
  add('', '');
  add('Figure', 'Value');
  add('Reports received', cell(r.received));
  add('Appeals received', cell(r.appealsReceived));
  for (const a of r.appealResults) add(`Appeals: ${a.label.toLowerCase()}`, cell(a.count));
  add(`First replies within ${r.firstReplies.windowDays} days`, `${r.firstReplies.onTime} of ${r.firstReplies.owed}`);
  add('First replies on time (share)', shareCell(r.firstReplies.share));
  add('Median days to first reply', cell(r.medianDaysToFirstReply));
  add(`Parties notified within ${r.partiesNotified.windowDays} days`, `${r.partiesNotified.onTime} of ${r.partiesNotified.owed}`);
  add('Parties notified on time (share)', shareCell(r.partiesNotified.share));
  add(`Updates within ${r.updates.windowDays} days`, `${r.updates.onTime} of ${r.updates.owed}`);
  add('Updates on time (share)', shareCell(r.updates.share));
  add('Median days from receipt to decision', cell(r.medianDaysToDecision));
  add('Median days from receipt to close', cell(r.medianDaysToClose));
  add('', '');
  add('How reports ended', 'Reports');
  const outcomes = { row: rows.length, rows: r.outcomes.length + 1 };
  for (const o of r.outcomes) add(o.label, cell(o.count));
  add('', '');
  add('Month received', 'Reports');
  const months = { row: rows.length, rows: r.months.length + 1 };
  for (const m of r.months) add(m.month, cell(m.count));
  add('', '');
  add('Summary to paste', '');
  for (const line of reportSummary(r).split('\n')) add(line, '');
  return { rows, width: 2, outcomes, months };
}
