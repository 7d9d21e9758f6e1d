// Apache SpamAssassin's headers and the meaning of its most common tests.
// Header layout: Mail::SpamAssassin::Conf, "add_header" defaults
//   X-Spam-Status: _YESNO_, score=_SCORE_ required=_REQD_ tests=_TESTS_ autolearn=_AUTOLEARN_ version=_VERSION_
//   X-Spam-Flag: YES (only when spam), X-Spam-Level: one "*" per point, X-Spam-Report: the per-test report.
// Test meanings restate the rules' "describe" lines (SpamAssassin rules,
// Apache-2.0; listed at spamassassin.apache.org/old/tests_3_3_x.html and in
// the rules/ directory of the distribution). Tests not listed here are shown
// by name; an X-Spam-Report, when present, carries the receiver's own words.

import type { VerdictHeaderKnowledge } from './types';

const CONF_DOC = 'https://spamassassin.apache.org/full/3.4.x/doc/Mail_SpamAssassin_Conf.html (add_header, report templates)';
const TESTS_DOC = 'https://spamassassin.apache.org/old/tests_3_3_x.html (test descriptions)';

export interface SpamAssassinTest {
  name: string;
  meaning: string;
  /** The Mailmedic rule that checks the same thing, if any. */
  rule?: string;
}

