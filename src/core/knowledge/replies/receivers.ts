// Receivers that number their refusals (La Poste/Orange, GoDaddy, Spectrum)
// or whose words mean something else than the same words elsewhere (au by
// KDDI, NTT docomo, Mimecast): each code or text with the reason the
// receiver's own published table gives it. Codes are matched as the receivers
// write them; the reason engine (src/core/reason/engine.ts) takes these before
// the common words of each reason.

import type { Party } from '../../types';
import type { ReplyKnowledge } from './types';

interface CodeRow {
  /** The receiver's code numbers (alternatives of a pattern). */
  codes: string;
  reason: string;
  meaning: string;
  /** The steps, when the reason's usual ones would mislead (a code that names a public blocklist). */
  rules?: string[];
}

const RULES: Record<string, string[]> = {
  blocked: ['reputation.blocked', 'dnsbl.listed'],
  badreputation: ['reputation.blocked'],
  toomanyconn: ['smtp.rate-limited'],
  speeding: ['smtp.rate-limited'],
  securityerror: ['smtp.auth-required'],
  authfailure: ['spf.fail', 'dkim.fail', 'dmarc.fail'],
  rejected: ['smtp.sender-invalid'],
  userunknown: ['smtp.recipient-unknown'],
  mailboxfull: ['smtp.mailbox-full'],
  suspend: ['smtp.recipient-unknown'],
  systemerror: ['smtp.rejected'],
  networkerror: ['smtp.rejected'],
  spamdetected: ['smtp.content-rejected'],
  virusdetected: ['smtp.content-rejected'],
  policyviolation: ['smtp.content-rejected'],
  mesgtoobig: ['smtp.message-too-large'],
  notcompliantrfc: ['smtp.not-compliant'],
  requireptr: ['ptr.missing', 'ptr.mismatch', 'ptr.generic'],
  norelaying: ['smtp.relay-denied'],
  notaccept: ['smtp.recipient-unknown'],
  filtered: ['smtp.content-rejected'],
};

const PARTY: Record<string, Party> = {
  userunknown: 'recipient',
  mailboxfull: 'recipient',
  suspend: 'recipient',
  notaccept: 'recipient',
  systemerror: 'recipient',
  filtered: 'recipient',
  networkerror: 'unknown',
  toomanyconn: 'receiver-policy',
  speeding: 'receiver-policy',
  spamdetected: 'receiver-policy',
  virusdetected: 'receiver-policy',
  policyviolation: 'receiver-policy',
};

function coded(
  prefix: string,
  sender: string,
  pattern: (codes: string) => RegExp,
  rows: CodeRow[],
  sources: string[],
  hosts?: RegExp,
): ReplyKnowledge[] {
  return rows.map((row) => ({
    id: `${prefix}.${row.reason}-${row.codes.split('|')[0]}`,
    sender,
    text: pattern(row.codes),
    reason: row.reason,
    party: PARTY[row.reason] ?? 'sender',
    meaning: row.meaning,
    rules: row.rules ?? RULES[row.reason] ?? ['smtp.rejected'],
    ...(hosts ? { hosts } : {}),
    ...(row.reason === 'toomanyconn' || row.reason === 'speeding' ? { transient: true } : {}),
    sources,
  }));
}

/**
 * La Poste and Orange (laposte.net, orange.fr, wanadoo.fr) end each refusal with a code:
 * "LPN007_416", "OFR006_102", "OFR_506", "LPNAAA_101" — the last three digits say why.
 */
