// Sending services' own refusals at submission that are about the ACCOUNT, not
// the message or the receiver: the account's quota or rate (Amazon SES
// throttling, SendGrid credits), sending paused by the service, an SMTP
// client that did not log in (SendGrid), a From: address the account has not
// verified (SendGrid's SMTP wording, Mailjet). No receiver saw the mail; the
// sender's account owner acts in the service's console. Each text is the
// service's documented error.

import type { ReplyKnowledge } from './types';

const SES_QUOTAS =
  'https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html (Amazon SES: errors related to the sending quotas)';
const SENDGRID_SMTP =
  'https://sendgrid.com/docs/for-developers/sending-email/smtp-errors-and-troubleshooting/ (SendGrid: SMTP errors and troubleshooting)';
const IDENTITY = 'The sending service refused the sender: it is not an identity verified on the account';

export const SUBMISSION_REPLIES: ReplyKnowledge[] = [
  {
    id: 'ses.sending-quota',
    sender: 'Amazon SES',
    text: /\bThrottling failure: (?:Maximum sending rate|Daily message quota) exceeded\b|\bThrottling\W{1,4}Maximum sending rate exceeded\b/i,
    reason: 'speeding',
    party: 'sender',
    transient: true,
    headline: "The sending service's account limit was reached (its sending rate or daily quota), not a receiver's",
    meaning:
      "Amazon SES drops a message sent past the account's maximum sending rate (messages per second) or its daily quota (messages per 24 hours) and does not retry it. The limit is the account's own, in that region.",
    rules: ['smtp.rate-limited'],
    fix: [
      "Send more slowly than the account's maximum rate (retry a refused message after a pause, up to 10 minutes), and spread large sends over the day.",
      'If the account needs more, request a higher sending quota in the SES console (Service quotas) for that region.',
    ],
    verify: ['aws sesv2 get-account --region <region>   (SendQuota: Max24HourSend, MaxSendRate, SentLast24Hours)'],
    sources: [SES_QUOTAS],
  },
  {
    id: 'ses.sending-paused',
    sender: 'Amazon SES',
    text: /\bSending paused for this account\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: 'The sending service has paused sending for this account (its bounce or complaint rate): no receiver judged the mail',
    meaning:
      "Amazon SES paused the account's sending, usually because its bounce or complaint rate went over SES's limits; every message is refused until the account is reinstated.",
    rules: ['smtp.rejected'],
    fix: [
      "Read the notice in the SES console (Reputation metrics / Account dashboard), fix what raised the bounce or complaint rate (stale lists, no unsubscribe), and ask AWS to review the account's sending status.",
    ],
    sources: [
      'https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html (Amazon SES: sending review process, account pause)',
      SES_QUOTAS,
    ],
  },
  {
    id: 'sendgrid.unauthenticated',
    sender: 'SendGrid',
    text: /\bUnauthenticated senders not allowed\b/i,
    reason: 'securityerror',
    party: 'sender',
    headline: 'The sending service refused a client that did not log in',
    meaning:
      'SendGrid\'s SMTP relay accepts mail only from a client that authenticated with the user name "apikey" and an API key as the password; this client sent MAIL FROM without logging in (or its login failed).',
    rules: ['smtp.auth-required'],
    fix: [
      'Configure the program to log in to smtp.sendgrid.net (port 587 with STARTTLS) with the user name apikey and an API key that may send mail as the password.',
    ],
    verify: ['swaks --server smtp.sendgrid.net:587 --tls --auth-user apikey --auth-password <API key> --from <address> --to <recipient>'],
    sources: [SENDGRID_SMTP, 'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api'],
  },
  {
    id: 'sendgrid.not-authorized-from',
    sender: 'SendGrid',
    text: /\bnot authori[sz]ed to send from that e-?mail address\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: IDENTITY,
    meaning:
      'SendGrid refuses a From: address that does not match a verified Sender Identity of the account (a single verified sender or an authenticated domain).',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Verify the From: address (Single Sender Verification) or authenticate its whole domain in SendGrid (Settings » Sender Authentication), or send from an address that is already verified.',
    ],
    sources: [SENDGRID_SMTP, 'https://twilio.com/docs/api/errors/60222 (The from address does not match a verified Sender Identity)'],
  },
  {
    id: 'sendgrid.credits-exceeded',
    sender: 'SendGrid',
    text: /\bMaximum credits exceeded\b/i,
    reason: 'speeding',
    party: 'sender',
    headline: "The sending service's plan has no credits left for this period: nothing is sent until the plan allows it",
    meaning:
      "The SendGrid account has used all the emails its plan allows in the period (a free plan's daily limit, or a paid plan's monthly credits).",
    rules: ['smtp.rate-limited'],
    fix: ["Wait for the plan's period to renew, or upgrade the plan in SendGrid (Settings » Account Details » Your Products)."],
    sources: ['https://pastebin.com/gjwkzPWn (SendGrid API answer 401 {"message":"Maximum credits exceeded"})', SENDGRID_SMTP],
  },
  {
    id: 'mailjet.unauthorized-sender',
    sender: 'Mailjet',
    text: /\bis not an authori[sz]ed sender email address for your account\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: IDENTITY,
    meaning:
      'Mailjet sends only from sender addresses (or domains) validated on the account; this From: address is not one of them (its error send-0008).',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Add and validate the sender address, or its whole domain, in Mailjet (Account settings » Sender addresses & domains), then send again.',
    ],
    sources: [
      'https://gist.github.com/arnaudbreton/f09ac2dcb1316790a5336756556e5f72 (Mailjet Send API v3.1: send-0008 "… is not an authorized sender email address for your account.")',
      'https://dev.mailjet.com/email/reference/send-emails/ (Mailjet Send API: errors)',
    ],
  },
];
