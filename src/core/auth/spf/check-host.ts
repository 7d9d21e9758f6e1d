// The recursive part of check_host() (RFC 7208 §4-§6): one record after the
// other, each term evaluated against the sending IP, with the limits of
// §4.6.4 counted here (terms and void answers, not wire questions) and a
// trace of every term for the include tree. evaluate.ts is the entry point.

import { outcome, recordsOf, type DnsResponse, type RRType } from '../../dns/resolver';
import { dottedIp, inNetwork, ipBytes } from './ip';
import { expandMacros, parseMacroString, type MacroValues } from './macro';
import { isSpfRecord, parseSpfRecord } from './parse';
import type { Mechanism, SpfNode, SpfResult, TermTrace } from './types';
import { isCheckableDomain, queryName } from './names';
import { SPF_LOOKUP_LIMIT, SPF_MX_PTR_LIMIT, SPF_VOID_LIMIT, type SpfDns } from './limits';

export class SpfError {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly message: string,
  ) {}
}

const RESULT_OF: Record<string, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

export interface HostResult {
  node: SpfNode;
  matched: { domain: string; term: string } | null;
  explanation: string | null;
}

export class Evaluation {
  lookups = 0;
  voids = 0;
  private readonly ip: Uint8Array;
  private validatedCache = new Map<string, Promise<string>>();

  constructor(
    private readonly dns: SpfDns,
    ip: Uint8Array,
    private readonly base: Omit<MacroValues, 'domain'>,
  ) {
    this.ip = ip;
  }

  private get v6(): boolean {
    return this.ip.length === 16;
  }

  private countLookup(term: string): void {
    this.lookups++;
    if (this.lookups > SPF_LOOKUP_LIMIT)
      throw new SpfError('permerror', `more than ${SPF_LOOKUP_LIMIT} DNS-querying terms (reached at "${term}", RFC 7208 §4.6.4)`);
  }

  /** Ask, turning a DNS failure into temperror and counting void answers (§4.6.4). */
  private async ask(name: string, type: RRType, countVoid: boolean): Promise<DnsResponse> {
    const r = await this.dns.query(name, type);
    const o = outcome(r);
    if (o === 'error')
      throw new SpfError('temperror', `DNS error for ${name} ${type}: ${r.failure ?? r.rcode}${r.error ? ' (' + r.error + ')' : ''}`);
    if (countVoid && (o === 'nxdomain' || o === 'nodata')) {
      this.voids++;
      if (this.voids > SPF_VOID_LIMIT)
        throw new SpfError(
          'permerror',
          `more than ${SPF_VOID_LIMIT} lookups returned no records (the last: ${name} ${type}, RFC 7208 §4.6.4)`,
        );
    }
    return r;
  }

  private async expand(spec: string, domain: string, inExplanation = false): Promise<string> {
    const tokens = parseMacroString(spec, inExplanation);
    if (typeof tokens === 'string') throw new SpfError('permerror', tokens);
    return expandMacros(tokens, { ...this.base, domain }, () => this.validatedName(domain));
  }

  /** %{p} (§7.3): a PTR name of the IP that resolves back to it; "unknown" when none does. */
  private validatedName(domain: string): Promise<string> {
    const known = this.validatedCache.get(domain);
    if (known) return known;
    const p = (async () => {
      const names = await this.validatedPtrNames();
      const d = domain.toLowerCase();
      return names.find((n) => n === d) ?? names.find((n) => n.endsWith('.' + d)) ?? names[0] ?? 'unknown';
    })();
    this.validatedCache.set(domain, p);
    return p;
  }

  private ptrNames: Promise<string[]> | null = null;
  /** The PTR names of the IP that resolve back to it (§5.5 steps), at most 10 looked at; errors just skip. */
  private validatedPtrNames(): Promise<string[]> {
    this.ptrNames ??= (async () => {
      const rev = dottedIp(this.ip).split('.').reverse().join('.') + (this.v6 ? '.ip6.arpa' : '.in-addr.arpa');
      const r = await this.dns.query(rev, 'PTR');
      if (outcome(r) !== 'answer') return [];
      const names = recordsOf(r)
        .map((x) => x.data.replace(/\.$/, '').toLowerCase())
        .slice(0, SPF_MX_PTR_LIMIT);
      const ok: string[] = [];
      for (const n of names) {
        if (!queryName(n)) continue;
        const a = await this.dns.query(n, this.v6 ? 'AAAA' : 'A');
        if (outcome(a) !== 'answer') continue;
        if (recordsOf(a).some((x) => this.sameIp(x.data, this.v6 ? 128 : 32))) ok.push(n);
      }
      return ok;
    })();
    return this.ptrNames;
  }

