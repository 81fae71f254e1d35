import * as vm from 'node:vm';
import {
  addDays,
  addMonths,
  dayFromCell,
  dayFromIso,
  dayFromParts,
  dayOfInstant,
  formatDay,
  isDate,
  isoFromDay,
  isValidTimeZone,
  partsOfDay,
  startOfDay,
  utcOffsetMinutes,
} from '../../src/core/calendar';
import { d } from './case-fixtures';

const at = (isoInstant: string) => new Date(isoInstant);
const dayIso = (instant: string, tz: string) => isoFromDay(dayOfInstant(at(instant), tz));

const ZONES = [
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'America/Los_Angeles',
  'Europe/London',
  'Asia/Kolkata',
  'UTC',
] as const;
/** Zones whose DST change happens at midnight, so some local midnights do not exist or repeat. */
const MIDNIGHT_DST_ZONES = ['America/Santiago', 'America/Havana', 'Asia/Beirut', 'Atlantic/Azores'].filter(isValidTimeZone);

describe('dayFromIso / isoFromDay', () => {
  test('epoch and known days', () => {
    expect(dayFromIso('1970-01-01')).toBe(0);
    expect(dayFromIso('1970-01-02')).toBe(1);
    expect(dayFromIso('1969-12-31')).toBe(-1);
    expect(dayFromIso('2026-02-14')).toBe(20498);
    expect(dayFromIso('2000-03-01')).toBe(11017);
  });

  test('impossible dates are rejected', () => {
    expect(dayFromIso('2026-02-30')).toBeNull();
    expect(dayFromIso('2026-02-29')).toBeNull();
    expect(dayFromIso('2025-02-29')).toBeNull();
    expect(dayFromIso('2100-02-29')).toBeNull();
    expect(dayFromIso('2026-04-31')).toBeNull();
    expect(dayFromIso('2026-13-01')).toBeNull();
    expect(dayFromIso('2026-00-10')).toBeNull();
    expect(dayFromIso('2026-01-00')).toBeNull();
    expect(dayFromIso('2026-01-32')).toBeNull();
  });

  test('leap days that exist are accepted', () => {
    expect(isoFromDay(dayFromIso('2024-02-29') as number)).toBe('2024-02-29');
    expect(isoFromDay(dayFromIso('2000-02-29') as number)).toBe('2000-02-29');
    expect((dayFromIso('2024-03-01') as number) - (dayFromIso('2024-02-28') as number)).toBe(2);
    expect((dayFromIso('2026-03-01') as number) - (dayFromIso('2026-02-28') as number)).toBe(1);
  });

  test.each([
    '2026-2-14',
    '26-02-14',
    '2026/02/14',
    '14/02/2026',
    '2026-02-14T00:00:00Z',
    '2026-02-14 10:00',
    '20260214',
    '2026-02-1x',
    '+2026-02-14',
    '2026-02-14x',
    'February 14, 2026',
    '',
    '   ',
    '２０２６-02-14',
  ])('bad format %j → null', (text) => {
    expect(dayFromIso(text)).toBeNull();
  });

  test('surrounding spaces are ignored', () => {
    expect(dayFromIso(' 2026-02-14 ')).toBe(20498);
  });

  test('round trip for every day of 2024-2027', () => {
    const first = d('2024-01-01');
    for (let day = first; day < first + 4 * 366; day++) {
      expect(dayFromIso(isoFromDay(day))).toBe(day);
    }
    expect(isoFromDay(d('2026-12-31') + 1)).toBe('2027-01-01');
  });

  test('parts and addDays', () => {
    expect(partsOfDay(d('2026-02-14'))).toEqual({ year: 2026, month: 2, day: 14 });
    expect(dayFromParts(2026, 2, 14)).toBe(d('2026-02-14'));
    expect(isoFromDay(addDays(d('2026-02-27'), 3))).toBe('2026-03-02');
    expect(isoFromDay(addDays(d('2024-02-27'), 3))).toBe('2024-03-01');
    expect(isoFromDay(addDays(d('2026-12-30'), 5))).toBe('2027-01-04');
  });
});

