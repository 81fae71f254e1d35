// The add-on's own Log lines for setup, refresh and reminders on/off (issue 13): the
// Log tells the whole story, in counts and settings only, never a party's details.
import { COLUMN_NAMES } from '../../src/core/columns';
import { createEnv } from '../../fakes';
import { createGas } from '../../fakes/runtime';

function tracker() {
  const env = createEnv({ spreadsheetTimeZone: 'Europe/London', activeUser: 'ada@irt.example', now: '2026-03-10T12:00:00Z' });
  const gas = createGas(env);
  return { env, gas, log: () => env.sheetValues('Log').slice(1).map((r) => r.slice(1)) };
}

describe('the add-on logs its housekeeping', () => {
  it('setup logs what it changed once; a second setup, changing nothing, logs nothing', () => {
    const { gas, log } = tracker();
    gas.run('setupTracker');
    expect(log()).toEqual([['ada@irt.example', '', 'Tracker set up', expect.stringMatching(/^sheet Cases; \d+ columns added; created Cases, Settings, Templates, Roster, Log/)]]);
    gas.run('setupTracker');
    expect(log()).toHaveLength(1);
  });

  it('refresh logs the counts only', () => {
    const { env, gas, log } = tracker();
    gas.run('setupTracker');
    const sheet = env.sheet('Cases');
    sheet.getRange(2, 1, 1, COLUMN_NAMES.length).setValues([COLUMN_NAMES.map((n) => (n === 'Case ID' ? 'IRT-2026-001' : n === 'Received' ? '2026-03-01' : n === 'Stage' ? 'Received' : n === 'Reporter name' ? 'Robin Secret' : ''))]);
    gas.run('refreshDeadlines');
    expect(log().at(-1)).toEqual(['ada@irt.example', '', 'Deadlines refreshed', '1 open case: 1 overdue, 0 due soon, 0 on track; 0 closed.']);
    expect(JSON.stringify(log())).not.toContain('Robin');
  });

  it('reminders turned on and off are logged with the hour and zone', () => {
    const { gas, log } = tracker();
    gas.run('setupTracker');
    gas.run('enableReminders');
    expect(log().at(-1)).toEqual(['ada@irt.example', '', 'Reminders turned on', 'daily at 9:00 (Europe/London)']);
    gas.run('disableReminders');
    expect(log().at(-1)).toEqual(['ada@irt.example', '', 'Reminders turned off', 'no daily run left']);
  });
});
