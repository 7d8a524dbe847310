import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import { THEME_SCRIPT } from '../components/shell/theme';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'OpsLedger', template: '%s · OpsLedger' },
  description: "A team's operational record: audit, activity, passports, backups, syncs, traffic",
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets the `dark` class before React hydrates: not a mismatch to report.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {children}
      </body>
    </html>
  );
}
