import { makeEnum } from './enum';
import { gasError, gasTypeName, signatureError } from './errors';
import { Fake, unwrap } from './guard';
import { FakeHtmlOutput } from './html';
import type { Implements } from './types';

const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

type MenuEntry = { type: 'item'; caption: string; functionName: string } | { type: 'separator' } | { type: 'submenu'; menu: MenuRecord };
export interface MenuRecord {
  caption: string;
  addon: boolean;
  entries: MenuEntry[];
}
export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
}
export interface PromptRecord extends AlertRecord {
  responseText: string;
}
export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width?: number;
  height?: number;
}
export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** What the add-on showed, for tests to inspect; and the user's scripted answers. */
export class UiLog {
  /** False in contexts with no UI (time-driven triggers): getUi() throws. */
  available = true;
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  private readonly alertAnswers: ButtonName[] = [];
  private readonly promptAnswers: Array<{ text: string; button: ButtonName }> = [];

  /** The next alert is answered with this button (default: OK or YES). */
  answerNextAlert(button: ButtonName): void {
    this.alertAnswers.push(button);
  }
  /** The next prompt is answered with this text and button (default: '' and OK). */
  answerNextPrompt(text: string, button: ButtonName = 'OK'): void {
    this.promptAnswers.push({ text, button });
  }
  get sidebars(): DialogRecord[] {
    return this.dialogs.filter((d) => d.kind === 'sidebar');
  }

  _alertAnswer(buttons: ButtonSetName): ButtonName {
    const answer = this.alertAnswers.shift() ?? (buttons.startsWith('YES') ? 'YES' : 'OK');
    if (!BUTTONS_OF[buttons].includes(answer)) throw new Error(`Fake Ui: answer ${answer} is not a button of ${buttons}`);
    return answer;
  }
  _promptAnswer(buttons: ButtonSetName): { text: string; button: ButtonName } {
    const answer = this.promptAnswers.shift() ?? { text: '', button: buttons.startsWith('YES') ? 'YES' : 'OK' };
    if (!BUTTONS_OF[buttons].includes(answer.button)) throw new Error(`Fake Ui: answer ${answer.button} is not a button of ${buttons}`);
    return answer;
  }
}

type M = GoogleAppsScript.Base.Menu;

export class FakeMenu extends Fake implements Implements<M, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly _record: MenuRecord;
  constructor(
    private readonly _log: UiLog,
    caption: string,
    addon: boolean,
  ) {
    super('Menu');
    this._record = { caption, addon, entries: [] };
  }
  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError('Menu', 'addItem', [gasTypeName(caption), gasTypeName(functionName)]);
    }
    this._record.entries.push({ type: 'item', caption, functionName });
    return this;
  }
  addSeparator(): this {
    this._record.entries.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): this {
    const raw = unwrap(menu) as unknown;
    if (!(raw instanceof FakeMenu)) throw signatureError('Menu', 'addSubMenu', [gasTypeName(menu)]);
    this._record.entries.push({ type: 'submenu', menu: raw._record });
    return this;
  }
  addToUi(): void {
    const index = this._log.menus.findIndex((m) => m.caption === this._record.caption && m.addon === this._record.addon);
    const snapshot = JSON.parse(JSON.stringify(this._record)) as MenuRecord;
    if (index >= 0) this._log.menus[index] = snapshot;
    else this._log.menus.push(snapshot);
  }
}

export class FakePromptResponse extends Fake implements Implements<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'> {
  constructor(
    private readonly _text: string,
    private readonly _button: ButtonName,
  ) {
    super('PromptResponse');
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this._button as unknown as GoogleAppsScript.Base.Button;
  }
}

type U = GoogleAppsScript.Base.Ui;

function buttonSetOf(value: unknown): ButtonSetName {
  const name = String(unwrap(value));
  if (!(name in ButtonSet)) throw signatureError('Ui', 'alert', [gasTypeName(value)]);
  return name as ButtonSetName;
}

function htmlOf(output: unknown, method: string): FakeHtmlOutput {
  const raw = unwrap(output) as unknown;
  if (!(raw instanceof FakeHtmlOutput)) throw signatureError('Ui', method, [gasTypeName(output)]);
  return raw;
}

/** SpreadsheetApp.getUi(). */
export class FakeUi
  extends Fake
  implements Implements<U, 'createMenu' | 'createAddonMenu' | 'alert' | 'prompt' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'>
{
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly _log: UiLog) {
    super('Ui');
  }

  createMenu(caption: string): FakeMenu {
    if (typeof caption !== 'string') throw signatureError('Ui', 'createMenu', [gasTypeName(caption)]);
    return new FakeMenu(this._log, caption, false);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this._log, 'Add-on', true);
  }

  private _args(args: unknown[]): { title: string; prompt: string; buttons: ButtonSetName } {
    if (args.length === 0 || args.length > 3) throw signatureError('Ui', 'alert', args.map(gasTypeName));
    if (args.length === 1) return { title: '', prompt: String(args[0]), buttons: 'OK' };
    if (args.length === 2) return { title: '', prompt: String(args[0]), buttons: buttonSetOf(args[1]) };
    return { title: String(args[0]), prompt: String(args[1]), buttons: buttonSetOf(args[2]) };
  }

  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const a = this._args(args);
    const response = this._log._alertAnswer(a.buttons);
    this._log.alerts.push({ ...a, response });
    return response as unknown as GoogleAppsScript.Base.Button;
  }
  prompt(...args: unknown[]): FakePromptResponse {
    const a = this._args(args);
    const answer = this._log._promptAnswer(a.buttons);
    this._log.prompts.push({ ...a, response: answer.button, responseText: answer.text });
    return new FakePromptResponse(answer.text, answer.button);
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const html = htmlOf(userInterface, 'showSidebar');
    this._log.dialogs.push({ kind: 'sidebar', title: html._title, html: html._content });
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    const html = htmlOf(userInterface, 'showModalDialog');
    if (typeof title !== 'string') throw signatureError('Ui', 'showModalDialog', ['HtmlOutput', gasTypeName(title)]);
    this._log.dialogs.push({ kind: 'modal', title, html: html._content, width: html._width, height: html._height });
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    const html = htmlOf(userInterface, 'showModelessDialog');
    if (typeof title !== 'string') throw signatureError('Ui', 'showModelessDialog', ['HtmlOutput', gasTypeName(title)]);
    this._log.dialogs.push({ kind: 'modeless', title, html: html._content, width: html._width, height: html._height });
  }
}

export function uiUnavailable(): Error {
  return gasError('Cannot call SpreadsheetApp.getUi() from this context.');
}
