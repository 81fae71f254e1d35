/** Counts every call the add-on makes into the fakes, by "Class.method", in order. */
export class CallCounter {
  private readonly entries: string[] = [];

  record(name: string): void {
    this.entries.push(name);
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
  }
}
