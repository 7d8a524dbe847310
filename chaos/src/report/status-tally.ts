/** How often each HTTP status (or failure without one) was seen, e.g. `503x12,500x3,net x2`. */
export class StatusTally {
  private readonly counts = new Map<string, number>();

  add(status: number | 'net' | 'timeout'): void {
    const label = String(status);
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  count(status: number | 'net' | 'timeout'): number {
    return this.counts.get(String(status)) ?? 0;
  }

  /** Answers whose status satisfies `match` (network failures and timeouts never do). */
  countWhere(match: (status: number) => boolean): number {
    let total = 0;
    for (const [label, count] of this.counts) {
      const status = Number(label);
      if (Number.isInteger(status) && match(status)) total += count;
    }
    return total;
  }

  get total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  toString(): string {
    if (this.counts.size === 0) return 'none';
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, count]) => `${label}x${count}`)
      .join(',');
  }
}
