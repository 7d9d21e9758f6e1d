// The resolver engine as the CLI runs it (src/net/doh.ts): HTTP/2 sessions to
// https resolvers (./doh-fetch.ts), the first one opened at once (before the
// input is read), and every request counted as sent when handed over (Node
// opens as many connections or streams as there are questions: nothing waits
// unsent in a queue of its own).

import { DohResolver } from '../net/doh';
import { http2Fetch } from './doh-fetch';

/** The resolver, and close(): abandon what is still asked once the run is over. */
export function cliResolver(endpoints: string[]): DohResolver & { close: () => void } {
  const fetch = http2Fetch();
  if (endpoints[0]) fetch.preconnect(endpoints[0]);
  return Object.assign(new DohResolver({ endpoints, connectionsPerEndpoint: Infinity, fetch }), { close: fetch.close });
}
