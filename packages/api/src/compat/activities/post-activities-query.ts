/** What an Activities Log client gets back: the HTTP status and the GraphQL response body. */
export interface GraphqlReply {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

/**
 * One query as an Activities Log client sends it: `POST /api/compat/activities` with a JSON
 * body and, when given, `Authorization: Bearer <key>`. No published client exists, so tests
 * speak plain HTTP.
 */
export async function postActivitiesQuery(
  baseUrl: string,
  query: string,
  options: { key?: string; variables?: Record<string, unknown> } = {},
): Promise<GraphqlReply> {
  const response = await fetch(`${baseUrl}/api/compat/activities`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as Omit<GraphqlReply, 'status'>;
  return { status: response.status, ...body };
}

/** The messages of a reply's errors, for assertions that name the field at fault. */
export const errorMessages = (reply: GraphqlReply) => (reply.errors ?? []).map((e) => e.message);
