'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';

import { focusRing } from './shell-links';

/**
 * Below the `lg` width the sidebar folds behind a Menu button in a top bar; this holds whether
 * it is open. The bar's title, the icons and the sidebar's content come rendered from the
 * server.
 */
export function MenuSidebar({
  title,
  openIcon,
  closeIcon,
  children,
}: {
  title: ReactNode;
  openIcon: ReactNode;
  closeIcon: ReactNode;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  // A link followed from the open menu closes it.
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-zinc-200 bg-white/95 px-4 py-2 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-950/95">
        {title}
        <button
          type="button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((open) => !open)}
          className={`rounded-md p-2 hover:bg-zinc-100 dark:hover:bg-zinc-800 ${focusRing}`}
        >
          {menuOpen ? closeIcon : openIcon}
          <span className="sr-only">Menu</span>
        </button>
      </header>
      <aside
        id="sidebar"
        className={`${menuOpen ? 'block' : 'hidden'} border-b border-zinc-200 bg-zinc-50 lg:sticky lg:top-0 lg:block lg:h-dvh lg:overflow-y-auto lg:border-r lg:border-b-0 dark:border-zinc-800 dark:bg-zinc-900/40`}
      >
        {children}
      </aside>
    </>
  );
}
