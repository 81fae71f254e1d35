import { gasError, gasTypeName, signatureError } from './errors';
import { Fake } from './guard';
import type { Implements } from './types';

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  noReply: boolean;
}

/** MailApp's outbox and quota, shared across executions. */
export class Outbox {
  readonly sent: SentMail[] = [];
  /** Remaining recipients for today (Google counts each recipient). */
  quota = 100;
  private readonly failing = new Set<string>();

  /** Test hook: sending to this address throws "Invalid email: <address>". */
  failFor(address: string): void {
    this.failing.add(address.toLowerCase());
  }
  _fails(address: string): boolean {
    return this.failing.has(address.toLowerCase());
  }
}

/** Apps Script's quota for one email's body (a consumer account; Workspace allows 400 kB): text and HTML. */
const EMAIL_BODY_MAX_BYTES = 200 * 1024;

const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/;

function addresses(list: string): string[] {
  return list
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => /<([^>]*)>\s*$/.exec(a)?.[1].trim() ?? a);
}

type MA = GoogleAppsScript.Mail.MailApp;

export class FakeMailApp extends Fake implements Implements<MA, 'sendEmail' | 'getRemainingDailyQuota'> {
  constructor(private readonly _outbox: Outbox) {
    super('MailApp');
  }

  getRemainingDailyQuota(): number {
    return this._outbox.quota;
  }

  sendEmail(...args: unknown[]): void {
    const mail = this._parse(args);
    const recipients = [...addresses(mail.to), ...addresses(mail.cc), ...addresses(mail.bcc)];
    if (recipients.length === 0) throw gasError('Failed to send email: no recipient');
    for (const address of recipients) {
      if (!EMAIL_RE.test(address) || this._outbox._fails(address)) throw gasError(`Invalid email: ${address}`);
    }
    if (Buffer.byteLength(mail.body) + Buffer.byteLength(mail.htmlBody) > EMAIL_BODY_MAX_BYTES) throw gasError('Limit Exceeded: Email Body Size.');
    if (this._outbox.quota < recipients.length) throw gasError('Service invoked too many times for one day: email.');
    this._outbox.quota -= recipients.length;
    this._outbox.sent.push(mail);
  }

  private _parse(args: unknown[]): SentMail {
    const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
    const blank: SentMail = { to: '', cc: '', bcc: '', replyTo: '', subject: '', body: '', htmlBody: '', name: '', noReply: false };
    if (args.length === 1 && args[0] !== null && typeof args[0] === 'object') {
      const m = args[0] as Record<string, unknown>;
      if (m.subject === undefined) throw gasError('Invalid argument: subject');
      return {
        ...blank,
        to: str(m.to),
        cc: str(m.cc),
        bcc: str(m.bcc),
        replyTo: str(m.replyTo),
        subject: str(m.subject),
        body: str(m.body),
        htmlBody: str(m.htmlBody),
        name: str(m.name),
        noReply: !!m.noReply,
      };
    }
    if ((args.length === 3 || args.length === 4) && args.slice(0, 3).every((a) => typeof a === 'string')) {
      if (args.length === 4 && typeof args[3] === 'string') {
        // sendEmail(to, replyTo, subject, body)
        return { ...blank, to: args[0] as string, replyTo: args[1] as string, subject: args[2] as string, body: args[3] };
      }
      const o = (args[3] ?? {}) as Record<string, unknown>;
      if (typeof o !== 'object') throw signatureError('MailApp', 'sendEmail', args.map(gasTypeName));
      return {
        ...blank,
        to: args[0] as string,
        subject: args[1] as string,
        body: args[2] as string,
        cc: str(o.cc),
        bcc: str(o.bcc),
        replyTo: str(o.replyTo),
        htmlBody: str(o.htmlBody),
        name: str(o.name),
        noReply: !!o.noReply,
      };
    }
    throw signatureError('MailApp', 'sendEmail', args.map(gasTypeName));
  }
}
