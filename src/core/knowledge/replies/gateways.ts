// Security gateways' own refusal texts: the filters organisations put in
// front of their mail servers (Fortinet FortiMail/FortiGate, Mimecast with
// Cloudmark CSI, MailChannels, Proofpoint, Hornetsecurity, Cisco Secure Email, Trend Micro,
// Sophos, Broadcom/Symantec Email Security.cloud). A gateway refuses for one of a few kinds, and the
// first step follows the kind, not the vendor:
//
//   - the sending IP is in the vendor's OWN reputation list (FortiGuard "black IP", Cisco SBRS,
//     Proofpoint's ipcheck, Trend Micro ERS, Sophos XGEMAIL_0004): reputation.blocked — the sender
//     asks that vendor to delist, after finding what hurt the IP; no public DNSBL is involved;
//   - the message's content (a URL the vendor rates as spam, a content policy, a macro): smtp.content-rejected;
//   - the sender's authentication (SPF, DMARC, an anti-spoofing policy): the auth steps (smtp.auth-failed offline);
//   - a block list kept by the recipient organisation itself (Mimecast Blocked Senders, Sophos admin
//     or user block list): only the recipient's side can lift it.
//
// Every pattern needs the vendor's own words (its product name, its code or its documented sentence),
// so that another server's similar words are not read as this vendor's. Each entry cites the vendor's
// documentation, or the thread its text was read from.

import type { ReplyKnowledge } from './types';

const MIMECAST_SRC = [
  'https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754 (Mimecast: SMTP error codes)',
  'https://mimecastsupport.zendesk.com/hc/en-us/articles/34000709564691-Policies-Mimecast-SMTP-Error-Codes',
];
const SOPHOS_SRC = [
  'https://docs.sophos.com/central/customer/help/en-us/ManageYourProducts/EmailSecurity/SMTPErrorCodes/index.html (Sophos Email: SMTP error codes XGEMAIL_0001–0015)',
];
const TREND_SRC = [
  'https://success.trendmicro.com/solution/1097055-frequently-asked-questions-faqs-about-messages-blocked-by-email-reputation-services-ers',
  'https://success.trendmicro.com/solution/1056643-valid-emails-are-blocked-by-the-email-reputation-feature-of-worry-free-business-security-wfbs',
  'https://docs.trendmicro.com/en-us/documentation/article/deep-discovery-email-inspector-51-online-help-smtp-error-codes',
];

/**
 * The recipient organisation's own block list: nothing the sender changes in DNS or on its server lifts it. Such an
 * entry (an administrator's or a user's blocked-senders list) is the recipient side's choice, not a finding about the
 * sender's IP or domain, so its entries lead with smtp.rejected ("the receiver refused you"), as Microsoft's customer
 * block list and the personal block lists do (filters.ts), not with reputation.blocked, whose advice repairs a reputation.
 */
const RECIPIENT_BLOCK_FIX = [
  "Ask the recipient by other means (phone, another address) to have their mail administrator remove your address, domain or IP from the gateway's block list (or the recipient from their personal blocked senders).",
  'Nothing in your DNS, IP or message changes it: the block is a setting of the recipient organisation.',
];