describe('dayOfInstant', () => {
  test('one instant is a different calendar day on either side of the date line', () => {
    const instant = '2026-02-14T10:30:00Z';
    expect(dayIso(instant, 'Pacific/Kiritimati')).toBe('2026-02-15'); // 00:30 +14
    expect(dayIso(instant, 'Pacific/Auckland')).toBe('2026-02-14'); // 23:30 +13 (NZDT)
    expect(dayIso(instant, 'Asia/Kolkata')).toBe('2026-02-14'); // 16:00 +5:30
    expect(dayIso(instant, 'Europe/London')).toBe('2026-02-14'); // 10:30 +0
    expect(dayIso(instant, 'America/Los_Angeles')).toBe('2026-02-14'); // 02:30 -8
    expect(dayIso(instant, 'Pacific/Pago_Pago')).toBe('2026-02-13'); // 23:30 -11
  });

  test('UTC midnight', () => {
    const instant = '2026-02-14T00:00:00Z';
    expect(dayIso(instant, 'Pacific/Auckland')).toBe('2026-02-14');
    expect(dayIso(instant, 'Pacific/Kiritimati')).toBe('2026-02-14');
    expect(dayIso(instant, 'Pacific/Pago_Pago')).toBe('2026-02-13');
    expect(dayIso(instant, 'America/Los_Angeles')).toBe('2026-02-13');
    expect(dayIso(instant, 'Europe/London')).toBe('2026-02-14');
    expect(dayIso(instant, 'Asia/Kolkata')).toBe('2026-02-14');
  });

  test.each([
    ['Pacific/Auckland', '2026-02-13T11:00:00Z'],
    ['Pacific/Kiritimati', '2026-02-13T10:00:00Z'],
    ['Pacific/Pago_Pago', '2026-02-14T11:00:00Z'],
    ['America/Los_Angeles', '2026-02-14T08:00:00Z'],
    ['Europe/London', '2026-02-14T00:00:00Z'],
    ['Asia/Kolkata', '2026-02-13T18:30:00Z'],
  ])('local midnight of 2026-02-14 in %s is %s: the day turns exactly there', (tz, midnight) => {
    const t = at(midnight).getTime();
    expect(isoFromDay(dayOfInstant(new Date(t), tz))).toBe('2026-02-14');
    expect(isoFromDay(dayOfInstant(new Date(t - 1), tz))).toBe('2026-02-13');
    expect(isoFromDay(dayOfInstant(new Date(t - 1000), tz))).toBe('2026-02-13');
    expect(isoFromDay(dayOfInstant(new Date(t + 86_400_000 - 1), tz))).toBe('2026-02-14');
    expect(isoFromDay(dayOfInstant(new Date(t + 86_400_000), tz))).toBe('2026-02-15');
  });

  test('America/Los_Angeles spring forward on 2026-03-08 (a 23-hour day)', () => {
    expect(dayIso('2026-03-08T07:59:59Z', 'America/Los_Angeles')).toBe('2026-03-07');
    expect(dayIso('2026-03-08T08:00:00Z', 'America/Los_Angeles')).toBe('2026-03-08'); // 00:00 PST
    expect(dayIso('2026-03-09T06:59:59Z', 'America/Los_Angeles')).toBe('2026-03-08'); // 23:59:59 PDT
    expect(dayIso('2026-03-09T07:00:00Z', 'America/Los_Angeles')).toBe('2026-03-09'); // 00:00 PDT
    expect(dayIso('2026-03-09T07:30:00Z', 'America/Los_Angeles')).toBe('2026-03-09'); // would be 03-08 at PST
  });

  test('Pacific/Auckland fall back on 2026-04-05 (a 25-hour day)', () => {
    expect(dayIso('2026-04-04T10:59:59Z', 'Pacific/Auckland')).toBe('2026-04-04');
    expect(dayIso('2026-04-04T11:00:00Z', 'Pacific/Auckland')).toBe('2026-04-05'); // 00:00 NZDT
    expect(dayIso('2026-04-05T11:30:00Z', 'Pacific/Auckland')).toBe('2026-04-05'); // 23:30 NZST, would be 04-06 at +13
    expect(dayIso('2026-04-05T11:59:59Z', 'Pacific/Auckland')).toBe('2026-04-05');
    expect(dayIso('2026-04-05T12:00:00Z', 'Pacific/Auckland')).toBe('2026-04-06'); // 00:00 NZST
  });

  test('Pacific/Auckland spring forward on 2026-09-27', () => {
    expect(dayIso('2026-09-26T11:59:59Z', 'Pacific/Auckland')).toBe('2026-09-26');
    expect(dayIso('2026-09-26T12:00:00Z', 'Pacific/Auckland')).toBe('2026-09-27'); // 00:00 NZST
    expect(dayIso('2026-09-27T10:59:59Z', 'Pacific/Auckland')).toBe('2026-09-27');
    expect(dayIso('2026-09-27T11:00:00Z', 'Pacific/Auckland')).toBe('2026-09-28'); // 00:00 NZDT
  });

  test('Europe/London fall back on 2026-10-25 and spring forward on 2026-03-29', () => {
    expect(dayIso('2026-10-24T22:59:59Z', 'Europe/London')).toBe('2026-10-24');
    expect(dayIso('2026-10-24T23:00:00Z', 'Europe/London')).toBe('2026-10-25'); // 00:00 BST
    expect(dayIso('2026-10-25T23:30:00Z', 'Europe/London')).toBe('2026-10-25'); // 23:30 GMT
    expect(dayIso('2026-10-26T00:00:00Z', 'Europe/London')).toBe('2026-10-26');
    expect(dayIso('2026-03-28T23:59:59Z', 'Europe/London')).toBe('2026-03-28');
    expect(dayIso('2026-03-29T00:00:00Z', 'Europe/London')).toBe('2026-03-29');
    expect(dayIso('2026-03-29T22:59:59Z', 'Europe/London')).toBe('2026-03-29');
    expect(dayIso('2026-03-29T23:00:00Z', 'Europe/London')).toBe('2026-03-30'); // 00:00 BST
  });

  test('milliseconds do not matter', () => {
    expect(dayIso('2026-02-13T10:59:59.999Z', 'Pacific/Auckland')).toBe('2026-02-13');
    expect(dayIso('2026-02-13T11:00:00.001Z', 'Pacific/Auckland')).toBe('2026-02-14');
  });
});

