/**
 * The NOTIFY channel on which every append announces the team and the chain's new last seq. The
 * payload stays small (PostgreSQL refuses payloads of 8 kB and more): listeners read the new rows
 * themselves, by seq, so a notice that is lost (a listener reconnecting) loses no event.
 */
export const EVENTS_APPENDED_CHANNEL = 'opsledger_events_appended';

export interface EventsAppended {
  teamId: string;
  /** The team's last seq once the append committed. */
  seq: number;
}

/** A notice's payload, or null for one this version did not send. */
export function parseEventsAppended(payload: string): EventsAppended | null {
  try {
    const parsed = JSON.parse(payload) as { team?: unknown; seq?: unknown };
    const seq = Number(parsed.seq);
    if (typeof parsed.team !== 'string' || !Number.isSafeInteger(seq)) return null;
    return { teamId: parsed.team, seq };
  } catch {
    return null;
  }
}
