// The identities that sender authentication is about, gathered from the
// evidence: the connecting IP, the HELO name, the MAIL FROM address (from the
// session, else the Return-Path the final receiver recorded, RFC 5321
// §4.4), and the RFC 5322 From domain that DMARC protects.

import type { Evidence, Subjects } from '../types';
import { focusSession, ipEchoedInEhloReply } from '../subjects';
import { fieldsNamed } from '../mail/header-block';
import { domainOf } from '../dns/names';
import { isAuthRefusal, namesArea } from './refusals';
import { returnPathOf } from '../mail/address';

export interface AuthIdentities {
  ip: { value: string; line: number } | null;
  helo: { value: string; line: number } | null;
  /** MAIL FROM address ("" = null sender), or null when the input does not say. */
  mailFrom: { address: string; line: number; source: 'session' | 'return-path' } | null;
  /** The domain SPF checks: MAIL FROM's, or HELO's for the null sender. */
  spfDomain: { value: string; line: number; identity: 'mailfrom' | 'helo'; assumed?: 'from' } | null;
  fromDomain: { value: string; line: number } | null;
}

function refusedForSpf(ev: Evidence): boolean {
  return ev.rejections.some((r) => isAuthRefusal(r) && namesArea(r.text, 'spf'));
}

export function authIdentities(ev: Evidence | null, s: Subjects): AuthIdentities {
  const session = ev ? focusSession(ev) : null;
  const ip = s.ip ?? (session?.direction === 'outbound' ? ipEchoedInEhloReply(session) : null);
  let mailFrom: AuthIdentities['mailFrom'] = null;
  if (session?.mailFrom) mailFrom = { address: session.mailFrom.address, line: session.mailFrom.line, source: 'session' };
  else if (ev?.message) {
    const rp = fieldsNamed(ev.message.headers, 'return-path')[0];
    const path = rp ? returnPathOf(rp.value) : null;
    if (rp && path !== null) mailFrom = { address: path, line: rp.line, source: 'return-path' };
  }
  let spfDomain: AuthIdentities['spfDomain'] = null;
  const mfDomain = mailFrom?.address ? domainOf(mailFrom.address) : null;
  if (mfDomain && mailFrom) spfDomain = { value: mfDomain, line: mailFrom.line, identity: 'mailfrom' };
  else if (s.mailFromDomain) spfDomain = { ...s.mailFromDomain, identity: 'mailfrom' };
  else if (mailFrom?.address === '' && s.helo) spfDomain = { ...s.helo, identity: 'helo' };
  else if (!mailFrom && s.fromDomain && ev && refusedForSpf(ev))
    // A bounce (Exchange/Microsoft 365 NDR, a DSN with the returned headers) that
    // says SPF failed but shows no envelope sender: it went back to that sender,
    // which for a person's or an application's mail is the From: address. Its
    // domain is what the administrator can check — marked as assumed.
    spfDomain = { ...s.fromDomain, identity: 'mailfrom', assumed: 'from' };
  return { ip, helo: s.helo, mailFrom, spfDomain, fromDomain: s.fromDomain };
}
