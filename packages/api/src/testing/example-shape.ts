/**
 * Where an answer's shape departs from a seed document's example response: every member the
 * example shows must be there with the same JSON type (an array's members are checked against
 * the example's first). Members the example leaves out are free (the published clients select
 * more), and an example's `null` says nothing about the type. Answers `path: problem` lines.
 */
export function shapeMismatches(actual: unknown, example: unknown, path = '$'): string[] {
  if (example === null) return [];
  const expected = jsonType(example);
  const found = jsonType(actual);
  if (expected !== found) return [`${path}: ${found}, the example has ${expected}`];
  if (Array.isArray(example) && Array.isArray(actual)) {
    if (example.length === 0) return [];
    if (actual.length === 0) return [`${path}: empty, the example has members`];
    return actual.flatMap((item, index) => shapeMismatches(item, example[0], `${path}[${index}]`));
  }
  if (isRecord(example) && isRecord(actual)) {
    return Object.entries(example).flatMap(([key, value]) =>
      Object.hasOwn(actual, key)
        ? shapeMismatches(actual[key], value, `${path}.${key}`)
        : [`${path}.${key}: missing`],
    );
  }
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
