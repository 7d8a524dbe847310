/** Member and parameter names whose values never reach the request log. */
const SECRET_NAME = /secret|password|token|key|signature|authorization/i;

export const REDACTED = '[redacted]';

export const isSecretName = (name: string) => SECRET_NAME.test(name);

/** A copy of a parsed JSON value with the value of every secret-named member replaced. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, member]) => [
        name,
        isSecretName(name) ? REDACTED : redactJson(member),
      ]),
    );
  }
  return value;
}

function decode(component: string): string | null {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/** A query value that is JSON (tRPC's `?input=`), redacted inside, or null when it is not. */
function redactedJsonValue(value: string): string | null {
  if (!/^\s*[[{]/.test(value)) return null;
  try {
    return JSON.stringify(redactJson(JSON.parse(value)));
  } catch {
    return null;
  }
}

/**
 * The request target with secrets in its query redacted: secret-named parameters lose their
 * value, and JSON values (tRPC puts a GET's input in `?input=`) are redacted inside. Everything
 * else stays exactly as the client sent it.
 */
export function redactTarget(target: string): string {
  const start = target.indexOf('?');
  if (start < 0) return target;
  const pairs = target
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      const name = decode(rawName) ?? rawName;
      if (isSecretName(name)) return `${rawName}=${REDACTED}`;
      if (equals < 0) return pair;
      const value = decode(pair.slice(equals + 1));
      const json = value === null ? null : redactedJsonValue(value);
      return json === null || json === value ? pair : `${rawName}=${encodeURIComponent(json)}`;
    });
  return `${target.slice(0, start)}?${pairs.join('&')}`;
}
