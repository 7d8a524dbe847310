import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import {
  createGraphQLError,
  createSchema,
  createYoga,
  type YogaInitialContext,
} from 'graphql-yoga';

import type { Caller } from '../../auth/authenticate';
import { HTTP_STATUS, retryAfterHeaders, toServiceError, type ServiceError } from '../../errors';
import type { Exchange } from '../../http/exchange';
import { recordFailure } from './record-failure';

/** What every resolver of a compatible GraphQL endpoint receives. */
export interface GraphqlContext extends YogaInitialContext {
  exchange: Exchange;
}

/**
 * Limits that keep one request from costing the server more than a client's real queries do.
 * The published clients' deepest query is 5 levels and ~150 tokens; the standard introspection
 * query (15 levels) is refused, shallow introspection is answered.
 */
const ARMOR = EnvelopArmorPlugin({
  // armor skips `__schema` selections by default, which would let the full introspection
  // query (and anything nested under `__schema`) through at any depth.
  maxDepth: { n: 8, flattenFragments: true, ignoreIntrospection: false },
  maxAliases: { n: 10 },
  maxDirectives: { n: 10 },
  maxTokens: { n: 2000 },
  costLimit: { maxCost: 5000 },
  // Unknown fields are answered with suggestions: both schemas are public, and "did you mean"
  // is the precise validation error the Activities clients need.
  blockFieldSuggestion: { enabled: false },
});

/**
 * How much of a body is read for a caller that could not be identified from its headers: its
 * answer is an error or the public schema. The published clients' queries are ~150 tokens, a
 * few hundred bytes.
 */
const ANONYMOUS_BODY_BYTES = 16 * 1024;

/**
 * By name, not `instanceof`: graphql-yoga may load another copy of `graphql` than this file
 * (Node resolves its CommonJS `main`, bundlers and Vitest its ESM `module`), and an error of
 * the other copy is not an instance of this one's class. For the same reason errors are built
 * with yoga's own `createGraphQLError`: yoga re-wraps any error it does not recognise, dropping
 * its extensions (the protocol's error code).
 */
function isGraphqlError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

export interface GraphqlEndpointOptions {
  endpoint: string;
  typeDefs: string;
  resolvers: Parameters<typeof createSchema<GraphqlContext>>[0]['resolvers'];
  /** The protocol's name for a known failure (e.g. Blocklet's `forbidden`), as its code. */
  errorCode(error: ServiceError): string;
  /**
   * Who calls, known from the headers before GraphQL runs (and before the body is read), so
   * that every authenticated request joins its team's request log; null lets resolvers refuse
   * in GraphQL's own way. Its failures (too many, a database that is down) are answered as
   * GraphQL errors too.
   */
  authenticate(exchange: Exchange): Promise<Caller | null>;
}

/**
 * A compatible GraphQL endpoint on graphql-yoga. A failure a caller can act on keeps its
 * message and gets the protocol's code; anything else is a bare "internal error". No answer to
 * a bad request is a 5xx: the seed clients retry those.
 */
export function createGraphqlEndpoint(options: GraphqlEndpointOptions) {
  function judged(failure: unknown, located: GraphQLError | undefined): GraphQLError {
    const where = { nodes: located?.nodes, path: located?.path };
    const known = toServiceError(failure);
    const extensions = {
      code: known ? options.errorCode(known) : 'internal',
      // The one failure worth a 5xx: clients retry it, and should, after Retry-After.
      ...(known?.code === 'SERVICE_UNAVAILABLE'
        ? { http: { status: 503, headers: retryAfterHeaders(known) } }
        : {}),
    };
    return createGraphQLError(known?.message ?? 'internal error', { ...where, extensions });
  }

  const yoga = createYoga<{ exchange: Exchange }, GraphqlContext>({
    graphqlEndpoint: options.endpoint,
    schema: createSchema<GraphqlContext>({
      typeDefs: options.typeDefs,
      resolvers: options.resolvers,
    }),
    plugins: [ARMOR, recordFailure],
    graphiql: false,
    landingPage: false,
    logging: false,
    maskedErrors: {
      maskError(error) {
        // A GraphQL error of its own (validation, armor, one a resolver built) is the answer as
        // it is, located; a resolver's other failure is judged, keeping where it happened.
        if (!isGraphqlError(error)) return judged(error, undefined);
        const { originalError } = error;
        if (!originalError || isGraphqlError(originalError)) return error;
        return judged(originalError, error);
      },
    },
  });

  /**
   * A failure before GraphQL runs (a credential or address that failed too often, a body too
   * large, a database that is down), in GraphQL's error shape with the HTTP status it means.
   */
  function refusal(exchange: Exchange, failure: unknown): Response {
    const known = toServiceError(failure);
    const error = known
      ? { message: known.message, extensions: { code: options.errorCode(known) } }
      : { message: 'internal error', extensions: { code: 'internal' } };
    exchange.failure = { code: error.extensions.code, message: error.message };
    return Response.json(
      { errors: [error] },
      { status: known ? HTTP_STATUS[known.code] : 500, headers: retryAfterHeaders(known) },
    );
  }

  /**
   * The caller is known from the headers first: one that could not be identified gets no more
   * than ANONYMOUS_BODY_BYTES read, enough for the errors and public schema it can be answered
   * with.
   */
  return async (exchange: Exchange): Promise<Response> => {
    const { request } = exchange;
    let body: Buffer<ArrayBuffer>;
    try {
      exchange.caller = await options.authenticate(exchange);
      body = await exchange.readBody(exchange.caller ? undefined : ANONYMOUS_BODY_BYTES);
    } catch (error) {
      return refusal(exchange, error);
    }
    const forwarded = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: body.length > 0 ? body : undefined,
    });
    return yoga.fetch(forwarded, { exchange });
  };
}
