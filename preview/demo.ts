// The demo Case Tracker the preview starts from: clearly fictional cases at
// every stage, dated relative to the day the demo was made, so that some are
// overdue, some due soon and some on track. Names and addresses use the
// example.org / example.net domains reserved for documentation.

import { startOfDay, partsOfDay, type Day } from '../src/core/calendar';
import { formatCaseId } from '../src/core/case-id';
import { CASE_COLUMNS, NEW_TRACKER_COLUMNS, type ColumnName } from '../src/core/columns';
import { ROSTER_HEADER } from '../src/core/roster';
import type { FakeEnv } from '../fakes';

type DemoCase = Partial<Record<ColumnName, string | number>>;

const SUB_TEAM = 'ana.member@example.org, ben.member@example.org, chi.member@example.org';
const SUB_TEAM_2 = 'dev.member@example.org, eli.member@example.org, fay.member@example.org';

/** Numbers are day offsets from the demo day (negative = in the past). */
export const DEMO_CASES: readonly DemoCase[] = [
  {
    Received: -1, Stage: 'Received', 'Reporter name': 'Alex Example', 'Reporter email': 'alex@example.org',
    'Reported party name': 'Sam Sample', 'Reported party email': 'sam@example.net', 'Permission to notify reported party': 'Not asked',
    Where: 'Community forum', 'Help desk link': 'https://help.example.org/tickets/1101',
    Summary: 'Fictional demo: repeated insults in a forum thread after a disagreement.',
  },
  {
    Received: -5, Stage: 'Received', 'Reporter name': 'Blake Placeholder', 'Reporter email': 'blake@example.org',
    'Permission to notify reported party': 'Not asked', Where: 'Chat server',
    'Help desk link': 'https://help.example.org/tickets/1097', Summary: 'Fictional demo: unwanted private messages after a meetup.',
  },
  {
    Received: -2, Stage: 'Assessing', 'Reporter email': 'anon.reporter@example.org', 'First reply sent': -1,
    'Reported party name': 'Jordan Dummy', 'Permission to notify reported party': 'No', Where: 'Issue tracker',
    Summary: 'Fictional demo: hostile comments on a pull request review.',
  },
  {
    Received: -6, Stage: 'Assessing', 'Reporter name': 'Casey Demo', 'Reporter email': 'casey@example.org', 'First reply sent': -5,
    'Permission to notify reported party': 'Not asked', Where: 'Mailing list', Summary: 'Fictional demo: a joke in a mailing-list thread that several people found demeaning.',
  },
  {
    Received: -7, Stage: 'Not a violation', 'Reporter name': 'Drew Mockup', 'Reporter email': 'drew@example.org', 'First reply sent': -6,
    Assessment: 'Not a violation',
    Where: 'A personal blog (not a community space)', Summary: 'Fictional demo: criticism of the project on a personal blog.',
  },
  {
    Received: -12, Stage: 'Sub-team formed', 'Reporter name': 'Emery Test', 'Reporter email': 'emery@example.org', 'First reply sent': -11,
    'Reported party name': 'Kim Fixture', 'Reported party email': 'kim@example.net', 'Permission to notify reported party': 'Yes',
    'Reporter time zone': 'Europe/Paris', 'Reported party time zone': 'America/Chicago',
    'Sub-team': SUB_TEAM, Assessment: 'Possible violation', 'Sub-team formed': -6, Channel: 'Private chat room', Where: 'Conference hallway',
    Summary: 'Fictional demo: unwelcome comments at an in-person conference.',
  },
  {
    Received: -15, Stage: 'Sub-team formed', 'Reporter name': 'Frankie Sample', 'Reporter email': 'frankie@example.org', 'First reply sent': -14,
    'Reported party name': 'Lee Stub', 'Permission to notify reported party': 'Not asked',
    'Sub-team': SUB_TEAM_2, Assessment: 'Possible violation', 'Sub-team formed': -9, Channel: 'Email thread', Where: 'Video call',
    Summary: 'Fictional demo: talking over and mocking a new contributor in a community call.',
  },
  {
    Received: -40, Stage: 'Investigating', 'Reporter name': 'Gray Example', 'Reporter email': 'gray@example.org', 'First reply sent': -39,
    'Reported party name': 'Morgan Model', 'Reported party email': 'morgan@example.net', 'Permission to notify reported party': 'Yes',
    'Sub-team': SUB_TEAM, Assessment: 'Possible violation', 'Sub-team formed': -33, Channel: 'Private chat room', 'Reporter notified': -30, 'Reported party notified': -29,
    'Last update to reporter': -3, 'Last update to reported party': -2, Where: 'Chat server',
    // The sub-team's own target for a decision has passed.
    'Target decision date': -3,
    Summary: 'Fictional demo: a pattern of dismissive replies to one contributor.',
  },
  {
    // Told the next steps, the reporter has not yet said whether we may contact the reported party.
    Received: -18, Stage: 'Investigating', 'Reporter name': 'Milan Sample', 'Reporter email': 'milan@example.org', 'First reply sent': -17,
    'Reported party name': 'Rory Stub', 'Reported party email': 'rory@example.net', 'Permission to notify reported party': 'Not asked',
    'Sub-team': SUB_TEAM, Assessment: 'Possible violation', 'Sub-team formed': -12, Channel: 'Private chat room', 'Reporter notified': -10,
    'Target decision date': 30, Where: 'Community forum', Summary: 'Fictional demo: mocking replies to a first-time contributor.',
  },
  {
    Received: -35, Stage: 'Investigating', 'Reporter name': 'Harper Dummy', 'Reporter email': 'harper@example.org', 'First reply sent': -34,
    'Reported party name': 'Noel Specimen', 'Permission to notify reported party': 'No',
    'Sub-team': SUB_TEAM_2, Assessment: 'Possible violation', 'Sub-team formed': -30, Channel: 'Email thread', 'Reporter notified': -26,
    'Last update to reporter': -16, Where: 'Issue tracker', Summary: 'Fictional demo: slurs in an issue comment, since deleted.',
  },
  {
    Received: -60, Stage: 'Decision', 'Reporter name': 'Indy Example', 'Reporter email': 'indy@example.org', 'First reply sent': -59,
    'Reported party name': 'Oakley Sample', 'Reported party email': 'oakley@example.net', 'Permission to notify reported party': 'Yes',
    'Sub-team': SUB_TEAM, Assessment: 'Possible violation', 'Sub-team formed': -55, Channel: 'Private chat room', 'Reporter notified': -50, 'Reported party notified': -50,
    'Last update to reporter': -10, 'Last update to reported party': -10, Outcome: 'Warning',
    'Requested action': 'Fictional demo: keep forum replies to the topic, and do not reply to the reporter’s posts for two months.',
    'Outcome end date': 55,
    Findings: 'Fictional demo: the comments happened as reported; first occurrence.', Where: 'Community forum',
    Summary: 'Fictional demo: sarcastic personal remarks in forum replies.',
  },
  {
    Received: -70, Stage: 'Decision', 'Reporter name': 'Jesse Placeholder', 'Reporter email': 'jesse@example.org', 'First reply sent': -69,
    'Reported party name': 'Parker Stub', 'Reported party email': 'parker@example.net', 'Permission to notify reported party': 'Yes',
    'Sub-team': SUB_TEAM_2, Assessment: 'Possible violation', 'Sub-team formed': -64, Channel: 'Email thread', 'Reporter notified': -60, 'Reported party notified': -59,
    'Last update to reporter': -16, 'Last update to reported party': -16, Outcome: 'Temporary ban', 'Outcome end date': 60,
    'Requested action': 'Fictional demo: do not take part in the chat server, and do not contact the reporter, until the ban ends.',
    'Behaviour description': 'Fictional demo: direct messages to the reporter continued after a request to stop.',
    Findings: 'Fictional demo: repeated harassment after a prior warning.', 'Response plan sent': -2, Where: 'Chat server',
    Summary: 'Fictional demo: continued unwanted contact after being asked to stop.',
  },
  {
    Received: -90, Stage: 'Closed', 'Reporter name': 'Kai Mock', 'Reporter email': 'kai@example.org', 'First reply sent': -89,
    'Reported party name': 'Quinn Fixture', 'Permission to notify reported party': 'No', 'Sub-team': SUB_TEAM, Assessment: 'Possible violation', 'Sub-team formed': -85,
    Channel: 'Private chat room', 'Reporter notified': -80, 'Last update to reporter': -20, Outcome: 'Correction',
    'Requested action': 'Fictional demo: choose analogies with care in design discussions.',
    Findings: 'Fictional demo: an unintended but hurtful remark; apology offered.', 'Response plan sent': -8,
    'Reporter told outcome': -5, Closed: -4, Where: 'Mailing list', Summary: 'Fictional demo: an offensive analogy in a design discussion.',
  },
  {
    Received: -20, Stage: 'Investigating', 'Reporter name': 'Lane Example', 'Reporter email': 'lane@example.org', 'First reply sent': -19,
    'Permission to notify reported party': 'Not asked', 'Sub-team': 'ana.member@example.org, ben.member@example.org',
    Assessment: 'Possible violation', 'Sub-team formed': -15, Where: 'Event workshop', Summary: 'Fictional demo: a row that needs fixing: the sub-team has only two members.',
  },
  // After the case: one under appeal, heard by three members outside its sub-team.
  {
    Received: -50, Stage: 'Closed', 'Reporter name': 'Mel Example', 'Reporter email': 'mel@example.org', 'First reply sent': -49,
    'Reported party name': 'Rowan Sample', 'Reported party email': 'rowan@example.net', 'Permission to notify reported party': 'Yes',
    Assessment: 'Possible violation', 'Sub-team': SUB_TEAM, 'Sub-team formed': -45, Channel: 'Private chat room', 'Reporter notified': -40,
    'Reported party notified': -39, 'Last update to reporter': -27, 'Last update to reported party': -27, Outcome: 'Warning',
    'Requested action': 'Fictional demo: step away from moderating the forum for a month.', Findings: 'Fictional demo: heated replies crossed into personal attacks.',
    'Response plan sent': -16, 'Reporter told outcome': -15, Closed: -14, 'Appeal received': -4, 'Appealed by': 'Reported party',
    'Appeal reviewers': 'dev.member@example.org, fay.member@example.org, gus.member@example.org',
    Where: 'Community forum', Summary: 'Fictional demo: personal attacks in a heated forum thread.',
  },
  // Records due to be expunged: closed long ago, past their Expunge after date.
  {
    Received: -230, Stage: 'Closed', 'Reporter name': 'Nico Placeholder', 'Reporter email': 'nico@example.org', 'First reply sent': -229,
    Assessment: 'Not a violation', Closed: -222, 'Expunge after': -40, Where: 'A private group chat (not a community space)',
    Summary: 'Fictional demo: an argument in a private chat outside the community.',
  },
  {
    Received: -420, Stage: 'Closed', 'Reporter name': 'Oli Mockup', 'Reporter email': 'oli@example.org', 'First reply sent': -419,
    'Reported party name': 'Sky Fixture', 'Reported party email': 'sky@example.net', 'Permission to notify reported party': 'Yes',
    Assessment: 'Possible violation', 'Sub-team': SUB_TEAM_2, 'Sub-team formed': -414, Channel: 'Email thread', 'Reporter notified': -410,
    'Reported party notified': -409, Outcome: 'Correction', 'Requested action': 'Fictional demo: edit the comment.',
    Findings: 'Fictional demo: a careless joke, promptly regretted.', 'Response plan sent': -395, 'Reporter told outcome': -394, Closed: -393,
    'Expunge after': -28, Where: 'Issue tracker', Summary: 'Fictional demo: a joke at a newcomer’s expense in an issue.',
  },
];

