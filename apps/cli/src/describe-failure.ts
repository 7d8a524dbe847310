import { isTRPCClientError, networkFailureDetail, TransientResponseError } from '@opsledger/client';
import { CredentialsFileError } from '@opsledger/client/credentials';

import { CliError } from './cli-error';

/** One line that says what went wrong, for anything a command can throw. */
export function describeFailure(error: unknown): string {
  if (error instanceof CliError || error instanceof CredentialsFileError) return error.message;
  if (isTRPCClientError(error)) {
    if (error.cause instanceof TransientResponseError) return error.cause.message;
    const network = networkFailureDetail(error);
    if (network !== null) return `cannot reach the API: ${network}`;
    // The API's 4xx messages start with the field at fault; 500s never carry details.
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
    if (status !== undefined && status >= 500) {
      return `the server failed (${status}: ${error.message}); its log has the details`;
    }
    return error.message;
  }
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
