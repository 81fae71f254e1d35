import { dayFromIso, type Day } from '../../src/core/calendar';
import { LEGACY_LEDGER_PROPERTY, parseSentKey, sentKey, sentOn, staleLedgerKeys } from '../../src/core/sent-ledger';

const day = (iso: string) => dayFromIso(iso) as Day;
const TODAY = day('2026-03-10');
const recorded = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, '1']));

test('one key per recipient and day, case-insensitive', () => {
  expect(sentKey(TODAY, ' Ann@IRT.example ')).toBe('IRT_SENT|2026-03-10|ann@irt.example');
  expect(parseSentKey('IRT_SENT|2026-03-10|ann@irt.example')).toEqual({ day: TODAY, recipient: 'ann@irt.example' });
  for (const other of ['IRT_SENT|2026-02-30|a@x.org', 'IRT_SENT|2026-03-10|', 'IRT_SENT|2026-03-10', 'IRT_NEXT_ID', 'IRT_SENT|20260310|a@x.org'])
    expect(parseSentKey(other)).toBeNull();
});

test('sentOn lists the day’s recipients only, and reads nothing else as sent', () => {
  const properties = {
    ...recorded(sentKey(TODAY, 'ann@irt.example'), sentKey(TODAY, 'Bob@irt.example'), sentKey(TODAY - 1, 'cat@irt.example')),
    IRT_REMINDERS: '{"owners":["ann@irt.example"]}',
  };
  expect([...sentOn(properties, TODAY)].sort()).toEqual(['ann@irt.example', 'bob@irt.example']);
  expect([...sentOn(properties, TODAY - 1)]).toEqual(['cat@irt.example']);
  expect(sentOn(properties, TODAY + 1).size).toBe(0);
});

test('the legacy one-property ledger of earlier versions still counts (an upgrade mid-day sends nothing twice)', () => {
  const legacy = { [LEGACY_LEDGER_PROPERTY]: JSON.stringify({ '2026-03-10': ['A@x.org', 3], '2026-03-09': 'd', yesterday: ['b@x.org'] }) };
  expect([...sentOn({ ...legacy, ...recorded(sentKey(TODAY, 'c@x.org')) }, TODAY)].sort()).toEqual(['a@x.org', 'c@x.org']);
  for (const unreadable of ['', '{not json', '[1,2]', '"x"']) expect(sentOn({ [LEGACY_LEDGER_PROPERTY]: unreadable }, TODAY).size).toBe(0);
});

test('prunes days outside the kept window (and days after today), the legacy value once it is old, nothing else', () => {
  const properties = {
    ...recorded(...['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11'].map((iso) => sentKey(day(iso), 'a@x.org'))),
    'IRT_SENT|garbage': '1',
    IRT_REMINDERS: '{}',
    [LEGACY_LEDGER_PROPERTY]: JSON.stringify({ '2026-03-08': ['a@x.org'] }),
  };
  expect(staleLedgerKeys(properties, TODAY).sort()).toEqual([
    'IRT_REMINDERS_SENT',
    'IRT_SENT|2026-03-07|a@x.org',
    'IRT_SENT|2026-03-08|a@x.org',
    'IRT_SENT|2026-03-11|a@x.org',
    'IRT_SENT|garbage',
  ]);
  expect(staleLedgerKeys({ [LEGACY_LEDGER_PROPERTY]: JSON.stringify({ '2026-03-10': ['a@x.org'] }) }, TODAY)).toEqual([]);
  expect(staleLedgerKeys(properties, TODAY, 1)).toContain('IRT_SENT|2026-03-09|a@x.org');
});

test('each property stays tiny whatever the team size', () => {
  const keys = Array.from({ length: 2_000 }, (_, i) => sentKey(TODAY, `member.number.${i}@irt.example`));
  expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(60);
  expect(sentOn(recorded(...keys), TODAY).size).toBe(2_000);
});
