// What problem a refusal's own words (or its enhanced code's detail) name,
// when that problem is narrower than its reason. The reason (sisimai's
// vocabulary, decided by reason/engine.ts) is a broad class: "securityerror"
// covers a client that did not log in, one whose login failed, one that sent
// without TLS and one that logged in but sends as an address it does not own;
// "userunknown", "mailboxfull" and "blocked" are read into quotas and rate
// limits by servers that reuse those codes. The step that tells the reader
// what to do must follow the problem the receiver named, not the class:
//
//   "553 5.7.1 Sender address rejected: not owned by user x"  → smtp.sender-invalid (the login may not send as that sender)
//   "550 5.7.1 TLS required by recipient"                      → smtp.tls-failed     (send with STARTTLS)
//   "534-5.7.9 Application-specific password required"          → smtp.login-failed   (an app password, not "log in")
//   "504 5.7.4 Unrecognized authentication type"                → submission.auth-not-offered
//   "550 5.4.5 Daily user sending limit exceeded"               → smtp.rate-limited   (a quota, not a full mailbox)
//   "450 4.2.0 Greylisted, see http://postgrey…"                → smtp.greylisted     (retry; nothing to fix)
//
// Read by rules/rejection.ts after a named receiver's own entry (which knows
// its receiver better) and before the reason's general advice. One entry per
// problem, first match wins, each with its sources. Patterns are bounded and
// linear in the text.

import type { Party, Stage } from '../types';
import { MAIL_ORGANISATIONS } from './mail-organisations';
import { plainQuotes } from '../text/punctuation';
import { SENDING_QUOTA_WORDS } from './reasons/policy';
import { GREYLIST_SOURCES, GREYLIST_WORDS } from './greylisting';

export interface RefusalProblem {
  id: string;
  /** The checklist rule that explains it. */
  rule: string;
  /** Words on the reply text (addresses are not masked: "not owned by user a@b" is read whole). */
  text?: RegExp;
  /** Enhanced-code subject.detail ("7.10") that names the problem whatever the words say. */
  details?: string[];
  /** Only for these basic codes (with `details`: RFC 4954 534/535 give X.7.9 and X.7.8 their AUTH meaning). */
  codes?: number[];
  /**
   * Only when the domain the words are about (the address they name) is one of the big mail
   * organisations' (knowledge/mail-organisations.ts): a domain that always resolves.
   */
  wellKnownDomain?: boolean;
  /**
   * A finding about the refusing server itself that the words' own receiver entry cannot know (Postfix's
   * "Domain not found" is right about the lookup, wrong about the domain): it goes before that entry.
   */
  beforeReceiver?: boolean;
  /** Basic reply codes that name the problem by themselves, when no other entry's words or detail do (RFC 4954 535). */
  basicCodes?: number[];
  /** Only when the words came with no reply code (the sending MTA's or a client's own words about the connection). */
  withoutCode?: boolean;
  /** Only for temporary (4xx) or permanent (5xx) refusals; 'not-permanent': a 4xx, or words that came without a code. */
  only?: 'temporary' | 'permanent' | 'not-permanent';
  /** Not when these words are there too (a mailbox quota is no sending quota). */
  unless?: RegExp;
  stages?: Stage[];
  /** Only when the refusal's reason is one of these (a broad entry gives way to a narrower reason: a size, a full mailbox). */
  reasons?: string[];
  /** Not when the refusal's reason is one of these (a mailbox's "too many messages" is a full mailbox, not a rate). */
  notReasons?: string[];
  /**
   * Only when the recipient was a bare local name ("root", "www-data") that the reporting server
   * qualified with its own domain (the refusal's originalRecipient has no "@"): what failed then
   * is that server's own name, not an address someone typed.
   */
  localName?: boolean;
  /**
   * Whose move it is, when the problem says so whatever the reason (a recipient's own delivery
   * restriction is its owner's to open): the refusal's party unless a receiver's entry names one.
   */
  party?: Party;
  /**
   * Only when the host the sending server failed to look up (Postfix "Name service error for name=<host>
   * type=<type>") is not the recipient's domain nor under it, and the lookup was the sending server's own
   * next hop: an MX lookup of such a name (a relayhost or transport written without [brackets] — the
   * recipient domain's own MX lookup names the recipient domain), or an address lookup that failed for now.
   */
  ownNextHop?: boolean;
  /** The step's headline and advice when the rule's general ones would mislead. */
  /**
   * Only when the input's own server gave the refusal to a client (its own log: Rejection.inbound) —
   * what a refusal without words means depends on whose server wrote it.
   */
  ownServer?: boolean;
  /** Only when the client address it judged is a private or loopback one (RefusalFacts.privateClient). */
  privateClient?: boolean;
  headline?: string;
  detail?: string;
  fix?: string[];
  verify?: string[];
  sources: string[];
}

/** Rates and counts a receiver limits (beside SENDING_QUOTA_WORDS, the sender's own account quota). */
const RATE_OR_QUOTA =
  /(?<!connection )\brate[ -]limit|\b(?:daily|hourly) (?:user )?sending (?:quota|limit)\b|\bsending (?:quota|limit|rate)\b.{0,30}\b(?:exceeded|reached|over)\b|\b(?:exceeded|reached|over) (?:the |your |its )?(?:daily |hourly )?(?:sending|submission|send|message|messages|messaging|outbound|recipient) (?:quota|limit|rate)s?\b|\bsubmission quota\b|\btoo many (?:messages|mails|e-?mails|recipients|connections|sessions)\b|\bmessage rate\b.{0,20}\bexceeded\b|\breceiving (?:mail|messages|email) at a rate\b|\bmaximum sending rate\b|\bthrottl(?:ed|ing)\b|\btoo much mail\b(?! data)|\b(?:too many|exceeded|limit)\b[^.;\n]{0,60}\bper (?:second|minute|hour|day)\b/i;

