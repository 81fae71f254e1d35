import { dayFromIso, type Day } from '../../src/core/calendar';
import {
  LEDGER_MAX_CHARS,
  hasSent,
  parseLedger,
  pruneLedger,
  recordSent,
  serializeLedger,
  type Ledger,
} from '../../src/core/sent-ledger';

const day = (iso: string) => dayFromIso(iso) as Day;
const TODAY = day('2026-03-10');

test('records a recipient per day, case-insensitively, without duplicates', () => {
  let ledger: Ledger = {};
  expect(hasSent(ledger, TODAY, 'ann@irt.example')).toBe(false);
  ledger = recordSent(ledger, TODAY, 'Ann@IRT.example');
  ledger = recordSent(ledger, TODAY, 'ann@irt.example');
  expect(ledger).toEqual({ '2026-03-10': ['ann@irt.example'] });
  expect(hasSent(ledger, TODAY, 'ANN@irt.example')).toBe(true);
  expect(hasSent(ledger, TODAY + 1, 'ann@irt.example')).toBe(false);
  expect(hasSent(ledger, TODAY, 'bob@irt.example')).toBe(false);
});

test('recording returns a new ledger and leaves the old one alone', () => {
  const before: Ledger = { '2026-03-10': ['ann@irt.example'] };
  const after = recordSent(before, TODAY, 'bob@irt.example');
  expect(before).toEqual({ '2026-03-10': ['ann@irt.example'] });
  expect(after['2026-03-10']).toEqual(['ann@irt.example', 'bob@irt.example']);
});

test('round-trips through JSON', () => {
  const ledger = recordSent(recordSent({}, TODAY, 'a@irt.example'), TODAY - 1, 'b@irt.example');
  expect(parseLedger(serializeLedger(ledger, TODAY))).toEqual(ledger);
});

test('anything unreadable is an empty ledger, bad entries are dropped', () => {
  expect(parseLedger(null)).toEqual({});
  expect(parseLedger('')).toEqual({});
  expect(parseLedger('{not json')).toEqual({});
  expect(parseLedger('[1,2]')).toEqual({});
  expect(parseLedger('"x"')).toEqual({});
  expect(parseLedger(JSON.stringify({ '2026-03-10': ['A@x.org', 3], yesterday: ['b@x.org'], '2026-02-30': ['c@x.org'], '2026-03-09': 'd' }))).toEqual({
    '2026-03-10': ['a@x.org'],
  });
});

test('prunes days outside the kept window (and days after today)', () => {
  const ledger: Ledger = {
    '2026-03-07': ['a@x.org'],
    '2026-03-08': ['a@x.org'],
    '2026-03-09': ['b@x.org'],
    '2026-03-10': ['c@x.org'],
    '2026-03-11': ['d@x.org'],
  };
  expect(pruneLedger(ledger, TODAY)).toEqual({ '2026-03-09': ['b@x.org'], '2026-03-10': ['c@x.org'] });
  expect(pruneLedger(ledger, TODAY, 1)).toEqual({ '2026-03-10': ['c@x.org'] });
  expect(JSON.parse(serializeLedger(ledger, TODAY))).toEqual({ '2026-03-09': ['b@x.org'], '2026-03-10': ['c@x.org'] });
});

test('stays under the script-property size limit by keeping only today when needed', () => {
  let ledger: Ledger = {};
  for (let i = 0; i < 150; i++) {
    ledger = recordSent(ledger, TODAY - 1, `member.number.${i}@irt.example`);
    ledger = recordSent(ledger, TODAY, `member.number.${i}@irt.example`);
  }
  const json = serializeLedger(ledger, TODAY);
  expect(json.length).toBeLessThanOrEqual(LEDGER_MAX_CHARS);
  expect(Object.keys(JSON.parse(json))).toEqual(['2026-03-10']);
});
