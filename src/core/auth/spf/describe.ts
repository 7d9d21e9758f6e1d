// The SPF include tree as indented text (the report is plain data; the UI
// draws its own tree from the same nodes): each record with its lookup cost,
// and the term that decided the result for the sending IP marked.

import type { AuditNode } from './audit';
import type { SpfNode } from './types';

/** The terms that matched on the way to the result, per domain. */
function matchedTerms(node: SpfNode | undefined, out = new Map<string, string>()): Map<string, string> {
  if (!node) return out;
  for (const t of node.terms) {
    if (t.outcome === 'match') out.set(node.domain, t.term);
    if (t.child) matchedTerms(t.child, out);
  }
  return out;
}

export function describeTree(tree: AuditNode, evaluation?: SpfNode): string {
  const matched = matchedTerms(evaluation);
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