export const GATEWAY_REPLIES: ReplyKnowledge[] = [
  // ---- Fortinet (FortiMail, FortiGate with FortiGuard AntiSpam) ----
  {
    // FortiGuard AntiSpam checks the client's IP against Fortinet's own IP reputation database ("black IP"),
    // and URLs and checksums against its signature database: only the IP wording is a reputation block
    id: 'fortiguard.ip-reputation',
    sender: 'FortiMail / FortiGate (FortiGuard AntiSpam)',
    text: /FortiGuard[\w -]{0,20}Anti-?Spam[^\n]{0,40}\bblack ?IP\b|\bblack ip\b[^\n]{0,80}FortiGuard|FortiGuard[^\n]{0,60}\bIP (?:reputation|address check)\b|\bIP reputation\b[^\n]{0,40}FortiGuard|FortiGuard[\w -]{0,20}Anti-?Spam[- ]IP\b/i,
    reason: 'blocked',
    party: 'sender',
    headline: "The receiver's Fortinet filter refused the sending IP: FortiGuard's own IP reputation list has it",
    meaning:
      "The receiver's FortiMail or FortiGate looked the connecting IP up in FortiGuard's IP reputation database (Fortinet's own list, not a public DNSBL) and found it listed as a spam source. The message's content was not the reason.",
    rules: ['reputation.blocked'],
    fix: [
      'Look {ip} up at https://www.fortiguard.com/antispam and request its removal there (FortiGuard AntiSpam delisting), after finding and stopping what sent spam from it.',
      'If {ip} is a shared address of your provider, ask the provider to request the delisting.',
    ],
    verify: ['https://www.fortiguard.com/antispam   (the IP must show as not listed)'],
    sources: [
      'https://docs.fortinet.com/document/fortigate/6.0.0/handbook/854605 (FortiGuard Anti-Spam: sender IP reputation database, signature database)',
      'https://www.fortiguard.com/antispam (FortiGuard AntiSpam IP lookup and delisting)',
      'https://www.linuxmaster.jp/linux_blog/2020/05/fortiguard.html ("554 5.7.1 This message has been blocked because it is from a FortiGuard - AntiSpam black IP address")',
    ],
  },
  {
    // FortiMail's content verdicts name the URL or the category that matched: "The email message was detected
    // as spam. FortiGuard AntiSpam(SPAM URL: …)", "FortiGuard WebFilter(<url> (<category>))", "… contains
    // FortiGuard - AntiSpam blocking URL(s)". The IP in "This email from IP x has been rejected" only says
    // who sent it
    id: 'fortiguard.content',
    sender: 'FortiMail / FortiGate (FortiGuard AntiSpam, WebFilter)',
    text: /FortiGuard[\w -]{0,20}(?:Anti-?Spam|Web ?Filter)\s*\((?!\s*(?:black ?)?IP\b)|FortiGuard[\w -]{0,20}Anti-?Spam blocking URL|FortiGuard[^\n]{0,40}\b(?:spam|phishing) URL|detected as spam\.?\s*FortiGuard/i,
    reason: 'spamdetected',
    party: 'sender',
    headline:
      "The receiver's Fortinet filter refused the message for its content: a link (URL) or signature FortiGuard rates as spam, phishing or malicious",
    meaning:
      'FortiGuard rated something inside the message — usually a link, sometimes a whole-message checksum — as spam, phishing or malware. The sending IP was not the reason: the same message without that link goes through.',
    rules: ['smtp.content-rejected'],
    fix: [
      'Find the URL the refusal names (or every link of the message) and look it up at https://www.fortiguard.com/webfilter; if it is rated wrongly, request a review there.',
      'Send without the link (or with a link to a domain in good standing) meanwhile.',
    ],
    sources: [
      'https://community.fortinet.com/t5/FortiMail/Troubleshooting-Tip-Email-is-reject-with-the-error-message-This/ta-p/410082 (FortiMail: "detected as spam. FortiGuard AntiSpam(SPAM URL…)")',
      'https://community.fortinet.com/fortimail-26/troubleshooting-tip-email-is-rejected-with-the-error-message-this-email-from-ip-xxx-xxx-xxx-xxx-has-been-rejected-the-email-message-was-detected-as-spam-fortiguard-antispam-or-fortiguard-webfilter-213791',
    ],
  },

  // ---- Mimecast (its published SMTP error codes) ----
  {
    id: 'mimecast.envelope-blocked',
    sender: 'Mimecast',
    // administrative and personal blocked-senders policies, by envelope or header From
    text: /\bAdministrative prohibition - envelope blocked\b|\bEnvelope blocked - User (?:Domain )?Entry\b|\bRejected by header[- ]based (?:Manually )?Blocked Senders\b|\bEnvelope rejected - Block policy for Envelope From\b|\bBlock policy for (?:Header|Envelope) From\b|\bPolicy level block list in force\b/i,
    reason: 'rejected',
    party: 'recipient',
    headline: "The recipient organisation's Mimecast blocked-senders policy names this sender",
    meaning:
      "A Blocked Senders policy of the recipient organisation (set by its administrator, or a recipient's own Managed Senders entry) refuses this sender's address or domain. It is the recipient side's choice, not a reputation or DNS finding.",
    rules: ['smtp.rejected'],
    fix: RECIPIENT_BLOCK_FIX,
    sources: MIMECAST_SRC,
  },
  {
    id: 'mimecast.sender-address-blocked',
    sender: 'Mimecast',
    // "421 Sender address blocked": Mimecast's words for an IP a Blocked Senders policy names; the words are
    // common, so only with Mimecast's own link or name beside them
    text: /\bSender address blocked\b[^\n]{0,160}\bmimecast\b|\bmimecast\b[^\n]{0,160}\bSender address blocked\b/i,
    reason: 'blocked',
    party: 'recipient',
    headline: "The recipient organisation's Mimecast policy blocks the sending IP",
    meaning: 'Mimecast documents this reply for a sending IP that a Blocked Senders policy of the recipient organisation names.',
    rules: ['smtp.rejected'],
    fix: RECIPIENT_BLOCK_FIX,
    sources: MIMECAST_SRC,
  },
  {
    id: 'mimecast.ip-temporarily-blacklisted',
    sender: 'Mimecast',
    text: /\bIP temporarily blacklisted\b/i,
    reason: 'blocked',
    party: 'sender',
    headline: 'Mimecast put the sending IP on its block list for a while: too many invalid connections or recipients from it',
    meaning:
      "Mimecast blocks an IP for a few minutes after too many invalid connections from it (unknown recipients, too many concurrent connections). It is Mimecast's own short block, not a public DNSBL.",
    rules: ['reputation.blocked'],
    fix: [
      'Let the queue retry later; meanwhile find what made the invalid connections (a list with dead addresses, many parallel connections) and stop it.',
    ],
    transient: true,
    sources: MIMECAST_SRC,
  },
  {
    // Mimecast's code table: "Unable to process connection at this time" — the Mimecast server is under maximum
    // load; the sending server's retries get through once it has resources again
    id: 'mimecast.server-busy',
    sender: 'Mimecast',
    text: /\bUnable to process connection at this time\b/i,
    codes: [0, 421, 450, 451, 452],
    reason: 'systemfull',
    party: 'recipient',
    headline: "The recipient's Mimecast gateway is overloaded and deferred the connection; a retry gets through",
    meaning:
      "Mimecast documents this reply for its server being under maximum load: nothing about the sender or the message was judged, and the sending server's queue delivers on a later attempt.",
    rules: ['smtp.rejected'],
    fix: ['Nothing on your side: your server retries on its own. Only if it lasts for hours, tell the recipient by other means.'],
    transient: true,
    sources: MIMECAST_SRC,
  },
  {
    // an anti-spoofing policy refuses mail from outside whose From: (or envelope) names the recipient
    // organisation's own domain: a service sending as that domain without being authorised by its SPF/DKIM,
    // or a message forwarded back in. The sender's authentication is what to fix (or an exception)
    id: 'mimecast.anti-spoofing',
    sender: 'Mimecast',
    text: /\bRejected by header[- ]based Anti-Spoofing policy\b|\bAnti-Spoofing policy\b/i,
    // (sisimai's reason for it is policyviolation: the policy refused it; the step is the authentication to fix)
    reason: 'policyviolation',
    party: 'sender',
    headline:
      "Mimecast refused the message as spoofed: it names the recipient organisation's own domain as sender, but came from a server that domain does not authorise",
    meaning:
      "Mimecast's Anti-Spoofing policy refuses inbound mail whose sender (From: or envelope) is one of the recipient organisation's own domains when it arrives from outside. Typical causes: a web site, CRM or mailing service sending as that domain without being in its SPF record or signing with its DKIM key, or a message forwarded back into the organisation.",
    rules: ['smtp.auth-failed', 'spf.fail', 'dmarc.fail'],
    fix: [
      "If a service sends as the organisation's domain: add the service to that domain's SPF record and have it sign with the domain's DKIM key (the steps below check the domain).",
      "Then ask the organisation's Mimecast administrator for an Anti-Spoofing policy exception (take no action) for that service's IP or sending address; mail sent from outside as the own domain stays refused without it.",
      'If the message was forwarded into the organisation, the forwarder must rewrite the envelope sender (SRS) or the administrator must except the forwarding server.',
    ],
    sources: [
      ...MIMECAST_SRC,
      'https://www.suped.com/knowledge/email-deliverability/troubleshooting/why-are-emails-bouncing-with-mimecast-anti-spoofing-policy-and-how-to-fix',
    ],
  },
  {
    id: 'mimecast.content-examination',
    sender: 'Mimecast',
    text: /\bMessage bounced due to Content Examination policy\b/i,
    reason: 'policyviolation',
    party: 'sender',
    headline:
      "The recipient organisation's Mimecast content policy refused the message: words, an attachment or its type matched a Content Examination rule",
    meaning:
      'A Content Examination policy of the recipient organisation matched something in the message (words, an attachment type, a file). The sending server and its DNS were not judged.',
    rules: ['smtp.content-rejected'],
    fix: [
      'Send it without the part that matched (the attachment, a type of file, the words); or ask the recipient to have their Mimecast administrator add a Content Examination Bypass for you.',
    ],
    sources: MIMECAST_SRC,
  },
  {
    id: 'mimecast.security-policies',
    sender: 'Mimecast',
    text: /Email rejected due to security policies/i,
    reason: 'virusdetected',
    party: 'receiver-policy',
    meaning:
      "Mimecast found a signature in the message: a virus, or a spam score over its maximum threshold (Mimecast's own description of this refusal); the administrators of the recipient organisation can look it up in their Message Center.",
    rules: ['smtp.content-rejected'],
    sources: [
      'https://community.mimecast.com/s/article/email-security-cloud-gateway-mimecast-smtp-error-codes (Mimecast SMTP error codes: 554 "Email rejected due to security policies")',
    ],
  },
  {
    // Cloudmark Sender Intelligence (CSI), the reputation data Mimecast ("csi.mimecast.org Poor Reputation
    // Sender") and many providers' gateways query: the IP's reputation at Cloudmark, reset at Cloudmark
    id: 'cloudmark.csi',
    sender: 'Cloudmark Sender Intelligence (queried by Mimecast and other gateways)',
    text: /\bcsi\.(?:cloudmark\.com|mimecast\.org)\b|\bCloudmark (?:CSI|Sender Intelligence|Poor Reputation)\b|\bPoor Reputation Sender\b/i,
    reason: 'badreputation',
    party: 'sender',
    headline: 'The receiver refused the sending IP for its poor reputation at Cloudmark Sender Intelligence (CSI)',
    meaning:
      "Cloudmark's CSI scores IPs by the spam it sees from them; Mimecast and many providers' gateways refuse an IP it rates poor. The reputation is Cloudmark's, reset at Cloudmark, not at the receiver.",
    rules: ['reputation.blocked'],
    fix: [
      'Look {ip} up and request a reset at https://csi.cloudmark.com/en/reset/, after stopping what sent spam from it (a compromised account, a form, a list with dead addresses).',
    ],
    verify: ['https://csi.cloudmark.com/en/reset/   (the lookup must show no poor reputation)'],
    sources: [
      'https://csi.cloudmark.com/en/reset/ (Cloudmark Sender Intelligence: lookup and reset request)',
      'https://github.com/zone-eu/zone-mta/blob/master/config/bounces.txt ("550 csi.mimecast.org Poor Reputation Sender", "csi.cloudmark.com/reset-request")',
    ],
  },
  {
    id: 'mimecast.reputation-block',
    sender: 'Mimecast',
    text: /mimecast.{0,60}(?:reputation|block)/i,
    reason: 'blocked',
    party: 'sender',
    meaning: "Mimecast's reputation checks or a blocked-senders policy refused the sending IP.",
    rules: ['reputation.blocked'],
    sources: [
      'https://community.mimecast.com/s/article/email-security-cloud-gateway-mimecast-smtp-error-codes (Mimecast SMTP error codes)',
    ],
  },

  // ---- MailChannels (outbound relay of hosting providers, and inbound filtering) ----
  {
    // outbound: the hosting provider's relay checks the sender domain's SPF for the relay itself ("[BFD] Sender
    // prohibited by SPF": a form or list sending as a gmail.com or other domain that does not authorise the host);
    // inbound: the recipient domain's filter refusing mail its sender domain's SPF fails
    id: 'mailchannels.spf',
    sender: 'MailChannels',
    text: /\bSender prohibited by SPF\b|\bEmail has been rejected due to the domain's SPF policy\b/i,
    reason: 'authfailure',
    party: 'sender',
    headline: "MailChannels refused the sender: the sender domain's SPF does not authorise the server that sent it",
    meaning:
      "MailChannels checks the SPF record of the envelope sender's domain. Mail sent as an address of a domain that does not list the sending host (a web form or mailing list on a shared host sending as a gmail.com or yahoo.com address, or as a domain whose SPF lacks the host's relay) is refused before any recipient sees it.",
    rules: ['spf.fail'],
    fix: [
      "Send from an address of a domain you control and add the host's relay to its SPF record (for MailChannels: include:relay.mailchannels.net); never send as a gmail.com, yahoo.com or other mailbox provider's address from a web host — put that address in Reply-To instead.",
    ],
    sources: [
      'https://docs.mailchannels.com/outbound/smtp-errors',
      'https://docs.mailchannels.com/inbound/smtp-errors ("550 5.7.1 Email has been rejected due to the domain\'s SPF policy")',
    ],
  },
  {
    id: 'mailchannels.inbound-attachment',
    sender: 'MailChannels Inbound Filtering',
    text: /\[IB_FEB\]|\bcontained an attachment type that is not allowed\b/i,
    reason: 'policyviolation',
    party: 'sender',
    meaning: "The recipient domain's MailChannels filter does not accept the message's attachment type.",
    rules: ['smtp.content-rejected'],
    sources: ['https://docs.mailchannels.com/inbound/smtp-errors ("[IB_FEB] … attachment type that is not allowed")'],
  },
  {
    id: 'mailchannels.inbound-blocked',
    sender: 'MailChannels Inbound Filtering',
    text: /\[S10\] Blocked\b/i,
    reason: 'blocked',
    party: 'sender',
    headline: 'MailChannels blocked the sending IP for the recipient domain',
    meaning:
      'MailChannels Inbound Filtering documents "[S10] Blocked" as the connecting IP being blocked by MailChannels; the sender asks MailChannels support to review the block.',
    rules: ['reputation.blocked'],
    sources: ['https://docs.mailchannels.com/inbound/smtp-errors ("550 [S10] Blocked")'],
  },

  // ---- Proofpoint ----  // ---- Proofpoint ----
  {
    id: 'proofpoint.ipcheck',
    sender: 'Proofpoint',
    text: /ipcheck\.proofpoint\.com|proofpoint.{0,40}(?:block|reputation)/i,
    reason: 'blocked',
    party: 'sender',
    meaning: "Proofpoint's reputation service blocks the sending IP (Proofpoint Dynamic Reputation).",
    rules: ['reputation.blocked'],
    fix: ['Check the IP and ask for removal at https://ipcheck.proofpoint.com/.'],
    sources: [
      'https://ipcheck.proofpoint.com/ (Proofpoint IP reputation lookup and delist request)',
      'https://www.proofpoint.com/us/postmaster',
    ],
  },

  {
    // Proofpoint Essentials' SMTP Discovery learns which recipients the customer's own server refuses and then refuses
    // them itself: "Recipient address rejected: User email address is marked as invalid" (5.7.1, but an address the
    // recipient's domain does not have — or one wrongly left on the Discovery invalid list)
    id: 'proofpoint-essentials.recipient-marked-invalid',
    sender: 'Proofpoint Essentials (and services built on it)',
    text: /\bUser email address is marked as invalid\b/i,
    reason: 'userunknown',
    party: 'recipient',
    headline: "The recipient's address is unknown to their filter: Proofpoint Essentials has it on its list of invalid addresses",
    meaning:
      "With SMTP Discovery on, Proofpoint Essentials records the recipients the organisation's own mail server refused and refuses them itself from then on. The reply's 5.7.1 is no policy finding about the sender: the address does not exist there — or existed too late for the list, which the recipient's administrator clears.",
    rules: ['smtp.recipient-unknown'],
    fix: [
      'Check the recipient address for typos and ask the recipient by other means for the right one.',
      "If the address is right, the recipient's administrator must remove it from the SMTP Discovery invalid list in Proofpoint Essentials (or add it as a user there).",
    ],
    sources: [
      'https://www.spambrella.com/faq/email-delivery-error-codes/ (Spambrella, on Proofpoint Essentials: "550 5.7.1 : Recipient address rejected: User email address is marked as invalid" — SMTP Discovery enabled and the user on the SMTP Discovery Invalid list)',
    ],
  },

  // ---- Hornetsecurity (formerly antispameurope; cloud-security.net) ----
  {
    id: 'hornetsecurity.ip-reputation',
    sender: 'Hornetsecurity',
    text: /\bcloud-security\.net\/unblock\b|\bhornetsecurity\b[^\n]{0,80}\b(?:reputation|block(?:ed|list)?|black ?list(?:ed)?)\b/i,
    reason: 'badreputation',
    party: 'sender',
    headline: "The receiver's Hornetsecurity filter refused the sending IP for its bad reputation there",
    meaning: 'Hornetsecurity keeps its own IP reputation and names its unblock page in the refusal; the message was not read.',
    rules: ['reputation.blocked'],
    fix: [
      'Request the unblock at the cloud-security.net/unblock address the refusal names, after finding what hurt the IP (spam sent from it, a compromised account).',
    ],
    sources: [
      'https://github.com/zone-eu/zone-mta/pull/186 (Hornetsecurity, formerly antispameurope, uses cloud-security.net: "554 5.5.4 Your IP … address has a bad reputation. To unblock visit http://cloud-security.net/unblock?…")',
    ],
  },

  // ---- Cisco Secure Email (IronPort ESA) ----
  {
    // the ESA's default reject text for a HAT BLOCKED sender group (SenderBase/Talos reputation score, SBRS)
    id: 'cisco.sbrs',
    sender: 'Cisco Secure Email (IronPort)',
    // (Exim and other servers copy the sentence after their own DNSBL hit — "… is in an RBL: Your access …
    // poor reputation": then the list named is the finding, not Cisco's score)
    text: /(?<!\b(?:RBL|DNSBL|listed|blocked using)\b[^\n]{0,160})\bsending MTA'?s poor reputation\b|\bSenderBase Reputation Score\b|\brejected by sender[- ]based reputation\b|\bSBRS\b[^\n]{0,40}\b(?:reject|block|poor|score)/i,
    reason: 'badreputation',
    party: 'sender',
    headline: "The receiver's Cisco gateway refused the sending IP for its poor Talos (SenderBase) reputation score",
    meaning:
      "Cisco's Email Security Appliance scores every connecting IP with Talos' SenderBase Reputation Score and refuses the connection when the score is in the receiver's BLOCKED range. It is Cisco's own reputation data, not a public DNSBL; the message was not read.",
    rules: ['reputation.blocked'],
    fix: [
      'Look {ip} up at https://talosintelligence.com/reputation_center and open a reputation ticket there if its score is Poor, after finding what sent spam from it (a compromised account, a form, an open relay).',
      "Check the IP's reverse DNS: Talos scores IPs without a matching PTR worse.",
    ],
    verify: ['https://talosintelligence.com/reputation_center   (Email reputation: Neutral or Good)'],
    sources: [
      'https://cisco.com/c/en/us/support/docs/security/email-security-appliance/200436-Identify-and-allow-poor-SenderBase-Reput.html',
    ],
  },
  {
    // the ESA's default SPF reject text (AsyncOS "Reject text: #5.7.1 SPF unauthorized mail is prohibited.")
    id: 'cisco.spf-prohibited',
    sender: 'Cisco Secure Email (IronPort)',
    text: /\bSPF unauthori[sz]ed mail is prohibited\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning: "The receiver's Cisco gateway checked SPF for the sender domain and the sending IP is not authorised by it.",
    rules: ['spf.fail'],
    sources: [
      'https://manualsbrain.com/it/manuals/1649627/?page=293 (Cisco IronPort AsyncOS 7.1 Advanced Configuration Guide: SPF reject text)',
    ],
  },

  // ---- Trend Micro (Email Reputation Services, Hosted Email Security, IMSVA) ----
  {
    // the Advanced level of ERS: an IP in the DYNAMIC reputation database (a server that sent a burst of spam lately,
    // often a compromised account) is deferred with 450, not refused: the listing expires and the queue's retry passes
    id: 'trendmicro.ers-dynamic',
    sender: 'Trend Micro Email Reputation Services (ERS, dynamic reputation)',
    text: /\bdenial of connection \(450\) for Zombie matches\b/i,
    reason: 'blocked',
    party: 'sender',
    headline: "The receiver's Trend Micro filter deferred the sending IP: Trend Micro's dynamic reputation database lists it for now",
    meaning:
      "Trend Micro's ERS answers 450 (try again later) for an IP in its dynamic reputation database: one that sent a burst of spam lately, typically from a compromised account or form. The listing expires on its own; until then the receiver defers the mail, and a legitimate server's queue delivers it once the IP is no longer listed.",
    rules: ['reputation.blocked'],
    fix: [
      'Find and stop what sent spam from {ip} (a compromised mailbox password, a web form, a script), so that the listing lapses; the queue retries on its own meanwhile.',
      'Look {ip} up at https://ers.trendmicro.com/ to see the listing and its kind.',
    ],
    verify: ['https://ers.trendmicro.com/   (the IP must show as not listed)'],
    transient: true,
    sources: [
      'https://docs.trendmicro.com/en-us/documentation/article/deep-discovery-email-inspector-51-online-help-smtp-error-codes ("Temporary denial of connection (450) for Zombie matches (ERS)")',
      'https://docs.trendmicro.com/en-us/enterprise/email-reputation-services-online-help/getting-started_001/configuring-email-re/configuring-your-mta.aspx (Advanced: 450 for the dynamic reputation database)',
    ],
  },
  {
    id: 'trendmicro.ers',
    sender: 'Trend Micro Email Reputation Services (ERS)',
    text: /\bTrend Micro (?:Email Reputation|RBL\+|ERS\b|Dynamic User List|QIL\b|DUL\b)|\bblocked by the recipient OR by Trend Micro\b|\bERS-(?:QIL|DUL|RBL)\b|\bmail-abuse\.com\/cgi-bin\/lookup|\brefused by rbl-plus\.mail-abuse\.(?:org|com)\b|\bmail-abuse\.(?:org|com)\/rbl\+?(?![\w.])|\bdenial of connection \(\d{3}\) for (?:RBL\+|Zombie) matches \(ERS\)/i,
    reason: 'blocked',
    party: 'sender',
    headline: "The receiver's Trend Micro filter refused the sending IP: Trend Micro's Email Reputation Services list it",
    meaning:
      "Trend Micro's ERS keeps its own lists of IPs: RBL+ (spam sources), QIL (IPs sending a sudden burst of spam), and DUL (addresses that look dynamic: no static-looking reverse DNS). The receiver refused the connecting IP because one of them has it; the message was not read.",
    rules: ['reputation.blocked'],
    fix: [
      'Look {ip} up at https://ers.trendmicro.com/ and request its removal there, after stopping whatever sent spam from it.',
      "If it is on the Dynamic User List, the IP's owner must give it a static-looking reverse DNS name (mail.<your domain>, not one with the IP's digits or 'dynamic') or state in WHOIS that the range is static; or send through the provider's relay.",
    ],
    verify: ['https://ers.trendmicro.com/   (the IP must show as not listed)'],
    sources: TREND_SRC,
  },
  {
    // Deep Discovery Email Inspector answers a sender its Sender Filtering/Authentication refused with one text for
    // all of its checks: directory harvest (DHA) and bounce attack protection, SMTP traffic throttling, SPF, DKIM,
    // DMARC — 421 "Block temporarily", 521 "Block permanently"; the receiver's DDEI log names the check
    id: 'trendmicro.ddei-sender-filtering',
    sender: 'Trend Micro Deep Discovery Email Inspector',
    text: /\bBlock (?:temporarily|permanently) \(Sender Filtering\/Authentication\)/i,
    reason: 'blocked',
    party: 'sender',
    headline:
      "The recipient's Trend Micro gateway (DDEI) refused the sender in its Sender Filtering/Authentication checks: authentication (SPF, DKIM, DMARC), sending rate, or mail to many unknown addresses",
    meaning:
      'Trend Micro documents these replies of Deep Discovery Email Inspector for a sender refused by its Sender Filtering/Authentication settings: Directory Harvest Attack and bounce attack protection, SMTP traffic throttling, SPF, DKIM and DMARC. The reply does not say which; the receiver\'s administrator sees it in the DDEI logs.',
    rules: ['smtp.auth-failed', 'smtp.rate-limited'],
    fix: [
      "Check the sender domain's SPF, DKIM and DMARC for the sending server (the steps below), slow the sending down if it sends many messages at once, and clean a list with many dead addresses.",
      "If all of that is in order, ask the recipient's administrator which check refused you (the DDEI log) and to except your server.",
    ],
    sources: [
      'https://docs.trendmicro.com/en-us/documentation/article/deep-discovery-email-inspector-51-online-help-smtp-error-codes (DDEI: "421 Block temporarily (Sender Filtering/Authentication)", "521 Block permanently …")',
    ],
  },
  {
    // InterScan Messaging Security (IMSS/IMSVA) refuses a recipient whose domain is not in its Relay Domains list
    // (SMTP Routing → Message Rule): the recipient organisation's gateway is not set up for that domain
    id: 'trendmicro.imss-relay-domain',
    sender: 'Trend Micro InterScan Messaging Security',
    text: /\bDomain of forward-path is not allowed\b/i,
    reason: 'norelaying',
    party: 'recipient',
    headline: "The recipient's Trend Micro gateway (IMSS) does not accept mail for the recipient's domain: it is missing from its relay domains",
    meaning:
      "Trend Micro documents this reply of InterScan Messaging Security for a recipient whose domain is not in the gateway's Relay Domains list. The gateway the recipient's MX points at is not set up for that domain; nothing about the sender was judged.",
    rules: ['smtp.relay-denied'],
    fix: [
      "Tell the recipient by other means: their administrator must add the domain to the Relay Domains list of their IMSS (Administration → IMSS Configuration → SMTP Routing → Message Rule).",
      'If this is your own IMSS refusing mail for one of your domains: add the domain there yourself.',
    ],
    sources: [
      'https://success.trendmicro.com/dcx/s/solution/1106332 ("550 Domain of forward-path is not allowed" error message appears when sending mails in InterScan Messaging Security)',
    ],
  },

  // ---- Sophos Email (Central) ----
  {
    id: 'sophos.reputation',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_000[45]\b/,
    reason: 'blocked',
    party: 'sender',
    headline: "The receiver's Sophos Email refused the sender: its IP failed an RBL test, or its domain a DBL test",
    meaning:
      'Sophos Email documents XGEMAIL_0004 as the sender IP failing an RBL test and XGEMAIL_0005 as the sender domain failing a domain blocklist (DBL) test.',
    rules: ['dnsbl.listed', 'reputation.blocked'],
    sources: SOPHOS_SRC,
  },
  {
    id: 'sophos.auth',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_000[123]\b/,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      'Sophos Email documents XGEMAIL_0001 (no valid DKIM signature), XGEMAIL_0002 (SPF check failed) and XGEMAIL_0003 (DMARC check failed).',
    rules: ['dmarc.fail', 'spf.fail', 'dkim.fail'],
    sources: SOPHOS_SRC,
  },
  {
    id: 'sophos.block-list',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_000[89]\b/,
    reason: 'rejected',
    party: 'recipient',
    headline: "The recipient organisation's Sophos Email block list names this sender (its domain, IP or address)",
    meaning: 'Sophos Email documents XGEMAIL_0008 (in the admin block list) and XGEMAIL_0009 (in the user block list).',
    rules: ['smtp.rejected'],
    fix: RECIPIENT_BLOCK_FIX,
    sources: SOPHOS_SRC,
  },
  {
    // XGEMAIL_0011 comes as "550 5.7.1 XGEMAIL_0011 Command rejected": the 5.7.1 and the words read as a policy
    // refusal, but Sophos' table gives it as an address that does not exist in the protected domain
    id: 'sophos.recipient-unknown',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_0011\b/,
    reason: 'userunknown',
    party: 'recipient',
    headline: "The recipient's address does not exist: Sophos Email, in front of the recipient's domain, has no such mailbox",
    meaning:
      'Sophos Email documents XGEMAIL_0011 as the recipient\'s address not existing in the domain it protects (its list of mailboxes, synchronised from the organisation\'s directory). The reply\'s "5.7.1 Command rejected" is not a policy finding about the sender.',
    rules: ['smtp.recipient-unknown'],
    fix: [
      'Check the recipient address for typos and ask the recipient by other means for the right one.',
      "If the address is right, the recipient's administrator must add it (or its alias) to the mailboxes in Sophos Central (Email Protection → Mailboxes, or their directory synchronisation).",
    ],
    sources: SOPHOS_SRC,
  },
  {
    // the recipient's domain sends its mail (MX) to Sophos Email, but is not (or no longer) a domain of any
    // Sophos Email account: the recipient organisation's configuration, not the sender's
    id: 'sophos.domain-not-protected',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_0010\b/,
    reason: 'norelaying',
    party: 'recipient',
    headline: "The recipient's domain points its mail at Sophos Email, but Sophos does not protect (accept mail for) that domain",
    meaning:
      "Sophos Email documents XGEMAIL_0010 as the recipient's domain not being a Sophos Email protected domain: its MX records name Sophos' servers while no Sophos Email account has the domain set up (a new domain not yet added, or an account that ended with the MX left behind).",
    rules: ['smtp.relay-denied'],
    fix: [
      "Tell the recipient by other means: their administrator must add and verify the domain in Sophos Central (Email Protection → Domains), or point the domain's MX records back at their own mail server.",
      'Nothing on your side sends it through meanwhile.',
    ],
    sources: SOPHOS_SRC,
  },
  {
    id: 'sophos.license-expired',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_0007\b/,
    reason: 'systemerror',
    party: 'recipient',
    headline: "The recipient organisation's Sophos Email licence has expired: its filter refuses all mail for it",
    meaning:
      "Sophos Email documents XGEMAIL_0007 as a message refused because the recipient organisation's licence has expired. Nothing about the sender or the message was judged.",
    rules: ['smtp.rejected'],
    fix: [
      'Tell the recipient by other means: their administrator must renew the Sophos Email licence, or point the domain\'s MX records away from Sophos.',
    ],
    sources: SOPHOS_SRC,
  },
  {
    // the recipient's Sophos policy demands a TLS version ("Preferred TLS 1.3", "TLS 1.2") and the sending server
    // did not use it (offered no STARTTLS at all, or an older version)
    id: 'sophos.tls-version',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_0006\b/,
    reason: 'securityerror',
    party: 'sender',
    headline: "The recipient's Sophos Email requires TLS (a set version) from senders, and the sending server did not use it",
    meaning:
      "Sophos Email documents XGEMAIL_0006 as the TLS version of the connection not matching the version the recipient organisation's policy requires. A sending server that does not use STARTTLS at all, or only TLS 1.0/1.1, is refused.",
    rules: ['smtp.tls-failed'],
    fix: [
      'Make the sending server use STARTTLS with TLS 1.2 or later when the receiver offers it (Postfix: smtp_tls_security_level = may and smtp_tls_protocols = >=TLSv1.2; Exchange: TLS 1.2 enabled in Schannel).',
      "If the recipient's policy demands TLS 1.3 and the sending server cannot do it, ask the recipient's administrator to accept TLS 1.2 for your domain.",
    ],
    verify: ['openssl s_client -starttls smtp -connect {server}:25 -tls1_2 </dev/null   (the handshake must succeed)'],
    sources: SOPHOS_SRC,
  },
  {
    id: 'sophos.size',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_0012\b/,
    reason: 'mesgtoobig',
    party: 'sender',
    meaning: "Sophos Email documents XGEMAIL_0012 as the message exceeding the size the recipient organisation allows.",
    rules: ['smtp.message-too-large'],
    fix: ['Send the attachments another way (a file-sharing link) or split them over several messages.'],
    sources: SOPHOS_SRC,
  },
  {
    id: 'sophos.large-message-recipients',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_0013\b/,
    reason: 'toomanyconn',
    party: 'sender',
    headline: 'Sophos Email refused a large message sent to too many recipients at once',
    meaning:
      'Sophos Email documents XGEMAIL_0013 as a large message exceeding the number of recipients allowed for a message of its size.',
    rules: ['smtp.rate-limited'],
    fix: ['Send the message to fewer recipients per copy (split the recipient list), or make it smaller (a link instead of the attachment).'],
    sources: SOPHOS_SRC,
  },
  {
    id: 'sophos.rate',
    sender: 'Sophos Email',
    text: /\bXGEMAIL_001[45]\b|\bMail flood detected\b/,
    reason: 'speeding',
    party: 'sender',
    meaning:
      "Sophos Email limits the mail one sender may send to a recipient (XGEMAIL_0014, XGEMAIL_0015) and refuses a sender's outbound burst as a mail flood (5.7.28).",
    rules: ['smtp.rate-limited'],
    transient: true,
    sources: [
      ...SOPHOS_SRC,
      'https://community.sophos.com/sophos-email/f/recommended-reads/136256/sophos-email-outbound-emails-bounced-with-554-5-7-28-mail-flood-detected',
    ],
  },

  // ---- Broadcom / Symantec Email Security.cloud and Messaging Gateway ----
  {
    // Broadcom lists these replies as "the recipient server finds something suspicious in the message content"
    id: 'symantec.content',
    sender: 'Broadcom / Symantec Email Security',
    text: /\bDenied \(Mode: \w+\)|\bMS-Office file containing VBA macros\b|\bMessage rejected as spam by Content Filtering\b/i,
    reason: 'spamdetected',
    party: 'sender',
    meaning:
      "The receiver's content filter (Symantec Messaging Gateway / Email Security.cloud, whose wording this is) judged the message: spam signatures, a macro document, a content rule.",
    rules: ['smtp.content-rejected'],
    sources: ['https://knowledge.broadcom.com/external/article/162445/outbound-mail-returned-by-mailerdaemonme.html'],
  },
  // ---- replies of recipients' filters that Broadcom lists for its Email Security.cloud customers (KB 169925:
  // "generated by the recipient's mail server or their local security gateway"): the words name the finding ----
  {
    // the recipient DOMAIN's own blacklist names the sender: the recipient side's list, not a public DNSBL
    id: 'filter.domain-blacklist',
    sender: "a recipient's filter (listed by Broadcom)",
    text: /\bSender is on (?:the )?domain'?s (?:black|block) ?list\b/i,
    reason: 'rejected',
    party: 'recipient',
    headline: "The recipient domain's own blacklist names your address or domain: the recipient side refuses you, not a public blocklist",
    meaning:
      "The receiving domain keeps its own list of refused senders and yours is on it. No public DNSBL is involved; nothing in your DNS or server changes it.",
    rules: ['smtp.rejected'],
    fix: RECIPIENT_BLOCK_FIX,
    sources: ['https://knowledge.broadcom.com/external/article/169925/common-external-spam-filtering-error-cod.html ("551 Sender is on domain\'s blacklist")'],
  },
  {
    // "banned content": a part the recipient's filter bans by its name or type (an executable, a script, an archive
    // holding one), the Amavis sense of "banned"
    id: 'filter.banned-content',
    sender: "a recipient's filter (listed by Broadcom)",
    text: /\bRejected due to banned content\b/i,
    reason: 'policyviolation',
    party: 'sender',
    headline: "The recipient's filter refused the message for banned content: an attachment of a name or type it does not accept",
    meaning:
      "The recipient's filter bans some parts by file name or type (executables, scripts, double extensions, archives holding them) and found one in the message.",
    rules: ['smtp.content-rejected'],
    fix: ['Send the file another way (a share link, or a type the receiver accepts, such as PDF), or ask the receiving administrator to allow it for you.'],
    sources: ['https://knowledge.broadcom.com/external/article/169925/common-external-spam-filtering-error-cod.html ("554 Rejected due to banned content")'],
  },
  {
    // Barracuda Email Security Service / Email Gateway Defense answers after DATA with one line for all refused
    // recipients, each "address:state" — blocked (its policy or a score refused the message), quarantined (held
    // for the recipient's administrator), deferred. The reason (Score, Intent, Sender policy, Barracuda Reputation,
    // ATP, DMARC…) is shown only in the recipient's Barracuda Message Log
    id: 'barracuda.recipients-blocked',
    sender: 'Barracuda Email Security Service / Email Gateway Defense',
    text: /\bpermanent failure for one or more recipients \([^()]*:\s*(?:blocked|quarantined)\b/i,
    // after DATA: the message was judged; in reply to RCPT TO the same words refuse the client or sender before any
    // content (its reputation or a sender policy), which the blocked-IP reading keeps
    stages: ['data', 'end-of-data', 'unknown'],
    reason: 'spamdetected',
    party: 'sender',
    headline:
      "The recipient's Barracuda filter refused (or quarantined) the message; the reason is only in the recipient's Barracuda Message Log",
    meaning:
      "Barracuda's cloud filter took the message and then refused it for the listed recipients: 'blocked' — a policy or a score of that recipient's Barracuda account refused it (spam score, Intent analysis of links, a sender or content policy, SPF/DMARC, Barracuda's reputation of the sender); 'quarantined' — it is held in the recipient's quarantine, where their administrator can release it. The reply names no reason; the recipient's administrator sees it in the Barracuda Message Log for this message.",
    rules: ['smtp.content-rejected', 'reputation.blocked'],
    fix: [
      "Ask the recipient's administrator to look the message up in their Barracuda Message Log (time, your sender address): it names the reason (Score, Intent, Sender Policy, Barracuda Reputation…) and lets them release it or allow your sender.",
      'Meanwhile check what you can: SPF, DKIM and DMARC of the sender domain pass, the sending IP is not on the Barracuda Reputation list (https://www.barracudacentral.org/lookups), the links in the message point at reputable domains.',
    ],
    sources: [
      'https://campus.barracuda.com/product/essentials/doc/169287426/email-cache-policies (Barracuda Email Security Service replies)',
      'samples: https://pastebin.com/xU0eujsc ("550 permanent failure for one or more recipients (…:quarantined)" from ess.barracudanetworks.com)',
    ],
  },
];
