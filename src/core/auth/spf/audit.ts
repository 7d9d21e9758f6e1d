// The whole SPF tree of a domain, independent of any IP: every include and
// redirect followed, each record's DNS-querying terms counted. A receiver
// stops at the first match, so a record can pass for one server and hit the
// limit of 10 for another; this counts what the worst case costs, and finds
// what RFC 7208 advises against (ptr, +all, no final all).

import { outcome, recordsOf } from '../../dns/resolver';
import { parseMacroString } from './macro';
import { isSpfRecord, parseSpfRecord } from './parse';
import type { SpfDns } from './limits';
import { SPF_LOOKUP_LIMIT } from './limits';

export interface AuditNode {
  domain: string;
  record: string | null;
  /** This record's own DNS-querying terms (include, a, mx, ptr, exists, redirect). */
  own: number;
  /** own + everything below it. */
  total: number;
  children: { term: string; node: AuditNode }[];
  /** Why the record could not be read (no record, several, syntax, DNS). */
  error?: string;
  /** Terms whose target depends on the sender (macros) and so were not followed. */
  dynamic?: string[];
}

export interface SpfAudit {
  tree: AuditNode;
  /** DNS-querying terms of the whole tree: over 10 is a permerror for senders that reach the end. */
  totalLookups: number;
  /** Plain advice about the record's shape. */
  findings: {
    severity: 'warn' | 'info';
    text: string;
    source: string;
    /** The rule that reports it (default spf.weak-policy): spf.permerror for what is a permerror for some senders. */
    rule?: string;
  }[];
}

const QUERYING = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

/** A string that starts with an SPF term (what a DNS panel user meant as the next term). */
const TERM_START = /^[+\-~?]?(?:all(?=\s|$)|(?:a|mx|ptr)(?=[:/\s]|$)|include:|ip4:|ip6:|exists:)|^(?:redirect|exp)=/i;

/**
 * A long record split into several character-strings (DNS panels do it at 255
 * bytes, or the owner splits it by hand) is read joined with nothing between
 * them (RFC 7208 §3.3). A string that ends without a space before one that
 * starts a new term glues two terms into one ("…google.cominclude:…"): the
 * glued term is what receivers evaluate.
 */
export function gluedTerms(strings: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < strings.length; i++) {
    const prev = strings[i - 1];
    const next = strings[i];
    if (/\s$/.test(prev) || /^\s/.test(next) || !TERM_START.test(next)) continue;
    out.push(`${prev.split(/\s+/).pop()}${next.split(/\s+/)[0]}`);
  }
  return out;
}

/** Includes and redirects whose target has no usable record: a permerror when evaluation reaches them (RFC 7208 §5.2, §6.1). */
function brokenTargets(node: AuditNode, out: { term: string; from: string; error: string }[] = []) {
  for (const c of node.children) {
    if (c.node.error && /^no SPF record|^not a valid domain name|SPF records$|^syntax error/.test(c.node.error))
      out.push({ term: c.term, from: node.domain, error: c.node.error });
    brokenTargets(c.node, out);
  }
  return out;
}

/**
 * Walk the tree. Bounded in depth and in records fetched, so that a hostile
 * or broken tree cannot use up the analysis' DNS budget: past 10 lookups the
 * record is broken anyway, and 40 records show that plainly.
 */
