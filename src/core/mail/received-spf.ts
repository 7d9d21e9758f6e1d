// Received-SPF (RFC 7208 §9.1): the SPF result a receiver recorded, with the
// client IP, envelope sender and HELO it evaluated.
//   Received-SPF: pass (mybox.example.org: domain of myname@example.com
//     designates 192.0.2.1 as permitted sender) receiver=mybox.example.org;
//     client-ip=192.0.2.1; envelope-from="myname@example.com"; helo=foo.example.com;

import type { ReceivedSpf } from '../types';
import { normalizeIP } from '../dns/names';

export function parseReceivedSpf(value: string): ReceivedSpf {
  const v = value.replace(/\s+/g, ' ').trim();
  const m = /^([A-Za-z]+)\s*(?:\(((?:[^()]|\([^()]*\))*)\))?\s*(.*)$/.exec(v);
  const result = (m?.[1] ?? '').toLowerCase();
  const comment = m?.[2]?.trim() || null;
  const pairs: ReceivedSpf['pairs'] = [];
  for (const p of (m?.[3] ?? '').matchAll(/(?<![\w-])([A-Za-z][\w-]*)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g)) {
    pairs.push({ name: p[1].toLowerCase(), value: p[2].replace(/^"|"$/g, '') });
  }
  const get = (n: string) => pairs.find((p) => p.name === n)?.value ?? null;
  const ip = get('client-ip');
  return {
    result,
    comment,
    clientIp: ip ? (normalizeIP(ip) ?? ip) : null,
    envelopeFrom: get('envelope-from'),
    helo: get('helo'),
    receiver: get('receiver'),
    identity: get('identity'),
    mechanism: get('mechanism'),
    pairs,
  };
}