const ORANGE = coded(
  'orange',
  'Orange and La Poste (orange.fr, wanadoo.fr, laposte.net)',
  (codes) => new RegExp(String.raw`\b(?:LPN|OFR|OUK)(?:AAA|\d{3})?_?(?:${codes})\b`, 'i'),
  [
    {
      codes: '101|102|103|510|999',
      reason: 'blocked',
      meaning: 'La Poste/Orange block the sending IP (a blocklist such as Spamhaus or Cloudmark, or spam seen from it).',
    },
    { codes: '104', reason: 'toomanyconn', meaning: 'Too many connections from the sending IP; slow down.' },
    { codes: '305|402', reason: 'securityerror', meaning: 'Authentication required or invalid.' },
    { codes: '401|517', reason: 'authfailure', meaning: 'SPF (401) or DMARC (517) verification failed for the sender.' },
    {
      codes: '403|405|415|421',
      reason: 'rejected',
      meaning: 'Invalid sender ("Emetteur invalide"), or a MAIL FROM the account does not own.',
    },
    { codes: '416|418', reason: 'userunknown', meaning: 'At least one recipient address is invalid ("Adresse destinataire invalide").' },
    { codes: '417', reason: 'mailboxfull', meaning: 'The recipient\'s mailbox is full ("Boite du destinataire pleine").' },
    { codes: '420|426', reason: 'suspend', meaning: "The recipient's mailbox is archived or its account blocked." },
    { codes: '505', reason: 'systemerror', meaning: 'Service refused for now; try later.' },
    { codes: '506', reason: 'spamdetected', meaning: 'Orange\'s filter refused the message as spam ("Mail rejete").' },
    { codes: '514', reason: 'mesgtoobig', meaning: 'The message exceeds the size limit ("Taille limite du message atteinte").' },
    { codes: '630', reason: 'policyviolation', meaning: 'The client host was refused by a local policy of the receiver.' },
  ],
  [
    'https://postmaster.orange.fr/ (Orange postmaster: error codes)',
    'https://www.postmastery.com/orange-postmaster-smtp-error-codes-ofr/',
    'https://smtpfieldmanual.com/provider/orange',
  ],
);

/** GoDaddy (secureserver.net) ends each refusal with "IBnnn". */
const GODADDY = coded(
  'godaddy',
  'GoDaddy (secureserver.net)',
  (codes) => new RegExp(String.raw`\bIB(?:${codes})\b`),
  [
    {
      codes: '401',
      reason: 'securityerror',
      meaning: 'Authentication is not allowed on inbound mail (the client uses the wrong outgoing server).',
    },
    { codes: '501|502', reason: 'notcompliantrfc', meaning: 'The From: address is blank or an IP address.' },
    { codes: '506', reason: 'rejected', meaning: 'The From: domain is invalid (no MX or A record).' },
    { codes: '508', reason: 'authfailure', meaning: "The sender domain's SPF record does not authorise the sending server." },
    { codes: '108', reason: 'requireptr', meaning: 'The sending IP has no reverse DNS, or its lookup failed.' },
    { codes: '212', reason: 'spamdetected', meaning: 'Content judged to be spam.' },
    { codes: '705', reason: 'virusdetected', meaning: 'The message was judged infected.' },
    { codes: '605|007', reason: 'toomanyconn', meaning: 'Too many recipients in the message, or too many sessions from the IP.' },
    { codes: '101|504|510|607', reason: 'speeding', meaning: 'The IP sent too many messages or recipients this hour or session.' },
    {
      codes: '110|111|112|113|104|105|106',
      reason: 'blocked',
      meaning: 'The IP is blocked (spam or invalid recipients from it, or a Spamhaus listing).',
    },
    { codes: '103', reason: 'badreputation', meaning: 'The IP has a poor reputation on Cloudmark Sender Intelligence.' },
  ],
  ['https://www.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685 (GoDaddy: bounce error codes)'],
);

/** Spectrum (Charter) ends each refusal with "AUP#I-nnnn" (incoming) or "AUP#O-nnnn" (outgoing). */
const SPECTRUM = coded(
  'spectrum',
  'Spectrum (charter.net)',
  (codes) => new RegExp(String.raw`\bAUP#[A-Za-z]{1,4}-?(?:${codes})\b`),
  [
    {
      codes: '1000|120\\d|1210|12[2-4]\\d|1250',
      reason: 'blocked',
      meaning: 'The sending IP is blocked (suspicious activity, Cloudmark CSI or Spamhaus).',
    },
    {
      codes: '10[1-7]\\d|1080|1500|1520',
      reason: 'rejected',
      meaning: 'The sending account or address is blocked or restricted, or sends as an address it does not own.',
    },
    { codes: '1090', reason: 'systemerror', meaning: 'The message could not be processed now.' },
    {
      codes: '11[0-4]\\d|1150',
      reason: 'requireptr',
      meaning: 'Spectrum requires full-circle (forward-confirmed) reverse DNS for the sending IP.',
    },
    {
      codes: '11[6-8]\\d|1190|1560',
      reason: 'policyviolation',
      meaning: "The message goes against the domain's security policies, or has too many invalid recipients.",
    },
    { codes: '1260', reason: 'networkerror', meaning: 'Spectrum does not take mail over IPv6; connect over IPv4.' },
    { codes: '13[0-3]\\d|1340', reason: 'toomanyconn', meaning: 'Too many connections from the sender.' },
    { codes: '13[5-9]\\d|14\\d\\d|1540|1550|1580', reason: 'speeding', meaning: 'Too many messages or recipients in a short time.' },
    { codes: '1530', reason: 'mesgtoobig', meaning: 'The message is over the 20 MB limit.' },
  ],
  ['https://www.spectrum.net/support/internet/understanding-email-error-codes (Spectrum: email error codes)'],
);