/** `*` at the end matches a family (BAYES_*). */
export const SPAMASSASSIN_TESTS: SpamAssassinTest[] = [
  { name: 'RDNS_NONE', meaning: 'The relay that delivered the message has no reverse DNS (PTR) name.', rule: 'ptr.missing' },
  {
    name: 'RDNS_DYNAMIC',
    meaning: "The delivering relay's reverse DNS name looks like a dynamic (home/ISP pool) address.",
    rule: 'ptr.generic',
  },
  { name: 'HELO_DYNAMIC_*', meaning: 'The HELO name looks like a dynamic (home/ISP pool) host.', rule: 'helo.invalid' },
  { name: 'HELO_NO_DOMAIN', meaning: 'The relay gave a HELO name without a domain.', rule: 'helo.invalid' },
  { name: 'FSL_HELO_NON_FQDN_1', meaning: 'The HELO name is not a fully qualified domain name.', rule: 'helo.invalid' },
  { name: 'SPF_PASS', meaning: 'SPF passed for the envelope sender.', rule: 'spf.fail' },
  { name: 'SPF_FAIL', meaning: 'SPF failed: the envelope sender domain does not authorise the sending IP (-all).', rule: 'spf.fail' },
  { name: 'SPF_SOFTFAIL', meaning: 'SPF soft-failed: the sending IP is not authorised (~all).', rule: 'spf.softfail' },
  { name: 'SPF_NEUTRAL', meaning: 'SPF neutral: the domain makes no claim about the sending IP (?all).' },
  { name: 'SPF_NONE', meaning: 'The envelope sender domain publishes no SPF record.', rule: 'spf.missing' },
  { name: 'SPF_HELO_PASS', meaning: 'SPF passed for the HELO name.' },
  { name: 'SPF_HELO_NONE', meaning: 'The HELO name has no SPF record.' },
  { name: 'SPF_HELO_FAIL', meaning: 'SPF failed for the HELO name.' },
  { name: 'SPF_HELO_SOFTFAIL', meaning: 'SPF soft-failed for the HELO name.' },
  { name: 'DKIM_SIGNED', meaning: 'The message has a DKIM signature (valid or not).' },
  { name: 'DKIM_VALID', meaning: 'The message has at least one valid DKIM signature.' },
  { name: 'DKIM_VALID_AU', meaning: "A valid DKIM signature from the author's (From) domain." },
  { name: 'DKIM_VALID_EF', meaning: "A valid DKIM signature from the envelope sender's domain." },
  { name: 'DKIM_INVALID', meaning: 'A DKIM signature is present but does not verify.', rule: 'dkim.fail' },
  { name: 'DMARC_PASS', meaning: 'DMARC passed.' },
  { name: 'DMARC_MISSING', meaning: 'The From domain publishes no DMARC record.', rule: 'dmarc.missing' },
  { name: 'DMARC_NONE', meaning: 'DMARC failed; the domain policy is p=none.', rule: 'dmarc.fail' },
  { name: 'DMARC_QUAR', meaning: 'DMARC failed; the domain policy is p=quarantine.', rule: 'dmarc.fail' },
  { name: 'DMARC_REJECT', meaning: 'DMARC failed; the domain policy is p=reject.', rule: 'dmarc.fail' },
  {
    name: 'RCVD_IN_PBL',
    meaning: "A relay's IP is on Spamhaus PBL: an end-user address range that should not send mail directly.",
    rule: 'dnsbl.listed',
  },
  { name: 'RCVD_IN_SBL', meaning: "A relay's IP is on Spamhaus SBL.", rule: 'dnsbl.listed' },
  { name: 'RCVD_IN_SBL_CSS', meaning: "A relay's IP is on Spamhaus CSS (snowshoe/low-reputation senders).", rule: 'dnsbl.listed' },
  { name: 'RCVD_IN_XBL', meaning: "A relay's IP is on Spamhaus XBL (compromised hosts).", rule: 'dnsbl.listed' },
  { name: 'RCVD_IN_ZEN_BLOCKED*', meaning: 'The receiver could not query Spamhaus (its resolver is blocked): no result, no penalty.' },
  {
    name: 'RCVD_IN_DNSWL_*',
    meaning: "A relay's IP is on the DNSWL.org allow list (negative points, good) — or, for _BLOCKED, the query was refused.",
  },
  { name: 'RCVD_IN_MSPIKE_H*', meaning: "A relay's IP has a good reputation at Mailspike (negative points)." },
  { name: 'RCVD_IN_MSPIKE_BL', meaning: "A relay's IP is on the Mailspike blocklist.", rule: 'dnsbl.listed' },
  { name: 'RCVD_IN_BL_SPAMCOP_NET', meaning: "A relay's IP is on the SpamCop blocklist.", rule: 'dnsbl.listed' },
  { name: 'RCVD_IN_VALIDITY_*', meaning: 'A relay is rated by Validity (Return Path) reputation lists.' },
  { name: 'URIBL_BLOCKED', meaning: 'The receiver could not query URIBL (its resolver is blocked): no result, no penalty.' },
  { name: 'URIBL_DBL_SPAM', meaning: 'A link in the message points at a domain on the Spamhaus DBL.' },
  { name: 'URIBL_ABUSE_SURBL', meaning: 'A link in the message points at a domain on SURBL.' },
  { name: 'BAYES_*', meaning: "The receiver's Bayesian filter's spam probability for the content (BAYES_00 ≈ ham … BAYES_99 ≈ spam)." },
  { name: 'MISSING_DATE', meaning: 'The message has no Date: header.', rule: 'headers.missing-date' },
  { name: 'MISSING_FROM', meaning: 'The message has no From: header.', rule: 'headers.missing-from' },
  { name: 'MISSING_MID', meaning: 'The message has no Message-ID: header.', rule: 'headers.missing-message-id' },
  { name: 'MISSING_HEADERS', meaning: 'The message has no To: header.' },
  { name: 'MISSING_SUBJECT', meaning: 'The message has no Subject: header.' },
  { name: 'INVALID_DATE', meaning: 'The Date: header is not valid RFC 5322.', rule: 'headers.invalid-date' },
  {
    name: 'DATE_IN_FUTURE_*',
    meaning: 'The Date: header is hours or days ahead of the time the message was received.',
    rule: 'headers.invalid-date',
  },
  {
    name: 'DATE_IN_PAST_*',
    meaning: 'The Date: header is hours or days behind the time the message was received.',
    rule: 'headers.invalid-date',
  },
  { name: 'INVALID_MSGID', meaning: 'The Message-ID: header is not valid.', rule: 'headers.invalid-message-id' },
  { name: 'MSGID_FROM_MTA_HEADER', meaning: 'The Message-ID was added by a relay, not by the program that wrote the message.' },
  { name: 'NO_RELAYS', meaning: 'The message has no Received headers from other relays (informational).' },
  { name: 'HTML_MESSAGE', meaning: 'The message has an HTML part (informational).' },
  { name: 'MIME_HTML_ONLY', meaning: 'The message has only an HTML part, no plain-text alternative.' },
  { name: 'MIME_QP_LONG_LINE', meaning: 'A quoted-printable line is longer than the 76 characters RFC 2045 allows.' },
  { name: 'FREEMAIL_FROM', meaning: 'The sender uses a free mail provider (informational).' },
  { name: 'FREEMAIL_FORGED_REPLYTO', meaning: 'Reply-To is a free mail address different from From (a phishing pattern).' },
  { name: 'SUBJ_ALL_CAPS', meaning: 'The subject is all capital letters.' },
  { name: 'EMPTY_MESSAGE', meaning: 'The message has no text body.' },
  { name: 'TVD_*', meaning: 'One of the phishing/fraud content tests.' },
  { name: 'KHOP_HELO_FCRDNS', meaning: "The relay's HELO name matches its forward-confirmed reverse DNS (good)." },
  { name: 'T_SCC_BODY_TEXT_LINE', meaning: 'A test rule that scores the body text layout (usually near 0 points).' },
];

