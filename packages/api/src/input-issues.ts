import { ZodError } from 'zod';

/** One bad field of a procedure's input: where it is, for a form to mark it, and what is wrong. */
export interface InputIssue {
  path: (string | number)[];
  message: string;
}

/**
 * The issues of an input that failed validation, or undefined for any other failure. tRPC keeps
 * the ZodError as the cause of its BAD_REQUEST (toTRPCError preserves it).
 */
export function inputIssuesOf(error: Error): InputIssue[] | undefined {
  if (!(error.cause instanceof ZodError)) return undefined;
  return error.cause.issues.map((issue) => ({
    // zod allows symbol keys; JSON cannot carry them.
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}
