import type { ReactNode } from 'react';

/** A page's one h1 and an optional line under it. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {children ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
      ) : null}
    </header>
  );
}
