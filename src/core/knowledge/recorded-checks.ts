// What a receiver says it found when it refuses mail: the check it made, on
// which domain and IP, and the result — Gmail's "SPF check for [example.org]
// does not pass with ip: [203.0.113.5]", Microsoft's "sending domain
// [example.org] does not pass DMARC verification", "Spf= Fail , Dkim= Pass",
// a gateway's "SPF=FAIL … MTA (203.0.113.5) is not permitted to send email
// for example.org", Gmail's 5.7.25 "does not have a PTR record". Such a text
// is a finding recorded by that receiver: the checklist states it as the
// receiver's (and checks it live where it can), instead of a generic "SPF,
// DKIM or DMARC did not pass" with the names left blank.
//
// One entry per text, with its source. Groups in `text` name what the text
// gives: `domain`, `ip`, and per-check results (`spf`, `dkim`, `dmarc`).

import { plainQuotes } from '../text/punctuation';

export type RecordedArea = 'spf' | 'dkim' | 'dmarc' | 'ptr';

export interface RecordedCheckText {
  id: string;
  /** Who writes the text. */
  sender: string;
  /** Pattern on the reply's words (case-insensitive; bounded, linear). */
  text: RegExp;
  /**
   * The checks the text states: the result is given, or read from the named
   * group of that check ("Spf= Fail"). `identity` says which domain the
   * check was about (SPF's MAIL FROM or HELO, DMARC's From:).
   */
  claims: { check: RecordedArea; result: string | 'group'; identity?: 'mailfrom' | 'from' | 'helo' }[];
  /** Not when these words are there too (Gmail's 5.7.26 about a DMARC policy is DMARC's, not "SPF and DKIM"). */
  unless?: RegExp;
  sources: string[];
}

const DOMAIN = String.raw`(?<domain>[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,10}[A-Za-z]{2,24}|[A-Z0-9_]{1,63}(?:\.[A-Z0-9_]{1,63}){0,9})`;
const IP = String.raw`(?<ip>[0-9A-Fa-f:.]{3,45})`;
/**
 * A value the person who pasted replaced before posting ("<Mailserver-ip-address>", "<sender-domain>",
 * "[redacted]", "x.x.x.x", "***"): the words around it still say what was checked, the name is not given.
 */
const REDACTED = String.raw`(?:<[A-Za-z][\w .-]{0,40}>|\[(?:redacted|removed|hidden|snip)\]|(?:x{1,3}\.){3}x{1,3}|\*{3,})`;
/** A domain named in running words (not in brackets): at least one dot, so that "policy of reject" names none. */
const DOTTED = String.raw`(?<domain>[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}\.){1,10}[A-Za-z]{2,24})(?![\w-])`;

