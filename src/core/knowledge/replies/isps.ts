// Texts of large European mailbox providers whose refusals users paste often:
// Deutsche Telekom (t-online.de) and GMX / WEB.DE (1&1 "Nemesis"). Each text
// names its own cause in a short code at the end ("(BL)", "(NOWL)", "c=pr").

import type { ReplyKnowledge } from './types';

const TONLINE = 'https://postmaster.t-online.de/index.en.html (Telekom postmaster: notes for mail server operators, 4.1 and 4.6–4.11)';
const TONLINE_BLOCK =
  'https://www.spamresource.com/2020/06/whoops-t-onlinede-not-accepting-mail.html (T-Online blocks IPs of unknown reputation)';
const GMX = 'https://www.gmx.net/mail/senderguidelines (GMX / WEB.DE sender guidelines)';

const WEBDE_ERRORS = 'https://postmaster.web.de/de/fehlermeldungen (WEB.DE postmaster: error messages)';
const GMX_ERRORS = 'https://postmaster.gmx.net/en/error-messages (GMX postmaster: error messages)';
const MAILRU = 'https://help.mail.ru/notspam-support (Mail.ru: messages rejected as spam)';
const YANDEX = 'https://yandex.ru/support/mail/ (Yandex Mail help: delivery errors)';

const NETEASE = 'http://help.163.com/09/1224/17/5RAJ4LMH00753VB8.html (NetEase mail: bounce and SMTP error codes)';

