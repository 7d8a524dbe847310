import type { Checkpoint } from '@opsledger/domain';

/** What verify found: `ok` only when every event and checkpoint holds. */
export interface VerifyReport {
  ok: boolean;
  /** The first seq whose hash, seq or link is wrong (or that is missing); null when none. */
  firstBadSeq: number | null;
  problem: string | null;
  eventsChecked: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The newest checkpoint whose signature and chain point both held. */
  lastConfirmedCheckpoint: Checkpoint | null;
  checkpointsConfirmed: number;
}

/** The report as a person reads it. */
export function describeReport(report: VerifyReport): string {
  const lines: string[] = [];
  const range =
    report.firstSeq === null
      ? 'no events'
      : `${report.eventsChecked} events, seq ${report.firstSeq}..${report.lastSeq}`;
  lines.push(
    report.ok
      ? `OK: the chain holds (${range})`
      : `FAILED at seq ${report.firstBadSeq}: ${report.problem}`,
  );
  if (!report.ok) lines.push(`checked before the break: ${range}`);
  const cp = report.lastConfirmedCheckpoint;
  lines.push(
    cp
      ? `last confirmed checkpoint: seq ${cp.seq}, signed ${cp.at} by ${cp.keyId} (${report.checkpointsConfirmed} confirmed)`
      : 'last confirmed checkpoint: none',
  );
  if (report.ok && report.lastSeq !== null && (cp?.seq ?? 0) < report.lastSeq) {
    lines.push(
      `seq ${(cp?.seq ?? 0) + 1}..${report.lastSeq} are linked but not yet covered by a signed checkpoint`,
    );
  }
  return `${lines.join('\n')}\n`;
}
