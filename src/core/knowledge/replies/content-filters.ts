// Content filters that run on a mail server itself (the receiver's, or the
// reader's own): rspamd, Amavis (with SpamAssassin and ClamAV behind it) and
// milters.
// Their refusals are about the message — spam score, a virus, a banned
// attachment type, a malformed header — never about the sending IP's
// reputation or DNS, so the first step is the content (or the format), and
// the words name which. Each form is the filter's documented reply text.
// (rspamd's greylisting, "Try again later", is in filters.ts.)

import type { ReplyKnowledge } from './types';

const AMAVIS_SRC = [
  'https://www.ijs.si/software/amavisd/amavisd-new-docs.html (amavisd-new: D_REJECT / D_BOUNCE responses "Reject, id=… - SPAM|INFECTED|BANNED|BAD-HEADER")',
  'https://www.ijs.si/software/amavisd/README.customize.txt',
];

/**
 * Amavis' reply and log shapes: "554 5.7.0 Reject, id=12345-01 - SPAM", "Bounce, id=… - BAD HEADER", its log's
 * "Blocked BANNED (…) {RejectedInbound}" (only with the "{", "(" or "," that follows in the log, so that
 * "blocked spam" in a sentence is not read as Amavis).
 */
const amavis = (what: string) =>
  new RegExp(String.raw`\b(?:Reject|Bounce),? id=[\w.-]{1,40} - (?:${what})\b|\bBlocked (?:${what})\b(?= ?[{(,])`, 'i');