  private sameIp(addr: string, bits: number): boolean {
    const b = ipBytes(addr);
    return !!b && inNetwork(this.ip, b, bits);
  }

  private cidr(m: Mechanism): number {
    return this.v6 ? (m.cidr6 ?? 128) : (m.cidr4 ?? 32);
  }

  /** Evaluate one mechanism: true when it matches. Throws SpfError for perm/temperror. */
  private async mechanism(
    m: Mechanism,
    domain: string,
    trace: TermTrace,
    wantExp: boolean,
  ): Promise<{ match: boolean; inner?: HostResult }> {
    const target = async () => {
      if (!m.domainSpec) return domain;
      const e = await this.expand(m.domainSpec, domain);
      trace.target = e;
      return e;
    };
    switch (m.name) {
      case 'all':
        return { match: true };
      case 'ip4':
      case 'ip6': {
        const net = ipBytes(m.network!);
        const bits = m.name === 'ip4' ? (m.cidr4 ?? 32) : (m.cidr6 ?? 128);
        return { match: !!net && inNetwork(this.ip, net, bits) };
      }
      case 'a': {
        this.countLookup(m.text);
        const name = queryName(await target());
        if (!name) return { match: false };
        const r = await this.ask(name, this.v6 ? 'AAAA' : 'A', true);
        const hit = recordsOf(r).find((x) => this.sameIp(x.data, this.cidr(m)));
        trace.note = hit
          ? `${name} → ${hit.data}`
          : `${name} → ${
              recordsOf(r)
                .map((x) => x.data)
                .join(', ') || 'no address'
            }`;
        return { match: !!hit };
      }
      case 'mx': {
        this.countLookup(m.text);
        const name = queryName(await target());
        if (!name) return { match: false };
        const r = await this.ask(name, 'MX', true);
        const exchanges = recordsOf(r)
          .map((x) => (x.exchange ?? x.data.split(/\s+/)[1] ?? '').replace(/\.$/, ''))
          .filter((x) => x !== '');
        // §4.6.4: more than 10 MX names is a permerror (a null MX "0 ." has none)
        if (exchanges.length > SPF_MX_PTR_LIMIT)
          throw new SpfError('permerror', `${name} has ${exchanges.length} MX records, over the limit of ${SPF_MX_PTR_LIMIT}`);
        for (const ex of exchanges) {
          const exName = queryName(ex);
          if (!exName) continue;
          const a = await this.ask(exName, this.v6 ? 'AAAA' : 'A', false);
          const hit = recordsOf(a).find((x) => this.sameIp(x.data, this.cidr(m)));
          if (hit) {
            trace.note = `MX ${exName} → ${hit.data}`;
            return { match: true };
          }
        }
        trace.note = exchanges.length ? `MX ${exchanges.join(', ')}: none is the sending IP` : `${name} has no MX`;
        return { match: false };
      }
      case 'ptr': {
        this.countLookup(m.text);
        const t = (await target()).replace(/\.$/, '').toLowerCase();
        // §5.5: a DNS error in the PTR lookups means no match, not an error
        const names = await this.validatedPtrNames();
        const hit = names.find((n) => n === t || n.endsWith('.' + t));
        trace.note = hit
          ? `validated PTR ${hit}`
          : names.length
            ? `validated PTR ${names.join(', ')} not under ${t}`
            : 'no validated PTR name';
        return { match: !!hit };
      }
      case 'exists': {
        this.countLookup(m.text);
        const name = queryName(await target());
        if (!name) return { match: false };
        // §5.7: always an A query, whatever the IP version
        const r = await this.ask(name, 'A', true);
        return { match: recordsOf(r).length > 0 };
      }
      case 'include': {
        this.countLookup(m.text);
        const name = queryName(await target());
        if (!name) throw new SpfError('permerror', `include target "${trace.target}" is not a valid domain name`);
        const inner = await this.checkHost(name, false);
        trace.child = inner.node;
        // §5.2: the include's result table
        switch (inner.node.result) {
          case 'pass':
            return { match: true, inner };
          case 'fail':
          case 'softfail':
          case 'neutral':
            return { match: false };
          case 'temperror':
            throw new SpfError('temperror', `include:${name}: ${inner.node.error ?? 'temporary error'}`);
          case 'none':
            throw new SpfError('permerror', `include:${name} has no SPF record`);
          default:
            throw new SpfError('permerror', `include:${name}: ${inner.node.error ?? 'permanent error'}`);
        }
      }
    }
    void wantExp;
    return { match: false };
  }

