import { dayFromIso, type Day } from '../../src/core/calendar';
import {
  CHECK,
  ROUND_TRIP,
  formulaMismatches,
  formulaSamples,
  judgeCalendar,
  judgeFormulas,
  judgeRoundTrip,
  judgeTrigger,
  sampleFormulas,
  summarize,
} from '../../src/core/installation';

const today = dayFromIso('2026-03-11') as Day;

describe('the formula samples', () => {
  const samples = formulaSamples(today, 2);
  test('one row per status, each expecting its own colour only', () => {
    expect(samples.map((s) => [s.status, s.colour])).toEqual([
      ['Overdue', 'overdue'],
      ['Due soon', 'due soon'],
      ['On track', null],
      ['Check data', 'check data'],
    ]);
    expect(samples.map((s) => s.deadline)).toEqual([today - 1, today, today + 5, null]);
  });

  test('formulas per row reference that row, in the form asked for', () => {
    const rows = sampleFormulas(samples, 2, ',');
    expect(rows).toHaveLength(4);
    expect(rows[2][0]).toBe('=AND(N("IRT Tracker: overdue")=0, ISNUMBER($A3), $A3<TODAY())');
    expect(rows[2][3]).toMatch(/^=OR\(ISBLANK\(C3\), REGEXMATCH\(C3, /);
    expect(sampleFormulas(samples, 2, ';')[0][1]).toContain('; ISNUMBER($A1); ');
  });

  test('what Google evaluated is compared with what the core expects', () => {
    const right = samples.map((s) => [s.colour === 'overdue', s.colour === 'due soon', s.colour === 'check data', s.subTeamValid]);
    expect(formulaMismatches(samples, right)).toEqual({ colours: [], validation: [] });
    const wrong: unknown[][] = right.map((r) => [...r]);
    wrong[2][0] = true;
    wrong[0][3] = '#ERROR!';
    expect(formulaMismatches(samples, wrong)).toEqual({
      colours: ['the overdue formula gave TRUE for a row on track (expected FALSE)'],
      validation: ['it gave #ERROR! for "ana@example.org, ben@example.org, chi@example.org" (expected TRUE)'],
    });
  });
});

describe('judging the formulas', () => {
  const ok = { colours: [], validation: [] };
  const bad = { colours: ['x'], validation: ['y'] };
  test('"," works: both pass, the separator is ","', () => {
    const judged = judgeFormulas(ok, null);
    expect(judged.separator).toBe(',');
    expect(judged.checks.map((c) => [c.name, c.passed])).toEqual([[CHECK.highlighting, true], [CHECK.validation, true]]);
  });
  test('only ";" works: both pass, setup is to use ";", and the check says so', () => {
    const judged = judgeFormulas(bad, ok);
    expect(judged.separator).toBe(';');
    expect(judged.checks[0].seen).toMatch(/^Only the form with ";"/);
    expect(judged.checks[0].todo).toMatch(/Set up tracker once more/);
  });
  test('neither works: the failing family fails, naming what both forms gave', () => {
    const judged = judgeFormulas({ colours: [], validation: ['y'] }, { colours: ['c'], validation: ['z'] });
    expect(judged.separator).toBeNull();
    expect(judged.checks.map((c) => c.passed)).toEqual([true, false]);
    expect(judged.checks[1].seen).toBe('With ",": y. With ";": z.');
  });
});

describe('the other judgements', () => {
  test('calendar day', () => {
    expect(judgeCalendar(today, '2026-03-11', 'Pacific/Auckland').passed).toBe(true);
    const off = judgeCalendar(today, '2026-03-10', 'Pacific/Auckland');
    expect(off).toMatchObject({ passed: false, seen: 'The add-on counts today as 2026-03-11, Google’s Utilities.formatDate says 2026-03-10 (Pacific/Auckland).' });
  });

  test('round trip: a wrong day, a changed number, text turned into a formula', () => {
    expect(judgeRoundTrip(today, { day: today, number: ROUND_TRIP.number, text: ROUND_TRIP.text, textFormula: '' }, 'UTC').passed).toBe(true);
    const bad = judgeRoundTrip(today, { day: today - 1, number: '1234,5', text: '#ERROR!', textFormula: '=1+1' }, 'UTC');
    expect(bad.passed).toBe(false);
    expect(bad.seen).toBe('the date came back as 2026-03-10 instead of 2026-03-11; the number came back as 1234,5; the text "=1+1" came back as a formula =1+1.');
  });

  test('trigger: mine, someone else’s, none, or recorded but missing', () => {
    expect(judgeTrigger(1, ['me@x.org'], 'me@x.org')).toMatchObject({ passed: true, seen: 'Your daily reminder trigger is installed (1).' });
    expect(judgeTrigger(0, ['bo@x.org'], 'me@x.org')).toMatchObject({ passed: true, seen: 'You have no reminder trigger. Also turned on by bo@x.org.', todo: '' });
    expect(judgeTrigger(0, [], 'me@x.org').todo).toMatch(/Turn reminders on/);
    expect(judgeTrigger(0, ['ME@x.org'], 'me@x.org').passed).toBe(false);
  });

  test('summary names only the failed checks', () => {
    const report = summarize([
      { name: 'A', passed: true, seen: '', todo: '' },
      { name: 'B', passed: false, seen: 'secret detail', todo: '' },
    ]);
    expect(report).toMatchObject({ passed: 1, failed: 1, summary: '1 of 2 checks passed; failed: B' });
  });
});
