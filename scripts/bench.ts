// `npm run bench`: spreadsheet calls per operation and the time of the pure
// computation, for 1,000 and 10,000 cases, and the sub-team suggestion for
// Rosters of 50, 500 and 1,000 members. The operations run dist/Code.js
// against the fakes (scripts/bench.mjs bundles this file and runs it with node);
// the pure part times the core alone on the same rows, so the fakes' own cost
// is not counted.
import * as path from 'node:path';
import { dayFromIso, startOfDay, type Day } from '../src/core/calendar';
import { readCase } from '../src/core/cases';
import { matchHeaders } from '../src/core/columns';
import { deadlineForRow } from '../src/core/deadlines';
import { formatDigest } from '../src/core/digest-format';
import { buildDigests, type ReminderCase } from '../src/core/reminders';
import { ROSTER_HEADER } from '../src/core/roster';
import { parseSettings } from '../src/core/settings';
import { countOpenCases, parseRoster, suggestSubTeam } from '../src/core/subteam';
import { createEnv, type FakeEnv } from '../fakes';
import { createGas } from '../fakes/runtime';

const ROOT = process.argv[2] ?? process.cwd();
const TZ = 'Pacific/Auckland';
const NOW = '2026-03-09T20:00:00Z'; // 10 March, 09:00 in Auckland
const TODAY = dayFromIso('2026-03-10') as Day;
const SIZES = [1_000, 10_000];
const MEMBERS = Array.from({ length: 30 }, (_, i) => `member${i + 1}@irt.example`);

/** A mix of every stage, dates relative to today, sub-teams drawn from 30 members. */
function caseRow(header: string[], i: number): unknown[] {
  const ago = (n: number) => startOfDay(TODAY - n, TZ);
  const teamOf = () => [0, 1, 2].map((k) => MEMBERS[(i * 7 + k * 11) % MEMBERS.length]).join(', ');
  const spread = i % 17;
  const base: Record<string, unknown> = {
    'Case ID': `IRT-${String(i + 1).padStart(5, '0')}`,
    'Reporter name': `Reporter ${i}`,
    'Reporter email': `reporter${i}@parties.example`,
    'Reported party name': `Reported ${i}`,
    'Reported party email': `reported${i}@parties.example`,
    Summary: `Summary of report ${i}`,
    Where: 'Forum',
  };
  const withTeam = { ...base, 'First reply sent': ago(40 + spread), 'Sub-team': teamOf(), 'Sub-team formed': ago(30 + spread) };
  const stages: Record<string, unknown>[] = [
    { ...base, Stage: 'Received', Received: ago(spread % 5) },
    { ...base, Stage: 'Assessing', Received: ago(spread % 9), 'First reply sent': ago(spread % 3) },
    { ...base, Stage: 'Not a violation', Received: ago(spread % 9), 'First reply sent': ago(spread % 3) },
    { ...withTeam, Stage: 'Sub-team formed', Received: ago(45 + spread), 'Sub-team formed': ago(spread % 9) },
    { ...withTeam, Stage: 'Investigating', Received: ago(45 + spread), 'Reporter notified': ago(25), 'Last update to reporter': ago(spread) },
    { ...withTeam, Stage: 'Decision', Received: ago(45 + spread), 'Reporter notified': ago(spread), Outcome: 'Warning' },
    {
      ...withTeam, Stage: 'Closed', Received: ago(90), 'Reporter notified': ago(60), Outcome: 'Temporary ban',
      'Outcome end date': startOfDay(TODAY + (spread % 5), TZ), Closed: ago(20),
    },
    { ...withTeam, Stage: 'Closed', Received: ago(90), 'Reporter notified': ago(60), Outcome: 'No action', Closed: ago(20) },
    { ...base, Stage: 'Investigating', Received: ago(20) }, // Check data: no sub-team
  ];
  const spec = stages[i % stages.length];
  return header.map((name) => spec[name] ?? '');
}