  /** §6.2: the explanation for a fail, or null when it cannot be had. Errors are ignored. */
  private async explanation(spec: string, domain: string): Promise<string | null> {
    try {
      const name = queryName(await this.expand(spec, domain));
      if (!name) return null;
      const r = await this.dns.query(name, 'TXT');
      const recs = recordsOf(r);
      if (outcome(r) !== 'answer' || recs.length !== 1) return null;
      return await this.expand(recs[0].data, domain, true);
    } catch {
      return null;
    }
  }

  async checkHost(domain: string, wantExp: boolean): Promise<HostResult> {
    const node: SpfNode = { domain, record: null, result: 'none', terms: [] };
    const done = (result: SpfResult, error?: string): HostResult => {
      node.result = result;
      if (error) node.error = error;
      return { node, matched: null, explanation: null };
    };
    if (!isCheckableDomain(domain)) return done('none', `"${domain}" is not a domain name SPF can be checked for (RFC 7208 §4.3)`);
    let records: string[];
    try {
      const r = await this.ask(domain.replace(/\.$/, ''), 'TXT', false);
      records = recordsOf(r)
        .map((x) => x.data)
        .filter(isSpfRecord);
    } catch (e) {
      if (e instanceof SpfError) return done(e.result, e.message);
      throw e;
    }
    if (records.length === 0) return done('none', `${domain} publishes no SPF record`);
    if (records.length > 1) {
      node.record = records.join(' | ');
      return done('permerror', `${domain} publishes ${records.length} SPF records; there must be one (RFC 7208 §4.5)`);
    }
    node.record = records[0];
    const parsed = parseSpfRecord(records[0]);
    if (parsed.error) return done('permerror', `syntax error: ${parsed.error}`);
    node.terms = parsed.terms.map((t) => ({
      term: t.text,
      outcome: 'skipped' as const,
      ...(t.kind === 'modifier' && t.name !== 'redirect' && t.name !== 'exp' ? { note: 'unknown modifier, ignored' } : {}),
    }));
    try {
      for (let i = 0; i < parsed.terms.length; i++) {
        const t = parsed.terms[i];
        if (t.kind !== 'mechanism') continue;
        const trace = node.terms[i];
        let r: { match: boolean; inner?: HostResult };
        try {
          r = await this.mechanism(t, domain, trace, wantExp);
        } catch (e) {
          trace.outcome = 'error';
          throw e;
        }
        if (!r.match) {
          trace.outcome = 'nomatch';
          continue;
        }
        trace.outcome = 'match';
        const result = RESULT_OF[t.qualifier];
        node.result = result;
        const matched = r.inner?.matched ?? { domain, term: t.text };
        const explanation = result === 'fail' && wantExp && parsed.exp ? await this.explanation(parsed.exp.value, domain) : null;
        return { node, matched, explanation };
      }
      if (parsed.redirect) {
        const ri = parsed.terms.indexOf(parsed.redirect);
        const trace = node.terms[ri];
        try {
          this.countLookup(parsed.redirect.text);
          const expanded = await this.expand(parsed.redirect.value, domain);
          trace.target = expanded;
          const name = queryName(expanded);
          if (!name) throw new SpfError('permerror', `redirect target "${expanded}" is not a valid domain name`);
          const inner = await this.checkHost(name, wantExp);
          trace.child = inner.node;
          // §6.1: a redirect to a domain without a record is a permerror
          if (inner.node.result === 'none') throw new SpfError('permerror', `redirect=${name}: it has no SPF record`);
          trace.outcome = inner.node.result === 'permerror' || inner.node.result === 'temperror' ? 'error' : 'match';
          node.result = inner.node.result;
          if (inner.node.error) node.error = `redirect=${name}: ${inner.node.error}`;
          return { node, matched: inner.matched, explanation: inner.explanation };
        } catch (e) {
          trace.outcome = 'error';
          throw e;
        }
      }
      // §4.7: no match and no redirect → neutral
      node.result = 'neutral';
      return { node, matched: null, explanation: null };
    } catch (e) {
      if (e instanceof SpfError) return done(e.result, e.message);
      throw e;
    }
  }
}
