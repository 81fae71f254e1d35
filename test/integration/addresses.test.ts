// Addresses that look right and are not, through the built bundle: a NUL, a
// right-to-left override (U+202E), a zero-width space (U+200B) or a non-ASCII
// letter in an email. Every place an address enters refuses it and says why (new
// case, panel steps, Settings, Roster), and drafting checks the To address again,
// since a cell can be edited by hand: no draft ever carries such a byte.
import * as path from 'node:path';
import { createEnv, type FakeEnv } from '../../fakes';
import { createGas, type Gas } from '../../fakes/runtime';
import { ROSTER_HEADER } from '../../src/core/roster';

const DIST = path.resolve(__dirname, '../../dist');

/** Each looks like (or is) robin@example.org to a reader. */
const HOSTILE: [string, string][] = [
  ['a NUL', 'robin\u0000@example.org'],
  ['a right-to-left override', 'robin@\u202Egro.elpmaxe'],
  ['a zero-width space', 'rob\u200Bin@example.org'],
  ['a non-ASCII letter', 'röbin@example.org'],
  ['a Cyrillic o', 'r\u043Ebin@example.org'],
];
const WHY = /other than plain ASCII/;

interface Setup {
  env: FakeEnv;
  gas: Gas;
  header: string[];
  col: (name: string) => number;
}

const ROSTER = [
  ['Ana Alves', 'ana@irt.example', 'Europe/Lisbon', 'Yes', ''],
  ['Bo Berg', 'bo@irt.example', 'Europe/Stockholm', 'Yes', ''],
  ['Cy Chen', 'cy@irt.example', 'Europe/Paris', 'Yes', ''],
  ['Di Diaz', 'di@irt.example', 'Europe/Madrid', 'Yes', ''],
];

function setUp(cases: Record<string, string>[] = [], roster: string[][] = ROSTER): Setup {
  const env = createEnv({ spreadsheetTimeZone: 'Europe/London', now: '2026-03-10T12:00:00Z', activeUser: 'member@irt.example' });
  const gas = createGas(env, { bundleDir: DIST });
  gas.run('setupTracker');
  env.seedSheet('Roster', [[...ROSTER_HEADER], ...roster]);
  const header = env.sheetValues('Cases')[0].map(String);
  if (cases.length) env.seedSheet('Cases', [header, ...cases.map((c) => header.map((h) => c[h] ?? ''))]);
  gas.run('refreshDeadlines');
  env.calls.reset();
  return { env, gas, header, col: (name) => header.indexOf(name) };
}

const CASE: Record<string, string> = {
  'Case ID': 'IRT-2026-001',
  Received: '2026-03-01',
  Stage: 'Received',
  'Reporter name': 'Robin Reporter',
  'Reporter email': 'robin@example.org',
  'Permission to notify reported party': 'Not asked',
  Summary: 'Fictional summary.',
};
const ASSESSING = { ...CASE, Stage: 'Assessing', 'First reply sent': '2026-03-02' };
const FORMED = {
  ...ASSESSING,
  Stage: 'Sub-team formed',
  'Sub-team': 'ana@irt.example, bo@irt.example, cy@irt.example',
  'Sub-team formed': '2026-03-05',
};

const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};
const version = (s: Setup) => (s.gas.run('getCasePanel', 'IRT-2026-001') as { version: string }).version;