/** Cox ends each refusal with "AUP#CXBL", "AUP#CXDNS", "IPBL0001", "URLBL011"… */
const COX = coded(
  'cox',
  'Cox Communications (cox.net)',
  (codes) => new RegExp(String.raw`\b(?:AUP#)?(?:${codes})\b`),
  [
    {
      codes: 'CXBL|CDRBL|IPBL[01]{4,5}',
      reason: 'blocked',
      meaning: 'Cox blocks the sending IP (spam-like behaviour, or a listing on Spamhaus, Return Path, Invaluement or Cloudmark CSI).',
    },
    { codes: 'CXDNS', reason: 'requireptr', meaning: 'The reverse DNS lookup of the sending IP fails; Cox requires a valid PTR record.' },
    { codes: 'CXSNDR', reason: 'authfailure', meaning: "The message failed the sender domain's SPF, DomainKeys or DKIM checks." },
    {
      codes: 'CXSMTP',
      reason: 'rejected',
      meaning: 'Cox could not verify that the message came from a legitimate sender (an SMTP protocol violation).',
    },
    { codes: 'CXCNCT|CXMXRT', reason: 'toomanyconn', meaning: 'Too many concurrent connections, or too many recipients, from the sender.' },
    { codes: 'CXTHRT|CXMJ', reason: 'securityerror', meaning: 'Sending is limited because of suspicious activity on the Cox account.' },
    { codes: 'URLBL[01]{3,4}', reason: 'spamdetected', meaning: 'A URL in the message is on a blocklist (SURBL, Spamhaus DBL, ivmURI).' },
  ],
  ['https://www.cox.com/residential/support/cox-postmaster-email-administration.html (Cox postmaster: error codes)'],
);

/**
 * Comcast (Xfinity) ends each refusal with a code of its postmaster table ("…smtp-error-codes.php#BL000001"):
 * ES = dynamic/residential space, BL = a block list (the bits say which: Spamhaus ZEN, Cloudmark CSI,
 * SenderScore; BL000000 Comcast's own), RL = rate limits. (Comcast moved its mailboxes to Yahoo in 2025;
 * the codes remain in older logs and in Comcast business mail.)
 */
const COMCAST = coded(
  'comcast',
  'Comcast / Xfinity (comcast.net)',
  (codes) => new RegExp(String.raw`\b(?:${codes})\b`),
  [
    {
      codes: 'ES000001|ES000010',
      reason: 'blocked',
      meaning:
        "Comcast takes no mail straight from dynamic or residential IP space (ES000001 its own, ES000010 others'); such an IP must send through its provider's mail server, or get a static-looking PTR.",
    },
    { codes: 'BL000000', reason: 'blocked', meaning: "Comcast's own block: the IP sent mail in patterns characteristic of spam." },
    {
      codes: 'BL000001|BL000011|BL000101|BL000111',
      reason: 'blocked',
      meaning: 'The sending IP is on the Spamhaus ZEN blocklist (alone or with Cloudmark CSI or SenderScore), which Comcast uses.',
      rules: ['dnsbl.listed', 'reputation.blocked'],
    },
    {
      codes: 'BL000010|BL000100|BL000110',
      reason: 'badreputation',
      meaning: 'The sending IP has a poor reputation on Cloudmark Sender Intelligence or the SenderScore blocklist, which Comcast uses.',
    },
    {
      codes: 'RL000001|RL000010|RL000100',
      reason: 'speeding',
      meaning: 'The IP sent more mail or opened more connections than Comcast allows in its time window.',
    },
  ],
  [
    'http://postmaster.comcast.net/mail-error-codes.html (Comcast postmaster: mail delivery error codes)',
    'https://www.xfinity.com/support/articles/email-errors (Xfinity: email error codes)',
  ],
);

