import type { Exchange } from '../../http/exchange';

export async function handleBlockletMetaRequest(exchange: Exchange): Promise<Response> {
  void exchange;
  return Response.json({ error: { message: 'not built yet' } }, { status: 501 });
}

export async function handleDidSpacesAuditLogRequest(
  exchange: Exchange,
  params: Record<string, string>,
): Promise<Response> {
  void exchange;
  void params;
  return Response.json({ error: { message: 'not built yet' } }, { status: 501 });
}
