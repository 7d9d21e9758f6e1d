// Mail providers' and sending services' own refusal texts not covered elsewhere: each as the provider's help page
// (or, for a sending service, its documentation with a public sample of the reply) gives it.
//
// Who acts follows whose account the refusal is about. A sending service (an ESP, a hosting provider's
// outgoing server) refusing its own customer's message — a sending domain not set up, the account's daily
// limit — is the sender's own provider speaking: the reader fixes it in their account there, and no receiver
// or recipient is involved (party 'sender', never 'receiver-policy').

import type { ReplyKnowledge } from './types';

export const PROVIDER_REPLIES: ReplyKnowledge[] = [
  {
    // SparkPost's SMTP injection (smtp.sparkpostmail.com) refuses a From domain that is not a verified sending
    // domain of the account: "550 5.7.1 Unconfigured Sending Domain <example.com>"
    id: 'sparkpost.unconfigured-sending-domain',
    sender: 'SparkPost (SMTP injection)',
    text: /\bUnconfigured Sending Domain\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: 'Your sending service (SparkPost) refused the From domain: it is not a sending domain of your account',
    meaning:
      'SparkPost only sends mail whose From: domain is a sending domain added and verified in the account. The domain in angle brackets is the one the message used — often "localhost" or a server\'s host name when a program did not set a From address.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Add the From domain as a sending domain in the SparkPost account and verify it (its DKIM record, or the CNAME/TXT SparkPost asks for), or send with a From address in a domain already verified there.',
      'If the domain shown is localhost or a host name, set a real From address in the program that sends.',
    ],
    sources: [
      'https://developers.sparkpost.com/api/sending-domains/ (SparkPost: sending domains, DNS verification)',
      'https://github.com/transitland/transitland-datastore/issues/1231 ("550 5.7.1 Unconfigured Sending Domain <mapzen.com>")',
    ],
  },
  {
    // Libero and Virgilio (Italiaonline) list "RELAYING NOT ALLOWED (550 Relay Disabled)": the mail program is
    // not using the provider's own outgoing server (or not logging in to it)
    id: 'libero.relay-disabled',
    sender: 'Libero / Virgilio (Italiaonline)',
    text: /^\s*(?:5\.7\.1\s+)?Relay Disabled\.?\s*$|\bRELAYING NOT ALLOWED \(550 Relay Disabled\)/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      'Libero and Virgilio answer "550 Relay Disabled" when the mail program hands a message for another domain to a server that does not relay for it: the outgoing (SMTP) server set in the program is not the one of the account\'s provider, or the program does not log in to it.',
    rules: ['smtp.relay-denied'],
    sources: [
      'https://aiuto.libero.it/articolo/mail/messaggi-di-errore-piu-frequenti-dopo-invio-email (Libero: most frequent error messages)',
      'https://aiuto.virgilio.it/articolo/mail/messaggi-di-errore-piu-frequenti-dopo-invio-email/',
    ],
  },
  {
    // Netfabric (securemail.pro hosted mail): the domain's daily quota of messages sent from mail programs
    id: 'netfabric.daily-limit',
    sender: 'Netfabric hosted mail (securemail.pro)',
    text: /\bMAX RCPT TO DAILY LIMIT\b/,
    reason: 'speeding',
    party: 'sender',
    headline: "Your own mail provider refused to send more today: the account's daily sending limit is used up",
    meaning:
      "Netfabric's outgoing server counts every recipient sent from mail programs over all the domain's mailboxes (1,000 a day in the base plan) and refuses more until midnight. It is your provider's limit on your account, not a receiver's refusal; if nobody sent that much, a mailbox's password may be stolen and used for spam.",
    rules: ['smtp.rate-limited'],
    fix: [
      'Wait for the counter to reset at midnight, send from the webmail meanwhile, or buy more sending from the provider.',
      'If your users did not send that much, scan the computers that use the mailboxes and change the SMTP passwords: a stolen password sending spam uses up the limit.',
    ],
    sources: [
      'https://netfabric.freshdesk.com/support/solutions/articles/6000236440-problemi-invio-posta-italiano- (Netfabric: MAX RCPT TO DAILY LIMIT, SENDER REJECTED)',
    ],
  },
  {
    // Cloudflare Email Routing's anti-spam (powered by Area 1): "554 <ip> found on one or more DNSBLs (abusixip).
    // Refer to https://developers.cloudflare.com/email-routing/postmaster/#spam-and-abusive-traffic/"
    id: 'cloudflare.email-routing-dnsbl',
    sender: 'Cloudflare Email Routing',
    text: /\bfound on one or more (?:DNSBLs|RBLs)\b|developers\.cloudflare\.com\/email-routing\/postmaster\/#spam-and-abusive-traffic/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      "Cloudflare Email Routing (the forwarding service of the recipient's domain) refused the sending IP because a DNS blocklist it queries lists it; the name in parentheses is the list (abusixip: Abusix Mail Intelligence). The forwarding address's owner cannot lift it: the listing is the sending IP's.",
    rules: ['dnsbl.listed', 'reputation.blocked'],
    fix: [
      'Look {ip} up at the list the reply names (for abusixip: https://lookup.abusix.com) and request removal after stopping what sent spam from it.',
      'If {ip} is a shared address of your provider, send through another relay meanwhile and ask the provider to get it delisted.',
    ],
    sources: [
      'https://developers.cloudflare.com/email-routing/postmaster/ (Cloudflare Email Routing: postmaster, spam and abusive traffic)',
    ],
  },
  {
    // SmarterMail: a client that did not log in may not relay; the hosting provider's page quotes the reply
    id: 'smartermail.auth-required-for-relay',
    sender: 'SmarterMail',
    text: /\bAuthentication is required for relay\b/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'SmarterMail refuses to relay mail to another domain for a client that did not log in (SMTP AUTH): the mail program is set to send without a user name and password.',
    rules: ['smtp.auth-required', 'smtp.relay-denied'],
    sources: [
      'https://www.aspnethosting.co.uk/knowledgebase.php?action=displayarticle&id=185 (a SmarterMail host: "550 Authentication is required for relay", "550 From domain must match authenticated domain")',
    ],
  },
  {
    id: 'smartermail.from-domain-mismatch',
    sender: 'SmarterMail',
    text: /\bFrom domain must match authenticated domain\b/i,
    reason: 'securityerror',
    party: 'sender',
    headline: 'Your own mail server refused a From domain other than the domain of the account you logged in with',
    meaning:
      'SmarterMail (with its "From address must match authenticated user" setting) refuses mail whose From domain is not the domain of the logged-in account: a program logging in as one domain\'s mailbox and sending as another domain\'s address.',
    rules: ['smtp.sender-invalid'],
    sources: ['https://www.aspnethosting.co.uk/knowledgebase.php?action=displayarticle&id=185'],
  },
  {
    // Emailit's SMTP relay (smtp.emailit.com) counts the workspace's sends per second and per day, shared with its API
    id: 'emailit.sending-limit',
    sender: 'Emailit (SMTP relay)',
    text: /\bMessages per second limit exceeded\b|\bDaily message limit exceeded\b/i,
    reason: 'speeding',
    party: 'sender',
    headline: "Your sending service (Emailit) deferred the message: your workspace's sending limit is reached",
    meaning:
      "Emailit limits each workspace to a number of messages per second (2 for new workspaces) and per day (5,000, reset at midnight UTC), counted per recipient and shared by the API and SMTP. The refusal is your own sending service's limit on your account, not a receiver's: a queue that retries later sends it.",
    rules: ['smtp.rate-limited'],
    fix: [
      'Pace the sending (fewer parallel connections, a delay between messages) or wait for the daily counter to reset at midnight UTC.',
      'Ask Emailit for higher limits if the volume is expected.',
    ],
    transient: true,
    sources: [
      'https://emailit.com/docs/kb/429-rate-limit-exceeded/ (Emailit: 452 4.4.5 Messages per second limit exceeded, 452 4.5.3 Daily message limit exceeded)',
    ],
  },
];