const spreadsheetCalls = (env: FakeEnv) =>
  Object.entries(env.calls.byName())
    .filter(([name]) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(name))
    .reduce((sum, [, n]) => sum + n, 0);

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timePure(work: () => void, repeats = 5): number {
  work(); // warm up
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

interface Row {
  cases: number;
  operation: string;
  sheetCalls: number;
  allCalls: number;
  cellsRead: number;
  emails: number | string;
  pureMs: number | null;
  runMs: number;
}

/** Sizes that must not grow with the tracker, per tracker size. */
const sizes: { cases: number; largestDigestKb: number; triageOverdue: number }[] = [];

function bench(count: number): Row[] {
  const env = createEnv({ spreadsheetTimeZone: TZ, scriptTimeZone: 'America/Los_Angeles', now: NOW, activeUser: 'owner@irt.example' });
  const gas = createGas(env, { bundleDir: path.join(ROOT, 'dist') });
  gas.run('setupTracker');
  const header = env.sheetValues('Cases')[0].map(String);
  const rows = Array.from({ length: count }, (_, i) => caseRow(header, i));
  env.seedSheet('Cases', [header, ...rows]);
  // Only Roster members receive a sub-team's digest.
  env.seedSheet('Roster', [[...ROSTER_HEADER], ...MEMBERS.map((email, i) => [`Member ${i + 1}`, email, TZ, 'Yes', ''])]);
  gas.run('enableReminders');

  // The pure core on the same rows, as the adapters feed it.
  const values = env.sheetValues('Cases');
  const map = matchHeaders(values[0]).map;
  const data = values.slice(1);
  const { settings } = parseSettings(env.sheetValues('Settings'));
  const refreshPure = () => data.map((row) => deadlineForRow(row, map, TZ, TODAY, settings));
  const remindPure = () => {
    const deadlines = refreshPure();
    const cases: ReminderCase[] = [];
    data.forEach((row, i) => {
      const d = deadlines[i];
      if (d && (['Overdue', 'Due soon', 'Check data'].includes(d.status) || row[map.Outcome as number] === 'Temporary ban'))
        cases.push({ row: i + 2, record: readCase(row, map, TZ), deadline: d });
    });
    const plan = buildDigests({
      cases,
      settings,
      fallbackTriage: ['owner@irt.example'],
      today: TODAY,
      link: { url: 'https://x', gid: 0 },
      members: MEMBERS,
    });
    for (const digest of plan.digests) formatDigest(digest, { dateFormat: settings.emailDateFormat });
  };

  const out: Row[] = [];
  env.calls.reset();
  let start = performance.now();
  gas.run('refreshDeadlines');
  out.push({
    cases: count,
    operation: 'refreshDeadlines',
    sheetCalls: spreadsheetCalls(env),
    allCalls: env.calls.total(),
    cellsRead: env.calls.cellsRead(),
    emails: '-',
    pureMs: timePure(refreshPure),
    runMs: performance.now() - start,
  });

  env.calls.reset();
  env.ui.available = false; // a trigger run has no UI
  start = performance.now();
  gas.run('sendDeadlineReminders', { triggerUid: 'bench' });
  const runMs = performance.now() - start;
  env.ui.available = true;
  out.push({
    cases: count,
    operation: 'sendDeadlineReminders',
    sheetCalls: spreadsheetCalls(env),
    allCalls: env.calls.total(),
    cellsRead: env.calls.cellsRead(),
    emails: env.calls.count('MailApp.sendEmail'),
    pureMs: timePure(remindPure),
    runMs,
  });
  const largest = Math.max(...env.outbox.sent.map((m) => Buffer.byteLength(m.subject + m.body + m.htmlBody)));
  const plan = (() => {
    const triage = env.outbox.sent.find((m) => m.to === 'owner@irt.example');
    return triage ? Number(/(\d+) overdue/.exec(triage.subject)?.[1] ?? 0) : 0;
  })();
  sizes.push({ cases: count, largestDigestKb: largest / 1024, triageOverdue: plan });

  // Single-case actions: what one member's step or draft reads at this tracker size.
  const single = (operation: string, work: () => unknown) => {
    env.calls.reset();
    const at = performance.now();
    work();
    out.push({
      cases: count,
      operation,
      sheetCalls: spreadsheetCalls(env),
      allCalls: env.calls.total(),
      cellsRead: env.calls.cellsRead(),
      emails: '-',
      pureMs: null,
      runMs: performance.now() - at,
    });
  };
  const first = 'IRT-00001'; // Received, no first reply yet
  const { version } = gas.run('getCasePanel', first) as { version: string };
  single('recordCaseStep (panel step)', () => gas.run('recordCaseStep', first, 'firstReply', { date: '2026-03-10' }, version));
  single('createDraft', () => gas.run('createDraft', 'IRT-00010', 'Acknowledgement'));
  // Reads the cases sheet's header only: the same few calls at any tracker size.
  single('checkInstallation', () => gas.run('checkInstallation'));
  return out;
}

const results = SIZES.flatMap(bench);
const table = [
  ['cases', 'operation', 'spreadsheet calls', 'all service calls', 'cells read', 'emails', 'pure computation (ms)', 'whole run on fakes (ms)'],
  ...results.map((r) => [
    r.cases.toLocaleString('en-US'),
    r.operation,
    String(r.sheetCalls),
    String(r.allCalls),
    r.cellsRead.toLocaleString('en-US'),
    String(r.emails),
    r.pureMs === null ? '-' : r.pureMs.toFixed(1),
    r.runMs.toFixed(0),
  ]),
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('\nSpreadsheet calls = SpreadsheetApp/Spreadsheet/Sheet/Range calls counted by the fakes; the same at both sizes.');
console.log('Pure computation = the core alone on the same rows (median of 5): deadlines; + parsing, digests and email text.');
console.log('Cells read = cells returned by Range getters; a single-case action reads the cases sheet once (its Case ID match, the row, the versions).');
for (const z of sizes)
  console.log(`${z.cases.toLocaleString('en-US')} cases: largest digest ${z.largestDigestKb.toFixed(1)} KB (the triage digest counts ${z.triageOverdue} overdue; it lists the 50 most urgent).`);

// ---- The sub-team suggestion by Roster size --------------------------------------

const ROSTER_SIZES = [50, 500, 1_000];
const ROSTER_ZONES = [
  'Pacific/Auckland', 'Australia/Sydney', 'Asia/Tokyo', 'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dubai',
  'Europe/Moscow', 'Africa/Nairobi', 'Europe/Berlin', 'Europe/London', 'Africa/Lagos', 'America/Sao_Paulo',
  'America/St_Johns', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Pacific/Honolulu',
];

function benchSuggestion(members: number) {
  const env = createEnv({ spreadsheetTimeZone: TZ, now: NOW, activeUser: 'owner@irt.example' });
  const gas = createGas(env, { bundleDir: path.join(ROOT, 'dist') });
  gas.run('setupTracker');
  const header = env.sheetValues('Cases')[0].map(String);
  const emails = Array.from({ length: members }, (_, i) => `member${i + 1}@irt.example`);
  const rosterValues = [
    [...ROSTER_HEADER],
    ...emails.map((email, i) => [`Member ${i + 1}`, email, ROSTER_ZONES[(i * 7) % ROSTER_ZONES.length], i % 9 === 0 ? 'No' : 'Yes', '']),
  ];
  // 300 open cases whose sub-teams load the members unevenly, and one case waiting for its sub-team.
  const ago = (n: number) => startOfDay(TODAY - n, TZ);
  const teams = Array.from({ length: 300 }, (_, i) => [0, 1, 2].map((k) => emails[(i * 13 + k * 17) % Math.min(members, 120)]).join(', '));
  const row = (cells: Record<string, unknown>) => header.map((name) => cells[name] ?? '');
  const rows = [
    row({ 'Case ID': 'IRT-2026-001', Received: ago(5), Stage: 'Assessing', 'Reporter email': 'r@parties.example', Summary: 'S', 'First reply sent': ago(4) }),
    ...teams.map((team, i) =>
      row({ 'Case ID': `IRT-2025-${String(i + 1).padStart(3, '0')}`, Received: ago(40), Stage: 'Investigating', Summary: 'S',
        'Reporter email': `r${i}@parties.example`, 'First reply sent': ago(39), 'Sub-team': team, 'Sub-team formed': ago(30), 'Reporter notified': ago(29) }),
    ),
  ];
  env.seedSheet('Cases', [header, ...rows]);
  env.seedSheet('Roster', rosterValues);

  const roster = parseRoster(rosterValues, TZ).members;
  const openCases = countOpenCases(teams);
  const partyTimeZones = ['Europe/Berlin', 'America/Chicago'];
  const pureMs = timePure(() => suggestSubTeam({ roster, openCases, partyTimeZones, day: TODAY }));
  env.calls.reset();
  const start = performance.now();
  const advice = gas.run('suggestSubTeam', 'IRT-2026-001', { partyTimeZones }) as { complete: boolean };
  const runMs = performance.now() - start;
  if (!advice.complete) throw new Error('bench: the suggestion found no sub-team');
  const sheetCalls = spreadsheetCalls(env);
  // The case panel's page for the case waiting for its sub-team (the Roster is not in it).
  env.sheet('Cases').getRange(2, 1).activate();
  gas.run('showCasePanel');
  const pageKb = env.ui.dialogs[env.ui.dialogs.length - 1].html.length / 1024;
  return { members, sheetCalls, pureMs, runMs, pageKb };
}

const suggestions = ROSTER_SIZES.map(benchSuggestion);
const suggestionTable = [
  ['Roster members', 'operation', 'spreadsheet calls', 'pure computation (ms)', 'whole run on fakes (ms)', 'case panel page (KB)'],
  ...suggestions.map((r) => [
    r.members.toLocaleString('en-US'),
    'suggestSubTeam',
    String(r.sheetCalls),
    r.pureMs.toFixed(1),
    r.runMs.toFixed(0),
    r.pageKb.toFixed(1),
  ]),
];
const suggestionWidths = suggestionTable[0].map((_, c) => Math.max(...suggestionTable.map((row) => row[c].length)));
console.log('');
for (const [i, row] of suggestionTable.entries()) {
  console.log(row.map((cell, c) => (c < 2 ? cell.padEnd(suggestionWidths[c]) : cell.padStart(suggestionWidths[c]))).join('  '));
  if (i === 0) console.log(suggestionWidths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('\nSuggestion: 300 open cases, members in 19 zones, two party zones; pure = the core choosing from the parsed Roster (median of 5).');
