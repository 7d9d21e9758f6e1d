// Microsoft 365 / Exchange Online and Outlook.com reply texts. Sources:
// "Email non-delivery reports and SMTP errors in Exchange Online"
// (learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online)
// and the Outlook.com postmaster pages (sendersupport.olc.protection.outlook.com).

import type { ReplyKnowledge } from './types';

const NDR =
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';
const OLC = 'https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx (Outlook.com postmaster: troubleshooting)';
const DELIST = 'https://sender.office.com (Microsoft delist portal)';

export const MICROSOFT_REPLIES: ReplyKnowledge[] = [
  {
    id: 'microsoft.4.7.65x-rate-limited',
    sender: 'Microsoft 365',
    text: /4\.7\.65[01]\b|temporarily rate limited due to IP reputation/i,
    reason: 'badreputation',
    party: 'sender',
    meaning: 'Exchange Online slows down mail from an IP with a reputation problem; it retries, but the reputation needs fixing.',
    rules: ['reputation.blocked', 'smtp.rate-limited'],
    transient: true,
    sources: [NDR],
  },
  {
    id: 'microsoft.4.7.5xx-server-busy',
    sender: 'Microsoft 365',
    // (4.7.500–4.7.699 and 4.7.850–4.7.899 "Access denied, please try again later": sending held while Microsoft evaluates it)
    text: /4\.7\.(?:5\d\d|8[5-9]\d)\b.{0,40}(?:Server busy|try again later)|Server busy\. Please try again later from|^\s*Access denied, please try again later\b/i,
    reason: 'toomanyconn',
    party: 'receiver-policy',
    meaning:
      'Exchange Online is throttling this sending IP (4.7.500–4.7.699, "Server busy"), usually because it is new to Microsoft or sends in bursts. The queue retries; warming the IP up slowly helps.',
    rules: ['smtp.rate-limited', 'reputation.blocked'],
    transient: true,
    sources: [NDR],
  },
  {
    id: 'microsoft.5.7.50x-spam-abuse',
    sender: 'Microsoft 365',
    // the mailbox's own submission refused once it is restricted: "554 5.2.0 STOREDRV.Submission.Exception:
    // OutboundSpamException; WASCL UserAction verdict is not None. Actual verdict is Suspend"
    // (the NDR's user-facing sentence for it: "you weren't recognized as a valid sender. The most common reason for
    // this is that your email address is suspected of sending spam")
    text: /5\.7\.50[0-3]\b|5\.7\.511\b|Access denied, spam abuse detected|Access denied, banned sender|^\s*Banned sender\b|bad outbound sender|OutboundSpamException|MessageSubmissionBlockedException|WASCL UserAction verdict|\byou weren\S{1,6}t recognized as a valid sender\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'Microsoft blocked the sender (the account, the domain or the IP) for spam abuse (5.7.501–5.7.503, 5.7.511, 5.1.8 "bad outbound sender"). For a Microsoft 365 sender this usually means a compromised account was restricted.',
    rules: ['reputation.blocked'],
    fix: [
      'If the sender is in your Microsoft 365 tenant: secure the account (reset the password, check inbox rules), then release it under Restricted entities in the Microsoft Defender portal.',
      'Otherwise ask for delisting at https://sender.office.com.',
    ],
    sources: [NDR, DELIST],
  },
  {
    // the recipient's own delivery restriction (RequireSenderAuthenticationEnabled, AcceptMessagesOnlyFrom):
    // 5.7.124 "Sender not in allowed-senders list", 5.7.133–5.7.136 "SenderNotAuthenticatedFor…",
    // RESOLVER.RST.AuthRequired — only the group's or mailbox's owner can open it to outside senders
    id: 'microsoft.recipient-restricted',
    sender: 'Microsoft 365',
    // (the other words of such restrictions — RESOLVER.RST.AuthRequired, 5.7.133–5.7.136 — are read as a problem
    // in knowledge/refusal-problems.ts: they say which step, not which reason)
    text: /SenderNotAuthenticatedForGroup|Sender not in allowed-senders list|RESOLVER\.RST\.SenderNotAllowed|5\.7\.12[0-9]\b/i,
    reason: 'rejected',
    party: 'recipient',
    headline: 'The recipient (a group or mailbox) accepts mail only from senders inside its organisation or on its allowed list',
    meaning:
      "The recipient's own delivery restriction refused the sender: the group or mailbox requires authenticated (internal) senders, or lists who may send to it. Nothing about the sender's server, DNS or IP was judged.",
    rules: ['smtp.rejected'],
    fix: [
      'The recipient\'s administrator or the group\'s owner: allow outside senders (Exchange admin center » the group » Settings » "Allow external senders"; Set-DistributionGroup <group> -RequireSenderAuthenticationEnabled $false, Set-UnifiedGroup for a Microsoft 365 group), or add the sender to the accepted senders.',
      "The sender: ask the group's owner to allow your address; nothing on your side changes it.",
    ],
    verify: ['Get-DistributionGroup <group> | fl RequireSenderAuthenticationEnabled,AcceptMessagesOnlyFromSendersOrMembers'],
    sources: [
      NDR,
      'https://learn.microsoft.com/exchange/recipients-in-exchange-online/manage-distribution-groups/manage-distribution-groups',
    ],
  },
  {
    // 5.7.12, 5.7.133–5.7.136, RESOLVER.RST.NotAuthorized, "Delivery not authorized": the recipient (group, mailbox,
    // public folder, mail user) takes mail only from authenticated senders of its own organisation or from a list.
    // sisimai reads these as securityerror; the step is the recipient's restriction (refusal-problems.ts recipient-restricted)
    id: 'microsoft.sender-not-authenticated-for',
    sender: 'Microsoft 365',
    // (and the NDR's user-facing sentence for these restrictions, when the paste kept no diagnostic: "Your message
    // can't be delivered because delivery to this address is restricted"; an allowed-senders list's 5.7.124 above
    // still names its own entry)
    text: /\bSenderNotAuthenticatedFor\w+|\bSender (?:was )?not authenticated (?:for (?:group|mailbox|public folder)|by organization)|RESOLVER\.RST\.(?:AuthRequired|NotAuthorized|SenderNotAuthenticated\w*)|\bDelivery not authorized, message refused\b|\bdelivery to this address is restricted\b/i,
    reason: 'securityerror',
    party: 'recipient',
    headline: 'The recipient accepts mail only from senders inside its organisation (or from its allowed list)',
    meaning:
      "The recipient (a group, mailbox, public folder or mail user) is set to refuse senders from outside its organisation, or senders not on its list (RequireSenderAuthenticationEnabled, AcceptMessagesOnlyFrom), or a transport rule refused them. Only the recipient's administrator or the group's owner can change it.",
    rules: ['smtp.rejected'],
    fix: [
      'The sender: ask the recipient (the group owner or their administrator) to accept mail from your address; nothing on your side changes it.',
      "The recipient's administrator: Set-DistributionGroup <group> -RequireSenderAuthenticationEnabled $false (Set-UnifiedGroup, Set-Mailbox or Set-MailPublicFolder for the other kinds), or add the sender to AcceptMessagesOnlyFrom.",
    ],
    verify: ['Get-DistributionGroup <group> | fl RequireSenderAuthenticationEnabled,AcceptMessagesOnlyFromSendersOrMembers'],
    sources: [NDR],
  },
  {
    id: 'microsoft.banned-recipient',
    sender: 'Microsoft 365',
    text: /\bAccess denied, banned recipient\b/i,
    reason: 'filtered',
    party: 'recipient',
    meaning:
      'Exchange Online refuses mail to this recipient address (5.7.505): Microsoft considers it invalid or banned. Check the address.',
    rules: ['smtp.recipient-unknown'],
    sources: [NDR],
  },
  {
    id: 'microsoft.rejected-by-recipient',
    sender: 'Microsoft 365',
    text: /\bAccess denied, rejected by recipient\b/i,
    reason: 'filtered',
    party: 'recipient',
    headline: "The recipient's organisation blocked the sending IP in its own settings",
    meaning: "The recipient's organisation has blocked the IP the message came from (5.7.507): its own decision, not a public blocklist.",
    rules: ['smtp.rejected'],
    fix: ['Contact the recipient (by another way) and ask their administrator to unblock your IP or domain.'],
    sources: [NDR],
  },
  {
    // 5.7.513 "… blocked by <domain> using Customer Block list (AS16012607)": the words look like a DNSBL refusal, but
    // the list is the recipient tenant's own connection filter, not a public zone
    id: 'microsoft.customer-block-list',
    sender: 'Microsoft 365',
    text: /\bblocked by \S+ using Customer Block list\b|\(AS16012607\)/i,
    reason: 'blocked',
    party: 'recipient',
    headline: "The recipient's organisation put your sending IP on its own block list (not a public blocklist)",
    meaning:
      "The recipient domain added the sending IP to its custom block list in Exchange Online Protection (5.7.513). No public DNSBL is involved and Microsoft's delist portal does not apply.",
    rules: ['smtp.rejected'],
    fix: [
      "Ask the recipient (by another way) to remove {ip} from their connection filter's IP Block list (Defender portal » Anti-spam policies » Connection filter policy).",
    ],
    sources: [NDR],
  },
  {
    id: 'microsoft.ipv6-limits',
    sender: 'Microsoft 365',
    text: /\bhas exceeded permitted limits within \S+ range\b|\bAccess denied, \[?[0-9a-f:]+\]? has exceeded permitted limits\b/i,
    reason: 'toomanyconn',
    party: 'receiver-policy',
    meaning: 'The sending IPv6 range sent too many messages in too short a time (5.7.508); slow down, or send over IPv4.',
    rules: ['smtp.rate-limited'],
    transient: true,
    sources: [NDR],
  },
  {
    id: 'microsoft.no-ipv6',
    sender: 'Microsoft 365',
    text: /\bdoes not accept email over IPv6\b/i,
    reason: 'networkerror',
    party: 'receiver-policy',
    headline: 'The recipient domain takes no mail over IPv6: send to it over IPv4',
    meaning: 'The recipient domain does not accept mail over IPv6 (5.7.510); the same message over IPv4 is accepted.',
    rules: ['smtp.rejected'],
    fix: [
      'Send to this domain over IPv4 (Postfix: smtp_address_preference = ipv4, or a transport with inet_protocols = ipv4; Exim: dns_ipv4_lookup).',
    ],
    sources: [NDR],
  },
  {
    id: 'microsoft.rfc5322-from',
    sender: 'Microsoft 365',
    text: /\bmessage must be RFC ?5322 section 3\.6\.2 compliant\b/i,
    reason: 'notcompliantrfc',
    party: 'sender',
    meaning: 'The message has no valid From: address (RFC 5322 §3.6.2), which Exchange Online requires (5.7.512).',
    rules: ['smtp.not-compliant', 'headers.missing-from', 'headers.invalid-address'],
    fix: [
      'Give every message a From: header with one valid address (Name <user@example.org>); check the application or script that builds it.',
    ],
    sources: [NDR],
  },
  {
    id: 'microsoft.tenant-block-list',
    sender: 'Microsoft 365',
    text: /\bblocked by your organization using Tenant Allow Block List\b/i,
    reason: 'policyviolation',
    party: 'sender',
    headline: "Your own organisation's Tenant Allow/Block List blocks this recipient",
    meaning:
      'Someone in your Microsoft 365 organisation sent to an address or domain that your Tenant Allow/Block List blocks (5.7.703); the whole message is refused. Nobody outside decided it.',
    rules: ['smtp.rejected'],
    fix: [
      'Microsoft Defender portal » Policies & rules » Threat policies » Tenant Allow/Block Lists » Domains & addresses: remove the block entry if the recipient is wanted.',
    ],
    sources: [NDR],
  },
  {
    id: 'microsoft.recipient-receive-limit',
    sender: 'Microsoft 365',
    text: /\bRecipient'?s per hour message receive limit\b/i,
    reason: 'speeding',
    party: 'receiver-policy',
    meaning:
      'The recipient received more messages in an hour than Exchange Online allows (from this sender, 5.2.121, or from everyone, 5.2.122): usually an automated mailer flooding one mailbox.',
    rules: ['smtp.rate-limited'],
    fix: ['Send fewer messages per hour to this recipient (batch notifications), and retry later.'],
    transient: true,
    sources: [NDR],
  },
  {
    id: 'microsoft.routing-loop',
    sender: 'Microsoft 365',
    text: /\bRouting loop detected\b/i,
    reason: 'networkerror',
    party: 'sender',
    meaning:
      'Exchange stopped a mail loop (5.4.6 on-premises, 5.4.14 Exchange Online): forwarding rules or connectors send the message back and forth.',
    rules: ['smtp.mail-loop'],
    fix: [
      "Check both sides' forwarding (inbox rules, ForwardingSmtpAddress, transport rules) and the connectors and MX of the domain for a circle.",
    ],
    sources: [NDR],
  },
  {
    id: 'microsoft.bare-lf',
    sender: 'Microsoft 365',
    text: /\bBareLinefeedsAreIllegal\b|\bmessage contains bare linefeeds\b/i,
    reason: 'notcompliantrfc',
    party: 'sender',
    meaning:
      'The message contains bare line feeds (LF without CR), which RFC 5321 forbids in DATA; Exchange refuses them (5.6.11) unless the receiver supports BDAT.',
    rules: ['headers.bare-newline', 'smtp.not-compliant'],
    fix: [
      'Make the program or script that writes the message end every line with CRLF (PHP mail(), a custom SMTP client); Postfix: leave smtpd_forbid_bare_newline on and fix the client.',
    ],
    sources: [NDR, 'RFC 5321 §2.3.8'],
  },
  {
    id: 'microsoft.tls-required-destination',
    sender: 'Microsoft 365 (outbound)',
    text: /\bstarttls-not-supported: Destination mail server must support TLS\b|\bcertificate-expired: Destination mail server'?s certificate is expired\b|\bcertificate-host-mismatch: Remote certificate MUST\b|\btlsa-invalid: The domain failed DANE validation\b/i,
    reason: 'securityerror',
    party: 'recipient',
    headline: "The recipient's mail server fails the TLS its domain requires (DANE/MTA-STS): Exchange Online would not send in clear",
    meaning:
      "Exchange Online, sending, found the destination's TLS broken while the domain demands it (DNSSEC-signed with TLSA records, or MTA-STS): no STARTTLS, an expired certificate, a name mismatch or a TLSA mismatch (5.7.321–5.7.325). The recipient's administrator must fix the server or the records.",
    rules: ['smtp.tls-failed'],
    sources: [NDR],
  },
  {
    // 4.7.5/5.7.5 and 4.4.8/5.4.8: Exchange Online, sending, applies the destination's MTA-STS policy (RFC 8461)
    id: 'microsoft.mta-sts-failed',
    sender: 'Microsoft 365 (outbound)',
    text: /\bRemote certificate failed MTA-STS validation\b|\bMX hosts of \S+ failed MTA-STS validation\b/i,
    reason: 'securityerror',
    party: 'recipient',
    headline: "The recipient domain's MTA-STS policy does not match its own mail servers: Exchange Online would not deliver",
    meaning:
      "The recipient domain publishes an MTA-STS policy (RFC 8461) in enforce mode, and its mail server does not meet it: the certificate does not chain to a trusted CA or does not name the host (4.7.5/5.7.5), or the MX host is not among the policy's mx: lines (4.4.8/5.4.8). The recipient's administrator must fix the certificate, the policy file or the MX.",
    rules: ['smtp.tls-failed'],
    fix: [
      "Tell the recipient's administrator: their https://mta-sts.<domain>/.well-known/mta-sts.txt must list every MX host (mx: lines), and each MX must present a valid certificate for its name; until fixed, mode: testing stops the refusals.",
    ],
    sources: [NDR, 'RFC 8461 (MTA-STS)'],
  },
  {
    id: 'microsoft.journaling-archive-disabled',
    sender: 'Microsoft 365',
    headline: "Your organisation's journal reports to Microsoft 365 are refused: its Journaling Archive is turned off",
    text: /\bJournaling on-premises messages to Microsoft 365 or Office 365 not supported when Journaling Archive is disabled\b/i,
    reason: 'policyviolation',
    party: 'sender',
    meaning:
      'An on-premises journaling rule sends journal reports to Microsoft 365, but the organisation has not turned on Journaling Archive (5.3.190).',
    rules: ['smtp.rejected'],
    fix: [
      'Turn on Journaling Archive for the Microsoft 365 organisation, or point the on-premises journaling rule at another journal mailbox.',
    ],
    sources: [NDR],
  },
  {
    id: 'microsoft.ipv6-ptr',
    sender: 'Microsoft 365',
    text: /\bthe sending IPv6 address \S+ must have a reverse DNS record\b/i,
    reason: 'requireptr',
    party: 'sender',
    meaning: 'Exchange Online takes mail over IPv6 only from addresses with a reverse DNS (PTR) record (5.7.25).',
    rules: ['ptr.missing', 'ptr.mismatch'],
    fix: [
      'Give the sending IPv6 address a PTR record naming your mail server (and make that name resolve back), or send to Microsoft over IPv4.',
    ],
    sources: [NDR, 'https://learn.microsoft.com/defender-office-365/support-for-anonymous-inbound-email-messages-over-ipv6'],
  },
  {
    id: 'microsoft.ipv6-unauthenticated',
    sender: 'Microsoft 365',
    text: /\bmessage sent over IPv6 \S+ must pass either SPF or DKIM validation\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      'Exchange Online takes anonymous mail over IPv6 only when it passes SPF or DKIM (4.7.26); this message passed neither (often: not DKIM-signed).',
    rules: ['spf.fail', 'dkim.missing'],
    fix: ['Sign outgoing mail with DKIM, and list the IPv6 range in SPF (ip6:), or send to Microsoft over IPv4.'],
    sources: [NDR, 'https://learn.microsoft.com/defender-office-365/support-for-anonymous-inbound-email-messages-over-ipv6'],
  },
  {
    id: 'microsoft.send-as-denied',
    sender: 'Microsoft 365',
    text: /SendAsDenied/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'Exchange refused the sender: it may not send as that address (SendAsDenied), or the recipient group accepts mail only from authenticated or listed senders (5.7.12x, 5.7.133).',
    rules: ['smtp.sender-invalid'],
    sources: [NDR],
  },
  {
    id: 'microsoft.5.7.6xx-banned-ip',
    sender: 'Microsoft 365',
    text: /5\.7\.6(?:0[6-9]|[1-4]\d)\b|banned sending IP|Access denied, banned sender/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      "Exchange Online Protection (5.7.606–5.7.649) has the sending IP on Microsoft's own block list, usually after spam was seen from it. Public DNSBLs are a separate matter.",
    rules: ['reputation.blocked', 'dnsbl.listed'],
    fix: [
      'Find out why {ip} sent spam (a compromised account, an open relay, a form mailer) and stop it.',
      'Then ask for removal at https://sender.office.com (enter the address you were sending to and {ip}).',
    ],
    verify: ['After the delisting confirmation, resend and check that the 5.7.6xx refusal is gone.'],
    sources: [NDR, DELIST],
  },
  {
    id: 'microsoft.5.7.64-tenant-attribution',
    sender: 'Microsoft 365',
    text: /5\.7\.64\b|TenantAttribution/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      "Microsoft 365 did not recognise the sending server as one of the tenant's own, so it would not relay to outside recipients: the tenant's inbound connector from your organisation's server identifies it by IP address (SenderIPAddresses) or by TLS certificate name (TlsSenderCertificateName), and this server's public IP or certificate no longer matches — a new internet line or IP, a renewed certificate with another name, or no such connector at all. Reverse DNS, SPF and blocklists are not the cause.",
    rules: ['smtp.relay-denied'],
    fix: [
      "Compare the connector with the sending server: Get-InboundConnector | fl Name,ConnectorType,SenderIPAddresses,TlsSenderCertificateName,RequireTls. The server's current public IP (curl -s https://ifconfig.me on it) must be in SenderIPAddresses, or the certificate it presents must carry the TlsSenderCertificateName.",
      'Update it: Exchange admin center » Mail flow » Connectors (from "Your organization\'s email server"), or Set-InboundConnector "<name>" -SenderIPAddresses <current public IP> (or -TlsSenderCertificateName <name on the certificate>); in a hybrid setup, re-run the Hybrid Configuration Wizard and pick the current certificate.',
      'A device or application with no connector at all: create one for its public IP (Microsoft: "Set up a multifunction device or application to send email", option 3), or let it log in to smtp.office365.com on port 587 instead.',
    ],
    verify: [
      'Get-InboundConnector | fl Name,SenderIPAddresses,TlsSenderCertificateName',
      'Send a test message to an outside address through the same server: it must be accepted (250) at RCPT TO.',
    ],
    sources: ['https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/relay-access-denied-smtp', NDR],
  },
  {
    // Microsoft's NDR reference: 5.7.705 "Access denied, tenant has exceeded threshold" and 5.7.708 "Access
    // denied, traffic not accepted from this IP" — most of the tenant's traffic was judged suspicious and the
    // tenant's sending was banned (a compromised account, a new tenant sending in bulk): the SENDING tenant's
    // reputation, not a recipient or a DNS record
    id: 'microsoft.5.7.708-traffic-not-accepted',
    sender: 'Microsoft 365',
    text: /5\.7\.70[58]\b|tenant has exceeded threshold|traffic not accepted from this IP/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'Exchange Online refuses to send or accept mail from this source (5.7.708). When your own Microsoft 365 tenant wrote the NDR (the "Generating server" is one of your tenant\'s servers), Microsoft has judged most of the tenant\'s outgoing traffic suspicious and banned its sending — typically a compromised account sending spam, a forwarding rule, or a new tenant sending in bulk from the start. When your own server sends to Microsoft 365, the IP has no or a poor reputation with Microsoft.',
    rules: ['reputation.blocked'],
    fix: [
      'If your Microsoft 365 tenant wrote this NDR: look for compromised accounts first — Defender portal » Email & collaboration » Review » Restricted entities (users blocked from sending), the outbound spam alerts, and inbox or forwarding rules you did not create (Get-InboxRule -Mailbox <user>); reset those passwords, revoke their sessions and remove the rules.',
      "Then open a service request with Microsoft support (Microsoft 365 admin center » Support) and ask them to lift the tenant's sending restriction: the delist portal (sender.office.com) does not apply to a tenant's own outbound pool.",
      'If your own server sends to Microsoft 365: check its IP on the blocklists below and request removal at sender.office.com; a new IP needs time and a steady, low volume to earn reputation.',
    ],
    verify: ['Send a test message to an outside address from the affected mailbox; Defender » Restricted entities lists no user of yours.'],
    sources: [NDR, 'https://learn.microsoft.com/defender-office-365/outbound-spam-restore-restricted-users', DELIST],
  },
  {
    // Outlook.com's older refusal codes (Hotmail, Windows Live): SC-00x, DY-00x, OU-00x — each a block of the sending IP,
    // DY-001/OU-001 because it looks dynamic (end-user range)
    id: 'outlook.ou-dy',
    sender: 'Outlook.com',
    text: /\b(?:OU|DY)-00[12]\b/,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'Outlook.com refused the sending IP: DY-001/OU-001 because it looks like a dynamic (end-user) address, DY-002 because the machine looks compromised, OU-002 for its reputation or spam-like mail.',
    rules: ['reputation.blocked', 'ptr.generic'],
    fix: [
      "A dynamic or residential IP: send through your provider's relay (smarthost) instead of delivering directly.",
      'A server IP: give it a PTR naming your mail server, make sure nothing on it sends spam, then ask for delisting at https://sender.office.com.',
    ],
    sources: [OLC, DELIST],
  },
  {
    id: 'microsoft.s3150-block-list',
    sender: 'Outlook.com',
    // (not "some messages from … weren't sent", which opens the RP-00x rate limits)
    text: /\bS3(?:150|140|113|114)\b|part of their network is on our block list|(?<!some )messages from \S+ weren'?t sent/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      "Outlook.com / Hotmail has the sending IP (or its network) on its own block list (S3150, S3140…). It is Microsoft's list, not a public DNSBL.",
    rules: ['reputation.blocked'],
    fix: [
      'Request delisting at https://sender.office.com, and join Microsoft SNDS (sendersupport.olc.protection.outlook.com/snds) to watch the IP.',
    ],
    sources: [OLC, DELIST],
  },
  {
    id: 'microsoft.5.7.515-authentication-level',
    sender: 'Microsoft (Outlook.com)',
    text: /5\.7\.515\b|does not meet the required authentication level/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      'Since 2025 Outlook.com requires high-volume senders to pass SPF and DKIM and to publish DMARC (at least p=none) aligned with the From: domain; 5.7.515 says the message did not.',
    rules: ['dmarc.missing', 'dmarc.fail', 'spf.fail', 'spf.missing', 'dkim.missing', 'dkim.fail'],
    sources: [
      'https://techcommunity.microsoft.com/blog/microsoftdefenderforoffice365blog/strengthening-email-ecosystem-outlook%E2%80%99s-new-requirements-for-high%E2%80%90volume-senders/4399730',
      NDR,
    ],
  },
  {
    id: 'microsoft.5.7.509-dmarc',
    sender: 'Microsoft 365',
    text: /5\.7\.509\b|does not pass DMARC verification/i,
    reason: 'authfailure',
    party: 'sender',
    meaning: "The message failed DMARC and the From: domain's policy is p=reject.",
    rules: ['dmarc.fail', 'spf.fail', 'dkim.fail'],
    sources: [NDR],
  },
  {
    id: 'microsoft.5.4.1-dbeb',
    sender: 'Microsoft 365',
    text: /Recipient address rejected: Access denied\.? ?(?:\[|AS\(20180)|AS\(201806281\)/i,
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'Directory-Based Edge Blocking: the recipient does not exist in the Microsoft 365 tenant (5.4.1).',
    rules: ['smtp.recipient-unknown'],
    sources: [NDR],
  },
  {
    id: 'microsoft.5.1.10-not-found',
    sender: 'Microsoft 365',
    // the reply names the address in between: "Recipient jo@example.com not found by SMTP address lookup"
    text: /5\.1\.10\b|RESOLVER\.ADR\.RecipientNotFound|Recipient (?:\S+ )?not found by SMTP address lookup/i,
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'The recipient address is not in the Microsoft 365 directory.',
    rules: ['smtp.recipient-unknown'],
    sources: [NDR],
  },
  {
    id: 'microsoft.5.7.520-forwarding',
    sender: 'Microsoft 365',
    text: /5\.7\.520\b|does not allow external forwarding/i,
    reason: 'policyviolation',
    // "your organization" is the tenant whose mailbox forwards: the sender of the
    // forwarded copy, not the original sender and not the final recipient
    party: 'sender',
    meaning:
      'A mailbox in your own Microsoft 365 organisation forwards mail automatically to an outside address (an inbox rule, Outlook forwarding, or a transport rule), and the outbound anti-spam policy forbids automatic external forwarding (the default since 2020). The original sender, their SPF, DKIM and IP, and the final recipient have nothing to do with it.',
    rules: ['forwarding.disabled-by-policy'],
    headline: "Your own Microsoft 365 organisation blocked a mailbox's automatic forwarding to an outside address",
    fix: [
      'If the forwarding is wanted: Defender portal » Email & collaboration » Policies & rules » Threat policies » Anti-spam » create a custom outbound spam policy for that mailbox with "Automatic forwarding rules" set to On (PowerShell: New-HostedOutboundSpamFilterPolicy -Name "Allow forwarding" -AutoForwardingMode On, and New-HostedOutboundSpamFilterRule -Name "Allow forwarding" -HostedOutboundSpamFilterPolicy "Allow forwarding" -From <mailbox>). Keep the default policy on Off.',
      'If nobody meant to forward (a rule a phisher planted is common): find and remove it — Get-InboxRule -Mailbox <mailbox> | fl Name,ForwardTo,RedirectTo,ForwardAsAttachmentTo; Get-Mailbox <mailbox> | fl ForwardingSmtpAddress,DeliverToMailboxAndForward — and reset the mailbox password.',
    ],
    verify: [
      'Get-HostedOutboundSpamFilterPolicy | ft Name,AutoForwardingMode',
      'Send a test message to the mailbox and check that the outside address receives the forwarded copy.',
    ],
    sources: [NDR, 'https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding'],
  },
  {
    id: 'microsoft.5.7.750-unregistered-domain',
    sender: 'Microsoft 365',
    text: /5\.7\.750\b|blocked from sending from unregistered domains/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'Microsoft 365 saw a suspicious amount of mail from domains that are not accepted (registered and verified) domains of the sending tenant, and blocked the tenant from sending such mail — often a connector relaying mail of other domains (a hosted application, a forwarding server), or a domain never added to the tenant.',
    headline: 'Microsoft 365 blocked the sending tenant: it sends from domains it has not registered (5.7.750)',
    rules: ['reputation.blocked'],
    fix: [
      'In the Microsoft 365 admin center » Settings » Domains: add and verify every domain the tenant sends from (the sender domains of the refused mail), or stop sending them through this tenant.',
      "If an inbound connector relays other organisations' mail through your tenant (a hosted application, a scanner service), send that mail another way or with your own verified domain as sender.",
      'Then open a service request with Microsoft support to lift the block, if it stays after the domains are verified.',
    ],
    verify: ['Get-AcceptedDomain   (every sender domain listed); a test from each domain to an outside address is delivered'],
    sources: [NDR],
  },
  {
    id: 'microsoft.5.7.57-anonymous',
    sender: 'Microsoft 365',
    text: /5\.7\.57\b|not authenticated to send anonymous mail/i,
    reason: 'securityerror',
    party: 'sender',
    meaning: 'A device or program sent through smtp.office365.com without logging in.',
    rules: ['smtp.auth-required'],
    fix: [
      'Configure the device for SMTP AUTH (smtp.office365.com, port 587, STARTTLS, the mailbox credentials), or use a connector or direct send to the MX.',
    ],
    sources: [NDR],
  },
  {
    // the sender's own mailbox over its sending limits (RecipientRateLimit, MessageRateLimit, 10,000
    // recipients a day): "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException",
    // "5.2.2 Submission quota exceeded" — a sending quota, not anybody's full mailbox
    id: 'microsoft.submission-quota',
    sender: 'Microsoft 365',
    text: /submission quota|SubmissionQuotaExceeded|RecipientRateLimit|MessageRateLimit|reached your daily limit for message recipients/i,
    reason: 'speeding',
    party: 'sender',
    meaning:
      "The sending mailbox went over Exchange Online's sending limits (recipients or messages per day or per minute); it can send again when the window has passed.",
    rules: ['smtp.rate-limited'],
    fix: [
      'Wait: the limit resets within 24 hours. Send bulk mail through a service made for it, not a user mailbox (Exchange Online: 10,000 recipients a day, 30 messages a minute).',
      'If the volume is unexpected, check the account for compromise (a sign-in you do not know, a forwarding or inbox rule).',
    ],
    sources: [
      NDR,
      'https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits#sending-limits',
    ],
  },
  {
    id: 'microsoft.5.2.2-quota',
    sender: 'Microsoft 365',
    text: /5\.2\.2\b.{0,40}mailbox full|mailbox is full|(?<!Submission)QuotaExceeded|Das Postfach des Empfängers ist voll|The recipient's mailbox is full and can't accept messages now|La boîte aux lettres du destinataire est pleine/i,
    reason: 'mailboxfull',
    party: 'recipient',
    meaning: "The recipient's mailbox is full.",
    rules: ['smtp.mailbox-full'],
    sources: [NDR],
  },
  {
    // Exchange's "ExRecipNotFound" and the IMCEAEX address form: the sender's Outlook used a cached internal
    // (X.500 / legacyExchangeDN) address of the recipient — its auto-complete entry — which no longer resolves after
    // the mailbox moved or was recreated; the recipient's mailbox itself may be fine (Microsoft: IMCEAEX NDR)
    id: 'exchange.stale-cached-recipient',
    sender: 'Exchange (NDR text)',
    text: /RESOLVER\.ADR\.ExRecipNotFound|\bIMCEAEX-/i,
    reason: 'userunknown',
    party: 'sender',
    headline:
      "The sender's Outlook used a stale cached address for this recipient (its auto-complete entry), not necessarily a missing mailbox",
    meaning:
      'Exchange could not resolve the recipient because the address Outlook filled in was a cached internal one (an X.500 address, shown as IMCEAEX-… or ExRecipNotFound) that no longer exists, typically after a mailbox was moved, recreated or migrated. Retyping the address, or deleting the suggestion, sends it to the current mailbox.',
    rules: ['smtp.recipient-unknown'],
    fix: [
      "In Outlook, delete the recipient's auto-complete suggestion (the X next to it in the To: list) and type the full address again.",
      'If many people hit it after a migration, the administrator adds the old legacyExchangeDN as an X500 proxy address of the mailbox.',
    ],
    sources: [
      'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/imceaex-ndr (IMCEAEX non-delivery report when you send email to an internal user)',
      'https://hilfe.cloud4you.biz/hosted-exchange/fehlermeldungen-beim-versand-und-empfang-von-mails ("550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found": delete the suggested contact in Outlook)',
    ],
  },
  {
    // Exchange Online's NDR for a message that expired in its queue because the recipient's servers never took
    // the connection (4.4.7 after repeated 4.4.1/4.4.316 attempts): the user-facing sentences are fixed, and a
    // paste often keeps only them, without the technical block under "Diagnostic information for administrators"
    id: 'microsoft.ndr-recipient-system-not-responding',
    sender: 'Exchange Online (NDR text)',
    // (the apostrophes as a paste escapes them: "recipient\'s" in a shell string, "recipient&#39;s" in HTML)
    // (and the NDR's shorter forms of the same sentence: "the recipient's email system couldn't be reached",
    // "The recipient's email system didn't respond")
    text: /\bDespite repeated attempts to contact the recipient\S{1,6}s email system it didn\S{1,6}t respond\b|\btheir email system isn\S{1,6}t accepting connection requests from your email system\b|\bthe recipient\S{1,6}s email system (?:couldn\S{1,6}t be reached|didn\S{1,6}t respond)\b/i,
    reason: 'expired',
    party: 'recipient',
    headline: "The recipient's mail system never answered Exchange Online's connection attempts",
    meaning:
      "Exchange Online tried to connect to the recipient domain's mail servers for its whole retry period and none accepted the connection (down, unreachable, or refusing Microsoft's IPs); the message expired in the queue. Nothing in the sender's message or reputation is judged.",
    rules: ['smtp.connection-failed', 'smtp.delivery-expired'],
    fix: [
      "Tell the recipient by other means: their mail admin must check that the domain's MX hosts are up and accept connections on port 25 from Exchange Online.",
      "If the recipient domain is yours, check its MX records and that each host answers on port 25 (and that no firewall drops Microsoft's outbound IPs).",
    ],
    sources: [
      'https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-4-4-7-in-exchange-online (Fix email delivery issues for error code 4.4.7 in Exchange Online)',
      "https://github.com/forwardemail/free-email-forwarding/issues/142 (the NDR's text as a sender received it: \"Despite repeated attempts to contact the recipient's email system it didn't respond … isn't accepting connection requests from your email system\")",
    ],
  },
  {
    // Exchange Online's NDR sentence when the recipient's provider refused the message for authentication: the
    // user-facing words that stand above (or, in a paste, instead of) the remote server's own reply. Neither SPF
    // nor DKIM (nor DMARC) passed at the recipient's side (RFC 7372 X.7.26 "Multiple authentication checks failed")
    id: 'microsoft.ndr-failed-authentication',
    sender: 'Exchange Online (NDR text)',
    text: /\bdid(?: not|n\S{1,6}t) pass (?:the )?e-?mail authentication checks\b/i,
    reason: 'authfailure',
    party: 'sender',
    headline: "The recipient's provider refused the message because it did not pass SPF, DKIM or DMARC",
    meaning:
      "Exchange Online's notice says the recipient's email provider refused the message for failing its authentication checks: the sending domain's SPF did not authorise the sending server, or no valid DKIM signature aligned with the From: domain, or DMARC failed with a reject policy. The sender's DNS and signing are to fix.",
    rules: ['spf.fail', 'spf.softfail', 'spf.missing', 'dkim.missing', 'dkim.fail', 'dmarc.fail', 'dmarc.missing'],
    sources: [NDR, 'RFC 7372 §3.3 (X.7.26 Multiple authentication checks failed)'],
  },
  {
    // Exchange's resolver names which size limit refused the message: the recipient's own (RecipSizeLimit, the
    // mailbox's MaxReceiveSize), not the sender's server or the organisation's
    id: 'exchange.recip-size-limit',
    sender: 'Exchange (on-premises and Exchange Online)',
    text: /\bRESOLVER\.RST\.RecipSizeLimit\b|\bmessage too large for this recipient\b/i,
    reason: 'mesgtoobig',
    party: 'sender',
    headline: "The message is larger than the recipient's mailbox accepts",
    meaning:
      "Exchange refused the message because it exceeds the maximum receive size set on the recipient's mailbox (MaxReceiveSize). A smaller message goes through; only the recipient's administrator can raise the limit.",
    rules: ['smtp.message-too-large'],
    fix: [
      'Send the attachment another way (a link to a shared file) or split it into smaller messages.',
      "If the recipient needs large messages, their Exchange administrator raises the mailbox's MaxReceiveSize (Set-Mailbox -MaxReceiveSize).",
    ],
    sources: [
      'https://mskb.pkisolutions.com/kb/960775 (Microsoft KB 960775, archived: the NDR "#550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient ##" when a message exceeds the size restrictions)',
      'https://learn.microsoft.com/en-us/archive/blogs/exovoice/the-story-of-message-size-limits-and-remote-mailboxes (MaxReceiveSize: the maximum size of a message that can be sent to the mailbox; larger messages are rejected)',
    ],
  },
  {
    id: 'microsoft.ndr-name-not-recognized',
    sender: 'Exchange (NDR text)',
    // (Exchange 2010's NDR wrote "e-mail", Exchange 2013 and later and Exchange Online write "email")
    text: /RESOLVER\.ADR\.RecipNotFound|recipient name is not recognized|e-?mail account does not exist at the organization|The e-?mail address you entered couldn\S{1,6}t be found|wasn\S{1,6}t found at \S+\./i,
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'Exchange did not find the recipient address in its directory.',
    rules: ['smtp.recipient-unknown'],
    sources: [NDR],
  },
  {
    id: 'outlook.sc-002-004',
    sender: 'Outlook.com',
    text: /\bSC-00[234]\b|\bhas exhibited namespace mining behavior\b|\bA block has been placed against your IP address\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'Outlook.com blocked the sending IP for what it sent: many mails to addresses that do not exist (SC-002, "namespace mining"), or complaints about its mail (SC-004). Microsoft\'s own block, not a public DNSBL.',
    rules: ['reputation.blocked'],
    fix: [
      'Remove addresses that bounce from your lists and stop the source of complaints, then ask for delisting at https://sender.office.com.',
    ],
    sources: [OLC, DELIST],
  },
  {
    id: 'outlook.rp-rate',
    sender: 'Outlook.com',
    text: /\bRP-00[123]\b|\bWe have limits for how many (?:messages can be sent|concurrent connections)/i,
    reason: 'speeding',
    party: 'receiver-policy',
    meaning:
      'Outlook.com limits how many messages per hour and day (RP-001, RP-002) or how many connections at once (RP-003) it takes from one IP; the queue retries and the rest goes out later.',
    rules: ['smtp.rate-limited'],
    fix: [
      'Send to Outlook.com more slowly and with fewer parallel connections (Postfix: a transport for hotmail/outlook domains with a destination concurrency of 2 and a rate delay).',
    ],
    transient: true,
    sources: [OLC],
  },
];
