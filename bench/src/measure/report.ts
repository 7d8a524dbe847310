export interface Target {
  comparison: '>=' | '<=';
  value: number;
}

export interface BenchResult {
  name: string;
  /** The measured figures and how they were taken, in words. */
  figures: string;
  ratio: number;
  /** What the ratio divides, e.g. `API / COPY`. */
  ratioOf: string;
  target: Target;
  /** Wrong answers seen while measuring: the timing holds, the API needs fixing. */
  faults: string[];
  /** Further figures that explain the result, one line each. */
  details?: string[];
}

export function passed({ ratio, target }: BenchResult): boolean {
  return target.comparison === '>=' ? ratio >= target.value : ratio <= target.value;
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatCount = (value: number) => count.format(value);
export const formatMs = (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;

/** One line per benchmark: figures, ratio against its baseline, target and verdict. */
export function formatResult(result: BenchResult): string {
  const { comparison, value } = result.target;
  return (
    `${result.name}: ${result.figures} | ratio ${result.ratioOf} = ${result.ratio.toFixed(2)}` +
    ` | target ${comparison} ${value} | ${passed(result) ? 'PASS' : 'MISS'}` +
    result.faults.map((fault) => ` | WRONG RESULT: ${fault}`).join('') +
    (result.details ?? []).map((detail) => `\n    ${detail}`).join('')
  );
}
