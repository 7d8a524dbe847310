import { describe, expect, it } from 'vitest';

import { recordedBody } from './recorded-body';
import { redactJson, redactTarget } from './redact-secrets';

describe('redaction', () => {
  it('replaces secret-named members at any depth, in any case, arrays included', () => {
    expect(
      redactJson({
        user: 'a',
        Password: 'p',
        nested: [{ accessKeySecret: 's', AUTHORIZATION: 'Bearer x', list: [{ signature: 1 }] }],
      }),
    ).toEqual({
      user: 'a',
      Password: '[redacted]',
      nested: [
        {
          accessKeySecret: '[redacted]',
          AUTHORIZATION: '[redacted]',
          list: [{ signature: '[redacted]' }],
        },
      ],
    });
  });

  it('redacts secret-named query parameters and JSON values, keeping the rest as sent', () => {
    expect(redactTarget('/a?x=1&api%5Fkey=s&flag&token')).toBe(
      '/a?x=1&api%5Fkey=[redacted]&flag&token=[redacted]',
    );
    expect(redactTarget('/p?input=%7B%22a%22%3A1%7D')).toBe('/p?input=%7B%22a%22%3A1%7D');
    expect(decodeURIComponent(redactTarget('/p?input=%7B%22password%22%3A%22x%22%7D'))).toBe(
      '/p?input={"password":"[redacted]"}',
    );
    expect(redactTarget('/p?bad=%E0%A4%A')).toBe('/p?bad=%E0%A4%A');
  });
});

describe('recordedBody', () => {
  it('keeps JSON (redacted), summarises the rest, and records nothing for no body', () => {
    expect(recordedBody(Buffer.alloc(0))).toBeUndefined();
    expect(recordedBody(Buffer.from('{"token":"t","n":1}'))).toBe('{"token":"[redacted]","n":1}');
    expect(JSON.parse(recordedBody(Buffer.from('a=b')) ?? '')).toEqual({
      omitted: '3 bytes',
      reason: 'not JSON',
    });
    expect(JSON.parse(recordedBody(Buffer.from([0xff, 0xfe])) ?? '')).toMatchObject({
      reason: 'not JSON',
    });
    const deep = '['.repeat(30_000) + ']'.repeat(30_000);
    expect(JSON.parse(recordedBody(Buffer.from(deep)) ?? '')).toMatchObject({
      omitted: expect.any(String),
    });
    // Within the parse limit but longer than the store keeps once serialised.
    const long = JSON.stringify({ text: 'x'.repeat(20_000) });
    expect(JSON.parse(recordedBody(Buffer.from(long)) ?? '')).toEqual({
      omitted: `${long.length} bytes`,
      reason: 'too large to record',
    });
  });
});
