import { Fake } from './guard';
import type { Implements } from './types';
import { format } from 'node:util';

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

/** Everything logged, in order (tests check no confidential text is logged). */
export class LogBook {
  readonly entries: LogEntry[] = [];
  /** All messages, one string, for `expect(logs.text()).not.toContain(...)`. */
  text(): string {
    return this.entries.map((e) => e.message).join('\n');
  }
  clear(): void {
    this.entries.length = 0;
  }
}

type L = GoogleAppsScript.Base.Logger;

export class FakeLogger extends Fake implements Implements<L, 'log' | 'getLog' | 'clear'> {
  constructor(private readonly _book: LogBook) {
    super('Logger');
  }
  log(...args: unknown[]): this {
    // Logger.log(format, values...) substitutes %s like Apps Script.
    this._book.entries.push({ source: 'Logger', level: 'log', message: format(...args) });
    return this;
  }
  getLog(): string {
    return this._book.entries
      .filter((e) => e.source === 'Logger')
      .map((e) => e.message)
      .join('\n');
  }
  clear(): void {
    for (let i = this._book.entries.length - 1; i >= 0; i--) if (this._book.entries[i].source === 'Logger') this._book.entries.splice(i, 1);
  }
}

/** The script's console (Stackdriver logging): recorded, not printed. */
export class FakeConsole extends Fake {
  constructor(private readonly _book: LogBook) {
    super('console');
  }
  private _push(level: LogEntry['level'], args: unknown[]): void {
    this._book.entries.push({ source: 'console', level, message: format(...args) });
  }
  log(...args: unknown[]): void {
    this._push('log', args);
  }
  info(...args: unknown[]): void {
    this._push('info', args);
  }
  warn(...args: unknown[]): void {
    this._push('warn', args);
  }
  error(...args: unknown[]): void {
    this._push('error', args);
  }
  debug(...args: unknown[]): void {
    this._push('debug', args);
  }
  time(): void {}
  timeEnd(): void {}
}
