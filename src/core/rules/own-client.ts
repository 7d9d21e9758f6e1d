// submission.port-25: the organisation's own device or application (a
// printer's scan-to-mail, a web shop, a monitoring script) hands its mail to
// the organisation's own server the way servers deliver to each other — on
// port 25, without logging in — and that server's checks for strangers (PTR,
// blocklists, HELO, greylisting) refuse it. The sign in the log: the server's
// own inbound session, a client that sends as a domain the server receives
// for (MAIL FROM in the same organisation as RCPT TO), refused before any
// login. The fix is submission (RFC 6409: port 587 or 465, SMTP AUTH with a
// mailbox of that domain) or trusting the device's address on the server —
// not a PTR record from the ISP, which fixes nothing for a client.
//
// The same log line is what a spammer forging your domain produces; the step
// says both, and the refusal stays right in that case.

import { getDomain } from 'tldts';
import type { Rejection, Session, Step } from '../types';
import type { Rule, RuleContext } from './rule';
import { domainPart, isIP } from '../dns/names';
import { settingsFor, settingsList } from '../knowledge/mta-settings';

/** Refusals a server makes of strangers, not of its own logged-in users. */
const STRANGER_REASONS = new Set([
  'requireptr',
  'blocked',
  'badreputation',
  'rejected',
  'norelaying',
  'securityerror',
  'authfailure',
  'onhold',
  'undefined',
]);

/** Words that show the refused client had logged in (Postfix smtpd_sender_login_maps, "authenticated as"). */
const LOGGED_IN = /\bnot owned by (?:user|login|auth)|\bauthenticated as\b|\bsasl_username=/i;

const org = (d: string) => (getDomain(d) ?? d).toLowerCase();

export interface OwnClient {
  refusal: Rejection;
  session: Session;
  domain: string;
  /** The client named itself by an address literal or a bare word: a device, not a mail server. */
  deviceHelo: boolean;
}

/** The refusal, when it is the organisation's own client refused by its own server as a stranger. */
export function ownClientRefusal(ctx: RuleContext): OwnClient | null {
  const r = ctx.primary;
  const s = ctx.focus;
  if (!r || !s || s.direction !== 'inbound' || !STRANGER_REASONS.has(r.reason)) return null;
  if (!s.replies.some((x) => x.line === r.line) && !(r.line >= s.startLine && r.line <= s.endLine)) return null;
  if (!['connect', 'helo', 'mail', 'rcpt', 'unknown'].includes(r.stage)) return null;
  // a refusal that names the client's login (Postfix reject_sender_login_mismatch: "not owned by user x")
  // is of a client that DID log in: not a stranger on port 25
  if (LOGGED_IN.test(r.text)) return null;
  const from = s.mailFrom?.address ? domainPart(s.mailFrom.address) : '';
  if (!from || !from.includes('.')) return null;
  const rcpts = s.rcptTo.map((x) => domainPart(x.address)).filter(Boolean);
  if (!rcpts.some((d) => org(d) === org(from))) return null;
  const helo = s.helo?.name ?? '';
  const deviceHelo = !helo || /^\[.*\]$/.test(helo) || isIP(helo) || !helo.includes('.');
  return { refusal: r, session: s, domain: from.toLowerCase(), deviceHelo };
}

export const ownClient: Rule = {
  steps: [
    {
      id: 'submission.port-25',
      explains: ['requireptr', 'blocked', 'badreputation', 'rejected', 'norelaying', 'securityerror', 'authfailure'],
    },
  ],
  reads: [],
  sources: ['RFC 6409 (Message Submission: port 587, authenticated)', 'RFC 8314 (port 465)', 'https://www.postfix.org/SASL_README.html'],
  run(ctx) {
    const o = ownClientRefusal(ctx);
    if (!o) return [];
    const ip = o.session.clientIp ?? '<the client IP>';
    const step: Step = {
      rule: 'submission.port-25',
      status: o.deviceHelo ? 'fail' : 'warn',
      title: `The client ${ip} sends as ${o.domain} to your own server without logging in: if it is your own device or application, it must submit (port 587 with SMTP AUTH), not deliver like a mail server`,
      evidence: [
        {
          text: `Your server refused it as a stranger: ${[o.refusal.code, o.refusal.enhanced, o.refusal.text].filter((x) => x !== null && x !== '').join(' ')}`,
          line: o.refusal.line,
        },
        ...(o.session.mailFrom
          ? [
              {
                text: `MAIL FROM ${o.session.mailFrom.address}, to ${o.session.rcptTo.map((x) => x.address).join(', ')}: the same domain`,
                line: o.session.mailFrom.line,
              },
            ]
          : []),
        ...(o.session.helo
          ? [
              {
                text: `It introduced itself as ${o.session.helo.name}${o.deviceHelo ? ' (an address literal or a bare name: a device or a program, not a mail server)' : ''}`,
                line: o.session.helo.line,
              },
            ]
          : []),
      ],
      detail:
        'Mail from your own users, devices and applications is submitted: on port 587 (STARTTLS) or 465 (TLS), after logging in with a mailbox of the domain (RFC 6409). Port 25 without a login is how other mail servers deliver to yours, and your server rightly checks those clients’ reverse DNS, blocklists and HELO. A PTR record for a printer or a web server fixes nothing. If you do not know this client, it is forging your domain, and the refusal is right: nothing to change.',
      fix: [
        `Set the device or application to send through ${'<your mail server’s name>'} on port 587 with STARTTLS (or 465 with TLS) and SMTP authentication, with a mailbox of ${o.domain} as the login and the sender.`,
        `If it cannot log in (old printers), trust its fixed address on your server instead: ${settingsList('trusted-networks')}.`,
      ],
      verify: [
        `Send a test from the device; your server's log shows the session on port 587 with "sasl_username=" (Postfix) or "authenticated" and the message delivered.`,
      ],
      sources: settingsFor('trusted-networks').map((x) => x.source),
    };
    return [step];
  },
};