export const ISP_REPLIES: ReplyKnowledge[] = [
  {
    // NetEase (163.com, 126.com, yeah.net) refuses an account whose SMTP service is off: "550 User has no
    // permission" to AUTH or MAIL FROM. SMTP (and its client authorisation code, which replaces the
    // password for clients) must be turned on in the webmail settings
    id: 'netease.smtp-not-enabled',
    sender: 'NetEase (163.com, 126.com, yeah.net)',
    text: /\bUser has no permission\b/i,
    reason: 'securityerror',
    party: 'sender',
    headline: "The provider refused this account for SMTP: the account's SMTP service (and its client authorisation code) is not turned on",
    meaning:
      'NetEase answers "550 User has no permission" when the account that logs in (or sends) has not enabled SMTP in its webmail settings. The client must then log in with the client authorisation code, not the web password.',
    rules: ['smtp.login-failed'],
    fix: [
      'In the webmail (Settings → POP3/SMTP/IMAP), turn on the SMTP service and create a client authorisation code (授权码).',
      'Use that code as the SMTP password in the application, with the full address as the user name.',
    ],
    verify: ['swaks --server smtp.163.com --port 465 --tls-on-connect --auth-user <address> --from <address> --to <recipient>'],
    sources: [
      NETEASE,
      "https://github.com/testerSunshine/12306/issues/62 (SMTPAuthenticationError(550, 'User has no permission'): enable SMTP)",
    ],
  },
  {
    id: 'tonline.bl',
    sender: 'T-Online (Deutsche Telekom)',
    text: /IP=\S{1,64} - A problem occurred\.|tosa@rx\.t-online\.de/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'T-Online refuses hosts whose reputation is bad or unknown, which includes IPs that have not sent to it for a long time (BL). It also expects the server name (PTR and HELO) to lead to the operator: a website under that name with an imprint.',
    rules: ['reputation.blocked', 'ptr.missing', 'ptr.generic'],
    fix: [
      'Give {ip} a PTR naming the mail server under your own domain, and put a web page with your imprint (operator, address, contact) at that host name.',
      'Then write to tosa@rx.t-online.de from a working address, naming the IP {ip} and the refusal, and ask for the block to be lifted.',
    ],
    verify: ['dig -x {ip} +short   (your server name)', 'curl -sI http://<that name>/   (a page with your imprint)'],
    sources: [TONLINE, TONLINE_BLOCK],
  },
  {
    id: 'tonline.nowl',
    sender: 'T-Online (Deutsche Telekom)',
    text: /None\/bad reputation|\(NOWL\)|tobr@rx\.t-online\.de/i,
    reason: 'badreputation',
    party: 'sender',
    meaning: 'T-Online has no (or a bad) reputation for this IP and accepts none of its mail until the postmaster resets it (NOWL).',
    rules: ['reputation.blocked', 'ptr.generic'],
    fix: [
      'Make sure {ip} has a PTR naming your mail server, and that a web page with your imprint is reachable at that name.',
      'Write to the address in the reply (tobr@rx.t-online.de) and ask for the reputation of {ip} to be reset; it takes effect within hours.',
    ],
    verify: ['dig -x {ip} +short'],
    sources: [TONLINE],
  },
  {
    id: 'tonline.dial',
    sender: 'T-Online (Deutsche Telekom)',
    text: /Dialup\/transient IP not allowed|\(DIAL\)|toda@rx\.t-online\.de/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      "T-Online takes the sending IP for a dial-up or dynamic address (its reverse name looks generic, or no imprint can be found for the server's name) and accepts mail from it only through a mail gateway (DIAL).",
    rules: ['ptr.generic', 'ptr.missing', 'reputation.blocked'],
    fix: [
      "Send through your provider's relay (smarthost), or give {ip} a PTR naming your mail server under your own domain with an imprint page at that name.",
      'If the IP is static and the block is wrong, write to toda@rx.t-online.de.',
    ],
    verify: ['dig -x {ip} +short'],
    sources: [TONLINE],
  },
  {
    id: 'gmx.bad-ptr',
    sender: 'GMX / WEB.DE',
    text: /Bad DNS PTR resource record|senderguidelines\?c=pr/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      'GMX and WEB.DE refuse the connection when the sending IP has no PTR record, or its name does not resolve back to the IP, or the name looks dynamic.',
    rules: ['ptr.missing', 'ptr.mismatch', 'ptr.generic'],
    sources: [GMX],
  },
  {
    // GMX / WEB.DE / mail.com submission (Nemesis): an authenticated account over its sending limit gets every
    // RCPT refused with this 550 until the limit's window passes (PHPMailer#1114: the 6th mail of the day via
    // mail.gmx.com; nodemailer#1555: a burst accepted again half an hour later) — not a mailbox that is missing
    id: 'gmx.submission-limit',
    sender: 'GMX / WEB.DE',
    text: /\bmailbox unavailable\b[^\n]{0,20}\bFailure sending mail\b|\bFailure sending mail\. Try again later\b/i,
    reason: 'speeding',
    party: 'sender',
    transient: true,
    headline:
      "The submission server refused every recipient because the account sent more than its limit allows (GMX/WEB.DE's sending limit), not because a mailbox is missing",
    meaning:
      'GMX, WEB.DE and mail.com answer every RCPT TO of an authenticated account that has sent too many messages in a short time with "mailbox unavailable … Failure sending mail. Try again later"; the same recipients are accepted again once the limit\'s window has passed.',
    rules: ['smtp.rate-limited'],
    fix: [
      'Send fewer messages per hour from this account (pause between messages, queue them), and retry the refused ones later.',
      "For newsletters or an application's bulk mail, use a sending service or your own server made for that volume rather than a personal mailbox's SMTP login.",
    ],
    verify: ['Send one message after waiting (an hour, or the next day for a daily limit): it must be accepted.'],
    sources: [
      'https://github.com/PHPMailer/PHPMailer/issues/1114 (mail.gmx.com: refused from the 6th message of the day)',
      'https://github.com/nodemailer/nodemailer/issues/1555 (maintainer: the provider rate-limits the account)',
    ],
  },
  {
    // United Internet's Nemesis servers (GMX, WEB.DE, IONOS/1&1, mail.com) check the domain of the envelope sender
    // and refuse it when the domain has no usable MX or A/AAAA record, behind their generic "mailbox unavailable"
    // prefix: monit@OPNsense.localdomain refused at MAIL FROM by smtp.ionos.de (opnsense/core#3238), a freshly set-up
    // domain refused by web.de until its records were right (LukeSmithxyz/emailwiz#82) — the recipient is not meant
    id: 'gmx.sender-domain-dns',
    sender: 'GMX / WEB.DE / IONOS',
    text: /\binvalid DNS MX or A\/AAAA resource record\b/i,
    reason: 'rejected',
    party: 'sender',
    headline:
      "The server refused the envelope sender's domain: it has no valid MX or A/AAAA record (the recipient's mailbox is not the problem)",
    meaning:
      'GMX, WEB.DE and IONOS refuse mail whose envelope sender (MAIL FROM) domain has no MX record and no A/AAAA record, or records that are not valid, such as an internal name like host.localdomain; the words "mailbox unavailable" before it are their generic prefix.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Send with a MAIL FROM address at a real domain that has an MX record (or at least an A/AAAA record), not an internal host name.',
      'For a new domain, publish its MX and A records and wait until they resolve everywhere.',
    ],
    verify: ['dig +short MX <sender domain>', 'dig +short A <sender domain>'],
    sources: [
      'https://github.com/opnsense/core/issues/3238 (smtp.ionos.de refuses MAIL FROM monit@OPNsense.localdomain: "550 invalid DNS MX or A/AAAA resource record (in reply to MAIL FROM command)")',
      'https://github.com/LukeSmithxyz/emailwiz/issues/82 (web.de refuses a new sender domain until its DNS records are set and propagated)',
      'RFC 5321 §5.1 (a domain receives mail through its MX records, or its A/AAAA records when it has none)',
    ],
  },
  {
    id: 'gmx.blacklisted',
    sender: 'GMX / WEB.DE',
    text: /IP address is bl(?:ack|ock) ?listed|senderguidelines\?c=bl/i,
    reason: 'blocked',
    party: 'sender',
    meaning: 'GMX and WEB.DE have the sending IP on their block list (their own, fed by public blocklists).',
    rules: ['dnsbl.listed', 'reputation.blocked'],
    sources: [GMX],
  },
  {
    // GMX / WEB.DE "421 Reject due to policy violations" (and 450): too many mails to addresses that do not exist
    // (a poor delivery ratio), or a HELO that changes from session to session — the IP is held back for a while
    id: 'gmx.policy-violations',
    sender: 'GMX / WEB.DE',
    text: /^\s*Reject due to policy violations\b/i,
    codes: [421, 450, 451],
    reason: 'badreputation',
    party: 'sender',
    meaning:
      'GMX and WEB.DE hold mail from the IP back for a while: it sent to too many addresses that do not exist (stale lists, a compromised mailbox sending spam), or it says a different HELO name in every session.',
    rules: ['reputation.blocked'],
    fix: [
      'Remove addresses that bounce from your lists and look for a mailbox or form sending spam through the server.',
      'Use one fixed HELO name per IP (the name its PTR gives), then retry later.',
    ],
    transient: true,
    sources: [WEBDE_ERRORS, GMX_ERRORS],
  },
  {
    id: 'mailru.spam-rejected',
    sender: 'Mail.ru',
    text: /\bhelp\.mail\.ru\/notspam-support\b/i,
    reason: 'spamdetected',
    party: 'receiver-policy',
    meaning: "Mail.ru's filter judged the message spam; the link in the reply opens a request to have it checked.",
    rules: ['smtp.content-rejected'],
    fix: [
      'If the message is wanted mail, follow the link in the reply (it carries the error code and message ID) and ask Mail.ru to review it.',
    ],
    sources: [MAILRU],
  },
  {
    id: 'mailru.user-not-found',
    sender: 'Mail.ru',
    text: /\bLocal mailbox \S+ is unavailable: user not found\b/i,
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'There is no such Mail.ru mailbox.',
    rules: ['smtp.recipient-unknown'],
    sources: ['https://help.mail.ru/mail/ (Mail.ru help: mail was not delivered)'],
  },
  {
    // the SENDER's Mail.ru account may not send (suspected break-in or spam): nothing about the recipient
    id: 'mailru.sending-disabled',
    sender: 'Mail.ru',
    text: /\bmessage sending for this account is disabled\b/i,
    // the ACCOUNT is stopped (a suspected break-in), not the IP: no blocklist or reputation step fits
    reason: 'securityerror',
    party: 'sender',
    headline: 'The provider has stopped this account from sending (a suspected break-in or spam): the recipient is not the problem',
    meaning:
      "Mail.ru disabled sending for the account the message was sent from, usually after it suspected a stolen password or spam from it. The account's owner must confirm it and change the password.",
    rules: ['smtp.rejected'],
    fix: [
      'Sign in to the Mail.ru web interface with the account, follow its steps to confirm ownership, change the password, and update it in the program that sends.',
    ],
    sources: [
      'https://help.mail.ru/mail/ (Mail.ru help: sending is blocked)',
      'https://mailout.ru/2015/09 ("550 message sending for this account is disabled": change or restore the password, confirm ownership after a suspected break-in)',
    ],
  },
  {
    id: 'yandex.spam-rejected',
    sender: 'Yandex Mail',
    text: /\bMessage rejected under suspicion of SPAM\b/i,
    reason: 'spamdetected',
    party: 'receiver-policy',
    meaning: "Yandex's filter refused the message as probable spam (its content or links, or the sender's reputation with Yandex users).",
    rules: ['smtp.content-rejected'],
    fix: [
      'Check the message for spam-like content and links, sign it with DKIM and make SPF pass; if it is wanted mail, use the link in the reply to ask Yandex to review it.',
    ],
    sources: [YANDEX],
  },
  {
    id: 'yandex.no-such-user',
    sender: 'Yandex Mail',
    text: /^\s*No such user!?\s*$/i,
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'There is no such Yandex mailbox.',
    rules: ['smtp.recipient-unknown'],
    sources: [YANDEX],
  },
];
