'use client';

import dynamic from 'next/dynamic';
import { useState, type ReactNode } from 'react';

import { quietButtonClass } from './settings-ui';

/** Fetched when a confirmation is first asked for. */
const ConfirmDialog = dynamic(() => import('./confirm-dialog'));

/**
 * A row's button for something that cannot be undone (revoking a key, removing a member): it
 * asks first, saying what stops working, and acts only when confirmed.
 */
export function ConfirmedActionButton({
  text,
  label,
  question,
  consequence,
  busy,
  onConfirm,
}: {
  /** The button's text and the confirming button's: "Revoke", "Remove". */
  text: string;
  /** The button's accessible name, naming the row: "Revoke API key ci (olk_ab12)". */
  label: string;
  question: string;
  consequence: ReactNode;
  busy: boolean;
  onConfirm: () => void;
}) {
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  return (
    <>
      <button
        type="button"
        className={quietButtonClass}
        disabled={busy}
        aria-label={label}
        aria-haspopup="dialog"
        onClick={(event) => setOpener(event.currentTarget)}
      >
        {text}
      </button>
      {opener ? (
        <ConfirmDialog
          question={question}
          consequence={consequence}
          action={text}
          opener={opener}
          onConfirm={onConfirm}
          onClose={() => setOpener(null)}
        />
      ) : null}
    </>
  );
}
