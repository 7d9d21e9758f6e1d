// The one door from core/ to DNS. core/ never opens a socket or calls fetch:
// whoever runs analyze() hands in a Resolver (DoH in the browser and the CLI,
// a table in tests). A Resolver never throws: a failed question is an answer
// whose `failure` says what went wrong, so that every check can turn it into
// `inconclusive` instead of a wrong verdict.

export type RRType = 'A' | 'AAAA' | 'PTR' | 'TXT' | 'MX' | 'CNAME' | 'NS' | 'SOA';

/** Why a question got no DNS answer at all (not a DNS rcode). */
export type DnsFailure =
  | 'TIMEOUT' // no answer within the per-query timeout, on every resolver tried
  | 'NETWORK' // fetch failed: offline, DNS of the resolver itself, connection refused
  | 'CORS' // the resolver refused a cross-origin request from the page
  | 'HTTP' // the resolver answered with an HTTP error status
  | 'MALFORMED' // the body was not a DNS message, or not the answer to our question
  | 'OFFLINE' // live checks are switched off (--offline), or the browser says it is offline: nothing was sent
  | 'CANCELLED' // the analysis was cancelled before the answer came
  | 'LIMIT' // the analysis hit maxDnsQueries
  | 'DEADLINE' // the diagnosis' overall time for DNS (limits.dnsDeadlineMs) ran out first
  | 'INVALID' // the name cannot be a DNS question (not a valid internationalised name): nothing was sent
  | 'PENDING'; // a progress snapshot only (analyze's onPartial): the answer has not come yet

/** One try of one resolver for a question (the resolver engine falls back to the next on failure). */
export interface DnsAttempt {
  resolver: string;
  /** The DNS rcode, or the failure's name. */
  rcode: string;
  failure?: DnsFailure;
  error?: string;
  ms: number;
}

export interface DnsRecord {
  name: string;
  type: string;
  ttl: number;
  /**
   * Presentation form: A/AAAA the address, PTR/CNAME/NS the name (no trailing
   * dot), TXT the character-strings concatenated (RFC 7208 §3.3, RFC 6376
   * §3.6.2.2), MX "preference exchange".
   */
  data: string;
  /** TXT: the separate character-strings. */
  strings?: string[];
  /** MX: preference and exchange. */
  preference?: number;
  exchange?: string;
}

export interface DnsResponse {
  name: string;
  type: RRType;
  /** NOERROR, NXDOMAIN, SERVFAIL, REFUSED… or, with `failure`, the failure's name. */
  rcode: string;
  /** Answer records of the asked type (CNAMEs followed by the resolver are kept too). */
  answers: DnsRecord[];
  /** DNSSEC: the resolver validated the answer (AD flag, RFC 4035 §3.2.3). */
  ad: boolean;
  /** The resolver that gave the answer (its URL), or "" when none did. */
  resolver: string;
  /** Time taken, in milliseconds. */
  ms: number;
  failure?: DnsFailure;
  /** Human explanation of a failure. */
  error?: string;
  cached?: boolean;
  /** Every resolver tried, in order, when more than one was (fallback). */
  attempts?: DnsAttempt[];
}

export interface Resolver {
  resolve(name: string, type: RRType, signal?: AbortSignal): Promise<DnsResponse>;
}

/** What a response means for a check, independent of the record type. */
export type Outcome = 'answer' | 'nodata' | 'nxdomain' | 'error';

export function outcome(r: DnsResponse): Outcome {
  if (r.failure) return 'error';
  if (r.rcode === 'NXDOMAIN') return 'nxdomain';
  if (r.rcode !== 'NOERROR') return 'error';
  return r.answers.some((a) => a.type === r.type) ? 'answer' : 'nodata';
}

/** The records of the asked type (dropping CNAMEs on the way). */
export function recordsOf(r: DnsResponse): DnsRecord[] {
  return r.answers.filter((a) => a.type === r.type);
}

/** The CNAME targets the resolver followed, in order (RFC 1034 §3.6.2): empty when the name had none. */
export function cnameChain(r: DnsResponse): string[] {
  if (r.type === 'CNAME') return [];
  return r.answers.filter((a) => a.type === 'CNAME').map((a) => a.data);
}

/**
 * Short text for a response, for evidence lines. A CNAME on the way is shown
 * ("CNAME target → …"): a key or policy delegated to a provider that has none
 * is a different fix from a record never published.
 */
export function describeResponse(r: DnsResponse): string {
  if (r.failure) return `${r.failure.toLowerCase()}${r.error ? ': ' + r.error : ''}`;
  const via = cnameChain(r)
    .map((t) => `CNAME ${t} → `)
    .join('');
  const recs = recordsOf(r);
  if (r.rcode === 'NOERROR' && recs.length) return via + recs.map((a) => a.data).join(', ');
  if (r.rcode === 'NOERROR') return `${via}no records (NODATA)`;
  return via + r.rcode;
}

/** A resolver for --offline: every question is answered OFFLINE. */
/** The answer to a question that was never sent (live checks off, offline, not recorded). */
export function offlineResponse(name: string, type: RRType, error: string): DnsResponse {
  return { name, type, rcode: 'OFFLINE', answers: [], ad: false, resolver: '', ms: 0, failure: 'OFFLINE', error };
}

export const offlineResolver: Resolver = {
  async resolve(name, type) {
    return offlineResponse(name, type, 'live checks are off');
  },
};
