import { gasError } from './errors';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/** What runs in AuthMode.NONE (an add-on's onOpen before it is used in the document). */
const NONE_ALLOWED = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createMenu',
  'Ui.createAddonMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

/** Not available in AuthMode.LIMITED (simple triggers): services beyond the current document. */
const LIMITED_DENIED_PREFIXES = ['MailApp.', 'Gmail.', 'ScriptApp.newTrigger', 'ScriptApp.getProjectTriggers', 'ScriptApp.getUserTriggers', 'ScriptApp.deleteTrigger'];

const SCOPES: Array<[string, string]> = [
  ['MailApp.', 'https://www.googleapis.com/auth/script.send_mail'],
  ['Gmail.', 'https://www.googleapis.com/auth/gmail.compose'],
  ['ScriptApp.', 'https://www.googleapis.com/auth/script.scriptapp'],
  ['Session.', 'https://www.googleapis.com/auth/userinfo.email'],
  ['Ui.', 'https://www.googleapis.com/auth/script.container.ui'],
  ['HtmlService.', 'https://www.googleapis.com/auth/script.container.ui'],
];

function scopeOf(member: string): string {
  return SCOPES.find(([prefix]) => member.startsWith(prefix))?.[1] ?? 'https://www.googleapis.com/auth/spreadsheets.currentonly';
}

function alwaysAllowed(member: string): boolean {
  return member.startsWith('Logger.') || member.startsWith('console.');
}

/** Throws Google's permission error when `member` may not run in `mode`. */
export function authorize(mode: AuthModeName, member: string): void {
  if (mode === 'FULL' || alwaysAllowed(member)) return;
  const denied = mode === 'NONE' ? !NONE_ALLOWED.has(member) : LIMITED_DENIED_PREFIXES.some((p) => member.startsWith(p));
  if (denied) {
    throw gasError(`You do not have permission to call ${member}. Required permissions: ${scopeOf(member)}`);
  }
}
