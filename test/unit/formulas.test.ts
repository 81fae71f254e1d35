import { HIGHLIGHTS, highlightFormula, parseSeparator, validationFormula, withSeparator } from '../../src/core/formulas';

describe('the formulas the add-on writes', () => {
  test('row colours: marked as ours, over the row’s deadline and status', () => {
    expect(highlightFormula('overdue', '$X2', '$Y2', 2)).toBe('=AND(N("IRT Tracker: overdue")=0, ISNUMBER($X2), $X2<TODAY())');
    expect(highlightFormula('due soon', '$X2', '$Y2', 5)).toBe('=AND(N("IRT Tracker: due soon")=0, ISNUMBER($X2), $X2>=TODAY(), $X2<=TODAY()+5)');
    expect(highlightFormula('check data', '$X2', '$Y2', 2)).toBe('=AND(N("IRT Tracker: check data")=0, $Y2="Check data")');
    expect(HIGHLIGHTS.map((h) => h.background)).toEqual(['#f4c7c3', '#fce8b2', '#e4dcf1']);
  });

  test('the ";" form changes the argument separators only, never a comma inside text', () => {
    expect(withSeparator('=AND(N("a, b")=0, X1<TODAY())', ';')).toBe('=AND(N("a, b")=0; X1<TODAY())');
    expect(withSeparator('=AND(A1, B1)', ',')).toBe('=AND(A1, B1)');
    const validation = validationFormula('C2');
    const converted = withSeparator(validation, ';');
    expect(converted.startsWith('=OR(ISBLANK(C2); REGEXMATCH(C2; "')).toBe(true);
    // The pattern itself (with its commas) is untouched.
    expect(converted.slice(converted.indexOf('"'))).toBe(validation.slice(validation.indexOf('"')));
  });

  test('a stored separator is ";" or else ","', () => {
    expect(parseSeparator(';')).toBe(';');
    expect(parseSeparator(',')).toBe(',');
    expect(parseSeparator(null)).toBe(',');
    expect(parseSeparator('|')).toBe(',');
  });
});
