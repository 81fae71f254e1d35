// The Log as a test about one action reads it: without the lines the fixture's own
// setup writes (setting up the tracker, refreshing, turning reminders on or off).
// Those lines are tested where they are made (tracker and reminders tests).
import type { FakeEnv } from '../../fakes';

const HOUSEKEEPING_ACTIONS: readonly string[] = ['Tracker set up', 'Deadlines refreshed', 'Reminders turned on', 'Reminders turned off'];

/** The Log sheet's rows (header included when `withHeader`), the fixture's housekeeping lines left out. */
export function actionLog(env: FakeEnv, withHeader = false): unknown[][] {
  const [header, ...rows] = env.sheetValues('Log');
  const kept = rows.filter((row) => !HOUSEKEEPING_ACTIONS.includes(String(row[3])));
  return withHeader && header ? [header, ...kept] : kept;
}
