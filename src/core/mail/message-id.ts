// RFC 5322 §3.6.4 Message-ID syntax: "<" id-left "@" id-right ">".

import { DOT_ATOM, isAscii } from './address';

/**
 * RFC 5322 §3.6.4 msg-id: "<" id-left "@" id-right ">". With `utf8` (the
 * message travelled with SMTPUTF8), RFC 6532 §3.2 lets id-left and id-right
 * hold UTF-8 too, as every other dot-atom.
 */
export function checkMessageId(value: string, utf8 = false): string | null {
  const v = value.replace(/\([^()]*\)/g, '').trim();
  const m = /^<([^<>@\s]+)@([^<>@\s]+)>$/.exec(v);
  if (!m) {
    if (!/^</.test(v) || !/>$/.test(v)) return `"${value.trim()}" is not enclosed in angle brackets: a Message-ID is <unique-part@domain>`;
    if (!v.includes('@')) return `"${value.trim()}" has no "@": a Message-ID is <unique-part@domain>`;
    return `"${value.trim()}" is not a single <unique-part@domain> (spaces, a second "@" or extra text)`;
  }
  if (!DOT_ATOM.test(m[1]) && !/^"[^"]*"$/.test(m[1]))
    return `The left part "${m[1]}" has characters that are not allowed (RFC 5322 §3.6.4 dot-atom-text)`;
  if (!DOT_ATOM.test(m[2]) && !/^\[[^\]]*\]$/.test(m[2])) return `The right part "${m[2]}" is not a domain or [literal] (RFC 5322 §3.6.4)`;
  if (!utf8 && !isAscii(m[1] + m[2])) return `"${value.trim()}" has non-ASCII characters`;
  return null;
}