describe.each(HOSTILE)('an address with %s', (_what, address) => {
  test('is refused by the new-case form, saying why, and nothing is written', () => {
    const s = setUp();
    for (const field of ['reporterEmail', 'reportedEmail']) {
      const form = { received: '2026-03-09', reporterName: 'Robin', reporterEmail: 'robin@example.org', summary: 'A report.', [field]: address };
      expect(errorOf(() => s.gas.run('submitNewCase', form))).toMatch(WHY);
    }
    const conflicts = { received: '2026-03-09', reporterName: 'Robin', summary: 'A report.', conflicts: `Pat Party, ${address}` };
    expect(errorOf(() => s.gas.run('submitNewCase', conflicts))).toMatch(/Conflicts entry 2 .*other than plain ASCII/);
    expect(s.env.sheetValues('Cases')).toHaveLength(1);
  });

  test('typed into the sheet by hand, it is never drafted to: the draft is refused, saying why', () => {
    const s = setUp([{ ...CASE, 'Reporter email': address }]);
    expect(errorOf(() => s.gas.run('createDraft', 'IRT-2026-001', 'Acknowledgement'))).toMatch(/Reporter email .*other than plain ASCII/);
    expect(errorOf(() => s.gas.run('previewDraft', 'IRT-2026-001', 'Acknowledgement'))).toMatch(WHY);
    expect(s.env.drafts.list).toEqual([]);
    expect(s.env.calls.count('Gmail.Users.Drafts.create')).toBe(0);
  });

  test('in Triage emails, the setting is named with what is wrong (never its content) and not used', () => {
    const s = setUp();
    const row = s.env.sheetValues('Settings').findIndex((r) => String(r[0]).startsWith('Triage emails')) + 1;
    s.env.sheet('Settings').getRange(row, 2).setValue(`triage@irt.example, ${address}`);
    s.gas.run('refreshDeadlines');
    const message = s.env.ui.toasts.at(-1)?.message ?? '';
    expect(message).toMatch(/Triage emails/);
    expect(message).toMatch(WHY);
    expect(message).not.toContain(address);
  });

  test('on the Roster, the row is reported with why and the member is never offered', () => {
    const s = setUp([ASSESSING], [...ROSTER, ['Robin Member', address, 'Europe/London', 'Yes', '']]);
    const panel = s.gas.run('getCasePanel', 'IRT-2026-001') as { rosterProblems: string[] };
    expect(panel.rosterProblems).toEqual([expect.stringMatching(/^Roster row 6: Email .*other than plain ASCII/)]);
    expect(panel.rosterProblems[0]).not.toContain(address);
    const advice = s.gas.run('suggestSubTeam', 'IRT-2026-001') as { members: { email: string }[]; excluded: { email: string }[] };
    expect(advice.members).toHaveLength(3);
    expect([...advice.members, ...advice.excluded].map((m) => m.email)).not.toContain(address);
  });

  test('as a sub-team member in the panel, the step is refused, saying why, and nothing is written', () => {
    const s = setUp([ASSESSING]);
    const before = s.env.sheetValues('Cases');
    const members = `ana@irt.example, bo@irt.example, ${address}`;
    const message = errorOf(() => s.gas.run('recordCaseStep', 'IRT-2026-001', 'subTeam', { members, date: '2026-03-10' }, version(s)));
    expect(message).toMatch(/Sub-team member 3.*other than plain ASCII.*Nothing was saved/);
    expect(s.env.sheetValues('Cases')).toEqual(before);
  });

  test('as the new member replacing one, the step is refused, saying why', () => {
    const s = setUp([FORMED]);
    const fields = { outgoing: 'cy@irt.example', incoming: address };
    const message = errorOf(() => s.gas.run('recordCaseStep', 'IRT-2026-001', 'replaceMember', fields, version(s)));
    expect(message).toMatch(/New member.*other than plain ASCII.*Nothing was saved/);
  });

  test('in Conflicts from the panel, the step is refused, saying why', () => {
    const s = setUp([ASSESSING]);
    const fields = { conflicts: `Pat Party, ${address}` };
    const message = errorOf(() => s.gas.run('recordCaseStep', 'IRT-2026-001', 'conflicts', fields, version(s)));
    expect(message).toMatch(/Conflicts entry 2.*other than plain ASCII.*Nothing was saved/);
  });
});

test('names with accents stay welcome where names belong (Conflicts, Reporter name)', () => {
  const s = setUp([ASSESSING]);
  const fields = { conflicts: 'Zoë Brontë, José Núñez' };
  s.gas.run('recordCaseStep', 'IRT-2026-001', 'conflicts', fields, version(s));
  expect(s.env.sheetValues('Cases')[1][s.col('Conflicts')]).toBe('Zoë Brontë, José Núñez');
  const form = { received: '2026-03-09', reporterName: 'Zoë Brontë', reporterEmail: 'zoe@example.org', summary: 'A report.' };
  expect((s.gas.run('submitNewCase', form) as { caseId: string }).caseId).toBe('IRT-2026-002');
});
