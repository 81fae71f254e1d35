/** Counts every call the add-on makes into the fakes, by "Class.method", in order. */
export class CallCounter {
  private readonly entries: string[] = [];
  private readonly hooks: { name: string; remaining: number; run: () => void }[] = [];
  private cells = 0;

  /** Cells a read returned (a 2-D array from a Range getter). */
  recordCells(count: number): void {
    this.cells += count;
  }

  /** Cells read from the spreadsheet since the last reset: what one action costs at a tracker's size. */
  cellsRead(): number {
    return this.cells;
  }

  record(name: string): void {
    this.entries.push(name);
    // One-shot hooks run just before the call they wait for (see FakeEnv.meanwhile).
    const hook = this.hooks.find((h) => h.name === name);
    if (hook && --hook.remaining === 0) {
      this.hooks.splice(this.hooks.indexOf(hook), 1);
      hook.run();
    }
  }

  /** Runs `run` once, just before the `nth` call of `name` from now. */
  before(name: string, run: () => void, nth = 1): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error('CallCounter.before: nth must be a positive integer');
    this.hooks.push({ name, remaining: nth, run });
  }

  total(): number {
    return this.entries.length;
  }

  count(name: string): number {
    let n = 0;
    for (const entry of this.entries) if (entry === name) n++;
    return n;
  }

  byName(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const entry of this.entries) out[entry] = (out[entry] ?? 0) + 1;
    return out;
  }

  /** Calls whose name starts with a prefix, e.g. `countPrefix('Range.')`. */
  countPrefix(prefix: string): number {
    return this.entries.filter((e) => e.startsWith(prefix)).length;
  }

  log(): string[] {
    return [...this.entries];
  }

  reset(): void {
    this.entries.length = 0;
    this.cells = 0;
  }
}
