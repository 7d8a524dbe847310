import { describe, expect, it } from 'vitest';

import { parseCombinedLine, parseTimeLocal } from './parse-combined';

describe('parseCombinedLine', () => {
  it('reads a combined line, time zone applied', () => {
    const line =
      '203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif?x=1 HTTP/1.0" 200 2326 ' +
      '"http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"';
    expect(parseCombinedLine(line)).toEqual({
      ok: true,
      entry: {
        remoteAddr: '203.0.113.9',
        remoteUser: 'alice',
        time: '2000-10-10T20:55:36.000Z',
        method: 'GET',
        target: '/apache_pb.gif?x=1',
        protocol: 'HTTP/1.0',
        status: 200,
        bytes: 2326,
        referrer: 'http://www.example.com/start.html',
        userAgent: 'Mozilla/4.08 [en] (Win98; I ;Nav)',
      },
    });
  });

  it('reads `-` fields as none', () => {
    const parsed = parseCombinedLine(
      '::1 - - [01/Dec/2026:00:00:00 +0000] "HEAD / HTTP/1.1" 304 - "-" "-"',
    );
    expect(parsed).toMatchObject({
      ok: true,
      entry: { remoteAddr: '::1', remoteUser: null, bytes: 0, referrer: null, userAgent: null },
    });
  });

  it('undoes nginx\'s \\xHH escapes (quotes, backslashes, UTF-8) and \\" escapes', () => {
    const line =
      String.raw`10.0.0.1 - - [01/Dec/2026:12:00:00 +0100] "GET /caf\xC3\xA9/\x22q\x22 HTTP/1.1" 404 5 ` +
      String.raw`"https://x.example/?a=\x5C" "Agent \"quoted\" \\ end"`;
    expect(parseCombinedLine(line)).toMatchObject({
      ok: true,
      entry: {
        time: '2026-12-01T11:00:00.000Z',
        target: '/café/"q"',
        referrer: 'https://x.example/?a=\\',
        userAgent: 'Agent "quoted" \\ end',
      },
    });
  });

  it('reads a request without a protocol, and ignores fields a longer format appends', () => {
    const line =
      '10.0.0.1 - - [01/Dec/2026:12:00:00 +0000] "GET /old" 200 1 "-" "curl/8" 0.012 "-"';
    expect(parseCombinedLine(line)).toMatchObject({
      ok: true,
      entry: { method: 'GET', target: '/old', protocol: null, userAgent: 'curl/8' },
    });
  });

  it.each([
    ['', 'format'],
    ['garbage', 'format'],
    ['10.0.0.1 - - [01/Dec/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 1 "-"', 'format'],
    [
      '10.0.0.1 - - [01/Dec/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "unterminated',
      'format',
    ],
    ['10.0.0.1 - - [31/Feb/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "-"', 'time'],
    ['10.0.0.1 - - [01/Foo/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "-"', 'time'],
    ['10.0.0.1 - - [01/Dec/2026:12:00:00 +0000] "-" 400 0 "-" "-"', 'request'],
    [String.raw`10.0.0.1 - - [01/Dec/2026:12:00:00 +0000] "\x16\x03\x01" 400 0 "-" "-"`, 'request'],
  ])('refuses %j (%s)', (line, problem) => {
    expect(parseCombinedLine(line)).toEqual({ ok: false, problem });
  });
});

describe('parseTimeLocal', () => {
  it('applies positive and negative offsets', () => {
    expect(parseTimeLocal('01/Jan/2026:00:30:00 +0100')).toBe('2025-12-31T23:30:00.000Z');
    expect(parseTimeLocal('31/Dec/2025:23:30:00 -0130')).toBe('2026-01-01T01:00:00.000Z');
  });
});