export const RECORDED_CHECK_TEXTS: RecordedCheckText[] = [
  {
    id: 'gmail.spf-check-for',
    sender: 'Gmail',
    text: new RegExp(String.raw`SPF check for \[${DOMAIN}\] does not pass with ip: \[${IP}\]`, 'i'),
    claims: [{ check: 'spf', result: 'fail', identity: 'mailfrom' }],
    sources: ['https://support.google.com/mail/answer/81126#authentication (Gmail 5.7.26)'],
  },
  {
    id: 'gmail.spf-hard-fail',
    sender: 'Gmail',
    text: new RegExp(
      String.raw`MAIL FROM domain \[${DOMAIN}\] has an SPF record with a hard fail policy \(-all\) but it fails to pass SPF checks with the ip: \[${IP}\]`,
      'i',
    ),
    claims: [{ check: 'spf', result: 'fail', identity: 'mailfrom' }],
    sources: ['https://support.google.com/mail/answer/81126#authentication (Gmail 5.7.26)'],
  },
  {
    // "Authentication results: DKIM = did not pass SPF [example.org] with ip: [203.0.113.5] = did not pass"
    id: 'gmail.authentication-results',
    sender: 'Gmail',
    text: new RegExp(
      String.raw`Authentication results:\s{0,3}DKIM = (?<dkim>did not pass|pass)\s{0,3}SPF \[${DOMAIN}\] with ip: \[${IP}\] = (?<spf>did not pass|pass)`,
      'i',
    ),
    claims: [
      { check: 'spf', result: 'group', identity: 'mailfrom' },
      { check: 'dkim', result: 'group' },
    ],
    sources: ['https://support.google.com/mail/answer/81126#authentication (Gmail 5.7.26/5.7.27, 2024 wording)'],
  },
  {
    id: 'gmail.spf-and-dkim-do-not-pass',
    sender: 'Gmail',
    text: /\(SPF and DKIM both do not pass\)|fails to pass authentication checks \(SPF (?:and|or) DKIM\)|does not have authentication information or fails to pass authentication checks/i,
    claims: [
      { check: 'spf', result: 'fail', identity: 'mailfrom' },
      { check: 'dkim', result: 'fail' },
    ],
    sources: ['https://support.google.com/mail/answer/81126#authentication (Gmail 5.7.26, 4.7.26)'],
  },
  {
    id: 'gmail.dmarc-policy',
    sender: 'Gmail',
    // (Gmail has no other sentence that starts so: a reply cut after "is not accepted" still says DMARC)
    text: new RegExp(String.raw`Unauthenticated email from ${DOMAIN} is not accepted\b`, 'i'),
    claims: [{ check: 'dmarc', result: 'fail', identity: 'from' }],
    sources: ['https://support.google.com/a/answer/2466580 (DMARC at Google, 5.7.26)'],
  },
  {
    // Outlook.com/Hotmail's older DMARC refusal: "550 5.7.0 (COL0-MC6-F31) Unfortunately, messages from (192.0.2.1) on
    // behalf of (example.org) could not be delivered due to domain owner policy restrictions" — the domain owner's
    // policy is its DMARC record's p=reject
    id: 'microsoft.domain-owner-policy',
    sender: 'Microsoft (Outlook.com)',
    text: new RegExp(String.raw`on behalf of \(?${DOMAIN}\)? could not be delivered due to domain owner policy restrictions`, 'i'),
    claims: [{ check: 'dmarc', result: 'fail', identity: 'from' }],
    sources: ["https://www.wordtothewise.com/2014/04/example-bounces-due-yahoo-preject (receivers' DMARC p=reject bounces, Hotmail)"],
  },
  {
    id: 'microsoft.dmarc-reject',
    sender: 'Microsoft',
    text: new RegExp(String.raw`sending domain \[?${DOMAIN}\]? does not pass DMARC verification`, 'i'),
    claims: [{ check: 'dmarc', result: 'fail', identity: 'from' }],
    sources: ['https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/fix-error-code-550-5-7-509-in-exchange-online'],
  },
  {
    // 5.7.515: "sending domain example.org doesn't meet the required authentication level … Spf= Fail , Dkim= Pass , DMARC= Pass"
    id: 'microsoft.auth-level',
    sender: 'Microsoft (Outlook.com)',
    text: new RegExp(
      String.raw`sending domain \[?${DOMAIN}\]? does ?n[o']t meet the required authentication level(?:.{0,400}?Spf\s?=\s?(?<spf>\w+)\s?,\s?Dkim\s?=\s?(?<dkim>\w+)\s?,\s?DMARC\s?=\s?(?<dmarc>\w+))?`,
      'i',
    ),
    claims: [
      { check: 'spf', result: 'group', identity: 'mailfrom' },
      { check: 'dkim', result: 'group' },
      { check: 'dmarc', result: 'group', identity: 'from' },
    ],
    sources: [
      'https://techcommunity.microsoft.com/blog/microsoftdefenderforoffice365blog/strengthening-email-ecosystem-outlook%E2%80%99s-new-requirements-for-high%E2%80%90volume-senders/4399730',
    ],
  },
  {
    // the SPF result itself named in the refusal — pyspf's exceptions as policyd-spf and others quote them
    // ("SPF Permanent Error: Two or more type TXT spf records found.", "SPF Temporary Error: DNS Timeout"), maddy's
    // check.spf ("SPF authentication failed with a temporary error"), and a
    // receiver that states the result word ('SPF validation failed with result "permerror"', Forward Email): the
    // named result, not the generic "failed" of the RFC 7372 words below it, is what the receiver found
    // (RFC 7208 §2.6: permerror is a broken record, temperror a lookup that failed, neither a fail)
    id: 'spf.result-named',
    sender: 'many (pyspf and receivers that quote the SPF result)',
    text: /\bSPF (?:validation|check) failed with result:? \\?"?(?<spf>permerror|temperror|softfail|neutral|none|fail)\b|\bSPF (?<spfe>Permanent|Temporary) Error\b|\bSPF authentication failed with a (?<spfe2>permanent|temporary) error\b/i,
    claims: [{ check: 'spf', result: 'group', identity: 'mailfrom' }],
    sources: [
      'RFC 7208 §2.6 (the results), §4.5 (two records: permerror)',
      'https://launchpad.net/pypolicyd-spf (pyspf: "SPF Permanent Error: …", "SPF Temporary Error: …")',
      'https://github.com/forwardemail/forwardemail.net/issues/14 (Forward Email: 421 SPF validation failed with result "permerror" and explanation "SPF Permanent Error: Two or more type TXT spf records found.")',
      'https://github.com/foxcpp/maddy/blob/master/internal/check/spf/spf.go ("SPF authentication failed with a temporary error" / "… permanent error")',
    ],
  },
  {
    // RFC 7372 X.7.23 "SPF validation failed" (milters, Exchange), Microsoft's "Sender Policy Framework violation"
    id: 'rfc7372.spf-validation-failed',
    sender: 'many (RFC 7372 wording)',
    text: /\bSPF validation failed|\bSender Policy Framework violation/i,
    claims: [{ check: 'spf', result: 'fail', identity: 'mailfrom' }],
    sources: ['RFC 7372 §3.2 (X.7.23 SPF validation failed)'],
  },
  {
    // a gateway that names the policy it refused by: Proofpoint "Email rejected per SPF policy", Proofpoint
    // Essentials "Message rejected per sender's SPF policy", MailChannels "Email has been rejected due to the
    // domain's SPF policy", "… due to example.org's SPF policy" — the policy is the sender domain's, however named
    id: 'gateway.rejected-per-spf-policy',
    sender: 'a mail gateway (Proofpoint, MailChannels)',
    text: new RegExp(
      String.raw`\b(?:rejected|refused|blocked|denied) (?:per|due to|by|because of) (?:the )?(?:${DOTTED}'s |(?:domain|sender)'?s )?SPF (?:policy|record)\b`,
      'i',
    ),
    claims: [{ check: 'spf', result: 'fail', identity: 'mailfrom' }],
    sources: [
      'https://docs.mailchannels.com/inbound/smtp-errors',
      'https://www.404andmore.com/proofpoint-essentials-fixing-the-550-5-7-1-spf-rejected-error/ (Proofpoint Essentials, "550 5.7.1 Message rejected per sender\'s SPF policy")',
      'RFC 7208 §8.4 (fail)',
    ],
  },
  {
    // pyspf, libspf2 and many receivers: "domain of a@example.org does not designate 203.0.113.5 as permitted sender"
    id: 'spf.does-not-designate',
    sender: 'many (pyspf, libspf2, Gmail)',
    text: new RegExp(String.raw`domain of (?:[^\s@]{1,64}@)?${DOMAIN} does not designate \[?${IP}\]? as permitted sender`, 'i'),
    claims: [{ check: 'spf', result: 'fail', identity: 'mailfrom' }],
    sources: ['RFC 7208 §8.4 and the explanation string of pyspf/libspf2'],
  },
  {
    // a gateway's log: "SPF=FAIL: (header from: a@example.org) indicates that MTA (203.0.113.5) is not permitted to send email for example.org"
    id: 'gateway.spf-not-permitted',
    sender: 'a mail gateway',
    text: new RegExp(
      String.raw`SPF\s?=\s?(?<spf>FAIL|SOFTFAIL)\b.{0,200}?\bMTA \(${IP}\) is not permitted to send (?:e-?mail )?(?:for|on behalf of) ${DOMAIN}`,
      'i',
    ),
    claims: [{ check: 'spf', result: 'group', identity: 'mailfrom' }],
    sources: ['RFC 7208 §8.4 (fail: not authorized)'],
  },
  {
    // Gmail 5.7.26 / 4.7.26 ("This mail has been blocked because the sender is unauthenticated. Gmail requires all
    // senders to authenticate with either SPF or DKIM", the older "does not have authentication information or fails
    // to pass authentication checks"), Yahoo 5.7.9 in the same words: neither SPF nor DKIM passed (RFC 7372 X.7.26
    // "Multiple authentication checks failed"). Kept after the entries that give each result and the names.
    id: 'unauthenticated.spf-and-dkim',
    sender: 'many (Gmail 5.7.26, Yahoo 5.7.9)',
    // (Exchange Online's NDR says it of the recipient's provider: "… didn't pass the email authentication checks")
    text: /\b(?:sender|mail|message) is unauthenticated\b|\bdoes not have authentication information\b|\bfails? to pass authentication checks\b|\bdid(?: not|n\S{1,6}t) pass (?:the )?(?:e-?mail )?authentication checks\b|\brequires all senders to authenticate with either SPF or DKIM\b/i,
    unless: /\bDMARC\b/i,
    claims: [
      { check: 'spf', result: 'fail', identity: 'mailfrom' },
      { check: 'dkim', result: 'fail' },
    ],
    sources: [
      'https://support.google.com/a/answer/3726730 (Google: 4.7.26, 5.7.26)',
      'https://senders.yahooinc.com/smtp-error-codes/ (Yahoo: 5.7.9)',
      'RFC 7372 §3.3 (X.7.26 Multiple authentication checks failed)',
    ],
  },
  {
    // Gmail 4.7.27 / 5.7.27: "Your email has been rate limited (blocked) because SPF authentication didn't pass for this message"
    id: 'spf.did-not-pass',
    sender: 'many (Gmail 4.7.27/5.7.27)',
    // (Gmail 5.7.26 "… fails to pass SPF checks for an SPF record with a hard fail policy (-all)")
    text: /\bSPF authentication did(?: not|n't) pass\b|\bnot authenticated with SPF\b|\bdoes not pass SPF\b|\bSPF (?:check )?did(?: not|n't) pass\b|\bfails? to pass SPF checks?\b/i,
    claims: [{ check: 'spf', result: 'fail', identity: 'mailfrom' }],
    sources: ['https://support.google.com/a/answer/3726730 (Google: 4.7.27, 5.7.27)', 'RFC 7372 §3.2 (X.7.23)'],
  },
  {
    // "203.0.113.5 is not allowed to send from <example.jp> per it's SPF Record" (sisimai's authfailure set), Exim's
    // "Rejected by SPF: 203.0.113.5 is not allowed to send mail from example.org"
    id: 'spf.ip-not-allowed',
    sender: 'many (Exim, gateways)',
    text: new RegExp(
      String.raw`(?:\b(?<ip>\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})\]?|${REDACTED}) is not (?:allowed|authori[sz]ed|permitted) to\s+send (?:mail |e-?mail |messages )?(?:from|for|on behalf of|as) (?:<?(?:[^\s@<>]{1,64}@)?${DOTTED}|${REDACTED})`,
      'i',
    ),
    claims: [{ check: 'spf', result: 'fail', identity: 'mailfrom' }],
    sources: [
      'RFC 7208 §8.4 (fail: the IP is not authorized)',
      'https://github.com/sisimai/p5-sisimai/issues/467 (authfailure texts)',
      'https://github.com/leonamp/SPFBL (its Exim ACL: "5.7.1 SPFBL $sender_host_address is not allowed to send mail from $sender_address" when the SPF check fails)',
    ],
  },
  {
    id: 'spf.softfail-words',
    sender: 'many',
    text: /\bSPF (?:check |validation )?(?:result (?:is )?)?soft ?fail\b/i,
    claims: [{ check: 'spf', result: 'softfail', identity: 'mailfrom' }],
    sources: ['RFC 7208 §8.5 (softfail)'],
  },
  {
    // the names not given: "SPF check failed", "rejected due to SPF", Symantec "SPF (Sender Policy Framework) domain authentication fail",
    // Cisco AsyncOS's default SPF reject text "#5.7.1 SPF unauthorized mail is prohibited."
    id: 'spf.failed-words',
    sender: 'many (policyd-spf, Exim, gateways)',
    text: /\bSPF (?:check |validation |authentication )?(?:fail(?:ed|ure)?|hard ?fail)\b|\b(?:rejected|refused|blocked|denied|prohibited) (?:due to|by|because of) SPF\b|\bSPF\b.{0,40}\bauthentication fail|\bSPF unauthori[sz]ed\b/i,
    claims: [{ check: 'spf', result: 'fail', identity: 'mailfrom' }],
    sources: [
      'RFC 7208 §8.4, §8.5',
      'RFC 7372 §3.2 (X.7.23 SPF validation failed)',
      'https://docs.mailchannels.com/ ("550 5.7.1 [BFD] Sender prohibited by SPF")',
    ],
  },
  {
    // Gmail 4.7.30 / 5.7.30 "DKIM authentication didn't pass"; milters' "DKIM signature verification failed"
    id: 'dkim.failed-words',
    sender: 'many (Gmail 4.7.30/5.7.30, milters)',
    // (Gmail 5.7.30 "This mail has been blocked because DKIM does not pass")
    text: /\bDKIM authentication did(?: not|n't) pass\b|\bDKIM (?:does not|doesn't) pass\b|\bnot authenticated with DKIM\b|\bDKIM (?:check |verification |validation )?did(?: not|n't) pass\b|\bDKIM (?:signature )?(?:verification |validation |check )?fail(?:ed|ure)?\b|\bno valid DKIM signature\b/i,
    claims: [{ check: 'dkim', result: 'fail' }],
    sources: ['https://support.google.com/a/answer/3726730 (Google: 4.7.30, 5.7.30)', 'RFC 7372 §3.1 (X.7.20–X.7.22)'],
  },
  {
    id: 'dkim.not-signed',
    sender: 'many',
    text: /\bnot (?:signed|authenticated) with (?:a )?DKIM(?: signature)?\b|\bno DKIM signature\b|\bDKIM signature (?:is )?(?:missing|required)\b/i,
    claims: [{ check: 'dkim', result: 'none' }],
    sources: ['RFC 7372 §3.1 (X.7.20 No passing DKIM signature found)'],
  },
  {
    // Gmail 4.7.32 / 5.7.32: "the From: header … isn't aligned with either the authenticated SPF or DKIM organizational domain"
    id: 'dmarc.not-aligned',
    sender: 'many (Gmail 4.7.32/5.7.32)',
    text: /\bis(?: not|n't) aligned with (?:either )?the authenticated SPF or DKIM\b|\bFrom: header \(RFC ?5322\) in this message is(?: not|n't) aligned\b|\bnot aligned with (?:the )?(?:SPF|DKIM|authenticated) (?:or DKIM )?(?:organi[sz]ational )?domain/i,
    claims: [{ check: 'dmarc', result: 'fail', identity: 'from' }],
    sources: ['https://support.google.com/a/answer/3726730 (Google: 4.7.32, 5.7.32)', 'RFC 7489 §3.1 (identifier alignment)'],
  },
  {
    // Gmail 4.7.40 (bulk senders without DMARC), and receivers that say a domain has no DMARC record
    id: 'dmarc.not-published',
    sender: 'many (Gmail 4.7.40)',
    text: /\bDMARC (?:is(?: not|n't) implemented|record (?:is )?(?:missing|not found))\b|\b(?:does not|doesn't) have a DMARC (?:record|policy)\b|\bno DMARC (?:record|policy)\b/i,
    claims: [{ check: 'dmarc', result: 'none', identity: 'from' }],
    sources: ['https://support.google.com/a/answer/3726730 (Google: 4.7.40)', 'RFC 7489 §6.1'],
  },
  {
    // "Email rejected per DMARC policy for example.org", "DMARC policy of example.org", iCloud "rejected due to example.org's DMARC policy"
    id: 'dmarc.policy-for',
    sender: 'many (sisimai authfailure set, Proofpoint, iCloud)',
    text: new RegExp(String.raw`\bDMARC policy (?:for|of) (?:the domain )?<?${DOTTED}`, 'i'),
    claims: [{ check: 'dmarc', result: 'fail', identity: 'from' }],
    sources: ['RFC 7489 §6.6.4 (policy enforcement)', 'https://support.apple.com/102322 (iCloud: DMARC)'],
  },
  {
    id: 'dmarc.domains-policy',
    sender: 'many (iCloud, Gmail)',
    text: new RegExp(String.raw`\bdue to (?:the )?${DOTTED}'s DMARC policy`, 'i'),
    claims: [{ check: 'dmarc', result: 'fail', identity: 'from' }],
    sources: ['RFC 7489 §6.6.4 (policy enforcement)', 'https://support.apple.com/102322 (iCloud: DMARC)'],
  },
  {
    // the names not given: "rejected by DMARC", "DMARC policy reject", "failed DMARC", "DMARC verification failed",
    // Mail.ru "not accepted due to domain owner DMARC policy (RFC 7489)", Gmail "not accepted due to domain's DMARC policy"
    id: 'dmarc.failed-words',
    sender: 'many (OpenDMARC, Exim, gateways)',
    text: /\bDMARC (?:policy |verification |check |validation )?(?:reject(?:ed|ion)?|fail(?:ed|ure)?)\b|\b(?:rejected|refused|blocked|not accepted) (?:by|due to|per|because of) (?:the )?(?:domain(?:'s| owner(?:'s)?) )?DMARC\b|\bfailed DMARC\b|\bDMARC policy of reject\b/i,
    claims: [{ check: 'dmarc', result: 'fail', identity: 'from' }],
    sources: ['RFC 7489 §6.6.4, §7.3'],
  },
  {
    // iCloud Mail [HME1]: "blocked for failing both SPF and DKIM authentication checks"
    id: 'icloud.spf-and-dkim',
    sender: 'Apple iCloud Mail',
    text: /\bfailing both SPF and DKIM\b/i,
    claims: [
      { check: 'spf', result: 'fail', identity: 'mailfrom' },
      { check: 'dkim', result: 'fail' },
    ],
    sources: ['https://support.apple.com/en-us/102322 (Postmaster information for iCloud Mail)'],
  },
  {
    // Microsoft 4.7.26 over IPv6: "must pass either SPF or DKIM validation, this message is not signed"
    id: 'microsoft.ipv6-not-signed',
    sender: 'Microsoft 365',
    text: /\bmust pass either SPF or DKIM validation, this message is not signed\b/i,
    claims: [{ check: 'dkim', result: 'none' }],
    sources: ['https://learn.microsoft.com/defender-office-365/support-for-anonymous-inbound-email-messages-over-ipv6'],
  },
  {
    // Gmail 5.7.25, and the same words from others: "The IP address sending this message does not have a PTR record setup"
    id: 'gmail.ptr-missing',
    sender: 'Gmail',
    // (4.7.23: "The sending IP address for this message doesn't have a PTR record, or …")
    text: /does not have a PTR record setup|IPs with missing PTR records|sending IP address for this message doesn'?t have a PTR record/i,
    claims: [{ check: 'ptr', result: 'none' }],
    sources: ['https://support.google.com/mail/answer/81126#ip-practices (Gmail 5.7.25)'],
  },
  {
    // GMX and WEB.DE "Bad DNS PTR resource record", ImprovMX "No valid PTR record found", freenet "inconsistent or no DNS PTR record",
    // Postfix reject_unknown_reverse_client_hostname "cannot find your reverse hostname"
    id: 'ptr.named-missing',
    sender: 'many (GMX, WEB.DE, freenet, ImprovMX, Postfix)',
    text: /Bad DNS PTR resource record|No valid PTR record found|\bmust have a reverse DNS record\b|inconsistent or no DNS PTR record|cannot find your reverse hostname|no PTR record (?:found|for)|reverse DNS (?:lookup )?(?:failed|missing)|IP name lookup failed/i,
    claims: [{ check: 'ptr', result: 'none' }],
    sources: [
      'https://postmaster.gmx.net/en/error-messages (rdns)',
      'https://www.postfix.org/postconf.5.html#reject_unknown_reverse_client_hostname',
      'RFC 1912 §2.1',
    ],
  },
];

export interface RecordedCheck {
  check: RecordedArea;
  /** The receiver's word, lowercased: fail, softfail, pass, none. */
  result: string;
  domain: string | null;
  ip: string | null;
  identity: 'mailfrom' | 'from' | 'helo' | null;
  /** Who recorded it. */
  by: string;
  knowledge: string;
}

/** A group's word as a check result: "did not pass" and "Fail" are fail, "Pass" pass. */
function resultWord(w: string | undefined): string | null {
  if (!w) return null;
  const t = w.toLowerCase();
  if (/^(?:did not pass|fail(?:ed)?|hardfail)$/.test(t)) return 'fail';
  if (/^(?:pass(?:ed)?)$/.test(t)) return 'pass';
  if (/^(?:softfail|none|neutral|permerror|temperror)$/.test(t)) return t;
  return null;
}

/** "Permanent" / "Temporary" error words (the groups `spfe`, `spfe2`…) as the result words they are: permerror, temperror. */
function namedResult(g: Record<string, string | undefined>, check: RecordedArea): string | undefined {
  const w = Object.entries(g)
    .find(([k, v]) => k.startsWith(`${check}e`) && v)?.[1]
    ?.toLowerCase();
  return w === 'permanent' ? 'permerror' : w === 'temporary' ? 'temperror' : undefined;
}

/** The checks a reply's words say the receiver made, with their results. */
export function readRecordedChecks(pasted: string): RecordedCheck[] {
  const text = plainQuotes(pasted);
  const out: RecordedCheck[] = [];
  for (const k of RECORDED_CHECK_TEXTS) {
    const m = k.text.exec(text);
    if (!m || k.unless?.test(text)) continue;
    const g = m.groups ?? {};
    for (const c of k.claims) {
      const result = c.result === 'group' ? resultWord(g[c.check] ?? namedResult(g, c.check)) : c.result;
      if (!result) continue;
      const domain = c.check === 'ptr' ? null : (g.domain?.replace(/\.$/, '').toLowerCase() ?? null);
      if (out.some((o) => o.check === c.check)) continue;
      // (an entry that many receivers share names no one receiver)
      const by = /^(?:many|a )/.test(k.sender) ? 'The receiver' : k.sender;
      out.push({ check: c.check, result, domain, ip: g.ip ?? null, identity: c.identity ?? null, by, knowledge: k.id });
    }
  }
  return out;
}

/**
 * The domain a receiver's authentication words name, even when they state no result for one check
 * (Microsoft's 5.7.515 "sending domain example.org doesn't meet the required authentication level"
 * without its "Spf= … Dkim= … DMARC= …" tail): the domain it judged, for the live checks to be about.
 */
export function domainNamedIn(pasted: string): string | null {
  const text = plainQuotes(pasted);
  for (const k of RECORDED_CHECK_TEXTS) {
    if (k.claims.every((c) => c.check === 'ptr')) continue;
    const d = k.text.exec(text)?.groups?.domain;
    if (d && /\./.test(d) && !k.unless?.test(text)) return d.replace(/\.$/, '').toLowerCase();
  }
  return null;
}
