// DKIM keys of a domain given alone: no message names the selector (its
// DKIM-Signature s=), and DNS cannot list the names under _domainkey, so the
// selectors that providers and signing software use by default are asked
// (knowledge/dkim-selectors.ts), with any the input named itself. Each key
// found is read as a verifier would read it (auth/dkim/key.ts: tags, key
// type, size, revocation, t=y).

import type { Lookup } from '../dns/lookup';
import { cnameChain, outcome, recordsOf, type DnsResponse } from '../dns/resolver';
import { parseDkimKey, type DkimKey } from '../auth/dkim/key';
import { COMMON_DKIM_SELECTORS } from '../knowledge/dkim-selectors';

export interface SelectorAnswer {
  selector: string;
  /** <selector>._domainkey.<domain> */
  name: string;
  /** found: a key record (v=DKIM1 or p=); none: nothing (or no key record) there; error: DNS failed. */
  outcome: 'found' | 'none' | 'error';
  /** The key record read, when found (the first, if there are several). */
  key: DkimKey | null;
  /** How many key records the name holds (RFC 6376 §3.6.2.2: exactly one is expected). */
  records: number;
  /** CNAMEs followed on the way (a key delegated to a provider). */
  cname: string[];
  response: DnsResponse;
  /** The input named this selector (a pasted "<selector>._domainkey.<domain>"). */
  named: boolean;
}

export interface SelectorProbe {
  domain: string;
  answers: SelectorAnswer[];
  /**
   * Every common selector answered with the same record: a wildcard TXT
   * (*._domainkey) or a DNS host that answers every name, not keys.
   */
  wildcard: boolean;
}

/** A TXT record that is a DKIM key record: v=DKIM1 first, or a p= tag (v= is optional, RFC 6376 §3.6.1). */
function isKeyRecord(txt: string): boolean {
  return /^\s*v\s*=\s*DKIM1\b/i.test(txt) || /(?:^|;)\s*p\s*=/i.test(txt);
}

export async function probeSelectors(domain: string, named: string[], dns: Lookup): Promise<SelectorProbe> {
  const selectors = [...new Set([...named, ...COMMON_DKIM_SELECTORS.map((s) => s.selector)])];
  const answers = await Promise.all(
    selectors.map(async (selector): Promise<SelectorAnswer> => {
      const name = `${selector}._domainkey.${domain}`;
      const response = await dns.query(name, 'TXT');
      const o = outcome(response);
      const keys = recordsOf(response)
        .map((r) => r.data)
        .filter(isKeyRecord);
      return {
        selector,
        name,
        outcome: o === 'error' ? 'error' : keys.length ? 'found' : 'none',
        key: keys.length ? parseDkimKey(keys[0]) : null,
        records: keys.length,
        cname: cnameChain(response),
        response,
        named: named.includes(selector),
      };
    }),
  );
  const found = answers.filter((a) => a.outcome === 'found');
  const wildcard = found.length >= 5 && found.length === answers.length && new Set(found.map((a) => a.key?.record)).size === 1;
  return { domain, answers, wildcard };
}
