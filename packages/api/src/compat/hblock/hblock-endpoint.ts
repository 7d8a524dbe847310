import type { Exchange } from '../../http/exchange';

export async function handleHBlockEventRequest(exchange: Exchange): Promise<Response> {
  void exchange;
  return Response.json({ error: { message: 'not built yet' } }, { status: 501 });
}
