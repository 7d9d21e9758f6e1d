// The SPF include tree as indented text (the report is plain data; the UI
// draws its own tree from the same nodes): each record with its lookup cost,
// and the term that decided the result for the sending IP marked.

import type { AuditNode } from './audit';
import type { SpfNode } from './types';

/**
 * The terms that decided the result, per domain: the matching term of the
 * top record and, when that is an include or redirect, the one inside it.
 * (An include whose record ended in -all matched nothing for the caller.)
 */
export function decidingTerms(node: SpfNode | undefined, out = new Map<string, string>()): Map<string, string> {
  if (!node) return out;
  const t = node.terms.find((x) => x.outcome === 'match');
  if (!t) return out;
  out.set(node.domain, t.term);
  if (t.child) decidingTerms(t.child, out);
  return out;
}

export function describeTree(tree: AuditNode, evaluation?: SpfNode): string {
  const matched = decidingTerms(evaluation);
  const lines: string[] = [];
  const walk = (n: AuditNode, depth: number, via: string | null) => {
    const pad = '  '.repeat(depth);
    const cost = `${n.total} lookup${n.total === 1 ? '' : 's'}`;
    const m = matched.get(n.domain);
    lines.push(
      `${pad}${via ? via + ' → ' : ''}${n.domain} (${cost}): ${n.record ? `"${n.record}"` : (n.error ?? 'no record')}${m ? `  ← matched "${m}"` : ''}`,
    );
    for (const c of n.children) walk(c.node, depth + 1, c.term);
  };
  walk(tree, 0, null);
  return lines.join('\n');
}
