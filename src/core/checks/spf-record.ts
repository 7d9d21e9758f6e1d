// The SPF record of a domain (RFC 7208 §4.5): the TXT records that begin with
// "v=spf1". None → no SPF; more than one → permerror.

import type { Lookup } from '../dns/lookup';
import { outcome, recordsOf, type DnsResponse } from '../dns/resolver';

export interface SpfRecordCheck {
  domain: string;
  outcome: 'found' | 'none' | 'multiple' | 'error';
  records: string[];
  response: DnsResponse;
}

const SPF_PREFIX = /^v=spf1(\s|$)/i;

export async function checkSpfRecord(domain: string, dns: Lookup): Promise<SpfRecordCheck> {
  const response = await dns.query(domain, 'TXT');
  const o = outcome(response);
  if (o === 'error') return { domain, outcome: 'error', records: [], response };
  const records = recordsOf(response)
    .map((r) => r.data)
    .filter((t) => SPF_PREFIX.test(t));
  return { domain, outcome: records.length === 0 ? 'none' : records.length > 1 ? 'multiple' : 'found', records, response };
}
