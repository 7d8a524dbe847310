/** The published Blocklet Server client's TOTP signer (RFC 4226 over 30 s steps), untyped. */
declare module '@blocklet/server-js/lib/signer/totp' {
  /** The 6-digit code of time step `counter` (30 s steps since the epoch; now when absent). */
  export function sign(key: string, counter?: number): string;
}
