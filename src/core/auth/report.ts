// The sender-authentication part of the report (Report.auth): plain data
// for the page's SPF tree, DKIM verdicts and DMARC outcome, built from the
// live checks. The checklist steps say what to do; this says what was found.

import type { LiveResults } from '../checks';
import type { AuditNode } from './spf/audit';
import { decidingTerms } from './spf/describe';

export interface SpfTreeView {
  domain: string;
  record: string | null;
  /** DNS-querying terms of this record and everything under it. */
  lookups: number;
  error?: string;
  /** The term of this record that matched for the sending IP, if any. */
  matched?: string;
  children: { term: string; node: SpfTreeView }[];
}

export interface AuthReport {
  spf: {
    domain: string;
    identity: 'mailfrom' | 'helo';
    ip: string | null;
    /** null when no IP was known to evaluate for. */
    result: string | null;
    matched: { domain: string; term: string } | null;
    lookups: number | null;
    totalLookups: number;
    error: string | null;
    explanation: string | null;
    tree: SpfTreeView;
  } | null;
  dkim: {
    hasBody: boolean;
    exactBytes: boolean;
    signatures: {
      line: number;
      domain: string | null;
      selector: string | null;
      algorithm: string | null;
      canonicalization: string;
      result: string;
      reason: string;
      bodyHash: string;
      headerSignature: string;
      keyType: string | null;
      keyBits: number | null;
      testing: boolean;
      warnings: string[];
    }[];
  } | null;
  dmarc: {
    domain: string;
    fromKnown: boolean;
    policyDomain: string | null;
    record: string | null;
    lookup: string;
    policy: string | null;
    pct: number;
    result: string;
    disposition: string | null;
    spf: { domain: string; result: string; aligned: boolean } | null;
    dkim: { domain: string; result: string; aligned: boolean }[];
  } | null;
}

function treeView(n: AuditNode, matched: Map<string, string>): SpfTreeView {
  return {
    domain: n.domain,
    record: n.record,
    lookups: n.total,
    ...(n.error ? { error: n.error } : {}),
    ...(matched.has(n.domain) ? { matched: matched.get(n.domain) } : {}),
    children: n.children.map((c) => ({ term: c.term, node: treeView(c.node, matched) })),
  };
}

export function authReport(live: LiveResults): AuthReport {
  const spf = live.spf;
  const dkim = live.dkim;
  const dmarc = live.dmarc;
  return {
    spf: spf
      ? {
          domain: spf.domain,
          identity: spf.identity,
          ip: spf.evaluation?.ip ?? null,
          result: spf.evaluation?.result ?? null,
          matched: spf.evaluation?.matched ?? null,
          lookups: spf.evaluation?.lookups ?? null,
          totalLookups: spf.audit.totalLookups,
          error: spf.evaluation?.error ?? spf.audit.tree.error ?? null,
          explanation: spf.evaluation?.explanation ?? null,
          tree: treeView(spf.audit.tree, decidingTerms(spf.evaluation?.tree)),
        }
      : null,
    dkim: dkim
      ? {
          hasBody: dkim.hasBody,
          exactBytes: dkim.exactBytes,
          signatures: dkim.verdicts.map((v) => ({
            line: v.line,
            domain: v.signature.domain,
            selector: v.signature.selector,
            algorithm: v.signature.a,
            canonicalization: `${v.signature.headerCanon}/${v.signature.bodyCanon}`,
            result: v.result,
            reason: v.reason,
            bodyHash: v.bodyHash,
            headerSignature: v.headerSignature,
            keyType: v.key?.keyType ?? null,
            keyBits: v.key?.bits ?? null,
            testing: v.key?.testing ?? false,
            warnings: v.warnings,
          })),
        }
      : null,
    dmarc: dmarc
      ? {
          domain: dmarc.domain,
          fromKnown: dmarc.fromKnown,
          policyDomain: dmarc.evaluation.lookup.policyDomain,
          record: dmarc.evaluation.lookup.text,
          lookup: dmarc.evaluation.lookup.outcome,
          policy: dmarc.evaluation.policy,
          pct: dmarc.evaluation.pct,
          result: dmarc.evaluation.result,
          disposition: dmarc.evaluation.disposition,
          spf: dmarc.evaluation.spf,
          dkim: dmarc.evaluation.dkim,
        }
      : null,
  };
}
