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
    // the same notice when the domain exists but publishes nothing to deliver to: every lookup (MX, then AAAA and A,
    // RFC 5321 §5.1's fallback) answered NOERROR with no records — PHPMailer#1500: the domain owner added the MX record
    id: 'gmail.dns-no-mail-host',
    sender: 'Gmail',
    // (any run of blanks between the words: a mail client wraps the notice at 72–78 columns)
    text: /DNS Error:\s+(?:\d+\s+)?DNS\s+type\s+'?mx'?\s+lookup\s+of\s+\S+\s+(?:responded\s+with\s+code\s+NOERROR\s+(?:\d+\s+)?DNS\s+type\s+'?mx'?\s+lookup\s+of\s+\S+\s+)?had\s+no\s+relevant\s+answers/i,
    reason: 'hostunknown',
    party: 'recipient',
    headline: "The recipient's domain publishes no mail host: its MX, A and AAAA lookups return no records",
    meaning:
      "Gmail could not deliver because the recipient's domain exists but has no MX record and no A/AAAA record to fall back to (RFC 5321 §5.1): nothing in DNS says where its mail goes. The domain's owner must publish an MX record.",
    rules: ['smtp.dns-lookup-failed'],
    fix: ["The recipient domain's owner publishes an MX record naming its mail server (and that server's A/AAAA record)."],
    verify: ['dig +short MX <recipient domain>', 'dig +short A <recipient domain>'],
    sources: [
      'https://support.google.com/mail/answer/6596 (Gmail: fix bounced or rejected emails)',
      'https://github.com/PHPMailer/PHPMailer/issues/1500 ("DNS type \'mx\' lookup … had no relevant answers": fixed by adding the MX record)',
      'RFC 5321 §5.1 (MX records, then the A/AAAA fallback)',
    ],
  },
  {
    id: 'gmail.5.7.25-ptr',
    sender: 'Gmail',
    text: /does(?: not|n't) have a PTR record|corresponding forward DNS entry does not point to the sending IP|PTR record's forward DNS entry doesn'?t match|does not match the IP address of the hostname specified in the pointer \(PTR\) record|5\.7\.25\b(?!.{0,40}\bIPv6 address)/i,
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
    // 5.7.26 (and 4.7.26 when DNS failed): the From: domain's DMARC policy, not "neither SPF nor DKIM"
    id: 'gmail.5.7.26-dmarc',
    sender: 'Gmail',
    text: /\bUnauthenticated email from \S+ is not accepted\b|\bnot accepted due to domain'?s DMARC policy\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      "The From: domain publishes DMARC with p=reject (or quarantine), and the message passed neither SPF nor DKIM aligned with it: Gmail applies the domain owner's policy.",
    rules: ['dmarc.fail', 'spf.fail', 'dkim.fail'],
    fix: [
      "Send the domain's mail only through servers that sign with DKIM as the From: domain (d=) or that its SPF lists for an aligned MAIL FROM; a form, a forwarder or a third-party service sending as the domain must be set up for it or use its own From: domain.",
    ],
    sources: [REF, 'https://support.google.com/a/answer/2466580 (DMARC at Google)'],
  },
  {
    id: 'gmail.5.7.26-unauthenticated',
    sender: 'Gmail',
    text: /sender is unauthenticated(?!\.?\s*Yahoo)|This mail is unauthenticated|Gmail requires all senders to authenticate|does not have authentication information|fails to pass authentication checks|5\.7\.26\b/i,
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
    // 550 5.7.1 / 550 5.7.28 "… unusual rate of unsolicited mail originating from your IP address … has been blocked":
    // the permanent form of the 421 rate limit above — Gmail no longer takes mail from the IP
    id: 'gmail.5.7.28-blocked',
    sender: 'Gmail',
    text: /unusual rate of unsolicited (?:e-?)?mail originating from your IP/i,
    codes: [550, 554],
    reason: 'badreputation',
    party: 'sender',
    meaning:
      "Gmail blocks mail from this IP because too much of what it sent looked unsolicited (complaints, a volume jump, spam from a compromised account or form). It is Gmail's own verdict, not a DNS blocklist, and it lifts only once the IP's mail improves.",
    rules: ['reputation.blocked', 'spf.fail', 'dkim.missing', 'dmarc.missing'],
    fix: [
      'Find and stop what sent the unwanted mail from {ip} (a compromised mailbox or web form, a list mailing people who did not ask: count messages per sender in the log).',
      "Authenticate everything (SPF, DKIM aligned with the From: domain's DMARC) and watch the IP and domain in Google Postmaster Tools (postmaster.google.com); send to Gmail again slowly.",
    ],
    sources: [REF, GUIDE],
  },
  {
    // 421 4.7.28: a rate limit, retried by the queue (Google's reference lists it per
    // scope: IP address, IP netblock, SPF domain, DKIM domain, URL); sisimai calls it
    // "speeding". The 550 5.7.28 form ("… has been blocked") is the reputation block below.
    id: 'gmail.4.7.28-rate-limited',
    sender: 'Gmail',
    // (a reply cut at its first line's end, "421-4.7.28 [ip 15] Our system has detected an unusual rate of", is
    // read for what it says: a wrapped paste or a log that kept one line of the multi-line reply)
    text: /unusual rate of(?: (?:unsolicited )?e?-?mail|\s*$)/i,
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
    text: /very low reputation of the sending (?:IP address|domain)|suspicious due to the very low reputation/i,
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
    text: /content presents a potential\s+(?:\d{3}-\d\.\d\.\d\s+)?security issue|p=BlockedMessage|\billegal attachment on your message\b/i,
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
    text: /TLS required for (?:this message|RCPT domain)|must use (?:a )?TLS|requires a secure connection/i,
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
    text: /missing a valid address in (?:the )?From:?\s{0,3}header|having no From:?\s{0,3}header/i,
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
    // the whole family of Gmail's RFC 5322 refusals (SMTP error reference: 550 5.7.1 and 554 5.6.0), but the
    // From: header's own 'missing a valid address' (gmail.5.7.1-from-header: that header's step)
    text: /missing a valid Message-ID:? header|multiple addresses in From:? header are not accepted|not RFC ?5322 compliant|RfcMessageNonCompliant|duplicate headers?|Mail message is malformed\. Not accepted|Encoded-word syntax is not permitted in message header|contains a unicode character in a disallowed header/i,
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
    text: /email account that you tried to reach is over quota|inbox is out of storage space|out of storage space/i,
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
    // "The user you are trying to contact is receiving mail too quickly" (the words between vary). The limit is the
    // RECIPIENT's: Google's per-user receiving limits (support.google.com/a/answer/1366776) count all the mail an
    // account receives, from every sender — a flood or a loop into that mailbox, not the reader's sending rate
    // (zone-mta#110: "the recipient getting too many emails, not specifically from you"). The sender's server only
    // retries; what stops it is on the recipient's side.
    text: /receiving (?:e-?)?mail at a rate that prevents additional messages|\bis receiving (?:e-?)?mail too quickly|rate that prevents additional messages from being delivered/i,
    reason: 'speeding',
    party: 'recipient',
    meaning:
      'The recipient is getting more mail (from all senders) than Gmail lets into one account per minute; the message will be accepted on a later retry, and if it lasts, the recipient has a flood or a loop to stop.',
    rules: ['smtp.rate-limited'],
    transient: true,
    sources: [REF, 'https://support.google.com/a/answer/1366776 (Google Workspace: Gmail receiving limits, per user)'],
  },
  {
    id: 'gmail.same-message-id',
    sender: 'Gmail',
    text: /exceeded its quota for sending messages with the same Message-ID/i,
    reason: 'speeding',
    party: 'sender',
    headline: 'Gmail limits how often one Message-ID may arrive: the same message is being sent again and again',
    meaning:
      'Gmail (421 4.7.28) temporarily refuses copies of a message whose Message-ID it has already received many times: a script or list resending one message, or a loop.',
    rules: ['smtp.rate-limited', 'smtp.mail-loop'],
    fix: ['Give each message its own Message-ID, and find what resends the same one (a retry loop in an application, a forwarding loop).'],
    transient: true,
    sources: [REF, 'https://support.google.com/mail/answer/188131 (Gmail: why has Gmail blocked my messages?)'],
  },
  {
    id: 'gmail.relay-limit',
    sender: 'Google Workspace (SMTP relay / Gmail sending limits)',
    text: /\b(?:Peak|Daily) SMTP relay (?:sending )?limit exceeded for (?:customer|user)|\bDaily user sending (?:quota|limit) exceeded|\bDaily sending quota exceeded/i,
    reason: 'speeding',
    party: 'sender',
    headline: "The sending Google Workspace account or SMTP relay went over Google's sending limit",
    meaning:
      "The sender's own Google Workspace account (or the organisation's SMTP relay) has sent more than Google allows per day or at peak; nothing about the recipient. It can send again once the window has passed (up to 24 hours).",
    rules: ['smtp.rate-limited'],
    fix: [
      "Wait for the limit to reset, and spread bulk sending over time or move it to a service made for bulk mail; Google's limits are per user and per relay customer.",
      'If the volume is unexpected, check the account for compromise (Admin console » Reporting » Email log search).',
    ],
    transient: true,
    sources: [
      REF,
      'https://support.google.com/a/answer/166852 (Gmail sending limits in Google Workspace)',
      'https://support.google.com/a/answer/6140680 (SMTP relay service error messages)',
    ],
  },
  {
    // the Workspace SMTP relay (smtp-relay.gmail.com) does not know the client: its IP is not in the relay
    // settings, or the domain in HELO/MAIL FROM is not one of the account's — the relay's settings, not a login
    id: 'gmail.relay-denied',
    sender: 'Google Workspace SMTP relay',
    text: /\bMail relay denied\b|\bInvalid credentials for relay\b/i,
    reason: 'norelaying',
    party: 'sender',
    headline: "Google Workspace's SMTP relay does not recognise this server: its IP or domain is not in the relay settings",
    meaning:
      "smtp-relay.gmail.com took the client for an outsider: its public IP is not among the IP addresses allowed in the Workspace SMTP relay setting, or the domain it gave in HELO and MAIL FROM is not one of the account's domains.",
    rules: ['smtp.relay-denied'],
    fix: [
      'Google Admin console » Apps » Google Workspace » Gmail » Routing » SMTP relay service: add the public IP of the sending server (curl -s https://ifconfig.me on it) to the allowed senders, or require SMTP authentication and let the server log in.',
      'Make the server say one of your Workspace domains in HELO/EHLO and MAIL FROM (an empty envelope sender needs SMTP AUTH or a HELO name of your domain).',
    ],
    sources: [REF, 'https://support.google.com/a/answer/6140680 (SMTP relay service error messages)'],
  },
  {
    id: 'gmail.sending-denied',
    sender: 'Google Workspace SMTP relay',
    text: /\bMail Sending denied\b/i,
    reason: 'rejected',
    party: 'sender',
    meaning: 'The Workspace account that sends through the SMTP relay is disabled, or not registered in the Google Workspace domain.',
    rules: ['smtp.sender-invalid'],
    fix: ['Send as an active user of the Workspace domain, or re-enable the account in the Admin console.'],
    sources: [REF, 'https://support.google.com/a/answer/6140680 (SMTP relay service error messages)'],
  },
  {
    id: 'gmail.5.1.2-domain-not-found',
    sender: 'Gmail',
    text: /\bweren'?t able to find the recipient domain\b/i,
    reason: 'hostunknown',
    party: 'recipient',
    meaning: 'Gmail found no mail server for the recipient domain: it is misspelt, or it does not exist in DNS.',
    rules: ['smtp.recipient-unknown'],
    sources: [REF],
  },
  {
    id: 'gmail.5.1.3-recipient-syntax',
    sender: 'Gmail',
    text: /\brecipient address \S.{0,200}? is not a valid RFC ?5321 address/i,
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'The recipient address is not a valid address (RFC 5321 syntax): a typo, a space, or a missing domain.',
    rules: ['smtp.recipient-unknown'],
    sources: [REF],
  },
  {
    id: 'gmail.5.1.7-sender-syntax',
    sender: 'Gmail',
    text: /\bsender address \S.{0,200}? is not a valid RFC ?5321 address/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'The envelope sender (MAIL FROM) is not a valid address under RFC 5321: often an unqualified local name such as www-data@localhost or root@server, which a program or cron job sends as.',
    rules: ['smtp.sender-invalid'],
    fix: [
      "Set a real sender address on your domain for the program or server (Postfix: myorigin and the program's From/envelope address).",
    ],
    sources: [REF],
  },
  {
    id: 'gmail.5.3.4-size',
    sender: 'Gmail',
    text: /exceeded Google's message (?:header )?size limits?|exceeds Google's (?:message size )?limit of|exceeds Google's header name limit/i,
    reason: 'mesgtoobig',
    party: 'sender',
    meaning:
      "The message is larger than Gmail accepts (25 MB for the whole message after encoding), or it has more attachments or a longer header than Gmail's limits.",
    rules: ['smtp.message-too-large'],
    fix: ['Send large files as a link to a share; keep the message (after base64, about a third larger than the files) under 25 MB.'],
    sources: [REF, 'https://support.google.com/a/answer/1366776 (Gmail receiving limits in Google Workspace)'],
  },
  {
    id: 'gmail.5.4.6-loop',
    sender: 'Gmail',
    text: /\bMessage exceeded 50 hops\b/i,
    reason: 'networkerror',
    party: 'sender',
    meaning:
      'The message passed through more than 50 servers (Received: lines): a mail loop, usually two forwarding rules or two servers sending the same address to each other.',
    rules: ['smtp.mail-loop'],
    sources: [REF, 'https://support.google.com/mail/?p=MailLoop'],
  },
  {
    // the recipient (or sending) organisation's Workspace admin rule: a content compliance, attachment or
    // allow-list setting of that domain ("- gcdp <id> - gsmtp" marks a custom rule)
    id: 'gmail.domain-policy',
    sender: 'Google Workspace (domain policy)',
    text: /\bhas a policy that prohibited the mail that you sent\b|\bThis message violates \S+ email policy\b|\s-\sgcdp\s/i,
    reason: 'policyviolation',
    party: 'recipient',
    headline: "A rule the recipient's (or your own) Google Workspace administrator set refused the message",
    meaning:
      "A policy of the Google Workspace domain refused the message: a content or attachment compliance rule, or a restriction on who may send to or from the domain. It is that domain's own setting, not a verdict on the sender's server.",
    rules: ['smtp.rejected'],
    fix: [
      "Ask the recipient's administrator which rule matched (Admin console » Apps » Google Workspace » Gmail » Compliance; the email log search shows it); when the sending domain is your own Workspace, look there yourself.",
    ],
    sources: [REF, 'https://support.google.com/a/answer/172179 (Google Workspace: email policies)'],
  },
  {
    id: 'gmail.ip-not-allowlisted',
    sender: 'Google Workspace',
    text: /\bIP not in whitelist for RCPT\b/i,
    reason: 'rejected',
    party: 'recipient',
    headline: 'The recipient domain accepts mail only from the IP addresses it listed (an inbound gateway or IP restriction)',
    meaning:
      "The recipient's Google Workspace takes inbound mail only from the servers it lists (its inbound gateway or an IP allow-list), and this sending IP is not one of them: mail must arrive through the recipient's gateway (its MX), not straight at Google.",
    rules: ['smtp.rejected'],
    fix: [
      "Send to the recipient domain's published MX (dig +short MX <domain>), not to Google's servers directly; a smarthost or a cached route pointing at aspmx.l.google.com skips their gateway.",
      "If the recipient domain is your own: add your gateway's IPs to Admin console » Gmail » Spam, phishing and malware » Inbound gateway, or remove the restriction.",
    ],
    sources: [REF, 'https://support.google.com/a/answer/60752 (allowlists, denylists and approved senders)'],
  },
  {
    id: 'gmail.spf-hard-fail',
    sender: 'Gmail',
    text: /\bhas an SPF record with a hard fail policy\b|\bfails to pass SPF checks for an SPF record with a hard fail\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      "The envelope sender's domain publishes SPF with -all, and the sending IP is not in it: Gmail refuses the message outright (5.7.26).",
    rules: ['spf.fail'],
    fix: [
      "Add the sending server (its IP, or the provider's include:) to the SPF record of the MAIL FROM domain, or send through a server the record lists.",
    ],
    sources: [REF, GUIDE],
  },
  {
    id: 'gmail.spf-suspicious',
    sender: 'Gmail',
    text: /\bSPF record of the sending domain has one or more suspicious entries\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      "Gmail distrusts the sending domain's SPF record itself (4.7.24/5.7.24): it authorises far too much (+all, ?all, huge IP ranges) or has entries that look abused.",
    rules: ['spf.weak-policy', 'spf.permerror', 'spf.fail'],
    fix: [
      'List only your own servers and providers in SPF, end it with -all or ~all, and remove broad ranges (+all, /8 … /16 networks you do not own).',
    ],
    sources: [REF, GUIDE],
  },
  {
    // the 2024 bulk-sender rules: SPF (4.7.27/5.7.27), DKIM (4.7.30/5.7.30), alignment (4.7.32), TLS (4.7.29)
    id: 'gmail.spf-required',
    sender: 'Gmail',
    text: /\bSPF authentication didn'?t pass\b|\bsenders to authenticate (?:their email )?with SPF\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning: "Gmail requires bulk senders' mail to pass SPF; this message did not (4.7.27 rate limit, 5.7.27 block).",
    rules: ['spf.fail', 'spf.missing'],
    sources: [REF, GUIDE],
  },
  {
    id: 'gmail.dkim-required',
    sender: 'Gmail',
    text: /\bDKIM (?:authentication )?(?:does not|didn'?t) pass\b|\bsenders to authenticate (?:their email )?with DKIM\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning: 'Gmail requires bulk senders to sign with DKIM; this message had no valid DKIM signature (4.7.30 rate limit, 5.7.30 block).',
    rules: ['dkim.fail', 'dkim.missing'],
    sources: [REF, GUIDE],
  },
  {
    id: 'gmail.dmarc-alignment',
    sender: 'Gmail',
    text: /\bisn'?t aligned with either the authenticated SPF or DKIM\b|\bFrom: header \(RFC ?5322\) in this message isn'?t aligned\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      'The From: domain is not the domain SPF or DKIM authenticated (nor its organisational domain): DMARC alignment failed, which Gmail requires of bulk senders (4.7.32).',
    rules: ['dmarc.fail', 'dkim.fail', 'spf.fail'],
    fix: [
      "Sign with DKIM as the From: domain (d= your domain, not the provider's), or make the MAIL FROM domain a subdomain of it that SPF passes for.",
    ],
    sources: [REF, GUIDE],
  },
  {
    id: 'gmail.tls-required-bulk',
    sender: 'Gmail',
    text: /\bwasn'?t sent over a TLS connection\b|\bsenders to use TLS\/SSL for SMTP\b/i,
    reason: 'securityerror',
    party: 'sender',
    meaning: 'Gmail requires bulk senders to deliver over TLS; this message came over a plain connection (4.7.29/5.7.29).',
    rules: ['smtp.tls-failed'],
    fix: [
      'Turn on opportunistic TLS for outgoing mail (Postfix: smtp_tls_security_level = may; Exim: tls on the remote_smtp transport) and check that STARTTLS to Gmail succeeds.',
    ],
    sources: [REF, GUIDE],
  },
  {
    id: 'gmail.login-attempts',
    sender: 'Gmail',
    text: /\bToo many login attempts\b/i,
    reason: 'securityerror',
    party: 'sender',
    meaning: 'Gmail refuses more logins for now after too many (often failed) attempts from this client; fix the credentials and wait.',
    rules: ['smtp.login-failed'],
    transient: true,
    sources: [REF],
  },
  {
    id: 'gmail.login-not-accepted',
    sender: 'Gmail',
    text: /\bUsername and Password not accepted\b|\bApplication-specific password required\b|\bPlease log in (?:with|through) your web browser\b/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'Gmail refused the SMTP login: a wrong password, a Google account with 2-Step Verification that needs an app password, or a sign-in Google wants confirmed in a browser first.',
    rules: ['smtp.login-failed'],
    fix: [
      'Use an app password (myaccount.google.com » Security » App passwords) or OAuth 2.0 in the client; a Workspace admin may have turned off less secure apps and app passwords.',
      'Sign in once in a browser from the same network to confirm it, then retry.',
    ],
    sources: [REF, 'https://support.google.com/accounts/answer/185833 (Sign in with app passwords)'],
  },
  {
    id: 'gmail.auth-required',
    sender: 'Gmail',
    text: /^\s*Authentication Required\b/i,
    codes: [530],
    reason: 'securityerror',
    party: 'sender',
    meaning: 'smtp.gmail.com takes mail only from logged-in clients: the client sent MAIL FROM without AUTH.',
    rules: ['smtp.auth-required'],
    sources: [REF],
  },
  {
    id: 'gmail.starttls-first',
    sender: 'Gmail',
    text: /\bMust issue a STARTTLS command first\b/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'The server takes no login or mail before STARTTLS: the client must switch to TLS first (port 587 with STARTTLS, or 465 with TLS from the start).',
    rules: ['smtp.tls-failed'],
    sources: [REF, 'RFC 3207'],
  },
  {
    id: 'gmail.helo-invalid',
    sender: 'Gmail',
    text: /\b(?:Empty )?HELO\/EHLO argument (?:is invalid|not allowed)/i,
    reason: 'blocked',
    party: 'sender',
    meaning: 'Gmail refused the HELO/EHLO name the client gave: empty, or not a valid host name or address literal (RFC 5321 §4.1.1.1).',
    rules: ['smtp.helo-rejected'],
    sources: [REF, 'https://support.google.com/mail/?p=helo'],
  },
  {
    id: 'gmail.too-many-recipients',
    sender: 'Gmail',
    text: /\bYour message has too many recipients\b|\bDomain policy size per transaction exceeded\b/i,
    reason: 'toomanyconn',
    party: 'receiver-policy',
    meaning:
      'Gmail took no more recipients in this transaction (too many RCPT TO for one message, or too many policies of the recipient domains at once); the sending server retries the rest in another transaction.',
    rules: ['smtp.rate-limited'],
    fix: [
      'Send to fewer recipients per message (Postfix: smtp_destination_recipient_limit for a gmail transport), or let the queue retry the 452s.',
    ],
    transient: true,
    sources: [REF, 'https://support.google.com/a/answer/7282433'],
  },
  {
    id: 'gmail.server-busy',
    sender: 'Gmail',
    text: /^\s*Server busy, try again later\b|\bMultiple destination domains per transaction is unsupported\b/i,
    codes: [421, 450, 451, 452],
    reason: 'toomanyconn',
    party: 'receiver-policy',
    meaning:
      "Gmail asked the client to come back later (too many connections or a transaction it does not take in one go); the sending server's queue retries on its own.",
    rules: ['smtp.rate-limited'],
    transient: true,
    sources: [REF],
  },
  {
    id: 'gmail.connection-timeout',
    sender: 'Gmail',
    text: /\bTimeout - closing connection\b|\bConnection expired, try reconnecting\b/i,
    reason: 'networkerror',
    party: 'sender',
    meaning:
      'Gmail closed the session because the client was silent too long (a slow or stalled connection, or a client waiting on something else); the queue retries.',
    rules: ['smtp.connection-failed'],
    transient: true,
    sources: [REF],
  },
  {
    // Gmail's own bounce (mailer-daemon@googlemail.com) when IT could not reach the recipient's server: "The
    // recipient server did not accept our requests to connect. Learn more at
    // https://support.google.com/mail/answer/7720 [<host> <ip>: <what happened>]" — timed out, refused, or the
    // receiver's greeting ("421-4.3.2 Service shutting down"). The recipient domain's mail server is at fault.
    id: 'gmail.recipient-server-unreachable',
    sender: 'Gmail (its bounce to a Gmail user)',
    text: /\bThe recipient server did not accept our requests to connect\b/i,
    // (sisimai's expired, as for every notice of a host that never answered: knowledge/reasons/transport.ts NO_ANSWER)
    reason: 'expired',
    party: 'recipient',
    headline: "Gmail could not connect to the recipient domain's mail server",
    meaning:
      "Gmail tried to deliver and the recipient domain's mail server did not take the connection: it timed out, refused it, or greeted with a refusal (the part in brackets names the host, its address and what happened). Nothing is wrong with the sender's message or address; the recipient's mail server or its MX record is. Gmail retries for up to two days before it gives up.",
    rules: ['smtp.connection-failed'],
    transient: true,
    fix: [
      "Tell the recipient (by another way) that their mail server does not accept connections: the host and address in brackets are the ones Gmail tried; their administrator checks that it runs, answers on port 25, and that the domain's MX records name it.",
      'If the domain is yours: dig MX <domain> must name hosts that answer on port 25 from the internet (nc -vz <host> 25 from outside your network).',
    ],
    verify: ['dig +short MX <recipient domain>', 'nc -vz -w 10 <the host in brackets> 25   (from outside the recipient network)'],
    sources: ['https://support.google.com/mail/answer/7720 (the page Gmail\'s bounce links: "Fix bounced or rejected emails")'],
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
