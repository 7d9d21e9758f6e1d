// From the words a bounce gives about one recipient to a refusal: the basic
// and enhanced codes, the SMTP stage, the remote server, the client IP it
// judged, and the reply text with multi-line prefixes (`550-5.7.1 …`) joined.

import type { Stage } from '../../types';
import type { RawRejection } from '../parser';
import { normalizeIP } from '../../dns/names';
import { joinMultiline } from '../smtp-dialogue';
import { stageOfCommand } from '../../knowledge/smtp-commands';
import { clientErrorStage } from '../../knowledge/client-errors';

export interface DiagnosticInput {
  status: string | null;
  diagnostic: string | null;
  diagnosticType: string | null;
  action: string;
  remoteMta: string | null;
  humanText: string | null;
  /** The bounce's whole text, when it is about this recipient alone: where to look for the stage if the recipient's own words do not say. */
  context?: string;
}

/**
 * The commands MTAs name when they say where the refusal came (Postfix, Exim,
 * Sendmail, qmail; GMX and mail.com "SMTP error from remote server for RCPT
 * TO command" / "for TEXT command", TEXT being the message after DATA), and
 * the command each names, whose stage the table knowledge/smtp-commands.ts gives.
 */
const STAGE_WORDS: [RegExp, string][] = [
  [
    // ("end of message" alone is also a notice's closing banner: it names the stage only after "after", "in reply to")
    /for TEXT command|(?:after|in reply to|at|following) (?:the )?end of (?:data|message)|\bend of data\b|after (?:the )?(?:end of )?data\b(?! command)|in reply to end of DATA|after DATA command.{0,20}end|sending (?:message )?body|after sending (?:the )?message|\bEOM\b|END-OF-MESSAGE|after I sent the message/i,
    'END OF DATA',
  ],
  [
    // a verdict on the message's content can only come once the content was sent (RFC 5321 §4.1.1.4):
    // "5.7.1 Spam message rejected", "Message rejected under suspicion of SPAM", "message content rejected";
    // and RFC 5321 §4.3.2 gives 554 "Transaction failed" only to DATA and its end, never to MAIL or RCPT
    /\bspam message rejected\b|\bmessage (?:was |has been |is )?(?:rejected|refused|blocked) (?:as|under suspicion of|because of|due to) (?:probable |possible |likely )?spam\b|\bmessage content rejected\b|^(?:554[ -](?:5\.\d{1,3}\.\d{1,3}[ -])?)?Transaction failed\b/i,
    'END OF DATA',
  ],
  [
    // Postfix's recipient restrictions ("Recipient address rejected") only ever answer RCPT TO
    /(?:in reply to|after|for|while sending|most progress was|>>>?)\s*(?:the )?RCPT(?: TO)?\b|RCPT TO:?\s*<[^>]*>\s*(?:\.\.\.|:)|\bRCPT\b.{0,20}response|SMTP:RCPT|does not like recipient|\[RCPT_TO\]|\bRecipient\s+address\s+rejected\b|\bdid not like our RCPT\b|\bError following RCPT\b|\bRCPT TO:? syntax error\b|\brecipient <[^<>\s]{1,200}> rejected\b|\bunable to relay\b|\brelay(?:ing)? (?:access )?denied\b|\bnot permitted to relay\b|\brelaying (?:is )?(?:not (?:allowed|permitted)|prohibited)\b/i,
    // (relaying is decided per recipient, on RCPT TO: RFC 5321 §3.6.2; "Relay access denied" is Postfix's RCPT-stage restriction)
    'RCPT',
  ],
  [
    // (Microsoft 365 answers MAIL FROM with 5.7.57 "Client not authenticated to send mail" and 5.7.60 "does not have permissions to send as this sender")
    // ("while sending mail." is a client's sentence, not the command: MAIL needs FROM, "command", a colon or the line's end)
    /(?:in reply to|after|for|while sending|most progress was|>>>)\s*(?:the )?MAIL(?: FROM\b|\s+command\b|\s*$|(?=\s*[:<]))|sender was rejected|MAIL FROM:?\s*<[^>]*>(?:\s+SIZE=\d+)?\s*:|\bMAIL FROM:? syntax error\b|\bnot authenticated to send (?:anonymous )?mail\b|\bdoes not have permissions? to send as this sender\b|\bmail from (?:address|command)\b|\bnested MAIL command\b|\bMAIL already given\b|\bsender already (?:given|specified)\b|\b(?:invalid|bad|unauthori[sz]ed) return[- ]path\b/i,
    // (a second MAIL FROM in one transaction: Postfix "503 5.5.1 Error: nested MAIL command", Dovecot "MAIL already
    // given", Exim "sender already given", sendmail "Sender already specified")
    // (Tencent's "501 mail from address must be same as authorization user" names the command)
    // (the return path is the envelope sender, RFC 5321 §4.4: Proton Mail Bridge's "451 invalid return path: not
    // owned by user" refuses MAIL FROM)
    'MAIL',
  ],
  [/(?:in reply to|after|while sending|>>>)\s*(?:the )?DATA\b|\bDATA command\b/i, 'DATA'],
  [
    // Postfix's smtpd_helo_restrictions say "Helo command rejected" (answered at RCPT TO by default, smtpd_delay_reject:
    // a log or bounce that says "in reply to RCPT" is read above)
    // (a program that prints the command after the reply in parentheses: "… closing connection. (EHLO)")
    /(?:in reply to|after|while sending|>>>)\s*(?:the )?(?:HELO|EHLO)\b|\bHelo command rejected\b|\((?:HELO|EHLO)\)\s*$/i,
    'HELO',
  ],
  [
    // Postfix "host x[ip] refused to talk to me: 554 …": the greeting was the refusal
    // (qmail-remote: "Connected to 192.0.2.1 but greeting failed."; RFC 5321 §4.2.3: 554 "No SMTP service here"
    // is the connection-opening response)
    /refused to talk to me|\bbut greeting failed\b|initial (?:server )?(?:greeting|connection|banner)|after connect|\bCONN(?:ECT)?\b|while connecting|on connection|SMTP greeting|connection refused|\bNo SMTP service\b/i,
    'CONNECT',
  ],
];