export const CONTENT_FILTER_REPLIES: ReplyKnowledge[] = [
  {
    // rspamd: a banned attachment type, by its own symbols (MIME_BAD_EXTENSION, MIME_BAD_ATTACHMENT), a
    // multimap named for file extensions ("Matched map: FORBIDDEN_FILE_EXTENSION", NethServer/mailcow), or the
    // usual wording of such a map's message
    id: 'rspamd.forbidden-attachment',
    sender: 'rspamd (attachment policy)',
    text: /\bMatched map: \w*(?:EXTENSION|ATTACHMENT|FILE_?TYPE)\w*|\bMIME_BAD_(?:EXTENSION|ATTACHMENT)\b|\b(?:forbidden|banned|prohibited|disallowed|blocked|dangerous) (?:attachment|file)(?: name)?(?: extension| type)?s?\b|\b(?:attachment|file)(?: name)? (?:extension|type)s? (?:that |which )?(?:is |are )?(?:forbidden|not allowed|not permitted|blocked|banned)\b/i,
    reason: 'policyviolation',
    party: 'sender',
    headline: "The receiver's filter refused an attachment of the message: its file type (extension) is on the receiver's forbidden list",
    meaning:
      'The filter (rspamd, by its symbol or a map of forbidden extensions) refused the message because of an attachment type — executables, scripts, macro documents, archives holding them. The sender, its IP and its DNS were not judged.',
    rules: ['smtp.content-rejected'],
    fix: [
      'Send the file another way (a link to a share, or inside an archive type the receiver accepts), or ask the receiving administrator to allow that type for you.',
      "If the refusing filter is your own (your rspamd): the extension is in its bad-extension list (local.d/mime_types.conf bad_extensions) or a multimap of forbidden extensions; change the list or the map's action if the type should pass.",
    ],
    sources: [
      'https://rspamd.com/doc/modules/mime_types.html (MIME_BAD_EXTENSION, MIME_BAD_ATTACHMENT, bad_extensions)',
      'https://rspamd.com/doc/modules/multimap.html (maps with a reject action and message)',
      'https://github.com/NethServer/dev/issues/5811 ("554 5.7.1 Matched map: FORBIDDEN_FILE_EXTENSION")',
    ],
  },
  {
    // rspamd's reject action answers "554 5.7.1 Spam message rejected" (its default reject message, through the
    // milter or the proxy); a score over the reject threshold
    id: 'rspamd.spam-rejected',
    sender: 'rspamd (reject action)',
    // (and its name in a receiver's own wording: Proton's "554 5.7.1 rejected by rspamd filter")
    text: /\bSpam message rejected\b|\b(?:rejected|blocked|refused) by (?:the )?rspamd\b/i,
    reason: 'spamdetected',
    party: 'sender',
    meaning:
      "rspamd scored the message over its reject threshold (15 by default): the sum of its symbols — content, links, headers, the sender's authentication and the lists it found the IP or links in.",
    rules: ['smtp.content-rejected'],
    fix: [
      "The receiving administrator's rspamd history (web interface, or rspamc) shows the symbols that added up; fix those that point at the sender (missing DKIM, a listed link, a missing Message-ID or Date) and resend.",
      'If the refusing rspamd is your own, look the message up in its history by the queue id before changing scores or adding a whitelist.',
    ],
    sources: ['https://rspamd.com/doc/configuration/metrics.html (actions: reject)', 'https://rspamd.com/doc/faq.html'],
  },
  {
    // pymilter's default exception policy: a Python milter that raises answers TEMPFAIL with "451 4.3.0 pymilter:
    // untrapped exception in <milter name>". The refusing server's own filter crashed; nothing about the sender
    // or the message was judged, and the sender's retries fail the same way until it is fixed
    id: 'pymilter.untrapped-exception',
    sender: 'a Python milter (pymilter) on the refusing server',
    text: /\bpymilter: untrapped exception\b/i,
    reason: 'systemerror',
    party: 'unknown',
    headline: "The refusing server's own mail filter (a Python milter) crashed on the message and deferred it",
    meaning:
      "A milter written with pymilter raised an exception it did not handle, and pymilter's default policy answers 451 4.3.0 (try again) for it. It is that server's own software failing: the sender's retries meet the same crash until its administrator fixes the milter (its log has the Python traceback).",
    rules: ['mta.local-error'],
    fix: [
      "The refusing server's administrator: read the milter's log for the traceback (the name after 'untrapped exception in' is the milter), fix or update it, and restart it.",
      'The sender: nothing to change; tell the receiving side, or wait for their fix (the queue retries a 451).',
    ],
    sources: [
      'https://github.com/sdgathman/pymilter (pymilter.spec changelog 0.9.8: untrapped exceptions answer "451 4.3.0 pymilter: untrapped exception in <milter>")',
    ],
  },
  {
    // a spam or content filter named as the refuser, in any server's words ("554 5.7.1 Rejected by content filter",
    // DSPAM's "Message rejected by DSPAM"): the message was judged, not the sender's IP or DNS
    id: 'filter.rejected-by-content-filter',
    sender: 'a content or spam filter (DSPAM, a content filter)',
    text: /\b(?:rejected|blocked|refused) by (?:the |a |our )?(?:content|spam|anti-?spam) ?filter(?:ing)?\b|\b(?:rejected|blocked|refused) by DSPAM\b/i,
    reason: 'spamdetected',
    party: 'sender',
    meaning:
      "The receiver's content or spam filter judged the message itself (its words, links, attachments or score); the sending IP and DNS were not the reason.",
    rules: ['smtp.content-rejected'],
    sources: [
      "https://github.com/zone-eu/zone-mta/blob/master/config/bounces.txt (content filters' refusal texts classed as spam)",
      'RFC 3463 §3.8 (X.7.1)',
    ],
  },
  {
    id: 'amavis.banned',
    sender: 'Amavis',
    text: amavis('BANNED'),
    reason: 'policyviolation',
    party: 'sender',
    headline: "The receiver's Amavis refused the message for a banned attachment (its name, type or an archive holding it)",
    meaning:
      'Amavis found a part whose file name, MIME type or content type is on its banned list ($banned_filename_re): an executable, a script, a double extension, often inside an archive.',
    rules: ['smtp.content-rejected'],
    fix: ['Send the file another way (a link, or a type the receiver allows), or ask the receiving administrator to allow it.'],
    sources: AMAVIS_SRC,
  },
  {
    id: 'amavis.infected',
    sender: 'Amavis (with ClamAV or another virus scanner)',
    text: amavis('INFECTED|VIRUS'),
    reason: 'virusdetected',
    party: 'sender',
    meaning: "Amavis' virus scanner (usually ClamAV) found a signature in the message: the name after INFECTED is the signature.",
    rules: ['smtp.content-rejected'],
    fix: [
      'Scan the file and the computer or site that sent it; send a clean copy. A signature on a harmless file is a false positive to report to the scanner (ClamAV: https://www.clamav.net/reports/fp).',
    ],
    sources: AMAVIS_SRC,
  },
  {
    id: 'amavis.spam',
    sender: 'Amavis (with SpamAssassin)',
    text: amavis('SPAM(?:MY)?'),
    reason: 'spamdetected',
    party: 'sender',
    meaning:
      "Amavis' SpamAssassin score for the message was over the receiver's kill level ($sa_kill_level_deflt) with a reject or bounce destiny.",
    rules: ['smtp.content-rejected'],
    sources: AMAVIS_SRC,
  },
  {
    // "BAD-HEADER" (older "BAD HEADER"): a header that breaks RFC 5322 — 8-bit characters, a missing Date, a
    // duplicate or malformed field. The message's format, fixed by the program that writes it
    id: 'amavis.bad-header',
    sender: 'Amavis',
    text: amavis('BAD[-_ ]HEADER'),
    reason: 'notcompliantrfc',
    party: 'sender',
    headline: "The receiver's Amavis refused the message's header: it breaks RFC 5322 (8-bit characters, a missing or malformed field)",
    meaning:
      'Amavis checks the header section and refuses (with a reject or bounce destiny for bad headers) one with unencoded 8-bit characters, a missing Date or From, a duplicate field or a malformed address.',
    rules: ['smtp.not-compliant'],
    sources: AMAVIS_SRC,
  },
  {
    // ClamAV's heuristic detections carry names of their own, "Heuristics.<kind>.<detail>" (libclamav: phishcheck.c
    // "Heuristics.Phishing.Email.SpoofedDomain", "Heuristics.Phishing.URL.Blocked"; scanners.c "Heuristics.Encrypted.*",
    // "Heuristics.OLE2.ContainsMacros", "Heuristics.Broken.Executable", "Heuristics.Structured.*"), quoted by any
    // filter that scans with it ("Message contained unsafe content (Heuristics.…)"). They are no virus signature:
    // a trait of the message that the receiver's settings refuse (a link that shows one domain and leads to another,
    // an encrypted archive it cannot scan, an Office macro), fixed in the message rather than on a cleaned computer.
    // (Amavis' own "INFECTED (…)" replies are amavis.infected, above.)
    id: 'clamav.heuristics',
    sender: 'a receiver scanning with ClamAV',
    text: /\bHeuristics\.(?:Phishing|Safebrowsing|Encrypted|OLE2|Broken|Structured|Limits|PDF|Macros?)\.[\w.-]+/,
    reason: 'virusdetected',
    party: 'sender',
    headline:
      "The receiver's ClamAV heuristics refused the message for a trait of its content (the name says which), not a virus signature",
    meaning:
      "ClamAV names heuristic detections \"Heuristics.<kind>\": Phishing.Email.SpoofedDomain — a link whose visible text is a web address of another domain than the one it leads to (a tracking or redirect link behind a shown URL); Phishing.URL — a link to a listed domain; Encrypted — a password-protected archive or PDF it cannot scan; OLE2.ContainsMacros — an Office document with macros; Broken.Executable, Structured (card or social security numbers), Limits (a file too big or deep to scan).",
    rules: ['smtp.content-rejected'],
    fix: [
      'Phishing.Email.SpoofedDomain: do not show a web address as a link\'s text when the link goes elsewhere (a click-tracking or redirect domain of a mailing service): show words, or turn click tracking off for such links.',
      'Encrypted: send the file unencrypted, or through a share link; OLE2.ContainsMacros: send the document without macros (.docx/.xlsx, or PDF).',
      "Otherwise resend without the part the name points at, or ask the receiver's administrator to relax that heuristic for you.",
    ],
    sources: [
      'https://github.com/Cisco-Talos/clamav/blob/main/libclamav/phishcheck.c (ClamAV: "Heuristics.Phishing.Email.SpoofedDomain", "Heuristics.Phishing.URL.Blocked")',
      'https://docs.clamav.net/manual/Usage/Configuration.html (clamd.conf: PhishingScanURLs, AlertEncrypted, AlertOLE2Macros, AlertBrokenExecutables, StructuredDataDetection)',
      'https://knowledge.broadcom.com/external/article/169925/common-external-spam-filtering-error-cod.html ("550 Message contained unsafe content (Heuristics.Phishing.Email.SpoofedDomain)")',
    ],
  },
];
