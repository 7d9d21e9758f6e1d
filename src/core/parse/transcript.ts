// A plain SMTP dialogue as a person captures it: telnet or nc (commands and
// replies, no prefixes), swaks (`<-`/` ->`, `<~`/` ~>` under TLS, `<**` for
// an error reply, `===` for swaks' own notes), openssl s_client (certificate
// chatter, then the dialogue), a `C:`/`S:` transcript as in RFC 5321 §D, or
// a client library's debug log ("Sent: EHLO …" / "Got: 250 …").
// The lines after a 354 up to the lone "." are the message itself; its
// headers become Evidence.message.

import type { Session } from '../types';
import type { InputParser, ParseResult } from './parser';
import { DialogueTracker, parseReplyLine } from './smtp-dialogue';
import { readHeaderBlock } from '../mail/header-block';
import { normalizeIP } from '../dns/names';
import { emptySession } from './session';
import { withoutDecoration } from '../text/decoration';

// (MAIL and RCPT alone, or without the colon, are still those commands as a person typed them: "Mail" → 501)
// (a verb with a colon after it is a field's name, not a command: RFC 5321 §4.1.1 puts a colon only after
// MAIL FROM and RCPT TO. A program's error object printed under the dialogue — nodemailer's
// "{ [RecipientError: …] name: 'RecipientError', data: '550 …' }", "auth: { user: … }" — has such fields)
const VERB_START =
  /^(?:(?:EHLO|HELO|LHLO|DATA|BDAT|QUIT|RSET|NOOP|VRFY|EXPN|STARTTLS|AUTH|HELP|XCLIENT)\b(?!\s*:)|MAIL FROM:|RCPT TO:|(?:MAIL|RCPT)\s*$|MAIL FROM\b|RCPT TO\b)/i;

/**
 * A command line as RFC 5321 §4.1.1 writes each command (the verb and its arguments' shape), for a verb a
 * person typed in lower case ("ehlo me", "quit" in a telnet session). In lower case the verbs are also
 * words and fields of other text: a reply's "help or to contact <postmaster@…>" broken onto its own line,
 * Postfix's "helo=<…>" field: those are no commands.
 */
const TYPED_COMMAND =
  /^(?:(?:EHLO|HELO|LHLO)(?:\s+\S+)?|DATA|QUIT|RSET|STARTTLS|(?:NOOP|HELP)(?:\s+\S+)?|(?:VRFY|EXPN|XCLIENT)\s+\S.*|AUTH\s+[\w-]+(?:\s+\S+)?|BDAT\s+\d+(?:\s+LAST)?|(?:MAIL|RCPT)\b.*)\s*$/i;

/** A client's command: its verb in capitals as clients send it, or a typed one in the command's own shape. */
const VERBS = { test: (text: string) => VERB_START.test(text) && (/^[A-Z]{4}/.test(text) || TYPED_COMMAND.test(text)) };
/** swaks/openssl/RFC prefixes: which side said the line. */
const PREFIX = /^\s*(<-|->|<~|~>|<\*\*|\*\*>|<\*|\*>|<<<|>>>|S:|C:|Got:|Sent:|Server:|Client:|<|>)(?:\s|$)\s?/;

function strip(raw: string): { side: 'server' | 'client' | null; text: string } {
  // a debug log's tree branches or a list's bullets before the line (nodemailer's "└──250 …": text/decoration.ts)
  const l = withoutDecoration(raw);
  const m = PREFIX.exec(l);
  if (!m) return { side: null, text: l.trim() };
  const p = m[1];
  const side = /^(<-|<~|<\*\*|<\*|<<<|S:|Got:|Server:|<)$/.test(p) ? 'server' : 'client';
  return { side, text: l.slice(m[0].length).trimEnd() };
}

export function looksLikeTranscript(lines: string[]): number {
  let replies = 0;
  let verbs = 0;
  let greeting = false;
  let seen = 0;
  for (const l of lines.slice(0, 400)) {
    if (!l.trim()) continue;
    seen++;
    const { text } = strip(l);
    const r = parseReplyLine(text);
    if (r && /^[2-5]\d\d[ -]/.test(text + ' ')) {
      replies++;
      if (r.code === 220) greeting = true;
    } else if (VERBS.test(text)) verbs++;
  }
  if (!seen || !replies || !verbs) return 0;
  const share = (replies + verbs) / seen;
  return Math.min(0.95, (greeting ? 0.35 : 0.15) + share);
}

