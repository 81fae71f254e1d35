// What the case panel shows of one case (JSON-safe: dates as yyyy-mm-dd), and the
// row's fingerprint that lets a step refuse when another member changed the row.

import { isDate, isoFromDay, type Day } from './calendar';
import { memberEntries } from './people';
import { stepViews, type PanelCase, type StepView } from './case-steps';
import { caseTimeline, type TimelineItem } from './case-timeline';
import { COLUMN_NAMES, COMPUTED_COLUMNS, type ColumnMap, type ColumnName } from './columns';
import { computeDeadline, type DeadlineSettings } from './deadlines';
import { PROCESS, type Process } from './process';
import { rowProblems } from './row-checks';

export interface CasePanelView {
  caseId: string;
  stage: string;
  /** Fingerprint of the row as read; every step sends it back. */
  version: string;
  today: string;
  subTeam: string[];
  next: { action: string; due: string | null; status: string };
  timeline: TimelineItem[];
  steps: StepView[];
  /** What is wrong with the row, if anything (then no step is offered). */
  problems: string[];
}

export function buildPanelView(
  c: PanelCase,
  version: string,
  today: Day,
  settings: DeadlineSettings,
  process: Process = PROCESS,
): CasePanelView {
  const deadline = computeDeadline(c, today, settings, process);
  return {
    caseId: c.caseId,
    stage: c.stage,
    version,
    today: isoFromDay(today),
    subTeam: memberEntries(c.subTeam),
    next: { action: deadline.action, due: deadline.due === null ? null : isoFromDay(deadline.due), status: deadline.status },
    timeline: caseTimeline(c, today, settings, process),
    steps: stepViews(c, today, settings, process),
    problems: rowProblems(c),
  };
}


// ---- The row's fingerprint ------------------------------------------------------

/** The case columns a fingerprint covers: every canonical column but the computed ones. */
const VERSIONED_COLUMNS: readonly ColumnName[] = COLUMN_NAMES.filter(
  (name) => !(COMPUTED_COLUMNS as readonly string[]).includes(name),
);

/**
 * A fingerprint of a row's case cells (not the computed ones, which a refresh may
 * rewrite at any time): a step is refused when the row changed since the panel read it.
 */
export function rowVersion(row: readonly unknown[], map: ColumnMap): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  for (const name of VERSIONED_COLUMNS) {
    const index = map[name];
    const value = index === undefined ? undefined : row[index];
    const text = value === undefined ? 'u' : isDate(value) ? `d${value.getTime()}` : `${typeof value}:${String(value)}`;
    feed(`${name}\u0000${text}\u0001`);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
