/** A team's page: '' is the team's overview, 'audit-logs' its audit logs, … */
export const teamPath = (team: string, segment: string) =>
  segment ? `/t/${encodeURIComponent(team)}/${segment}` : `/t/${encodeURIComponent(team)}`;

/** The page's segment under /t/<team>: '' for the overview, 'audit-logs', … */
export function segmentOf(pathname: string, team: string): string {
  const prefix = `/t/${encodeURIComponent(team)}`;
  if (!pathname.startsWith(prefix)) return '';
  return pathname.slice(prefix.length).replace(/^\/+/, '');
}
