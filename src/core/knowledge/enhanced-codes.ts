// The enhanced mail system status codes, "class.subject.detail": every entry
// of RFC 3463 §3 and of the IANA "SMTP Enhanced Status Codes" registry
// (RFC 5248; updated 2024-12-06), with the reason (sisimai's vocabulary) each
// detail names when the words of the reply say nothing more, and how far the
// detail can be trusted against those words.
//
// Sources: RFC 3463 §3.1–3.8; https://www.iana.org/assignments/smtp-enhanced-status-codes/
// (X.1.10 and X.7.27: RFC 7505; X.3.6, X.7.15, X.7.16: RFC 6710; X.5.6, X.7.8–X.7.12:
// RFC 4954/5248; X.6.6: RFC 4468; X.6.7–X.6.10: RFC 6531; X.7.17–X.7.19: RFC 7293;
// X.7.20–X.7.26: RFC 7372; X.7.28: IANA (mail flood); X.7.29: RFC 8617; X.7.30: RFC 8689).
// Default reasons follow sisimai's documented reason definitions
// (https://libsisimai.org/en/reason/: "filtered … if the value of Status: is 5.2.0 or 5.2.1",
// "securityerror … Status: 5.7.*", "contenterror … 5.6.*") where the RFC's words leave a choice.

/**
 * How a detail weighs against the reply's words (the reason engine, src/core/reason/engine.ts):
 * - `decides`: the detail names one condition exactly (X.2.2 mailbox full, X.7.25 reverse DNS);
 *   it decides at its reason's place in the engine's order, so only words of a narrower reason
 *   (earlier in the order) override it.
 * - `words`: the detail names a condition, but servers use it loosely for others (X.2.0, X.2.1,
 *   X.3.2); any unambiguous phrase decides first, then the detail.
 * - `retry`: a catch-all detail (X.n.0, X.7.1, the network and system details): every phrase,
 *   weaker ones too, decides first (sisimai's "retry" reasons: undefined, onhold, systemerror,
 *   securityerror, expired, networkerror). RFC 3463 §3.5 says so itself for X.4.7: "the code
 *   for the actual problem found when delivery was attempted should be returned rather than this code".
 */
export type CodeWeight = 'decides' | 'words' | 'retry';

export interface EnhancedCodeInfo {
  /** "X.subject.detail" (the class is the reply's own, 2, 4 or 5). */
  code: string;
  meaning: string;
  /** The reason when the words say nothing more; `reason4` for class 4 when it differs. */
  reason: string;
  reason4?: string;
  weight: CodeWeight;
  weight4?: CodeWeight;
  /**
   * Reasons whose unambiguous words override this detail even where they come later in
   * the engine's order: servers answer X.1.1 to every refused RCPT, so "blocked",
   * "sender rejected" or "does not accept mail" in its words say more than the code.
   */
  yieldsTo?: string[];
  source: string;
}

const R3463 = 'RFC 3463 §3';
const IANA = 'IANA SMTP Enhanced Status Codes registry';

