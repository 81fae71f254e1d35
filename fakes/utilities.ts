import { createHash, randomUUID } from 'node:crypto';
import { format } from 'node:util';
import type { FakeClock } from './clock';
import { makeEnum } from './enum';
import { gasError, gasTypeName, signatureError } from './errors';
import { Fake } from './guard';
import { formatSimpleDate } from './simple-date-format';
import type { Implements } from './types';
import { isValidTimeZone } from './tz';

const Charset = makeEnum('Charset', ['US_ASCII', 'UTF_8'] as const);
const DigestAlgorithm = makeEnum('DigestAlgorithm', ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);

/** Apps Script bytes are signed (-128..127). */
function toSignedBytes(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: unknown, charset: unknown, className: string, method: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, String(charset ?? 'UTF_8') === 'US_ASCII' ? 'latin1' : 'utf8');
  if (Array.isArray(data) && data.every((b) => typeof b === 'number')) return Buffer.from(data.map((b) => b & 0xff));
  throw signatureError(className, method, [gasTypeName(data)]);
}

function decodeString(buf: Buffer, charset: unknown): string {
  return buf.toString(String(charset ?? 'UTF_8') === 'US_ASCII' ? 'latin1' : 'utf8');
}

type B = GoogleAppsScript.Base.Blob;

export class FakeBlob extends Fake implements Implements<B, 'getBytes' | 'getDataAsString' | 'getContentType' | 'getName' | 'setName' | 'setContentType'> {
  constructor(
    private readonly _data: Buffer,
    private _contentType: string | null,
    private _name: string | null,
  ) {
    super('Blob');
  }
  getBytes(): number[] {
    return toSignedBytes(this._data);
  }
  getDataAsString(charset?: string): string {
    return decodeString(this._data, charset);
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string | null): this {
    this._contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): this {
    this._name = name;
    return this;
  }
}

type U = GoogleAppsScript.Utilities.Utilities;

export class FakeUtilities
  extends Fake
  implements
    Implements<
      U,
      | 'formatDate'
      | 'formatString'
      | 'base64Encode'
      | 'base64EncodeWebSafe'
      | 'base64Decode'
      | 'base64DecodeWebSafe'
      | 'newBlob'
      | 'getUuid'
      | 'sleep'
      | 'computeDigest'
    >
{
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;

  constructor(private readonly _clock: FakeClock) {
    super('Utilities');
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (Object.prototype.toString.call(date) !== '[object Date]' || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities', 'formatDate', [date, timeZone, format].map(gasTypeName));
    }
    if (Number.isNaN((date as unknown as Date).getTime())) throw gasError('Invalid argument: date');
    // Stricter than Google, which falls back to GMT for an unknown zone: a wrong zone is a bug.
    if (!isValidTimeZone(timeZone)) throw gasError(`Fake Utilities.formatDate: unknown time zone "${timeZone}"`);
    return formatSimpleDate(date as unknown as Date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return format(template, ...args);
  }
  base64Encode(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset, 'Utilities', 'base64Encode').toString('base64');
  }
  base64EncodeWebSafe(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset, 'Utilities', 'base64EncodeWebSafe').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    if (typeof encoded !== 'string') throw signatureError('Utilities', 'base64Decode', [gasTypeName(encoded)]);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded.replace(/\s/g, ''))) throw gasError('Could not decode string.');
    void charset;
    return toSignedBytes(Buffer.from(encoded, 'base64'));
  }
  base64DecodeWebSafe(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    if (typeof encoded !== 'string') throw signatureError('Utilities', 'base64DecodeWebSafe', [gasTypeName(encoded)]);
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded.replace(/\s/g, ''))) throw gasError('Could not decode string.');
    void charset;
    return toSignedBytes(Buffer.from(encoded, 'base64url'));
  }
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(toBuffer(data, undefined, 'Utilities', 'newBlob'), contentType ?? null, name ?? null);
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0) throw signatureError('Utilities', 'sleep', [gasTypeName(milliseconds)]);
    if (milliseconds > 300000) throw gasError('Sleep time is too long. The maximum allowed is 300000 milliseconds.');
    this._clock.advance(milliseconds);
  }
  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: string | number[], charset?: GoogleAppsScript.Utilities.Charset): number[] {
    const names: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
    const algo = names[String(algorithm)];
    if (!algo) throw gasError(`Unsupported digest algorithm ${String(algorithm)}`);
    return toSignedBytes(createHash(algo).update(toBuffer(value, charset, 'Utilities', 'computeDigest')).digest());
  }
}
