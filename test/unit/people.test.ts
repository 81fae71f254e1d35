import { addressProblem, conflictsProblem, emailsIn, isListed, memberEntries, parsePeople, parsePerson, subTeamProblem } from '../../src/core/people';
import { NOT_PLAIN_ASCII } from '../../src/core/email';

describe('parsePerson', () => {
  test('a bare address, a named address, a mailto link, a name', () => {
    expect(parsePerson('Ana@Example.org')).toEqual({ text: 'Ana@Example.org', address: 'Ana@Example.org', email: 'ana@example.org', name: '' });
    expect(parsePerson('Ana  Diaz <ana@example.org>')).toEqual({ text: 'Ana  Diaz <ana@example.org>', address: 'ana@example.org', email: 'ana@example.org', name: 'ana diaz' });
    expect(parsePerson('"Diaz, Ana" <mailto:ANA@example.org>').email).toBe('ana@example.org');
    expect(parsePerson('"Diaz, Ana" <mailto:ANA@example.org>').name).toBe('diaz, ana');
    expect(parsePerson('mailto:ana@example.org?subject=Hi').email).toBe('ana@example.org');
    expect(parsePerson('Bo   Smith')).toEqual({ text: 'Bo   Smith', address: null, email: null, name: 'bo smith' });
  });
  test('an entry whose address is not valid has none', () => {
    expect(parsePerson('Ana <ana@>').email).toBeNull();
    expect(parsePerson('cy@').email).toBeNull();
  });
});

describe('parsePeople', () => {
  test('commas, semicolons and new lines separate entries, but not inside quotes or brackets', () => {
    const people = parsePeople('"Diaz, Ana" <ana@x.org>; bo@x.org\nCy Li');
    expect(people.map((p) => p.email ?? p.name)).toEqual(['ana@x.org', 'bo@x.org', 'cy li']);
  });
  test('bare addresses separated by spaces count one each; a name with spaces stays one', () => {
    expect(parsePeople('a@x.org b@x.org').map((p) => p.email)).toEqual(['a@x.org', 'b@x.org']);
    expect(parsePeople('Bo Smith').map((p) => p.name)).toEqual(['bo smith']);
  });
  test('blank cells hold nobody', () => {
    expect(parsePeople('')).toEqual([]);
    expect(parsePeople(null)).toEqual([]);
    expect(parsePeople(undefined)).toEqual([]);
    expect(parsePeople(' , ;\n')).toEqual([]);
  });
});

