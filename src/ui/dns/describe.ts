// How a query-log entry reads in the page. Plain functions, so that the
// component stays small and the wording is testable.

import type { DnsLogEntry } from '../../core/types';

const FAILURE_HELP: Record<string, string> = {
  TIMEOUT: 'no answer in time',
  NETWORK: 'resolver unreachable',
  CORS: 'resolver refuses this page (cross-origin)',
  HTTP: 'HTTP error from the resolver',
  MALFORMED: 'not a valid answer',
  LIMIT: 'over the question limit',
  SERVFAIL: 'the resolver failed (SERVFAIL)',
  REFUSED: 'the resolver refused (REFUSED)',
};

/** The answer column: records, NODATA, NXDOMAIN or what failed. */
export function answerText(e: DnsLogEntry): string {
  if (e.rcode === 'NOERROR') return e.answers.length ? e.answers.join(', ') : 'no records (NODATA)';
  if (e.rcode === 'NXDOMAIN') return 'no such name (NXDOMAIN)';
  return FAILURE_HELP[e.rcode] ? `${e.rcode}: ${FAILURE_HELP[e.rcode]}` : e.rcode;
}

/** Whether the entry is a failure (the question got no DNS answer or an error rcode). */
export function isFailure(e: DnsLogEntry): boolean {
  return e.rcode !== 'NOERROR' && e.rcode !== 'NXDOMAIN';
}

/** RFC 5782 §5 test points asked beside each blocklist question. */
export function isTestPoint(e: DnsLogEntry): boolean {
  return (
    /^(?:2\.0\.0\.127|1\.0\.0\.127|test|invalid)\./.test(e.name) || /^[12](?:\.0){3}\.0\.0\.f\.7\.f\.f\.f\.f(?:\.0){20}\./.test(e.name)
  );
}

/** The time column: ms on the wire, or "cache". */
export function timeText(e: DnsLogEntry): string {
  return e.cached ? 'cache' : `${e.ms} ms`;
}
