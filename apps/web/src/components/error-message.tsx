import { CircleAlert } from 'lucide-react';

interface ErrorLike {
  message: string;
  data?: { code?: string; httpStatus?: number } | null;
}

/** What went wrong, in words a person reads, from a tRPC error's code and message. */
export function describeError(error: ErrorLike): string {
  switch (error.data?.code) {
    case 'BAD_REQUEST':
      return `A filter is not valid: ${error.message}`;
    case 'UNAUTHORIZED':
      return 'Your session has ended. Sign in again to see this page.';
    case 'FORBIDDEN':
      return 'Your role in this team does not allow this.';
    case 'NOT_FOUND':
      return 'This record does not exist, or it belongs to another team.';
    case 'TOO_MANY_REQUESTS':
      return 'Too many requests just now. Wait a moment, then try again.';
    case 'SERVICE_UNAVAILABLE':
      return 'The server is starting or its database is unreachable. Try again in a moment.';
    default:
      return error.message === 'Failed to fetch'
        ? 'The server could not be reached. Check your connection and try again.'
        : 'Something went wrong on the server. Try again; if it keeps failing, see the server log.';
  }
}

export function ErrorMessage({ error, onRetry }: { error: ErrorLike; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <CircleAlert size={18} aria-hidden />
      <span className="flex-1">{describeError(error)}</span>
      {onRetry && (
        <button type="button" onClick={onRetry} className="btn">
          Try again
        </button>
      )}
    </div>
  );
}
