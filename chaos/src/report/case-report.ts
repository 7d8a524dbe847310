/**
 * One case's line of figures and the rules they broke. Every figure that must hold a value is
 * recorded through `expect`, so a figure printed is a figure checked whenever it has a rule.
 */
export class CaseReport {
  private readonly figures: string[] = [];
  private readonly broken: string[] = [];
  private skippedBecause: string | null = null;

  constructor(
    readonly number: number,
    readonly title: string,
  ) {}

  /** A figure shown for context, with no rule. */
  note(name: string, value: string | number): void {
    this.figures.push(`${name}=${value}`);
  }

  /** A figure and its rule; `rule` says what it must be, for the failure message. */
  expect(name: string, value: string | number, holds: boolean, rule: string): void {
    this.note(name, value);
    // One line per case, even when a rule quotes a multi-line message.
    if (!holds) this.broken.push(`${name}=${value} (${rule})`.replace(/\s+/g, ' '));
  }

  expectZero(name: string, value: number): void {
    this.expect(name, value, value === 0, 'must be 0');
  }

  /** The case could not run its steps to the end: that is a failure, with the reason. */
  abort(reason: string): void {
    this.broken.push(`did not complete: ${reason}`.replace(/\s+/g, ' '));
  }

  skip(reason: string): void {
    this.skippedBecause = reason;
  }

  get outcome(): 'passed' | 'failed' | 'skipped' {
    if (this.broken.length > 0) return 'failed';
    return this.skippedBecause === null ? 'passed' : 'skipped';
  }

  line(): string {
    const head = `chaos ${this.number} ${this.title}:`;
    const figures = this.figures.join(' ');
    if (this.outcome === 'skipped') return `${head} SKIPPED (${this.skippedBecause})`;
    if (this.outcome === 'passed') return `${head} ${figures} -> PASS`;
    return `${head} ${figures} -> FAIL: ${this.broken.join('; ')}`;
  }
}
