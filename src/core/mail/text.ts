// The message facts as plain text, for the CLI and "copy as text": the
// sending server, what the receiver recorded about authentication, the
// verdicts, and the transit time.

import type { MessageReport } from '../types';

export function messageToText(m: MessageReport): string[] {
  const out: string[] = ['', 'Message:'];
  const s = m.summary;
  for (const [label, f] of [
    ['Subject', s.subject],
    ['From', s.from],
    ['Date', s.date],
  ] as const)
    if (f) out.push(`  ${label}: ${f.value}  (line ${f.line})`);
  if (m.mailFrom) out.push(`  Envelope sender: ${m.mailFrom.address}  (line ${m.mailFrom.line})`);
  if (m.origin) out.push(`  Sending server: ${m.origin.ip} — ${m.origin.explanation}`);
  if (m.transit)
    out.push(
      `  Transit: ${m.transit.seconds} s from the first to the last hop${m.transit.skewedHops.length ? ' (a clock is wrong on some hop)' : ''}`,
    );
  for (const a of m.authResults)
    out.push(
      `  Authentication-Results (line ${a.line}, ${a.authservId || 'no authserv-id'}${a.trusted ? '' : ', not from the receiver'}): ${a.results.map((r) => `${r.method}=${r.result}`).join('; ') || (a.none ? 'none' : '-')}`,
    );
  if (m.arc.structure !== 'none')
    out.push(`  ARC: ${m.arc.instances.length} instance(s), ${m.arc.structure}${m.arc.latestCv ? `, last cv=${m.arc.latestCv}` : ''}`);
  for (const v of m.verdicts) {
    const items = v.items.filter((i) => i.level && i.level !== 'info').map((i) => `${i.key === 'value' ? '' : i.key + ':'}${i.value}`);
    out.push(`  ${v.header} (line ${v.line}): ${v.level ?? 'no verdict'}${items.length ? ` — ${items.join(' ')}` : ''}`);
  }
  return out;
}