export const ENHANCED_CODES: EnhancedCodeInfo[] = [
  // X.0.X Other or undefined status (RFC 3463 §3.1)
  { code: 'X.0.0', meaning: 'Other undefined status', reason: 'undefined', weight: 'retry', source: `${R3463}.1` },
  // X.1.X Addressing status (RFC 3463 §3.2)
  { code: 'X.1.0', meaning: 'Other address status', reason: 'userunknown', weight: 'retry', source: `${R3463}.2` },
  {
    code: 'X.1.1',
    meaning: 'Bad destination mailbox address',
    reason: 'userunknown',
    weight: 'decides',
    // RFC 3463: "only useful for permanent failures" — a 4.1.1 is a lookup that may still succeed
    weight4: 'retry',
    yieldsTo: ['blocked', 'rejected', 'notaccept', 'mailboxfull', 'hasmoved', 'norelaying'],
    source: `${R3463}.2`,
  },
  {
    code: 'X.1.2',
    meaning: 'Bad destination system address',
    reason: 'hostunknown',
    reason4: 'networkerror',
    weight: 'decides',
    weight4: 'retry',
    // a DNS failure reported as X.1.2 is a lookup that failed, not a domain that does not exist
    yieldsTo: ['networkerror'],
    source: `${R3463}.2`,
  },
  { code: 'X.1.3', meaning: 'Bad destination mailbox address syntax', reason: 'userunknown', weight: 'decides', source: `${R3463}.2` },
  { code: 'X.1.4', meaning: 'Destination mailbox address ambiguous', reason: 'userunknown', weight: 'words', source: `${R3463}.2` },
  { code: 'X.1.5', meaning: 'Destination address valid', reason: 'delivered', weight: 'decides', source: `${R3463}.2` },
  {
    code: 'X.1.6',
    meaning: 'Destination mailbox has moved, no forwarding address',
    reason: 'hasmoved',
    weight: 'decides',
    source: `${R3463}.2`,
  },
  { code: 'X.1.7', meaning: "Bad sender's mailbox address syntax", reason: 'rejected', weight: 'decides', source: `${R3463}.2` },
  { code: 'X.1.8', meaning: "Bad sender's system address", reason: 'rejected', weight: 'decides', source: `${R3463}.2` },
  {
    code: 'X.1.9',
    meaning: 'Message relayed to non-compliant mailer',
    reason: 'systemerror',
    weight: 'retry',
    source: 'RFC 3886; RFC 5248',
  },
  { code: 'X.1.10', meaning: 'Recipient address has null MX', reason: 'notaccept', weight: 'decides', source: 'RFC 7505 §4.2' },
  // X.2.X Mailbox status (RFC 3463 §3.3)
  { code: 'X.2.0', meaning: 'Other or undefined mailbox status', reason: 'filtered', weight: 'words', source: `${R3463}.3` },
  {
    code: 'X.2.1',
    meaning: 'Mailbox disabled, not accepting messages',
    // sisimai's definition: the recipient's own settings refuse the sender (the Japanese
    // carriers answer 5.2.1 for a filtered sender); a temporary 4.2.1 is a receiver's throttle
    reason: 'filtered',
    reason4: 'blocked',
    weight: 'words',
    source: `${R3463}.3; https://libsisimai.org/en/reason/#filtered`,
  },
  {
    code: 'X.2.2',
    meaning: 'Mailbox full',
    reason: 'mailboxfull',
    weight: 'decides',
    // Microsoft gives 5.2.2 to the sender's own submission quota too ("Submission quota exceeded",
    // https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-2-2-in-exchange-online):
    // words that name a sending quota or rate say more than the code
    yieldsTo: ['speeding'],
    source: `${R3463}.3`,
  },
  { code: 'X.2.3', meaning: 'Message length exceeds administrative limit', reason: 'exceedlimit', weight: 'decides', source: `${R3463}.3` },
  { code: 'X.2.4', meaning: 'Mailing list expansion problem', reason: 'filtered', weight: 'words', source: `${R3463}.3` },
  // X.3.X Mail system status (RFC 3463 §3.4)
  // a temporary "other" status (4.3.0, 4.4.0, 4.5.0, 4.7.0) names nothing at all: it is retried, whatever it was
  {
    code: 'X.3.0',
    meaning: 'Other or undefined mail system status',
    reason: 'systemerror',
    reason4: 'undefined',
    weight: 'retry',
    source: `${R3463}.4`,
  },
  { code: 'X.3.1', meaning: 'Mail system full', reason: 'systemfull', weight: 'words', source: `${R3463}.4` },
  { code: 'X.3.2', meaning: 'System not accepting network messages', reason: 'notaccept', weight: 'words', source: `${R3463}.4` },
  { code: 'X.3.3', meaning: 'System not capable of selected features', reason: 'systemerror', weight: 'retry', source: `${R3463}.4` },
  { code: 'X.3.4', meaning: 'Message too big for system', reason: 'mesgtoobig', weight: 'decides', source: `${R3463}.4` },
  { code: 'X.3.5', meaning: 'System incorrectly configured', reason: 'systemerror', weight: 'retry', source: `${R3463}.4` },
  { code: 'X.3.6', meaning: 'Requested priority was changed', reason: 'undefined', weight: 'retry', source: 'RFC 6710 §6' },
  // X.4.X Network and routing status (RFC 3463 §3.5)
  {
    code: 'X.4.0',
    meaning: 'Other or undefined network or routing status',
    reason: 'networkerror',
    reason4: 'undefined',
    weight: 'retry',
    source: `${R3463}.5`,
  },
  // "No answer from host … useful only as a persistent transient error": the queue waited for it
  { code: 'X.4.1', meaning: 'No answer from host', reason: 'expired', weight: 'retry', source: `${R3463}.5` },
  { code: 'X.4.2', meaning: 'Bad connection', reason: 'networkerror', weight: 'retry', source: `${R3463}.5` },
  // "a directory server was unavailable … The inability to connect to an Internet DNS server is one example": a
  // lookup that failed, sisimai's networkerror ("a DNS lookup or network error", https://libsisimai.org/en/reason/)
  {
    code: 'X.4.3',
    meaning: 'Directory server failure',
    reason: 'networkerror',
    weight: 'retry',
    source: `${R3463}.5; https://libsisimai.org/en/reason/#networkerror`,
  },
  {
    code: 'X.4.4',
    meaning: 'Unable to route',
    reason: 'hostunknown',
    reason4: 'networkerror',
    weight: 'decides',
    weight4: 'retry',
    yieldsTo: ['networkerror', 'notaccept'],
    source: `${R3463}.5`,
  },
  { code: 'X.4.5', meaning: 'Mail system congestion', reason: 'systemfull', weight: 'words', source: `${R3463}.5` },
  { code: 'X.4.6', meaning: 'Routing loop detected', reason: 'networkerror', weight: 'retry', source: `${R3463}.5` },
  { code: 'X.4.7', meaning: 'Delivery time expired', reason: 'expired', weight: 'retry', source: `${R3463}.5` },
  // X.5.X Mail delivery protocol status (RFC 3463 §3.6)
  // servers put X.5.0 on every kind of refusal (Postfix "550 5.5.0 … mailbox unavailable"): the words decide
  { code: 'X.5.0', meaning: 'Other or undefined protocol status', reason: 'undefined', weight: 'retry', source: `${R3463}.6` },
  { code: 'X.5.1', meaning: 'Invalid command', reason: 'syntaxerror', weight: 'words', source: `${R3463}.6` },
  { code: 'X.5.2', meaning: 'Syntax error', reason: 'syntaxerror', weight: 'words', source: `${R3463}.6` },
  { code: 'X.5.3', meaning: 'Too many recipients', reason: 'toomanyconn', weight: 'decides', source: `${R3463}.6` },
  { code: 'X.5.4', meaning: 'Invalid command arguments', reason: 'syntaxerror', weight: 'words', source: `${R3463}.6` },
  { code: 'X.5.5', meaning: 'Wrong protocol version', reason: 'systemerror', weight: 'retry', source: `${R3463}.6` },
  { code: 'X.5.6', meaning: 'Authentication Exchange line is too long', reason: 'syntaxerror', weight: 'words', source: 'RFC 4954 §6' },
  // X.6.X Message content or media status (RFC 3463 §3.7); spam filters reuse them, so spam words win
  ...(
    [
      ['X.6.0', 'Other or undefined media error', R3463 + '.7'],
      ['X.6.1', 'Media not supported', R3463 + '.7'],
      ['X.6.2', 'Conversion required and prohibited', R3463 + '.7'],
      ['X.6.3', 'Conversion required but not supported', R3463 + '.7'],
      ['X.6.4', 'Conversion with loss performed', R3463 + '.7'],
      ['X.6.5', 'Conversion failed', R3463 + '.7'],
      ['X.6.6', 'Message content not available', 'RFC 4468 §5'],
      ['X.6.7', 'Non-ASCII addresses not permitted for that sender/recipient', 'RFC 6531 §3.7.4'],
      ['X.6.8', 'UTF-8 string reply is required, but not permitted by the SMTP client', 'RFC 6531 §3.7.4'],
      ['X.6.9', 'UTF-8 header message cannot be transferred to one or more recipients', 'RFC 6531 §3.7.5'],
      ['X.6.10', 'Duplicate of X.6.8 (deprecated)', IANA],
    ] as const
  ).map(([code, meaning, source]): EnhancedCodeInfo => ({
    code,
    meaning,
    reason: 'contenterror',
    weight: 'decides',
    yieldsTo: ['spamdetected', 'virusdetected'],
    source,
  })),
  // X.7.X Security or policy status (RFC 3463 §3.8)
  {
    code: 'X.7.0',
    meaning: 'Other or undefined security status',
    reason: 'securityerror',
    reason4: 'undefined',
    weight: 'retry',
    source: `${R3463}.8`,
  },
  {
    code: 'X.7.1',
    meaning: 'Delivery not authorized, message refused',
    // "per-host or per-recipient filtering": every kind of policy refusal comes as 5.7.1; a 4.7.1 is a temporary block
    reason: 'securityerror',
    reason4: 'blocked',
    weight: 'retry',
    weight4: 'decides',
    source: `${R3463}.8`,
  },
  {
    code: 'X.7.2',
    meaning: 'Mailing list expansion prohibited',
    reason: 'securityerror',
    reason4: 'blocked',
    weight: 'retry',
    weight4: 'decides',
    source: `${R3463}.8`,
  },
  {
    code: 'X.7.3',
    meaning: 'Security conversion required but not possible',
    reason: 'securityerror',
    weight: 'retry',
    source: `${R3463}.8`,
  },
  { code: 'X.7.4', meaning: 'Security features not supported', reason: 'securityerror', weight: 'retry', source: `${R3463}.8` },
  { code: 'X.7.5', meaning: 'Cryptographic failure', reason: 'securityerror', weight: 'retry', source: `${R3463}.8` },
  { code: 'X.7.6', meaning: 'Cryptographic algorithm not supported', reason: 'securityerror', weight: 'retry', source: `${R3463}.8` },
  { code: 'X.7.7', meaning: 'Message integrity failure', reason: 'securityerror', weight: 'retry', source: `${R3463}.8` },
  { code: 'X.7.8', meaning: 'Authentication credentials invalid', reason: 'securityerror', weight: 'retry', source: 'RFC 4954 §6' },
  { code: 'X.7.9', meaning: 'Authentication mechanism is too weak', reason: 'securityerror', weight: 'retry', source: 'RFC 4954 §6' },
  { code: 'X.7.10', meaning: 'Encryption needed', reason: 'securityerror', weight: 'retry', source: 'RFC 5248 §5' },
  {
    code: 'X.7.11',
    meaning: 'Encryption required for requested authentication mechanism',
    reason: 'securityerror',
    weight: 'retry',
    source: 'RFC 4954 §6',
  },
  { code: 'X.7.12', meaning: 'A password transition is needed', reason: 'securityerror', weight: 'retry', source: 'RFC 4954 §6' },
  { code: 'X.7.13', meaning: 'User account disabled', reason: 'suspend', weight: 'words', source: 'RFC 5248 §5' },
  { code: 'X.7.14', meaning: 'Trust relationship required', reason: 'securityerror', weight: 'retry', source: 'RFC 5248 §5' },
  { code: 'X.7.15', meaning: 'Priority level is too low', reason: 'securityerror', weight: 'retry', source: 'RFC 6710 §6' },
  {
    code: 'X.7.16',
    meaning: 'Message is too big for the specified priority',
    reason: 'mesgtoobig',
    weight: 'decides',
    source: 'RFC 6710 §6',
  },
  { code: 'X.7.17', meaning: 'Mailbox owner has changed', reason: 'hasmoved', weight: 'words', source: 'RFC 7293 §5' },
  { code: 'X.7.18', meaning: 'Domain owner has changed', reason: 'hasmoved', weight: 'words', source: 'RFC 7293 §5' },
  { code: 'X.7.19', meaning: 'RRVS test cannot be completed', reason: 'securityerror', weight: 'retry', source: 'RFC 7293 §5' },
  { code: 'X.7.20', meaning: 'No passing DKIM signature found', reason: 'authfailure', weight: 'decides', source: 'RFC 7372 §3.1' },
  { code: 'X.7.21', meaning: 'No acceptable DKIM signature found', reason: 'authfailure', weight: 'decides', source: 'RFC 7372 §3.1' },
  {
    code: 'X.7.22',
    meaning: 'No valid author-matched DKIM signature found',
    reason: 'authfailure',
    weight: 'decides',
    source: 'RFC 7372 §3.1',
  },
  { code: 'X.7.23', meaning: 'SPF validation failed', reason: 'authfailure', weight: 'decides', source: 'RFC 7372 §3.2' },
  { code: 'X.7.24', meaning: 'SPF validation error', reason: 'authfailure', weight: 'decides', source: 'RFC 7372 §3.2' },
  { code: 'X.7.25', meaning: 'Reverse DNS validation failed', reason: 'requireptr', weight: 'decides', source: 'RFC 7372 §3.3' },
  { code: 'X.7.26', meaning: 'Multiple authentication checks failed', reason: 'authfailure', weight: 'decides', source: 'RFC 7372 §3.4' },
  // the sender's domain cannot receive the bounce: the sender's address is refused
  { code: 'X.7.27', meaning: 'Sender address has null MX', reason: 'rejected', weight: 'decides', source: 'RFC 7505 §4.3' },
  { code: 'X.7.28', meaning: 'Mail flood detected', reason: 'spamdetected', weight: 'decides', source: IANA },
  { code: 'X.7.29', meaning: 'ARC validation failure', reason: 'authfailure', weight: 'decides', source: 'RFC 8617 §5.2.2' },
  { code: 'X.7.30', meaning: 'REQUIRETLS support required', reason: 'securityerror', weight: 'retry', source: 'RFC 8689 §5' },
];

