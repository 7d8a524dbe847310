/**
 * What a log line keeps of an error: its type, message, code (a SQLSTATE or errno) and stack
 * frames, for it and each `cause`. Never a statement or its parameters: Drizzle puts both in the
 * message of the error it wraps a driver's in (`Failed query: ...\nparams: ...`), and
 * parameters hold key hashes and shared secrets. Detail fields (`Key (x)=(value)`) are dropped
 * for the same reason.
 */
export interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: LoggedError;
}

const MAX_DEPTH = 5;

/** Drizzle's wrapper, whose message is the statement and its parameters. */
const STATEMENT_MESSAGE = /^Failed query:/;

/** Only the `at ...` lines: the first line of a V8 stack repeats the message. */
const framesOf = (stack: unknown) =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((line) => line.trimStart().startsWith('at '))
        .join('\n')
    : undefined;

function describe(error: unknown, depth: number): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code = (error as { code?: unknown }).code;
  const described: LoggedError = {
    type: error.name,
    message: STATEMENT_MESSAGE.test(error.message) ? 'a database statement failed' : error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    stack: framesOf(error.stack),
  };
  if (error.cause !== undefined && depth < MAX_DEPTH) {
    described.cause = describe(error.cause, depth + 1);
  }
  return described;
}

export const describeError = (error: unknown): LoggedError => describe(error, 0);
