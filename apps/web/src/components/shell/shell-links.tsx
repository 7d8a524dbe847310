'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

import { segmentOf, teamPath } from './team-path';

export const focusRing =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600';

/*
 * The shell is a server component (its icons and markup cost the browser no JavaScript); these
 * links are the parts that follow the current page, so they read the path in the browser.
 */

/** A main navigation link, marked as the current page when it is. */
export function NavLink({
  team,
  segment,
  children,
}: {
  team: string;
  segment: string;
  children: ReactNode;
}) {
  const here = segmentOf(usePathname(), team);
  const current = segment ? here === segment || here.startsWith(`${segment}/`) : here === '';
  return (
    <Link
      href={teamPath(team, segment)}
      aria-current={current ? 'page' : undefined}
      className={`flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${
        current
          ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
          : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
      }`}
    >
      {children}
    </Link>
  );
}

/** One click to another team, on the same page of it. */
export function TeamLink({
  team,
  target,
  children,
}: {
  /** The team of the page shown now. */
  team: string;
  /** The team this link opens. */
  target: string;
  children: ReactNode;
}) {
  // A page deeper than a stream's list (a record) may not exist in the other team.
  const stream = segmentOf(usePathname(), team).split('/')[0] ?? '';
  const current = target === team;
  return (
    <Link
      href={teamPath(target, stream)}
      aria-current={current ? 'true' : undefined}
      className={`flex items-center justify-between gap-2 rounded-md px-3 py-1.5 text-sm ${focusRing} ${
        current
          ? 'font-semibold text-zinc-900 dark:text-zinc-50'
          : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800'
      }`}
    >
      {children}
    </Link>
  );
}
