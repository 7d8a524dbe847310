/** The look of the settings page's dialogs (the confirmation and the password reset). */
export const overlayClass = 'fixed inset-0 z-40 bg-black/40';
export const contentClass =
  'fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl outline-none dark:border dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
export const secondaryButtonClass =
  'inline-flex items-center justify-center rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:hover:bg-zinc-800';
export const dangerButtonClass =
  'inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-red-600 dark:hover:bg-red-500';
/** Cancel and the action: side by side on a wide screen, the action on top on a phone. */
export const dialogButtonsClass = 'mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end';
