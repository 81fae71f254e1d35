// Check this installation through dist/Code.js against the fakes: every check
// passing, each failure it can report, nothing left behind (also when a check
// throws), the document lock held only to take and release it, and calls that do
// not grow with the tracker. Run `npm run build` first (npm test does).
import { FakeRange } from '../../fakes/range';
import { FakeGmailDrafts } from '../../fakes/gmail';
import { FakeProperties } from '../../fakes/properties';
import { FakeUtilities } from '../../fakes/utilities';
import { createEnv, evaluateRowHighlight, type EnvOptions } from '../../fakes';
import { createGas } from '../../fakes/runtime';
import { COLUMN_NAMES } from '../../src/core/columns';

interface Check {
  name: string;
  passed: boolean;
  seen: string;
  todo: string;
}
interface Report {
  checks: Check[];
  passed: number;
  failed: number;
  summary: string;
}

const NAMES = [
  'Tracker set up',
  'Calendar day in the spreadsheet’s zone',
  'Dates, numbers and text on a sheet',
  'Row colour formulas',
  'Sub-team validation formula',
  'Document lock',
  'Document properties',
  'Reminder trigger',
  'Mail quota',
  'Gmail draft',
];

function installed(options: EnvOptions = {}, rows = 0) {
  const env = createEnv({ spreadsheetTimeZone: 'Pacific/Auckland', activeUser: 'ada@irt.example', now: '2026-03-10T11:30:00Z', ...options });
  const gas = createGas(env);
  gas.run('setupTracker');
  if (rows) {
    const sheet = env.sheet('Cases');
    sheet.insertRowsAfter(sheet.getMaxRows(), rows);
    const grid = Array.from({ length: rows }, (_, i) => COLUMN_NAMES.map((n) => (n === 'Case ID' ? `IRT-2026-${i}` : n === 'Received' ? '2026-03-01' : n === 'Stage' ? 'Received' : '')));
    sheet.getRange(2, 1, rows, COLUMN_NAMES.length).setValues(grid);
  }
  env.ui.alerts.length = 0;
  env.calls.reset();
  return { env, gas };
}

const check = (report: Report, name: string) => report.checks.find((c) => c.name === name) as Check;
const leftovers = (env: ReturnType<typeof installed>['env']) => ({
  sheets: env.spreadsheet.getSheets().map((s) => s.getName()).filter((n) => n.startsWith('IRT Tracker check')),
  drafts: env.drafts.list.length,
  property: env.properties.document.has('IRT_INSTALLATION_CHECK'),
});

afterEach(() => jest.restoreAllMocks());

