// Authentication-Results (RFC 8601) and ARC-Authentication-Results (RFC 8617
// §4.1.1, the same payload after "i=N;"). Every method, result, reason and
// property is kept, including non-standard ones (Microsoft's "action=",
// "compauth=" and "reason=100"), because the page shows what the receiver
// recorded, not only what the RFC names.
//
// Written by hand: it is a small grammar, and real receivers bend it
// (Microsoft's "header.d=none;example.com" and missing authserv-id, bare IPv6
// property values, missing ";" before comments) in ways a strict parser rejects outright — python's
// authres fails on two of the corpus examples that this reads.

import type { AuthProperty, AuthResult, AuthResults } from '../types';
import { tokenizeStructured, type StructuredToken } from './structured';

function value(t: StructuredToken | undefined): string {
  return t ? t.text : '';
}

/** Split tokens into ";"-separated groups (comments stay with their group). */
function groups(tokens: StructuredToken[]): StructuredToken[][] {
  const out: StructuredToken[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'special' && t.text === ';') out.push([]);
    else out[out.length - 1].push(t);
  }
  return out;
}

/** Read one resinfo: method[/version]=result [reason=…] [ptype.prop=value]… */
function readResinfo(g: StructuredToken[]): AuthResult | null {
  let i = 0;
  const next = () => g[i++];
  const peek = (k = 0) => g[i + k];
  const skipComments = (into?: string[]) => {
    while (peek()?.kind === 'comment') {
      const c = next();
      into?.push(c.text);
    }
  };
  skipComments();
  const m = next();
  if (!m || m.kind !== 'atom') return null;
  let method = m.text.toLowerCase();
  let version: string | null = null;
  if (peek()?.text === '/') {
    next();
    version = value(next());
  }
  // "dkim/1=pass" is "method/version"; some write "method=result" glued: the atom tokenizer splits at "="
  if (peek()?.text !== '=') return null;
  next();
  const r = next();
  if (!r || r.kind === 'special') return null;
  const result = r.text.toLowerCase();
  const commentsSeen: string[] = [];
  skipComments(commentsSeen);
  let reason: string | null = null;
  const properties: AuthProperty[] = [];
  const extras: AuthResult['extras'] = [];
  while (i < g.length) {
    skipComments(commentsSeen);
    const k = next();
    if (!k) break;
    if (k.kind !== 'atom') continue;
    // ptype "." property "=" pvalue
    if (peek()?.text === '.' && peek(1)?.kind === 'atom' && peek(2)?.text === '=') {
      next();
      const prop = next().text;
      next();
      const pv = readValue();
      properties.push({ type: k.text.toLowerCase(), name: prop.toLowerCase(), value: pv });
      continue;
    }
    if (peek()?.text === '=') {
      next();
      const v = readValue();
      if (k.text.toLowerCase() === 'reason' && reason === null) reason = v;
      else extras.push({ name: k.text.toLowerCase(), value: v });
      continue;
    }
  }
  return { method, version, result, reason, comment: commentsSeen.length ? commentsSeen.join('; ') : null, properties, extras };

  // a value: a quoted string, or atoms glued by "." "@" ":" "/" (domains, addresses, IPv6)
  function readValue(): string {
    const first = peek();
    if (!first) return '';
    if (first.kind === 'quoted') return next().text;
    let out = '';
    while (
      peek() &&
      (peek().kind === 'atom' || ['.', '@', ':', '/', '[', ']', '='].includes(peek().text)) &&
      !(out && peek().spaceBefore)
    ) {
      out += next().text;
    }
    return out;
  }
}

/** Atoms glued by "." "-" ":" without space (a domain, an IPv6): the text and the index after it. */
function glued(ts: StructuredToken[], start: number): [string, number] {
  let i = start;
  let out = '';
  while (
    i < ts.length &&
    (ts[i].kind === 'atom' || ts[i].kind === 'quoted' || ['.', ':', '@'].includes(ts[i].text)) &&
    (i === start || !ts[i].spaceBefore)
  ) {
    out += ts[i].text;
    i++;
  }
  return [out, i];
}

export function parseAuthResults(raw: string): AuthResults {
  const gs = groups(tokenizeStructured(raw));
  const head = gs[0];
  let i = 0;
  while (head[i]?.kind === 'comment') i++;
  let [authservId, afterId] = glued(head, i);
  // Microsoft 365 writes no authserv-id at all ("Authentication-Results: spf=pass
  // (sender IP is …) smtp.mailfrom=…", learn.microsoft.com "Anti-spam message
  // headers"): a first word followed by "=" is the first method, not the id
  if (head[afterId]?.text === '=') {
    authservId = '';
    afterId = i;
  }
  i = afterId;
  while (head[i]?.kind === 'comment') i++;
  let version: string | null = null;
  if (head[i]?.kind === 'atom' && /^\d+$/.test(head[i].text)) version = head[i++].text;
  const results: AuthResult[] = [];
  const unparsed: string[] = [];
  let none = false;
  // a method=result right after the authserv-id without ";" (seen from broken relays)
  const headRest = head.slice(i).filter((t, k, a) => k > 0 || t.kind !== 'comment' || a.length > 1);
  if (headRest.some((t) => t.kind === 'atom')) {
    const r = readResinfo(headRest);
    if (r) results.push(r);
    else unparsed.push(show(headRest));
  }
  for (const g of gs.slice(1)) {
    const atoms = g.filter((t) => t.kind !== 'comment');
    if (!atoms.length) continue;
    if (atoms.length === 1 && atoms[0].text.toLowerCase() === 'none') {
      none = true;
      continue;
    }
    const r = readResinfo(g);
    if (r) results.push(r);
    else unparsed.push(show(g));
  }
  return { authservId, version, results, none, unparsed };
}

function show(g: StructuredToken[]): string {
  return g
    .map((t) => (t.kind === 'comment' ? ` (${t.text})` : t.kind === 'quoted' ? `"${t.text}"` : (t.spaceBefore ? ' ' : '') + t.text))
    .join('')
    .trim();
}