export const REFUSAL_PROBLEMS: RefusalProblem[] = [
  {
    // Postfix reject_sender_login_mismatch (and its clones in mailcow, Yandex, Zoho…): "not owned by user",
    // Microsoft 365 SendAsDenied 5.7.60, "sender address does not match the authenticated user"; the
    // "<MAIL FROM / From / sender> must <equal / match / be same as> the <authorized / authenticated / login> user"
    // family (Tencent "501 mail from address must be same as authorization user", NetEase "553 Mail from must
    // equal authorized user"); '"MAIL FROM" doesn't conform with authentication' (a provider's 436,
    // https://github.com/PHPMailer/PHPMailer/issues/885)
    id: 'sender-not-owned',
    rule: 'smtp.sender-invalid',
    text: /\bnot owned by (?:auth(?:enticated)? )?user\b|\brelay(?:ing)? disallowed as\b|\bfrom (?:address|header)\b[^.\n]{0,40}\b(?:authenticated|authori[sz]ed|login|logged[- ]in) (?:user|account)\b[^.\n]{0,20}\bmust (?:be the same|match)\b|\bmust be the same as the (?:authenticated|login|logged[- ]in) (?:user|account)\b|\bdoes not have permissions? to send as\b|\bSendAsDenied\b|\bnot (?:allowed|authori[sz]ed|permitted) to send as\b|\bsender (?:address )?(?:does not match|mismatch(?:es)?)\b.{0,40}\b(?:login|logged|authenticat|account|user)|\b(?:login|authenticated user) (?:does not match|mismatch)\b.{0,40}\bsender\b|\bsender login mismatch\b|\b(?:mail ?from|from|sender|envelope sender)(?: address)? must (?:equal|match|be (?:the )?same as) (?:the )?(?:authori[sz]ed|authenticated|authori[sz]ation|auth|login|logged[- ]in) (?:user|account)\b|(?:\bMAIL ?FROM"?(?: address)?|\bsender(?: address)?|\bfrom address)\W{0,3} (?:does not|doesn'?t|don'?t|did not) (?:conform|correspond|agree|match) (?:with|to) (?:the )?(?:authenticat\w*|login)\b/i,
    headline: 'The server refused the sender address: the account that logged in may not send as it',
    detail:
      'The client authenticated, then gave a MAIL FROM (or From:) address that this login does not own. Submission servers allow each account only its own addresses (Postfix smtpd_sender_login_maps with reject_sender_login_mismatch; Microsoft 365 Send As permission). DNS plays no part.',
    fix: [
      'Send with the address of the account the program logs in with (set both the envelope sender and From: to it).',
      'Or allow the login to send as that address: Postfix smtpd_sender_login_maps (mailcow: the mailbox\'s "Allow to send as" setting), Microsoft 365 Send As (Add-RecipientPermission <mailbox> -AccessRights SendAs -Trustee <login>).',
    ],
    verify: ['swaks --server <server> --port 587 --tls --auth-user <login> --from <that address> --to <recipient>'],
    sources: [
      'https://www.postfix.org/postconf.5.html#reject_sender_login_mismatch',
      'https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-7-60-in-exchange-online',
      'https://www.zoho.com/mail/help/zoho-smtp.html (the From address must be the account\'s address or alias; Zoho answers "553 Relaying disallowed as <address>")',
      'https://www.zoho.com/zeptomail/help/api/smtp-error-codes.html ("Relaying disallowed as <emailaddress>": the from address is not allowed)',
      'https://github.com/jenkinsci/mailer-plugin/pull/23 ("553 Mail from must equal authorized user" when the admin address is not the SMTP login)',
    ],
  },
  {
    // OpenSSL's "wrong version number" (ssl3_get_record) on a client's connection: it started TLS at once on a
    // port that speaks plain SMTP first and offers STARTTLS (587, 25) — or waited for STARTTLS on 465, which
    // speaks TLS at once (RFC 8314 §3.3). The settings disagree on how TLS starts; no certificate is involved
    id: 'tls-port-mismatch',
    rule: 'smtp.tls-failed',
    text: /\bwrong version number\b|\bssl3_get_record\b|\bSSL routines\b[^\n]{0,60}\bunknown protocol\b|\bGreeting never received\b/i,
    headline:
      'The client and the server disagree on how TLS starts: TLS at once (port 465) against a port that starts plain and offers STARTTLS (587 or 25), or the reverse',
    detail:
      'Port 465 speaks TLS from the first byte (implicit TLS, RFC 8314); ports 587 and 25 greet in plain text and switch with STARTTLS (RFC 3207). A client set to "SSL/TLS" or "secure: true" on 587 sends a TLS handshake the server reads as a bad command, and OpenSSL reports "wrong version number".',
    fix: [
      'On port 587 (or 25): turn off implicit TLS ("Secure"/"SSL" off, nodemailer secure: false) and let the client use STARTTLS (STARTTLS required, if the program offers it).',
      'Or keep implicit TLS and use port 465.',
    ],
    verify: [
      'openssl s_client -starttls smtp -connect <server>:587 </dev/null   (587: STARTTLS)',
      'openssl s_client -connect <server>:465 </dev/null   (465: TLS at once)',
    ],
    sources: ['RFC 8314 §3.3 (implicit TLS on 465)', 'RFC 3207 (STARTTLS)', 'https://nodemailer.com/smtp/#tls-options'],
  },
  {
    // a refusal OF THE MAIL FROM COMMAND that says only that it is not permitted: sendmail-style
    // "501 5.7.1 <a@b>... Permission denied" (Kerio Connect, sendmail's check_mail), "550 5.7.1 Sender not
    // permitted": the server does not let this client (or its login) use that sender address. The words
    // name neither the IP nor a list, so no reputation step applies (RFC 5321 §3.3: MAIL FROM names the sender)
    id: 'sender-not-permitted',
    rule: 'smtp.sender-invalid',
    stages: ['mail'],
    text: /\bpermission denied\b|\b(?:not|never) (?:permitted|authori[sz]ed|allowed)\b(?! to relay)|\baccess denied\b|\bno permission\b/i,
    // (nor the sending address's reverse DNS: Microsoft's 5.7.25 "Access denied, the sending IPv6 address … must have a reverse DNS record")
    unless:
      /\b(?:IP|IPv[46]|client|host|network|banned|black ?list\w*|block ?list\w*|listed|RBL|DNSBL|relay\w*|spam|SPF|DKIM|DMARC|PTR|reverse DNS|rDNS)\b/i,
    headline:
      'The server refused the sender address at MAIL FROM: this client, or the account it logged in with, may not send as that address',
    detail:
      'The refusal answers MAIL FROM and names no IP, list or content: the server does not allow this sender address for this connection — usually a submission server that lets each login send only as its own address (Kerio Connect, Postfix reject_sender_login_mismatch, Microsoft 365 Send As), or a client that did not log in at all.',
    fix: [
      'Send with the address of the account the program logs in with (set both the envelope sender and From: to it), and make sure the program logs in (SMTP AUTH) before MAIL FROM.',
      "Or give the login the right to send as that address on the server (an alias of the account, Kerio's or Microsoft 365's Send As permission).",
    ],
    verify: ['swaks --server <server> --port 587 --tls --auth-user <login> --from <that address> --to <recipient>'],
    sources: [
      'RFC 5321 §3.3 (MAIL FROM names the sender)',
      'RFC 3463 §3.8 (X.7.1 Delivery not authorized)',
      'https://www.postfix.org/postconf.5.html#reject_sender_login_mismatch',
    ],
  },
  {
    // an address "unknown" or a "mailbox unavailable" IN REPLY TO MAIL FROM: the only address that command
    // gives is the sender's (RFC 5321 §3.3), so the words that mean an unknown recipient at RCPT TO here say
    // the envelope sender does not exist on the server that checked it (a submission server's own domain, a
    // receiver verifying senders: Postfix reject_unlisted_sender, Exim "verify = sender")
    id: 'sender-unknown',
    rule: 'smtp.sender-invalid',
    stages: ['mail'],
    text: /\b(?:user|mailbox|address|account|recipient) (?:is )?(?:unknown|unavailable|not found|does not exist|doesn'?t exist)\b|\bunknown (?:user|mailbox|address|sender)\b|\bno such (?:user|mailbox|address)\b|\bmailbox unavailable\b/i,
    headline: 'The server does not know the sender address given in MAIL FROM',
    detail:
      'The refusal answers MAIL FROM, whose only address is the envelope sender (RFC 5321 §3.3): the server checked that address (its own domain on a submission server, or a sender verification) and found no such mailbox. The recipient was never asked about.',
    fix: [
      "Send with an existing address of the account the program logs in with (the envelope sender and From:), not a made-up or default one (noreply@localhost, a form visitor's address).",
      'On your own server: create the address or an alias for it, or let the submission server accept it.',
    ],
    verify: ['swaks --server <server> --port 587 --tls --auth-user <login> --from <that address> --to <recipient>'],
    sources: ['RFC 5321 §3.3 (MAIL FROM names the sender)', 'https://www.postfix.org/postconf.5.html#reject_unlisted_sender'],
  },
  {
    // Postfix reject_sender_login_mismatch without a login: "Sender address rejected: not logged in"
    id: 'sender-not-logged-in',
    rule: 'smtp.auth-required',
    text: /\bSender address rejected: not logged in\b/i,
    sources: ['https://www.postfix.org/postconf.5.html#reject_sender_login_mismatch'],
  },
  {
    // RFC 3207 §4 "530 5.7.0 Must issue a STARTTLS command first"; RFC 3463/5248 X.7.10 Encryption needed,
    // X.7.11 Encryption required for requested authentication mechanism; receivers' "TLS required"
    id: 'tls-required',
    rule: 'smtp.tls-failed',
    text: /\bmust issue a STARTTLS\b|\b(?:TLS|STARTTLS|SSL|encryption|an? encrypted connection|a secure connection) (?:is )?(?:required|needed|mandatory)\b|\brequires? (?:TLS|STARTTLS|encryption|an? (?:secure|encrypted) connection)\b|\brequired to send (?:via|over|using|through) an? (?:encrypted|secure|TLS)(?: SMTP)? (?:session|connection)\b/i,
    details: ['7.10', '7.11'],
    unless: /\bTLS is required, but was not offered\b|\bserver did not offer TLS\b|\bnot (?:offered|advertised)\b/i,
    headline: 'The receiver requires an encrypted connection (STARTTLS), and the client sent without it',
    detail:
      'The server accepts mail only over TLS: the client must give STARTTLS (RFC 3207) before MAIL FROM, or connect with implicit TLS (port 465). The mail itself was not judged.',
    fix: [
      'Turn on TLS in the sending program or server: a mail client or application "STARTTLS" (port 587) or "SSL/TLS" (port 465); Postfix as client: smtp_tls_security_level = may (or encrypt); Exim: the remote_smtp transport with hosts_try_tls = *.',
      'If the sender does try STARTTLS, the handshake failed before: look at the TLS lines logged just before the refusal.',
    ],
    verify: [
      'openssl s_client -starttls smtp -connect <server>:25 </dev/null   (the server must offer STARTTLS and complete the handshake)',
    ],
    sources: ['RFC 3207 §4 (530 Must issue a STARTTLS command first)', 'RFC 3463 §3.8 and RFC 5248 (X.7.10, X.7.11)'],
  },
  {
    // Gmail 534-5.7.9 "Application-specific password required", 534-5.7.14 "Please log in via your web browser",
    // Yahoo/Outlook "app password"; RFC 4954: 535 5.7.8 Authentication credentials invalid, 534 5.7.9 mechanism too weak
    id: 'login-refused',
    rule: 'smtp.login-failed',
    text: /\bApplication-specific password required\b|\bapp(?:lication)? password\b|\bPlease log ?in (?:via|with|through) your web browser\b|\bUsername and Password not accepted\b|\b(?:authentication|login|auth) (?:credentials )?(?:failed|unsuccessful|rejected|invalid)\b|\binvalid (?:login|credentials|user ?name or password)\b|\bbasic authentication is disabled\b|\bSmtpClientAuthentication is disabled\b|\bincorrect authentication data\b/i,
    details: ['7.8', '7.9', '7.12', '7.14'],
    codes: [534, 535, 454],
    // RFC 4954 §6: 535 is the answer to AUTH whose credentials were refused, whatever words (or mojibake) follow
    basicCodes: [535],
    // (a receiver's "authentication failed" about SPF, DKIM or DMARC is about the message, not the login)
    // (nor is a sending service's "Authentication failed: Maximum credits exceeded": the account's quota, not its password)
    unless: /\b(?:SPF|DKIM|DMARC)\b|\bsender is unauthenticated\b|\bcredits? (?:limit )?(?:exceeded|exhausted|reached)\b/i,
    headline: 'The server refused the client’s login (SMTP AUTH)',
    detail:
      'The client tried to log in and the server did not accept it: wrong user name or password, a password the provider no longer accepts for SMTP (Gmail, Yahoo and Outlook.com want an app password or OAuth when two-step verification is on), SMTP AUTH turned off for the mailbox, or a locked account. Nothing in DNS is involved.',
    fix: [
      'Correct the user name (usually the full address) and password in the sending program or device.',
      'With two-step verification on (Gmail, Yahoo, Outlook.com), create an app password in the account\'s security settings and use it instead, or switch the program to OAuth; Microsoft 365: enable "Authenticated SMTP" for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false).',
    ],
    verify: ['swaks --server <server> --port 587 --tls --auth-user <user> --quit-after AUTH'],
    sources: [
      'RFC 4954 §6 (534 5.7.9, 535 5.7.8)',
      'https://support.google.com/a/answer/3726730 (Google: 534 5.7.9, 5.7.14)',
      'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
    ],
  },
  {
    // the client sent AUTH where the server offers none: Microsoft 365 direct send (the MX), port 25 of a
    // relay, or before STARTTLS: "504 5.7.4 Unrecognized authentication type", "503 5.5.1 Error: authentication not enabled"
    id: 'auth-not-offered',
    rule: 'submission.auth-not-offered',
    details: ['7.4'],
    codes: [504],
    text: /\bUnrecognized authentication type\b|\bcommand "?AUTH"? not (?:recognized|implemented)\b|\bauthentication (?:is )?not (?:enabled|available|supported|offered|allowed)\b|\bAUTH (?:command )?(?:is )?not (?:available|supported|enabled|allowed)\b|\bAUTH not available\b/i,
    headline: 'The client tried to log in (SMTP AUTH) where the server offers no login',
    detail:
      "The server does not offer AUTH on this connection: an MX host (Microsoft 365 direct send, any server's port 25 for incoming mail), a relay that trusts clients by IP, or a server that offers AUTH only after STARTTLS. The credentials were never checked.",
    fix: [
      "To log in, use the provider's submission host and port (smtp.office365.com or your server, port 587 with STARTTLS).",
      'To send without logging in (Microsoft 365 direct send to <tenant>.mail.protection.outlook.com, a relay that allows the IP), turn authentication off in the program.',
      'If the server offers AUTH only after STARTTLS, turn TLS on in the program.',
    ],
    verify: ['swaks --server <server> --port 587 --tls --quit-after EHLO   (the EHLO reply must list 250-AUTH)'],
    sources: [
      'RFC 4954 §4 (AUTH command), §6 (504 5.5.4 / 5.7.4)',
      'https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
    ],
  },
  {
    // RFC 3463 X.1.3 "Bad destination mailbox address syntax": "501 5.1.3 Bad recipient address syntax",
    // "501 5.5.2 RCPT TO syntax error", an application's address with a dot before the @ or a space in it,
    // Exim's "501 <x>: recipient address must contain a domain" (an unqualified RCPT TO, the twin of its
    // "sender address must contain a domain")
    id: 'recipient-address-syntax',
    rule: 'smtp.recipient-unknown',
    text: /\bRCPT TO:? syntax error\b|\bBad recipient address syntax\b|\brecipient address (?:syntax|is (?:invalid|malformed))\b|\b(?:invalid|malformed) recipient address\b|\brecipient address must contain a domain\b/i,
    details: ['1.3'],
    headline: 'The recipient address is malformed: the server could not read it as an address',
    detail:
      'The address given in RCPT TO is not a valid address (RFC 5321 §4.1.2: a dot at the start or end of the local part or two in a row, a space, a missing domain, angle brackets or a display name left in). No mailbox was looked up.',
    fix: [
      'Correct the address where it was typed or stored (a form, a contact, a database field), and have the program validate addresses before sending.',
      'A program that writes "Name <a@b>" or quotes into RCPT TO must pass the bare address.',
    ],
    verify: ['Send a test message to the corrected address.'],
    sources: [
      'RFC 3463 §3.2 (X.1.3)',
      'RFC 5321 §4.1.2 (address syntax)',
      'Exim smtp_in.c ("recipient address must contain a domain" for an unqualified RCPT TO the host may not qualify)',
      'https://github.com/openhab/openhab1-addons/issues/1316 (Exim: "501 <null>: recipient address must contain a domain" for an empty address)',
    ],
  },
  {
    // the sender (envelope or From:) the server will not take from this account, in words that name it as
    // "not valid" rather than unknown: Postal's "530 From/Sender name is not valid" (the From domain is not a
    // domain of the credential's mail server), "550 Sender address is not valid for your login"; the same
    // sender-side refusal whatever basic code it comes with (Postal answers 530, which alone would mean
    // "authentication required", RFC 4954 §6)
    id: 'sender-not-valid',
    rule: 'smtp.sender-invalid',
    text: /\b(?:From\/Sender|From|Sender|envelope sender)(?: (?:address|name|domain))? (?:is )?(?:not valid|invalid|not allowed|not permitted)\b(?! (?:syntax|format))/i,
    unless: /\b(?:IP|client|host|SPF|DKIM|DMARC|relay\w*|not logged in)\b/i,
    headline: 'The server refused the sender address (envelope or From:) for this account: it is not one the account may send as',
    detail:
      "The words call the sender itself not valid here: the submission server (or the sending service) accepts only its own configured domains or the login's own addresses as sender. Not a reputation or DNS finding about the sending server.",
    fix: [
      "Send with an address of a domain the account or server is set up for (the login's own address, or a domain added to the server or sending service), both as envelope sender and From:.",
      'Or add the domain to the account on the server or sending service (Postal: the mail server of the credential must have the From domain added and verified).',
    ],
    verify: ['swaks --server <server> --port 587 --tls --auth-user <login> --from <that address> --to <recipient>'],
    sources: [
      'https://github.com/postalserver/postal/issues/1346 (Postal: "530 From/Sender name is not valid" when the From domain is not a domain of the credential\'s mail server)',
      'RFC 5321 §3.3 (MAIL FROM names the sender)',
    ],
  },
  {
    // RFC 3463 X.1.7 "Bad sender's mailbox address syntax"
    id: 'sender-address-syntax',
    rule: 'smtp.sender-invalid',
    // (sendmail "553 5.5.4 <user>... Domain name required for sender address user": a bare user name as sender)
    text: /\bMAIL FROM:? syntax error\b|\bBad sender address syntax\b|\bsender address (?:syntax|is (?:invalid|malformed))\b|\bdomain name required for sender address\b|\bsender address must contain a domain\b|\bfully qualified (?:e-?mail )?address required\b/i,
    details: ['1.7'],
    sources: [
      'RFC 3463 §3.2 (X.1.7)',
      'RFC 5321 §4.1.2 (address syntax)',
      'sendmail parseaddr ("553 5.5.4 … Domain name required for sender address")',
    ],
  },
  {
    // a refusal of the message itself when no words name the sender, the IP, a list or authentication
    // ("550 5.7.1 [CS] Message blocked", "554 Message rejected"): the content was judged
    id: 'message-refused',
    rule: 'smtp.content-rejected',
    reasons: ['securityerror', 'rejected', 'undefined', 'onhold', 'notaccept'],
    text: /\b(?:message|mail|e-?mail) (?:was |has been |is )?(?:blocked|refused|rejected|not accepted)\b/i,
    unless:
      /\b(?:sender|IP|client|host|relay|recipient|user|mailbox|address|domain|SPF|DKIM|DMARC|authenticat\w*|list(?:ed|ing)?|RBL|reputation|rate|quota|size|too (?:big|large)|forward\w*)\b/i,
    sources: ['RFC 3463 §3.8 (X.7.1 Delivery not authorized, message refused)'],
  },
  {
    // a recipient that accepts mail only from its own organisation or an allowed list (Exchange's
    // RequireSenderAuthenticationEnabled: RESOLVER.RST.AuthRequired, 5.7.133–5.7.136 SenderNotAuthenticatedFor…;
    // Google Groups' "only accepts messages from"; a mailing list's members-only posting, Mailman "Post by
    // non-member to a members-only list"): the recipient's owner acts, not the sender
    id: 'recipient-restricted',
    rule: 'smtp.rejected',
    text: /\bSenderNotAuthenticatedFor\w+|\bRESOLVER\.RST\.(?:AuthRequired|NotAuthorized)\b|\b(?:group|list|recipient|mailbox)\b[^\n]{0,60}\bonly accepts (?:messages|mail|e-?mail) from\b|\bnot (?:allowed|authori[sz]ed|permitted) to (?:post|send) to (?:this|the) (?:group|(?:mailing )?list)\b|\bonly (?:list )?members (?:may|can) (?:post|send)\b|\bnon-?member (?:posts?|submissions?)\b|\bmembers-only list\b|\b(?:do not|don'?t|may not) have (?:the )?permission to (?:post|send)(?: messages)? to (?:this|the) (?:group|list)\b|\bSender not in allowed-senders list\b/i,
    details: ['7.124', '7.133', '7.134', '7.135', '7.136'],
    party: 'recipient',
    headline: 'The recipient (a group, list or mailbox) accepts mail only from senders inside its organisation or on its allowed list',
    detail:
      "The recipient's own delivery restriction refused the sender; nothing about the sender's server, DNS or IP was judged. Only the recipient's owner or administrator can open it to this sender.",
    fix: [
      "The recipient's administrator or the group's owner: allow outside senders for it (Exchange: Set-DistributionGroup <group> -RequireSenderAuthenticationEnabled $false; Set-UnifiedGroup for a Microsoft 365 group; a Google group's posting permissions), or add the sender to its allowed senders.",
      "The sender: ask the group's owner to allow your address; nothing on your side changes it.",
    ],
    verify: ['Send a test message to the group after the change.'],
    sources: [
      'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online (5.7.133–5.7.136)',
    ],
  },
  {
    // Exchange's own sentence for a 5.7.1 it gives no reason for ("The user or domain that you are sending to
    // (or from) has a policy that prohibited the mail that you sent"): a recipient restriction, a transport
    // rule or the sender's authentication (SPF, DMARC) — the words do not say which, so no filter is blamed
    id: 'policy-unnamed',
    rule: 'smtp.rejected',
    // (and the same vagueness in other servers' words: "554 Message rejected for policy reasons" — Domino's text for
    // a server mail rule and for its inbound intended-recipient deny list alike — names a policy, not a condition:
    // no content filter is blamed for it)
    text: /\bhas a policy that prohibited the (?:mail|message|e-?mail)\b|\b(?:message|mail|e-?mail) (?:was |has been |is )?(?:rejected|refused|denied|blocked) (?:for|due to|because of) (?:local |site )?policy reasons\b/i,
    // (words that do name the condition keep their own step: "… for policy reasons: spam content")
    unless: /\b(?:spam\w*|virus\w*|malware|phish\w*|content|attachments?|SPF|DKIM|DMARC|rate|quota|relay\w*)\b/i,
    headline: "The receiving organisation's policy refused the mail, and its words do not say which policy",
    detail:
      "Exchange gives this sentence for a 5.7.1 refusal of its own: a delivery restriction on the recipient, a transport (mail flow) rule, or the sender's authentication failing (SPF, DKIM, DMARC). The receiving side's message trace names the rule; on the sending side, the authentication steps below are the usual cause.",
    fix: [
      'Check the sender domain\'s SPF, DKIM and DMARC for the server that sent it (the steps below); a receiver that records "softfail" or "fail" for it is the usual cause.',
      "Ask the recipient's administrator which rule refused it (Exchange message trace, or Get-MessageTrackingLog on premises).",
    ],
    sources: [
      'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online (5.7.1)',
    ],
  },
  {
    // relaying refused in other words than the reason tables know ("553 Relaying not allowed"; Zoho's "Relaying
    // disallowed as <address>" is the sender the login may not use: sender-not-owned above)
    id: 'relay-refused',
    rule: 'smtp.relay-denied',
    text: /\brelay(?:ing)?\)? (?:is )?(?:disallowed|not allowed|not permitted|prohibited|refused)\b|\bnot permitted to relay\b|\bunable to relay\b|\b(?:do not|don'?t|does not|doesn'?t|will not|won'?t) (?:allow|permit) (?:(?:unauthori[sz]ed|unauthenticated|third[- ]party|open|anonymous|external) )?relay(?:ing)?\b/i,
    sources: ['RFC 5321 §3.6.2 (relaying)', 'RFC 3463 §3.8 (X.7.1)'],
  },
  {
    // "Domain not found" for gmail.com, outlook.com, yahoo.com: a domain that always resolves. The refusing
    // server's own resolver failed (a container without DNS, a broken local unbound or DNSSEC trust anchor,
    // a firewall blocking port 53) and Postfix's reject_unknown_sender_domain answered 450 4.1.8 for it
    id: 'own-dns-failing',
    rule: 'mta.local-error',
    wellKnownDomain: true,
    beforeReceiver: true,
    text: /\b(?:Sender|Recipient) address rejected: Domain not found\b|\bdomain (?:name )?(?:not found|does not exist|could not be resolved)\b|\bHost or domain name not found\b|\bunrout(?:e)?able (?:sender|address|domain)\b/i,
    headline: "The refusing server could not find a domain that always resolves: that server's own DNS lookups are failing, not the domain",
    detail:
      'The domain named belongs to one of the largest mail providers and is always in DNS. A server that calls it unknown has no working resolver: a container or VM without DNS, a local resolver (unbound, bind) that fails — a broken DNSSEC trust anchor, no root hints — or a firewall blocking port 53. Every sender is refused the same way until it is fixed.',
    fix: [
      "On the refusing server: dig MX gmail.com (and dig MX gmail.com @127.0.0.1 if it runs its own resolver) must answer; if not, fix /etc/resolv.conf, the container's DNS settings or the local resolver's log errors.",
      'Then let the refused senders retry (450 is temporary): their mail arrives once the lookups work.',
    ],
    verify: ['dig +short MX gmail.com   (on the refusing server: it must list gmail-smtp-in.l.google.com)'],
    sources: ['https://www.postfix.org/postconf.5.html#reject_unknown_sender_domain', 'RFC 3463 §3.2 (X.1.8)'],
  },
  {
    // the sending server's own DNS answer about the recipient domain, not a receiver's reply: Exchange
    // "DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain"
    id: 'recipient-domain-missing',
    rule: 'smtp.recipient-unknown',
    text: /\bNonExistentDomain\b|\bnon-?existent domain\b/i,
    headline: 'The recipient domain does not exist in DNS: the sending server found no MX or A record for it',
    sources: ['RFC 5321 §5.1 (locating the target host)', 'RFC 3463 §3.2 (X.1.2, X.4.4)'],
  },
  {
    // the sending server's lookup of its own next hop failed: Postfix "Host or domain name not found. Name
    // service error for name=<relayhost> type=MX: Host not found" (a relayhost without [brackets] is looked up
    // as MX first), or "type=A: Host not found, try again" (a relayhost only in /etc/hosts while
    // smtp_host_lookup = dns, the default; or a resolver that fails every lookup). No receiver was asked, and the
    // recipient's domain was not the name looked up: never an unknown recipient
    id: 'own-next-hop-dns',
    rule: 'mta.local-error',
    ownNextHop: true,
    beforeReceiver: true,
    text: /\bName service error for name=/i,
    headline:
      "The sending server could not look up its own next hop: a host its settings name (relayhost, a transport), not the recipient's domain",
    detail:
      "Postfix looked up the host named in the error (type MX: a relayhost or transport next hop written without [brackets]; type A or AAAA: that host's address) and DNS gave no answer. The recipient domain was not the name asked. A relayhost that exists only in /etc/hosts is not found while smtp_host_lookup = dns (the default); a resolver that fails (a container without DNS, a local resolver down, a chroot without resolv.conf) fails every lookup.",
    fix: [
      'Check the next hop the server is set to use: postconf relayhost (and transport_maps). The host must exist in DNS; write it as [host]:587 to skip the MX lookup.',
      'If the host is only in /etc/hosts, let Postfix read it: smtp_host_lookup = dns, native (or give the relayhost as [IP address]).',
      "If every lookup fails, fix the server's resolver: dig A <the host in the error> on the server; Postfix's chroot uses /var/spool/postfix/etc/resolv.conf.",
    ],
    verify: ['postconf relayhost transport_maps smtp_host_lookup', 'dig +short A <the host named in the error>   (on the sending server)'],
    sources: [
      'https://www.postfix.org/postconf.5.html#relayhost',
      'https://www.postfix.org/postconf.5.html#smtp_host_lookup',
      'https://www.postfix.org/DEBUG_README.html',
    ],
  },
  {
    // mail to a local name (cron's MAILTO, root, a daemon's user) that the server qualified with its own
    // host name or myorigin, and that name has no DNS: Postfix appends $myorigin (default $myhostname) to
    // a bare name (postconf(5) append_at_myorigin, myorigin) and delivers locally only when the result is
    // in mydestination; a host name that is neither local nor in DNS ends here ("Host or domain name not
    // found"). The server's own setting is wrong, no receiver was asked.
    id: 'local-name-unresolvable',
    rule: 'mta.local-error',
    localName: true,
    reasons: ['hostunknown', 'networkerror', 'userunknown', 'expired'],
    text: /\bHost or domain name not found\b|\bName service error\b|\bdomain (?:name )?(?:not found|does not exist)\b|\bno (?:MX|mail exchanger|address) (?:record )?for\b|\bunrout(?:e)?able\b|\bHost not found\b|\bNXDOMAIN\b/i,
    headline:
      "The server addressed local mail (to a bare name such as root) to its own host name, and that name has no DNS: the server's own setting, not a receiver",
    detail:
      'The message was sent to a local name without a domain (a cron job, a daemon or a script mailing "root"), and the server completed it with its own name (Postfix myorigin, default the host name) — a name that is neither delivered locally nor found in DNS. Nothing outside the server refused it.',
    fix: [
      'Send the local names to a real mailbox: an alias such as "root: admin@<your domain>" in /etc/aliases (then newaliases), or MAILTO=admin@<your domain> in the crontab.',
      'Or make the server deliver its own host name locally (Postfix: the host name in mydestination) or complete bare names with a domain that has MX records (Postfix: myorigin = <your domain>).',
    ],
    verify: ['postconf myhostname myorigin mydestination', 'sendmail -bv {original}   (the report names where its mail now goes)'],
    sources: [
      'https://www.postfix.org/postconf.5.html#myorigin',
      'https://www.postfix.org/postconf.5.html#append_at_myorigin',
      'https://www.postfix.org/BASIC_CONFIGURATION_README.html#myorigin',
    ],
  },
  {
    // a connection the other side closed without any reply ("Connection reset by peer", "connection
    // dropped", "Broken pipe"): sisimai counts some of these words as "blocked", and a receiver may indeed
    // drop a client it distrusts — but the words alone do not say that it judged anything, so the step is
    // the failed connection, whose advice names both readings (at the greeting: the client's IP; later:
    // the path), never "the receiver refused this sender"
    id: 'connection-dropped',
    rule: 'smtp.connection-failed',
    reasons: ['blocked', 'networkerror', 'onhold', 'undefined'],
    text: /\bconnection (?:was )?(?:reset|closed|dropped|aborted)(?: by (?:peer|remote|foreign host|the remote (?:host|server)))?\b|\bBroken pipe\b|\bRemote host closed connection\b|\bunexpected disconnection\b/i,
    // a reply with a code, or words that name a block, a list or a policy, say more than the connection did
    withoutCode: true,
    headline: 'The other side closed the connection without an SMTP reply',
    detail:
      'No reply code says why. A receiver closes on clients it distrusts (no reverse DNS, a listed IP, a pre-greeting test), and a firewall or a path that drops large packets (MTU, an SMTP-inspecting router) closes connections in the middle of the dialogue or of TLS.',
    fix: [
      "If it happens at the greeting, check the sending IP's reverse DNS and blocklist steps: the receiver dropped the client on sight.",
      'If it happens while the message or the TLS handshake is sent, suspect the path: turn off SMTP inspection on a firewall in between, and try a smaller MTU.',
    ],
    verify: ['swaks --server <the receiving server> --to <the recipient address>   (shows where the dialogue stops)'],
    unless: /\b(?:block(?:ed|list)?|black ?list|listed|spam|reputation|polic(?:y|ies)|RBL|DNSBL|refused by)\b/i,
    sources: ['RFC 5321 §3.8 (a server closing the connection)', 'https://www.postfix.org/DEBUG_README.html'],
  },
  {
    // a text line longer than SMTP allows (RFC 5321 §4.5.3.1.6: 1000 octets with CRLF; §4.5.3.1.4 for a
    // command line): OpenSMTPD "500 5.0.0: Line too long", Postfix's and Exim's "line too long" — the
    // message as written, not the sender's reputation
    id: 'line-too-long',
    rule: 'smtp.not-compliant',
    text: /\bline too long\b|\bline length exceeded\b|\b(?:text )?line (?:is )?longer than \d+\b|\bmaximum line length\b/i,
    headline: 'The message has a line longer than SMTP allows (1000 characters with its line end)',
    detail:
      'RFC 5321 §4.5.3.1.6 limits a text line to 1000 octets including CRLF, and RFC 5322 §2.1.1 asks for 78. Programs that write HTML or base64 without line breaks go past it; a receiver that enforces the limit refuses the whole message.',
    fix: [
      'Make the program that writes the message break its lines: send HTML and long text as quoted-printable or base64 (which wrap at 76), or insert line breaks; most mail libraries do so when the content transfer encoding is set.',
    ],
    verify: ["awk 'length > 998' message.eml   (no line of the message may print)"],
    sources: ['RFC 5321 §4.5.3.1.6 (text line 1000 octets)', 'RFC 5322 §2.1.1 (line length limits)'],
  },
  {
    // a lookup that failed for now (SERVFAIL, a timeout): retried; the domain's DNS or the sender's resolver
    id: 'dns-lookup-failed',
    rule: 'smtp.dns-lookup-failed',
    text: /\bDNS query failed\b|\bSMTPSEND\.DNS\.\w+|\bDNS (?:lookup|resolution|query) (?:failed|timed out|error)\b|\btemporary DNS (?:failure|error)\b/i,
    only: 'temporary',
    sources: ['RFC 5321 §5.1', 'RFC 3463 §3.5 (X.4.3 Directory server failure)'],
  },
  {
    // RFC 3463 X.4.3 "Directory server failure" (RFC 1893: "Routing server failure"): "the network system was
    // unable to forward the message, because a directory server was unavailable … The inability to connect
    // to an Internet DNS server is one example": the lookup of where to deliver failed, permanent or not
    id: 'directory-server-failure',
    rule: 'smtp.dns-lookup-failed',
    details: ['4.3'],
    headline: 'The sending server could not look up where to deliver: the DNS lookup of the recipient domain failed',
    detail:
      'RFC 3463 X.4.3 "Directory server failure" (RFC 1893 called it "Routing server failure") means the mail system found no answer for where to send the message: the recipient domain does not resolve (mistyped, expired) or its name servers do not answer. No receiver judged the message.',
    fix: [
      'Check the recipient address for a typo in the domain, and whether the domain exists: dig MX <domain> and dig NS <domain>.',
      "If the domain is right and exists, check the sending server's own resolver from that server (dig MX <domain> there).",
    ],
    verify: ['dig MX <recipient domain>   (an answer with the MX hosts, not NXDOMAIN or SERVFAIL)'],
    sources: ['RFC 3463 §3.5 (X.4.3 Directory server failure)', 'RFC 1893 §3.5 (X.4.3 Routing server failure)'],
  },
  {
    // a temporary refusal of a triplet not seen before (Postgrey, rspamd, Exim greylistd…)
    id: 'greylisted',
    rule: 'smtp.greylisted',
    text: GREYLIST_WORDS,
    // (also without a code: an application's error that kept only the words)
    only: 'not-permanent',
    sources: GREYLIST_SOURCES,
  },
  {
    // the reader's own server refused a client at a private or loopback address (RFC 1918, RFC 6890) for what
    // only a public address can have — a reverse DNS name, a blocklist listing, a reputation: no private
    // address has them, so every client gets the same refusal. The real clients' addresses are hidden by the
    // server's own networking: Docker's userland proxy or a bridge's NAT (the gateway, 172.17-31.0.1), a load
    // balancer or proxy in front of port 25 without the PROXY protocol. The fix is that networking, not DNS.
    id: 'own-server-private-client',
    rule: 'mta.local-error',
    text: /[\s\S]/,
    ownServer: true,
    privateClient: true,
    beforeReceiver: true,
    reasons: ['requireptr', 'blocked', 'badreputation'],
    headline:
      "Your server judged a private address as the client: its own networking (a container's gateway, a proxy) hides the real clients' addresses",
    detail:
      "A private or loopback address has no public reverse DNS, no listing and no reputation, so every client that reaches the server through the same path gets this refusal. The address is the container bridge's gateway or the proxy in front of the server, not the sender's.",
    fix: [
      'Docker: let the mail container see the clients\' real addresses — publish port 25 in host mode (ports: mode: host), use network_mode: host, or disable the userland proxy ("userland-proxy": false in /etc/docker/daemon.json) so iptables keeps the source address.',
      'A load balancer or proxy in front of port 25: pass the client address with the PROXY protocol (Postfix: postscreen_upstream_proxy_protocol = haproxy or smtpd_upstream_proxy_protocol = haproxy).',
      'Do not add the gateway to mynetworks to silence it: every client on the internet would then be trusted to relay.',
    ],
    verify: ["The server's log names the real client address (connect from mail.example.net[203.0.113.5]), not the gateway."],
    sources: [
      'RFC 6890 (special-purpose address registries: private and loopback ranges)',
      'https://docs.docker.com/engine/network/packet-filtering-firewalls/ (userland-proxy, published ports)',
      'https://www.postfix.org/postconf.5.html#smtpd_upstream_proxy_protocol',
    ],
  },
  {
    // the reader's own server deferred a recipient and logged no words at all (Exim "temporarily rejected RCPT
    // <a>" with nothing after it: an ACL "defer" without a message; a bare 450/451 at RCPT in an smtpd log):
    // the ordinary wordless temporary refusal at RCPT TO is greylisting — a new (client, sender, recipient)
    // triplet is deferred once and the retry passes (RFC 6647 §2, §2.1: greylisting answers RCPT with 4xx).
    // Any other temporary refusal of the server's own logs names its cause (a failed lookup, a callout).
    id: 'own-wordless-deferral',
    rule: 'smtp.greylisted',
    text: /^[\s.:;-]*$/,
    stages: ['rcpt'],
    only: 'temporary',
    ownServer: true,
    headline: 'Your server deferred this recipient without any words: most likely its own greylisting',
    detail:
      "Your server's log shows a temporary refusal at RCPT TO with no message: the ordinary such refusal is greylisting (a first attempt from a new client, sender and recipient is deferred; the client's retry after a few minutes is accepted). A client that retries gets through; one that does not (a web form, a device, a script without a queue) loses the mail.",
    fix: [
      'Look for a later attempt from the same client for the same recipient: accepted means greylisting worked as meant.',
      'If the client never retries (your own application or device), exempt its address from greylisting (Exim greylistd/ACL: a host list before the defer; Postgrey: postgrey_whitelist_clients; rspamd: greylisting whitelisted_ip) or make it submit on port 587 with a login.',
      "If it is not greylisting, give the ACL's defer a log_message so the log says why.",
    ],
    verify: ["The client's next attempt for this recipient is logged as accepted (Exim '<=' line, Postfix 'queued as')."],
    sources: [
      'RFC 6647 §2, §2.1 (greylisting: temporary refusal at RCPT TO)',
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-access_control_lists.html (defer, log_message)',
    ],
  },
  {
    // RFC 3463 X.5.3 "Too many recipients" (§3.6: "More recipients were specified for the message than could
    // have been delivered by the protocol … should normally be used when the number of recipients exceeds
    // a limit"): a count per MESSAGE (or per session), answered 452 to the RCPT TO over the limit (RFC 5321
    // §4.5.3.1.10: "the client … must then send the message to the remaining recipients in another
    // transaction"). No rate and no number of connections: the fix is fewer recipients per message. A
    // recipients' count per hour or day is a quota (rate-or-quota, below).
    id: 'too-many-recipients',
    rule: 'smtp.rate-limited',
    text: /\btoo many recipients\b|\b(?:maximum|max\.?) (?:number of )?recipients\b[^.;\n]{0,40}\b(?:exceeded|reached)\b|\brecipients? (?:limit|count) (?:per|for (?:a|one|this|each)) (?:message|mail|e-?mail|transaction|session)\b/i,
    details: ['5.3'],
    notReasons: ['mesgtoobig', 'mailboxfull'],
    unless:
      /\bper (?:second|minute|hour|day)\b|\b(?:daily|hourly)\b|\bin (?:the last|an?) (?:hour|day|minute)\b|\bover time\b|\brcpthosts\b/i,
    headline: 'The receiver takes only so many recipients in one message: send to fewer recipients per message',
    detail:
      'RFC 3463 X.5.3 "Too many recipients" is a limit on one message (or one session), not a rate and not a number of connections: the receiver accepted the recipients up to its limit and refused the next RCPT TO with 452. RFC 5321 §4.5.3.1.10 asks the client to send the message to the remaining recipients in another transaction; a program that sends one message to a long To/Cc/Bcc list fails instead.',
    fix: [
      "Send to fewer recipients per message: split the list into batches below the receiver's limit (often 50 or 100), or send one message per recipient.",
      'For a mail server relaying to that receiver: limit the recipients per delivery (Postfix: smtp_destination_recipient_limit or <transport>_destination_recipient_limit; Exim: max_rcpt on the smtp transport); Postfix and Exim then send the rest in further transactions by themselves.',
    ],
    verify: ['Send the same message to a batch below the limit: every RCPT TO is answered 250.'],
    sources: [
      'RFC 3463 §3.6 (X.5.3 Too many recipients)',
      'RFC 5321 §4.5.3.1.10 (recipients buffer: 452 to the RCPT TO over the limit, the rest in another transaction)',
      'https://www.postfix.org/postconf.5.html#smtp_destination_recipient_limit',
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-the_smtp_transport.html (max_rcpt)',
    ],
  },
  {
    // quotas and rates of a sending account or IP: Google 550 5.4.5 "Daily user sending limit exceeded",
    // 4.2.1 "receiving mail at a rate that prevents additional messages", SES "Maximum sending rate exceeded",
    // "Sending quota exceeded", Exchange 5.2.2 "submission quota exceeded" (RecipientRateLimit), "too many messages"
    id: 'rate-or-quota',
    rule: 'smtp.rate-limited',
    text: new RegExp(`${SENDING_QUOTA_WORDS.source}|${RATE_OR_QUOTA.source}`, 'i'),
    details: ['4.5'],
    notReasons: ['mailboxfull', 'mesgtoobig', 'exceedlimit'],
    // (a receiver's own disk or system full is X.4.5 too: "Insufficient system storage", "Mail system congestion")
    unless:
      /\bmail ?box\b.{0,40}\b(?:full|quota|size|exceed)|\bover ?quota\b|\b(?:disk|storage) quota\b|\b(?:insufficient|system) storage\b|\bcongest/i,
    sources: [
      'https://support.google.com/a/answer/3726730 (Google: 550 5.4.5, 4.2.1, 4.7.28)',
      'https://support.google.com/a/answer/166852 (Gmail sending limits)',
      'RFC 3463 §3.5 (X.4.5 Mail system congestion)',
      'https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas.html',
      'https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-2-2-in-exchange-online (5.2.2 submission quota)',
    ],
  },
  // the details alone, last: any problem the words name (an own server's lookup of a well-known domain) comes first
  {
    // RFC 3463 X.1.8 "Bad sender's system address": the sender address's domain does not resolve or takes no
    // mail (no MX or A). Its reason (rejected) alone would point at the IP's reputation; the detail names the address
    id: 'sender-system-address',
    rule: 'smtp.sender-invalid',
    details: ['1.8'],
    headline: "The receiver could not use the sender address's domain (RFC 3463 X.1.8): it does not resolve, or takes no mail",
    detail:
      "X.1.8 says the envelope sender's domain is the problem: it has no MX or A record, does not exist, or its DNS failed when the receiver looked (a 4.1.8). The sending IP was not judged.",
    fix: [
      "Send from an address whose domain exists in public DNS with an MX (or A) record; a program sending as user@localhost or user@host.internal needs a real domain (Postfix: myorigin; the program's sender setting).",
      "For a 4.1.8: check that the domain's name servers answer from outside (a broken or lame delegation).",
    ],
    verify: ['dig +short MX <the sender domain>   (and dig +short A when there is none)'],
    sources: ["RFC 3463 §3.2 (X.1.8 Bad sender's system address)", 'RFC 5321 §5.1 (MX, then A)'],
  },
  {
    // RFC 3463 X.4.6 "Routing loop detected" (Exchange 5.4.6 / 5.4.14 "Hop count exceeded"): whatever the words
    id: 'routing-loop',
    rule: 'smtp.mail-loop',
    details: ['4.6'],
    sources: ['RFC 3463 §3.5 (X.4.6 Routing loop detected)', 'RFC 5321 §6.3 (loop detection)'],
  },
  {
    // RFC 5248 X.7.13 "User Account Disabled": given after a successful AUTH to a disabled account (lack of payment,
    // abuse, a break-in attempt) — the sending account's, not the recipient's
    id: 'account-disabled',
    rule: 'smtp.login-failed',
    details: ['7.13'],
    headline: 'The account the client logged in with is disabled on the server (RFC 5248 X.7.13)',
    detail:
      "The submission server accepted the login but the account may not send: it was disabled (unpaid, abused, locked after a break-in attempt). Only the provider or the account's administrator can enable it again.",
    fix: [
      "Sign in to the provider's web interface or ask its support (or your administrator) why the account is disabled; after a suspected break-in, change the password before it is enabled again.",
    ],
    sources: ['RFC 5248 §2 (X.7.13 User Account Disabled)'],
  },
];

/** Whether the first address the words name (or the name a Postfix lookup failed for) is at one of the big mail organisations' own domains. */
function namesWellKnownDomain(text: string): boolean {
  const d = (/@([a-z0-9.-]{1,253}\.[a-z]{2,24})\b/i.exec(text) ??
    /\bName service error for name=([a-z0-9.-]{1,253}\.[a-z]{2,24})\.? type=/i.exec(text))?.[1]?.toLowerCase();
  return !!d && MAIL_ORGANISATIONS.some((o) => o.domains.includes(d));
}

/**
 * Whether a Postfix name-service error is about the sending server's own next hop (see RefusalProblem.ownNextHop):
 * the name looked up is not the recipient's domain nor under it, and either it was an MX lookup (the recipient
 * domain's MX lookup names the recipient domain) or the lookup failed for now ("try again").
 */
function failedOwnNextHop(text: string, recipient: string | null | undefined, enhanced: string | null = null): boolean {
  const m = /\bName service error for name=([a-z0-9.-]{1,253}?)\.? type=(MX|A|AAAA)\b([^\n]{0,80})/i.exec(text);
  const domain = recipient?.split('@')[1]?.toLowerCase();
  if (!m) return false;
  // Postfix gives its relayhost's (or fallback relay's) failed lookup the status 4.3.5 "System incorrectly
  // configured" and logs "warning: relayhost configuration problem" (smtp_connect.c): a bracketed relayhost
  // that does not exist ("[relay.example]" → type=A: Host not found) is then the sender's own setting, even
  // without the recipient to compare with
  if (/^[45]\.3\.5$/.test(enhanced ?? '')) return true;
  if (!domain) return false;
  const name = m[1].toLowerCase();
  if (name === domain || name.endsWith(`.${domain}`)) return false;
  return m[2].toUpperCase() === 'MX' || /\btry again\b/i.test(m[3]);
}

/** The enhanced code's subject.detail ("5.7.10" → "7.10"). */
function detailOf(enhanced: string | null): string | null {
  const m = /^[245]\.(\d{1,3}\.\d{1,3})$/.exec(enhanced ?? '');
  return m ? m[1] : null;
}

export interface RefusalFacts {
  code: number | null;
  enhanced: string | null;
  text: string;
  stage: Stage;
  hard: boolean;
  /** The reason decided for it, when known. */
  reason?: string;
  /** The recipient as the sender gave it, when the reporting MTA changed it (see Rejection). */
  originalRecipient?: string;
  /** The failed recipient, when known. */
  recipient?: string | null;
  /** The input's own server gave it to a client (Rejection.inbound). */
  inbound?: boolean;
  /** The client address it judged is a private or loopback one (RFC 6890), as the caller found (dns/names). */
  privateClient?: boolean;
}

/** The problem a refusal's words or code name, when one of the table's does. */
export function findRefusalProblem(facts: RefusalFacts): RefusalProblem | undefined {
  const r = { ...facts, text: plainQuotes(facts.text) };
  const detail = detailOf(r.enhanced);
  const found = REFUSAL_PROBLEMS.find((p) => {
    if (p.only === 'temporary' && r.hard) return false;
    if (p.only === 'permanent' && !r.hard) return false;
    if (p.only === 'not-permanent' && ((r.code ?? 0) >= 500 || /^5\./.test(r.enhanced ?? ''))) return false;
    if (p.stages && !p.stages.includes(r.stage)) return false;
    if (p.reasons && r.reason && !p.reasons.includes(r.reason)) return false;
    if (p.notReasons && r.reason && p.notReasons.includes(r.reason)) return false;
    if (p.withoutCode && r.code !== null) return false;
    if (p.ownServer && !r.inbound) return false;
    if (p.privateClient && !r.privateClient) return false;
    if (p.wellKnownDomain && !namesWellKnownDomain(r.text)) return false;
    if (p.localName && (!r.originalRecipient || r.originalRecipient.includes('@'))) return false;
    if (p.ownNextHop && !failedOwnNextHop(r.text, r.recipient, r.enhanced)) return false;
    if (p.unless?.test(r.text)) return false;
    if (p.text?.test(r.text)) return true;
    if (!detail || !p.details?.includes(detail)) return false;
    return !p.codes || p.codes.includes(r.code ?? 0);
  });
  // the basic code names the problem when nothing else did (a 535 whose words are mojibake)
  return (
    found ??
    REFUSAL_PROBLEMS.find(
      (p) =>
        r.code !== null &&
        p.basicCodes?.includes(r.code) &&
        !p.unless?.test(r.text) &&
        (!p.reasons || !r.reason || p.reasons.includes(r.reason)),
    )
  );
}