/** i.ua links each refusal to its error page: "https://mail.i.ua/err/N/". */
const IUA = coded(
  'iua',
  'i.ua (Ukraine)',
  (codes) => new RegExp(String.raw`\.i\.ua/err/(?:${codes})/`, 'i'),
  [
    { codes: '1|6', reason: 'norelaying', meaning: "i.ua is not a relay: send through your own provider's SMTP server." },
    { codes: '2', reason: 'userunknown', meaning: 'The i.ua user does not exist.' },
    { codes: '3', reason: 'suspend', meaning: 'The mailbox has not been used for more than three months.' },
    { codes: '4', reason: 'mailboxfull', meaning: 'The mailbox is full.' },
    { codes: '5', reason: 'toomanyconn', meaning: 'The sending limit is exceeded.' },
    { codes: '7|9', reason: 'blocked', meaning: 'A wrong HELO/EHLO name, or the sending IP is blacklisted.' },
    { codes: '8', reason: 'rejected', meaning: 'The sender address could not be verified.' },
    { codes: '10', reason: 'filtered', meaning: "The sender is not on the recipient's list of allowed addresses." },
  ],
  ['https://mail.i.ua/err/ (i.ua error pages)'],
);

const MIMECAST_SRC = ['https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754 (Mimecast: SMTP error codes)'];

function entry(e: Omit<ReplyKnowledge, 'rules' | 'party'> & Partial<Pick<ReplyKnowledge, 'rules' | 'party'>>): ReplyKnowledge {
  return { rules: RULES[e.reason] ?? ['smtp.rejected'], party: PARTY[e.reason] ?? 'sender', ...e };
}

