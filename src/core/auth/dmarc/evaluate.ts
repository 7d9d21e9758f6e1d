// DMARC for the From domain (RFC 7489 §6.6): find the policy (the From
// domain's _dmarc record, else its organizational domain's), check that SPF
// or DKIM passed for an aligned domain, and say what the policy makes
// receivers do. External report destinations are checked for their
// authorization record (§7.1).

import { outcome, recordsOf, type DnsResponse, type RRType } from '../../dns/resolver';
import { aligned, cleanDomain, organizationalDomain } from './align';
import { parseDmarcRecord, repairDmarcRecord, type DmarcPolicy, type DmarcRecord } from './record';

export interface DmarcDns {
  query(name: string, type: RRType): Promise<DnsResponse>;
}

export interface DmarcLookup {
  /** The domain whose _dmarc record applies (From domain or its organizational domain). */
  policyDomain: string | null;
  /** found | none (no record anywhere) | error (DNS failed) | invalid (a record that does not parse) | multiple. */
  outcome: 'found' | 'none' | 'error' | 'invalid' | 'multiple';
  text: string | null;
  record: DmarcRecord | null;
  responses: DnsResponse[];
  /** The policy came from the organizational domain, so sp= applies. */
  inherited: boolean;
  /**
   * An invalid record that was meant as DMARC ("v=DMARC1 p=reject", v= not
   * first): receivers discard it (§6.6.3), but the fix is this corrected
   * record, keeping the owner's policy and addresses. Null when not repairable.
   */
  repaired?: string | null;
}

/** §6.6.3: the From domain first, then the organizational domain. */
export async function findDmarcRecord(fromDomain: string, dns: DmarcDns): Promise<DmarcLookup> {
  const from = cleanDomain(fromDomain);
  const org = organizationalDomain(from);
  const responses: DnsResponse[] = [];
  const at = async (domain: string, inherited: boolean): Promise<DmarcLookup | null> => {
    const r = await dns.query(`_dmarc.${domain}`, 'TXT');
    responses.push(r);
    const o = outcome(r);
    if (o === 'error') return { policyDomain: domain, outcome: 'error', text: null, record: null, responses, inherited };
    // §6.6.3 step 3: records that do not start with "v=DMARC1" are discarded
    const texts = recordsOf(r)
      .map((x) => x.data)
      .filter((t) => /^\s*v\s*=\s*DMARC1\s*(;|$)/.test(t));
    if (texts.length > 1) return { policyDomain: domain, outcome: 'multiple', text: texts.join(' | '), record: null, responses, inherited };
    if (texts.length === 0) {
      // discarded as no record — but one meant as DMARC with a common slip is worth naming
      const meant = recordsOf(r)
        .map((x) => ({ text: x.data, repaired: repairDmarcRecord(x.data) }))
        .filter((x) => x.repaired);
      if (meant.length !== 1) return null;
      const { text, repaired } = meant[0];
      return { policyDomain: domain, outcome: 'invalid', text, record: parseDmarcRecord(text), responses, inherited, repaired };
    }
    const record = parseDmarcRecord(texts[0]);
    const usable = record.status === 'ok' || (record.status === 'no-policy' && record.rua.some((u) => u.address));
    return { policyDomain: domain, outcome: usable ? 'found' : 'invalid', text: texts[0], record, responses, inherited };
  };
  const own = await at(from, false);
  // a discarded record at the From domain: receivers go on to the organizational domain
  if (own && !(own.repaired && org !== from)) return own;
  if (org !== from) {
    const parent = await at(org, true);
    if (parent && (parent.outcome !== 'invalid' || !own)) return parent;
  }
  if (own) return own;
  return { policyDomain: null, outcome: 'none', text: null, record: null, responses, inherited: false };
}

export interface AuthIdentity {
  domain: string;
  /** pass, fail… as the mechanism gave it. */
  result: string;
}

export interface DmarcEvaluation {
  fromDomain: string;
  lookup: DmarcLookup;
  /** The policy that applies to this From domain: p=, or sp= for a subdomain using its parent's record. */
  policy: DmarcPolicy | null;
  pct: number;
  spf: (AuthIdentity & { aligned: boolean }) | null;
  dkim: (AuthIdentity & { aligned: boolean })[];
  /** pass: an aligned pass; fail: none; none: no policy; temperror: DNS failed; unknown: no authentication results to judge by. */
  result: 'pass' | 'fail' | 'none' | 'temperror' | 'permerror' | 'unknown';
  /** What the policy asks receivers to do with this message when it fails. */
  disposition: DmarcPolicy | null;
}

export function evaluateDmarc(fromDomain: string, lookup: DmarcLookup, spf: AuthIdentity | null, dkim: AuthIdentity[]): DmarcEvaluation {
  const rec = lookup.record;
  const from = cleanDomain(fromDomain);
  const spfOut = spf ? { ...spf, aligned: !!rec && aligned(spf.domain, from, rec.aspf) } : null;
  const dkimOut = dkim.map((d) => ({ ...d, aligned: !!rec && aligned(d.domain, from, rec.adkim) }));
  const base = { fromDomain: from, lookup, spf: spfOut, dkim: dkimOut, pct: rec?.pct ?? 100 };
  if (lookup.outcome === 'error') return { ...base, policy: null, result: 'temperror', disposition: null };
  if (lookup.outcome === 'none') return { ...base, policy: null, result: 'none', disposition: null };
  if (lookup.outcome !== 'found' || !rec) return { ...base, policy: null, result: 'permerror', disposition: null };
  // §6.6.3 step 6: no valid p= but a valid rua: act as p=none
  const p = rec.policy ?? 'none';
  const policy = lookup.inherited ? (rec.subdomainPolicy ?? p) : p;
  const passed = (spfOut?.aligned && spfOut.result === 'pass') || dkimOut.some((d) => d.aligned && d.result === 'pass');
  if (passed) return { ...base, policy, result: 'pass', disposition: null };
  if (!spf && !dkim.length) return { ...base, policy, result: 'unknown', disposition: null };
  return { ...base, policy, result: 'fail', disposition: policy };
}

export interface ReportAuthorization {
  tag: 'rua' | 'ruf';
  uri: string;
  domain: string;
  /** The TXT name that authorizes it (§7.1). */
  name: string;
  authorized: 'yes' | 'no' | 'error';
  response: DnsResponse;
}

/** §7.1: a report destination outside the policy's organizational domain must publish <policy-domain>._report._dmarc.<its domain>. */
export async function checkReportDestinations(policyDomain: string, record: DmarcRecord, dns: DmarcDns): Promise<ReportAuthorization[]> {
  const org = organizationalDomain(policyDomain);
  const targets = [...record.rua.map((u) => ({ tag: 'rua' as const, u })), ...record.ruf.map((u) => ({ tag: 'ruf' as const, u }))].filter(
    (x) => x.u.domain && organizationalDomain(x.u.domain) !== org,
  );
  return Promise.all(
    targets.map(async ({ tag, u }) => {
      const name = `${policyDomain}._report._dmarc.${u.domain}`;
      const response = await dns.query(name, 'TXT');
      const o = outcome(response);
      const ok = recordsOf(response).some((r) => /^\s*v\s*=\s*DMARC1\s*(;|$)/.test(r.data));
      return { tag, uri: u.uri, domain: u.domain!, name, authorized: o === 'error' ? 'error' : ok ? 'yes' : 'no', response };
    }),
  );
}
