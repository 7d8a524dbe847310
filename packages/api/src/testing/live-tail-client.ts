import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { EventSource } from 'eventsource';

import type { AppRouter } from '../root';

/** What a tail received, in order: each event's tracked id (its seq) and record. */
export interface TailLog<T> {
  received: { id: string; data: T }[];
  ids(): number[];
  errors: unknown[];
  /** Whether the link is connected (`pending`) or reconnecting (`connecting`). */
  states: string[];
  stop(): void;
}

/**
 * A typed client as a program outside the portal would use it: queries and writes over HTTP
 * batches, subscriptions over SSE (the `eventsource` package; Node 20 has no EventSource), the
 * API key sent as a header on both.
 */
export function liveTailClient(baseUrl: string, apiKey: string): TRPCClient<AppRouter> {
  const url = `${baseUrl}/api/trpc`;
  const authorization = `Bearer ${apiKey}`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input: string | URL | Request, init?: RequestInit) =>
              fetch(input, {
                ...init,
                headers: { ...(init?.headers as Record<string, string>), authorization },
              }),
          }),
        }),
        false: httpBatchLink({ url, headers: { authorization } }),
      }),
    ],
  });
}

/** Subscribes through `subscribe` and keeps what arrives. */
export function collectTail<T>(
  subscribe: (handlers: {
    onData(value: { id: string; data: T }): void;
    onError(error: unknown): void;
    onConnectionStateChange(state: { state: string }): void;
  }) => { unsubscribe(): void },
): TailLog<T> {
  const log: Omit<TailLog<T>, 'stop'> = {
    received: [],
    ids: () => log.received.map((item) => Number(item.id)),
    errors: [],
    states: [],
  };
  const subscription = subscribe({
    onData: (value) => log.received.push(value),
    onError: (error) => log.errors.push(error),
    onConnectionStateChange: (state) => log.states.push(state.state),
  });
  return { ...log, stop: () => subscription.unsubscribe() };
}
