import { makeEnum } from './enum';
import { gasError, gasTypeName, signatureError } from './errors';
import { Fake } from './guard';
import type { Implements } from './types';

const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE'] as const);
const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT'] as const);

type HO = GoogleAppsScript.HTML.HtmlOutput;

export class FakeHtmlOutput
  extends Fake
  implements
    Implements<
      HO,
      | 'setTitle'
      | 'getTitle'
      | 'setWidth'
      | 'getWidth'
      | 'setHeight'
      | 'getHeight'
      | 'getContent'
      | 'setContent'
      | 'append'
      | 'appendUntrusted'
      | 'clear'
      | 'setSandboxMode'
      | 'setXFrameOptionsMode'
      | 'addMetaTag'
      | 'setFaviconUrl'
    >
{
  _title = '';
  _width?: number;
  _height?: number;
  _sandboxMode = 'IFRAME';
  _xFrameOptionsMode = 'DEFAULT';
  readonly _metaTags: Array<{ name: string; content: string }> = [];
  _faviconUrl?: string;

  constructor(public _content = '') {
    super('HtmlOutput');
  }
  setTitle(title: string): this {
    this._title = String(title);
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): this {
    this._width = width;
    return this;
  }
  getWidth(): number {
    return this._width ?? 600;
  }
  setHeight(height: number): this {
    this._height = height;
    return this;
  }
  getHeight(): number {
    return this._height ?? 400;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this._content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this._content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): this {
    this._sandboxMode = String(mode);
    return this;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): this {
    this._xFrameOptionsMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    if (name !== 'viewport' && !name.startsWith('apple-mobile-web-app') && name !== 'mobile-web-app-capable' && name !== 'google-site-verification') {
      throw gasError(`Meta tag name "${name}" is not allowed.`);
    }
    this._metaTags.push({ name, content });
    return this;
  }
  setFaviconUrl(iconUrl: string): this {
    this._faviconUrl = iconUrl;
    return this;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Compiles Apps Script scriptlets (<? ?>, <?= ?>, <?!= ?>) into a function body. */
function compileTemplate(source: string): string {
  let code = '';
  let i = 0;
  while (i < source.length) {
    const start = source.indexOf('<?', i);
    if (start < 0) {
      code += `__out.push(${JSON.stringify(source.slice(i))});\n`;
      break;
    }
    if (start > i) code += `__out.push(${JSON.stringify(source.slice(i, start))});\n`;
    const end = source.indexOf('?>', start + 2);
    if (end < 0) throw gasError('Unterminated scriptlet in HTML template.');
    const inner = source.slice(start + 2, end);
    if (inner.startsWith('!=')) code += `__out.push(String(${inner.slice(2)}));\n`;
    else if (inner.startsWith('=')) code += `__out.push(__esc(String(${inner.slice(1)})));\n`;
    else code += `${inner}\n`;
    i = end + 2;
  }
  return code;
}

type HT = GoogleAppsScript.HTML.HtmlTemplate;

/** A template; data is set as plain properties (template.cases = [...]) as in Apps Script. */
export class FakeHtmlTemplate extends Fake implements Implements<HT, 'evaluate' | 'getCode' | 'getRawContent'> {
  [key: string]: unknown;

  constructor(
    private readonly _source: string,
    private readonly _scope: () => object,
  ) {
    super('HtmlTemplate');
  }

  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return compileTemplate(this._source);
  }
  evaluate(): FakeHtmlOutput {
    const props: Record<string, unknown> = {};
    for (const key of Object.keys(this)) if (!key.startsWith('_')) props[key] = this[key];
    const body = `with (__scope) { with (__props) {\n${compileTemplate(this._source)}\n} }`;
    const out: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const run = new Function('__scope', '__props', '__out', '__esc', body) as (s: object, p: object, o: string[], e: (t: string) => string) => void;
    run(this._scope(), props, out, escapeHtml);
    return new FakeHtmlOutput(out.join(''));
  }
}

type HS = GoogleAppsScript.HTML.HtmlService;

/** HtmlService; `files` holds the project's HTML files by name (without .html). */
export class FakeHtmlService
  extends Fake
  implements Implements<HS, 'createHtmlOutput' | 'createTemplate' | 'createHtmlOutputFromFile' | 'createTemplateFromFile'>
{
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly _files: Map<string, string>,
    private readonly _scope: () => object,
  ) {
    super('HtmlService');
  }

  private _file(filename: string, method: string): string {
    if (typeof filename !== 'string') throw signatureError('HtmlService', method, [gasTypeName(filename)]);
    const content = this._files.get(filename.replace(/\.html$/, ''));
    if (content === undefined) throw gasError(`No HTML file named ${filename} was found.`);
    return content;
  }

  createHtmlOutput(html?: string): FakeHtmlOutput {
    return new FakeHtmlOutput(html === undefined ? '' : String(html));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(String(html), this._scope);
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this._file(filename, 'createHtmlOutputFromFile'));
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this._file(filename, 'createTemplateFromFile'), this._scope);
  }
}