/**
 * What the subject alone says when the detail is not in the registry (a vendor's own
 * 5.7.606, 4.7.650): RFC 3463 §3 "X.n.0 — other or undefined … status" of its subject.
 */
const SUBJECT_DEFAULT: Record<string, EnhancedCodeInfo | undefined> = Object.fromEntries(
  ['0', '1', '2', '3', '4', '5', '6', '7'].map((s) => [s, ENHANCED_CODES.find((e) => e.code === `X.${s}.0`)]),
);

export interface CodeReading {
  /** The registry entry ("X.1.1"), or the subject's X.n.0 for a detail not registered. */
  info: EnhancedCodeInfo;
  /** The code as written ("5.7.606") and whether its detail is in the registry. */
  code: string;
  registered: boolean;
  reason: string;
  weight: CodeWeight;
}

const BY_CODE = new Map(ENHANCED_CODES.map((e) => [e.code, e]));

/** The registry's reading of an enhanced status code ("5.1.1", "4.7.650"), or undefined when it is not one. */
export function readEnhancedCode(enhanced: string | null | undefined): CodeReading | undefined {
  const m = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(enhanced?.trim() ?? '');
  if (!m) return undefined;
  const [, cls, subject, detail] = m;
  // RFC 3463 §3.1: a success class is a success, whatever the detail
  const registered = BY_CODE.get(`X.${Number(subject)}.${Number(detail)}`);
  // a success detail (X.1.5 "Destination address valid", RFC 3463 §3.2) under a failure class is a
  // server's misuse ("501 5.1.5 Recipient address reserved by RFC 2606"): a failure is never a
  // delivery, so only its subject is read
  const exact = registered && !(cls !== '2' && registered.reason === 'delivered') ? registered : undefined;
  const info = exact ?? SUBJECT_DEFAULT[String(Number(subject))];
  if (!info) return undefined;
  const transient = cls === '4';
  return {
    info,
    code: `${cls}.${Number(subject)}.${Number(detail)}`,
    registered: !!exact,
    reason: cls === '2' ? 'delivered' : transient ? (info.reason4 ?? info.reason) : info.reason,
    // a vendor detail the registry does not know is only its subject's catch-all
    weight: !exact ? 'retry' : transient ? (info.weight4 ?? info.weight) : info.weight,
  };
}

