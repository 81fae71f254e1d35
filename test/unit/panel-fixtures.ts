// Cases, a Roster and step helpers shared by the tests of the case panel's core modules.
import { dayFromIso, type Day } from '../../src/core/calendar';
import { blankRecord } from './case-fixtures';
import { planStep, type PanelCase, type StepFields, type StepId } from '../../src/core/case-steps';
import { defaultSettings } from '../../src/core/settings';
import type { RosterMember } from '../../src/core/subteam';

export const day = (iso: string) => dayFromIso(iso) as Day;
export const TODAY = day('2026-03-20');
export const settings = defaultSettings();

export const rosterMember = (name: string, timeZone = 'Europe/Paris', extra: Partial<RosterMember> = {}): RosterMember => ({
  name,
  email: `${name.toLowerCase()}@irt.example`,
  timeZone,
  available: true,
  unavailableUntil: null,
  row: 2,
  problem: null,
  ...extra,
});
export const roster = [rosterMember('Ana'), rosterMember('Bo'), rosterMember('Cy'), rosterMember('Di'), rosterMember('Ed', 'UTC', { available: false })];
export const ctx = { today: TODAY, roster };

export function makeCase(extra: Partial<PanelCase> = {}): PanelCase {
  const record = blankRecord({ caseId: 'IRT-2026-001', stage: 'Received', permission: 'Not asked', received: day('2026-03-01') });
  return {
    ...record,
    findings: '',
    channel: '',
    conflicts: '',
    requestedAction: '',
    behaviourDescription: '',
    reporterName: '',
    reporterEmail: '',
    reportedPartyName: '',
    reportedPartyEmail: '',
    ...extra,
  };
}

export const TEAM = 'ana@irt.example, bo@irt.example, cy@irt.example';
export const investigating = (extra: Partial<PanelCase> = {}) =>
  makeCase({
    stage: 'Investigating',
    firstReplySent: day('2026-03-02'),
    subTeam: TEAM,
    subTeamFormed: day('2026-03-05'),
    reporterNotified: day('2026-03-06'),
    ...extra,
  });

export function ok(id: StepId, c: PanelCase, fields: StepFields = {}) {
  const result = planStep(id, c, fields, ctx);
  if (!result.ok) throw new Error(result.message);
  return result;
}
export function refused(id: StepId, c: PanelCase, fields: StepFields = {}): string {
  const result = planStep(id, c, fields, ctx);
  if (result.ok) throw new Error(`expected ${id} to be refused`);
  return result.message;
}
