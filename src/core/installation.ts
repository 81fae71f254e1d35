// Check this installation: what the add-on writes on a temporary sheet to ask
// Google the questions only Google can answer (does a date land on the right
// calendar day, does text stay text, do our formulas evaluate as the core expects
// in this spreadsheet's locale), and how each answer is judged and said. Pure.

import { isoFromDay, type Day } from './calendar';
import { HIGHLIGHTS, highlightFormula, validationFormula, withSeparator, type HighlightKey, type Separator } from './formulas';

/** One named check: passed or failed, what was seen, and what to do. JSON-safe. */
export interface InstallCheck {
  name: string;
  passed: boolean;
  seen: string;
  todo: string;
}

export interface InstallationReport {
  checks: InstallCheck[];
  passed: number;
  failed: number;
  /** One line for the Log: counts and the names of failed checks only. */
  summary: string;
}

export const CHECK = {
  tracker: 'Tracker set up',
  calendar: 'Calendar day in the spreadsheet’s zone',
  values: 'Dates, numbers and text on a sheet',
  highlighting: 'Row colour formulas',
  validation: 'Sub-team validation formula',
  lock: 'Document lock',
  property: 'Document properties',
  trigger: 'Reminder trigger',
  quota: 'Mail quota',
  draft: 'Gmail draft',
} as const;

/** Sample rows: a deadline (null: none), its status, and which colour rule must match it. */
export interface FormulaSample {
  label: string;
  deadline: Day | null;
  status: string;
  colour: HighlightKey | null;
  subTeam: string;
  subTeamValid: boolean;
}

export function formulaSamples(today: Day, dueSoonDays: number): FormulaSample[] {
  const team = 'ana@example.org, ben@example.org, chi@example.org';
  return [
    { label: 'an overdue row', deadline: today - 1, status: 'Overdue', colour: 'overdue', subTeam: team, subTeamValid: true },
    { label: 'a row due soon', deadline: today, status: 'Due soon', colour: 'due soon', subTeam: 'ana@example.org', subTeamValid: false },
    { label: 'a row on track', deadline: today + dueSoonDays + 3, status: 'On track', colour: null, subTeam: '', subTeamValid: true },
    { label: 'a row to check', deadline: null, status: 'Check data', colour: 'check data', subTeam: 'ana@example.org, ana@example.org', subTeamValid: false },
  ];
}

/** Values round-tripped through a sheet: a date, a number, a text that starts with '='. */
export const ROUND_TRIP = { number: 1234.5, text: '=1+1' } as const;

/**
 * The formulas for the sample rows, one row each: the three colour rules (over
 * column A's deadline and column B's status) then the Sub-team rule (over column C).
 */
export function sampleFormulas(samples: readonly FormulaSample[], dueSoonDays: number, separator: Separator): string[][] {
  return samples.map((_, i) => {
    const row = i + 1;
    return [
      ...HIGHLIGHTS.map((h) => withSeparator(highlightFormula(h.key, `$A${row}`, `$B${row}`, dueSoonDays), separator)),
      withSeparator(validationFormula(`C${row}`), separator),
    ];
  });
}

const shown = (v: unknown) => (v === true ? 'TRUE' : v === false ? 'FALSE' : v === '' || v === null || v === undefined ? 'blank' : String(v));

/** What differs from the core's expectation, per family: colours and validation. */
export function formulaMismatches(samples: readonly FormulaSample[], evaluated: readonly (readonly unknown[])[]): { colours: string[]; validation: string[] } {
  const colours: string[] = [];
  const validation: string[] = [];
  samples.forEach((sample, i) => {
    HIGHLIGHTS.forEach((h, j) => {
      const want = sample.colour === h.key;
      const got = evaluated[i]?.[j];
      if (got !== want) colours.push(`the ${h.key} formula gave ${shown(got)} for ${sample.label} (expected ${shown(want)})`);
    });
    const got = evaluated[i]?.[HIGHLIGHTS.length];
    if (got !== sample.subTeamValid) validation.push(`it gave ${shown(got)} for "${sample.subTeam}" (expected ${shown(sample.subTeamValid)})`);
  });
  return { colours, validation };
}

