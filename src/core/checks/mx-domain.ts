// The sender domain's other mail records, for information: MX (RFC 5321 §5;
// RFC 7505 null MX), MTA-STS (RFC 8461: a TXT at _mta-sts plus a policy file
// over HTTPS, which core cannot fetch), TLS-RPT (RFC 8460) and BIMI
// (draft-brand-indicators-for-message-identification, default._bimi).

import type { Lookup } from '../dns/lookup';
import type { DnsResponse } from '../dns/resolver';
import { outcome, recordsOf } from '../dns/resolver';

export interface DomainRecord {
  name: string;
  outcome: 'found' | 'none' | 'error';
  values: string[];
  response: DnsResponse;
}

export interface MxDomainCheck {
  domain: string;
  mx: DomainRecord;
  mtaSts: DomainRecord;
  tlsRpt: DomainRecord;
  bimi: DomainRecord;
}

async function txt(dns: Lookup, name: string, prefix: RegExp): Promise<DomainRecord> {
  const response = await dns.query(name, 'TXT');
  const o = outcome(response);
  const values = recordsOf(response)
    .map((r) => r.data)
    .filter((t) => prefix.test(t));
  return { name, outcome: o === 'error' ? 'error' : values.length ? 'found' : 'none', values, response };
}

export async function checkMxDomain(domain: string, dns: Lookup): Promise<MxDomainCheck> {
  const mxResponse = dns.query(domain, 'MX').then((response): DomainRecord => {
    const o = outcome(response);
    const values = recordsOf(response)
      .sort((a, b) => (a.preference ?? 0) - (b.preference ?? 0))
      .map((r) => r.data);
    return { name: domain, outcome: o === 'error' ? 'error' : values.length ? 'found' : 'none', values, response };
  });
  const [mx, mtaSts, tlsRpt, bimi] = await Promise.all([
    mxResponse,
    txt(dns, `_mta-sts.${domain}`, /^v=STSv1/i),
    txt(dns, `_smtp._tls.${domain}`, /^v=TLSRPTv1/i),
    txt(dns, `default._bimi.${domain}`, /^v=BIMI1/i),
  ]);
  return { domain, mx, mtaSts, tlsRpt, bimi };
}
