import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

import { hotpCode, matchesTimeStep, sha256Code, timeStep } from './time-step-codes';

interface ClientSigner {
  sign(secret: string, counter: number): string;
}
// The published client's own signers (untyped CommonJS): what it sends is what must pass.
const { sha256: clientSha256, totp: clientTotp } = createRequire(import.meta.url)(
  '@blocklet/server-js/lib/signer',
) as { sha256: ClientSigner; totp: ClientSigner };

describe('time-step codes', () => {
  it('computes the RFC 4226 HOTP test vectors', () => {
    // RFC 4226, Appendix D: secret "12345678901234567890", counters 0..9.
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotpCode('12345678901234567890', counter))).toEqual(
      expected,
    );
  });

  it("computes the codes @blocklet/server-js's signers send", () => {
    const step = timeStep(Date.now());
    for (const secret of ['s3cret', 'RNRpZ-y8rUAVoTfNq3VOopkP78OSPuUCy48fK19YKGg', 'ünï']) {
      expect(sha256Code(secret, step)).toBe(clientSha256.sign(secret, step));
      expect(hotpCode(secret, step)).toBe(clientTotp.sign(secret, step));
    }
  });

  it('accepts the step before, the step and the step after, and nothing further', () => {
    const now = 1_700_000_000_000;
    const step = timeStep(now);
    const codeOf = (s: number) => sha256Code('k', s);
    for (const offset of [-1, 0, 1]) {
      expect(matchesTimeStep(codeOf(step + offset), now, codeOf)).toBe(true);
    }
    for (const offset of [-2, 2]) {
      expect(matchesTimeStep(codeOf(step + offset), now, codeOf)).toBe(false);
    }
    expect(matchesTimeStep('', now, codeOf)).toBe(false);
  });
});
