// A fix or verify line of a checklist step, cut into prose and the pieces an
// administrator copies: a whole command line, a `quoted` command, a DNS
// record in zone-file form, or a header line to write. The rules write these
// as plain strings (the JSON report's `fix`/`verify` are strings, DESIGN.md
// contract 3), so the page finds them by their shape here.

import type { FixPart } from './types';
export type { FixPart };

/**
 * Programs whose invocation starts a verify line. A line that starts with one
 * is a command as a whole (dig, swaks and friends on Unix; Resolve-DnsName
 * and Test-NetConnection in PowerShell on Windows servers).
 */
const COMMAND =
  /^(?:dig|kdig|delv|drill|nslookup|host|swaks|openssl|postconf|postfix|postmap|postqueue|postsuper|mailq|exim|exiqgrep|sendmail|grep|whois|curl|telnet|nc|Resolve-DnsName|Test-NetConnection|Get-[A-Za-z]+)\s/;

/** Postfix quotes a remote reply as "host mx.example[192.0.2.1] said: …": prose, not the host command. */
const QUOTED_REPLY = /\bsaid:|\(in reply to /;

/**
 * A note the rules put after a command, two or more spaces away:
 * "dig +short name A   (no answer = not listed)". It is shown, not copied
 * (a shell would choke on the parenthesis).
 */
const TRAILING_NOTE = /\s{2,}(\(.*\))$/;

/** A resource record in zone-file form: "name. IN TYPE data" (RFC 1035 §5.1). */
const RECORD = /(?:^|:\s+)((?:[A-Za-z0-9_*-]+\.)+\s+(?:\d+\s+)?IN\s+(?:A|AAAA|TXT|PTR|MX|CNAME|NS|SPF|SRV|CAA|TLSA)\s+\S.*)$/;

/**
 * Header fields the rules give as the line to write ("in the form: Date: …").
 * Only these names, so that prose with a colon ("Publish: …") stays prose.
 */
const HEADER =
  /(?:^|:\s+)((?:Date|From|Sender|Reply-To|To|Cc|Subject|Message-ID|MIME-Version|Content-Type|Content-Transfer-Encoding|List-Unsubscribe|List-Unsubscribe-Post):\s+\S.*)$/;

function commandPart(line: string): FixPart[] {
  const note = TRAILING_NOTE.exec(line);
  const command = note ? line.slice(0, note.index) : line;
  const parts: FixPart[] = [{ kind: 'code', text: command, copy: command }];
  if (note) parts.push({ kind: 'text', text: ` ${note[1]}` });
  return parts;
}

/** The record or header line at the end of a piece of prose, cut off as code. */
function trailingCode(text: string): FixPart[] {
  for (const re of [RECORD, HEADER]) {
    const m = re.exec(text);
    if (!m) continue;
    const code = m[1].trim();
    const before = text.slice(0, text.length - m[1].length);
    return [...(before ? [{ kind: 'text', text: before } as const] : []), { kind: 'code', text: code, copy: code }];
  }
  return [{ kind: 'text', text }];
}

/** A web address in prose (a delisting page, a console, a provider's guide); trailing punctuation is the sentence's. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/g;

/** The web addresses in the prose parts become links (rel="noreferrer noopener" in the page). */
function withLinks(parts: FixPart[]): FixPart[] {
  const out: FixPart[] = [];
  for (const p of parts) {
    if (p.kind !== 'text') {
      out.push(p);
      continue;
    }
    let last = 0;
    for (const m of p.text.matchAll(URL_IN_TEXT)) {
      const url = m[0].replace(/[.,;:!?)\]]+$/, '');
      if (m.index > last) out.push({ kind: 'text', text: p.text.slice(last, m.index) });
      out.push({ kind: 'link', text: url, href: url });
      last = m.index + url.length;
    }
    if (last < p.text.length) out.push({ kind: 'text', text: p.text.slice(last) });
  }
  return out;
}

/** Cut one fix or verify line into prose, links and copyable code. */
export function fixParts(line: string): FixPart[] {
  return withLinks(cutLine(line));
}

function cutLine(line: string): FixPart[] {
  // a shared link's report is checked only in shape: show anything else as text
  if (typeof line !== 'string') return [{ kind: 'text', text: String(line) }];
  if (COMMAND.test(line) && !QUOTED_REPLY.test(line)) return commandPart(line);
  // `backquoted` commands inside prose; a record may still end the line
  const parts: FixPart[] = [];
  let last = 0;
  for (const m of line.matchAll(/`([^`]+)`/g)) {
    if (m.index > last) parts.push({ kind: 'text', text: line.slice(last, m.index) });
    parts.push({ kind: 'code', text: m[1], copy: m[1] });
    last = m.index + m[0].length;
  }
  return last < line.length ? [...parts, ...trailingCode(line.slice(last))] : parts;
}