export function parseTranscript(lines: string[], _text: string, exactBytes: boolean): ParseResult {
  const d = new DialogueTracker();
  const s: Session = emptySession('smtp-transcript', null, 1, 'unknown', lines.length);
  let unknown = 0;
  let dataStart = -1;
  let message: ParseResult['message'] = null;
  let awaitingData = false;

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (dataStart >= 0) {
      // inside DATA: the message, up to the lone dot (RFC 5321 §4.1.1.4)
      const { text } = strip(raw);
      if (text === '.') {
        const block = readHeaderBlock(
          lines.slice(0, i).map((l) => strip(l).text),
          dataStart,
        );
        if (block.fields.length >= 1)
          message = {
            headers: block.fields,
            firstLine: dataStart + 1,
            hasBody: block.end < i - 1,
            exactBytes,
            raw: lines.slice(dataStart, i).join('\r\n'),
          };
        s.messageSize = lines.slice(dataStart, i).reduce((n, l) => n + l.length + 2, 0);
        dataStart = -1;
        d.messageSent();
      }
      return;
    }
    if (!raw.trim()) return;
    const { text } = strip(raw);
    if (d.reply(text, lineNo)) {
      const p = parseReplyLine(text);
      if (p?.code === 354 && !p.more && awaitingData) dataStart = i + 1;
      // the server names the client's address in its EHLO reply ("Hello x [192.0.2.1]")
      const echo = /\b(?:Hello|Hi|pleased to meet you|greets)\b[^[]{0,300}\[([0-9a-fA-F:.]+)\]/i.exec(text);
      if (echo && !s.clientIp) {
        s.clientIp = normalizeIP(echo[1]);
        s.clientIpLine = lineNo;
      }
      return;
    }
    // the client's answers to AUTH's 334 challenges (base64): part of AUTH
    if (d.replies.at(-1)?.code === 334 && /^[A-Za-z0-9+/=]{2,}$/.test(text) && d.commands.length) {
      d.command(text, lineNo);
      return;
    }
    if (VERBS.test(text)) {
      const cmd = d.command(text, lineNo);
      if (cmd.verb === 'EHLO' || cmd.verb === 'HELO') s.helo = { name: cmd.arg.trim(), line: lineNo };
      const mf = /^FROM:\s*<([^>]*)>/i.exec(cmd.arg);
      if (cmd.verb === 'MAIL' && mf) s.mailFrom = { address: mf[1], line: lineNo };
      const rt = /^TO:\s*<([^>]*)>/i.exec(cmd.arg);
      if (cmd.verb === 'RCPT' && rt) s.rcptTo.push({ address: rt[1], line: lineNo });
      awaitingData = cmd.verb === 'DATA';
      return;
    }
    // "Trying 192.0.2.1...", "Connected to mx.example.com (192.0.2.1)", swaks "=== Connected to …", openssl "CONNECTED(00000003)"
    const conn =
      /(?:Trying|Connected to|connect to)\s+\[?([A-Za-z0-9.:-]+?)\]?(?:\s+\(([0-9a-fA-F:.]+)\))?(?::\d+)?(?:\.\.\.|\.)?(?:\s|$)/i.exec(
        text,
      );
    // the command that opened the session names the server: telnet host 25, swaks --server host, openssl -connect host:port
    // (behind a shell's prompt: "[root@host dir]# nc -C mx.example 25", "user@host:~$ telnet mx 25")
    const opener =
      /^(?:[A-Za-z]:\\[^>]*>|\$\s*|\[[^\]\n]{1,120}\][#$]\s*|[\w.-]{1,64}@[\w.-]{1,120}:[^#$\s]{0,120}[#$]\s*)?(?:telnet\s+(\S+)|nc\s+(?:-\S+\s+)*(\S+)\s+\d+|.*?swaks\b.*?--server\s+(\S+)|.*?openssl\s+s_client\b.*?-connect\s+(\S+?)(?::\d+)?(?:\s|$))/i.exec(
        text,
      );
    if (opener && !conn) {
      const host = (opener[1] ?? opener[2] ?? opener[3] ?? opener[4] ?? '').replace(/:\d+$/, '');
      const ip = normalizeIP(host);
      if (ip) s.serverIp ??= ip;
      else if (host) s.remoteHost ??= host;
      return;
    }
    if (conn) {
      const ip = normalizeIP(conn[2] ?? conn[1]);
      if (ip) s.serverIp = ip;
      else s.remoteHost = conn[1].replace(/\.$/, '');
      return;
    }
    if (
      /^(?:===|\$ |[A-Za-z]:\\[^>]*>|Escape character|Connection to host lost|Connection closed by foreign host|CONNECTED\(|depth=|verify |---|Certificate chain|Server certificate|subject=|issuer=|No client certificate|Peer signing|Server Temp Key|SSL handshake|New, |Protocol|Cipher|Session-ID|Master-Key|PSK|SRP|TLS session|Start Time|Timeout|Verify return|Extended master|Early data|Post-Handshake|read R BLOCK|DONE|closed|Connection closed|\s*[A-Za-z0-9+/=]{40,}$|-----(?:BEGIN|END))/.test(
        text,
      )
    )
      return;
    unknown++;
  });
  d.flush();
  s.commands = d.commands;
  s.replies = d.replies;
  return { kind: 'smtp-transcript', sessions: [s], message, unknownLines: unknown, warnings: [] };
}

export const transcriptParser: InputParser = {
  kind: 'smtp-transcript',
  detect: looksLikeTranscript,
  parse: (lines, text, ctx) => parseTranscript(lines, text, ctx.exactBytes),
};
