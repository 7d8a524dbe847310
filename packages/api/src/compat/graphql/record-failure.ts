import type { Plugin } from 'graphql-yoga';

import type { Exchange, ExchangeFailure } from '../../http/exchange';

type OnResultProcess = NonNullable<Plugin['onResultProcess']>;
type ResultProcessorInput = Parameters<OnResultProcess>[0]['result'];

/** The first error of a GraphQL answer, as it goes out (masked, coded by the endpoint). */
function firstError(result: ResultProcessorInput): ExchangeFailure | null {
  // A stream (subscriptions, @defer) is not served: its errors are not known up front anyway.
  if (Symbol.asyncIterator in result) return null;
  const [first] = Array.isArray(result) ? result : [result];
  const [error] = first?.errors ?? [];
  if (!error) return null;
  const { code } = error.extensions;
  return { code: typeof code === 'string' ? code : undefined, message: error.message };
}

/**
 * Puts the failure a GraphQL answer carries on the exchange, for the request log: every answer
 * yoga sends (resolver failures judged by maskError, validation, armor's limits) passes here.
 */
export const recordFailure: Plugin<Record<string, unknown>, { exchange: Exchange }> = {
  onResultProcess({ result, serverContext }) {
    serverContext.exchange.failure = firstError(result);
  },
};
