import { rowProblems } from '../../src/core/row-checks';
import { blankRecord, d, investigating } from './case-fixtures';

describe('rowProblems: the checks behind Check data', () => {
  test('a good row has none', () => {
    expect(rowProblems(investigating())).toEqual([]);
    expect(rowProblems(investigating({ permission: '', outcome: '' }))).toEqual([]);
  });

  test('every problem, in the order the engine reports them', () => {
    const c = blankRecord({
      stage: 'Waiting',
      received: 'invalid',
      firstReplySent: 'invalid',
      permission: 'Maybe',
      outcome: 'Ban',
    });
    expect(rowProblems(c)).toEqual([
      'Received is not a date',
      'Stage "Waiting" is not one of Received, Assessing, Not a violation, Sub-team formed, Investigating, Decision, Closed',
      'First reply sent is not a date',
      'Permission to notify reported party "Maybe" is not one of Yes, No, Not asked',
      'Outcome "Ban" is not one of Correction, Warning, Temporary ban, Permanent ban, No action',
    ]);
    expect(rowProblems(blankRecord({ stage: '' }))).toEqual(['Received is missing', 'Stage is missing']);
    expect(rowProblems(investigating({ stage: 'Closed' }))).toEqual(['Stage is Closed but the Closed date is missing']);
    expect(rowProblems(investigating({ closed: 'invalid' }))).toEqual(['Closed is not a date']);
  });

  test('the Assessment: one of its words, and telling the same story as the stage', () => {
    expect(rowProblems(investigating({ assessment: 'Possible violation' }))).toEqual([]);
    expect(rowProblems(investigating({ assessment: 'Not a violation' }))).toEqual(['Assessment is Not a violation but Stage is Investigating']);
    expect(rowProblems(blankRecord({ stage: 'Not a violation', received: d('2026-01-05'), assessment: 'Possible violation' }))).toEqual([
      'Assessment is Possible violation but Stage is Not a violation',
    ]);
    expect(rowProblems(blankRecord({ stage: 'Assessing', received: d('2026-01-05'), assessment: 'Dunno' }))).toEqual([
      'Assessment "Dunno" is not one of Possible violation, Not a violation',
    ]);
  });

  test('a closed case is checked only for its receipt', () => {
    const closed = investigating({ stage: 'Nonsense', firstReplySent: 'invalid', closed: d('2026-02-01') });
    expect(rowProblems(closed)).toEqual([]);
    expect(rowProblems({ ...closed, received: null })).toEqual(['Received is missing']);
  });
});