/** Judges the two formula families from the ',' pass and, when it failed, the ';' pass. */
export function judgeFormulas(
  comma: { colours: string[]; validation: string[] },
  semicolon: { colours: string[]; validation: string[] } | null,
): { separator: Separator | null; checks: InstallCheck[] } {
  const commaOk = comma.colours.length === 0 && comma.validation.length === 0;
  const semicolonOk = !!semicolon && semicolon.colours.length === 0 && semicolon.validation.length === 0;
  const separator: Separator | null = commaOk ? ',' : semicolonOk ? ';' : null;
  const check = (name: string, problems: string[], semicolonProblems: string[] | undefined): InstallCheck => {
    if (separator === ',')
      return { name, passed: true, seen: 'Google evaluated every formula as the add-on expects (with "," between arguments).', todo: '' };
    if (separator === ';')
      return {
        name,
        passed: true,
        seen: `Only the form with ";" between arguments evaluated as expected here (with ",": ${problems.join('; ') || 'fine'}). Setup now writes that form.`,
        todo: 'Run IRT Tracker → Set up tracker once more so the sheet uses it.',
      };
    return {
      name,
      passed: problems.length === 0,
      seen: problems.length === 0 ? 'Evaluated as expected.' : `With ",": ${problems.join('; ')}${semicolonProblems?.length ? `. With ";": ${semicolonProblems.join('; ')}` : ''}.`,
      todo:
        problems.length === 0
          ? ''
          : 'The row colours or the Sub-team check may not work in this spreadsheet. Set File → Settings → Locale to one that uses "," in formulas (e.g. United Kingdom) and run the check again; tell the add-on’s maintainers what this check saw.',
    };
  };
  return {
    separator,
    checks: [check(CHECK.highlighting, comma.colours, semicolon?.colours), check(CHECK.validation, comma.validation, semicolon?.validation)],
  };
}

/** The core's calendar day against Utilities.formatDate's, both in the spreadsheet's zone. */
export function judgeCalendar(coreDay: Day, googleIso: string, timeZone: string): InstallCheck {
  const core = isoFromDay(coreDay);
  return core === googleIso
    ? { name: CHECK.calendar, passed: true, seen: `Both say today is ${core} in ${timeZone}.`, todo: '' }
    : {
        name: CHECK.calendar,
        passed: false,
        seen: `The add-on counts today as ${core}, Google’s Utilities.formatDate says ${googleIso} (${timeZone}).`,
        todo: 'Deadlines may be off by a day. Check File → Settings → Time zone, and tell the add-on’s maintainers what this check saw.',
      };
}

/** The round trip: the date on the right day, the number unchanged, the text still text. */
export function judgeRoundTrip(
  today: Day,
  read: { day: Day | null | 'invalid'; number: unknown; text: unknown; textFormula: string },
  timeZone: string,
): InstallCheck {
  const problems: string[] = [];
  if (read.day !== today) problems.push(`the date came back as ${read.day === null ? 'blank' : read.day === 'invalid' ? 'something else' : isoFromDay(read.day)} instead of ${isoFromDay(today)}`);
  if (read.number !== ROUND_TRIP.number) problems.push(`the number came back as ${shown(read.number)}`);
  if (read.text !== ROUND_TRIP.text || read.textFormula !== '') problems.push(`the text "${ROUND_TRIP.text}" came back as ${read.textFormula ? `a formula ${read.textFormula}` : shown(read.text)}`);
  return problems.length === 0
    ? { name: CHECK.values, passed: true, seen: `A date landed on ${isoFromDay(today)} (${timeZone}), ${ROUND_TRIP.number} stayed a number, "${ROUND_TRIP.text}" stayed text.`, todo: '' }
    : { name: CHECK.values, passed: false, seen: `${problems.join('; ')}.`, todo: 'Tell the add-on’s maintainers what this check saw: dates or text typed by the add-on may be stored wrongly here.' };
}

export function summarize(checks: readonly InstallCheck[]): InstallationReport {
  const failed = checks.filter((c) => !c.passed);
  const passed = checks.length - failed.length;
  return {
    checks: [...checks],
    passed,
    failed: failed.length,
    summary: `${passed} of ${checks.length} checks passed${failed.length ? `; failed: ${failed.map((c) => c.name).join(', ')}` : ''}`,
  };
}

/** The reminder trigger's state: informative either way, failed only when the record and the triggers disagree. */
export function judgeTrigger(mine: number, owners: readonly string[], me: string): InstallCheck {
  const others = owners.filter((o) => o.toLowerCase() !== me.toLowerCase());
  const byOthers = others.length ? ` Also turned on by ${others.join(', ')}.` : '';
  const recordedMine = me !== '' && owners.some((o) => o.toLowerCase() === me.toLowerCase());
  if (mine > 0) return { name: CHECK.trigger, passed: true, seen: `Your daily reminder trigger is installed (${mine}).${byOthers}`, todo: '' };
  if (recordedMine)
    return {
      name: CHECK.trigger,
      passed: false,
      seen: 'The tracker records that you turned reminders on, but Apps Script lists no trigger of yours.',
      todo: 'Turn reminders on again (IRT Tracker → Turn reminders on).',
    };
  return {
    name: CHECK.trigger,
    passed: true,
    seen: `You have no reminder trigger.${byOthers || ' Nobody gets daily reminders yet.'}`,
    todo: others.length ? '' : 'When the team is ready, one member turns reminders on (IRT Tracker → Turn reminders on).',
  };
}
