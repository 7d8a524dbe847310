/** Largest free JSON object (e.g. `metadata`) one field may hold, serialised as UTF-8. */
export const MAX_JSON_OBJECT_BYTES = 64 * 1024;
/** Deepest nesting of objects and arrays in one, the field's own object being level 1. */
export const MAX_JSON_OBJECT_DEPTH = 32;

/** Whether a value nests deeper than `levelsLeft`; never walks deeper than that itself. */
function nestsDeeper(value: unknown, levelsLeft: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levelsLeft === 0) return true;
  const members: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return members.some((member) => nestsDeeper(member, levelsLeft - 1));
}

/**
 * Why a free JSON object is too large to store, or null. Every such object is stored, hashed
 * and returned on each read of its record: the limit keeps one write from costing every reader.
 * The depth is checked first, so that a cyclic or absurdly deep value is never serialised.
 */
export function jsonSizeProblem(value: object): string | null {
  if (nestsDeeper(value, MAX_JSON_OBJECT_DEPTH)) {
    return `must not nest deeper than ${MAX_JSON_OBJECT_DEPTH} levels`;
  }
  let serialised: string;
  try {
    serialised = JSON.stringify(value);
  } catch {
    return 'must be JSON';
  }
  const bytes = new TextEncoder().encode(serialised).length;
  return bytes > MAX_JSON_OBJECT_BYTES
    ? `must be at most ${MAX_JSON_OBJECT_BYTES / 1024} KiB as JSON (${MAX_JSON_OBJECT_BYTES} bytes), not ${bytes}`
    : null;
}
