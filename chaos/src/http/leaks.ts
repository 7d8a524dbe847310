const LEAKS = [
  // SQL text
  /\b(select|insert into|update|delete from|copy)\b[\s\S]{0,300}?\b(from|values|set|where|stdin)\b/i,
  // a statement's parameters
  /\$\d+\b/,
  // a 64-hex-digit hash, such as a stored key's: no error body has a reason to carry one
  /\b[0-9a-f]{64}\b/i,
];

/**
 * What an error body shows that only the server should see (SQL text or its parameters, a
 * hash), as a short excerpt around it; null when it shows none.
 */
export function leakIn(body: string): string | null {
  // JSON bodies escape the quotes of SQL identifiers; the excerpt reads better without. An
  // event's chain hash is public (every read shows it, for verify), so a partly failed batch
  // (207) that carries events is no leak for it.
  const text = body.replace(/\\+"/g, '"').replace(/"hash":"[0-9a-f]{64}"/gi, '"hash":"…"');
  for (const pattern of LEAKS) {
    const match = pattern.exec(text);
    if (match) return `'${text.slice(match.index, match.index + 80)}'`;
  }
  return null;
}

/** Counts the answers that leaked, and keeps the first excerpt for the report. */
export class LeakTally {
  count = 0;
  first: string | null = null;

  check(body: string): void {
    const leak = leakIn(body);
    if (leak === null) return;
    this.count++;
    this.first ??= leak;
  }

  /** The rule for the report: none, with the first one as the example when there were some. */
  get rule(): string {
    return this.first === null ? 'must be 0' : `must be 0; first: ${this.first}`;
  }
}
