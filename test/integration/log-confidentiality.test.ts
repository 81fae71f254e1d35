// Nothing confidential in the Log, through the built bundle: every entry point
// that writes a Log line is driven on a tracker whose rows each hold distinct
// confidential text (and whose adopted "Case ID"s are partly free text naming
// the parties), then every Log cell is searched for every confidential value of
// every row. A case is named in the Log as digests name it: its ID when that is
// a plain identifier, else `Row N`.
import * as path from 'node:path';
import { createEnv, type FakeEnv } from '../../fakes';
import { createGas, type Gas } from '../../fakes/runtime';
import { CONFIDENTIAL_COLUMNS } from '../../src/core/columns';
import { isCaseIdToken } from '../../src/core/reminders';
import { ROSTER_HEADER } from '../../src/core/roster';

const DIST = path.resolve(__dirname, '../../dist');
const TZ = 'Europe/London';

interface Setup {
  env: FakeEnv;
  gas: Gas;
  header: string[];
  col: (name: string) => number;
}

/** Distinct confidential text per row, so any leak is caught and traced. */
const party = (n: number): Record<string, string> => ({
  'Reporter name': `Reporterina Quill${n}`,
  'Reporter email': `reporter${n}@parties.example`,
  'Reported party name': `Accusado Brandt${n}`,
  'Reported party email': `reported${n}@parties.example`,
  Summary: `Said <b>awful</b> things in thread ${n}`,
  Where: `Forum board #${n} "off-topic"`,
  Findings: `Confirmed by witness ${n}`,
  'Requested action': `Step away from the organiser role ${n}`,
  Conflicts: `Conflicted Person${n}`,
  Channel: `Private chat room ${n}`,
  'Help desk link': `https://help.example/ticket/${1000 + n}`,
});

/** Adopted trackers' "IDs" that are really descriptions naming the parties. */
const FREE_ID = 'Quill1 v Brandt1 (reporter1@parties.example)';
const FREE_ID_2 = 'Brandt2 complaint';

const CASES: Record<string, string>[] = [
  { ...party(1), 'Case ID': FREE_ID, Received: '2026-03-01', Stage: 'Received', 'Permission to notify reported party': 'Yes' },
  { ...party(2), 'Reported party email': 'Accusado Brandt2 <reported2@parties.example>', 'Case ID': FREE_ID_2, Received: '2026-01-05', Stage: 'Closed', 'First reply sent': '2026-01-06', Closed: '2026-01-20', 'Expunge after': '2026-02-20' },
  { ...party(3), 'Case ID': 'IRT-2026-003', Received: '2026-03-02', Stage: 'Received' },
  { ...party(4), 'Case ID': 'IRT-2026-99999999999999999', Received: '2026-03-03', Stage: 'Received' },
  { ...party(6), 'Case ID': 'Brandt6 matter', Received: '2025-01-05', Stage: 'Closed', 'First reply sent': '2025-01-06', Closed: '2025-01-20', 'Expunge after': '2025-07-20' },
];

const ROSTER = [
  ['Ana Alves', 'ana@irt.example', TZ, 'Yes', ''],
  ['Bo Berg', 'bo@irt.example', TZ, 'Yes', ''],
  ['Cy Chen', 'cy@irt.example', TZ, 'Yes', ''],
  ['Di Diaz', 'di@irt.example', TZ, 'Yes', ''],
];

function setUp(): Setup {
  const env = createEnv({ spreadsheetTimeZone: TZ, now: '2026-03-10T12:00:00Z', activeUser: 'ana@irt.example' });
  const gas = createGas(env, { bundleDir: DIST });
  gas.run('setupTracker');
  env.seedSheet('Roster', [[...ROSTER_HEADER], ...ROSTER]);
  const header = env.sheetValues('Cases')[0].map(String);
  env.seedSheet('Cases', [header, ...CASES.map((c) => header.map((h) => c[h] ?? ''))]);
  return { env, gas, header, col: (name) => header.indexOf(name) };
}

const version = (s: Setup, id: string) => (s.gas.run('getCasePanel', id) as { version: string }).version;
const step = (s: Setup, id: string, stepId: string, fields: Record<string, string>) =>
  s.gas.run('recordCaseStep', id, stepId, fields, version(s, id));
const logRows = (s: Setup) => s.env.sheetValues('Log').slice(1);

