// A digest as an email: a short, neutral subject and the same list as plain
// text and as HTML (every value escaped). Only the digest's own fields appear.

import { formatDay } from './calendar';
import { escapeHtml } from './html-escape';
import type { Digest, DigestItem, ReminderStatus } from './reminders';

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

export interface DigestFormatOptions {
  /** Settings' "Date format in emails". */
  dateFormat: string;
  /** Cases listed at most (default DIGEST_MAX_ITEMS). */
  maxItems?: number;
}

/**
 * A digest lists at most this many cases, the most urgent (overdue first), then
 * how many more there are: a triage digest of a large tracker would otherwise grow
 * by ~400 bytes a case, past what anyone reads and past what Gmail accepts.
 */
export const DIGEST_MAX_ITEMS = 50;

const SECTIONS: readonly { status: ReminderStatus; title: string }[] = [
  { status: 'Overdue', title: 'Overdue' },
  { status: 'Due soon', title: 'Due soon' },
  { status: 'Check data', title: 'Rows to fix' },
];

const FOOTER =
  'Sent by the IRT Case Tracker. It lists case IDs, next steps and dates only: open the tracker for the details, ' +
  'and keep case details out of email.';

/** `IRT: 2 overdue, 1 due soon` (zero counts left out). */
export function digestSubject(digest: Pick<Digest, 'overdue' | 'dueSoon' | 'checkData'>): string {
  const parts: string[] = [];
  if (digest.overdue) parts.push(`${digest.overdue} overdue`);
  if (digest.dueSoon) parts.push(`${digest.dueSoon} due soon`);
  if (digest.checkData) parts.push(`${digest.checkData} to fix`);
  return `IRT: ${parts.length ? parts.join(', ') : 'nothing due'}`;
}

function dueText(item: DigestItem, options: DigestFormatOptions): string {
  return item.due === null ? 'no date' : `due ${formatDay(item.due, options.dateFormat)}`;
}

/** `900 overdue, 50 due soon, 3 to fix` for the cases not listed. */
function countsOf(items: readonly DigestItem[]): string {
  const count = (status: ReminderStatus) => items.filter((i) => i.status === status).length;
  return digestSubject({ overdue: count('Overdue'), dueSoon: count('Due soon'), checkData: count('Check data') }).replace(/^IRT: /, '');
}

export function formatDigest(digest: Digest, options: DigestFormatOptions): DigestEmail {
  const subject = digestSubject(digest);
  // Items come most urgent first (buildDigests), so the cut keeps the overdue ones.
  const max = options.maxItems ?? DIGEST_MAX_ITEMS;
  const listed = digest.items.slice(0, max);
  const rest = digest.items.slice(max);
  const text: string[] = [`${subject.replace(/^IRT: /, 'Cases needing you: ')}.`, ''];
  const html: string[] = [
    '<div style="font-family:Arial,sans-serif;font-size:14px">',
    `<p>${escapeHtml(subject.replace(/^IRT: /, 'Cases needing you: '))}.</p>`,
  ];
  for (const section of SECTIONS) {
    const items = listed.filter((i) => i.status === section.status);
    if (items.length === 0) continue;
    text.push(`${section.title.toUpperCase()} (${items.length})`);
    html.push(`<h3 style="margin:16px 0 4px">${escapeHtml(section.title)} (${items.length})</h3>`, '<ul>');
    for (const item of items) {
      text.push(`- ${item.caseId}: ${item.action}, ${dueText(item, options)} [${item.status}]`, `  ${item.link}`);
      html.push(
        `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.caseId)}</a>: ${escapeHtml(item.action)}, ` +
          `${escapeHtml(dueText(item, options))} <b>[${escapeHtml(item.status)}]</b></li>`,
      );
    }
    text.push('');
    html.push('</ul>');
  }
  if (rest.length) {
    const more = `And ${rest.length} more (${countsOf(rest)}): open the tracker to see them all.`;
    text.push(more, `  ${digest.trackerLink}`, '');
    html.push(`<p><a href="${escapeHtml(digest.trackerLink)}">${escapeHtml(more)}</a></p>`);
  }
  text.push(FOOTER);
  html.push(`<p style="color:#666;font-size:12px">${escapeHtml(FOOTER)}</p>`, '</div>');
  return { subject, text: text.join('\n'), html: html.join('\n') };
}
