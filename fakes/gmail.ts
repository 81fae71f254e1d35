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
    if (typeof raw !== 'string' || raw === '') throw apiError('create', "'raw' RFC822 payload message string or uploading message via /upload/* URL required");
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(raw)) throw apiError('create', 'Invalid value for ByteString: raw must be base64url encoded');
    const mime = Buffer.from(raw, 'base64url').toString('utf8');
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