/** Every entry point that writes the Log, each at least once, on the free-text rows too. */
function driveEveryLogWriter(s: Setup): void {
  // Settings the team typed wrongly: names of a party in Triage emails.
  const triageRow = s.env.sheetValues('Settings').findIndex((r) => String(r[0]).startsWith('Triage emails')) + 1;
  s.env.sheet('Settings').getRange(triageRow, 2).setValue('Reporterina Quill3, Accusado Brandt3');
  s.gas.run('setupTracker');
  s.gas.run('refreshDeadlines');
  // Drafts and mark-as-sent, on a free-text ID.
  s.gas.run('createDraft', FREE_ID, 'Acknowledgement');
  s.gas.run('markTemplateSent', FREE_ID, 'Acknowledgement');
  // Panel steps on the free-text ID and on a plain one.
  step(s, FREE_ID, 'assessment', { assessment: 'Possible violation' });
  step(s, FREE_ID, 'conflicts', { conflicts: 'Conflicted Person1, Conflicted Other1' });
  step(s, FREE_ID, 'subTeam', { members: 'ana@irt.example, bo@irt.example, cy@irt.example', date: '2026-03-10', channel: 'Private chat room 1' });
  step(s, FREE_ID, 'replaceMember', { outgoing: 'cy@irt.example', incoming: 'di@irt.example' });
  step(s, 'IRT-2026-003', 'firstReply', { date: '2026-03-03' });
  // A new case about the free-text case's reported party: the repeat report names that case.
  s.gas.run('submitNewCase', {
    received: '2026-03-09',
    reporterName: 'Reporterina Quill5',
    reporterEmail: 'reporter5@parties.example',
    reportedName: 'Accusado Brandt2',
    reportedEmail: 'REPORTED2@parties.example',
    summary: 'Said more in thread 5',
  });
  s.gas.run('expungeRecords', ['Brandt6 matter']);
  s.gas.run('checkInstallation');
  // The daily run (its settings problem and counts), as the trigger runs it.
  s.env.ui.available = false;
  try {
    s.gas.run('sendDeadlineReminders', { triggerUid: '1', authMode: 'FULL' });
  } finally {
    s.env.ui.available = true;
  }
}

test('no Log cell written by any entry point carries a confidential value of any row', () => {
  const s = setUp();
  const before = s.env.sheetValues('Cases').slice(1);
  driveEveryLogWriter(s);
  const log = logRows(s);
  const actions = new Set(log.map((r) => String(r[3])));
  // Every kind of writer ran.
  for (const action of ['Case ID problem', 'Draft created', 'Case created', 'Reminders sent', 'Settings problem', 'Installation checked'])
    expect(actions).toContain(action);
  expect(log.length).toBeGreaterThanOrEqual(12);

  const columns = [...CONFIDENTIAL_COLUMNS, 'Channel', 'Help desk link', 'Case ID'];
  const rows = [...before, ...s.env.sheetValues('Cases').slice(1)];
  const cells = log.flat().map((cell) => String(cell));
  let checked = 0;
  for (const row of rows) {
    for (const column of columns) {
      const index = s.col(column);
      expect(index).toBeGreaterThanOrEqual(0);
      const value = String(row[index] ?? '').trim();
      // A plain identifier is the one case cell the Log may show; expunged cells say only "Expunged".
      if (value === '' || value === 'Expunged' || (column === 'Case ID' && isCaseIdToken(value))) continue;
      for (const cell of cells) {
        expect({ column, cell }).not.toEqual({ column, cell: expect.stringContaining(value) });
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(1000);
  // Also each party's address, however written, and the names typed into Settings.
  const all = cells.join('\n');
  expect(all).not.toMatch(/parties\.example|Quill|Brandt/);
});

test('the Log names a case by its ID when a plain identifier, else by its row, from every writer', () => {
  const s = setUp();
  driveEveryLogWriter(s);
  const named = logRows(s).filter((r) => String(r[2]) !== '').map((r) => [String(r[2]), String(r[3])]);
  const freeRow = 'Row 2';
  expect(named).toEqual(
    expect.arrayContaining([
      [freeRow, 'Draft created'],
      [freeRow, expect.stringMatching(/./)],
      ['Row 5', 'Case ID problem'],
      ['IRT-2026-003', expect.stringMatching(/first reply/i)],
      ['IRT-2026-004', 'Case created'],
      ['Row 3', 'Expunge date cleared (repeat report)'],
      ['Row 6', 'Expunged identifying details'],
    ]),
  );
  // Every name is a plain identifier or a row.
  for (const [name] of named) expect(isCaseIdToken(name) || /^Row \d+$/.test(name)).toBe(true);
  // The free-text row's own lines all say Row 2 (draft, mark as sent, four panel steps).
  expect(named.filter(([name]) => name === freeRow).length).toBeGreaterThanOrEqual(6);
});
