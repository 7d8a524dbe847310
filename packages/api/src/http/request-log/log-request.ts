import type { Exchange } from '../exchange';

/** Puts an authenticated request in its team's request log (HBlock's user events). */
export function logRequest(exchange: Exchange, response: Response): void {
  void exchange;
  void response;
}