export const DEMO_ROSTER: readonly (string | number)[][] = [
  ['Ana Member', 'ana.member@example.org', 'Europe/Lisbon', 'Yes', ''],
  ['Ben Member', 'ben.member@example.org', 'America/New_York', 'Yes', ''],
  ['Chi Member', 'chi.member@example.org', 'Asia/Tokyo', 'Yes', ''],
  ['Dev Member', 'dev.member@example.org', 'Asia/Kolkata', 'Yes', ''],
  ['Eli Member', 'eli.member@example.org', 'Europe/Berlin', 'No', 30],
  ['Fay Member', 'fay.member@example.org', 'America/Sao_Paulo', 'Yes', ''],
  ['Gus Member', 'gus.member@example.org', 'Australia/Sydney', 'Yes', ''],
];

const DATE_FORMAT = 'yyyy-mm-dd';

/** Writes the demo Cases sheet (before setup runs; setup then adds validation, highlighting and the computed columns). */
export function seedDemoCases(env: FakeEnv, today: Day, timeZone: string): void {
  // Laid out like a tracker the add-on creates: the computed columns right after Stage.
  const header = [...NEW_TRACKER_COLUMNS];
  const dateColumns = new Set(CASE_COLUMNS.filter((c) => c.kind === 'date' || c.name === 'Next deadline').map((c) => c.name as string));
  const sorted = [...DEMO_CASES].sort((a, b) => Number(a.Received) - Number(b.Received));
  const perYear = new Map<number, number>();
  const rows = sorted.map((demo) => {
    const received = today + Number(demo.Received);
    const year = partsOfDay(received).year;
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const values: DemoCase = { ...demo, 'Case ID': formatCaseId(year, seq) };
    return header.map((name) => {
      const value = values[name];
      if (value === undefined) return '';
      return dateColumns.has(name) && typeof value === 'number' ? startOfDay(today + value, timeZone) : value;
    });
  });
  const columnFormats: Record<number, string> = {};
  header.forEach((name, i) => {
    if (dateColumns.has(name)) columnFormats[i + 1] = DATE_FORMAT;
  });
  env.seedSheet('Cases', [header, ...rows], { columnFormats, frozenRows: 1 });
  // A new spreadsheet's empty Sheet1 is of no use in the demo.
  const blank = env.spreadsheet.getSheetByName('Sheet1');
  if (blank && blank.getLastRow() === 0) env.spreadsheet.deleteSheet(blank as unknown as GoogleAppsScript.Spreadsheet.Sheet);
}

