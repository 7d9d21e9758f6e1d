// Refusals of regional mailbox providers — Korea (Naver, Daum/Kakao), China
// (NetEase 163/126/yeah, its enterprise mail), France (SFR, Free), the Czech
// Republic (Seznam), Russia (Yandex's own table) and Apple
// iCloud's bracketed codes — each text as the provider's page (or a page
// quoting the provider's reply) gives it, with the reason that page names.
// Codes are matched as the providers write them; the reason engine
// (src/core/reason/engine.ts) takes these before the common words of each reason.

import type { Party } from '../../types';
import type { ReplyKnowledge } from './types';

const RULES: Record<string, string[]> = {
  blocked: ['reputation.blocked', 'dnsbl.listed'],
  badreputation: ['reputation.blocked'],
  toomanyconn: ['smtp.rate-limited'],
  speeding: ['smtp.rate-limited'],
  userunknown: ['smtp.recipient-unknown'],
  mailboxfull: ['smtp.mailbox-full'],
  suspend: ['smtp.recipient-unknown'],
  filtered: ['smtp.rejected'],
  spamdetected: ['smtp.content-rejected'],
  virusdetected: ['smtp.content-rejected'],
  policyviolation: ['smtp.content-rejected'],
  rejected: ['smtp.sender-invalid'],
  syntaxerror: ['smtp.rejected'],
};
const PARTY: Record<string, Party> = {
  userunknown: 'recipient',
  mailboxfull: 'recipient',
  suspend: 'recipient',
  filtered: 'recipient',
  toomanyconn: 'receiver-policy',
  speeding: 'receiver-policy',
  spamdetected: 'receiver-policy',
  virusdetected: 'receiver-policy',
  policyviolation: 'receiver-policy',
};

type Entry = Omit<ReplyKnowledge, 'rules' | 'party'> & Partial<Pick<ReplyKnowledge, 'rules' | 'party'>>;
function entry(e: Entry): ReplyKnowledge {
  return {
    rules: RULES[e.reason] ?? ['smtp.rejected'],
    party: PARTY[e.reason] ?? 'sender',
    ...(e.reason === 'toomanyconn' || e.reason === 'speeding' ? { transient: true } : {}),
    ...e,
  };
}

interface CodeRow {
  codes: string;
  reason: string;
  meaning: string;
  rules?: string[];
}
/** One entry per row of a provider's numbered table (the codes are alternatives of one pattern). */
function coded(prefix: string, sender: string, pattern: (codes: string) => RegExp, rows: CodeRow[], sources: string[]): ReplyKnowledge[] {
  return rows.map((row) =>
    entry({
      id: `${prefix}.${row.reason}-${row.codes
        .split('|')[0]
        .replace(/[^A-Za-z0-9]/g, '')
        .toLowerCase()}`,
      sender,
      text: pattern(row.codes),
      reason: row.reason,
      meaning: row.meaning,
      ...(row.rules ? { rules: row.rules } : {}),
      sources,
    }),
  );
}

const NETEASE_SRC = [
  'http://help.163.com/09/1224/17/5RAJ4LMH00753VB8.html (NetEase mail: bounce and SMTP error codes)',
  'https://biecuoliao.com/pa/MBRrwEM.html (NetEase bounce codes quoted with their meanings: HL:, MI:, RP:, DT:, WM:)',
  'http://163ns.com.cn/mail/MailFAQ.htm (NetEase-based enterprise mail: the same HL: codes)',
];

/**
 * NetEase (163.com, 126.com, yeah.net, qiye.163.com) ends each refusal with a class and a three-letter code:
 * "421 HL:ICC", "451 DT:SPM", "450 MI:SFQ", "450 RP:DRC". HL = the connecting IP's behaviour, MI = the
 * message count, RP = the recipients, DT = the content or a blocklist, WM = an allow list.
 */
