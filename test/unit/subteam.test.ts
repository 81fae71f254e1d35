import { dayFromIso, type Day } from '../../src/core/calendar';
import {
  NO_EXCLUSIONS,
  caseExclusions,
  conflictOf,
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
    const conflicts = caseExclusions({ conflicts: 'ANA@irt.example;  bo   smith\n' });
    expect(conflicts.conflicts.map((p) => p.email ?? p.name)).toEqual(['ana@irt.example', 'bo smith']);
    expect(ineligibility(member('Ana', 'UTC'), JULY, conflicts)).toBe('listed in this case’s Conflicts');
    expect(ineligibility(member('Bo Smith', 'UTC'), JULY, conflicts)).toBe('listed in this case’s Conflicts');
    expect(ineligibility(member('Cy', 'UTC'), JULY, conflicts)).toBeNull();
  });

  test('the case’s parties, by email in any form or by Roster name, whatever else the Roster says', () => {
    const parties = caseExclusions({
      reporterName: 'Diaz, Ana', // one name, commas and all
      reporterEmail: 'mailto:Robin@Parties.example',
      reportedPartyName: '',
      reportedPartyEmail: 'Sam Smith <sam@irt.example>',
    });
    expect(ineligibility(member('Diaz, Ana', 'UTC'), JULY, parties)).toBe('the reporter of this case');
    expect(ineligibility(member('Ana', 'UTC'), JULY, parties)).toBeNull();
    expect(ineligibility({ ...member('R', 'UTC'), email: 'robin@parties.example' }, JULY, parties)).toBe('the reporter of this case');
    // The reported party's address matches; so does the name written with it.
    expect(ineligibility(member('Sam', 'UTC'), JULY, parties)).toBe('the reported party of this case');
    expect(ineligibility({ ...member('Sam Smith', 'UTC'), email: 'other@irt.example' }, JULY, parties)).toBe('the reported party of this case');
    expect(ineligibility(member('Sam', 'UTC', { available: false }), JULY, parties)).toBe('the reported party of this case');
  });

  test('a conflict holds whatever the day and whatever the Roster says: for sub-team members already recorded', () => {
    const exclusions = caseExclusions({ reportedPartyEmail: 'Zed <zed@irt.example>', conflicts: 'Ana' });
    expect(conflictOf({ name: '', email: 'ZED@irt.example' }, exclusions)).toBe('the reported party of this case');
    expect(conflictOf(member('Ana', 'UTC', { available: false, problem: 'Time zone is missing' }), exclusions)).toBe('listed in this case’s Conflicts');
    expect(conflictOf(member('Bo', 'UTC', { available: false }), exclusions)).toBeNull();
  });

  test('unavailable until a day includes that day', () => {
    const away = member('Di', 'UTC', { unavailableUntil: JULY });
    expect(ineligibility(away, JULY, NO_EXCLUSIONS)).toBe('unavailable until 2026-07-14');
    expect(ineligibility(away, JULY + 1, NO_EXCLUSIONS)).toBeNull();
    expect(ineligibility(member('Ed', 'UTC', { available: false }), JULY, NO_EXCLUSIONS)).toBe('not available (Available is No)');
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
    expect(summer.summary).toBe(
      'These 3 span 1 h of UTC offsets on 14 July 2026; 0 open cases between them. No group is tighter or carries fewer open cases.',
    );
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
    const s = suggestSubTeam({ roster, openCases: {}, day: JULY, exclusions: caseExclusions({ conflicts: 'ed@irt.example' }) });
    expect(emailsOf(s)).toEqual(['ana', 'di', 'fi']);
    expect(s.excluded).toEqual([
      { name: 'Bo', email: 'bo@irt.example', reason: 'not available (Available is No)' },
      { name: 'Cy', email: 'cy@irt.example', reason: 'unavailable until 2026-07-17' },
      { name: 'Ed', email: 'ed@irt.example', reason: 'listed in this case’s Conflicts' },
      { name: 'Gu', email: 'gu@irt.example', reason: 'Time zone is missing' },
    ]);
  });

  test('never suggests a party of the case, and leaves them out without naming them', () => {
    const roster = ['Ana', 'Bo', 'Cy', 'Di', 'Ed'].map((n) => member(n, 'Europe/Paris'));
    const exclusions = caseExclusions({ reporterEmail: 'ANA@irt.example', reportedPartyName: 'bo', conflicts: 'Cy' });
    const s = suggestSubTeam({ roster, openCases: {}, day: JULY, exclusions });
    expect(s.complete).toBe(false);
    expect(emailsOf(s)).toEqual(['di', 'ed']);
    expect(s.partiesLeftOut).toBe(2);
    expect(s.excluded).toEqual([{ name: 'Cy', email: 'cy@irt.example', reason: 'listed in this case’s Conflicts' }]);
    const more = suggestSubTeam({ roster: [...roster, member('Fi', 'Europe/Paris')], openCases: {}, day: JULY, exclusions });
    expect(emailsOf(more)).toEqual(['di', 'ed', 'fi']);
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
      'These 3 span 0 h of UTC offsets on 14 July 2026; every party is within 1 h of a member; 0 open cases between them. ' +
        'No group is tighter, closer to the parties or carries fewer open cases.',
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

describe('the fast search chooses what the exhaustive search of the rule chooses', () => {
  // The rule written out independently: every group of members, scored and ordered
  // exactly as the README says, the first one wins.
  const MINUTES = 24 * 60;
  const mod = (m: number) => ((m % MINUTES) + MINUTES) % MINUTES;
  const spreadOf = (offsets: number[]) =>
    Math.min(...offsets.map((start) => Math.max(...offsets.map((o) => mod(o - start)))));
  const distance = (a: number, b: number) => Math.min(mod(a - b), mod(b - a));

  interface Scored {
    emails: string[];
    spread: number;
    open: number;
    party: number;
    score: number;
  }
  function byRule(a: Scored, b: Scored): number {
    if (a.score !== b.score) return a.score - b.score;
    if (a.spread !== b.spread) return a.spread - b.spread;
    if (a.open !== b.open) return a.open - b.open;
    for (let i = 0; i < a.emails.length; i++) if (a.emails[i] !== b.emails[i]) return a.emails[i] < b.emails[i] ? -1 : 1;
    return 0;
  }
  function everyGroup(request: Parameters<typeof suggestSubTeam>[0]): Scored[] {
    const keep = (request.keep ?? []).map((e) => e.toLowerCase());
    const kept = request.roster.filter((m) => keep.includes(m.email.toLowerCase()));
    const exclusions = request.exclusions ?? NO_EXCLUSIONS;
    const pool = request.roster.filter((m) => !keep.includes(m.email.toLowerCase()) && ineligibility(m, request.day, exclusions) === null);
    const parties = (request.partyTimeZones ?? []).map((z) => offsetOnDay(z, request.day));
    const need = 3 - kept.length;
    const groups: Scored[] = [];
    const pick = (from: number, chosen: RosterMember[]) => {
      if (chosen.length === need) {
        const group = [...kept, ...chosen];
        const offsets = group.map((m) => offsetOnDay(m.timeZone, request.day));
        const spread = spreadOf(offsets);
        const open = group.reduce((sum, m) => sum + (request.openCases[m.email.toLowerCase()] ?? 0), 0);
        const party = parties.length ? Math.max(...parties.map((p) => Math.min(...offsets.map((o) => distance(o, p))))) : 0;
        groups.push({ emails: group.map((m) => m.email.toLowerCase()).sort(), spread, open, party, score: spread + 60 * open + 0.5 * party });
        return;
      }
      for (let i = from; i < pool.length; i++) pick(i + 1, [...chosen, pool[i]]);
    };
    pick(0, []);
    return groups;
  }
  const first = (groups: Scored[], order: (a: Scored, b: Scored) => number) => [...groups].sort(order)[0];
  const scoreOf = (g: Scored) => ({ spreadMinutes: g.spread, openCases: g.open, partyMinutes: g.party, score: g.score });

  // Zones with DST both ways, half and quarter hours, both sides of the date line.
  const ZONES = [
    'UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Helsinki', 'Africa/Lagos', 'Asia/Kolkata', 'Asia/Kathmandu',
    'Asia/Tokyo', 'Australia/Adelaide', 'Pacific/Auckland', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Pacific/Honolulu',
    'Pacific/Pago_Pago', 'America/St_Johns', 'America/Sao_Paulo', 'America/New_York', 'America/Los_Angeles',
  ];
  // A small seeded generator (mulberry32), so a failure can be replayed.
  function random(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  test('on 600 small random Rosters (seeded), with ties, loads, parties, conflicts and replacements', () => {
    const next = random(20260314);
    const int = (n: number) => Math.floor(next() * n);
    let compared = 0;
    let traded = 0;
    for (let run = 0; run < 600; run++) {
      // Few zones per Roster, so many members share an offset and ties are common.
      const zones = Array.from({ length: 1 + int(5) }, () => ZONES[int(ZONES.length)]);
      const size = 3 + int(10);
      const roster = Array.from({ length: size }, (_, i) =>
        member(`M${String.fromCharCode(97 + int(26))}${i}`, zones[int(zones.length)], {
          available: next() > 0.15,
          unavailableUntil: next() < 0.1 ? JULY + int(3) - 1 : null,
        }),
      );
      const openCases: Record<string, number> = {};
      const loads = int(3); // 0: nobody loaded (ties on emails), else up to 2 or 4 cases each
      for (const m of roster) if (loads && next() < 0.6) openCases[m.email] = int(loads * 2 + 1);
      const partyTimeZones = Array.from({ length: int(3) }, () => ZONES[int(ZONES.length)]);
      const exclusions = caseExclusions({ conflicts: next() < 0.3 ? roster[int(size)].email : '', reporterName: next() < 0.3 ? roster[int(size)].name : '' });
      const keep = next() < 0.25 ? roster.slice(0, 1 + int(2)).map((m) => m.email) : [];
      const day = next() < 0.5 ? JANUARY : JULY;
      const request = { roster, openCases, partyTimeZones, exclusions, keep, day };

      const groups = everyGroup(request);
      const fast = suggestSubTeam(request);
      if (groups.length === 0) {
        expect(fast.complete).toBe(false);
        continue;
      }
      compared++;
      const best = first(groups, byRule);
      expect([run, fast.members.map((m) => m.email.toLowerCase()).sort()]).toEqual([run, best.emails]);
      expect([run, fast.score]).toEqual([run, scoreOf(best)]);
      // What the explanation says was traded is true of every group.
      expect([run, fast.bestBy]).toEqual([
        run,
        {
          spread: scoreOf(first(groups, (a, b) => a.spread - b.spread || byRule(a, b))),
          openCases: scoreOf(first(groups, (a, b) => a.open - b.open || byRule(a, b))),
          parties: partyTimeZones.length ? scoreOf(first(groups, (a, b) => a.party - b.party || byRule(a, b))) : null,
        },
      ]);
      if (fast.trades.length) traded++;
    }
    // The comparison covered real choices, many of them trades.
    expect(compared).toBeGreaterThan(400);
    expect(traded).toBeGreaterThan(50);
  });
});

describe('the explanation states the trade', () => {
  test('a wider spread for fewer open cases', () => {
    const roster = [
      member('London', 'Europe/London'),
      member('Berlin', 'Europe/Berlin'),
      member('Paris', 'Europe/Paris'),
      member('Lagos', 'Africa/Lagos'),
      member('Athens', 'Europe/Athens'),
    ];
    // January: London 0, Berlin/Paris/Lagos +1, Athens +2. The tightest, Berlin/Paris/Lagos (0 h),
    // carries 6 cases; London, Berlin and Athens span 2 h with none.
    const openCases = { 'berlin@irt.example': 0, 'paris@irt.example': 3, 'lagos@irt.example': 3 };
    const s = suggestSubTeam({ roster, openCases, day: JANUARY });
    expect(emailsOf(s)).toEqual(['athens', 'berlin', 'london']);
    expect(s.summary).toBe('These 3 span 2 h of UTC offsets on 14 January 2026; 0 open cases between them.');
    expect(s.trades).toEqual(['2 h spread rather than 0 h, for 6 fewer open cases.']);
  });

  test('a wider spread for fewer open cases and a closer party', () => {
    const roster = [
      member('A', 'UTC'), member('B', 'UTC'), member('C', 'UTC'), member('D', 'UTC'),
      member('E', 'Asia/Dhaka'), member('F', 'Asia/Dhaka'),
    ];
    const openCases = { 'a@irt.example': 2, 'b@irt.example': 2, 'c@irt.example': 2 };
    // D, E, F: 6 h + 0 cases + 0 h to the party in Dhaka (+6) = 360, against D, A, B: 0 h + 4 cases + 6 h × ½ = 420.
    const s = suggestSubTeam({ roster, openCases, day: JULY, partyTimeZones: ['Asia/Dhaka'] });
    expect(emailsOf(s)).toEqual(['d', 'e', 'f']);
    expect(s.score).toEqual({ spreadMinutes: 360, openCases: 0, partyMinutes: 0, score: 360 });
    expect(s.trades).toEqual(['6 h spread rather than 0 h, for 4 fewer open cases and the farthest party 6 h closer.']);
  });

  test('more open cases for a tighter group, and closer parties', () => {
    const roster = [member('Tokyo', 'Asia/Tokyo'), member('Seoul', 'Asia/Seoul'), member('Osaka', 'Asia/Tokyo'), member('Lima', 'America/Lima')];
    const s = suggestSubTeam({ roster, openCases: { 'osaka@irt.example': 1 }, day: JULY, partyTimeZones: ['Asia/Tokyo', 'America/Lima'] });
    // Lima (−5) is 10 h from Tokyo (+9) round the clock. Tokyo, Seoul and Lima carry no case and
    // reach both parties, but 10 h more spread costs more than Osaka's one case and 10 h to the Lima party (5 h).
    expect(emailsOf(s)).toEqual(['osaka', 'seoul', 'tokyo']);
    expect(s.summary).toBe('These 3 span 0 h of UTC offsets on 14 July 2026; every party is within 10 h of a member; 1 open case between them.');
    expect(s.trades).toEqual(['1 open case rather than 0 and the farthest party 10 h from a member rather than 0 h, for 10 h less spread.']);
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
