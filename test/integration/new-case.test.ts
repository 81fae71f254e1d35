// The New case flow through the built bundle (dist/Code.js; `npm test` builds it
// first) against the fakes: validation, the lock, case IDs, inert text, the log,
// and the sidebar page.
import { actionLog } from '../support/log';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEnv, type FakeEnv } from '../../fakes';
import { createGas, type Gas } from '../../fakes/runtime';

const DIST = path.resolve(__dirname, '../../dist');

type Form = Record<string, string>;

function form(overrides: Form = {}): Form {
  return {
    received: '2026-03-02',
    reporterName: 'Robin Reporter',
    reporterEmail: 'robin@example.org',
    reportedName: 'Pat Party',
    reportedEmail: 'pat@example.org',
    permission: 'Not asked',
    where: 'Community forum',
    helpDeskLink: 'https://help.example.org/t/1234',
    summary: 'Fictional summary of a report.',
    ...overrides,
  };
}

interface Setup {
  env: FakeEnv;
  gas: Gas;
  header: string[];
  col: (name: string) => number;
}

/** A set-up tracker; 2026-03-01 20:00 UTC is 2 March in Auckland and 1 March in Los Angeles. */
function setUp(timeZone = 'Pacific/Auckland', now = '2026-03-01T20:00:00Z'): Setup {
  const env = createEnv({ spreadsheetTimeZone: timeZone, now, activeUser: 'member@example.org' });
  const gas = createGas(env, { bundleDir: DIST });
  gas.run('setupTracker');
  env.calls.reset();
  const header = env.sheetValues('Cases')[0].map(String);
  return { env, gas, header, col: (name) => header.indexOf(name) };
}

const dataRows = (env: FakeEnv) => env.sheetValues('Cases').slice(1);
const ids = (s: Setup) => dataRows(s.env).map((row) => row[s.col('Case ID')]);
const submit = (s: Setup, f: Form = form()) => s.gas.run('submitNewCase', f) as { caseId: string; row: number; replyDue: string };

