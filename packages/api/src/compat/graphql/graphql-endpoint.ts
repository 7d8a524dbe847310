import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga, type YogaInitialContext } from 'graphql-yoga';
import { ServiceError, toServiceError } from '../../errors';
import type { Exchange } from '../../http/exchange';

/** What every resolver of a compatible GraphQL endpoint receives. */
export interface GraphqlContext extends YogaInitialContext {
  exchange: Exchange;
}

/**
 * Limits that keep one request from costing the server more than a client's real queries do.
 * The published clients' deepest query is 5 levels and ~150 tokens; the standard introspection
 * query (13 levels) is refused, shallow introspection is answered.
 */
const ARMOR = EnvelopArmorPlugin({
  maxDepth: { n: 8, flattenFragments: true },
  maxAliases: { n: 10 },
  maxDirectives: { n: 10 },
  maxTokens: { n: 2000 },
  costLimit: { maxCost: 5000 },
  // Unknown fields are answered with suggestions: both schemas are public, and "did you mean"
  // is the precise validation error the Activities clients need.
  blockFieldSuggestion: { enabled: false },
});

export interface GraphqlEndpointOptions {
  endpoint: string;
  typeDefs: string;
  resolvers: Parameters<typeof createSchema<GraphqlContext>>[0]['resolvers'];
  /** The protocol's name for a known failure (e.g. Blocklet's `forbidden`), as its code. */
  errorCode(error: ServiceError): string;
}

/**
 * A compatible GraphQL endpoint on graphql-yoga. A failure a caller can act on keeps its
 * message and gets the protocol's code; anything else is a bare "internal error". No answer to
 * a bad request is a 5xx: the seed clients retry those.
 */
export function createGraphqlEndpoint(options: GraphqlEndpointOptions) {
  const yoga = createYoga<{ exchange: Exchange }, GraphqlContext>({
    graphqlEndpoint: options.endpoint,
    schema: createSchema<GraphqlContext>({
      typeDefs: options.typeDefs,
      resolvers: options.resolvers,
    }),
    plugins: [ARMOR],
    graphiql: false,
    landingPage: false,
    logging: false,
    maskedErrors: {
      maskError(error) {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        if (original instanceof GraphQLError) return original;
        const known = toServiceError(original);
        if (!known) return new GraphQLError('internal error', { extensions: { code: 'internal' } });
        return new GraphQLError(known.message, {
          extensions: { code: options.errorCode(known) },
        });
      },
    },
  });

  return (exchange: Exchange): Promise<Response> => {
    const { request } = exchange;
    const body = exchange.body.length > 0 ? exchange.body : undefined;
    const forwarded = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body,
    });
    return Promise.resolve(yoga.fetch(forwarded, { exchange }));
  };
}
