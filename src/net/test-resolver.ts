// The settings panel's "test" button: is this DoH endpoint usable from here?
// One real question (example.com A: a DNSSEC-signed name, so a validating
// resolver shows the AD flag), answered or failed with the same failure kinds
// as a diagnosis: CORS, NETWORK, TIMEOUT, HTTP, MALFORMED.

import type { DnsFailure } from '../core/dns/resolver';
import { DohResolver } from './doh';
import { resolverUrlProblem } from '../core/settings';

export interface ResolverTest {
  url: string;
  ok: boolean;
  /** Why the URL was refused before anything was sent. */
  invalid?: string;
  failure?: DnsFailure;
  rcode?: string;
  /** The resolver validated DNSSEC (AD flag). */
  ad?: boolean;
  ms?: number;
  message: string;
}

export const TEST_NAME = 'example.com';

export async function testResolver(url: string, o: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<ResolverTest> {
  const invalid = resolverUrlProblem(url);
  if (invalid) return { url, ok: false, invalid, message: `Not a usable DoH URL: ${invalid}.` };
  const r = await new DohResolver({ endpoints: [url], cache: false, fetch: o.fetch, timeoutMs: o.timeoutMs ?? 5000 }).resolve(
    TEST_NAME,
    'A',
  );
  const ms = Math.round(r.ms);
  if (r.failure) return { url, ok: false, failure: r.failure, ms, message: `${r.failure}: ${r.error ?? 'failed'}` };
  // SERVFAIL/REFUSED: it cannot resolve for us. NXDOMAIN is still an answer (the
  // resolver works), though a filtering resolver that hides example.com is odd.
  if (r.rcode !== 'NOERROR' && r.rcode !== 'NXDOMAIN') {
    return {
      url,
      ok: false,
      rcode: r.rcode,
      ms,
      message: `The resolver answered ${r.rcode} for ${TEST_NAME}: it cannot resolve for this page.`,
    };
  }
  if (r.rcode === 'NXDOMAIN') {
    return {
      url,
      ok: true,
      rcode: r.rcode,
      ad: r.ad,
      ms,
      message: `Answered in ${ms} ms, but says ${TEST_NAME} does not exist (a filtering resolver?).`,
    };
  }
  return {
    url,
    ok: true,
    rcode: r.rcode,
    ad: r.ad,
    ms,
    message: `Answered in ${ms} ms${r.ad ? ', DNSSEC-validated (AD)' : ', without DNSSEC validation (no AD flag)'}.`,
  };
}