export function findSpamAssassinTest(name: string): SpamAssassinTest | undefined {
  const n = name.toUpperCase();
  return (
    SPAMASSASSIN_TESTS.find((t) => t.name === n) ??
    SPAMASSASSIN_TESTS.find((t) => t.name.endsWith('*') && n.startsWith(t.name.slice(0, -1)))
  );
}

export const SPAMASSASSIN_STATUS: VerdictHeaderKnowledge = {
  id: 'spamassassin.status',
  header: 'x-spam-status',
  filter: 'Apache SpamAssassin',
  format: 'spamassassin-status',
  meaning: "SpamAssassin's verdict: spam or not, the score against the threshold, and every test that matched.",
  sources: [CONF_DOC, TESTS_DOC],
  fields: [
    {
      key: 'verdict',
      name: 'Verdict',
      meaning: 'Yes when the score reached the required threshold.',
      values: [
        {
          match: 'Yes',
          level: 'spam',
          meaning: 'SpamAssassin classified the message as spam.',
          advice:
            'Look at the tests with the most points: fix those about your sending (reverse DNS, SPF, DKIM, DMARC, blocklists, headers) first.',
        },
        { match: 'No', level: 'clean', meaning: 'The score stayed below the threshold: not spam.' },
      ],
    },
    { key: 'score', name: 'Score', meaning: 'The sum of the points of every matching test.' },
    { key: 'required', name: 'Threshold', meaning: 'The score at which the receiver treats a message as spam (default 5.0).' },
    { key: 'tests', name: 'Tests', meaning: 'The tests that matched, each adding (or taking away) points.', list: true },
    {
      key: 'autolearn',
      name: 'Auto-learn',
      meaning: 'Whether the Bayes filter learned from this message (ham, spam, no, disabled, unavailable).',
    },
    { key: 'version', name: 'Version', meaning: 'The SpamAssassin version.' },
  ],
};

export const SPAMASSASSIN_FLAG: VerdictHeaderKnowledge = {
  id: 'spamassassin.flag',
  header: 'x-spam-flag',
  filter: 'Apache SpamAssassin (and filters that copy its headers)',
  format: 'single',
  meaning: 'Set to YES when the message was classified as spam.',
  sources: [CONF_DOC],
  fields: [
    {
      key: 'value',
      name: 'Spam flag',
      meaning: 'YES: classified as spam.',
      values: [
        { match: 'YES', level: 'spam', meaning: 'Classified as spam.' },
        { match: 'NO', level: 'clean', meaning: 'Not spam.' },
      ],
    },
  ],
};

export const SPAMASSASSIN_REPORT: VerdictHeaderKnowledge = {
  id: 'spamassassin.report',
  header: 'x-spam-report',
  filter: 'Apache SpamAssassin',
  format: 'spamassassin-report',
  meaning: "One line per matching test: its points, its name and its description, in the receiver's own words.",
  sources: [CONF_DOC],
  fields: [],
};

export const SPAMASSASSIN_VERDICTS = [SPAMASSASSIN_STATUS, SPAMASSASSIN_FLAG, SPAMASSASSIN_REPORT];
