// Pieces of Postfix log messages: `host[ip]:port`, `[ip]:port`,
// `key=<value>` lists, reply codes, and smtp's "host h[ip] said: … (in reply to
// X command)".

import { joinMultiline } from '../smtp-dialogue';
import type { PostfixEvent } from './types';
import { domainPart } from '../../dns/names';

// (a poster's redaction inside the brackets keeps its own: "mx.example.org[[redacted]]", "host[[IP removed]]")
export const HOST_IP = String.raw`([^\s\[\]]+)\[((?:\[[^\[\]]{0,40}\]|[^\[\]])*)\](?::(\d+))?`;

/** `host[ip]:port` → parts. */
export function hostIp(s: string): { host?: string; ip?: string; port?: number } | null {
  const m = new RegExp(`^${HOST_IP}$`).exec(s.trim());
  if (!m) return null;
  return { host: m[1], ip: m[2], port: m[3] ? Number(m[3]) : undefined };
}

/** `[ip]:port` (postscreen). */
export function bracketIp(s: string): { ip: string; port?: number } | null {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(s.trim());
  return m ? { ip: m[1], port: m[2] ? Number(m[2]) : undefined } : null;
}

/** `from=<a> to=<b> proto=ESMTP helo=<h>` (comma-separated in postscreen). */
export function keyValues(s: string, e: PostfixEvent): void {
  const re = /(?<!\w)(?:(\w+)=<([^<>]*)>|(\w+)=([^\s,;]+))/g;
  for (const m of s.matchAll(re)) {
    const k = m[1] ?? m[3];
    const v = m[2] ?? m[4];
    if (k === 'from') e.from = v;
    else if (k === 'to') e.to = v;
    else if (k === 'orig_to') e.origTo = v;
    else if (k === 'helo') e.helo = v;
    else if (k === 'proto') e.proto = v;
    else if (k === 'size') e.size = Number(v);
  }
}

/** `550 5.1.1 <a>: text` → code, enhanced, text. */
export function reply(raw: string, e: PostfixEvent): void {
  const s = joinMultiline(raw);
  const m = /^([245]\d\d)(?:[ -]([245]\.\d{1,3}\.\d{1,3}))?\s*(.*)$/s.exec(s.trim());
  if (m) {
    e.code = Number(m[1]);
    if (m[2]) e.enhanced = m[2];
    e.replyText = m[3];
    return;
  }
  const d = /^([245]\.\d{1,3}\.\d{1,3})\s+(.*)$/s.exec(s.trim());
  if (d) {
    e.enhanced = d[1];
    e.replyText = d[2];
  } else e.replyText = s.trim();
}

/** `host h[ip] said: 550 … (in reply to RCPT TO command)` → relay, response, stage. */
export function said(s: string, e: PostfixEvent): boolean {
  const m = new RegExp(
    String.raw`^host ${HOST_IP} (?:said|refused to talk to me):\s*(.*?)\s*(?:\(in reply to (.+?) command\))?\s*$`,
    's',
  ).exec(s.trim());
  if (!m) return false;
  e.relayHost = m[1];
  e.relayIp = m[2];
  if (m[3]) e.relayPort = Number(m[3]);
  e.response = m[4];
  if (m[5]) e.smtpStage = m[5];
  // "refused to talk to me": the server's greeting was the refusal (smtp_proto.c)
  else if (/ refused to talk to me:/.test(s)) e.smtpStage = 'CONNECT';
  reply(m[4], e);
  return true;
}

/** "client [ip] blocked using zen.spamhaus.org" → the DNSBL's zone. */
export function blockedUsing(e: PostfixEvent): void {
  const m = /(?:\[([^\][\s]+)\] )?blocked using ([a-z0-9.-]+\.[a-z]{2,})/i.exec(e.replyText ?? '');
  if (!m) return;
  e.dnsblDomain = m[2].replace(/[.;,]$/, '');
  // "Sender address [a@b.example]" → b.example; "Helo command [host]" → host; "Client host [ip]" → ip
  const what = m[1] ? domainPart(m[1]) : undefined;
  if (what) e.dnsblWhat = what;
}
