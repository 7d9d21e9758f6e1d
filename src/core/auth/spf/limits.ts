// The DNS door of SPF evaluation and the limits of RFC 7208 §4.6.4.

import type { DnsResponse, RRType } from '../../dns/resolver';

/** The DNS door: Lookup fits (query de-duplicated and logged per analysis). */
export interface SpfDns {
  query(name: string, type: RRType): Promise<DnsResponse>;
}

/** §4.6.4 */
export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LIMIT = 2;
export const SPF_MX_PTR_LIMIT = 10;
