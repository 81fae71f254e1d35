import { gasError } from './errors';
import { Fake } from './guard';

export interface DraftRecord {
  id: string;
  messageId: string;
  threadId: string;
  userId: string;
  raw: string;
  /** The decoded MIME message. */
  mime: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The decoded body (base64 transfer encoding undone). */
  body: string;
}

/** Drafts created through the Gmail advanced service, across executions. */
export class DraftBox {
  readonly list: DraftRecord[] = [];
  /** Drafts deleted through Drafts.remove, oldest first. */
  readonly removed: DraftRecord[] = [];
  /**
   * A test's stand-in for Google refusing drafts here (a Workspace admin who has not
   * allowed the project, a missing scope): create then fails with this message.
   */
  refuse: string | null = null;
  private next = 1;
  _nextId(prefix: string): string {
    return `${prefix}${(this.next++).toString(16).padStart(16, '0')}`;
  }
}

function parseMime(mime: string): { headers: Record<string, string>; body: string } {
  const split = mime.search(/\r?\n\r?\n/);
  const head = split < 0 ? mime : mime.slice(0, split);
  let body = split < 0 ? '' : mime.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  if (/base64/i.test(headers['content-transfer-encoding'] ?? '')) body = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  return { headers, body };
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

/** The addresses of a To/Cc value: `a@x.org, Name <b@y.org>`; null when one is not an address. */
function addressList(value: string): string[] | null {
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    const address = /<([^<>]*)>$/.exec(part)?.[1] ?? part;
    if (!ADDRESS.test(address)) return null;
    out.push(address);
  }
  return out.length ? out : null;
}

/**
 * Why Gmail would refuse a message as not RFC 2822 (or null): the header section
 * must be US-ASCII lines `Name: value` (continuations start with a space or tab) of
 * at most 998 characters, ended by CRLF and separated from the body by an empty line;
 * no NUL and no bare CR or LF anywhere; a To header with real addresses; a multipart
 * body must carry its declared boundary and close it. (Gmail's own wording for
 * these refusals could not be checked here.)
 */
function rfc2822Problem(message: Buffer): string | null {
  const text = message.toString('latin1');
  if (text.includes('\0')) return 'the message holds a NUL byte';
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) return 'lines must end with CRLF (a bare CR or LF was found)';
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) return 'no empty line separates the header from the body';
  const head = text.slice(0, split);
  if (/[^\x01-\x7f]/.test(head)) return 'a header holds 8-bit bytes (non-ASCII text must be RFC 2047 encoded)';
  const headers: Record<string, string> = {};
  let last = '';
  for (const [i, line] of head.split('\r\n').entries()) {
    if (line.length > 998) return 'a header line is longer than 998 characters';
    if (/^[ \t]/.test(line) && i > 0) {
      headers[last] += line;
      continue;
    }
    const field = /^([\x21-\x39\x3b-\x7e]+):(.*)$/.exec(line);
    if (!field) return `malformed header line ${i + 1}`;
    last = field[1].toLowerCase();
    headers[last] = field[2];
  }
  if (!headers.to?.trim()) return 'no To header';
  if (!addressList(headers.to)) return 'the To header is not a list of addresses';
  const type = headers['content-type'] ?? '';
  if (/^\s*multipart\//i.test(type)) {
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (!boundary) return 'a multipart Content-Type without a boundary';
    const body = text.slice(split + 4);
    if (!body.includes(`--${boundary}\r\n`) || !body.includes(`--${boundary}--`)) return 'the multipart body does not open and close its boundary';
  }
  return null;
}

function apiError(method: string, message: string): Error {
  return gasError(`API call to gmail.users.drafts.${method} failed with error: ${message}`);
}

function publicDraft(d: DraftRecord): object {
  return { id: d.id, message: { id: d.messageId, threadId: d.threadId, labelIds: ['DRAFT'] } };
}

export class FakeGmailDrafts extends Fake {
  constructor(private readonly _box: DraftBox) {
    super('Gmail.Users.Drafts');
  }
  create(resource: unknown, userId: unknown): object {
    const raw = (resource as { message?: { raw?: unknown } } | null)?.message?.raw;
    if (typeof userId !== 'string' || userId === '') throw apiError('create', 'Invalid user id');
    if (this._box.refuse !== null) throw apiError('create', this._box.refuse);
    if (typeof raw !== 'string' || raw === '') throw apiError('create', "'raw' RFC822 payload message string or uploading message via /upload/* URL required");
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(raw)) throw apiError('create', 'Invalid value for ByteString: raw must be base64url encoded');
    const bytes = Buffer.from(raw, 'base64url');
    const problem = rfc2822Problem(bytes);
    if (problem) throw apiError('create', `Invalid RFC 2822 message in 'raw': ${problem}`);
    const mime = bytes.toString('utf8');
    const { headers, body } = parseMime(mime);
    const messageId = this._box._nextId('18');
    const record: DraftRecord = { id: this._box._nextId('r-'), messageId, threadId: messageId, userId, raw, mime, headers, body };
    this._box.list.push(record);
    return publicDraft(record);
  }
  list(userId: unknown): object {
    if (typeof userId !== 'string') throw apiError('list', 'Invalid user id');
    return { drafts: this._box.list.map(publicDraft), resultSizeEstimate: this._box.list.length };
  }
  /** Deletes a draft for good (Gmail's drafts.delete; `remove` in Apps Script). */
  remove(userId: unknown, id: unknown): void {
    if (typeof userId !== 'string' || userId === '') throw apiError('delete', 'Invalid user id');
    const index = this._box.list.findIndex((x) => x.id === id);
    if (index < 0) throw apiError('delete', 'Requested entity was not found.');
    this._box.removed.push(...this._box.list.splice(index, 1));
  }
  get(userId: unknown, id: unknown): object {
    if (typeof userId !== 'string') throw apiError('get', 'Invalid user id');
    const d = this._box.list.find((x) => x.id === id);
    if (!d) throw apiError('get', 'Requested entity was not found.');
    return { ...publicDraft(d), message: { id: d.messageId, threadId: d.threadId, labelIds: ['DRAFT'], raw: d.raw } };
  }
}

export class FakeGmailUsers extends Fake {
  readonly Drafts: FakeGmailDrafts;
  constructor(box: DraftBox) {
    super('Gmail.Users');
    this.Drafts = new FakeGmailDrafts(box);
  }
}

/** The Gmail advanced service (`Gmail` global), only Users.Drafts. */
export class FakeGmail extends Fake {
  readonly Users: FakeGmailUsers;
  constructor(box: DraftBox) {
    super('Gmail');
    this.Users = new FakeGmailUsers(box);
  }
}
