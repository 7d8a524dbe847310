import { Menu, X } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';

import { MenuSidebar } from './menu-sidebar';
import { NAV_ITEMS } from './nav-items';
import { focusRing, NavLink, TeamLink } from './shell-links';
import { SignOutButton } from './sign-out-button';
import { teamPath } from './team-path';
import { ThemeToggle } from './theme-toggle';

export interface ShellTeam {
  slug: string;
  name: string;
  role: string;
}

function MainNav({ team }: { team: string }) {
  return (
    <nav aria-label="Main">
      <ul className="space-y-0.5">
        {NAV_ITEMS.map(({ label, segment, icon: Icon }) => (
          <li key={label}>
            <NavLink team={team} segment={segment}>
              <Icon aria-hidden className="size-4 shrink-0" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TeamSwitcher({ teams, team }: { teams: ShellTeam[]; team: string }) {
  return (
    <nav aria-label="Teams">
      <h2 className="px-3 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        Teams
      </h2>
      <ul className="space-y-0.5">
        {teams.map((option) => (
          <li key={option.slug}>
            <TeamLink team={team} target={option.slug}>
              <span className="truncate">{option.name}</span>
              <span className="text-xs text-zinc-500 dark:text-zinc-400">{option.role}</span>
            </TeamLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The frame of every team page: the main navigation and the team switcher in a sidebar (a menu
 * behind a button below the `lg` width), the person's email, the theme toggle and Sign out.
 * A server component: only the links that follow the current page, the menu button, the theme
 * toggle and Sign out run in the browser.
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
  const current = teams.find((option) => option.slug === team);

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <MenuSidebar
        title={
          <span className="font-semibold">
            OpsLedger{' '}
            <span className="font-normal text-zinc-500 dark:text-zinc-400">
              · {current?.name ?? team}
            </span>
          </span>
        }
        openIcon={<Menu aria-hidden className="size-5" />}
        closeIcon={<X aria-hidden className="size-5" />}
      >
        <div className="flex h-full flex-col gap-6 p-3">
          <Link
            href={teamPath(team, '')}
            className={`hidden rounded-md px-3 pt-2 text-lg font-semibold lg:block ${focusRing}`}
          >
            OpsLedger
          </Link>
          <MainNav team={team} />
          <TeamSwitcher teams={teams} team={team} />
          <div className="mt-auto space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <p className="truncate px-3 text-sm text-zinc-600 dark:text-zinc-400" title={email}>
              {email}
            </p>
            <div className="flex items-center justify-between px-1">
              <SignOutButton />
              <ThemeToggle />
            </div>
          </div>
        </div>
      </MenuSidebar>

      <main id="main" className="min-w-0 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
        {children}
      </main>
    </div>
  );
}
