import type { DemoDataReport, DemoStream } from './demo-data/seed-demo-data';

const NAMES: Record<DemoStream, string> = {
  apps: 'apps',
  auditLogs: 'audit logs',
  activities: 'activity logs',
  passportLogs: 'passport logs',
  events: 'user and system events',
  backups: 'backups',
  syncs: 'sync runs',
  traffic: 'traffic hits',
};

/** Log lines an operator can act on: what was written, and what failed and why. */
export function describeDemoData(teamSlug: string, report: DemoDataReport): string[] {
  const written = Object.entries(report.written).map(
    ([stream, count]) => `${count} ${NAMES[stream as DemoStream]}`,
  );
  const lines = [`demo data for team ${teamSlug}: ${written.join(', ') || 'nothing written'}`];
  for (const failure of report.failures) {
    lines.push(
      `demo data: could not write ${NAMES[failure.stream]}: ${failure.message} ` +
        '(the team and its credentials are fine; the server runs without this part of the demo)',
    );
  }
  return lines;
}
