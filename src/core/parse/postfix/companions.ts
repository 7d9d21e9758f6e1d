// The programs that share mail.log with Postfix and judge its clients: the
// SPF policy daemon, OpenDKIM, OpenDMARC, greylisting daemons, content
// filters, Dovecot. A pasted excerpt mixes their lines with Postfix's; what
// they concluded is "what the receiver saw", so the SPF, DKIM and DMARC
// results become logged checks of the session they belong to (by queue id,
// else by client address). Formats:
//   policyd-spf (pypolicyd-spf):  prepend Received-SPF: Fail (mailfrom) identity=mailfrom; client-ip=…; helo=…; envelope-from=…; receiver=…
//                                 550 5.7.23 Message rejected due to: SPF fail - not authorized. Please see …?s=mfrom;id=a@b;ip=…
//   opendkim:                     QID: DKIM verification successful | QID: bad signature data | QID: s=sel d=example.org SSL error:…
//   smf-spf (sendmail milter):   SPF fail: ip=…, fqdn=…, helo=…, from=<a@b>
//   opendmarc:                    QID: example.org fail | QID: example.org pass | QID: example.org none

import type { LoggedCheck } from '../../types';
import { domainPart, normalizeIP } from '../../dns/names';

/** Programs known to log beside Postfix (the name without path and instance). */
const COMPANION =
  /^(?:policyd-spf|policy-spf|postfix-policyd-spf-perl|spf-engine|opendkim|opendmarc|postgrey|sqlgrey|milter-greylist|postfwd\d?|policyd-weight|amavis|amavisd(?:-new)?|spamd|spamc|rspamd|clamd|clamav-milter|dovecot|saslauthd|dkimpy-milter|smf-spf|fail2ban[\w.-]*|mailscanner|MailScanner)$/;

export function isCompanion(program: string): boolean {
  return COMPANION.test(program.split('/').pop() ?? program);
}

export interface CompanionFinding {
  queueId: string | null;
  clientIp: string | null;
  check: LoggedCheck;
}

const SPF_RESULT = /\b(pass|fail|softfail|neutral|none|temperror|permerror)\b/i;

/** What a companion line concluded about the client or the message, if anything. */
export function companionFinding(program: string, message: string, line: number): CompanionFinding | null {
  const name = program.split('/').pop() ?? program;
  const q = /^([0-9A-F]{5,}|(?=[A-Za-z]*\d)[0-9A-Za-z]{10,}): (.*)$/.exec(message);
  const queueId = q ? q[1] : null;
  const msg = q ? q[2] : message;
  if (/spf/i.test(name)) {
    const received = /Received-SPF:\s*(\w+)\b(.*)$/i.exec(msg);
    if (received) {
      const kv = (k: string) => new RegExp(String.raw`\b${k}=([^;\s]+)`, 'i').exec(received[2])?.[1] ?? null;
      const from = kv('envelope-from');
      const helo = kv('helo');
      const ip = kv('client-ip');
      const identity = kv('identity');
      const subject = identity === 'helo' ? (helo ?? '') : from ? domainPart(from) : (helo ?? '');
      return {
        queueId,
        clientIp: ip ? (normalizeIP(ip) ?? ip) : null,
        check: { check: 'spf', subject, result: received[1].toLowerCase(), detail: msg.trim(), line },
      };
    }
    // smf-spf (a sendmail milter): "SPF fail: ip=192.0.2.1, fqdn=…, helo=…, from=<a@b>"
    const smf = /^SPF (\w+): ip=([^,\s]+),.*?\bfrom=<([^>]*)>/i.exec(msg.trim());
    if (smf && SPF_RESULT.test(smf[1]))
      return {
        queueId,
        clientIp: normalizeIP(smf[2]) ?? smf[2],
        check: {
          check: 'spf',
          subject: domainPart(smf[3]),
          result: smf[1].toLowerCase(),
          ip: normalizeIP(smf[2]) ?? smf[2],
          detail: msg.trim(),
          line,
        },
      };
    const refused = /SPF (\w+)\b.*?[?&;]s=(\w+);id=([^;\s]+);ip=([^;\s]+)/i.exec(msg);
    if (refused && SPF_RESULT.test(refused[1])) {
      return {
        queueId,
        clientIp: normalizeIP(refused[4]) ?? refused[4],
        check: { check: 'spf', subject: domainPart(refused[3]), result: refused[1].toLowerCase(), detail: msg.trim(), line },
      };
    }
    return null;
  }
  if (/dkim/i.test(name)) {
    const d = /\bd=([\w.-]+)/.exec(msg)?.[1]?.toLowerCase() ?? '';
    if (/DKIM verification successful|signature verified/i.test(msg))
      return { queueId, clientIp: null, check: { check: 'dkim', subject: d, result: 'pass', detail: msg.trim(), line } };
    if (/bad signature data|signature verification failed|body hash did not verify|key retrieval failed|SSL error/i.test(msg))
      return {
        queueId,
        clientIp: null,
        check: { check: 'dkim', subject: d, result: /key retrieval/i.test(msg) ? 'temperror' : 'fail', detail: msg.trim(), line },
      };
    if (/no signature data|no signatures?\b/i.test(msg))
      return { queueId, clientIp: null, check: { check: 'dkim', subject: d, result: 'none', detail: msg.trim(), line } };
    return null;
  }
  if (/dmarc/i.test(name)) {
    const m = /^([\w.-]+\.[a-z]{2,}) (pass|fail|none|bestguesspass|temperror|permerror)\b/i.exec(msg.trim());
    if (m)
      return {
        queueId,
        clientIp: null,
        check: { check: 'dmarc', subject: m[1].toLowerCase(), result: m[2].toLowerCase(), detail: msg.trim(), line },
      };
    return null;
  }
  return null;
}
