import { unavailability } from '../../src/core/roster';
import { d } from './case-fixtures';

describe('unavailability: what the Roster says of a member on a day', () => {
  test('Available No, or Unavailable until that day or later; otherwise available', () => {
    const today = d('2026-03-20');
    expect(unavailability({ available: true, unavailableUntil: null }, today)).toBeNull();
    expect(unavailability({ available: false, unavailableUntil: null }, today)).toBe('not available (Available is No)');
    expect(unavailability({ available: true, unavailableUntil: d('2026-04-30') }, today)).toBe('unavailable until 2026-04-30');
    expect(unavailability({ available: true, unavailableUntil: today }, today)).toBe('unavailable until 2026-03-20');
    expect(unavailability({ available: true, unavailableUntil: d('2026-03-19') }, today)).toBeNull();
  });
});