describe('utcOffsetMinutes', () => {
  test.each([
    ['Pacific/Auckland', '2026-02-14T00:00:00Z', 780],
    ['Pacific/Auckland', '2026-07-01T00:00:00Z', 720],
    ['Pacific/Kiritimati', '2026-02-14T00:00:00Z', 840],
    ['Pacific/Pago_Pago', '2026-02-14T00:00:00Z', -660],
    ['America/Los_Angeles', '2026-02-14T00:00:00Z', -480],
    ['America/Los_Angeles', '2026-07-01T00:00:00Z', -420],
    ['Europe/London', '2026-02-14T00:00:00Z', 0],
    ['Europe/London', '2026-07-01T00:00:00Z', 60],
    ['Asia/Kolkata', '2026-02-14T00:00:00Z', 330],
    ['Asia/Kathmandu', '2026-02-14T00:00:00Z', 345],
    ['UTC', '2026-02-14T00:00:00Z', 0],
  ])('%s at %s is %d', (tz, instant, minutes) => {
    expect(utcOffsetMinutes(tz, at(instant))).toBe(minutes);
  });

  test('changes exactly at the DST transition', () => {
    // Los Angeles: 02:00 PST → 03:00 PDT on 2026-03-08 = 10:00Z.
    expect(utcOffsetMinutes('America/Los_Angeles', at('2026-03-08T09:59:59Z'))).toBe(-480);
    expect(utcOffsetMinutes('America/Los_Angeles', at('2026-03-08T10:00:00Z'))).toBe(-420);
    // Auckland: 03:00 NZDT → 02:00 NZST on 2026-04-05 = 2026-04-04T14:00Z.
    expect(utcOffsetMinutes('Pacific/Auckland', at('2026-04-04T13:59:59Z'))).toBe(780);
    expect(utcOffsetMinutes('Pacific/Auckland', at('2026-04-04T14:00:00Z'))).toBe(720);
    // London: 02:00 BST → 01:00 GMT on 2026-10-25 = 01:00Z.
    expect(utcOffsetMinutes('Europe/London', at('2026-10-25T00:59:59Z'))).toBe(60);
    expect(utcOffsetMinutes('Europe/London', at('2026-10-25T01:00:00Z'))).toBe(0);
  });

  test('sub-second instants are not rounded into a wrong offset', () => {
    expect(utcOffsetMinutes('Asia/Kolkata', at('2026-02-14T00:00:00.999Z'))).toBe(330);
  });
});

