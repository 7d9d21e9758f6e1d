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
];
