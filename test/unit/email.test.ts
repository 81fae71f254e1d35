import { emailProblem, isEmail, NOT_PLAIN_ASCII } from '../../src/core/email';

describe('isEmail', () => {
  test.each([
    'ana@example.org',
    'Ana.Lopez+irt@mail.example.co.uk',
    'a@b.co',
    '  ana@example.org  ',
    'o\'neil@example.org',
    'x_y-z@sub-domain.example.org',
  ])('%j is an email', (text) => {
    expect(isEmail(text)).toBe(true);
  });
  test.each([
    '',
    ' ',
    'ana',
    'ana@',
    '@example.org',
    'ana@example',
    'ana@@example.org',
    'ana@exa@mple.org',
    'ana lopez@example.org',
    'ana@exa mple.org',
    'ana@example..org',
    'ana@.example.org',
    'ana@example.org.',
    'Ana <ana@example.org>',
    'ana@example.org, bo@example.org',
    'ana@example.org;',
    '"ana"@example.org',
    `${'a'.repeat(250)}@example.org`,
  ])('%j is not', (text) => {
    expect(isEmail(text)).toBe(false);
  });
  test.each([
    'robin\u0000@example.org',
    'robin@\u202Egro.elpmaxe',
    'rob\u200Bin@example.org',
    'röbin@example.org',
    'r\u043Ebin@example.org',
    'robin@exämple.org',
  ])('%j is shaped like one but not plain ASCII: refused, saying why', (text) => {
    expect(isEmail(text)).toBe(false);
    expect(emailProblem(text)).toBe(NOT_PLAIN_ASCII);
    expect(NOT_PLAIN_ASCII).toMatch(/^holds a character other than plain ASCII/);
  });
  test('anything else that is no address says so plainly', () => {
    expect(emailProblem('Zoë <zoe@example.org>')).toBe('is not a valid email address');
    expect(emailProblem('ana@example')).toBe('is not a valid email address');
    expect(emailProblem('ana@example.org')).toBeNull();
  });
});