// Sending services' own identity checks: an API or SMTP relay of a sending
// service (Amazon SES, SendGrid, Postmark, Zoho, Mailgun) refuses a message whose
// sender is not an identity verified on the account, before any receiver
// sees it. Nothing in the sender's DNS or IP is judged; the fix is in the
// service's console. Each text is the service's documented error.

import type { ReplyKnowledge } from './types';

const HEADLINE = 'The sending service refused the sender: it is not an identity verified on the account';

export const SERVICE_REPLIES: ReplyKnowledge[] = [
  {
    // A sending service's own list of client addresses allowed to use the account (its SMTP or API keys):
    // the relay refused the CLIENT's IP before any receiver was asked — no blocklist, no reputation.
    // SMTP2GO: "550 that IP address on this account is not allowed to send" (IP Allowlist) and "550 that IP
    // address is not allowed to send" (an IP Authentication entry set to blocked, or a closed account);
    // Brevo: "unauthorized: IP not authorized" / "unauthorized: not verified" (Authorized IPs, shared by its
    // API and SMTP keys); JetEmail's smarthost: "535 IP not authorized" (the login is right, the IP is not on the
    // SMTP user's IP restriction list) — the bare words alone, so that another server's longer sentence with them is
    // not read as an allow list.
    id: 'service.ip-allowlist',
    sender: 'SMTP2GO / Brevo / JetEmail (allowed-IP list)',
    text: /\bthat IP address (?:on this account )?is not allowed to send\b|\bcoming from an IP address that isn't in the IP allow ?list\b|\bunauthori[sz]ed: (?:IP not authori[sz]ed|not verified)\b|^\s*(?:5\.7\.\d{1,3}\s+)?IP not authori[sz]ed\.?\s*$/i,
    reason: 'securityerror',
    party: 'sender',
    headline: "The sending service refused the client's IP: it is not on the account's allowed-IP list",
    meaning:
      "The relay or API of the sending service checks the address the program connects from against the account's own list of allowed (authorized) IPs, or against the status of an IP it authenticates by: this client's IP is not allowed (not added, blocked, or a new IP still waiting for the owner's confirmation). No receiver judged the mail and nothing in DNS is involved.",
    rules: ['smtp.relay-denied', 'smtp.auth-required'],
    fix: [
      "Find the public IP the sending program connects from (a server's or office's outbound address, {ip} if the refusal names it) and add it to the account's allowed list: SMTP2GO Settings » Sending Options » IP Allowlist (or Sending » IP Authentication: set the IP's status to Allowed); Brevo Settings » Security » Authorized IPs (or click the link in its 'Validate your IP address' mail); JetEmail Outbound » Smarthost » the SMTP user's IP restriction list.",
      'If the program runs where its IP changes (cloud functions, home connections), send with SMTP credentials of a user that has no IP restriction, or turn the allowlist off for that key.',
    ],
    verify: ["Send a test from the same host: the relay answers 250 and the service's activity log shows the message."],
    sources: [
      'https://support.smtp2go.com/hc/en-gb/articles/20032331851417 (IP Allowlist: "550 that IP address on this account is not allowed to send")',
      "https://support.smtp2go.com/hc/en-gb/articles/360015283053 ('550 that IP address is not allowed to send')",
      'https://help.brevo.com/hc/en-us/articles/5740111683858 (Authorize and block IP addresses for API and SMTP security)',
      'https://support.jetemail.com/outbound/smtp-error-codes/535-IP-not-authorized (JetEmail: "535 IP not authorized", the SMTP user\'s IP restriction)',
    ],
  },
  {
    id: 'ses.identity-not-verified',
    sender: 'Amazon SES',
    text: /Email address is not verified\. The following identities failed the check|MessageRejected: Email address is not verified/i,
    reason: 'rejected',
    party: 'sender',
    headline: HEADLINE,
    meaning:
      'Amazon SES sends only from verified identities (an address or a whole domain) of the region used; while the account is in the sandbox, every recipient must be verified too. The identities named failed that check.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Verify the sender address or, better, its whole domain in the SES console of the region named (Verified identities), with the DKIM records SES gives.',
      'If the account is in the sandbox (recipients are named as failing too), request production access in the SES console; until then send only to verified addresses.',
    ],
    verify: ['aws sesv2 get-email-identity --email-identity <domain or address> --region <region>   (VerificationStatus: SUCCESS)'],
    sources: [
      'https://docs.aws.amazon.com/ses/latest/dg/verify-addresses-and-domains.html',
      'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html',
    ],
  },
  {
    id: 'sendgrid.sender-identity',
    sender: 'SendGrid',
    text: /does not match a verified Sender Identity/i,
    reason: 'rejected',
    party: 'sender',
    headline: HEADLINE,
    meaning: 'SendGrid sends only from a From address that is a verified Single Sender or belongs to an authenticated domain.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Verify the From address (Settings » Sender Authentication » Single Sender) or authenticate its domain in SendGrid, then send from it.',
    ],
    sources: ['https://www.twilio.com/docs/sendgrid/for-developers/sending-email/sender-identity'],
  },
  {
    id: 'postmark.sender-signature',
    sender: 'Postmark',
    text: /is not a (?:confirmed )?Sender Signature on your account|no confirmed Sender Signature|Sender signature not defined for From address/i,
    reason: 'rejected',
    party: 'sender',
    headline: HEADLINE,
    meaning: 'Postmark sends only from an address or domain confirmed as a Sender Signature on the account.',
    rules: ['smtp.sender-invalid'],
    fix: ['Add and confirm the From address or its domain under Sender Signatures in Postmark, then send from it.'],
    sources: ['https://postmarkapp.com/developer/api/overview#error-codes (400: not a Sender Signature)'],
  },
  {
    // Postmark's API refuses, before any SMTP, a recipient it has marked inactive (error 406): the address
    // hard-bounced or its owner complained earlier, and Postmark suppresses it for the whole server; no
    // receiving server was asked this time
    id: 'postmark.inactive-recipient',
    sender: 'Postmark (API error 406)',
    text: /\bYou tried to send to (?:a )?recipient(?:\(s\))?(?: that (?:has|have))? been marked as inactive\b|\bwill not deliver to these inactive addresses\b|\bFound inactive addresses:/i,
    reason: 'userunknown',
    party: 'sender',
    headline: 'The sending service refused this recipient: it bounced hard or complained before, and is suppressed',
    meaning:
      'Postmark keeps a list of inactive recipients per server: an address that hard-bounced, reported a message as spam, or was suppressed by hand. It refuses every later message to it (API error 406) without contacting the receiving server. The address is dead or unwilling; sending again changes nothing.',
    rules: ['smtp.recipient-unknown'],
    fix: [
      'Remove the address from the list or form that produced it (test addresses such as test@test.com included).',
      "If the address is valid again (a mailbox restored, a complaint withdrawn), reactivate it under the server's Suppressions (Activity » Suppressions) or with the bounce API, then send.",
    ],
    sources: [
      'https://postmarkapp.com/developer/api/overview#error-codes (406: Inactive recipient)',
      'https://postmarkapp.com/developer/api/bounce-api (reactivating a bounce)',
    ],
  },
  {
    // Zoho Mail's and ZeptoMail's submission servers accept only the account's own addresses and aliases (or,
    // for ZeptoMail, a verified domain) as sender: "553 Relaying disallowed as <address>" names the refused
    // sender ("as @" when the program gave none). No recipient was judged
    id: 'zoho.relaying-disallowed-as',
    sender: 'Zoho Mail / ZeptoMail (submission)',
    text: /\bRelaying disallowed as\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: 'Zoho refused the sender address: the account that logged in may not send as it',
    meaning:
      "Zoho's SMTP servers accept mail only from the address (or an alias) of the account that logged in; ZeptoMail only from its verified domains. The address after 'as' is the sender it refused — empty ('as @') when the program set none.",
    rules: ['smtp.sender-invalid'],
    fix: [
      "Set the sender (envelope and From:) to the Zoho account's own address or one of its aliases; put a visitor's address (a contact form) in Reply-To instead.",
      "If the program sends with an empty or default sender (webmaster@localhost, root), set its 'from' address setting.",
    ],
    sources: [
      'https://www.zoho.com/mail/help/zoho-smtp.html (the email address must match the address or aliases of the authenticated account)',
      'https://www.zoho.com/zeptomail/help/api/smtp-error-codes.html ("Relaying disallowed as <emailaddress>")',
    ],
  },
  {
    // Fastmail's submission server refuses a message whose From: header is not one of the account's sending
    // identities (its own addresses, aliases, or addresses of a domain set up in the account): the login worked,
    // the header address is what it refuses — not an SPF/DKIM/DMARC verdict of a receiver
    id: 'fastmail.header-address-not-authorised',
    sender: 'Fastmail (submission)',
    text: /\bNot authori[sz]ed to send from this header\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: 'Fastmail refused the From: address: it is not one of the sending identities of the account that logged in',
    meaning:
      'Fastmail documents "551 5.7.1 Not authorised to send from this header address" for a message whose From: header is an address the logged-in account may not send as. The password was accepted; no recipient\'s server saw the message.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Send with a From: address of the account: its own address, an alias, or an address at a domain added to the account (Settings → Domains); an outside address must be added as a sending identity first (Settings → Sending identities, which verifies it).',
      "If a program or device sends for you, set its From address to one of those; put a visitor's address (a contact form) in Reply-To instead.",
    ],
    sources: [
      'https://fastmail.help/hc/en-us/articles/7010500320655-Why-messages-bounce-back (Fastmail: common bounce errors, "551 5.7.1 Not authorised to send from this header address")',
    ],
  },
  {
    id: 'mailgun.sandbox',
    sender: 'Mailgun',
    text: /(?:Free accounts|Sandbox subdomains) are for test purposes only|not allowed to send: .{0,80}authorized recipients/i,
    reason: 'rejected',
    party: 'sender',
    headline: 'The sending service refused the message: its sandbox domain sends only to authorised recipients',
    meaning: "Mailgun's sandbox domain (and a free account) sends only to addresses added as authorised recipients.",
    rules: ['smtp.sender-invalid'],
    fix: [
      'Add and verify your own sending domain in Mailgun and send from it, or add the recipient under Authorized Recipients for tests.',
    ],
    sources: ['https://help.mailgun.com/hc/en-us/articles/217531258-Authorized-Recipients'],
  },
  {
    // Zoho Mail blocks an account's outgoing mail after unusual sending or a suspicious login, with codes whose
    // RFC 3463 details mean something else ("550 5.4.6" is no routing loop, "554 5.1.8" no sender domain)
    id: 'zoho.outgoing-blocked',
    sender: 'Zoho Mail',
    text: /\bUnusual sending activity detected\b|\bEmail Outgoing Blocked\b/i,
    reason: 'blocked',
    party: 'sender',
    headline: "Zoho has blocked this account's outgoing mail (unusual sending activity or a suspicious login)",
    meaning:
      'Zoho Mail stopped the account (or the organisation) from sending: it saw unusual sending — a burst of mail, many recipients, a new account sending at once — or a login it did not trust. Nothing about the recipients was judged.',
    rules: ['reputation.blocked'],
    fix: [
      "Sign in to Zoho Mail on the web: it shows the block and, when allowed, a way to unblock; otherwise the organisation's admin (Admin Console) or Zoho support must lift it.",
      'Change the password and turn on two-factor authentication if a login may have been stolen; keep within the daily sending limits of the plan.',
    ],
    sources: [
      'https://help.zoho.com/portal/en/community/topic/unable-to-send-message-reason-550-5-4-6-unusual-sending-activity-detected',
      'https://help.zoho.com/portal/en/community/topic/554-5-1-8-email-outgoing-blocked-13-11-2017',
    ],
  },
  {
    id: 'zoho.rejected-by-destination',
    sender: 'Zoho Mail',
    text: /\bMail rejected by destination domain\b/i,
    reason: 'filtered',
    party: 'recipient',
    headline: "The recipient domain's own mail filter at Zoho refused the message",
    meaning:
      "The receiving domain (hosted at Zoho) has a filter that refuses this sender or message (541 5.4.1; the detail is no delivery timeout here). Only that domain's administrator can change it.",
    rules: ['smtp.rejected'],
    fix: ['Ask the recipient (by another way) to have their administrator allow your address or domain in their Zoho Mail filters.'],
    sources: ['https://smtp.codes/zoho (Zoho reply codes, 541 5.4.1)'],
  },
];