const NETEASE = coded(
  'netease',
  'NetEase (163.com, 126.com, yeah.net, NetEase enterprise mail)',
  (codes) => new RegExp(String.raw`\b(?:${codes})\b`),
  [
    {
      codes: 'HL:REP|HL:MEP|HL:IHU|HL:IPB',
      reason: 'blocked',
      meaning:
        'NetEase suspended the sending IP for its behaviour: many unknown recipients (REP), forged sender domains (MEP), a breach of its terms (IHU), or it is not on the allowed list (IPB). Check the server for spam or a compromised account, clean the recipient list, then retry later.',
      rules: ['reputation.blocked'],
    },
    {
      codes: 'HL:ICC|MI:DMC|RP:DRC',
      reason: 'toomanyconn',
      meaning:
        'Too many connections at once from the IP (ICC), or too many messages (DMC) or recipients (DRC) in one connection: lower the concurrency and the messages per connection.',
    },
    {
      codes: 'HL:IFC|HL:IFQ|MI:SFQ|RP:QRC',
      reason: 'speeding',
      meaning:
        'The IP (IFC, IFQ) or the sender (SFQ: more than the limit in 15 minutes; QRC: too many recipients over time) sent too much in a short time: slow down and retry later.',
    },
    {
      codes: 'DT:RBL',
      reason: 'blocked',
      meaning: 'The sending IP is on one or more DNS blocklists that NetEase consults.',
      rules: ['dnsbl.listed', 'reputation.blocked'],
    },
    {
      codes: 'DT:SPM',
      reason: 'spamdetected',
      meaning:
        'NetEase took the message for spam (its content, or a sending environment that is not well configured); a 451 is a temporary refusal that a later retry may pass, after the content or the setup (PTR, SPF, DKIM) is fixed.',
    },
    {
      codes: 'WM:BLI|WM:BLU',
      reason: 'blocked',
      meaning: 'The IP (BLI) or the sender (BLU) is not on the list NetEase allows to send to this domain.',
      rules: ['reputation.blocked'],
    },
  ],
  NETEASE_SRC,
);

/** SFR (sfr.fr, neuf.fr, club-internet.fr, numericable.fr…) names a two-hour IP block "SFR_IN_x0n": the last digits say why. */
const SFR = coded(
  'sfr',
  'SFR (sfr.fr, neuf.fr, club-internet.fr, numericable.fr and the other SFR domains)',
  (codes) => new RegExp(String.raw`\bSFR_IN_\d(?:${codes})\b`),
  [
    {
      codes: '01',
      reason: 'blocked',
      meaning: 'SFR blocks the IP for two hours: too many of its messages were taken for spam.',
      rules: ['reputation.blocked'],
    },
    {
      codes: '02',
      reason: 'virusdetected',
      meaning: 'SFR blocks the IP for two hours: it sent messages carrying a virus or malware.',
      rules: ['smtp.content-rejected', 'reputation.blocked'],
    },
    {
      codes: '03',
      reason: 'blocked',
      meaning: 'SFR blocks the IP for two hours: too many SMTP protocol errors.',
      rules: ['reputation.blocked'],
    },
    {
      codes: '04',
      reason: 'blocked',
      meaning: 'SFR blocks the IP for two hours: it sent to too many unknown SFR users (clean the recipient list).',
      rules: ['reputation.blocked'],
    },
    { codes: '05', reason: 'speeding', meaning: 'SFR blocks the IP for two hours: it went over the volume SFR allows.' },
  ],
  [
    'https://www.postmastery.com/all-about-isp-sfr-and-smtp-error-codes-sfr_in_xxx/ (SFR and its SFR_IN_xxx codes)',
    'https://bentonow.com/smtp-errors/sfr (SFR_IN codes: 01 spam, 02 virus, 03 protocol errors, 04 unknown users, 05 volume; two-hour blocks)',
  ],
);

const COREMAIL_SRC = [
  'https://blog.sina.com.cn/s/blog_8dc13ec50101fxxr.html (Sina mail / Coremail SMTP error replies with their meanings)',
  'https://www.icoremail.vip/support/index.php?cate_id=84&page=5&start=0 (Coremail support: bounce texts)',
];

/**
 * Coremail (the server of Sina, 263, 21cn and many Chinese enterprises) answers with short fixed texts: the
 * receiver's checks of the connecting IP ("black ip", "remote ip check error": the IP does not belong to the
 * MAIL FROM domain), of relaying ("host denies relay"), and of the message ("too many same size mails").
 */