export async function auditSpf(domain: string, dns: SpfDns, maxDepth = 12, maxRecords = 40): Promise<SpfAudit> {
  const findings: SpfAudit['findings'] = [];
  let fetched = 0;
  const walk = async (d: string, depth: number, seen: Set<string>): Promise<AuditNode> => {
    const node: AuditNode = { domain: d, record: null, own: 0, total: 0, children: [] };
    if (depth > maxDepth || seen.has(d) || fetched >= maxRecords) {
      node.error = seen.has(d)
        ? 'loop: this domain includes itself'
        : depth > maxDepth
          ? 'too deep'
          : 'not followed (the tree is far over the limit)';
      return node;
    }
    // a name DNS cannot carry (empty or over-long label) is not asked about
    if (d.split('.').some((l) => l.length < 1 || l.length > 63) || d.length > 253) {
      node.error = 'not a valid domain name';
      return node;
    }
    fetched++;
    const r = await dns.query(d, 'TXT');
    const o = outcome(r);
    if (o === 'error') {
      node.error = `DNS error: ${r.failure ?? r.rcode}`;
      return node;
    }
    const recs = recordsOf(r)
      .map((x) => x.data)
      .filter(isSpfRecord);
    if (recs.length !== 1) {
      node.error = recs.length ? `${recs.length} SPF records` : 'no SPF record';
      if (recs.length) node.record = recs.join(' | ');
      return node;
    }
    node.record = recs[0];
    const strings = recordsOf(r).find((x) => isSpfRecord(x.data))?.strings ?? [];
    for (const g of gluedTerms(strings))
      findings.push({
        severity: 'warn',
        text: `The SPF record of ${d} is published as ${strings.length} strings that join without a space: receivers read "${g}" as one term. End the string before it with a space (or start the next with one).`,
        source: 'RFC 7208 §3.3 (the strings of a TXT record are joined with no space)',
        rule: 'spf.permerror',
      });
    const parsed = parseSpfRecord(recs[0]);
    if (parsed.error) {
      node.error = `syntax error: ${parsed.error}`;
      return node;
    }
    const next = new Set(seen).add(d);
    const follow: { term: string; target: string }[] = [];
    for (const t of parsed.mechanisms) {
      if (t.name === 'ptr' && depth === 0)
        findings.push({
          severity: 'warn',
          text: `"${t.text}" is slow and unreliable, and RFC 7208 says not to use it; list the servers with ip4:/ip6: or a: instead.`,
          source: 'RFC 7208 §5.5',
        });
      if (t.name === 'all' && t.qualifier === '+' && depth === 0)
        findings.push({
          severity: 'warn',
          text: `"${t.text}" authorises every IP on the Internet to send as ${d}; end the record with -all or ~all.`,
          source: 'RFC 7208 §5.1',
        });
      if (t.name === 'all' && t.qualifier === '?' && depth === 0)
        findings.push({
          severity: 'warn',
          text: `"${t.text}" gives every server the record of ${d} does not list a neutral result: no SPF pass, but no fail either, so receivers have no ground to refuse mail forged as ${d}. End the record with ~all or -all.`,
          source: 'RFC 7208 §2.6.2 (neutral), §8.2',
        });
      if (!QUERYING.has(t.name)) continue;
      node.own++;
      if (t.name === 'include' && t.domainSpec) {
        const toks = parseMacroString(t.domainSpec);
        if (typeof toks !== 'string' && toks.every((x) => x.kind === 'literal'))
          follow.push({ term: t.text, target: t.domainSpec.replace(/\.$/, '').toLowerCase() });
        else (node.dynamic ??= []).push(t.text);
      }
    }
    if (parsed.redirect) {
      node.own++;
      const toks = parseMacroString(parsed.redirect.value);
      if (typeof toks !== 'string' && toks.every((x) => x.kind === 'literal'))
        follow.push({ term: parsed.redirect.text, target: parsed.redirect.value.replace(/\.$/, '').toLowerCase() });
      else (node.dynamic ??= []).push(parsed.redirect.text);
    }
    if (depth === 0 && !parsed.redirect && !parsed.mechanisms.some((m) => m.name === 'all'))
      findings.push({
        severity: 'info',
        text: `The record of ${d} has no final "all" term, so mail from other IPs gets "neutral": end it with ~all or -all.`,
        source: 'RFC 7208 §4.7',
      });
    const kids = await Promise.all(follow.map(async (f) => ({ term: f.term, node: await walk(f.target, depth + 1, next) })));
    node.children = kids;
    node.total = node.own + kids.reduce((s, k) => s + k.node.total, 0);
    return node;
  };
  const tree = await walk(domain.toLowerCase().replace(/\.$/, ''), 0, new Set());
  for (const b of brokenTargets(tree))
    if (!findings.some((f) => f.text.includes(`"${b.term.replace(/^[a-z]+[:=]/i, '')}`) || f.text.includes(`"${b.term}"`)))
      findings.push({
        severity: 'warn',
        text: `"${b.term}" in the SPF record of ${b.from} leads to a name with ${b.error.replace(/^syntax error/, 'a syntax error')}: receivers return permerror for every sender not matched before it.`,
        source: 'RFC 7208 §5.2 (include of a domain without a usable record is permerror), §6.1',
        rule: 'spf.permerror',
      });
  if (tree.total > SPF_LOOKUP_LIMIT)
    findings.push({
      severity: 'warn',
      text: `The SPF tree of ${domain} needs ${tree.total} DNS-querying terms; receivers stop at ${SPF_LOOKUP_LIMIT} and return permerror for any sender not matched before then.`,
      source: 'RFC 7208 §4.6.4',
    });
  return { tree, totalLookups: tree.total, findings };
}

/** The includes of the top record, heaviest first: where to cut when over the limit. */
export function heaviestIncludes(audit: SpfAudit): { term: string; domain: string; cost: number }[] {
  return audit.tree.children.map((c) => ({ term: c.term, domain: c.node.domain, cost: 1 + c.node.total })).sort((a, b) => b.cost - a.cost);
}