export function stageFromText(text: string): Stage {
  // a Sendmail-style transcript: the command sent (">>> RCPT To:…") before the first refusal ("<<< 550 …")
  const refusal = /<<<\s*[45]\d\d/.exec(text);
  if (refusal) {
    const sent = [...text.slice(0, refusal.index).matchAll(/>>>\s*([A-Za-z]+)((?:(?!>>>)[^\n])*)/gi)].pop();
    const stage = sent ? stageOfCommand(sent[1], sent[2]) : 'unknown';
    if (stage !== 'unknown') return stage;
  }
  // Trend Micro InterScan names its arrows the other way round: "Sent <<< RCPT TO:…", "Received >>> 550 …"
  const received = /Received >>>\s*[45]\d\d/.exec(text);
  if (received) {
    const sent = [...text.slice(0, received.index).matchAll(/Sent <<<\s*([A-Za-z]+)([^\n]*)/g)].pop();
    const stage = sent ? stageOfCommand(sent[1], sent[2]) : 'unknown';
    if (stage !== 'unknown') return stage;
  }
  const named = STAGE_WORDS.find(([re]) => re.test(text));
  return named ? stageOfCommand(named[1]) : 'unknown';
}

// (an application's quoted tuple writes it after a quote: "(501, '5.1.3 Bad recipient address syntax')")
const ENHANCED = /(?:^|[\s(#:;\['"])([245])\.(\d{1,3})\.(\d{1,3})(?=$|[\s).,;:\]>'"-])/;
// only refusal codes: a bounce quoting a dialogue has 220s and 250s in it too
const BASIC = /(?:^|[\s:;(\['"#]|said:\s*|was:\s*)([45][0-5]\d)(?=[ ,-](?![\d]{3})|$)/;

/** The IP the receiver judged, when the text names it ("Client host [ip]", "your IP ip", "messages from ip"). */
export function clientIpIn(text: string): string | null {
  // Gmail and others put the client's address in brackets right after the codes;
  // Gmail now adds a count after it: "550-5.7.1 [203.0.113.44      12] Our system…"
  const lead = /^(?:[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s+)?)?\[([0-9a-fA-F:.]{7,39})(?:\s+\d+)?\]/.exec(text);
  if (lead) return normalizeIP(lead[1]);
  // the words receivers use around the client's address where no "client"/"IP" label stands before it:
  // Postfix reject_unknown_(reverse_)client_hostname "cannot find your (reverse) hostname, [ip]" (postconf(5)),
  // SPF refusals "does not designate ip as permitted sender" (RFC 7208 §8 texts of pyspf, libspf2, Gmail),
  // "ip is not allowed to send mail from" (policyd-spf), "ip is not authorized" (Exchange, Domino)
  const worded =
    /cannot find your (?:reverse )?host ?name,?\s*\[([0-9a-fA-F:.]{7,39})\]|does not designate\s+\[?([0-9a-fA-F:.]{7,39})\]?\s+as permitted|\b([0-9a-fA-F:.]{7,39})\]?\s+is not (?:allowed|authori[sz]ed|permitted) to send/i.exec(
      text,
    );
  const w = worded ? normalizeIP(worded[1] ?? worded[2] ?? worded[3]) : null;
  if (w) return w;
  const m =
    /(?:client host|client|your (?:ip|address|host)|sending ip|ip address|connections? (?:will not be accepted )?from|messages from|mail from ip|unfortunately, messages from|\bip)\s*(?:address\s*)?[:=]?\s*\[?([0-9a-f:.]{7,39})\]?/i.exec(
      text,
    );
  return m ? normalizeIP(m[1]) : null;
}

/**
 * `host mx.example.net[192.0.2.1] said:`, `host mx.example.net [192.0.2.1]:`, `remote host 192.0.2.1 said:`,
 * GMX's `host: mx.example.net (192.0.2.1) reason:`, Exchange 2010's `mx.example.net #550 5.7.1 … ##`,
 * Exim's `host mx.example.net [192.0.2.1]` above `SMTP error from remote mail server…`,
 * Exchange's `Remote Server at mx.example.net (192.0.2.1) returned '…'`.
 */
export function remoteIn(text: string): string | null {
  const m =
    /\bhost\s+([A-Za-z0-9.-]+\.[A-Za-z]{2,}|\d+\.\d+\.\d+\.\d+)\s*(?:\[([0-9a-f:.]+)\])?\s*(?:said|refused to talk|:)|\bhost:\s+([A-Za-z0-9.-]+\.[A-Za-z]{2,})\s+\([0-9a-f:.]+\)\s+reason:|(?:^|\s)([A-Za-z0-9.-]+\.[A-Za-z]{2,})\s+#[45]\d\d\s|\bhost\s+([A-Za-z0-9.-]+\.[A-Za-z]{2,})\s+\[[0-9a-f:.]+\]\s+SMTP error|Remote Server at ([A-Za-z0-9.-]+\.[A-Za-z]{2,})\s+\([0-9a-f:.]+\)\s+returned/i.exec(
      text,
    );
  return m ? (m[1] ?? m[3] ?? m[4] ?? m[5] ?? m[6]) : null;
}

/** A Remote-MTA as some write it: "dns; mx.example.org. (192.0.2.30, the server for the domain example.org.)" → the name. */
function remoteName(v: string): string {
  return v.split('(', 1)[0].trimEnd().replace(/\.$/, '') || v;
}

const MAX_TEXT = 1200;

export function readDiagnostic(d: DiagnosticInput): Omit<RawRejection, 'line' | 'recipient'> {
  let text = (d.diagnostic ?? '').trim();
  const human = (d.humanText ?? '').trim();
  // a Diagnostic-Code that is only a code (or X-Unix noise) says less than the text part
  if (human && (!text || text.replace(/[\d.\s-]/g, '').length < 8)) text = [text, human].filter(Boolean).join(' ');
  text = joinMultiline(text);
  // a bounce's general words can run long; the reply itself never does
  if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT - 1) + '…';
  const status = d.status && /^[245]\.\d{1,3}\.\d{1,3}/.test(d.status.trim()) ? d.status.trim().split(/\s/)[0] : null;
  const enh = ENHANCED.exec(text);
  const textEnhanced = enh ? `${enh[1]}.${enh[2]}.${enh[3]}` : null;
  const basic = BASIC.exec(text);
  let code = basic ? Number(basic[1]) : null;
  // a code whose class disagrees with the status is a number in the text, not the reply
  const enhanced = status && !/^[245]\.0\.0$/.test(status) ? status : (textEnhanced ?? status);
  if (code !== null && enhanced && String(code)[0] !== enhanced[0] && !basic?.[0].includes('said')) code = null;
  const ip = clientIpIn(text);
  // the text without the codes it starts with, like the replies of every other reader
  if (code !== null) text = text.replace(new RegExp(String.raw`^${code}[ -](?:[245]\.\d{1,3}\.\d{1,3}\s+)?`), '');
  // Postfix's own note of the command the reply answered is no word of the receiver's (its stage is read below)
  text = text.replace(/(?<!\s)\s*\(in reply to [^()]{1,40} command\)\s*$/i, '');
  let stage = stageFromText([d.diagnostic ?? '', human].join(' '));
  if (stage === 'unknown' && d.context) stage = stageFromText(d.context);
  // an application's own words around the reply name the command it was giving (Mattermost's "SendMail:
  // Error setting From Address", in the UI's language), as the reply finder reads them (parse/replies/find.ts)
  if (stage === 'unknown') stage = clientErrorStage([d.diagnostic ?? '', human].join(' '))?.stage ?? 'unknown';
  return {
    code,
    enhanced,
    stage,
    text,
    ip,
    remote: d.remoteMta ? remoteName(d.remoteMta) : remoteIn([d.diagnostic ?? '', human].join(' ')),
    action: d.action || undefined,
    diagnosticType: d.diagnosticType ?? undefined,
  };
}