/** Fills the Roster sheet that setup created (below its header). */
export function seedDemoRoster(env: FakeEnv, today: Day, timeZone: string): void {
  const sheet = env.sheet('Roster');
  const header = sheet.getRange(1, 1, 1, ROSTER_HEADER.length).getValues()[0].map(String);
  if (header.join('|') !== ROSTER_HEADER.join('|')) return;
  const rows = DEMO_ROSTER.map((row) => row.map((v, i) => (i === 4 && typeof v === 'number' ? startOfDay(today + v, timeZone) : v)));
  sheet.getRange(2, 1, rows.length, ROSTER_HEADER.length).setValues(rows);
  sheet.getRange(2, 5, rows.length, 1).setNumberFormat(DATE_FORMAT);
}

/** The records a published Code of Conduct committee keeps, in its own words (issue 13): `PREVIEW_DEMO=records`. */
export const RECORDS_DEMO_HEADER = [
  'Date of 1st report',
  'Reporter, if official/public, CoC person if private',
  'Named subjects',
  'Subject email address/URL',
  'Summary of report (for internal purposes)',
  'Action taken by us?',
  'Summary of outcome to share if suitable',
  'Date to expunge this record',
];

/** A team's own records sheet, nothing set up: try Set up tracker's dialog on it. */
export function seedDemoRecords(env: FakeEnv, today: Day, timeZone: string): void {
  const day = (offset: number) => startOfDay(today + offset, timeZone);
  const rows = [
    [day(-8), 'CoC person: Ana Member', 'Pat Placeholder', 'pat@example.net', 'Fictional demo: heckling at a meetup.', 'Warning', 'A warning was issued.', day(357)],
    [day(-1), 'Lee Public', 'Kim Fictional', 'https://chat.example.org/u/kim', 'Fictional demo: spam in the forum.', '', '', ''],
  ];
  env.seedSheet('Records', [RECORDS_DEMO_HEADER, ...rows], { columnFormats: { 1: DATE_FORMAT, 8: DATE_FORMAT }, frozenRows: 1 });
  const blank = env.spreadsheet.getSheetByName('Sheet1');
  if (blank && blank.getLastRow() === 0) env.spreadsheet.deleteSheet(blank as unknown as GoogleAppsScript.Spreadsheet.Sheet);
}
