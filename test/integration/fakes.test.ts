import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEnv, evaluateRowHighlight, type FakeEnv } from '../../fakes';
import { createGas, loadBundle } from '../../fakes/runtime';

function activeSheet(env: FakeEnv) {
  return env.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
}

describe('Range values: shape and grid checks as Google throws', () => {
  test('setValues with the wrong number of rows or columns throws Google\'s message', () => {
    const env = createEnv();
    const range = activeSheet(env).getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2, 3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues([1, 2, 3] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test('ranges outside the 1000 x 26 grid, or with no rows, throw', () => {
    const env = createEnv();
    const sheet = activeSheet(env);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(2, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange('AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertColumnsAfter(26, 4);
    expect(sheet.getRange('AD1').getColumn()).toBe(30);
  });

  test('blanks read as empty strings; last row/column count content only', () => {
    const env = createEnv();
    const sheet = activeSheet(env);
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    sheet.getRange('B3').setValue('x');
    sheet.getRange('A1:A5').setNumberFormat('@');
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B3');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
  });
});

describe('cell parsing, like typed input', () => {
  const write = (value: unknown, format?: string) => {
    const env = createEnv();
    const cell = activeSheet(env).getRange('A1');
    if (format) cell.setNumberFormat(format);
    cell.setValue(value);
    return { value: cell.getValue(), formula: cell.getFormula(), display: cell.getDisplayValue() };
  };

  test('= makes a formula; getValues does not return the formula text', () => {
    const r = write('=SUM(B1:B3)');
    expect(r.formula).toBe('=SUM(B1:B3)');
    expect(r.value).toBe('#ERROR!');
  });

  test("a leading apostrophe keeps text as text, without the apostrophe", () => {
    expect(write("'0012").value).toBe('0012');
    expect(write("'=not a formula").value).toBe('=not a formula');
    expect(write("'=not a formula").formula).toBe('');
  });

  test('numeric strings become numbers, TRUE/FALSE booleans, other text stays', () => {
    expect(write('42').value).toBe(42);
    expect(write('-3').value).toBe(-3);
    expect(write('+7').value).toBe(7);
    expect(write('1e3').value).toBe(1000);
    expect(write('TRUE').value).toBe(true);
    expect(write('false').value).toBe(false);
    expect(write('12 Main St').value).toBe('12 Main St');
    expect(write('1,000').value).toBe(1000);
    expect(write('1,000').display).toBe('1,000');
    expect(write('10:30').display).toBe('10:30');
    expect(write('10:30').value).toBeInstanceOf(Date);
    expect(write('').value).toBe('');
  });

  test('plain-text format (@) stores strings as they are', () => {
    expect(write('0012', '@').value).toBe('0012');
    expect(write('=A1', '@').formula).toBe('');
  });
});

describe('dates are serial numbers in the spreadsheet time zone', () => {
  test('Pacific/Auckland: an ISO date reads back as local midnight (previous UTC day)', () => {
    const env = createEnv({ spreadsheetTimeZone: 'Pacific/Auckland' });
    const cell = activeSheet(env).getRange('A1');
    cell.setValue('2025-01-15');
    const value = cell.getValue() as Date;
    expect(Object.prototype.toString.call(value)).toBe('[object Date]');
    expect(value.toISOString()).toBe('2025-01-14T11:00:00.000Z');
    expect(cell.getNumberFormat()).toBe('yyyy-mm-dd');
    expect(cell.getDisplayValue()).toBe('2025-01-15');
  });

  test('a Date round-trips exactly and gets a date format', () => {
    const env = createEnv({ spreadsheetTimeZone: 'Pacific/Auckland' });
    const cell = activeSheet(env).getRange('A1');
    const d = new Date('2025-04-06T01:30:00Z'); // the NZ DST end day, after the change (UTC+12)
    cell.setValue(d);
    expect((cell.getValue() as Date).getTime()).toBe(d.getTime());
    expect(cell.getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    expect(cell.getDisplayValue()).toBe('4/6/2025 13:30:00');
  });

  test('America/Los_Angeles across the March DST change', () => {
    const env = createEnv({ spreadsheetTimeZone: 'America/Los_Angeles' });
    const range = activeSheet(env).getRange('A1:A2');
    range.setValues([['2025-03-08'], ['2025-03-10']]);
    const [[before], [after]] = range.getValues() as Date[][];
    expect(before.toISOString()).toBe('2025-03-08T08:00:00.000Z');
    expect(after.toISOString()).toBe('2025-03-10T07:00:00.000Z');
    // A local midnight Date written from the script reads back identical.
    const midnight = new Date('2025-03-09T08:00:00Z');
    activeSheet(env).getRange('B1').setValue(midnight);
    expect((activeSheet(env).getRange('B1').getValue() as Date).getTime()).toBe(midnight.getTime());
    expect(activeSheet(env).getRange('B1').getNumberFormat()).toBe('M/d/yyyy');
  });

  test('a number in a date-formatted cell reads back as a Date; display follows the format', () => {
    const env = createEnv({ spreadsheetTimeZone: 'UTC' });
    const cell = activeSheet(env).getRange('C2');
    cell.setNumberFormat('d mmm yyyy');
    cell.setValue(45672); // 2025-01-15
    expect((cell.getValue() as Date).toISOString()).toBe('2025-01-15T00:00:00.000Z');
    expect(cell.getDisplayValue()).toBe('15 Jan 2025');
    cell.setNumberFormat('0.00');
    expect(cell.getValue()).toBe(45672);
    expect(cell.getDisplayValue()).toBe('45672.00');
  });
});

describe('guard and counting', () => {
  test('an unimplemented member throws, naming the class', () => {
    const env = createEnv();
    const ss = env.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as Record<string, unknown>;
    expect(() => ss.getBandings).toThrow('Fake Spreadsheet.getBandings is not implemented');
    expect(() => (activeSheet(env) as unknown as Record<string, unknown>)._rows).toThrow('Fake Sheet._rows is not implemented');
    const enums = env.globals.SpreadsheetApp.DataValidationCriteria as unknown as Record<string, unknown>;
    expect(enums.VALUE_IN_LIST).toBe('VALUE_IN_LIST');
    expect(() => enums.NOPE).toThrow('Fake DataValidationCriteria.NOPE is not implemented');
    // Printing and promises still work.
    expect(String(ss)).toBe('Spreadsheet');
    expect((ss as { then?: unknown }).then).toBeUndefined();
  });

  test('every call is counted by Class.method, in order; the back door is not', () => {
    const env = createEnv();
    env.seedSheet('Cases', [['ID', 'Stage'], ['C-1', 'Received'], ['C-2', 'Assessing']]);
    expect(env.calls.total()).toBe(0);
    const sheet = env.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Cases')!;
    const values = sheet.getDataRange().getValues();
    sheet.getRange(2, 1, values.length - 1, 2).setValues(values.slice(1).map((r) => [r[0], 'Closed']));
    expect(env.calls.log()).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getDataRange',
      'Range.getValues',
      'Sheet.getRange',
      'Range.setValues',
    ]);
    expect(env.calls.count('Range.getValues')).toBe(1);
    expect(env.calls.byName()['Range.setValues']).toBe(1);
    expect(env.sheetValues('Cases')).toEqual([['ID', 'Stage'], ['C-1', 'Closed'], ['C-2', 'Closed']]);
    env.spreadsheet.getSheetByName('Cases')!.getRange('A1').getValue();
    expect(env.calls.total()).toBe(6);
    expect(env.calls.cellsRead()).toBe(6); // the 3 x 2 data range; the back door's read is not counted
    env.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Cases')!.getRange('A1:B2').getDisplayValues();
    expect(env.calls.cellsRead()).toBe(10);
    env.calls.reset();
    expect(env.calls.total()).toBe(0);
    expect(env.calls.cellsRead()).toBe(0);
  });

  test('AuthMode.NONE allows menus only', () => {
    const env = createEnv({ authMode: 'NONE' });
    env.globals.SpreadsheetApp.getUi().createAddonMenu().addItem('Open tracker', 'showSidebar').addSeparator().addToUi();
    expect(env.ui.menus).toEqual([{ caption: 'Add-on', addon: true, entries: [{ type: 'item', caption: 'Open tracker', functionName: 'showSidebar' }, { type: 'separator' }] }]);
    expect(() => env.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(() => env.globals.PropertiesService.getDocumentProperties()).toThrow('You do not have permission to call PropertiesService.getDocumentProperties');
    env.authMode = 'LIMITED';
    expect(() => env.globals.MailApp.sendEmail('a@example.org', 's', 'b')).toThrow('You do not have permission to call MailApp.sendEmail');
    expect(env.globals.SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Case Tracker');
  });
});

describe('sheets', () => {
  test('insertSheet refuses a duplicate name; appendRow writes after the last row and grows the grid', () => {
    const env = createEnv();
    const ss = env.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet('Cases');
    expect(() => ss.insertSheet('Cases')).toThrow('A sheet with the name "Cases" already exists. Please enter another name.');
    expect(ss.getActiveSheet().getName()).toBe('Cases');
    sheet.deleteRows(3, 997);
    expect(sheet.getMaxRows()).toBe(3);
    sheet.appendRow(['a']);
    sheet.appendRow(['b']);
    sheet.appendRow(['c']);
    sheet.appendRow(['d', 2]);
    expect(sheet.getMaxRows()).toBe(4);
    expect(env.sheetValues('Cases')).toEqual([['a', ''], ['b', ''], ['c', ''], ['d', 2]]);
  });

  test('sort moves whole rows below the frozen rows, blanks last', () => {
    const env = createEnv();
    const sheet = env.seedSheet('S', [['Name', 'Due'], ['b', '2025-02-01'], ['a', ''], ['c', '2025-01-01']], { frozenRows: 1 });
    sheet.getRange('A2').setBackground('#ff0000');
    env.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S')!.sort(2, true);
    expect(env.sheetDisplayValues('S')).toEqual([['Name', 'Due'], ['c', '2025-01-01'], ['b', '2025-02-01'], ['a', '']]);
    expect(sheet.getRange('A3').getBackground()).toBe('#ff0000');
  });

  test('data validation and conditional format rules are stored; row highlight evaluates them', () => {
    const env = createEnv({ spreadsheetTimeZone: 'UTC' });
    const app = env.globals.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getActiveSheet();
    const rule = app.newDataValidation().requireValueInList(['Yes', 'No'], true).setAllowInvalid(false).setHelpText('Pick one').build();
    sheet.getRange('B2:B4').setDataValidation(rule);
    const got = sheet.getRange('B3').getDataValidation()!;
    expect(String(got.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(got.getCriteriaValues()).toEqual([['Yes', 'No'], true]);
    expect(got.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('B5').getDataValidation()).toBeNull();
    expect(() => app.newDataValidation().build()).toThrow();

    const range = sheet.getRange('A2:C100');
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenFormulaSatisfied('=AND($B2<>"", $B2<TODAY())').setBackground('#f4cccc').setRanges([range]).build(),
      app.newConditionalFormatRule().whenFormulaSatisfied('=$C2="Due soon"').setBackground('#fff2cc').setRanges([range]).build(),
    ]);
    sheet.getRange('B2:C4').setValues([['2025-01-01', ''], ['', 'Due soon'], ['2025-12-31', '']]);
    const today = new Date('2025-01-15T12:00:00Z');
    expect(evaluateRowHighlight(sheet, 2, today)?.background).toBe('#f4cccc');
    expect(evaluateRowHighlight(sheet, 3, today)?.background).toBe('#fff2cc');
    expect(evaluateRowHighlight(sheet, 4, today)).toBeNull();
    const rules = sheet.getConditionalFormatRules();
    expect(rules[1].getBooleanCondition()!.getCriteriaValues()).toEqual(['=$C2="Due soon"']);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:C100');
  });
});

describe('range lists', () => {
  test('getRangeList(a1s).setValue writes every cell of every range in one counted call', () => {
    const env = createEnv();
    const sheet = activeSheet(env);
    sheet.getRangeList(['A1:B1', 'D3']).setValue('x');
    expect(env.sheetValues(sheet.getName())).toEqual([
      ['x', 'x', '', ''],
      ['', '', '', ''],
      ['', '', '', 'x'],
    ]);
    expect(env.calls.count('Sheet.getRangeList')).toBe(1);
    expect(env.calls.count('RangeList.setValue')).toBe(1);
    expect(env.calls.count('Range.setValue')).toBe(0);
    expect(() => sheet.getRangeList(['A1', 'ZZ1'])).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRangeList('A1' as unknown as string[])).toThrow(/match the method signature for SpreadsheetApp.Sheet.getRangeList/);
  });
});

describe('embedded charts', () => {
  test('built like EmbeddedChartBuilder: typed builders carry setTitle, the untyped one has none; counted', () => {
    const env = createEnv();
    const sheet = activeSheet(env);
    sheet.getRange(1, 1, 2, 2).setValues([['a', 1], ['b', 2]]);
    const untyped = sheet.newChart() as unknown as { setTitle?: unknown };
    expect(() => untyped.setTitle).toThrow('Fake EmbeddedChartBuilder.setTitle is not implemented');
    const chart = sheet.newChart().asPieChart().setTitle('T').addRange(sheet.getRange('A1:B2')).setPosition(1, 4, 0, 0).build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0].getRanges()[0].getA1Notation()).toBe('A1:B2');
    expect(env.sheetCharts(sheet.getName())).toEqual([
      { type: 'PIE', title: 'T', ranges: [`${sheet.getName()}!A1:B2`], anchor: { row: 1, column: 4, offsetX: 0, offsetY: 0 }, options: { title: 'T' } },
    ]);
    expect(env.calls.count('Sheet.newChart')).toBe(2);
    expect(env.calls.count('EmbeddedPieChartBuilder.setTitle')).toBe(1);
    expect(env.calls.count('Sheet.insertChart')).toBe(1);
  });

  test('clear() leaves charts; bad arguments, a second insert and removing an absent chart throw', () => {
    const env = createEnv();
    const sheet = activeSheet(env);
    const chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B2')).setPosition(1, 1, 0, 0).build();
    expect(() => sheet.newChart().setPosition(0, 1, 0, 0)).toThrow('The coordinates of the chart anchor are outside the sheet.');
    expect(() => sheet.newChart().addRange('A1:B2' as unknown as GoogleAppsScript.Spreadsheet.Range)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.",
    );
    expect(() => sheet.insertChart({} as GoogleAppsScript.Spreadsheet.EmbeddedChart)).toThrow(/match the method signature for SpreadsheetApp.Sheet.insertChart/);
    sheet.insertChart(chart);
    expect(() => sheet.insertChart(chart)).toThrow('The chart is already on a sheet.');
    sheet.clear();
    expect(sheet.getCharts()).toHaveLength(1);
    sheet.removeChart(chart);
    expect(sheet.getCharts()).toHaveLength(0);
    expect(() => sheet.removeChart(chart)).toThrow('The chart is not on this sheet.');
  });
});

describe('services', () => {
  test('properties are always strings', () => {
    const env = createEnv();
    const props = env.globals.PropertiesService.getDocumentProperties();
    props.setProperty('n', 5 as unknown as string);
    props.setProperties({ flag: true as unknown as string, other: 'x' });
    expect(props.getProperty('n')).toBe('5');
    expect(props.getProperties()).toEqual({ n: '5', flag: 'true', other: 'x' });
    props.setProperties({ only: '1' }, true);
    expect(props.getKeys()).toEqual(['only']);
    expect(props.getProperty('missing')).toBeNull();
    expect(env.properties.document.get('only')).toBe('1');
  });

  test('locks: contention makes tryLock false and waitLock throw; order recorded', () => {
    const env = createEnv();
    env.locks.holdScriptLock();
    const lock = env.globals.LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.hasLock()).toBe(false);
    env.locks.releaseScriptLock();
    lock.waitLock(30000);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(env.locks.events.map((e) => `${e.method}:${e.action}`)).toEqual(['tryLock:fail', 'waitLock:fail', 'waitLock:acquire', 'releaseLock:release']);
  });

  test('triggers are recorded with hour, zone and owner; add-on limit of one per type', () => {
    const env = createEnv({ activeUser: 'lead@example.org', scriptTimeZone: 'Europe/Berlin' });
    const app = env.globals.ScriptApp;
    const t = app.newTrigger('dailyReminders').timeBased().everyDays(1).atHour(7).inTimezone('Pacific/Auckland').create();
    expect(t.getHandlerFunction()).toBe('dailyReminders');
    expect(String(t.getEventType())).toBe('CLOCK');
    expect(env.triggers.list).toEqual([expect.objectContaining({ handler: 'dailyReminders', atHour: 7, everyDays: 1, timeZone: 'Pacific/Auckland', owner: 'lead@example.org' })]);
    expect(() => app.newTrigger('other').timeBased().everyHours(6).create()).toThrow('too many time-based triggers');
    expect(() => app.newTrigger('x').timeBased().everyHours(3)).toThrow();
    expect(app.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    app.deleteTrigger(app.getProjectTriggers()[0]);
    expect(env.triggers.list).toHaveLength(0);
  });

  test('MailApp: quota per recipient, invalid and failing addresses', () => {
    const env = createEnv();
    env.outbox.quota = 2;
    const mail = env.globals.MailApp;
    mail.sendEmail('a@example.org', 'Hi', 'Body');
    mail.sendEmail({ to: 'b@example.org', subject: 'S', body: 'B', htmlBody: '<b>B</b>' });
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('c@example.org', 'S', 'B')).toThrow('Service invoked too many times for one day: email.');
    env.outbox.quota = 10;
    expect(() => mail.sendEmail('not-an-address', 'S', 'B')).toThrow('Invalid email: not-an-address');
    env.outbox.failFor('bounce@example.org');
    expect(() => mail.sendEmail('bounce@example.org', 'S', 'B')).toThrow('Invalid email: bounce@example.org');
    expect(env.outbox.sent.map((m) => m.to)).toEqual(['a@example.org', 'b@example.org']);
  });

  test('Gmail drafts decode the base64url MIME; a bad payload throws', () => {
    const env = createEnv();
    const mime = 'To: r@example.org\r\nSubject: Next steps\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello – thanks';
    const raw = Buffer.from(mime, 'utf8').toString('base64url');
    const res = env.globals.Gmail.Users.Drafts.create({ message: { raw } }, 'me') as { id: string; message: { id: string; threadId: string } };
    expect(res.id).toMatch(/^r-/);
    expect(env.drafts.list[0].headers.subject).toBe('Next steps');
    expect(env.drafts.list[0].body).toBe('Hello – thanks');
    expect(() => env.globals.Gmail.Users.Drafts.create({ message: {} }, 'me')).toThrow('raw');
    expect(() => env.globals.Gmail.Users.Drafts.create({ message: { raw: 'a+b/' } }, 'me')).toThrow('base64url');
  });

  test('Utilities.formatDate with real zones; base64 round trip; sleep advances the clock', () => {
    const env = createEnv({ now: '2025-03-09T09:30:00Z' });
    const u = env.globals.Utilities;
    const d = new Date('2025-03-09T09:30:05Z');
    expect(u.formatDate(d, 'America/Los_Angeles', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2025-03-09T01:30:05-08:00');
    expect(u.formatDate(d, 'Pacific/Auckland', 'EEE d MMM yyyy h:mm a Z')).toBe('Sun 9 Mar 2025 10:30 PM +1300');
    expect(u.formatDate(d, 'UTC', 'EEEE, MMMM dd')).toBe('Sunday, March 09');
    expect(() => u.formatDate('2025-01-01' as unknown as GoogleAppsScript.Base.Date, 'UTC', 'yyyy')).toThrow("don't match the method signature");
    const encoded = u.base64EncodeWebSafe('Ünïcødé?>');
    expect(Buffer.from(u.base64DecodeWebSafe(encoded).map((b) => b & 0xff)).toString('utf8')).toBe('Ünïcødé?>');
    expect(u.newBlob(u.base64Decode(u.base64Encode('hé'))).getDataAsString()).toBe('hé');
    u.sleep(1500);
    expect(env.clock.now()).toBe(Date.parse('2025-03-09T09:30:01.500Z'));
  });

  test('Ui records alerts with scripted answers, sidebars and toasts; HTML templates evaluate', () => {
    const env = createEnv();
    const ui = env.globals.SpreadsheetApp.getUi();
    env.ui.answerNextAlert('NO');
    expect(String(ui.alert('Close case?', 'Really?', ui.ButtonSet.YES_NO))).toBe('NO');
    expect(String(ui.alert('Done'))).toBe('OK');
    const t = env.globals.HtmlService.createTemplate('<h1><?= title ?></h1><? for (const c of cases) { ?><li><?= c ?></li><? } ?>');
    (t as unknown as Record<string, unknown>).title = 'A & B';
    (t as unknown as Record<string, unknown>).cases = ['<x>'];
    ui.showSidebar(t.evaluate().setTitle('Tracker'));
    expect(env.ui.sidebars).toEqual([{ kind: 'sidebar', title: 'Tracker', html: '<h1>A &amp; B</h1><li>&lt;x&gt;</li>' }]);
    env.globals.SpreadsheetApp.getActiveSpreadsheet().toast('Saved', 'Case Tracker', 3);
    expect(env.ui.toasts).toEqual([{ message: 'Saved', title: 'Case Tracker', timeoutSeconds: 3 }]);
    expect(env.ui.alerts.map((a) => a.response)).toEqual(['NO', 'OK']);
    env.ui.available = false;
    expect(() => env.globals.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('Logger and console are recorded', () => {
    const env = createEnv();
    env.globals.Logger.log('case %s', 'C-1');
    env.globals.console.warn('careful');
    expect(env.logs.entries).toEqual([
      { source: 'Logger', level: 'log', message: 'case C-1' },
      { source: 'console', level: 'warn', message: 'careful' },
    ]);
  });
});

describe('runtime: the bundle runs as Apps Script runs it', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-gas-'));
    fs.writeFileSync(
      path.join(dir, 'Code.js'),
      [
        'var runs = 0;',
        'var Bundle = (function () { return { inner: function () { return 1; } }; })();',
        'function hello() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }',
        'function bump() { runs++; return runs; }',
        'function now() { return [new Date().toISOString(), Date.now(), new Date(0) instanceof Date]; }',
        'function realm() { var s = SpreadsheetApp.getActiveSpreadsheet().getSheets(); return [s instanceof Array, Array.isArray(s)]; }',
        'function caught() { try { SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(0, 1); } catch (e) { return [e instanceof Error, e.message]; } }',
        'function keepLock() { LockService.getScriptLock().waitLock(1000); return true; }',
        'function lockedName() { LockService.getDocumentLock().waitLock(1000); return SpreadsheetApp.getActiveSpreadsheet().getName(); }',
        'function tryDocumentLock() { return LockService.getDocumentLock().tryLock(100); }',
        'function localHour() { return new Date().getHours(); }',
        'function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }',
        'function sidebar() { var t = HtmlService.createTemplateFromFile("Sidebar"); t.user = Session.getActiveUser().getEmail(); SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle("Tracker")); }',
        'function onOpen(e) { SpreadsheetApp.getUi().createMenu("Case Tracker").addItem("Refresh", "bump").addToUi(); }',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<style><?!= include("Style") ?></style><p><?= user ?></p>');
    fs.writeFileSync(path.join(dir, 'Style.html'), 'p{color:red}');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('calls a top-level function against the env; module state is not kept between runs', () => {
    const env = createEnv({ spreadsheetName: 'IRT Cases', now: '2025-05-01T12:00:00Z' });
    const gas = createGas(env, { bundleDir: dir });
    expect(gas.run('hello')).toBe('IRT Cases');
    expect(gas.run('bump')).toBe(1);
    expect(gas.run('bump')).toBe(1);
    expect(gas.run('now')).toEqual(['2025-05-01T12:00:00.000Z', Date.parse('2025-05-01T12:00:00Z'), true]);
    expect(gas.run('realm')).toEqual([true, true]);
    expect(gas.run('caught')).toEqual([true, 'The starting row of the range is too small.']);
    expect(gas.functionNames()).toEqual(['bump', 'caught', 'hello', 'include', 'keepLock', 'localHour', 'lockedName', 'now', 'onOpen', 'realm', 'sidebar', 'tryDocumentLock']);
    expect(() => gas.run('Bundle')).toThrow('"Bundle" is not a top-level function');
    expect(() => gas.run('missing')).toThrow('not a top-level function');
  });

  test('Date methods use the script time zone; templates see top-level functions and HTML files', () => {
    const env = createEnv({ scriptTimeZone: 'Pacific/Auckland', now: '2025-01-15T10:00:00Z', activeUser: 'a&b@example.org' });
    const gas = createGas(env, { bundleDir: dir });
    expect(gas.run('localHour')).toBe(23);
    gas.run('sidebar');
    expect(env.ui.sidebars[0]).toEqual({ kind: 'sidebar', title: 'Tracker', html: '<style>p{color:red}</style><p>a&amp;b@example.org</p>' });
  });

  test('locks end with the execution; onOpen in AuthMode.NONE touches only the menu', () => {
    const env = createEnv({ authMode: 'NONE' });
    const gas = createGas(env, { bundleDir: dir });
    gas.run('onOpen', { authMode: 'NONE' });
    expect(env.ui.menus[0].entries).toEqual([{ type: 'item', caption: 'Refresh', functionName: 'bump' }]);
    expect(env.calls.log()).toEqual(['SpreadsheetApp.getUi', 'Ui.createMenu', 'Menu.addItem', 'Menu.addToUi']);
    expect(() => gas.run('hello')).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
    env.authMode = 'FULL';
    expect(gas.run('keepLock')).toBe(true);
    expect(gas.run('keepLock')).toBe(true);
    expect(env.locks.isHeld('script')).toBe(false);
  });

  test('meanwhile: another execution runs between two calls of the running one, competing for its locks', () => {
    const env = createEnv({ spreadsheetName: 'IRT Cases' });
    const gas = createGas(env, { bundleDir: dir });
    const seen: unknown[] = [];
    env.meanwhile('Spreadsheet.getName', () => seen.push(gas.run('tryDocumentLock'), gas.run('realm')));
    expect(gas.run('lockedName')).toBe('IRT Cases');
    // The other execution ran while the document lock was held, so it could not take it; it had its own realm.
    expect(seen).toEqual([false, [true, true]]);
    expect(env.execution.executions()).toBe(3);
    expect(gas.run('tryDocumentLock')).toBe(true); // released when lockedName ended
    // Without meanwhile, one execution cannot start inside another.
    env.calls.before('Spreadsheet.getName', () => gas.run('bump'));
    expect(() => gas.run('hello')).toThrow('an execution is already running');
  });

  test('loadBundle loads the folder through gas-local', () => {
    const env = createEnv({ spreadsheetName: 'Via gas-local' });
    const ctx = loadBundle(env, dir);
    expect((ctx.hello as () => string)()).toBe('Via gas-local');
  });
});

describe('quotas Google enforces', () => {
  test('an email body (text and HTML together) over 200 kB is refused and not sent', () => {
    const env = createEnv();
    env.globals.MailApp.sendEmail({ to: 'a@example.org', subject: 'S', body: 'x'.repeat(100 * 1024), htmlBody: 'y'.repeat(100 * 1024) });
    expect(() => env.globals.MailApp.sendEmail({ to: 'a@example.org', subject: 'S', body: 'x'.repeat(100 * 1024), htmlBody: 'y'.repeat(100 * 1024 + 1) })).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
    expect(env.outbox.sent).toHaveLength(1);
    expect(env.outbox.quota).toBe(99);
  });


  test('a property value over 9 kB and a store over 500 kB throw, and change nothing', () => {
    const env = createEnv();
    const props = env.globals.PropertiesService.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => props.setProperty('big', 'é'.repeat(5_000))).toThrow('Argument too large: value'); // bytes, not characters
    expect(() => props.setProperties({ ok: '1', big: 'x'.repeat(10_000) })).toThrow('Argument too large: value');
    expect(props.getKeys()).toEqual(['fits']);
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'x'.repeat(9_000));
    expect(() => props.setProperty('one.more', 'x'.repeat(9_000))).toThrow('You have exceeded the property storage quota');
    expect(props.getProperty('one.more')).toBeNull();
    props.deleteProperty('k0');
    props.setProperty('one.more', 'x'.repeat(9_000));
  });
});

describe('executions have a clock', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-gas-clock-'));
    fs.writeFileSync(
      path.join(dir, 'Code.js'),
      [
        'function mailAll(n) { for (var i = 0; i < n; i++) MailApp.sendEmail("m" + i + "@example.org", "S", "B"); return n; }',
        'function waitForLock() { LockService.getDocumentLock().tryLock(30000); return SpreadsheetApp.getActiveSpreadsheet().getName(); }',
        'function onEdit(e) { LockService.getDocumentLock().tryLock(20000); LockService.getScriptLock().tryLock(20000); }',
      ].join('\n'),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a run past 6 minutes is ended by Google: the next service call throws and nothing more happens', () => {
    const env = createEnv();
    env.outbox.quota = 1_000;
    const gas = createGas(env, { bundleDir: dir });
    env.execution.callCosts.set('MailApp.sendEmail', 1_000);
    expect(gas.run('mailAll', 300)).toBe(300); // 5 minutes
    expect(() => gas.run('mailAll', 400)).toThrow('Exceeded maximum execution time');
    expect(env.outbox.sent).toHaveLength(300 + 360); // the 361st send would end past the limit
    // Each execution has its own 6 minutes; time spent waiting for a lock counts.
    env.execution.callCosts.clear();
    env.locks.holdDocumentLock();
    expect(gas.run('waitForLock')).toBe('Case Tracker');
    // Outside an execution (a test calling the fakes) there is no limit.
    env.globals.MailApp.sendEmail('x@example.org', 'S', 'B');
  });

  test('a simple trigger has 30 seconds', () => {
    const env = createEnv();
    const gas = createGas(env, { bundleDir: dir });
    env.locks.holdScriptLock();
    expect(() => gas.run('onEdit', {})).not.toThrow(); // 20 s waiting for the script lock
    env.locks.holdDocumentLock();
    expect(() => gas.run('onEdit', {})).toThrow('Exceeded maximum execution time'); // 20 s + 20 s
  });
});

describe('cells hold at most 50,000 characters, as Google counts them', () => {
  test('what is written counts, a leading apostrophe included; a refused setValues writes nothing', () => {
    const env = createEnv();
    const sheet = activeSheet(env);
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    sheet.getRange('A2').setValue(`'${'x'.repeat(49_999)}`);
    expect(sheet.getRange('A2').getValue()).toBe('x'.repeat(49_999)); // the apostrophe is not stored, but it counted
    const tooLong = 'Your input contains more than the maximum of 50000 characters in a single cell.';
    expect(() => sheet.getRange('A3').setValue(`'${'x'.repeat(50_000)}`)).toThrow(tooLong);
    expect(() => sheet.getRange('B1:C1').setValues([['ok', 'y'.repeat(50_001)]])).toThrow(tooLong);
    expect(sheet.getRange('B1').getValue()).toBe('');
    expect(() => sheet.appendRow(['z'.repeat(50_001)])).toThrow(tooLong);
    expect(sheet.getLastRow()).toBe(2);
  });
});

describe('Gmail.Users.Drafts.create refuses what is not an RFC 2822 message', () => {
  const raw = (message: string | Buffer) => Buffer.from(message).toString('base64url');
  const good = ['To: pat@example.org', 'Subject: =?UTF-8?B?w6k=?=', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', '', 'Hello', ''].join('\r\n');
  const create = (message: string | Buffer) => createEnv().globals.Gmail.Users.Drafts.create({ message: { raw: raw(message) } }, 'me');

  test('a well-formed message is drafted', () => {
    expect(create(good)).toMatchObject({ message: { labelIds: ['DRAFT'] } });
    const multipart = [
      'To: Pat <pat@example.org>', 'Subject: Hi', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative;', ' boundary="b1"', '',
      '--b1', 'Content-Type: text/plain', '', 'Hi', '--b1--', '',
    ].join('\r\n');
    expect(create(multipart)).toMatchObject({ message: { labelIds: ['DRAFT'] } });
  });

  test.each([
    ['LF line ends', good.replace(/\r\n/g, '\n'), 'lines must end with CRLF'],
    ['no empty line before the body', 'To: pat@example.org\r\nSubject: x\r\n', 'no empty line separates the header from the body'],
    ['raw UTF-8 in a header', 'To: pät@example.org\r\nSubject: x\r\n\r\nbody', 'a header holds 8-bit bytes'],
    ['a NUL', 'To: pat@example.org\u0000\r\nSubject: x\r\n\r\nbody', 'NUL'],
    ['no To', 'Subject: x\r\n\r\nbody', 'no To header'],
    ['a To that is no address', 'To: Pat Party\r\nSubject: x\r\n\r\nbody', 'the To header is not a list of addresses'],
    ['a header line without a colon', 'To: pat@example.org\r\nSubject x\r\n\r\nbody', 'malformed header line 2'],
    ['a header line over 998 characters', `To: pat@example.org\r\nSubject: ${'x'.repeat(1_000)}\r\n\r\nbody`, 'longer than 998'],
    ['an unclosed multipart', 'To: pat@example.org\r\nContent-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\n\r\nx\r\n', 'does not open and close its boundary'],
  ])('%s is refused', (_name, message, problem) => {
    expect(() => create(message)).toThrow(/^API call to gmail\.users\.drafts\.create failed with error: Invalid RFC 2822 message in 'raw': /);
    expect(() => create(message)).toThrow(problem);
  });
});

describe('authorization as Google grants it', () => {
  let dir: string;
  const SCOPE = (name: string) => `https://www.googleapis.com/auth/${name}`;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-gas-auth-'));
    fs.writeFileSync(
      path.join(dir, 'Code.js'),
      [
        'function who() { return Session.getActiveUser().getEmail(); }',
        'function mail() { MailApp.sendEmail("a@example.org", "S", "B"); }',
        'function trigger() { ScriptApp.newTrigger("who").timeBased().everyDays(1).create(); }',
        'function remember() { PropertiesService.getDocumentProperties().setProperty("k", "v"); LockService.getDocumentLock().tryLock(1); return SpreadsheetApp.getActiveSpreadsheet().getName(); }',
        'function onEdit(e) { var out = { user: who(), name: remember() }; ["mail", "trigger"].forEach(function (f) { try { this[f](); out[f] = "ok"; } catch (err) { out[f] = err.message; } }); return out; }',
        'function onOpen(e) { return who(); }',
        'function onInstall(e) { return who(); }',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ oauthScopes: [SCOPE('spreadsheets.currentonly'), SCOPE('userinfo.email')] }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the bundle's appsscript.json grants its scopes: a call needing another throws", () => {
    const env = createEnv({ activeUser: 'me@example.org' });
    const gas = createGas(env, { bundleDir: dir });
    expect(env.oauthScopes).toEqual([SCOPE('spreadsheets.currentonly'), SCOPE('userinfo.email')]);
    expect(gas.run('who')).toBe('me@example.org');
    expect(gas.run('remember')).toBe('Case Tracker');
    expect(() => gas.run('mail')).toThrow(`You do not have permission to call MailApp.sendEmail. Required permissions: ${SCOPE('script.send_mail')}`);
    expect(() => gas.run('trigger')).toThrow(`Required permissions: ${SCOPE('script.scriptapp')}`);
    env.oauthScopes = [SCOPE('spreadsheets.currentonly')];
    expect(() => gas.run('who')).toThrow(`You do not have permission to call User.getEmail. Required permissions: ${SCOPE('userinfo.email')}`);
    expect(env.outbox.sent).toHaveLength(0);
  });

  test('a list passed to createEnv wins; the project manifest grants every call the add-on makes', () => {
    const env = createEnv({ oauthScopes: [SCOPE('script.send_mail')] });
    createGas(env, { bundleDir: dir });
    env.globals.MailApp.sendEmail('a@example.org', 'S', 'B');
    expect(() => env.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(`Required permissions: ${SCOPE('spreadsheets.currentonly')}`);
    expect(() => env.globals.SpreadsheetApp.getUi().showSidebar(env.globals.HtmlService.createHtmlOutput('x'))).toThrow(SCOPE('script.container.ui'));
    const dist = createEnv();
    createGas(dist, { bundleDir: path.resolve(__dirname, '../../dist') });
    expect(dist.oauthScopes).toEqual(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../appsscript.json'), 'utf8')).oauthScopes);
  });

  test('simple triggers run in AuthMode.LIMITED: no user email, no mail, no triggers; the document, properties and locks work', () => {
    const env = createEnv({ activeUser: 'me@example.org', oauthScopes: [SCOPE('spreadsheets.currentonly'), SCOPE('userinfo.email'), SCOPE('script.send_mail'), SCOPE('script.scriptapp')] });
    const gas = createGas(env, { bundleDir: dir });
    expect(gas.run('onEdit', {})).toEqual({
      user: '',
      name: 'Case Tracker',
      mail: 'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      trigger: 'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    });
    expect(gas.run('onOpen', {})).toBe('');
    expect(gas.run('onInstall', {})).toBe('me@example.org'); // onInstall runs with the user's authorization
    expect(gas.run('who')).toBe('me@example.org'); // a menu item or google.script.run: FULL
    expect(env.outbox.sent).toHaveLength(0);
    expect(env.triggers.list).toHaveLength(0);
  });
});

describe('formulas in cells are evaluated as Sheets shows them (fakes/rule-eval.ts)', () => {
  const cell = (env: FakeEnv, formula: string) => {
    const sheet = activeSheet(env);
    sheet.getRange('A1').setValue(5);
    sheet.getRange('B1').setFormula(formula);
    return { value: sheet.getRange('B1').getValue(), display: sheet.getRange('B1').getDisplayValue(), formula: sheet.getRange('B1').getFormula() };
  };

  test('what the small evaluator knows is computed; anything else shows #ERROR!', () => {
    const env = createEnv();
    expect(cell(env, '=AND(A1>3, A1<9)')).toEqual({ value: true, display: 'TRUE', formula: '=AND(A1>3, A1<9)' });
    expect(cell(env, '=REGEXMATCH("a@b.org", "^[^@]+@[^@]+$")').value).toBe(true);
    expect(cell(env, '=SUM(A1:A3)').value).toBe('#ERROR!');
  });

  test('TODAY() is the calendar day in the spreadsheet’s zone', () => {
    const env = createEnv({ spreadsheetTimeZone: 'Pacific/Auckland', now: '2026-03-10T11:30:00Z' });
    const serial = (Date.UTC(2026, 2, 11) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(cell(env, '=TODAY()').value).toBe(serial);
  });

  test('a spreadsheet that wants ";" between arguments shows #ERROR! for the "," form', () => {
    const env = createEnv({ formulaSeparator: ';' });
    expect(cell(env, '=AND(A1>3, A1<9)').value).toBe('#ERROR!');
    expect(cell(env, '=AND(A1>3; A1<9)').value).toBe(true);
  });

  test('a function taken as unavailable shows #ERROR!', () => {
    const env = createEnv({ unavailableFormulaFunctions: ['REGEXMATCH'] });
    expect(cell(env, '=REGEXMATCH("a", "a")').value).toBe('#ERROR!');
  });
});

describe('Gmail.Users.Drafts.remove', () => {
  test('deletes a draft, counted; an unknown ID is refused as Google refuses it', () => {
    const env = createEnv();
    const raw = Buffer.from('To: a@example.org\r\nSubject: x\r\n\r\nhi').toString('base64url');
    const { id } = env.globals.Gmail.Users.Drafts.create({ message: { raw } }, 'me') as { id: string };
    env.globals.Gmail.Users.Drafts.remove('me', id);
    expect(env.drafts.list).toHaveLength(0);
    expect(env.drafts.removed.map((d) => d.id)).toEqual([id]);
    expect(env.calls.count('Gmail.Users.Drafts.remove')).toBe(1);
    expect(() => env.globals.Gmail.Users.Drafts.remove('me', id)).toThrow('API call to gmail.users.drafts.delete failed with error: Requested entity was not found.');
  });
});
