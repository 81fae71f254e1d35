import {
  BOUNDARY,
  base64,
  base64Url,
  buildMimeMessage,
  encodeHeaderValue,
  rawMessage,
  textToHtml,
  utf8Bytes,
} from '../../src/core/mime';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const lines76 = (s: string) => s.match(/.{1,76}/g)!.join('\r\n');

/** Splits a raw message the way a mail reader would (independent of the builder). */
function decode(raw: string) {
  const mime = Buffer.from(raw, 'base64url').toString('utf8');
  const [head, ...rest] = mime.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i)] = line.slice(i + 2);
  }
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="([^"]+)"/.exec(headers['Content-Type'])![1];
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [partHead, content] = part.replace(/^\r\n/, '').split('\r\n\r\n');
      const fatal = new TextDecoder('utf-8', { fatal: true });
      return { head: partHead, text: fatal.decode(Buffer.from(content.replace(/\r\n/g, ''), 'base64')) };
    });
  const subject = headers.Subject.split(' ')
    .map((word) => {
      const m = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/.exec(word);
      if (!m) throw new Error(`not an encoded-word: ${word}`);
      // Each word must hold whole characters: decoding it alone must succeed.
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(m[1], 'base64'));
    })
    .join('');
  return { mime, head, headers, subject, parts, epilogue: body.slice(body.lastIndexOf(`--${boundary}--`)) };
}

describe('encodings', () => {
  test('UTF-8 and base64 agree with Node for ASCII, accents, CJK, emoji and joiners', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'Zoë Brontë', '日本語', '🎉', '👩🏽‍💻 ok', '\u0000\u007f\u0080\u07ff\u0800\uffff']) {
      expect(utf8Bytes(text)).toEqual([...Buffer.from(text, 'utf8')]);
      expect(base64(utf8Bytes(text))).toBe(b64(text));
      expect(base64Url(utf8Bytes(text))).toBe(Buffer.from(text, 'utf8').toString('base64url'));
    }
    expect(utf8Bytes('\ud800x')).toEqual([0xef, 0xbf, 0xbd, 0x78]);
    expect(base64Url([0xfb, 0xff, 0xfe])).toBe('-__-');
  });

  test('a header value becomes folded encoded-words that never split a character', () => {
    expect(encodeHeaderValue('Hi')).toBe('=?UTF-8?B?SGk=?=');
    const subject = 'Réponse à votre signalement 🎉 — ça avance bien, merci 👩🏽‍💻 Zoë Brontë';
    const encoded = encodeHeaderValue(subject);
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75); // RFC 2047 §2
      expect(`Subject: ${word}`.length).toBeLessThanOrEqual(78);
    }
    const decoded = words.map((w) => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(w.slice(10, -2), 'base64')));
    expect(decoded.join('')).toBe(subject);
  });
});

describe('textToHtml', () => {
  test('keeps paragraphs and line breaks and escapes every character of markup', () => {
    expect(textToHtml('Hello <b>Zoë</b>,\n\nLine one\nLine & two\r\n\r\n\n  \nLast 🎉')).toBe(
      '<!DOCTYPE html>\n<html>\n<head><meta charset="UTF-8"></head>\n<body>\n' +
        '<p>Hello &lt;b&gt;Zoë&lt;/b&gt;,</p>\n<p>Line one<br>\nLine &amp; two</p>\n<p>Last 🎉</p>\n' +
        '</body>\n</html>\n',
    );
  });
});

describe('buildMimeMessage', () => {
  test('byte for byte', () => {
    const html = textToHtml('Hello\n\nBye');
    expect(buildMimeMessage({ to: 'zoe@example.org', subject: 'Hi', text: 'Hello\n\nBye' })).toBe(
      [
        'MIME-Version: 1.0',
        'To: zoe@example.org',
        'Subject: =?UTF-8?B?SGk=?=',
        'Content-Type: multipart/alternative; boundary="=_IRT_Tracker_alternative"',
        '',
        '--=_IRT_Tracker_alternative',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        'SGVsbG8NCg0KQnll',
        '--=_IRT_Tracker_alternative',
        'Content-Type: text/html; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        lines76(b64(html.replace(/\n/g, '\r\n'))),
        '--=_IRT_Tracker_alternative--',
        '',
      ].join('\r\n'),
    );
    expect(BOUNDARY).toBe('=_IRT_Tracker_alternative');
  });

  test('the raw message decodes to its headers, both parts and an accented, emoji subject', () => {
    const subject = 'Réponse à votre signalement 🎉 (IRT-2026-007) — Zoë Brontë';
    const text = 'Hello <Zoë> & "friends" 👋,\n\nParagraph two\nsecond line.\n\n' + 'Long line '.repeat(30).trim();
    const raw = rawMessage({ to: 'zoe@example.org', subject, text });
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    const message = decode(raw);

    // Headers: exactly these, in this order; no Cc, no Bcc, no From (Gmail sets the sender).
    expect(message.head.replace(/\r\n[ \t]/g, ' ').split('\r\n').map((l) => l.slice(0, l.indexOf(':')))).toEqual([
      'MIME-Version',
      'To',
      'Subject',
      'Content-Type',
    ]);
    expect(message.headers.To).toBe('zoe@example.org');
    expect(message.subject).toBe(subject);
    expect(message.headers.Subject).not.toMatch(/[^\x20-\x7e]/);
    expect(message.mime).not.toMatch(/[^\x00-\x7f]/); // 7-bit clean
    for (const line of message.mime.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(message.mime.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF only

    expect(message.parts).toHaveLength(2);
    expect(message.parts[0].head).toBe('Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64');
    expect(message.parts[0].text).toBe(text.replace(/\n/g, '\r\n'));
    expect(message.parts[1].head).toBe('Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64');
    expect(message.parts[1].text).toContain('<p>Hello &lt;Zoë&gt; &amp; &quot;friends&quot; 👋,</p>');
    expect(message.parts[1].text).toContain('<p>Paragraph two<br>\r\nsecond line.</p>');
    expect(message.parts[1].text).not.toContain('<Zoë>');
    expect(message.epilogue).toBe(`--${BOUNDARY}--\r\n`);
  });

  test('a subject with line breaks stays one header; a bad address is refused', () => {
    const message = decode(rawMessage({ to: 'a@b.org', subject: 'One\r\nBcc: evil@x.org', text: 'x' }));
    expect(message.subject).toBe('One Bcc: evil@x.org');
    expect(Object.keys(message.headers)).not.toContain('Bcc');
    for (const to of ['', 'a@b.org, c@d.org', 'a@b.org\r\nBcc: c@d.org', 'Zoë <a@b.org>', 'a@b.org;c@d.org', 'a\u0000@b.org', 'zoë@b.org', 'a\u200B@b.org']) {
      expect(() => buildMimeMessage({ to, subject: 's', text: 't' })).toThrow('A draft goes to exactly one plain email address');
    }
  });
});
