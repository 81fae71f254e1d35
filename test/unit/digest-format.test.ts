import { DIGEST_MAX_ITEMS, digestSubject, formatDigest } from '../../src/core/digest-format';
import { type Digest } from '../../src/core/reminders';

import { TODAY, ROWS, plan, digestFor } from './reminder-fixtures';

describe('formatDigest', () => {
  const { digests } = plan();
  const ann = digestFor(digests, 'ann@irt.example') as Digest;

  test('subject is short and neutral', () => {
    expect(digestSubject({ overdue: 2, dueSoon: 1, checkData: 0 })).toBe('IRT: 2 overdue, 1 due soon');
    expect(digestSubject({ overdue: 0, dueSoon: 3, checkData: 1 })).toBe('IRT: 3 due soon, 1 to fix');
    expect(formatDigest(ann, { dateFormat: 'd MMMM yyyy' }).subject).toBe('IRT: 1 overdue, 1 due soon, 1 to fix');
  });

  test('plain text lists ID, action, due date, status and link, overdue first', () => {
    const { text } = formatDigest(ann, { dateFormat: 'd MMMM yyyy' });
    expect(text).toContain('- C-005: Update reporter, due 6 March 2026 [Overdue]\n  https://docs.google.com/spreadsheets/d/abc/edit#gid=42&range=A6');
    expect(text).toContain('- C-010: Fix the row: check Sub-team, no date [Check data]');
    expect(text.indexOf('OVERDUE')).toBeLessThan(text.indexOf('DUE SOON'));
    expect(text.indexOf('DUE SOON')).toBeLessThan(text.indexOf('ROWS TO FIX'));
  });

  test('HTML escapes every value', () => {
    const odd: Digest = {
      recipient: 'x@irt.example',
      overdue: 1,
      dueSoon: 0,
      checkData: 0,
      items: [{ caseId: '<img src=x onerror=alert(1)>', action: 'Reply & "go"', due: TODAY, status: 'Overdue', row: 2, link: 'https://x/?a=1&b="2"' }],
      trackerLink: 'https://x/',
    };
    const { html, text } = formatDigest(odd, { dateFormat: 'yyyy-MM-dd' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('href="https://x/?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('Reply &amp; &quot;go&quot;, due 2026-03-10');
    expect(text).toContain('Reply & "go", due 2026-03-10');
  });
});

describe('a digest stays short whatever the tracker size', () => {
  const many: string[][] = [];
  for (let i = 0; i < 10_000; i++) many.push(ROWS[i % 13]);
  const triage = digestFor(plan(many).digests, 'triage@irt.example') as Digest;

  test('lists the 50 most urgent cases, overdue first, then how many more and where to see them', () => {
    const email = formatDigest(triage, { dateFormat: 'd MMMM yyyy' });
    const listed = [...email.text.matchAll(/^- (C-\d+):.*\[(\w[\w ]*)\]$/gm)];
    expect(listed).toHaveLength(DIGEST_MAX_ITEMS);
    expect(listed.map((m) => m[2])).toEqual(triage.items.slice(0, DIGEST_MAX_ITEMS).map((i) => i.status));
    expect(listed[0][2]).toBe('Overdue');
    const rest = triage.items.slice(DIGEST_MAX_ITEMS);
    const overdue = rest.filter((i) => i.status === 'Overdue').length;
    expect(overdue).toBeGreaterThan(0);
    expect(email.text).toContain(`And ${rest.length} more (${overdue} overdue, `);
    expect(email.text).toContain(': open the tracker to see them all.\n  https://docs.google.com/spreadsheets/d/abc/edit#gid=42\n');
    expect(email.html).toContain(`<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=42">And ${rest.length} more (`);
    expect(email.subject).toBe(digestSubject(triage)); // the subject still counts everything
  });

  test('under 100 kB in all, and a short digest is listed whole', () => {
    const email = formatDigest(triage, { dateFormat: 'd MMMM yyyy' });
    expect(Buffer.byteLength(email.subject + email.text + email.html)).toBeLessThan(100_000);
    const { digests } = plan();
    const ann = formatDigest(digestFor(digests, 'ann@irt.example') as Digest, { dateFormat: 'd MMMM yyyy' });
    expect(ann.text).not.toContain('more (');
  });
});

test('scales: 10,000 cases in one pass', () => {
  const many: string[][] = [];
  for (let i = 0; i < 10_000; i++) many.push(ROWS[i % 13]);
  const { digests } = plan(many);
  // 769 full cycles of the 13 rows give 5 triage items each; the 3 left over (C-001..C-003) one each.
  expect(digestFor(digests, 'triage@irt.example')?.items.length).toBe(769 * 5 + 3);
});
