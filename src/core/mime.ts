// The MIME message of a draft, built by hand so the add-on needs only the
// gmail.compose scope (Gmail advanced service) and not GmailApp's full mailbox
// access. RFC 2822 headers with CRLF line ends, an RFC 2047 UTF-8 subject,
// multipart/alternative with a plain-text and an HTML part, base64 bodies, and
// the whole message as base64url for the Gmail API's `raw` field. Pure code:
// Apps Script has neither Buffer nor TextEncoder.

import { escapeHtml } from './html-escape';

const CRLF = '\r\n';
/** Cannot occur in a base64 line ('=' only pads at the end, '_' is not in the alphabet). */
export const BOUNDARY = '=_IRT_Tracker_alternative';

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD. */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else code = 0xfffd;
    } else if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 §4) with padding. */
export function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return out;
}

/** base64url (RFC 4648 §5) without padding: what the Gmail API's `raw` field takes. */
export function base64Url(bytes: readonly number[]): string {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A body part's base64, in lines of 76 characters (RFC 2045 §6.8). */
function base64Lines(text: string): string {
  const encoded = base64(utf8Bytes(text));
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(CRLF);
}

/** Bytes per encoded-word: 42 bytes → 56 base64 characters → a 68-character word, so each folded line stays under 78. */
const WORD_BYTES = 42;

/**
 * An unstructured header value as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), folded
 * onto continuation lines. A character's bytes are never split between two words.
 */
export function encodeHeaderValue(text: string): string {
  const words: number[][] = [];
  let chunk: number[] = [];
  for (const char of Array.from(text)) {
    const bytes = utf8Bytes(char);
    if (chunk.length + bytes.length > WORD_BYTES) {
      words.push(chunk);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length || words.length === 0) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(w)}?=`).join(`${CRLF} `);
}

/** Plain text with `\n`, `\r\n` or `\r` line ends, as CRLF lines. */
function toCrlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, CRLF);
}

/**
 * The HTML part of a plain-text body: blank lines separate paragraphs, single line
 * breaks stay as <br>, and all text is escaped (it holds cell values typed by anyone).
 */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n|\r/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  const body = paragraphs.map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>\n')}</p>`).join('\n');
  return `<!DOCTYPE html>\n<html>\n<head><meta charset="UTF-8"></head>\n<body>\n${body}\n</body>\n</html>\n`;
}

export interface MimeInput {
  /** One address, already checked: no display name, no list. */
  to: string;
  subject: string;
  /** The plain-text body; the HTML part is made from it. */
  text: string;
}

/** The RFC 2822 message: ASCII only, CRLF line ends. */
export function buildMimeMessage({ to, subject, text }: MimeInput): string {
  // Checked again here: a header carries printable ASCII only (no NUL, no 8-bit byte).
  if (/[\s,;<>"]/.test(to) || to === '' || !/^[\x21-\x7e]+$/.test(to)) throw new Error('A draft goes to exactly one plain email address');
  const oneLineSubject = subject.replace(/[\r\n\t]+/g, ' ');
  const part = (type: string, content: string) =>
    [
      `--${BOUNDARY}`,
      `Content-Type: ${type}; charset=UTF-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(toCrlf(content)),
    ].join(CRLF);
  return [
    'MIME-Version: 1.0',
    `To: ${to}`,
    `Subject: ${encodeHeaderValue(oneLineSubject)}`,
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    '',
    part('text/plain', text),
    part('text/html', textToHtml(text)),
    `--${BOUNDARY}--`,
    '',
  ].join(CRLF);
}

/** The whole message as the Gmail API's `raw` (base64url). */
export function rawMessage(input: MimeInput): string {
  return base64Url(utf8Bytes(buildMimeMessage(input)));
}