export const RECEIVER_CODE_REPLIES: ReplyKnowledge[] = [
  ...ORANGE,
  ...GODADDY,
  ...SPECTRUM,
  ...COX,
  ...COMCAST,
  ...IUA,
  // Apple iCloud Mail's own texts (support.apple.com/en-us/102322)
  entry({
    id: 'icloud.excessive-volume',
    sender: 'Apple iCloud Mail',
    text: /\bdeferred due to excessive volume\b/i,
    reason: 'speeding',
    meaning: 'iCloud defers mail to this recipient because too much arrives from the sender; later retries go through.',
    sources: ['https://support.apple.com/en-us/102322 (iCloud Mail: postmaster information)'],
  }),
  entry({
    id: 'icloud.inactive-address',
    sender: 'Apple iCloud Mail',
    text: /\binactive email address\b/i,
    reason: 'userunknown',
    meaning: 'The iCloud address is not in use.',
    sources: ['https://support.apple.com/en-us/102322 (iCloud Mail: postmaster information)'],
  }),
  entry({
    id: 'icloud.hme1-auth',
    sender: 'Apple iCloud Mail',
    text: /\[HME1\]|blocked for failing both SPF and DKIM/i,
    reason: 'authfailure',
    meaning: 'iCloud refused the message because it failed both SPF and DKIM.',
    sources: ['https://support.apple.com/en-us/102322 (iCloud Mail: postmaster information)'],
  }),
  // Tencent QQ Mail's own texts (service.mail.qq.com/detail/122)
  entry({
    id: 'qq.frequency-limited',
    sender: 'Tencent QQ Mail',
    text: /\b(?:ip|domain|sender|connection) frequency limited\b/i,
    reason: 'toomanyconn',
    meaning: 'QQ Mail limits how often this IP, domain or sender may connect or send.',
    sources: ['https://service.mail.qq.com/detail/122 (QQ Mail: SMTP error codes 172–175)'],
  }),
  entry({
    id: 'qq.receive-frequency',
    sender: 'Tencent QQ Mail',
    text: /\bfrequency of receiving messages is limited\b/i,
    reason: 'speeding',
    // the limit is on what the RECIPIENT receives (from all senders), like Gmail's 4.2.1 (replies/gmail.ts): the
    // recipient's side, not a policy on the reader's sending
    party: 'recipient',
    meaning: 'The QQ recipient receives too much mail too fast; later retries go through.',
    sources: ['https://service.mail.qq.com/detail/122 (QQ Mail: SMTP error codes)'],
  }),
  entry({
    id: 'qq.suspected-spam-ip',
    sender: 'Tencent QQ Mail',
    text: /\bsuspected (?:spam ip|bounce attacks)\b/i,
    reason: 'blocked',
    meaning: 'QQ Mail blocks the sending IP as a suspected spam or bounce-attack source.',
    sources: ['https://service.mail.qq.com/detail/122 (QQ Mail: SMTP error codes 57, 66)'],
  }),
  // Mimecast's documented refusals
  entry({
    id: 'mimecast.host-network-not-allowed',
    sender: 'Mimecast',
    text: /\bHost network,? not allowed\b/i,
    reason: 'policyviolation',
    meaning: 'A Geographical Restriction policy of the recipient organisation refuses mail from the sending network.',
    sources: MIMECAST_SRC,
  }),
  entry({
    id: 'mimecast.ip-reputation',
    sender: 'Mimecast',
    text: /\blocal CT IP reputation\b/i,
    reason: 'badreputation',
    meaning: "Mimecast's ongoing reputation checks refuse the sending IP.",
    sources: MIMECAST_SRC,
  }),
  entry({
    id: 'mimecast.sender-invalid',
    sender: 'Mimecast',
    text: /\b(?:SPF|DKIM|DMARC) Sender Invalid - envelope rejected\b/i,
    reason: 'authfailure',
    meaning: 'The sender failed SPF, DKIM or DMARC at Mimecast (DNS Authentication policy).',
    sources: MIMECAST_SRC,
  }),
  entry({
    id: 'mimecast.requires-tls',
    sender: 'Mimecast',
    text: /\bthis route requires (?:encryption|TLS|high-strength ciphers)\b/i,
    reason: 'securityerror',
    meaning: 'A Secure Receipt policy requires TLS (1.2 or later, strong ciphers) for this route.',
    sources: MIMECAST_SRC,
  }),
  entry({
    id: 'mimecast.open-relay',
    sender: 'Mimecast',
    text: /\bopen relay (?:is )?not allowed\b/i,
    reason: 'norelaying',
    meaning: 'Neither the sender nor the recipient domain is a Mimecast customer of this account: Mimecast does not relay.',
    sources: MIMECAST_SRC,
  }),
  entry({
    id: 'mimecast.size',
    sender: 'Mimecast',
    text: /\bmaximum email size exceeded\b/i,
    reason: 'mesgtoobig',
    meaning: 'The message exceeds an Email Size Limit policy or the Mimecast service limit.',
    sources: MIMECAST_SRC,
  }),
  // au by KDDI (ezweb.ne.jp, au.com): the address in the reply tells an unknown user from a filter
  entry({
    id: 'kddi.user-unknown',
    sender: 'au by KDDI (ezweb.ne.jp, au.com)',
    text: /<address>: User unknown\b/i,
    hosts: /(?:^|\.)(?:ezweb\.ne\.jp|au\.com)$/i,
    reason: 'userunknown',
    meaning: 'The au mail address does not exist (au names the address in its "User unknown" reply).',
    sources: ['https://www.au.com/support/service/internet/trouble/mail/01/ (au: error mails)'],
  }),
  entry({
    id: 'kddi.filtered',
    sender: 'au by KDDI (ezweb.ne.jp, au.com)',
    text: /\b550 : User unknown\b|^\s*: User unknown\b/i,
    hosts: /(?:^|\.)(?:ezweb\.ne\.jp|au\.com)$/i,
    reason: 'filtered',
    meaning: 'The au recipient\'s reception settings refused the sender (au answers "550 : User unknown" without the address).',
    sources: ['https://www.au.com/support/service/internet/trouble/mail/01/ (au: error mails)'],
  }),
  // Verizon Wireless' e-mail-to-SMS gateway answers for its phone numbers itself
  entry({
    id: 'verizon.no-such-user',
    sender: 'Verizon Wireless (vtext.com, vzwpix.com)',
    text: /\bno such user here\b|\bNo valid recipients\b/i,
    hosts: /(?:^|\.)(?:vtext\.com|vzwpix\.com)$/i,
    reason: 'userunknown',
    meaning: 'The phone number behind the vtext.com/vzwpix.com address is not a Verizon subscriber that can receive texts by e-mail.',
    sources: ['https://www.verizon.com/support/email-to-text-faqs/ (Verizon: sending e-mail to a phone)'],
  }),
  // NTT docomo: "Unknown user" after DATA was its answer to a sender the recipient's settings refuse
  entry({
    id: 'docomo.refused-after-data',
    sender: 'NTT docomo (docomo.ne.jp)',
    text: /\bUnknown user\b/i,
    stages: ['data', 'end-of-data'],
    hosts: /(?:^|\.)docomo\.ne\.jp$/i,
    reason: 'rejected',
    meaning:
      'docomo answered "550 Unknown user" after DATA when the recipient\'s reception settings refused the sender\'s domain or address (docomo stopped doing so in March 2025; the same words at RCPT TO are an unknown user).',
    sources: [
      'https://www.docomo.ne.jp/info/spam_mail/ (docomo: reception settings)',
      'github.com/sisimai/go-sisimai/issues/64 (docomo reply change, March 2025)',
    ],
  }),
];
