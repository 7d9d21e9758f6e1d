// The sender-authentication part of the report (Report.auth, types/auth.ts),
// built from the live checks for the page's SPF tree, DKIM verdicts and DMARC
// outcome. The checklist steps say what to do; this says what was found.

import type { AuthReport, SpfTreeView } from '../types';
import type { LiveResults } from '.';
import type { AuditNode } from '../auth/spf/audit';
import { decidingTerms } from '../auth/spf/describe';

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
    // a domain given alone has keys, not signatures: its checklist steps say what was found
    dkim:
      dkim && !dkim.selectors
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