describe('startOfDay', () => {
  test.each([
    ['Pacific/Auckland', '2026-02-14', '2026-02-13T11:00:00.000Z'],
    ['Pacific/Kiritimati', '2026-02-14', '2026-02-13T10:00:00.000Z'],
    ['Pacific/Pago_Pago', '2026-02-14', '2026-02-14T11:00:00.000Z'],
    ['America/Los_Angeles', '2026-02-14', '2026-02-14T08:00:00.000Z'],
    ['Europe/London', '2026-02-14', '2026-02-14T00:00:00.000Z'],
    ['Asia/Kolkata', '2026-02-14', '2026-02-13T18:30:00.000Z'],
    ['America/Los_Angeles', '2026-03-08', '2026-03-08T08:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-09', '2026-03-09T07:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-01', '2026-11-01T07:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-02', '2026-11-02T08:00:00.000Z'],
    ['Pacific/Auckland', '2026-04-05', '2026-04-04T11:00:00.000Z'],
    ['Pacific/Auckland', '2026-04-06', '2026-04-05T12:00:00.000Z'],
    ['Pacific/Auckland', '2026-09-27', '2026-09-26T12:00:00.000Z'],
    ['Pacific/Auckland', '2026-09-28', '2026-09-27T11:00:00.000Z'],
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00.000Z'],
    ['Europe/London', '2026-10-26', '2026-10-26T00:00:00.000Z'],
    ['Europe/London', '2026-03-30', '2026-03-29T23:00:00.000Z'],
  ])('%s %s starts at %s', (tz, day, instant) => {
    expect(startOfDay(d(day), tz).toISOString()).toBe(instant);
  });

  test('where DST starts at midnight the day starts at the transition (01:00 local)', () => {
    if (isValidTimeZone('America/Santiago')) {
      // 2026-09-06 00:00 CLT (-4) does not exist; the day starts at 01:00 CLST (-3) = 04:00Z.
      expect(startOfDay(d('2026-09-06'), 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
      // 2026-04-05: 24:00 CLST goes back to 23:00 CLT; the new day starts at 00:00 CLT = 04:00Z.
      expect(startOfDay(d('2026-04-05'), 'America/Santiago').toISOString()).toBe('2026-04-05T04:00:00.000Z');
    }
    if (isValidTimeZone('America/Havana')) {
      // 2026-03-08 00:00 CST (-5) does not exist; 01:00 CDT (-4) = 05:00Z.
      expect(startOfDay(d('2026-03-08'), 'America/Havana').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    }
  });

  test.each([...ZONES, ...MIDNIGHT_DST_ZONES])(
    'in %s every day of 2026 starts on that day, and the instant before is the previous day',
    (tz) => {
      const first = d('2026-01-01');
      const last = d('2026-12-31');
      for (let day = first; day <= last; day++) {
        const start = startOfDay(day, tz);
        const back = dayOfInstant(start, tz);
        const before = dayOfInstant(new Date(start.getTime() - 1), tz);
        if (back !== day || before !== day - 1) {
          // One readable failure instead of 365 assertions.
          throw new Error(`${tz} ${isoFromDay(day)}: starts ${start.toISOString()} → ${isoFromDay(back)}, before → ${isoFromDay(before)}`);
        }
      }
    },
  );

  test('the midnight-DST zones are really exercised', () => {
    expect(MIDNIGHT_DST_ZONES).toEqual(expect.arrayContaining(['America/Santiago', 'America/Havana']));
  });
});

describe('isDate', () => {
  test('Dates, including from another realm, but not invalid ones or look-alikes', () => {
    expect(isDate(new Date(0))).toBe(true);
    expect(isDate(vm.runInNewContext('new Date(Date.UTC(2026, 1, 14))'))).toBe(true);
    expect(isDate(new Date(NaN))).toBe(false);
    expect(isDate('2026-02-14')).toBe(false);
    expect(isDate(20498)).toBe(false);
    expect(isDate({ getTime: () => 0 })).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});

describe('dayFromCell', () => {
  const tz = 'Pacific/Auckland';
  test('blanks are null', () => {
    expect(dayFromCell('', tz)).toBeNull();
    expect(dayFromCell('   ', tz)).toBeNull();
    expect(dayFromCell(null, tz)).toBeNull();
    expect(dayFromCell(undefined, tz)).toBeNull();
  });

  test('a date cell (midnight in the spreadsheet zone) is that day, in every zone', () => {
    for (const zone of ZONES) {
      expect(dayFromCell(startOfDay(d('2026-04-05'), zone), zone)).toBe(d('2026-04-05'));
    }
    expect(dayFromCell(at('2026-02-13T11:00:00Z'), 'Pacific/Auckland')).toBe(d('2026-02-14'));
    expect(dayFromCell(at('2026-02-13T11:00:00Z'), 'America/Los_Angeles')).toBe(d('2026-02-13'));
  });

  test('a Date from another realm (the Apps Script runtime) is read too', () => {
    const foreign = vm.runInNewContext('new Date(Date.UTC(2026, 1, 13, 11))');
    expect(dayFromCell(foreign, 'Pacific/Auckland')).toBe(d('2026-02-14'));
  });

  test('yyyy-mm-dd text is a date', () => {
    expect(dayFromCell('2026-02-14', tz)).toBe(d('2026-02-14'));
    expect(dayFromCell(' 2026-02-14 ', tz)).toBe(d('2026-02-14'));
  });

  test.each([
    ['garbage', 'soon'],
    ['other date format', '14/02/2026'],
    ['impossible date', '2026-02-30'],
    ['not a leap year', '2025-02-29'],
    ['serial number', 46067],
    ['zero', 0],
    ['boolean', true],
    ['invalid Date', new Date(NaN)],
    ['object', { year: 2026 }],
  ])('%s → invalid', (_label, value) => {
    expect(dayFromCell(value, tz)).toBe('invalid');
  });
});

describe('formatDay', () => {
  test('default pattern is d MMMM yyyy', () => {
    expect(formatDay(d('2026-02-14'))).toBe('14 February 2026');
    expect(formatDay(d('2026-02-14'), 'd MMMM yyyy')).toBe('14 February 2026');
    expect(formatDay(d('2026-03-05'), 'd MMMM yyyy')).toBe('5 March 2026');
  });

  test.each([
    ['dd/MM/yyyy', '05/03/2026'],
    ['M/d/yy', '3/5/26'],
    ['yyyy-MM-dd', '2026-03-05'],
    ['EEE d MMM', 'Thu 5 Mar'],
    ['EEEE, d MMMM yyyy', 'Thursday, 5 March 2026'],
    ["d 'de' MMMM", '5 de March'],
    ["'day' d", 'day 5'],
  ])('%s', (pattern, expected) => {
    expect(formatDay(d('2026-03-05'), pattern)).toBe(expected);
  });

  test('EEEE matches the real weekday for every day of 2026 and before 1970', () => {
    const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' });
    for (let day = d('2026-01-01'); day <= d('2026-12-31'); day++) {
      expect(formatDay(day, 'EEEE')).toBe(weekday.format(new Date(day * 86_400_000)));
    }
    expect(formatDay(d('1969-12-31'), 'EEEE')).toBe('Wednesday');
    expect(formatDay(d('1969-12-28'), 'EEEE')).toBe('Sunday');
    expect(formatDay(d('1970-01-01'), 'EEEE')).toBe('Thursday');
    expect(formatDay(d('2026-02-14'), 'EEEE')).toBe('Saturday');
  });
});

describe('isValidTimeZone', () => {
  test.each(['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/London', 'UTC', 'Pacific/Kiritimati'])('%s is valid', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });
  test.each(['', '  ', 'Not/AZone', 'Mars/Olympus_Mons', 'Pacific/Auckland2'])('%j is not', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
  test('non-strings are not', () => {
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
    expect(isValidTimeZone(13 as unknown as string)).toBe(false);
  });
});

describe('addMonths', () => {
  const add = (iso: string, n: number) => isoFromDay(addMonths(dayFromIso(iso) as number, n));
  test('the same day of the month, across years', () => {
    expect(add('2026-03-15', 6)).toBe('2026-09-15');
    expect(add('2026-11-30', 12)).toBe('2027-11-30');
    expect(add('2026-08-01', 6)).toBe('2027-02-01');
    expect(add('2026-05-10', 0)).toBe('2026-05-10');
  });
  test('the last day of a shorter month', () => {
    expect(add('2026-08-31', 6)).toBe('2027-02-28');
    expect(add('2027-08-31', 6)).toBe('2028-02-29');
    expect(add('2026-01-31', 3)).toBe('2026-04-30');
  });
});
