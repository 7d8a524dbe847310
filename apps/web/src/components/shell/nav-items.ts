import {
  Activity,
  ArrowLeftRight,
  BarChart3,
  DatabaseBackup,
  IdCard,
  LayoutDashboard,
  RefreshCw,
  ScrollText,
  Settings,
  type LucideIcon,
} from 'lucide-react';

export interface NavItem {
  /** The link's accessible name: tests and people find the page by it. */
  label: string;
  /** The path under /t/<team>; '' is the team's overview. */
  segment: string;
  icon: LucideIcon;
}

/** The portal's main navigation, in order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Overview', segment: '', icon: LayoutDashboard },
  { label: 'Audit logs', segment: 'audit-logs', icon: ScrollText },
  { label: 'Activity', segment: 'activity', icon: Activity },
  { label: 'Passports', segment: 'passports', icon: IdCard },
  { label: 'Backups', segment: 'backups', icon: DatabaseBackup },
  { label: 'Syncs', segment: 'syncs', icon: RefreshCw },
  { label: 'Events', segment: 'events', icon: ArrowLeftRight },
  { label: 'Traffic', segment: 'traffic', icon: BarChart3 },
  { label: 'Settings', segment: 'settings', icon: Settings },
];

export const teamPath = (team: string, segment: string) =>
  segment ? `/t/${encodeURIComponent(team)}/${segment}` : `/t/${encodeURIComponent(team)}`;
