// What large receivers say when they refuse mail for failed sender
// authentication. One entry per text, with its source. Added to the reply
// knowledge (knowledge/replies/index.ts) so that such refusals are classified as
// `authfailure` and the auth steps that explain them come first.

import type { ReplyKnowledge } from './types';

export const AUTH_REPLY_KNOWLEDGE: ReplyKnowledge[] = [
  {
    id: 'gmail.dmarc-policy',
    sender: 'Gmail',
    text: /Unauthenticated email from \S+ is not accepted due to (?:the )?domain'?s DMARC policy|5\.7\.26 .{0,300}?DMARC/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      "Gmail refused the message because it failed DMARC: neither SPF nor DKIM passed for a domain aligned with the From: domain, and the From domain's DMARC policy says reject (or quarantine).",
    rules: ['dmarc.fail', 'spf.fail', 'spf.softfail', 'spf.permerror', 'dkim.fail', 'dkim.missing', 'dmarc.missing'],
    sources: [
      'https://support.google.com/mail/answer/81126 (Gmail sender guidelines)',
      'https://support.google.com/a/answer/2466580 (DMARC at Google)',
    ],
  },
  {
    id: 'gmail.unauthenticated',
    sender: 'Gmail',
    // (5.7.27 only with Gmail's own words about SPF: RFC 7505 §4.3 gives X.7.27 to a sender domain's null MX,
    // which every other server answers with it — "550 5.7.27 Sender address has null MX")
    text: /sender is unauthenticated(?!\.?\s*Yahoo)|5\.7\.26 .{0,300}?(?:authenticat|SPF|DKIM)|does not pass (?:SPF|DKIM)|5\.7\.27 .{0,300}?\bSPF (?:authentication )?(?:did ?n[o']t|does ?n[o']t|did not|does not) pass\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      'Gmail refused the message because it is not authenticated: it requires every sender to pass SPF or DKIM, and bulk senders (5,000+ messages a day to Gmail) to pass both and to publish DMARC.',
    rules: ['spf.fail', 'spf.softfail', 'spf.permerror', 'spf.missing', 'dkim.fail', 'dkim.missing', 'dmarc.fail', 'dmarc.missing'],
    sources: ['https://support.google.com/mail/answer/81126 (Gmail sender guidelines)'],
  },
  {
    id: 'microsoft.auth-level',
    sender: 'Microsoft (Outlook.com, Hotmail, Live)',
    text: /5\.7\.515|does ?n[o']t meet the required authentication level/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      'Outlook.com refused the message because the sending domain does not meet its authentication requirements: since May 2025 domains sending more than 5,000 messages a day to Outlook.com, Hotmail and Live must pass SPF, DKIM and DMARC (at least p=none, aligned with SPF or DKIM).',
    rules: ['dmarc.fail', 'dmarc.missing', 'spf.fail', 'spf.softfail', 'spf.permerror', 'spf.missing', 'dkim.fail', 'dkim.missing'],
    sources: [
      'https://techcommunity.microsoft.com/blog/microsoftdefenderforoffice365blog/strengthening-email-ecosystem-outlook%E2%80%99s-new-requirements-for-high%E2%80%90volume-senders/4399730',
    ],
  },
  {
    id: 'yahoo.unauthenticated',
    sender: 'Yahoo (and AOL)',
    text: /Yahoo requires all senders to authenticate|5\.7\.9 .{0,300}?(?:authenticat|DMARC|SPF|DKIM)|Message not accepted for policy reasons.{0,300}?DMARC/i,
    reason: 'authfailure',
    party: 'sender',
    meaning:
      'Yahoo refused the message because it failed authentication: all senders must pass SPF or DKIM; bulk senders must pass both, with DMARC aligned.',
    rules: ['spf.fail', 'spf.softfail', 'spf.permerror', 'spf.missing', 'dkim.fail', 'dkim.missing', 'dmarc.fail', 'dmarc.missing'],
    sources: ['https://senders.yahooinc.com/best-practices/ (Yahoo sender requirements)', 'https://senders.yahooinc.com/smtp-error-codes/'],
  },
  {
    id: 'generic.dmarc-reject',
    generic: true,
    sender: 'many (Postfix with OpenDMARC, Exim, Proofpoint…)',
    text: /DMARC (?:policy|verification|check)? ?(?:reject|fail)|rejected (?:by|due to|per) DMARC|failed DMARC|\bdomain owner policy restrictions\b|\bdomain'?s DMARC policy\b|\bDMARC policy (?:of|for) \S+ (?:is|says) (?:reject|quarantine)\b/i,
    reason: 'authfailure',
    party: 'sender',
    meaning: "The receiver applied the From domain's DMARC policy: the message failed DMARC and the policy said reject.",
    rules: ['dmarc.fail', 'spf.fail', 'spf.softfail', 'dkim.fail', 'dkim.missing'],
    sources: [
      'RFC 7489 §6.6.4 (policy enforcement), §7.3',
      'https://www.wordtothewise.com/2014/04/example-bounces-due-yahoo-preject (Comcast, Google, Hotmail, XS4ALL, Yahoo DMARC bounces)',
    ],
  },
  {
    id: 'generic.spf-fail',
    generic: true,
    sender: 'many (Postfix policyd-spf, Exim, MDaemon…)',
    text: /SPF (?:check )?fail|(?:rejected|refused|blocked|denied|prohibited) (?:due to|by) SPF|not (?:permitted|authorized|designated|allowed) (?:by SPF|to\s+send (?:mail )?(?:from|on behalf|as))|Sender Policy Framework|SPF (?:hard|soft)?fail/i,
    reason: 'authfailure',
    party: 'sender',
    meaning: "The receiver evaluated the envelope sender's SPF record and the sending IP is not authorised by it.",
    rules: ['spf.fail', 'spf.softfail', 'spf.permerror', 'spf.missing'],
    sources: ['RFC 7208 §8.4 (fail), RFC 7372 (X.7.23 SPF validation failed)'],
  },
];
