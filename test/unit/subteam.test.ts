import { parsePeople } from '../../src/core/people';
import { dayFromIso, type Day } from '../../src/core/calendar';
import {
  countOpenCases,
  formatOffset,
  ineligibility,
  offsetDistance,
  offsetOnDay,
  offsetSpread,
  parseRoster,
  suggestSubTeam,
  type RosterMember,
} from '../../src/core/subteam';

const day = (iso: string) => dayFromIso(iso) as Day;
const JANUARY = day('2026-01-14');
const JULY = day('2026-07-14');

function member(name: string, timeZone: string, extra: Partial<RosterMember> = {}): RosterMember {
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}@irt.example`;
  return { name, email, timeZone, available: true, unavailableUntil: null, row: 2, problem: null, ...extra };
}

const emailsOf = (s: { members: { email: string }[] }) => s.members.map((m) => m.email.split('@')[0]).sort();

describe('offsets on a 24-hour circle', () => {
  test('the spread wraps around the date line', () => {
    // Tokyo +9, Auckland +12 (July), Honolulu -10 (= +14 around the clock): 5 hours, not 22.
    expect(offsetSpread([9 * 60, 12 * 60, -10 * 60])).toBe(5 * 60);
    expect(offsetSpread([0, 60, 120])).toBe(120);
    expect(offsetSpread([-11 * 60, 11 * 60])).toBe(2 * 60);
    expect(offsetSpread([330])).toBe(0);
    expect(offsetSpread([0, 8 * 60, 16 * 60])).toBe(16 * 60);
  });

  test('distance is the short way round', () => {
    expect(offsetDistance(12 * 60, -10 * 60)).toBe(2 * 60);
    expect(offsetDistance(0, 5 * 60 + 30)).toBe(330);
  });

  test('offsets are read on the day, so daylight saving counts', () => {
    expect(offsetOnDay('Europe/London', JANUARY)).toBe(0);
    expect(offsetOnDay('Europe/London', JULY)).toBe(60);
    expect(offsetOnDay('Pacific/Auckland', JANUARY)).toBe(13 * 60);
    expect(offsetOnDay('Pacific/Auckland', JULY)).toBe(12 * 60);
    expect(offsetOnDay('Asia/Kolkata', JULY)).toBe(330);
  });

  test('offsets are shown the way people read them', () => {
    expect(formatOffset(0)).toBe('UTC');
    expect(formatOffset(540)).toBe('UTC+9');
    expect(formatOffset(330)).toBe('UTC+5:30');
    expect(formatOffset(-600)).toBe('UTC−10');
  });
});

describe('parseRoster', () => {
  const header = ['Name', 'Email', 'Time zone', 'Available', 'Unavailable until'];

  test('reads members and validates each time zone', () => {
    const roster = parseRoster(
      [
        header,
        ['Ana', 'ana@irt.example', 'Europe/Lisbon', 'Yes', ''],
        ['Bo', 'bo@irt.example', 'Mars/Olympus', 'Yes', ''],
        ['Cy', 'cy@irt.example', 'Asia/Tokyo', 'No', ''],
        ['Di', 'di@irt.example', 'America/Chicago', '', '2026-07-20'],
        ['', '', '', '', ''],
        ['Ed', 'not-an-email', 'UTC', 'Yes', ''],
        ['Fi', 'fi@irt.example', 'UTC', 'Maybe', ''],
      ],
      'UTC',
    );
    expect(roster.members.map((m) => m.email)).toEqual(['ana@irt.example', 'bo@irt.example', 'cy@irt.example', 'di@irt.example', 'fi@irt.example']);
    expect(roster.members[1].problem).toBe('Time zone "Mars/Olympus" is not an IANA time zone name');
    expect(roster.members[2].available).toBe(false);
    expect(roster.members[3]).toMatchObject({ available: true, unavailableUntil: day('2026-07-20'), problem: null });
    expect(roster.members[4].problem).toBe('Available "Maybe" is not Yes or No');
    expect(roster.problems).toEqual([
      'Roster row 3 (bo@irt.example): Time zone "Mars/Olympus" is not an IANA time zone name',
      'Roster row 7: Email "not-an-email" is not an email address',
      'Roster row 8 (fi@irt.example): Available "Maybe" is not Yes or No',
    ]);
  });

  test('reads date cells in the spreadsheet zone and matches headers loosely', () => {
    // Midnight 20 July in Auckland is still 19 July in UTC.
    const midnight = new Date('2026-07-19T12:00:00Z');
    const roster = parseRoster([['name', 'E-mail', 'Timezone', 'available', 'unavailable until'], ['Ana', 'ana@irt.example', 'UTC', 'yes', midnight]], 'Pacific/Auckland');
    expect(roster.members[0].unavailableUntil).toBe(day('2026-07-20'));
  });

  test('says which columns are missing', () => {
    expect(parseRoster([['Name', 'Email']], 'UTC')).toEqual({ members: [], problems: ['The Roster sheet has no Time zone column'] });
  });

  test('a member listed twice is kept once', () => {
    const roster = parseRoster([header, ['A', 'a@irt.example', 'UTC', 'Yes', ''], ['A again', 'A@irt.example', 'UTC', 'Yes', '']], 'UTC');
    expect(roster.members).toHaveLength(1);
    expect(roster.problems).toEqual(['Roster row 3: A@irt.example is listed twice']);
  });
});

describe('eligibility', () => {
  test('conflicts match an email or a name, case- and space-insensitively', () => {
    const conflicts = parsePeople('ANA@irt.example;  bo   smith\n');
    expect(conflicts.map((p) => p.email ?? p.name)).toEqual(['ana@irt.example', 'bo smith']);
    expect(ineligibility(member('Ana', 'UTC'), JULY, conflicts)).toBe('listed in this case’s Conflicts');
    expect(ineligibility(member('Bo Smith', 'UTC'), JULY, conflicts)).toBe('listed in this case’s Conflicts');
    expect(ineligibility(member('Cy', 'UTC'), JULY, conflicts)).toBeNull();
  });

  test('unavailable until a day includes that day', () => {
    const away = member('Di', 'UTC', { unavailableUntil: JULY });
    expect(ineligibility(away, JULY, [])).toBe('unavailable until 2026-07-14');
    expect(ineligibility(away, JULY + 1, [])).toBeNull();
    expect(ineligibility(member('Ed', 'UTC', { available: false }), JULY, [])).toBe('not available (Available is No)');
  });
});

describe('suggestSubTeam', () => {
  const europe = [member('Reykjavik', 'Atlantic/Reykjavik'), member('London', 'Europe/London'), member('Berlin', 'Europe/Berlin'), member('Joburg', 'Africa/Johannesburg')];

  test('daylight saving changes the best team between January and July', () => {
    // January: 0, 0, +1, +2 → Reykjavik, London, Berlin span 1 h.
    const winter = suggestSubTeam({ roster: europe, openCases: {}, day: JANUARY });
    expect(winter.complete).toBe(true);
    expect(emailsOf(winter)).toEqual(['berlin', 'london', 'reykjavik']);
    expect(winter.spreadMinutes).toBe(60);
    // July: 0, +1, +2, +2 → London, Berlin, Johannesburg span 1 h.
    const summer = suggestSubTeam({ roster: europe, openCases: {}, day: JULY });
    expect(emailsOf(summer)).toEqual(['berlin', 'joburg', 'london']);
    expect(summer.spreadMinutes).toBe(60);
    expect(summer.members.find((m) => m.name === 'London')?.reason).toBe(
      'London: Europe/London (UTC+1 on 14 July 2026); 0 open cases; within 1 h of the others.',
    );
    expect(summer.summary).toBe('These 3 span 1 h of UTC offsets on 14 July 2026; 0 open cases between them.');
  });

  test('the spread wraps around the date line', () => {
    const roster = [
      member('Auckland', 'Pacific/Auckland'),
      member('Honolulu', 'Pacific/Honolulu'),
      member('Tokyo', 'Asia/Tokyo'),
      member('Berlin', 'Europe/Berlin'),
      member('Sao Paulo', 'America/Sao_Paulo'),
    ];
    const s = suggestSubTeam({ roster, openCases: {}, day: JULY });
    expect(emailsOf(s)).toEqual(['auckland', 'honolulu', 'tokyo']);
    expect(s.spreadMinutes).toBe(5 * 60);
    expect(s.members.find((m) => m.name === 'Honolulu')?.reason).toContain('Pacific/Honolulu (UTC−10 on 14 July 2026)');
    // In January Auckland is +13: the three still span 5 h (Tokyo +9 … Honolulu −10 = +14).
    expect(suggestSubTeam({ roster, openCases: {}, day: JANUARY }).spreadMinutes).toBe(5 * 60);
  });

  test('never suggests an unavailable or conflicted member', () => {
    const roster = [
      member('Ana', 'Europe/Paris'),
      member('Bo', 'Europe/Paris', { available: false }),
      member('Cy', 'Europe/Paris', { unavailableUntil: JULY + 3 }),
      member('Di', 'Europe/Paris'),
      member('Ed', 'Europe/Paris'),
      member('Fi', 'America/New_York'),
      member('Gu', 'Asia/Tokyo', { problem: 'Time zone is missing' }),
    ];
    const s = suggestSubTeam({ roster, openCases: {}, day: JULY, conflicts: 'ed@irt.example' });
    expect(emailsOf(s)).toEqual(['ana', 'di', 'fi']);
    expect(s.excluded).toEqual([
      { name: 'Bo', email: 'bo@irt.example', reason: 'not available (Available is No)' },
      { name: 'Cy', email: 'cy@irt.example', reason: 'unavailable until 2026-07-17' },
      { name: 'Ed', email: 'ed@irt.example', reason: 'listed in this case’s Conflicts' },
      { name: 'Gu', email: 'gu@irt.example', reason: 'Time zone is missing' },
    ]);
  });

  test('prefers members with fewer open cases', () => {
    const roster = ['A', 'B', 'C', 'D'].map((n) => member(n, 'Europe/Madrid'));
    const s = suggestSubTeam({ roster, openCases: { 'b@irt.example': 4, 'c@irt.example': 1 }, day: JULY });
    expect(emailsOf(s)).toEqual(['a', 'c', 'd']);
    expect(s.members.find((m) => m.name === 'C')?.reason).toContain('1 open case;');
  });

  test('an overloaded member loses to one a little further away', () => {
    // Overloaded Berlin (+2) vs free London (+1): 3 cases cost more than 1 hour of spread.
    const roster = [member('Paris', 'Europe/Paris'), member('Rome', 'Europe/Rome'), member('Berlin', 'Europe/Berlin'), member('London', 'Europe/London')];
    const s = suggestSubTeam({ roster, openCases: { 'berlin@irt.example': 3 }, day: JULY });
    expect(emailsOf(s)).toEqual(['london', 'paris', 'rome']);
  });

  test('stays close to the parties when their zones are known', () => {
    // Two equally tight groups: three at +9 (Tokyo, Seoul) and three at +8 (Manila, Perth, Singapore).
    const roster = [
      member('Ai', 'Asia/Tokyo'),
      member('Bo', 'Asia/Seoul'),
      member('Cy', 'Asia/Tokyo'),
      member('Di', 'Asia/Manila'),
      member('Ed', 'Australia/Perth'),
      member('Fi', 'Asia/Singapore'),
    ];
    expect(emailsOf(suggestSubTeam({ roster, openCases: {}, day: JULY }))).toEqual(['ai', 'bo', 'cy']);
    // A party in Jakarta (+7) tips it to the group one hour closer.
    const withParty = suggestSubTeam({ roster, openCases: {}, day: JULY, partyTimeZones: ['Asia/Jakarta', 'Not/AZone', ''] });
    expect(emailsOf(withParty)).toEqual(['di', 'ed', 'fi']);
    expect(withParty.ignoredTimeZones).toEqual(['Not/AZone']);
    expect(withParty.members.find((m) => m.name === 'Di')?.reason).toBe(
      'Di: Asia/Manila (UTC+8 on 14 July 2026); 0 open cases; within 0 h of the others; 1 h from the nearest party.',
    );
    expect(withParty.summary).toBe(
      'These 3 span 0 h of UTC offsets on 14 July 2026; every party is within 1 h of a member; 0 open cases between them.',
    );
  });

  test('fewer than three eligible members: says so and suggests what there is', () => {
    const roster = [member('Ana', 'UTC'), member('Bo', 'UTC', { available: false }), member('Cy', 'UTC')];
    const s = suggestSubTeam({ roster, openCases: {}, day: JULY });
    expect(s.complete).toBe(false);
    expect(emailsOf(s)).toEqual(['ana', 'cy']);
    expect(s.summary).toBe('Only 2 eligible members on 14 July 2026: a sub-team needs 3. Add members to the Roster or update their availability.');
  });

  test('a replacement keeps the other two and picks the best third', () => {
    const roster = [member('Ana', 'Europe/Paris'), member('Bo', 'Europe/Paris'), member('Cy', 'Asia/Tokyo'), member('Di', 'America/Chicago'), member('Ed', 'Africa/Lagos')];
    const s = suggestSubTeam({ roster, openCases: {}, day: JULY, keep: ['ANA@irt.example', 'bo@irt.example'] });
    expect(s.complete).toBe(true);
    expect(emailsOf(s)).toEqual(['ana', 'bo', 'ed']);
    expect(s.members.filter((m) => m.kept).map((m) => m.name)).toEqual(['Ana', 'Bo']);
    expect(s.members[0].reason.startsWith('Ana: stays on the sub-team;')).toBe(true);
  });

  test('ties are broken the same way every time', () => {
    const roster = ['E', 'D', 'C', 'B', 'A'].map((n) => member(n, 'UTC'));
    expect(emailsOf(suggestSubTeam({ roster, openCases: {}, day: JULY }))).toEqual(['a', 'b', 'c']);
  });
});

test('countOpenCases counts each member per sub-team, case-insensitively', () => {
  expect(countOpenCases(['a@x.org, B@x.org, c@x.org', 'b@x.org,d@x.org,a@x.org', ''])).toEqual({
    'a@x.org': 2,
    'b@x.org': 2,
    'c@x.org': 1,
    'd@x.org': 1,
  });
});
