'use client';

import { Menu, UserRound, X } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';

import { NAV_ITEMS, teamPath } from './nav-items';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export interface ShellTeam {
  slug: string;
  name: string;
  role: string;
}

const focusRing =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600';

/** The page's segment under /t/<team>: '' for the overview, 'audit-logs', … */
function segmentOf(pathname: string, team: string): string {
  const prefix = `/t/${encodeURIComponent(team)}`;
  if (!pathname.startsWith(prefix)) return '';
  return pathname.slice(prefix.length).replace(/^\/+/, '');
}

function MainNav({ team, segment }: { team: string; segment: string }) {
  return (
    <nav aria-label="Main">
      <ul className="space-y-0.5">
        {NAV_ITEMS.map(({ label, segment: itemSegment, icon: Icon }) => {
          const current = itemSegment
            ? segment === itemSegment || segment.startsWith(`${itemSegment}/`)
            : segment === '';
          return (
            <li key={label}>
              <Link
                href={teamPath(team, itemSegment)}
                aria-current={current ? 'page' : undefined}
                className={`flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${
                  current
                    ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
                    : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
                }`}
              >
                <Icon aria-hidden className="size-4 shrink-0" />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** One click to another team, on the same page of it. */
function TeamSwitcher({
  teams,
  team,
  segment,
}: {
  teams: ShellTeam[];
  team: string;
  segment: string;
}) {
  // A page deeper than a stream's list (a record) may not exist in the other team.
  const stream = segment.split('/')[0] ?? '';
  return (
    <nav aria-label="Teams">
      <h2 className="px-3 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        Teams
      </h2>
      <ul className="space-y-0.5">
        {teams.map((option) => (
          <li key={option.slug}>
            <Link
              href={teamPath(option.slug, stream)}
              aria-current={option.slug === team ? 'true' : undefined}
              className={`flex items-center justify-between gap-2 rounded-md px-3 py-1.5 text-sm ${focusRing} ${
                option.slug === team
                  ? 'font-semibold text-zinc-900 dark:text-zinc-50'
                  : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800'
              }`}
            >
              <span className="truncate">{option.name}</span>
              <span className="text-xs text-zinc-500 dark:text-zinc-400">{option.role}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The person's own page (their password), whatever their role: linked by their email. */
const ACCOUNT_SEGMENT = 'account';

function AccountLink({ team, email, current }: { team: string; email: string; current: boolean }) {
  return (
    <Link
      href={teamPath(team, ACCOUNT_SEGMENT)}
      aria-current={current ? 'page' : undefined}
      title={`${email}: your account`}
      className={`flex items-center gap-2 rounded-md px-3 py-1.5 text-sm ${focusRing} ${
        current
          ? 'bg-zinc-200 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50'
          : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800'
      }`}
    >
      <UserRound aria-hidden className="size-4 shrink-0" />
      <span className="sr-only">Your account: </span>
      <span className="truncate">{email}</span>
    </Link>
  );
}

/**
 * The frame of every team page: the main navigation and the team switcher in a sidebar (a menu
 * behind a button below the `lg` width), the person's email (a link to their account page), the
 * theme toggle and Sign out.
 */
export function AppShell({
  team,
  teams,
  email,
  children,
}: {
  team: string;
  teams: ShellTeam[];
  email: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const segment = segmentOf(pathname, team);
  const [menuOpen, setMenuOpen] = useState(false);
  // A link followed from the open menu closes it.
  useEffect(() => setMenuOpen(false), [pathname]);
  const current = teams.find((option) => option.slug === team);

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-zinc-200 bg-white/95 px-4 py-2 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-950/95">
        <span className="font-semibold">
          OpsLedger{' '}
          <span className="font-normal text-zinc-500 dark:text-zinc-400">
            · {current?.name ?? team}
          </span>
        </span>
        <button
          type="button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((open) => !open)}
          className={`rounded-md p-2 hover:bg-zinc-100 dark:hover:bg-zinc-800 ${focusRing}`}
        >
          {menuOpen ? (
            <X aria-hidden className="size-5" />
          ) : (
            <Menu aria-hidden className="size-5" />
          )}
          <span className="sr-only">Menu</span>
        </button>
      </header>

      <aside
        id="sidebar"
        className={`${menuOpen ? 'block' : 'hidden'} border-b border-zinc-200 bg-zinc-50 lg:sticky lg:top-0 lg:block lg:h-dvh lg:overflow-y-auto lg:border-r lg:border-b-0 dark:border-zinc-800 dark:bg-zinc-900/40`}
      >
        <div className="flex h-full flex-col gap-6 p-3">
          <Link
            href={teamPath(team, '')}
            className={`hidden rounded-md px-3 pt-2 text-lg font-semibold lg:block ${focusRing}`}
          >
            OpsLedger
          </Link>
          <MainNav team={team} segment={segment} />
          <TeamSwitcher teams={teams} team={team} segment={segment} />
          <div className="mt-auto space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <AccountLink team={team} email={email} current={segment === ACCOUNT_SEGMENT} />
            <div className="flex items-center justify-between px-1">
              <SignOutButton />
              <ThemeToggle />
            </div>
          </div>
        </div>
      </aside>

      <main id="main" className="min-w-0 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
        {children}
      </main>
    </div>
  );
}
