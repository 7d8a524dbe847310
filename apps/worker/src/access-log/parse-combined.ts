/** One request as an nginx `combined` access log line reports it. */
export interface CombinedLogEntry {
  remoteAddr: string;
  remoteUser: string | null;
  /** ISO 8601, UTC. */
  time: string;
  method: string;
  /** The request target: path and query, as the client sent them. */
  target: string;
  protocol: string | null;
  status: number;
  bytes: number;
  referrer: string | null;
  userAgent: string | null;
}

/** Why a line is not a combined log entry. */
export type CombinedLogProblem = 'format' | 'time' | 'request';

export type ParsedLine =
  { ok: true; entry: CombinedLogEntry } | { ok: false; problem: CombinedLogProblem };

// A quoted field: nginx writes `"` and `\` as \x22 and \x5C; other writers may use \" and \\.
const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
/**
 * `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
 * "$http_referer" "$http_user_agent"`, and whatever a longer format adds after it.
 */
const COMBINED = new RegExp(
  String.raw`^(\S+) \S+ (\S+) \[([^\]]+)\] ${QUOTED} (\d{3}) (\d+|-) ${QUOTED} ${QUOTED}(?:\s.*)?$`,
);
const TIME_LOCAL =
  /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const REQUEST = /^([A-Za-z][A-Za-z0-9_-]*) (\S.*?)(?: (HTTP\/\d(?:\.\d)?))?$/;

/** A quoted field's text: escapes undone, the bytes read as UTF-8. */
function unescape(field: string): string {
  if (!field.includes('\\')) return field;
  const bytes: number[] = [];
  for (let i = 0; i < field.length; i++) {
    const char = field[i] ?? '';
    if (
      char === '\\' &&
      field[i + 1] === 'x' &&
      /^[0-9A-Fa-f]{2}$/.test(field.slice(i + 2, i + 4))
    ) {
      bytes.push(parseInt(field.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (char === '\\' && i + 1 < field.length) {
      bytes.push(...Buffer.from(field[i + 1] ?? '', 'utf8'));
      i += 1;
    } else bytes.push(...Buffer.from(char, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `-` is nginx's "none" for a field. */
const orNull = (value: string) => (value === '-' || value === '' ? null : value);

/** `10/Oct/2000:13:55:36 -0700` as an ISO instant, or null when it is no such time. */
export function parseTimeLocal(text: string): string | null {
  const m = TIME_LOCAL.exec(text);
  if (!m) return null;
  const [, day, mon, year, hour, minute, second, sign, offH, offM] = m;
  const month = MONTHS.indexOf(mon ?? '');
  if (month < 0) return null;
  const local = Date.UTC(
    +(year ?? 0),
    month,
    +(day ?? 0),
    +(hour ?? 0),
    +(minute ?? 0),
    +(second ?? 0),
  );
  const date = new Date(local);
  // Date.UTC rolls 31 Feb over into March: a day the month has not is not a time.
  if (date.getUTCDate() !== +(day ?? 0) || +(hour ?? 0) > 23 || +(minute ?? 0) > 59) return null;
  const offset = (sign === '-' ? -1 : 1) * (+(offH ?? 0) * 60 + +(offM ?? 0)) * 60_000;
  return new Date(local - offset).toISOString();
}

/** One line of an nginx `combined` log (without its newline). */
export function parseCombinedLine(line: string): ParsedLine {
  const m = COMBINED.exec(line);
  if (!m) return { ok: false, problem: 'format' };
  const [, remoteAddr, remoteUser, timeLocal, request, status, bytes, referrer, userAgent] = m;
  const time = parseTimeLocal(timeLocal ?? '');
  if (time === null) return { ok: false, problem: 'time' };
  const requestLine = REQUEST.exec(unescape(request ?? ''));
  if (!requestLine) return { ok: false, problem: 'request' };
  return {
    ok: true,
    entry: {
      remoteAddr: remoteAddr ?? '-',
      remoteUser: orNull(remoteUser ?? '-'),
      time,
      method: requestLine[1] ?? '',
      target: requestLine[2] ?? '',
      protocol: requestLine[3] ?? null,
      status: Number(status),
      bytes: bytes === '-' ? 0 : Number(bytes),
      referrer: orNull(unescape(referrer ?? '')),
      userAgent: orNull(unescape(userAgent ?? '')),
    },
  };
}