const COREMAIL = coded(
  'coremail',
  'Coremail (Sina, 263, 21cn and Chinese enterprise mail)',
  // the whole reply is the text: it ends there, or a bracket or a new sentence follows (a notice's words joined
  // after it); case-sensitive, as Coremail writes them, so that "black ip list updated" is not "black ip"
  (codes) => new RegExp(String.raw`^\s*(?:[45]\d\d[- ](?:[45]\.\d{1,3}\.\d{1,3} )?)?(?:${codes})\.?(?:\s*$|\s*\(|\s+(?=[A-Z]))`, 'm'),
  [
    {
      codes: 'black ip|IP is rejected|smtpport check error',
      reason: 'blocked',
      meaning: 'The receiver refuses the sending IP (its own block list, or it does not take the IP for a real mail server).',
      rules: ['reputation.blocked'],
    },
    {
      codes: 'remote ip check error',
      reason: 'authfailure',
      meaning: "The sending IP does not belong to the MAIL FROM domain by the receiver's check (its SPF-like test of the sender's domain).",
      rules: ['spf.fail', 'spf.missing'],
    },
    {
      codes: 'host denies relay|relay check domain fail',
      reason: 'norelaying',
      meaning: 'The server is not a destination for this recipient and does not relay for this client.',
      rules: ['smtp.relay-denied'],
    },
    {
      codes: 'relay check local fail',
      reason: 'securityerror',
      meaning: "A sender address of the server's own domain must log in (SMTP AUTH) before sending.",
      rules: ['smtp.auth-required'],
    },
    {
      codes: 'too many same size mails',
      reason: 'spamdetected',
      meaning: 'Many messages of the same size in a row: the receiver takes them for bulk spam.',
    },
    {
      codes: 'attachment is too long',
      reason: 'mesgtoobig',
      meaning: 'An attachment is larger than the receiver accepts.',
      rules: ['smtp.message-too-large'],
    },
    {
      codes: 'sender is unvalidated|mail address invalid|Black mail address|Fake sender',
      reason: 'rejected',
      meaning: 'The receiver refused the sender address (invalid, not matching the login, forged, or on its block list).',
    },
    {
      codes: 'helohost error',
      reason: 'blocked',
      meaning: "The HELO/EHLO name failed the receiver's check.",
      rules: ['smtp.helo-rejected', 'helo.invalid'],
    },
  ],
  COREMAIL_SRC,
);

const EARTHLINK_SRC = [
  'https://postmaster-earthlink.vadesecure.com/outbound_error_codes (EarthLink postmaster, run by Vade: ELNK_ codes)',
  'https://support.earthlink.net/articles/email/email-blocked-by-earthlink.php (EarthLink: "550 IP … is blocked by EarthLink")',
];

/** EarthLink (run by Vade) ends each refusal with "ELNK_nnn"; older replies say "Dynamic/zombied/spam IPs blocked". */
const EARTHLINK = [
  ...coded(
    'earthlink',
    'EarthLink (earthlink.net, mindspring.com, peoplepc.com)',
    (codes) => new RegExp(String.raw`\bELNK_(?:${codes})\b`),
    [
      {
        codes: '101|102|134',
        reason: 'blocked',
        meaning:
          "The sending IP is on Vade's threat list (101) or EarthLink's own blocklist (102), or took part in SMTP AUTH attacks (134).",
        rules: ['reputation.blocked', 'dnsbl.listed'],
      },
      { codes: '110|139', reason: 'toomanyconn', meaning: 'Too many connections at once from the sending IP; retry later with fewer.' },
      {
        codes: '130',
        reason: 'badreputation',
        meaning: 'The sending server is a source of unacceptable messages: EarthLink rate-limits the IP for now.',
      },
      { codes: '136', reason: 'speeding', meaning: 'Too much mail from the sending IP in a short time: EarthLink rate-limits it for now.' },
      {
        codes: '201',
        reason: 'blocked',
        meaning: "The server's HELO/EHLO name is not acceptable to EarthLink.",
        rules: ['smtp.helo-rejected', 'helo.invalid'],
      },
    ],
    EARTHLINK_SRC,
  ),
  entry({
    id: 'earthlink.ip-blocked',
    sender: 'EarthLink (earthlink.net, mindspring.com, peoplepc.com)',
    text: /\bDynamic\/zombied\/spam IPs blocked\b|\bis blocked by EarthLink\b|\bblockedbyearthlink@/i,
    reason: 'blocked',
    meaning:
      'EarthLink blocks the sending IP: it is dynamic, listed as a spam source by the lists EarthLink uses, or drew complaints. Check the lists, then write to blockedbyearthlink@abuse.earthlink.net with "Blocked <IP>" as the subject.',
    rules: ['reputation.blocked', 'dnsbl.listed', 'ptr.generic'],
    sources: EARTHLINK_SRC,
  }),
];

