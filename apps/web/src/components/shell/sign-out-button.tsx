'use client';

import { LogOut } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Ends the session (Better Auth clears the cookie) and goes to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function signOut() {
    setBusy(true);
    setFailed(false);
    // Better Auth takes JSON bodies only, even an empty one.
    const response = await fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => null);
    setBusy(false);
    if (!response?.ok) {
      setFailed(true);
      return;
    }
    router.replace('/sign-in');
    router.refresh();
  }
  return (
    <>
      {failed ? (
        <span role="status" className="text-xs text-red-700 dark:text-red-300">
          Sign-out failed; try again.
        </span>
      ) : null}
      <button
        type="button"
        onClick={() => void signOut()}
        disabled={busy}
        className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <LogOut aria-hidden className="size-4" />
        Sign out
      </button>
    </>
  );
}