describe('submitNewCase', () => {
  test('writes one row with the ID, Stage Received, the dates in the spreadsheet zone and the computed columns', () => {
    const s = setUp('Pacific/Auckland');
    const result = submit(s);
    expect(result).toEqual({ caseId: 'IRT-2026-001', row: 2, replyDue: '2026-03-05' });

    const [row] = dataRows(s.env);
    expect(row[s.col('Case ID')]).toBe('IRT-2026-001');
    expect(row[s.col('Stage')]).toBe('Received');
    expect(row[s.col('Reporter name')]).toBe('Robin Reporter');
    expect(row[s.col('Permission to notify reported party')]).toBe('Not asked');
    expect(row[s.col('Help desk link')]).toBe('https://help.example.org/t/1234');
    // Midnight of 2 March in Auckland (UTC+13), and the reply deadline three days later.
    expect((row[s.col('Received')] as Date).toISOString()).toBe('2026-03-01T11:00:00.000Z');
    expect((row[s.col('Next deadline')] as Date).toISOString()).toBe('2026-03-04T11:00:00.000Z');
    expect(row[s.col('Next action')]).toBe('Reply to reporter');
    expect(row[s.col('Deadline status')]).toBe('On track');
    const display = s.env.sheetDisplayValues('Cases')[1];
    expect(display[s.col('Received')]).toBe('2026-03-02');
    expect(display[s.col('Next deadline')]).toBe('2026-03-05');

    // One read of the cases sheet, one row written, one log line: two writes in all.
    expect(s.env.calls.count('Range.setValues')).toBe(2);
    expect(s.env.calls.count('Sheet.appendRow')).toBe(0);
    expect(s.env.calls.count('Lock.tryLock')).toBe(1);
    expect(s.env.calls.count('Lock.releaseLock')).toBe(1);
  });

  test('uses today in the spreadsheet zone: 2 March is today in Auckland but the future in Los Angeles', () => {
    expect(submit(setUp('Pacific/Auckland')).caseId).toBe('IRT-2026-001');
    const la = setUp('America/Los_Angeles');
    expect(() => submit(la)).toThrow(/Received cannot be after today \(2026-03-01\)/);
    const result = submit(la, form({ received: '2026-03-01' }));
    expect(result.replyDue).toBe('2026-03-04');
    expect((dataRows(la.env)[0][la.col('Received')] as Date).toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  test('logs the action with the user and the ID, never the summary, a name or a party email', () => {
    const s = setUp();
    submit(s);
    const log = actionLog(s.env, true);
    expect(log).toHaveLength(2);
    const [, line] = log;
    expect(line[1]).toBe('member@example.org');
    expect(line[2]).toBe('IRT-2026-001');
    expect(line[3]).toBe('Case created');
    const text = JSON.stringify(line);
    for (const secret of ['Robin', 'Pat Party', 'robin@example.org', 'pat@example.org', 'Fictional summary', 'Community forum']) {
      expect(text).not.toContain(secret);
    }
  });

  test('two submissions in a row get distinct, consecutive IDs and rows', () => {
    const s = setUp();
    const first = submit(s);
    const second = submit(s, form({ reporterName: 'Sam Second' }));
    expect([first.caseId, second.caseId]).toEqual(['IRT-2026-001', 'IRT-2026-002']);
    expect([first.row, second.row]).toEqual([2, 3]);
    expect(ids(s)).toEqual(['IRT-2026-001', 'IRT-2026-002']);
  });

  test('numbers per year of receipt', () => {
    const s = setUp();
    submit(s);
    expect(submit(s, form({ received: '2025-12-30' })).caseId).toBe('IRT-2025-001');
    expect(submit(s).caseId).toBe('IRT-2026-002');
    expect(s.env.properties.document.get('caseIdHighWater.2026')).toBe('2');
    expect(s.env.properties.document.get('caseIdHighWater.2025')).toBe('1');
  });

  test('the next ID follows the highest, even after the rows were sorted', () => {
    const s = setUp();
    for (const name of ['Alex', 'Charlie', 'Bo']) submit(s, form({ reporterName: name }));
    // Sort by reporter name, descending: the newest ID is no longer in the last row.
    s.env.sheet('Cases').sort(s.col('Reporter name') + 1, false);
    expect(ids(s)).toEqual(['IRT-2026-002', 'IRT-2026-003', 'IRT-2026-001']);
    expect(submit(s).caseId).toBe('IRT-2026-004');
  });

  test('an ID is never issued again after the newest row was deleted', () => {
    const s = setUp();
    submit(s);
    submit(s);
    const third = submit(s);
    expect(third.caseId).toBe('IRT-2026-003');
    s.env.sheet('Cases').deleteRow(third.row);
    expect(ids(s)).toEqual(['IRT-2026-001', 'IRT-2026-002']);
    const next = submit(s);
    expect(next.caseId).toBe('IRT-2026-004');
    expect(next.row).toBe(4);
  });

  test('an ID typed into the sheet by hand above the remembered mark is respected', () => {
    const s = setUp();
    submit(s);
    s.env.sheet('Cases').getRange(2, s.col('Case ID') + 1).setValue('IRT-2026-041');
    expect(submit(s).caseId).toBe('IRT-2026-042');
  });

  test('a Case ID whose number is too large to be real never makes IDs repeat, and is reported', () => {
    const s = setUp();
    submit(s);
    // 17 digits: more than a float holds exactly. Every later case used to get this same ID.
    s.env.sheet('Cases').getRange(2, s.col('Case ID') + 1).setValue('IRT-2026-99999999999999999');
    const issued = [submit(s).caseId, submit(s).caseId];
    expect(issued).toEqual(['IRT-2026-002', 'IRT-2026-003']);
    expect(new Set(ids(s)).size).toBe(3);
    expect(s.env.properties.document.get('caseIdHighWater.2026')).toBe('3');
    // Correcting the cell changes nothing for what was issued: the mark was never poisoned.
    s.env.sheet('Cases').getRange(2, s.col('Case ID') + 1).setValue('IRT-2026-001');
    expect(submit(s).caseId).toBe('IRT-2026-004');

    // Refresh and setup say which row, and the Log keeps it (the row, never the cell's text).
    s.env.sheet('Cases').getRange(3, s.col('Case ID') + 1).setValue('IRT-2026-31415926535897932384');
    s.gas.run('refreshDeadlines');
    expect(s.env.ui.toasts.at(-1)?.message).toMatch(/Case ID on row 3 has a number too large to be real: it is ignored when numbering new cases/);
    s.gas.run('setupTracker');
    expect(s.env.ui.alerts.at(-1)?.prompt).toMatch(/Case ID on row 3 has a number too large to be real/);
    const logged = actionLog(s.env, true).filter((r) => r[3] === 'Case ID problem');
    expect(logged.map((r) => [r[2], r[4]])).toEqual([
      ['Row 3', 'Case ID on row 3 has a number too large to be real: it is ignored when numbering new cases'],
      ['Row 3', 'Case ID on row 3 has a number too large to be real: it is ignored when numbering new cases'],
    ]);
    expect(JSON.stringify(actionLog(s.env, true))).not.toContain('31415926535897932384');
    expect(submit(s).caseId).toBe('IRT-2026-005');
  });

  test('a high-water mark poisoned by an earlier version is not trusted', () => {
    const s = setUp();
    s.env.properties.document.set('caseIdHighWater.2026', '100000000000000000');
    expect(submit(s).caseId).toBe('IRT-2026-001');
    expect(submit(s).caseId).toBe('IRT-2026-002');
    expect(s.env.properties.document.get('caseIdHighWater.2026')).toBe('2');
  });

  test('receipt dates from 2000-01-01 to today are accepted; earlier ones get a clear message and write nothing', () => {
    const s = setUp();
    for (const received of ['0999-06-01', '1000-01-01', '1999-12-31']) {
      expect(() => submit(s, form({ received }))).toThrow(/^The case was not saved\. Received cannot be before 2000-01-01$/);
    }
    expect(dataRows(s.env)).toEqual([]);
    expect(submit(s, form({ received: '2000-01-01' })).caseId).toBe('IRT-2000-001');
  });

  test('text starting with = + - @ is stored as plain text, exactly as typed, never as a formula', () => {
    const s = setUp();
    const typed = {
      reporterName: '=HYPERLINK("https://evil.example/","click me")',
      reportedName: '+1 555 0100',
      where: '-Forum',
      summary: '@everyone =1+1 <img src=x onerror=alert(1)>',
      reportedEmail: '',
    };
    const { row } = submit(s, form(typed));
    const values = s.env.sheetValues('Cases')[row - 1];
    const formulas = s.env.sheetFormulas('Cases')[row - 1];
    expect(formulas.every((f) => f === '')).toBe(true);
    expect(values[s.col('Reporter name')]).toBe(typed.reporterName);
    expect(values[s.col('Reported party name')]).toBe(typed.reportedName);
    expect(values[s.col('Where')]).toBe(typed.where);
    expect(values[s.col('Summary')]).toBe(typed.summary);
    const display = s.env.sheetDisplayValues('Cases')[row - 1];
    expect(display[s.col('Reporter name')]).toBe(typed.reporterName);
  });

  test('conflicts typed in the form are stored as plain text, never logged, and keep those members off the suggested sub-team', () => {
    const s = setUp();
    s.env.seedSheet('Roster', [
      ['Name', 'Email', 'Time zone', 'Available', 'Unavailable until'],
      ['Ana Alves', 'ana@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Bo Berg', 'bo@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Cy Chen', 'cy@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Di Diaz', 'di@irt.example', 'Europe/Paris', 'Yes', ''],
      ['Ed Eze', 'ed@irt.example', 'Europe/Paris', 'Yes', ''],
    ]);
    const conflicts = '=HYPERLINK("x"); Cy Chen, DI@irt.example';
    const { caseId, row } = submit(s, form({ conflicts: `  ${conflicts} ` }));
    expect(s.env.sheetValues('Cases')[row - 1][s.col('Conflicts')]).toBe(conflicts);
    expect(s.env.sheetFormulas('Cases')[row - 1][s.col('Conflicts')]).toBe('');
    expect(JSON.stringify(actionLog(s.env, true))).not.toMatch(/HYPERLINK|Cy Chen|DI@irt/i);
    const advice = s.gas.run('suggestSubTeam', caseId) as { members: { email: string }[]; excluded: { email: string; reason: string }[] };
    expect(advice.members.map((m) => m.email)).toEqual(['ana@irt.example', 'bo@irt.example', 'ed@irt.example']);
    expect(advice.excluded).toEqual([
      { name: 'Cy Chen', email: 'cy@irt.example', reason: 'listed in this case’s Conflicts' },
      { name: 'Di Diaz', email: 'di@irt.example', reason: 'listed in this case’s Conflicts' },
    ]);
    // Without conflicts the cell stays empty.
    const plain = submit(s);
    expect(s.env.sheetValues('Cases')[plain.row - 1][s.col('Conflicts')]).toBe('');
  });

  test('text that looks like a number or a date stays text', () => {
    const s = setUp();
    const { row } = submit(s, form({ where: '2026-01-01', reporterName: '0042' }));
    const values = s.env.sheetValues('Cases')[row - 1];
    expect(values[s.col('Where')]).toBe('2026-01-01');
    expect(values[s.col('Reporter name')]).toBe('0042');
  });

  test('a refused submission names every invalid field and writes nothing', () => {
    const s = setUp();
    const before = s.env.sheetValues('Cases');
    const logBefore = actionLog(s.env, true);
    let message = '';
    try {
      submit(s, form({ received: '2026-02-30', reporterName: '', reporterEmail: '', reportedEmail: 'not an email', helpDeskLink: 'ftp://x', summary: ' ' }));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^The case was not saved\./);
    expect(message).toMatch(/Received must be a real date/);
    expect(message).toMatch(/reporter’s name or email/);
    expect(message).toMatch(/Reported party email is not a valid email address/);
    expect(message).toMatch(/Help desk link/);
    expect(message).toMatch(/Summary is required/);
    expect(s.env.calls.count('Range.setValues')).toBe(0);
    expect(s.env.calls.count('Range.setValue')).toBe(0);
    expect(s.env.calls.count('Properties.setProperty')).toBe(0);
    expect(s.env.calls.count('Lock.tryLock')).toBe(0);
    expect(s.env.sheetValues('Cases')).toEqual(before);
    expect(actionLog(s.env, true)).toEqual(logBefore);
  });

  test("a summary fills a cell up to Google's 50,000 characters, the apostrophe that keeps it inert included: one more is refused clearly", () => {
    const s = setUp();
    submit(s, form({ summary: 's'.repeat(49_999) }));
    expect(dataRows(s.env)[0][s.col('Summary')]).toBe('s'.repeat(49_999));
    expect(() => submit(s, form({ summary: 's'.repeat(50_000) }))).toThrow(/^The case was not saved\..*Summary is longer than 49999 characters/s);
    expect(dataRows(s.env)).toHaveLength(1);
  });

  test('refuses values that are not text (the client is never trusted)', () => {
    const s = setUp();
    expect(() => s.gas.run('submitNewCase', { ...form(), summary: 42 })).toThrow(/Summary must be text/);
    expect(() => s.gas.run('submitNewCase', { ...form(), permission: 'Maybe' })).toThrow(/Permission must be one of Yes, No, Not asked/);
    expect(() => s.gas.run('submitNewCase', null)).toThrow(/Received is required/);
    expect(s.env.calls.count('Range.setValues')).toBe(0);
  });

  test('a lock held by another execution gives a clear "try again" error and writes nothing', () => {
    const s = setUp();
    submit(s);
    s.env.calls.reset();
    const before = s.env.sheetValues('Cases');
    s.env.locks.holdDocumentLock();
    expect(() => submit(s)).toThrow(/try again/);
    expect(s.env.calls.count('Range.setValues')).toBe(0);
    expect(s.env.calls.count('Properties.setProperty')).toBe(0);
    expect(s.env.sheetValues('Cases')).toEqual(before);
    expect(s.env.properties.document.get('caseIdHighWater.2026')).toBe('1');
    // Once the other member is done, the same form goes through with the next ID.
    s.env.locks.releaseDocumentLock();
    expect(submit(s).caseId).toBe('IRT-2026-002');
  });

  test('the ID is taken and the row written inside the lock: lock, read, write, release in that order', () => {
    const s = setUp();
    submit(s);
    const log = s.env.calls.log();
    const at = (name: string, from = 0) => log.indexOf(name, from);
    const locked = at('Lock.tryLock');
    const read = at('Range.getValues', locked);
    const written = at('Range.setValues', read);
    const released = at('Lock.releaseLock', written);
    expect(locked).toBeGreaterThanOrEqual(0);
    expect(log.slice(0, locked)).not.toContain('Range.getValues'); // nothing of the table read before the lock
    expect(read).toBeGreaterThan(locked);
    expect(written).toBeGreaterThan(read);
    expect(released).toBeGreaterThan(written);
    expect(log.slice(released)).not.toContain('Range.setValues');
  });

  test('the reply deadline of a report received long ago is already overdue', () => {
    const s = setUp();
    const result = submit(s, form({ received: '2026-02-20' }));
    expect(result.replyDue).toBe('2026-02-23');
    expect(dataRows(s.env)[0][s.col('Deadline status')]).toBe('Overdue');
  });

  test('says to run setup when the cases sheet lacks a needed column', () => {
    const env = createEnv({ spreadsheetTimeZone: 'Pacific/Auckland', now: '2026-03-01T20:00:00Z' });
    env.seedSheet('Cases', [['Case ID', 'Received', 'Stage', 'Summary']]);
    const gas = createGas(env, { bundleDir: DIST });
    expect(() => gas.run('submitNewCase', form())).toThrow(/Set up tracker/);
    expect(env.calls.count('Range.setValues')).toBe(0);
  });
});

describe('entry points and the sidebar', () => {
  test('submitNewCase, showNewCaseSidebar and getNewCaseDefaults are top-level functions of dist/Code.js', () => {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    for (const name of ['submitNewCase', 'showNewCaseSidebar', 'getNewCaseDefaults']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    const s = setUp();
    expect(s.gas.functionNames()).toEqual(expect.arrayContaining(['submitNewCase', 'showNewCaseSidebar', 'getNewCaseDefaults']));
  });

  test('New case… is the first item of the IRT Tracker menu', () => {
    const s = setUp();
    s.gas.run('onOpen', { authMode: 'LIMITED' });
    const menu = s.env.ui.menus.find((m) => m.caption === 'IRT Tracker');
    expect(menu?.entries[0]).toEqual({ type: 'item', caption: 'New case…', functionName: 'showNewCaseSidebar' });
  });

  test('the sidebar is titled New case, carries today in the spreadsheet zone as data, and loads nothing from the network', () => {
    const s = setUp('America/Los_Angeles');
    s.gas.run('showNewCaseSidebar');
    expect(s.env.ui.sidebars).toHaveLength(1);
    const { title, html } = s.env.ui.sidebars[0];
    expect(title).toBe('New case');
    const data = /<script type="application\/json" id="new-case-defaults">(.*?)<\/script>/s.exec(html);
    expect(JSON.parse(data?.[1] ?? 'null')).toMatchObject({ today: '2026-03-01', timeZone: 'America/Los_Angeles' });
    // Everything is inline: no external script, stylesheet, image, font or frame.
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/(src|href|action)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/fonts\.googleapis|ssl\.gstatic|cdn/i);
    // Every field has a label.
    for (const id of ['received', 'reporterName', 'reporterEmail', 'reportedName', 'reportedEmail', 'permission', 'where', 'helpDeskLink', 'summary']) {
      expect(html).toContain(`<label for="${id}"`);
      expect(html).toContain(`id="${id}-error"`);
    }
    // Data only as text: the client code never writes innerHTML.
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  test('getNewCaseDefaults returns JSON-safe strings', () => {
    const s = setUp('Pacific/Auckland');
    const defaults = s.gas.run('getNewCaseDefaults');
    expect(JSON.parse(JSON.stringify(defaults))).toEqual({ today: '2026-03-02', timeZone: 'Pacific/Auckland', permissions: ['Yes', 'No', 'Not asked'] });
  });
});
