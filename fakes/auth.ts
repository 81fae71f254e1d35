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

/**
 * Not available in AuthMode.LIMITED (simple triggers): Google's "Simple triggers"
 * restrictions say they cannot access services that require authorization (its
 * example: they cannot send email) and may not learn who the user is; they may
 * change the file they are bound to. The AuthMode reference shows properties in
 * use outside NONE, so PropertiesService (and LockService, which needs no scope)
 * stay available.
 */
const LIMITED_DENIED_PREFIXES = ['MailApp.', 'Gmail.', 'ScriptApp.newTrigger', 'ScriptApp.getProjectTriggers', 'ScriptApp.getUserTriggers', 'ScriptApp.deleteTrigger'];

const SPREADSHEETS = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/spreadsheets'];
const CONTAINER_UI = ['https://www.googleapis.com/auth/script.container.ui'];

/** The OAuth scopes (any one of them) a member needs, by member or class prefix, first match wins; [] = none. */
const SCOPES: Array<[string, readonly string[]]> = [
  ['MailApp.', ['https://www.googleapis.com/auth/script.send_mail', 'https://mail.google.com/']],
  ['Gmail.', ['https://www.googleapis.com/auth/gmail.compose', 'https://www.googleapis.com/auth/gmail.modify', 'https://mail.google.com/']],
  ['ScriptApp.newTrigger', ['https://www.googleapis.com/auth/script.scriptapp']],
  ['ScriptApp.getProjectTriggers', ['https://www.googleapis.com/auth/script.scriptapp']],
  ['ScriptApp.getUserTriggers', ['https://www.googleapis.com/auth/script.scriptapp']],
  ['ScriptApp.deleteTrigger', ['https://www.googleapis.com/auth/script.scriptapp']],
  ['User.getEmail', ['https://www.googleapis.com/auth/userinfo.email']],
  ['Ui.show', CONTAINER_UI],
  ['Ui.alert', CONTAINER_UI],
  ['Ui.prompt', CONTAINER_UI],
  // Menus, the UI object, and services that need no authorization.
  ['SpreadsheetApp.getUi', []],
  ['Ui.', []],
  ['Menu.', []],
  ['ScriptApp.', []],
  ['Trigger.', []],
  ['ClockTriggerBuilder.', []],
  ['SpreadsheetTriggerBuilder.', []],
  ['TriggerBuilder.', []],
  ['AuthorizationInfo.', []],
  ['Session.', []],
  ['PropertiesService.', []],
  ['Properties.', []],
  ['LockService.', []],
  ['Lock.', []],
  ['Utilities.', []],
  ['Blob.', []],
  ['PromptResponse.', []],
  ['HtmlService.', []],
  ['HtmlOutput.', []],
  ['HtmlTemplate.', []],
  ['Logger.', []],
  ['console.', []],
];

/** Scopes that allow `member` (any one suffices); everything else is the spreadsheet's. */
function scopesFor(member: string): readonly string[] {
  return SCOPES.find(([prefix]) => member.startsWith(prefix))?.[1] ?? SPREADSHEETS;
}

function alwaysAllowed(member: string): boolean {
  return member.startsWith('Logger.') || member.startsWith('console.');
}

const denied = (member: string, scope: string) =>
  gasError(`You do not have permission to call ${member}. Required permissions: ${scope}`);

/**
 * Throws Google's permission error when `member` may not run in `mode`, or needs a
 * scope the manifest (`appsscript.json`'s oauthScopes) does not grant. A null
 * `granted` means no manifest list: Apps Script then asks for what the code uses.
 */
export function authorize(mode: AuthModeName, member: string, granted: ReadonlySet<string> | null = null): void {
  const needs = scopesFor(member);
  if (mode !== 'FULL' && !alwaysAllowed(member)) {
    const refused = mode === 'NONE' ? !NONE_ALLOWED.has(member) : LIMITED_DENIED_PREFIXES.some((p) => member.startsWith(p));
    if (refused) throw denied(member, needs[0] ?? SPREADSHEETS[0]);
  }
  if (granted && needs.length && !needs.some((s) => granted.has(s))) throw denied(member, needs[0]);
}
