// The report as plain text, for the CLI and for "copy as text" in the page.

import type { Report, Status } from '../types';
import { messageToText } from '../mail/text';

const MARK: Record<Status, string> = { fail: '✗ FAIL', warn: '! WARN', pass: '✓ PASS', info: 'i INFO', inconclusive: '? INCONCLUSIVE' };

/**
 * `lineOf` maps the report's line numbers to the reader's: a session cut out
 * of a large log is analysed alone (its line 1 is some line of the file), and
 * a reader going back to the file needs the file's numbers.
 */
export function reportToText(r: Report, title?: string, lineOf: (line: number) => number = (n) => n): string {
  const out: string[] = [];
  if (title) out.push(`== ${title}`);
  out.push(`Input: ${r.inputs.map((i) => `${i.kind} (${i.lines} lines)`).join(', ')}${r.live ? '' : '  [live DNS checks off]'}`);
  // (a shared link's report is checked in shape only: the target is shown only when it is well-formed)
  const t = r.target && typeof r.target === 'object' ? r.target : null;
  const checked = t ? [t.domain, t.ip].filter((x): x is string => typeof x === 'string' && x !== '') : [];
  if (checked.length) out.push(`Checked: ${checked.join(', ')}`);
  for (const w of r.warnings) out.push(`Warning: ${w}`);
  if (r.rejections.length) {
    out.push('', 'Refusals:');
    for (const x of r.rejections) {
      out.push(
        `  line ${lineOf(x.line)}: ${[x.code, x.enhanced].filter(Boolean).join(' ')} ${x.text}  [stage ${x.stage}, reason ${x.reason}${x.hard ? ', permanent' : ', temporary'}]`,
      );
    }
  }
  if (r.hops.length) {
    out.push('', 'Received hops (oldest first):');
    r.hops.forEach((h, i) =>
      out.push(
        `  ${i + 1}. ${h.from ?? '?'} [${h.ip ?? '?'}] → ${h.by ?? '?'}${h.delay !== null ? `  +${h.delay}s` : ''}  (line ${lineOf(h.line)})`,
      ),
    );
  }
  if (r.message) out.push(...messageToText(r.message));
  out.push('', 'Checklist:');
  r.checklist.forEach((s, i) => {
    out.push(`${i + 1}. [${MARK[s.status]}] ${s.title}  (${s.rule})`);
    for (const e of s.evidence) out.push(`     evidence${e.line ? ` (line ${lineOf(e.line)})` : ''}: ${e.text}`);
    if (s.detail) out.push(`     why: ${s.detail}`);
    for (const f of s.fix) out.push(`     fix: ${f}`);
    for (const v of s.verify) out.push(`     verify: ${v}`);
  });
  if (r.dns.length) {
    out.push('', `DNS questions asked (${r.dns.length}):`);
    for (const d of r.dns)
      out.push(
        `  ${d.name} ${d.type} → ${d.rcode}${d.answers.length ? ' ' + d.answers.join(', ') : ''}${d.ad ? ' [AD]' : ''}  (${d.cached ? 'cached' : `${d.ms} ms`}, ${d.resolver || 'no resolver'})${d.error ? `  ${d.error}` : ''}`,
      );
  }
  return out.join('\n');
}
