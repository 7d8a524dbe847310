import { createHash } from 'node:crypto';

/**
 * The idempotency key of a line that brings none: derived from the stream, the line's number
 * and its text, so importing the same file again records nothing new, and fixing one bad line
 * in place changes the key of that line only.
 */
export function lineIdempotencyKey(stream: string, lineNumber: number, text: string): string {
  const digest = createHash('sha256')
    .update(`${stream}\n${lineNumber}\n${text}`)
    .digest('base64url');
  return `import:${digest}`;
}