const YANDEX_BOUNCES = 'https://yandex.com/support/mail/bounces/yandex.html (Yandex Mail: report on non-delivery to Yandex)';
const ICLOUD = 'https://support.apple.com/en-us/102322 (Postmaster information for iCloud Mail)';

export const REGIONAL_REPLIES: ReplyKnowledge[] = [
  ...NETEASE,
  ...SFR,
  ...COREMAIL,
  ...EARTHLINK,
  // Naver (and other Korean receivers built on the same server) refuse a filtered IP at the greeting and ask
  // the sender to register it ("You must register your IP to http://realip.naver.com")
  entry({
    id: 'naver.ip-filtered',
    sender: 'Naver (naver.com) and Korean receivers on the same mail server',
    text: /\bYour IP\s?\(?[^)]{0,45}\)? is filtered and this connection will be closed\b|\brealip\.naver\.com\b/i,
    reason: 'blocked',
    meaning:
      "The receiver's filter took the sending IP for a bulk or spam sender and closes every connection from it until the IP is registered (Naver: realip.naver.com).",
    fix: [
      'Register the sending IP {ip} with the receiver (Naver: http://realip.naver.com), as the reply asks.',
      'Slow down bulk sending to the receiver, and check the server for spam or a compromised account.',
    ],
    sources: [
      'https://puffinknight.tistory.com/102 (Korean providers\' bounce texts: "421 4.3.2 Your IP(…) is filtered … register your IP to http://realip.naver.com")',
      'http://kbit.tistory.com/tag/reply%20error%20message (the same wording from another Korean server)',
    ],
  }),
  entry({
    id: 'daum.anti-spam-blocked',
    sender: 'Daum / Kakao (hanmail.net, daum.net)',
    text: /\bblocked automatically by anti-?spam system\b|\bDAS5\d\b[^\n]{0,80}\bblocked\b/i,
    reason: 'blocked',
    meaning: "Daum/Kakao's anti-spam system blocked the sending IP (often after spam sent from a stolen account on it).",
    fix: [
      'Find and stop what sent spam from {ip} (a compromised account), then ask Daum/Kakao to lift the block.',
      'Check that {ip} is on no public blocklist.',
    ],
    sources: [
      'https://auctionpro.co.kr/?p=2544 (hanmail.net: "554 5.7.1 DAS51 …: Your mail is blocked automatically by anti-spam system. (E06)")',
    ],
  }),
  // Seznam.cz: the address has no mail service ("szn" marks Seznam's own reply)
  entry({
    id: 'seznam.no-service',
    sender: 'Seznam (seznam.cz, email.cz, post.cz)',
    text: /\bszn; User hasn'?t got the service mapped\b|\bUser hasn'?t got the service mapped\b/i,
    reason: 'userunknown',
    meaning: 'Seznam has no mailbox for this address (no mail service is set up for the user): the address is wrong or no longer exists.',
    sources: [
      'https://napoveda.seznam.cz/uzivatel-neexistuje (Seznam help: Uživatel neexistuje — "5.1.1 szn; User hasn\'t got the service mapped")',
    ],
  }),
  // Yandex's own non-delivery table
  entry({
    id: 'yandex.policy-rejection-target',
    sender: 'Yandex Mail',
    text: /\bPolicy rejection on the target address\b/i,
    reason: 'suspend',
    meaning:
      "Yandex blocked the recipient's account (a breach of its user agreement); the recipient must unblock it, nothing on the sender's side changes it.",
    sources: [YANDEX_BOUNCES],
  }),
  entry({
    id: 'yandex.mailbox-size-exceeded',
    sender: 'Yandex Mail',
    text: /\bMailbox size (?:limit )?exceeded\b/i,
    // the words are common (other servers write them too): weighed at their reason's place
    generic: true,
    reason: 'mailboxfull',
    meaning: "The recipient's Yandex mailbox is full; the recipient must log in to the web mail to free space.",
    sources: [YANDEX_BOUNCES],
  }),
  entry({
    id: 'yandex.blocked-by-spam-statistics',
    sender: 'Yandex Mail',
    text: /\bBlocked by spam statistics\b/i,
    reason: 'blocked',
    meaning: 'Yandex blocks mail from this sender for a day because what came from it lately was spam.',
    rules: ['reputation.blocked'],
    sources: [YANDEX_BOUNCES],
  }),
  // 263 enterprise mail (China): a mailing-list address that has no members
  entry({
    id: 'net263.maillist-null',
    sender: '263 enterprise mail (263.net and its hosted domains)',
    text: /\bmaillist \S{1,255} is null\b/i,
    reason: 'userunknown',
    headline: 'The recipient address is a mailing list with no members',
    meaning:
      "The address is a mailing list of the recipient's organisation, but the list has no members, so 263's server refuses the message; the recipient domain's administrator must add members (or the sender writes to a person's address).",
    sources: ['http://www.263gmail.js.cn/help/13/2.htm (263 企业邮箱: "maillist … is null, please contact admin")'],
  }),
  // FORPSI / konto.pl (Poland, Czech Republic): the provider's own submission server pauses a mailbox's SMTP
  // after mass mail (most of it undeliverable, or to qq.com / yahoo.com) and links its knowledge base
  entry({
    id: 'forpsi.smtp-paused',
    sender: 'FORPSI / konto.pl (smtp.forpsi.com)',
    // (its link, or — when a client or a help page quotes the reply without it — the server's session id beside
    // the words: six letters or digits, four digits, twelve more, as in every reply the provider's pages quote)
    text: /\b(?:policy violation|naruszenie zasad|porušení (?:zásad|pravidel))\b[^\n]{0,80}\bsupport\.forpsi\.com\/kb\b|\b[A-Za-z0-9]{6}\d{4}[A-Za-z0-9]{12}\b,? (?:policy violation|naruszenie zasad|porušení (?:zásad|pravidel))\b|\b(?:policy violation|naruszenie zasad|porušení (?:zásad|pravidel)) [A-Za-z0-9]{6}\d{4}[A-Za-z0-9]{12}\b/i,
    reason: 'speeding',
    party: 'sender',
    transient: true,
    headline:
      "The sender's own provider paused SMTP for this mailbox or IP after mass sending (its abuse protection), not a recipient's refusal",
    meaning:
      "FORPSI's submission server (smtp.forpsi.com) saw many messages from the mailbox or the public IP within the last hour, most of them undeliverable or to qq.com / yahoo.com, and switched SMTP off for 60 minutes (POP3, IMAP and webmail still work). Such volume usually means a stolen password or an infected client.",
    rules: ['smtp.rate-limited'],
    fix: [
      'Find what sent the mail (a compromised password or client, a script), stop it and change the password.',
      "Wait for the block to lift (60 minutes), or ask the provider's support to lift it earlier.",
    ],
    sources: [
      'http://support.konto.pl/kb/a2813/blad-policy-violation-spam-do-qq_com-yahoo_com.aspx (konto.pl: "Naruszenie zasad" after mass mail to qq.com, yahoo.com)',
      'https://support.konto.pl/kb/a2765/blad-policy-violation-e-maile-w-kolejce-z-adresu-ip.aspx (konto.pl: "550 5.1.0 … policy violation, see https://support.forpsi.com/kb/a4081")',
      'https://support.konto.pl/kb/a2164/blad-5_1_0.aspx (konto.pl: "5.1.0 <session id> policy violation" after the sending limits were exceeded)',
    ],
  }),
  // FORPSI / konto.pl inbound filter (mxavas.forpsi.com): "550 5.1.1 <sender> sender is blacklisted" is the
  // RECIPIENT's own blacklist of its mailbox matching the sender, not a public DNSBL listing of the sending IP
  // (the address in angle brackets is the sender the recipient's list names)
  entry({
    id: 'forpsi.sender-blacklisted',
    sender: 'FORPSI / konto.pl (mxavas.forpsi.com)',
    // (the reason engine reads the address as "<address>": src/core/reason/engine.ts wordsOnly)
    text: /<(?:address|[^<>\s@]*@[^<>\s]+)>:?\s+sender is blacklisted\b/i,
    reason: 'rejected',
    party: 'recipient',
    headline: "The recipient's own blacklist names your address: the recipient (not a public blocklist) refuses your mail",
    meaning:
      "FORPSI documents \"550 5.1.1 <address> sender is blacklisted\" for a sender that matches an entry of the blacklist the recipient set for their own mailbox. No public DNSBL is involved and nothing about the sending server was judged.",
    rules: ['reputation.blocked'],
    fix: [
      'Ask the recipient by other means (phone, another address) to remove your address or domain from their mailbox blacklist (FORPSI webmail, spam settings).',
      'Nothing in your DNS, IP or message changes it.',
    ],
    sources: [
      'https://support.konto.pl/kb/a2871/ograniczenie-wiadomosci-przychodzacych-na-serwerze-pocztowym-mxavas_forpsi_com.aspx (konto.pl/FORPSI: the replies of mxavas.forpsi.com, "550 5.1.1 <xxx> sender is blacklisted")',
    ],
  }),
  // STRATO (Germany): its filter names what it refused in a code in brackets — B-URL (a link), B-TEXT, B-SCORE, B-EX
  // (the text or the overall score), B-ATTACH (an attachment) — after "Refused by local policy. No SPAM please!"
  entry({
    id: 'strato.no-spam',
    sender: 'STRATO',
    text: /\bRefused by local policy\.? No SPAM please\b|\(B-(?:URL|TEXT|SCORE|EX|ATTACH)\)/i,
    reason: 'spamdetected',
    party: 'sender',
    headline: "STRATO's filter refused the message as spam; the code in brackets names what it judged (B-URL a link, B-TEXT/B-SCORE/B-EX the text, B-ATTACH an attachment)",
    meaning:
      'STRATO documents "Refused by local policy. No SPAM please!" with a code for the part that decided: B-URL a suspicious link, B-TEXT, B-SCORE or B-EX suspicious text, B-ATTACH an attachment it does not allow. The sending server and its DNS were not the reason.',
    rules: ['smtp.content-rejected'],
    fix: [
      'Remove what the code names — the link (B-URL), the wording (B-TEXT, B-SCORE, B-EX), the attachment (B-ATTACH) — including the same content in your signature, and send again.',
    ],
    sources: [
      'https://strato.de/faq/mail/fehlermeldungen-bei-e-mails (STRATO: "Refused by local policy. No SPAM please! (…)", B-URL, B-TEXT, B-SCORE, B-EX, B-ATTACH)',
      'https://www.strato-hosting.co.uk/faq/product/why-are-my-emails-not-being-delivered',
    ],
  }),
  entry({
    // STRATO refuses an envelope sender at one of STRATO's own domains sent from elsewhere
    id: 'strato.forbidden-envelope-from',
    sender: 'STRATO',
    text: /\bB-EFROM-STRATO\b|\bForbidden domain\b[^\n]{0,80}\bin Envelope-From\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: "STRATO refused the envelope sender (Return-Path): its domain belongs to STRATO and may not be used from this server",
    meaning:
      'STRATO documents "Forbidden domain \'…\' in Envelope-From (B-EFROM-STRATO)" for mail whose envelope sender is at a domain of STRATO itself, sent through a server not allowed to use it.',
    rules: ['smtp.sender-invalid'],
    fix: [
      "Set the envelope sender (Return-Path; the program's or server's bounce address) to an address of your own domain, not one of STRATO's domains.",
    ],
    sources: [
      'https://www.strato-hosting.co.uk/faq/product/why-are-my-emails-not-being-delivered (STRATO: "550 Forbidden domain \'xxx\' in Envelope-From (B-EFROM-STRATO)")',
    ],
  }),
  // RU-CENTER (nic.ru): a temporary refusal that asks the sender to try the domain's other MX hosts; persistent, it
  // means the sending server's reverse DNS is missing, mismatched or looks dynamic
  entry({
    id: 'nicru.try-another-server',
    sender: 'RU-CENTER (nic.ru hosted mail)',
    text: /\bPlease try another server\b/i,
    reason: 'requireptr',
    party: 'sender',
    transient: true,
    meaning:
      "RU-CENTER's receiving server turns the connection away for now: the sending server must try the domain's other MX hosts. If it keeps failing, the sending IP needs a PTR record that matches the server's A record and does not look like a dynamic address (dynamic, pool, dsl, ppp…).",
    rules: ['ptr.missing', 'ptr.mismatch', 'ptr.generic'],
    sources: [
      'https://nic.ru/help/mail-diagnostics-and-troubleshooting_14426.html (RU-CENTER: mail diagnostics and troubleshooting, "451 Please try another server")',
    ],
  }),
  // KPN (kpnmail.nl): an IP blocked for an hour after too many wrong-password logins or too many mailbox sessions
  entry({
    id: 'kpn.ip-blacklisted-logins',
    sender: 'KPN (kpnmail.nl, planet.nl, hetnet.nl)',
    text: /\bis blacklisted, please see https?:\/\/blacklist\.kpnmail\.nl\/Help\/\d+/i,
    reason: 'securityerror',
    headline: "The provider blocked the client's IP for an hour after failed logins (a wrong password in a mail program)",
    meaning:
      'KPN blocks an IP for one hour when too many logins with a wrong password, or too many mailbox sessions in a short time, come from it; the block lifts by itself once the mail programs use the right settings.',
    rules: ['smtp.login-failed', 'smtp.rejected'],
    fix: [
      'Correct the password (and the server settings) in every mail program and device that uses the account from this connection, then wait an hour.',
    ],
    sources: [
      'https://blacklist.kpnmail.nl/Help/17 (KPN: "Your IP: <IP address> is blacklisted, please see http://blacklist.kpnmail.nl/Help/17")',
    ],
  }),
  // Apple iCloud Mail: bracketed codes before "Message rejected due to local policy"
  entry({
    id: 'icloud.cs-local-policy',
    sender: 'Apple iCloud Mail',
    text: /\[CS0\d\] Message rejected due to local policy\b/i,
    reason: 'policyviolation',
    meaning:
      "iCloud's filter refused the message under its local policy (CS01 and the like): the content, a link in it, or the sending IP's reputation. Check the message (links, headers such as Message-ID) and the IP's reputation, then ask iCloud's postmaster with the full reply.",
    rules: ['smtp.content-rejected', 'reputation.blocked'],
    sources: [
      ICLOUD,
      'https://smtp.codes/icloud ("550 5.7.1 [CS01] Message rejected due to local policy" — iCloud\'s filter policy)',
      "https://www.suped.com/knowledge/email-deliverability/troubleshooting/what-does-apples-cs02-error-mean-and-how-can-i-fix-it-on-a-shared-ip (CS02: the sending IP's reputation)",
    ],
  }),
  entry({
    id: 'icloud.hm-local-policy',
    sender: 'Apple iCloud Mail',
    text: /\[HM0\d\] Message rejected due to local policy\b/i,
    reason: 'policyviolation',
    meaning:
      "iCloud refused the message under its local policy (HM07/HM08): its filters judged the message or its sender; no public blocklist is involved. Check authentication (SPF, DKIM, DMARC) and the content, then write to iCloud's postmaster with the reply.",
    rules: ['smtp.content-rejected', 'reputation.blocked'],
    sources: [
      ICLOUD,
      'https://www.suped.com/knowledge/email-deliverability/troubleshooting/what-causes-apple-email-bounces-and-how-can-i-fix-them ("5.7.1 [HM08]" and "[CS02]": Apple\'s local policy)',
    ],
  }),
  // Free (free.fr, aliceadsl.fr, libertysurf.fr): its replies point to its postmaster page, where an IP blocked on its
  // own statistics is lifted automatically within 24 hours
  entry({
    id: 'free.ip-blocked-postmaster',
    sender: 'Free (free.fr, aliceadsl.fr, libertysurf.fr)',
    text: /\bpostmaster\.free\.fr\b/i,
    reason: 'blocked',
    meaning:
      'Free blocks an IP on its own real-time statistics (spam or errors sent from it) for at most 24 hours; the block lifts on its own once the cause is gone. Its postmaster page tells whether the IP is listed.',
    rules: ['reputation.blocked'],
    sources: ['http://postmaster.free.fr/ (Free postmaster: blocked IPs, error messages)'],
  }),
];
