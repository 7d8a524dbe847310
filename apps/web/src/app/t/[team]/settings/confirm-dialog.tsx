'use client';

import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';

import {
  contentClass,
  dangerButtonClass,
  dialogButtonsClass,
  overlayClass,
  secondaryButtonClass,
} from './dialog-classes';

/**
 * Asks before an action that cannot be undone. An alert dialog: focus starts on Cancel, Escape
 * cancels, and nothing else on the page can be reached until it is answered. Loaded when first
 * opened (next/dynamic), so the settings page's first load does not carry it.
 */
export default function ConfirmDialog({
  question,
  consequence,
  action,
  opener,
  onConfirm,
  onClose,
}: {
  question: string;
  consequence: ReactNode;
  /** The confirming button's text: the action itself ("Revoke"), never a bare "OK". */
  action: string;
  /** The button that opened it: focus returns to it (Radix returns it only to a Trigger). */
  opener: HTMLElement;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <AlertDialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content
          className={contentClass}
          onCloseAutoFocus={(event) => {
            // A row that went away with its button leaves focus where Radix puts it.
            if (!opener.isConnected) return;
            event.preventDefault();
            opener.focus();
          }}
        >
          {/* A long address in the question wraps anywhere rather than run past a phone's edge. */}
          <AlertDialog.Title className="text-lg font-semibold [overflow-wrap:anywhere]">
            {question}
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            {consequence}
          </AlertDialog.Description>
          <div className={dialogButtonsClass}>
            <AlertDialog.Cancel className={secondaryButtonClass}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={dangerButtonClass} onClick={onConfirm}>
              {action}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