describe('checkInstallation', () => {
  it('passes every named check in a set-up tracker, shows them in a dialog and logs a line', () => {
    const { env, gas } = installed();
    const sheetsBefore = env.spreadsheet.getSheets().map((s) => s.getName());
    const report = gas.run('checkInstallation') as Report;
    expect(report.checks.map((c) => c.name)).toEqual(NAMES);
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(report.summary).toBe('10 of 10 checks passed');
    // What was seen is said: the calendar day in Auckland (already 11 March there), the draft's address.
    expect(check(report, 'Calendar day in the spreadsheet’s zone').seen).toBe('Both say today is 2026-03-11 in Pacific/Auckland.');
    expect(check(report, 'Dates, numbers and text on a sheet').seen).toContain('A date landed on 2026-03-11');
    expect(check(report, 'Gmail draft').seen).toBe('A draft to ada@irt.example was created and deleted.');
    expect(check(report, 'Reminder trigger').seen).toContain('You have no reminder trigger.');

    const dialog = env.ui.dialogs.at(-1)!;
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Check this installation' });
    expect(dialog.html).toContain('<script type="application/json" id="installation-report">{');
    expect(dialog.html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    const log = env.sheetValues('Log').slice(1);
    expect(log.at(-1)?.slice(1)).toEqual(['ada@irt.example', '', 'Installation checked', '10 of 10 checks passed']);

    // Nothing left behind: the temporary sheet, the draft, the property.
    expect(env.spreadsheet.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
    expect(leftovers(env)).toEqual({ sheets: [], drafts: 0, property: false });
    expect(env.drafts.removed).toHaveLength(1);
    expect(env.drafts.removed[0].headers.to).toBe('ada@irt.example');
    expect(env.properties.document.has('IRT_FORMULA_SEPARATOR')).toBe(false);
  });

  it('leaves the member on the sheet and cell they had selected (the temporary sheet was active meanwhile)', () => {
    const { env, gas } = installed();
    env.sheet('Cases').getRange(3, 2).activate();
    gas.run('checkInstallation');
    expect(env.spreadsheet.getActiveSheet().getName()).toBe('Cases');
    expect(env.spreadsheet.getActiveRange().getA1Notation()).toBe('B3');
  });

  it('holds the document lock only to take and release it, and to write the Log line', () => {
    const { env, gas } = installed();
    gas.run('checkInstallation');
    const log = env.calls.log();
    const takes = log.flatMap((name, i) => (name === 'Lock.tryLock' ? [i] : []));
    expect(takes).toHaveLength(2);
    // The check: taken, then released with nothing in between.
    expect(log[takes[0] + 1]).toBe('Lock.releaseLock');
    // The Log line: one append, then the release.
    const held = log.slice(takes[1] + 1, log.indexOf('Lock.releaseLock', takes[1]));
    expect(held.filter((n) => n === 'Range.setValues')).toHaveLength(1);
    expect(held.filter((n) => /getValues|setFormulas|Drafts/.test(n))).toEqual([]);
  });

  it('makes the same calls for 10 and 10,000 cases (it reads only the cases sheet’s header)', () => {
    const callsFor = (rows: number) => {
      const { env, gas } = installed({}, rows);
      gas.run('checkInstallation');
      return env.calls.byName();
    };
    const small = callsFor(10);
    expect(callsFor(10_000)).toEqual(small);
    // Bounded: the header, the Settings sheet, the two formula passes at most, the round trip.
    expect(small['Range.getValues']).toBeLessThanOrEqual(5);
    expect(small['Range.setValues']).toBe(2); // the samples, the Log line
  });

  it('reports a document lock that cannot be had, and still leaves nothing behind', () => {
    const { env, gas } = installed();
    env.locks.holdDocumentLock();
    const report = gas.run('checkInstallation') as Report;
    const lock = check(report, 'Document lock');
    expect(lock.passed).toBe(false);
    expect(lock.seen).toBe('The document lock could not be had within 3 s.');
    expect(lock.todo).toMatch(/run the check again in a minute/);
    expect(report.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(['Document lock']);
    expect(env.ui.dialogs.at(-1)?.title).toBe('Check this installation'); // shown even though the Log could not be written
    expect(leftovers(env)).toEqual({ sheets: [], drafts: 0, property: false });
  });

  it('where Google wants ";" between arguments: the "," form fails, the ";" form works, and setup then writes it', () => {
    const { env, gas } = installed({ formulaSeparator: ';' });
    const report = gas.run('checkInstallation') as Report;
    const colours = check(report, 'Row colour formulas');
    expect(colours.passed).toBe(true);
    expect(colours.seen).toMatch(/^Only the form with ";" between arguments evaluated as expected here \(with ",": the overdue formula gave #ERROR! for an overdue row/);
    expect(colours.todo).toBe('Run IRT Tracker → Set up tracker once more so the sheet uses it.');
    expect(check(report, 'Sub-team validation formula').passed).toBe(true);
    expect(env.properties.document.get('IRT_FORMULA_SEPARATOR')).toBe(';');

    gas.run('setupTracker');
    const rules = env.sheet('Cases').getConditionalFormatRules().map((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0]));
    expect(rules[0]).toMatch(/^=AND\(N\("IRT Tracker: overdue"\)=0; ISNUMBER\(\$[A-Z]+2\); \$[A-Z]+2<TODAY\(\)\)$/);
    expect(rules[2]).toMatch(/^=AND\(N\("IRT Tracker: check data"\)=0; \$[A-Z]+2="Check data"\)$/);
    // And the rows are coloured in that spreadsheet.
    const cases = env.sheet('Cases');
    const col = (name: string) => (env.sheetValues('Cases')[0] as string[]).indexOf(name) + 1;
    cases.getRange(2, col('Case ID')).setValue('IRT-2026-001');
    cases.getRange(2, col('Received')).setValue('2026-03-01');
    cases.getRange(2, col('Stage')).setValue('Received');
    gas.run('refreshDeadlines');
    expect(evaluateRowHighlight(cases, 2, new Date('2026-03-10T11:30:00Z'))?.background).toBe('#f4c7c3');
  });

  it('reports a formula Google evaluates differently (here REGEXMATCH unavailable), with what to do', () => {
    const { env, gas } = installed({ unavailableFormulaFunctions: ['REGEXMATCH'] });
    const report = gas.run('checkInstallation') as Report;
    expect(check(report, 'Row colour formulas').passed).toBe(true);
    const validation = check(report, 'Sub-team validation formula');
    expect(validation.passed).toBe(false);
    expect(validation.seen).toContain('With ",": it gave #ERROR! for "ana@example.org, ben@example.org, chi@example.org" (expected TRUE)');
    expect(validation.todo).toMatch(/Locale/);
    expect(env.properties.document.has('IRT_FORMULA_SEPARATOR')).toBe(false);
    expect(leftovers(env).sheets).toEqual([]);
  });

  it('reports a Gmail draft Google refuses, with the permission to grant', () => {
    const { env, gas } = installed();
    env.drafts.refuse = 'Request had insufficient authentication scopes.';
    const report = gas.run('checkInstallation') as Report;
    const draft = check(report, 'Gmail draft');
    expect(draft.passed).toBe(false);
    expect(draft.seen).toBe('It failed: API call to gmail.users.drafts.create failed with error: Request had insufficient authentication scopes.');
    expect(draft.todo).toMatch(/gmail\.compose.*Workspace an admin may need to allow the project/);
    expect(env.sheetValues('Log').at(-1)?.[4]).toBe('9 of 10 checks passed; failed: Gmail draft');
  });

  it('deletes the test draft in `finally` when deleting it failed the first time', () => {
    const { env, gas } = installed();
    jest.spyOn(FakeGmailDrafts.prototype, 'remove').mockImplementationOnce(() => {
      throw new Error('Service unavailable: Gmail');
    });
    const report = gas.run('checkInstallation') as Report;
    expect(check(report, 'Gmail draft')).toMatchObject({ passed: false, seen: 'It failed: Service unavailable: Gmail' });
    expect(env.drafts.list).toHaveLength(0);
  });

  it('removes the temporary sheet in `finally` when a check throws on it, and reports the check', () => {
    const { env, gas } = installed();
    jest.spyOn(FakeRange.prototype, 'setFormulas').mockImplementation(() => {
      throw new Error('Service Spreadsheets timed out while accessing document');
    });
    const report = gas.run('checkInstallation') as Report;
    expect(check(report, 'Row colour formulas')).toMatchObject({ passed: false, seen: 'It failed: Service Spreadsheets timed out while accessing document' });
    expect(leftovers(env)).toEqual({ sheets: [], drafts: 0, property: false });
    // The other checks still ran.
    expect(check(report, 'Gmail draft').passed).toBe(true);
  });

  it('reports a tracker that is not set up, and a reminder record without a trigger', () => {
    const env = createEnv({ activeUser: 'ada@irt.example' });
    env.properties.script.set('IRT_REMINDERS', JSON.stringify({ owners: ['ada@irt.example'], triage: '', hour: 9, timeZone: 'UTC' }));
    const report = createGas(env).run('checkInstallation') as Report;
    expect(check(report, 'Tracker set up')).toMatchObject({ passed: false, seen: 'No cases sheet was found.', todo: 'Run IRT Tracker → Set up tracker.' });
    expect(check(report, 'Reminder trigger')).toMatchObject({ passed: false, todo: 'Turn reminders on again (IRT Tracker → Turn reminders on).' });
  });

  // Google answering differently from what the add-on expects, each as the check reports it.
  it('reports a calendar day Google formats differently', () => {
    const { gas } = installed();
    jest.spyOn(FakeUtilities.prototype, 'formatDate').mockReturnValue('2026-03-10');
    const report = gas.run('checkInstallation') as Report;
    expect(check(report, 'Calendar day in the spreadsheet’s zone')).toMatchObject({
      passed: false,
      seen: 'The add-on counts today as 2026-03-11, Google’s Utilities.formatDate says 2026-03-10 (Pacific/Auckland).',
    });
  });

  it('reports text that came back as a formula', () => {
    const { gas } = installed();
    const real = FakeRange.prototype.getFormulas;
    jest.spyOn(FakeRange.prototype, 'getFormulas').mockImplementation(function (this: FakeRange) {
      return real.call(this).map((row) => row.map((f, c) => (c === 2 && f === '' ? '=1+1' : f)));
    });
    const report = gas.run('checkInstallation') as Report;
    expect(check(report, 'Dates, numbers and text on a sheet')).toMatchObject({ passed: false, seen: 'the text "=1+1" came back as a formula =1+1.' });
  });

  it('reports a property that does not read back, and removes it anyway', () => {
    const { env, gas } = installed();
    const real = FakeProperties.prototype.getProperty;
    jest.spyOn(FakeProperties.prototype, 'getProperty').mockImplementation(function (this: FakeProperties, key: string) {
      return key === 'IRT_INSTALLATION_CHECK' ? null : real.call(this, key);
    });
    const report = gas.run('checkInstallation') as Report;
    expect(check(report, 'Document properties')).toMatchObject({ passed: false, seen: 'A property read back as null.' });
    expect(env.properties.document.has('IRT_INSTALLATION_CHECK')).toBe(false);
  });

  it('reports a mail quota used up', () => {
    const { env, gas } = installed();
    env.outbox.quota = 0;
    const report = gas.run('checkInstallation') as Report;
    expect(check(report, 'Mail quota')).toMatchObject({ passed: false, seen: 'Your account can send no more email today.' });
  });

  it('is on the menu', () => {
    const { env, gas } = installed();
    gas.run('onOpen');
    const items = env.ui.menus.at(-1)!.entries.filter((e) => e.type === 'item');
    expect(items.map((i) => [i.caption, i.functionName])).toContainEqual(['Check this installation', 'checkInstallation']);
  });
});
