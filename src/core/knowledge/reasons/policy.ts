// Reasons that are the receiver's judgement of the message or of the sending
// rate: spam and virus filters, content policies, rate and connection limits.

import { phrase as p, type ReasonTable } from './types';

const DEF = (anchor: string) => `https://libsisimai.org/en/reason/#${anchor}`;
// content filters read the message: before DATA their words are another refusal's
const BEFORE_DATA = ['connect', 'helo', 'mail', 'rcpt'] as const;

export const SPAM_DETECTED: ReasonTable = {
  reason: 'spamdetected',
  meaning: "The receiver's spam filter judged the message as spam.",
  definition: DEF('spamdetected'),
  advice: 'generic.spam',
  notAt: [...BEFORE_DATA],
  // "you are sending spam", "spam IPs blocked": the IP is refused for what it sent, a block of the client
  unlessPhraseIds: ['blocked.sending-spam'],
  // ("spam" as a label of a DNS name, spam.sorbs.net or bl.spam.example, names a list, not the message)
  phrases: [
    p(
      'spamdetected.spam',
      /(?<![\w.-])spam(?![\w-]|\.\w)|\bspamm(?:y|ing)\b|\bspam-like\b|\b(?:considered|classified|identified|detected|marked|tagged|scored|rejected|refused) as r?(?:spam|junk|bulk|unsolicited)|\bunsolicited (?:bulk |commercial )?(?:e-?mail|mail|message)|\bappears to be unsolicited\b|\b(?:UBE|UCE)\b|\bjunk ?mail\b|\bbulk (?:e-?mail|mail|advertising)\b/i,
      'SpamAssassin, Amavis ("Message content rejected, UBE"), Exim ACL texts (cPanel\'s rspamd verdict "This message was classified as rSPAM", PHPMailer#2212), Gmail, mail.ru, QQ, SendGrid',
    ),
    p(
      'spamdetected.filter',
      /\bmessage content rejected\b|\bcontent filter(?:ing)? (?:rejection|rejected)\b|\brejecting (?:banned |mail )?content\b|\bmail content denied\b|\bhigh probability\b|\bprobable spam\b|\bspamassassin\b|\bspam ?score\b|\bscored .{0,20} points\b|\brecurrent pattern detection\b|\bantispam\b|\banti-spam\b|\bblacklisted url\b|\buribl\b|\bsurbl\b|\bmessage looks like\b|\brejected because of unacceptable content\b|\bsender domain listed at\b|\bdrbl\b|\bhelp_spam_16\.htm\b|\breject, id=|\bspamprofiler\b|\bbulk\.advertising\b|\bblocked by our (?:spam )?filter\b|\bmail score \(/i,
      'Amavis, SpamAssassin, Proofpoint, Cyberoam, MailMarshal ("SpamProfiler"), Trustwave texts',
    ),
    // a submission server's content filter that names the words of the message rather than "spam": QQ Mail's
    // smtp.qq.com answers a notification whose body it judges unacceptable with "550 The mail may contain
    // inappropriate words or content." (after DATA; the same server's "Mail content denied" is in the phrase above)
    p(
      'spamdetected.inappropriate-content',
      /\bmay contain (?:inappropriate|prohibited|illegal) (?:words|content)\b/i,
      'QQ Mail (smtp.qq.com) as its users log it: https://github.com/0xBitWild/MTeam-CLI/pull/12 (fixed by trimming the body), https://github.com/sansan0/TrendRadar/issues/373',
    ),
  ],
  weak: [
    p(
      'spamdetected.weak',
      /(?<![\w.-])spam(?![\w-]|\.\w)|\bunsolicited\b|\bmessage content rejected\b|\bmessage rejected for policy reasons\b|\bmessage filtered\b/i,
      'the same filters, their words in a reply whose command is not known',
    ),
  ],
};

export const VIRUS_DETECTED: ReasonTable = {
  reason: 'virusdetected',
  meaning: 'A virus scanner found malware (or a dangerous attachment) in the message.',
  definition: DEF('virusdetected'),
  advice: 'generic.virus',
  // a scanner reads the message: before DATA these words are another refusal's
  notAt: [...BEFORE_DATA],
  phrases: [
    p(
      'virusdetected.virus',
      /(?<!spam or |spam\/)\bvirus\b|\bviruses\b|\bmalware\b|\binfected\b|\btrojan\b|\bworm detected\b|\bclamav\b|\b(?:potentially )?executable (?:attachment|content)\b|\bmalicious(?:_url)?\b|\bphishing attempt\b/i,
      'ClamAV, Amavis ("INFECTED"), Exchange Online Protection, Gmail ("potentially executable attachment")',
    ),
  ],
};

export const POLICY_VIOLATION: ReasonTable = {
  reason: 'policyviolation',
  meaning: 'The message broke a policy of the receiver: a forbidden attachment, a content rule, a list or organisation policy.',
  definition: DEF('policyviolation'),
  advice: 'generic.policy',
  phrases: [],
  weak: [
    p(
      'policyviolation.policy',
      /\bpolic(?:y|ies) (?:violation|reasons|restrictions?)\b|\b(?:local|organi[sz]ation(?:al)?|content|security|sender) polic(?:y|ies)\b|\bviolat\w* (?:our |the )?(?:\w+ )?polic|\bdenied by policy\b|\brejected (?:for|due to) (?:local )?policy\b|\bprotocol violation\b|\borganizational settings\b|\bmessage given low priority\b|\bmass mailer\b|\ba policy that (?:prohibit|prevent|forbid|block)(?:s|ed)?\b/i,
      'Yahoo ("Email not accepted for policy reasons"), Mimecast ("rejected due to security policies"), Exchange ("organizational settings"; its 5.7.1 NDR text "…has a policy that prohibited the mail that you sent")',
    ),
    p(
      'policyviolation.attachment',
      /\billegal attachment\b|\b(?:attachment|file)(?: type)? (?:not allowed|is not permitted|blocked|prohibited)\b|\breview our (?:message content and )?attachment (?:content )?guidelines\b|\bprohibited (?:attachment|file|content)\b|\bnot accept messages containing images\b|\bnot accepting mail with attachments\b|\bheader (?:error|are not accepted)\b|\bmessages with multiple addresses\b/i,
      'Gmail ("an illegal attachment on your message", "… to review our attachment guidelines", https://support.google.com/mail/answer/6590), AOL, Exchange transport rules',
    ),
    p(
      'policyviolation.list',
      /\bmembers-only list\b|\bclosed mailing list\b|\bnot subscribed to this group\b|\bwithout solving a captcha\b/i,
      'Mailman, Google Groups, Yahoo Groups texts',
    ),
  ],
};

/**
 * A quota of the SENDER's own account (or its relay): how many messages or recipients it may
 * send per hour or day. Google answers it with 550 5.4.5 ("Daily user sending quota exceeded"),
 * Microsoft with 5.2.2 ("Submission quota exceeded") or 5.1.90, SES and other relays in their own
 * words. RFC 3463 gives X.2.2 to a full mailbox and X.4.5 to "mail system congestion", but these
 * words name the sender's quota: they decide over the code (X.2.2 yields to them,
 * knowledge/enhanced-codes.ts) and over a mailbox's quota words (mailboxfull yields too).
 */
export const SENDING_QUOTA_WORDS =
  /\bsending (?:quota|limits?)\b|\b(?:submission|relay|outbound|outgoing|send|sending|recipients?) (?:rate |count )?(?:quota|limit)s? (?:has been |was |is )?(?:exceeded|reached)\b|\b(?:exceeded|reached|over|hit) (?:the |your |its |a |our )?(?:daily |hourly |maximum |max )?(?:number|amount|count) of (?:messages|e-?mails|mails|recipients)(?: (?:you|that) (?:can|may) send| (?:allowed|permitted) (?:per|in an?|each|every) (?:minute|hour|day))?\b|\b(?:messages|e-?mails|mails|recipients) (?:you (?:can|may|are allowed to) send|(?:allowed|permitted) to be sent)\b|\b(?:daily|hourly) (?:limit|quota) (?:for|of|on) (?:message |e-?mail )?(?:recipients|messages|e-?mails|sending)\b|\breached (?:your|the|its) (?:daily|hourly) (?:sending |message )?limit\b|\bsubmission ?quota\b|\bSubmissionQuotaExceeded\b|\b(?:maximum )?credits? (?:limit )?(?:exceeded|exhausted|reached)\b|\bcredit limit\b/i;

export const SPEEDING: ReasonTable = {
  reason: 'speeding',
  meaning: 'The receiver limits how fast this sender may send; later retries go through.',
  definition: DEF('speeding'),
  advice: 'generic.speeding',
  phrases: [
    p(
      'speeding.sending-quota',
      SENDING_QUOTA_WORDS,
      'Google ("550 5.4.5 Daily user sending quota exceeded", https://support.google.com/a/answer/166852), Microsoft ("5.2.2 Submission quota exceeded", "5.1.90 … reached your daily limit for message recipients"), Amazon SES ("Sending quota exceeded"), SendGrid ("451 Authentication failed: Maximum credits exceeded", https://github.com/mautic/mautic/issues/8721), cPanel/Exim and relays\' own sending limits',
    ),
    p(
      'speeding.rate',
      /(?<!connection )\brate[ -]?limit|\b(?:message|sending|send|mail) rate\b[^.;\n]{0,30}\bexceeded\b|\b(?:sending|receiving) (?:too fast|rate)\b|\btry again slower\b|\bthrottl|\bexceeded (?:the |your )?(?:message|sending|hourly|daily) (?:rate|limit|quota)\b|\bmax(?:imum)? (?:emails|messages) per (?:hour|day)\b|\bhourly (?:limit|rate)\b|\bdaily (?:sending |message )?(?:limit|quota)\b|\bat a rate that prevents\b|\bslow down\b|\bunusual rate\b|\b(?:is |are )?sending too many (?:messages|mails|e-?mails)\b|\brate over ?limit\b|\b(?:messages|mails|e-?mails) too fast\b|\btoo (?:much mail|many (?:messages|mails|e-?mails)) (?:from|sent|per|in|for)\b|\b(?:too many|exceeded|limit|quota)\b[^.;\n]{0,60}\bper (?:second|minute|hour|day|24 ?h(?:ours)?)\b|(?<!(?:size|length|storage|disk|mailbox|attachment|header|line|recipients?|connection|connection rate|session|[kKMGT]i?B|bytes|octets) )\blimit (?:has been |was )?(?:exceeded|reached)\b/i,
      'Gmail (4.2.1, 4.7.28 rate limits), cPanel/Exim ("max emails per hour"), HestiaCP\'s Exim ("Email account … is sending too many emails - rate overlimit", hestiacp/hestiacp#2666), Mailu ("You are sending too many emails too fast", Mailu/Mailu#2416), Amazon SES ("Throttling failure"), Postfix anvil, policy daemons ("too many messages from <ip> per hour")',
    ),
    p(
      'speeding.sending-quota-localized',
      // the sending quota of the account in other languages: "quota d'envoi (de mails) dépassé" (Free), "cuota de envío
      // excedida", "quota di invio superata", "cota/limite de envio excedida", "Sendelimit/Versandlimit erreicht" —
      // an allowance of messages, not a mailbox's storage quota (the lexicon's "quota … dépassé" reads that)
      /(?<!\p{L})(?:quota|limite|cuota|cota|l\u00edmite)\s+(?:d['\u2019]|de\s+|di\s+)(?:envoi|env\u00edo|envio|invio)(?!\p{L})|(?<!\p{L})(?:Sende|Versand)(?:limit|kontingent)(?!\p{L})/iu,
      'Free ("Quota d\'envoi de mails dépassé", roundcube/roundcubemail#5908: it lifted by itself the next day)',
    ),
  ],
};

export const TOO_MANY_CONN: ReasonTable = {
  reason: 'toomanyconn',
  meaning: 'Too many connections, sessions or recipients at once from this sender.',
  definition: DEF('toomanyconn'),
  advice: 'generic.too-many-connections',
  phrases: [
    p(
      'toomanyconn.connections',
      /\btoo many (?:connections|concurrent|sessions|simultaneous|open connections|smtp sessions|errors|recipients)\b|\bconnection (?:rate )?limit\b|\bconnection rate\b|\bconcurrent (?:smtp )?connections\b|\bmaximum (?:number of )?connections\b|\bper-domain connection limit\b|\btrop de connexions\b|\bnumerous attempts to deliver\b|\bat maximum connection limit\b|\bfrequency limited\b|\bmax(?:imum)? messages? per connection\b/i,
      'RFC 3463 §3.6 (X.5.3 "Too many recipients"); sendmail ("Too many SMTP sessions for this host"); Microsoft, free.fr, SendGrid; Ghent University\'s relay ("421 4.5.1. Connection Rate", https://helpdesk.ugent.be/email/faq.php)',
    ),
  ],
};
