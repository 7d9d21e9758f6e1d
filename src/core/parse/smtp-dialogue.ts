// Shared SMTP dialogue logic: which stage a reply answers (by the command
// before it, knowledge/smtp-commands.ts), how multi-line replies join, and
// what a reply's codes are. Used by every log parser that
// sees the dialogue (MDaemon, transcripts, Exchange protocol logs).

import type { SmtpCommand, SmtpReply, Stage } from '../types';
import { isSmtpCommand, stageOfCommand } from '../knowledge/smtp-commands';

/**
 * A connection that failed before any reply, in the words of the MTAs' logs
 * (Postfix "connect to x: Connection timed out", Exim "defer (111):
 * Connection refused", sendmail "Deferred: Connection timed out with x"):
 * the stage is the connection itself.
 */
export function isConnectFailure(text: string): boolean {
  return /\bconnect to \S+|Connection (?:timed out|refused)|No route to host|Network is unreachable|defer \((?:110|111|113|101)\)|initial server greeting|refused to talk to me|Failed to connect|Winsock error(?: code)?:? 1006[01]\b/i.test(
    text,
  );
}

/** `550-5.7.1 text` / `550 5.7.1 text` / `550 text`: code, continuation, enhanced, text. */
const REPLY = /^([2-5]\d\d)([ -]|$)(?:\s*([245]\.\d{1,3}\.\d{1,3})(?=\s|$))?\s*(.*)$/;

export interface ParsedReplyLine {
  code: number;
  more: boolean;
  enhanced: string | null;
  text: string;
}

export function parseReplyLine(s: string): ParsedReplyLine | null {
  const m = REPLY.exec(s.trim());
  if (!m) return null;
  return { code: Number(m[1]), more: m[2] === '-', enhanced: m[3] ?? null, text: m[4] ?? '' };
}

/**
 * A multi-line reply logged on one line (Postfix's `said:`, a DSN's
 * Diagnostic-Code): `550-5.7.1 a 550-5.7.1 b 550 5.7.1 c`
 * → `550 5.7.1 a b c` (RFC 5321 §4.2.1: the code repeats on every line).
 */
export function joinMultiline(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = /([245]\d\d)[- ](?:([245]\.\d{1,3}\.\d{1,3})\s)?/.exec(t);
  if (!m) return t;
  const prefix = new RegExp(String.raw`\s${m[1]}[- ]${m[2] ? m[2].replace(/\./g, '\\.') + String.raw`\s?` : ''}`, 'g');
  const head = t.slice(0, m.index + m[0].length);
  return (head + t.slice(m.index + m[0].length).replace(prefix, ' '))
    .replace(/(\d{3})-(?=[245]\.\d)/, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Follows an SMTP dialogue line by line and assigns each reply its stage.
 * Multi-line replies (RFC 5321 §4.2.1: `code-` lines then `code `) are joined
 * into one reply that keeps the first line's number.
 */
export class DialogueTracker {
  readonly commands: SmtpCommand[] = [];
  readonly replies: SmtpReply[] = [];
  private stage: Stage = 'connect';
  /** After a 354 the client sends the message; the next reply ends the data. */
  private inData = false;
  private pending: SmtpReply | null = null;

  command(line: string, lineNo: number): SmtpCommand {
    this.flush();
    const m = /^(\S+)\s*(.*)$/.exec(line.trim()) ?? ['', line.trim(), ''];
    const verb = m[1].toUpperCase();
    // a line that is no command (the base64 answers to AUTH's 334 challenges) stays in the stage it continues
    const stage = isSmtpCommand(verb) ? stageOfCommand(verb) : this.stage;
    this.stage = stage;
    this.inData = false;
    const cmd = { verb, arg: m[2], stage, line: lineNo };
    this.commands.push(cmd);
    // RFC 3030: the reply to "BDAT n LAST" ends the message, like the one after DATA's dot
    if (stageOfCommand(verb, m[2]) === 'end-of-data') this.inData = true;
    return cmd;
  }

  /** The client has finished sending the message body (e.g. MDaemon's "Message size"). */
  messageSent(): void {
    if (this.stage === 'data') this.inData = true;
  }

  /** Feed a reply line; returns false when it is not a reply. */
  reply(line: string, lineNo: number): boolean {
    const p = parseReplyLine(line);
    if (!p) return false;
    // a multi-line reply a log wrote on one line ("550-5.7.1 a 550-5.7.1 b 550 5.7.1 c"): one reply
    if (p.more && new RegExp(String.raw`\s${p.code} `).test(line)) {
      const joined = parseReplyLine(joinMultiline(line));
      if (joined) Object.assign(p, joined, { more: false });
    }
    if (this.pending && this.pending.code === p.code) {
      this.pending.text += (this.pending.text ? ' ' : '') + p.text;
      this.pending.enhanced ??= p.enhanced;
    } else {
      this.flush();
      const stage: Stage = this.inData ? 'end-of-data' : this.stage;
      this.pending = { code: p.code, enhanced: p.enhanced, text: p.text, stage, line: lineNo };
    }
    if (!p.more) {
      const done = this.pending;
      this.flush();
      if (done && done.code === 354) this.inData = true;
      else if (done && this.inData) this.inData = false;
    }
    return true;
  }

  flush(): void {
    if (this.pending) {
      this.replies.push(this.pending);
      this.pending = null;
    }
  }
}