/**
 * The names RFC 1893 (§3.5) gave two details before RFC 3463 renamed them: X.4.3 "Routing server
 * failure" (now "Directory server failure") and X.4.5 "Network congestion" (now "Mail system
 * congestion"). MTAs written to RFC 1893 still print the old names (sendmail's and Courier's tables).
 */
const RFC1893_NAMES: Record<string, string> = { 'X.4.3': 'Routing server failure', 'X.4.5': 'Network congestion' };

const nameKey = (s: string) =>
  s
    .trim()
    .replace(/[.!:;]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

let detailsByName: Map<string, string> | undefined;

/**
 * The detail ("4.3") whose RFC 3463 (or RFC 1893) name a text is, whole, else null: a notice or a help
 * page that reports a failure by the standard's name alone, in words and without the code ("ROUTING
 * SERVER FAILURE", "Mailbox full", "Bad destination mailbox address").
 */
export function detailNamedBy(text: string): string | null {
  if (!detailsByName) {
    detailsByName = new Map();
    for (const e of ENHANCED_CODES) if (!detailsByName.has(nameKey(e.meaning))) detailsByName.set(nameKey(e.meaning), e.code.slice(2));
    for (const [code, name] of Object.entries(RFC1893_NAMES)) detailsByName.set(nameKey(name), code.slice(2));
  }
  return detailsByName.get(nameKey(text)) ?? null;
}
