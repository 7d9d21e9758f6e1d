// Gmail's and Google Workspace's reply texts. Source for all of them: Google's
// "SMTP error reference" (support.google.com/a/answer/3726730) and the sender
// guidelines (support.google.com/a/answer/81126), which each text links to.

import type { ReplyKnowledge } from './types';

const REF = 'https://support.google.com/a/answer/3726730 (Google: SMTP error reference)';
const GUIDE = 'https://support.google.com/a/answer/81126 (Google: Email sender guidelines)';

export const GMAIL_REPLIES: ReplyKnowledge[] = [
  {
    // Gmail's own notice when it cannot find where to deliver: no SMTP reply, only its DNS answer
    id: 'gmail.dns-nxdomain',
    sender: 'Gmail',
    text: /DNS Error: (?:DNS type '?\w+'? lookup of \S+ responded with code NXDOMAIN|Domain name not found)/i,
    reason: 'hostunknown',
    party: 'recipient',
    meaning:
      "Gmail could not deliver because the recipient's domain does not exist in DNS (NXDOMAIN): the domain is misspelt, expired, or its DNS is broken.",
    rules: ['smtp.recipient-unknown'],
    sources: ['https://support.google.com/mail/answer/6596 (Gmail: fix bounced or rejected emails, BadRcptDomain)'],
  },
  {
    id: 'gmail.5.7.25-ptr',
    sender: 'Gmail',
    text: /does not have a PTR record setup|corresponding forward DNS entry does not point to the sending IP|5\.7\.25\b/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      'Gmail (550 5.7.25) refuses mail from an IP without a PTR record, or whose PTR name does not resolve back to the same IP (forward-confirmed reverse DNS).',
    rules: ['ptr.missing', 'ptr.mismatch', 'ptr.generic'],
    fix: [
      'Ask whoever holds the IP block of {ip} (your ISP or hosting provider) to set a PTR record naming your mail server, e.g. mail.example.org.',
      'Make that name resolve back (A or AAAA) to {ip}, and use the same name in HELO/EHLO.',
    ],
    verify: ['dig -x {ip} +short   (a name)', 'dig +short <that name> A   (must include {ip})'],
    sources: [REF, GUIDE],
  },
  {
    id: 'gmail.5.7.26-unauthenticated',
    sender: 'Gmail',
    text: /sender is unauthenticated|This mail is unauthenticated|Gmail requires all senders to authenticate|Unauthenticated email from \S+ is not accepted\b|5\.7\.26\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      'Gmail (550 5.7.26) refused the message because neither SPF nor DKIM passed for it, or because DMARC failed and the From: domain publishes p=reject or p=quarantine.',
    rules: ['spf.fail', 'spf.softfail', 'spf.missing', 'dkim.missing', 'dkim.fail', 'dmarc.fail', 'dmarc.missing'],
    sources: [REF, GUIDE, 'RFC 7372 §3.3 (X.7.26 Multiple authentication checks failed)'],
  },
  {
    // Gmail's refusal of an end-user address (dynamic, residential, listed as such): it wants the provider's relay
    id: 'gmail.5.7.1-direct-not-authorized',
    sender: 'Gmail',
    text: /The IP you're using to send (?:e-?)?mail is not authorized to send (?:e-?)?mail directly to our servers/i,
    reason: 'blocked',
    party: 'sender',
    headline: 'Gmail does not take mail straight from this IP: it is an end-user (dynamic or residential) address',
    meaning:
      "Gmail refuses direct delivery from addresses that look like end-user connections (dynamic or residential ranges, often listed in Spamhaus PBL, with a generic PTR): such an IP must send through its provider's mail server.",
    rules: ['reputation.blocked', 'ptr.generic', 'dnsbl.listed'],
    fix: [
      "Send through a relay (smarthost): your ISP's or mail provider's submission server on port 587 with authentication (Postfix: relayhost = [smtp.provider.example]:587 with SASL).",
      "Or send from a server IP meant for mail (a hosting provider's, with a PTR naming your mail server that resolves back, not listed in Spamhaus PBL).",
    ],
    verify: [
      'dig -x {ip} +short   (a generic name such as dynamic-… or …dsl… shows an end-user address)',
      'https://check.spamhaus.org/ (PBL)',
    ],
    sources: [REF],
  },
  {
    id: 'gmail.5.7.1-ipv6',
    sender: 'Gmail',
    text: /does not meet IPv6 sending guidelines/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      'Gmail holds mail sent over IPv6 to a stricter standard: the IPv6 address needs a PTR record that resolves back, and the message must pass SPF or DKIM.',
    rules: ['ptr.missing', 'ptr.mismatch', 'spf.fail', 'dkim.missing', 'dkim.fail'],
    fix: [
      'Give the sending IPv6 address a PTR record whose name resolves back to it, and authenticate with SPF (include the ip6: range) and DKIM.',
      'Or send to Gmail over IPv4 only (Postfix: smtp_address_preference = ipv4 or inet_protocols = ipv4).',
    ],
    sources: [REF, GUIDE],
  },
  {
    // 421 4.7.28: a rate limit, retried by the queue (Google's reference lists it per
    // scope: IP address, IP netblock, SPF domain, DKIM domain, URL); sisimai calls it
    // "speeding". The 550 5.7.28 form ("… has been blocked") is the reputation block below.
    id: 'gmail.4.7.28-rate-limited',
    sender: 'Gmail',
    text: /unusual rate of (?:unsolicited )?e?-?mail/i,
    codes: [421, 450, 451, 452],
    reason: 'speeding',
    party: 'sender',
    meaning:
      'Gmail is temporarily rate-limiting mail from this IP (or netblock, SPF or DKIM domain, as the text says) because an unusual share of it looks unsolicited: a jump in volume, complaints, or spam sent through the server. The queue keeps retrying and mail goes out slowly; if the cause stays, Gmail moves on to the spam folder and to 550 5.7.28 blocks.',
    rules: ['smtp.rate-limited', 'reputation.blocked', 'spf.fail', 'dkim.missing', 'dmarc.missing', 'ptr.missing'],
    fix: [
      'Let the queue retry the 421s (do not resend by hand) and send to Gmail more slowly: fewer parallel connections and a delay between messages (Postfix: a transport for gmail.com with gmail_destination_concurrency_limit = 2 and gmail_destination_rate_delay = 1s; Exim: serialize_hosts or a lower remote_max_parallel).',
      'Find what raised the volume or the complaints: a compromised mailbox or web form sending spam (count messages per sender in the log; postqueue -p or exim -bp), or a list mailing people who did not ask — stop it first.',
      "Make SPF and DKIM pass, aligned with the From: domain's DMARC record, and watch the IP's and domain's reputation in Google Postmaster Tools (postmaster.google.com).",
    ],
    verify: [
      'Watch the log: the deferred messages go out on later retries (status=sent to gmail-smtp-in.l.google.com) and the queue (postqueue -p) shrinks.',
    ],
    transient: true,
    sources: [REF, GUIDE, 'https://support.google.com/mail/answer/188131 (Gmail: prevent mail from being blocked or sent to spam)'],
  },
  {
    id: 'gmail.4.7.0-low-reputation',
    sender: 'Gmail',
    text: /very low reputation of the sending (?:IP address|domain)|unusual rate of unsolicited mail|suspicious due to the very low reputation/i,
    reason: 'badreputation',
    party: 'sender',
    meaning:
      "Gmail deferred or refused the message because of the sending IP's or domain's poor reputation with Gmail users (spam complaints, volume spikes). It is not a DNS blocklist.",
    rules: ['reputation.blocked', 'spf.fail', 'dkim.missing', 'dmarc.missing', 'ptr.missing'],
    fix: [
      'Authenticate everything (SPF, DKIM, DMARC aligned), send at a steady rate, and stop sending to addresses that bounce or complain.',
      "Watch the domain's reputation in Google Postmaster Tools (postmaster.google.com).",
    ],
    transient: true,
    sources: [REF, GUIDE],
  },
  {
    id: 'gmail.4.7.0-suspicious-content',
    sender: 'Gmail',
    text: /likely unsolicited mail|suspicious due to the nature of the content|message has been blocked.{0,40}\b(?:spam|phishing)/i,
    reason: 'spamdetected',
    party: 'receiver-policy',
    meaning: "Gmail's filter judged the content or the links of the message as spam or phishing.",
    rules: ['smtp.content-rejected', 'dkim.missing', 'dmarc.missing'],
    sources: [REF],
  },
  {
    id: 'gmail.5.7.0-security-issue',
    sender: 'Gmail',
    text: /content presents a potential\s+(?:\d{3}-\d\.\d\.\d\s+)?security issue|p=BlockedMessage/i,
    reason: 'policyviolation',
    party: 'receiver-policy',
    meaning:
      'Gmail blocked the message for its content or attachments (an executable, a script, an archive it cannot scan, a macro document): its attachment policy, not the sender’s reputation.',
    rules: ['smtp.content-rejected'],
    fix: [
      'Send the file another way (a link to a share), or zip it with a password only when the recipient expects it; remove executables and macros.',
    ],
    sources: ['https://support.google.com/mail/answer/6590 (Gmail: file types blocked)', REF],
  },
  {
    id: 'gmail.4.7.0-tls',
    sender: 'Gmail',
    text: /TLS required for this message|must use (?:a )?TLS|requires a secure connection/i,
    reason: 'securityerror',
    party: 'sender',
    meaning: 'The receiving Google Workspace domain requires TLS for mail from this sender, and the session was not encrypted.',
    rules: ['smtp.tls-failed'],
    sources: [REF],
  },
  {
    // Google's SMTP error reference: "421 4.7.0 Try again later, closing connection. This usually indicates a
    // Denial of Service (DoS) for the SMTP relay at the HELO stage." — Gmail closes the session on the
    // client's greeting: a program greeting with a default or unqualified name (localhost, a container's id,
    // a bare host name) from a cloud address, or opening many sessions at once. Not a rate limit on mail sent.
    id: 'gmail.4.7.0-helo-closing',
    sender: 'Gmail',
    text: /^(?:4\.7\.0\s+)?Try again later, closing connection\b(?![^.]{0,40}\bRCPT\b)/i,
    codes: [421],
    stages: ['helo', 'connect', 'unknown'],
    reason: 'blocked',
    party: 'sender',
    headline: "Gmail closed the session at the client's greeting (HELO/EHLO): its name or connection was refused, not a sending rate",
    meaning:
      "Gmail answers 421 4.7.0 'Try again later, closing connection' at the HELO stage: it would not go on with this client. Programs that greet with a default or non-qualified name (localhost, a container or runner id, a bare computer name) from a shared cloud address meet it; a client opening many sessions at once does too.",
    rules: ['smtp.helo-rejected', 'helo.invalid'],
    fix: [
      "Set the client's HELO/EHLO name to a fully qualified name of the sending host that resolves (nodemailer: the 'name' option; PHPMailer: Hostname/Helo; Python smtplib: local_hostname; Postfix: smtp_helo_name), not localhost or a container id.",
      "Better still for a program: submit through your mail provider's submission server (smtp.gmail.com:587 with an app password or OAuth, or your own relay) instead of delivering to Gmail's MX from a cloud runner.",
    ],
    verify: ["The client's log shows EHLO <its FQDN> answered 250 by Gmail, then the mail accepted."],
    transient: true,
    sources: [REF],
  },
  {
    // Google's SMTP error reference: "421 4.3.0 Temporary System Problem. Try again later" and "421 4.7.0
    // Temporary System Problem. Try again later.": a fault on Gmail's side; the queue's retry delivers
    id: 'gmail.temporary-system-problem',
    sender: 'Gmail',
    text: /\bTemporary System Problem\.?\s{0,3}Try again later\b/i,
    reason: 'systemerror',
    party: 'receiver-policy',
    headline: "Gmail's own temporary system problem: the retry delivers it; not a rate limit nor a block",
    meaning:
      "Gmail deferred the message on a temporary problem of its own (Google's SMTP error reference: 'Temporary System Problem. Try again later'). Nothing about the sender was judged; a queue that retries delivers it, often within the hour.",
    rules: ['smtp.rejected'],
    fix: [
      "Nothing on the sender's side if the mail is queued and retried; a program that does not retry should send through a server with a queue.",
      'If it lasts for hours, look at the Google Workspace Status Dashboard for an incident.',
    ],
    verify: ['A later attempt of the same message is accepted (250).'],
    transient: true,
    sources: [REF, 'https://www.google.com/appsstatus/dashboard/'],
  },
  {
    // Gmail names the From: header itself ("550-5.7.1 Messages missing a valid address in From: header, or
    // having no From: header, are not accepted"): the step is that header's, not the general format one.
    // (The words may be wrapped over the reply's continuation lines or escaped in a program's JSON log.)
    id: 'gmail.5.7.1-from-header',
    sender: 'Gmail',
    text: /missing a valid address in From:\s{0,3}header|having no From:\s{0,3}header/i,
    reason: 'notcompliantrfc',
    party: 'sender',
    meaning:
      "Gmail refused the message for its From: header: there was none, it was empty (From: <>, a display name alone), or its address is not a valid RFC 5322 mailbox (no domain, a bare word, unbalanced quotes or brackets). The program that writes the message sets it — often a sender or 'from address' setting left empty.",
    rules: ['headers.missing-from', 'headers.invalid-address', 'smtp.not-compliant'],
    sources: [REF, 'https://support.google.com/mail/?p=RfcMessageNonCompliant', 'RFC 5322 §3.6.2 (From: required), §3.4 (mailbox syntax)'],
  },
  {
    id: 'gmail.5.7.1-message-id',
    sender: 'Gmail',
    text: /missing a valid Message-ID header|not RFC ?5322 compliant|RfcMessageNonCompliant|duplicate headers?/i,
    reason: 'notcompliantrfc',
    party: 'sender',
    meaning:
      'Gmail found the message headers malformed under RFC 5322 (missing or duplicated From, Date, Subject or Message-ID, or a syntax error in them).',
    rules: [
      'smtp.not-compliant',
      'headers.missing-message-id',
      'headers.missing-from',
      'headers.duplicate',
      'headers.missing-date',
      'headers.invalid-address',
    ],
    sources: [REF, 'https://support.google.com/mail/?p=RfcMessageNonCompliant'],
  },
  {
    id: 'gmail.5.2.1-disabled',
    sender: 'Gmail',
    text: /email account that you tried to reach is (?:disabled|inactive)/i,
    reason: 'suspend',
    party: 'recipient',
    meaning: 'The Gmail account exists but is disabled.',
    rules: ['smtp.recipient-unknown'],
    sources: [REF],
  },
  {
    id: 'gmail.5.2.2-over-quota',
    sender: 'Gmail',
    text: /email account that you tried to reach is over quota|out of storage space/i,
    reason: 'mailboxfull',
    party: 'recipient',
    meaning: "The recipient's Google storage is full.",
    rules: ['smtp.mailbox-full'],
    sources: [REF],
  },
  {
    id: 'gmail.5.1.1-does-not-exist',
    sender: 'Gmail',
    text: /email account that you tried to reach does not exist/i,
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'There is no such Gmail or Google Workspace account.',
    rules: ['smtp.recipient-unknown'],
    sources: [REF],
  },
  {
    id: 'gmail.4.2.1-rate',
    sender: 'Gmail',
    text: /receiving mail at a rate that prevents additional messages|user is receiving mail too quickly|rate that prevents additional messages from being delivered/i,
    reason: 'speeding',
    party: 'receiver-policy',
    meaning: 'The recipient is getting more mail than Gmail lets in per minute; it will be accepted on a later retry.',
    rules: ['smtp.rate-limited'],
    transient: true,
    sources: [REF],
  },
  {
    id: 'google.groups-no-permission',
    sender: 'Google Groups',
    text: /Google Groups|グループにメッセージを投稿する権限|don't have permission to post|group you tried to contact .{0,40}(?:may not exist|permission)/i,
    reason: 'rejected',
    party: 'recipient',
    meaning: 'The Google Group does not exist, or the sender may not post to it.',
    rules: ['smtp.rejected'],
    sources: ['https://support.google.com/groups/answer/2464926 (Google Groups: message could not be delivered)'],
  },
];