describe('emailsIn', () => {
  test('commas, semicolons, spaces and new lines', () => {
    expect(emailsIn(' a@x.org,b@x.org ; c@x.org\n\nd@x.org ')).toEqual(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org']);
    expect(emailsIn('')).toEqual([]);
    expect(emailsIn(null)).toEqual([]);
    expect(emailsIn(undefined)).toEqual([]);
  });
  test('every form of one address is one lower-cased address; names and bad entries are dropped', () => {
    expect(emailsIn('Ana <ANA@x.org>, mailto:ana@x.org, ana@X.org, Bo Smith, cy@')).toEqual(['ana@x.org']);
    expect(emailsIn(['A@x.org', 'Bo <b@x.org>'])).toEqual(['a@x.org', 'b@x.org']);
  });
});

describe('isListed', () => {
  test('by address or by name, case- and space-insensitively', () => {
    const listed = parsePeople('ANA@irt.example;  bo   smith');
    expect(isListed({ name: 'Someone', email: 'ana@IRT.example' }, listed)).toBe(true);
    expect(isListed({ name: 'Bo Smith', email: 'b@irt.example' }, listed)).toBe(true);
    expect(isListed({ name: 'Cy', email: 'cy@irt.example' }, listed)).toBe(false);
  });
  test('a named address matches by either part', () => {
    const listed = parsePeople('Dee Jones <dee@x.org>');
    expect(isListed({ name: 'D.', email: 'DEE@x.org' }, listed)).toBe(true);
    expect(isListed({ name: 'dee  jones', email: 'other@x.org' }, listed)).toBe(true);
  });
});

describe('memberEntries', () => {
  test('each entry as its address when it has one, else as typed', () => {
    expect(memberEntries('Ana <Ana@x.org>, mailto:bo@x.org, cy')).toEqual(['Ana@x.org', 'bo@x.org', 'cy']);
  });
});

describe('subTeamProblem', () => {
  test('the named and mailto forms are members too; semicolons are not the sub-team separator', () => {
    expect(subTeamProblem('Ana <a@x.org>, mailto:b@x.org, c@x.org')).toBeNull();
    expect(subTeamProblem('"Li, Cy" <c@x.org>, a@x.org, b@x.org')).toBeNull();
    expect(subTeamProblem('a@x.org; b@x.org; c@x.org')).toBe('Sub-team needs exactly three emails separated by commas (has 1)');
  });
  test('three distinct emails are fine, with any spacing and case', () => {
    expect(subTeamProblem('ana@example.org, bo@example.org, cy@example.org')).toBeNull();
    expect(subTeamProblem('Ana@Example.org,bo@example.org ,  CY@example.org')).toBeNull();
    expect(subTeamProblem('ana@example.org, bo@example.org, cy@example.org,')).toBeNull();
  });
  test('wrong count', () => {
    expect(subTeamProblem('')).toBe('Sub-team needs exactly three emails separated by commas (has 0)');
    expect(subTeamProblem('ana@example.org')).toBe('Sub-team needs exactly three emails separated by commas (has 1)');
    expect(subTeamProblem('ana@example.org, bo@example.org')).toBe('Sub-team needs exactly three emails separated by commas (has 2)');
    expect(subTeamProblem('a@x.org, b@x.org, c@x.org, d@x.org')).toBe('Sub-team needs exactly three emails separated by commas (has 4)');
    
  });
  test('a look-alike address is named by its place, with why, never shown', () => {
    expect(subTeamProblem('ana@example.org, bo@example.org, c\u200By@example.org')).toBe(`Sub-team member 3’s email ${NOT_PLAIN_ASCII}`);
    expect(subTeamProblem('Zoë <zoë@example.org>, bo@example.org, cy@example.org')).toBe(`Sub-team member 1’s email ${NOT_PLAIN_ASCII}`);
  });
  test('invalid addresses are named', () => {
    expect(subTeamProblem('ana@example.org, bo, cy@')).toBe('Sub-team has an invalid email: bo, cy@');
  });
  test('duplicates compared case-insensitively', () => {
    expect(subTeamProblem('ana@example.org, ANA@EXAMPLE.ORG, bo@example.org')).toBe('Sub-team needs three different members');
    expect(subTeamProblem('ana@example.org, ana@example.org, ana@example.org')).toBe('Sub-team needs three different members');
  });
});

describe('addressProblem', () => {
  test('an entry written as an address must be a usable one; a name may hold any letter', () => {
    const problem = (entry: string) => addressProblem(parsePerson(entry));
    expect(problem('José Núñez')).toBeNull();
    expect(problem('ana@example.org')).toBeNull();
    expect(problem('Ana <ana@example.org>')).toBeNull();
    expect(problem('röbin@example.org')).toBe(NOT_PLAIN_ASCII);
    expect(problem('Robin <rob\u202Ein@example.org>')).toBe(NOT_PLAIN_ASCII);
    expect(problem('mailto:a\u0000@example.org')).toBe(NOT_PLAIN_ASCII);
    expect(problem('bo@')).toBe('is not a valid email address');
  });
});

describe('conflictsProblem', () => {
  test('names of any letter and usable addresses pass; an unusable address is named by its place', () => {
    expect(conflictsProblem('Zoë Brontë, José Núñez, ana@example.org, Bo <bo@example.org>')).toBeNull();
    expect(conflictsProblem('Pat Party, r\u00f6bin@example.org')).toBe(`Conflicts entry 2 ${NOT_PLAIN_ASCII}`);
    expect(conflictsProblem('bo@')).toBe('Conflicts entry 1 is not a valid email address');
  });
});
