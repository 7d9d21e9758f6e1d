// What the live checks are about when the input is a message: the origin
// hop (the client the receiving organisation judged) — its IP, the HELO name
// it gave and its reverse name — and the envelope sender's domain.

import type { Evidence, Subjects } from '../types';
import { dnsDomainOf } from './address';

/** Null when the input has no message headers read by core/mail (then the caller decides). */
export function messageSubjects(ev: Evidence): Pick<Subjects, 'ip' | 'helo' | 'rdns' | 'mailFromDomain'> | null {
  const facts = ev.message?.facts;
  if (!facts) return null;
  // a login (authenticated submission) is not a server other receivers judge: no IP to check
  const origin = facts.origin && !facts.origin.login ? ev.hops.find((h) => h.origin) : undefined;
  const mailFrom = facts.mailFrom;
  // Microsoft records smtp.mailfrom as the bare domain
  // (an internationalised one as its A-label)
  const mfDomain = mailFrom ? dnsDomainOf(mailFrom.address) : null;
  return {
    ip: origin?.ip ? { value: origin.ip, line: origin.line } : null,
    helo: origin?.helo ? { value: origin.helo, line: origin.line } : null,
    rdns: origin?.rdns ? { value: origin.rdns, line: origin.line } : null,
    mailFromDomain: mfDomain && mailFrom ? { value: mfDomain, line: mailFrom.line } : null,
  };
}
