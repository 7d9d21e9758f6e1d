// Texts of filtering services and hosting stacks: MailChannels, Comcast,
// cPanel/Exim, and greylisting (Postgrey and the like). Orange's numbered
// codes are in receivers.ts; security gateways (Fortinet, Mimecast,
// Proofpoint, Cisco, Trend Micro, Sophos, Symantec) in gateways.ts.

import type { ReplyKnowledge } from './types';
import { GREYLIST_WORDS } from '../greylisting';
import { BLOCKLIST_WORD_SOURCES, PERSONAL_BLOCK_WORDS } from '../blocklist-words';

export const FILTER_REPLIES: ReplyKnowledge[] = [
  {
    // MailChannels Outbound Filtering (the relay many hosting providers send their customers' mail through)
    // tags each 550 5.7.1 with the control that fired: [CS] its content scan found the message suspicious or
    // unsolicited, [SS] a known spam signature (subject, body, links). The sender's own relay refused it;
    // no receiver saw it
    id: 'mailchannels.content',
    sender: 'MailChannels (outbound filtering of the hosting provider)',
    text: /\[(?:CS|SS)\]\s*(?:Message blocked|[^\n]{0,80}\bspam\b)/i,
    reason: 'spamdetected',
    party: 'sender',
    headline: "The hosting provider's outbound filter (MailChannels) judged the message suspicious or spam-like and did not send it",
    meaning:
      "MailChannels scans the mail a hosting provider's customers send and blocks messages that look unsolicited ([CS]) or match a spam signature ([SS]): the subject, the body, its links. Messages without the usual headers (Message-ID, Date) from scripts score worse. A surge of such blocks can mean the account is compromised.",
    rules: ['smtp.content-rejected'],
    fix: [
      'Look at what the blocked messages have in common: a spam-like subject ("hi", "re:", pharmacy words), links to listed domains, a script that sends without Message-ID or Date headers.',
      'If the account did not send them, change its password and scan the site or computer that sent them.',
      'If the message is legitimate, ask the hosting provider to report it to MailChannels as a false positive.',
    ],
    sources: ['https://docs.mailchannels.com/outbound/smtp-errors', 'https://www.hostpapa.com/knowledgebase/avoid-mailchannels-errors/'],
  },
  {
    id: 'comcast.bl',
    sender: 'Comcast',
    text: /comcast.{0,80}#BL\d+|Comcast block for spam|smtp-error-codes\.php#BL/i,
    reason: 'blocked',
    party: 'sender',
    meaning: "The sending IP is on Comcast's own block list (BL codes).",
    rules: ['reputation.blocked', 'dnsbl.listed'],
    fix: ['Request removal through the form linked from https://postmaster.comcast.net/smtp-error-codes.php.'],
    sources: ['https://postmaster.comcast.net/smtp-error-codes.php (Comcast: SMTP error codes)'],
  },
  {
    id: 'comcast.rl',
    sender: 'Comcast',
    text: /smtp-error-codes\.php#RL|comcast.{0,80}#RL\d+/i,
    reason: 'speeding',
    party: 'receiver-policy',
    meaning: 'Comcast is rate-limiting the sending IP (RL codes); the queue retries.',
    rules: ['smtp.rate-limited'],
    transient: true,
    sources: ['https://postmaster.comcast.net/smtp-error-codes.php (Comcast: SMTP error codes)'],
  },

  {
    id: 'cpanel.max-emails-per-hour',
    sender: 'cPanel / Exim',
    text: /has exceeded the max (?:emails|defers and failures) per hour/i,
    reason: 'speeding',
    party: 'sender',
    meaning: 'The sending cPanel account or domain hit its hourly sending limit (WHM "Max hourly emails per domain").',
    rules: ['smtp.rate-limited'],
    fix: ['Send fewer messages per hour, or ask the host to raise the domain’s hourly limit in WHM.'],
    sources: ['https://docs.cpanel.net/whm/server-configuration/tweak-settings/ (Max hourly emails per domain)'],
  },
  {
    id: 'cpanel.sender-verify',
    sender: 'cPanel / Exim',
    text: /Sender verify fail(?:ed)?\b|Verification failed for <|sender verification failed|Unrouteable sender address|Sender address rejected: Domain not found/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'The receiver called back to check the envelope sender (MAIL FROM) and found it undeliverable: the sender domain has no MX/A, or its server refuses the address.',
    rules: ['smtp.sender-invalid'],
    fix: ['Use a MAIL FROM address that exists and whose domain has working MX records.'],
    sources: ['https://www.exim.org/exim-html-current/doc/html/spec_html/ch-access_control_lists.html (verify = sender)'],
  },
  {
    id: 'cpanel.no-such-user',
    sender: 'cPanel / Exim',
    // qmail-smtpd and others answer the same words: a reply's stage still decides (a filter after DATA)
    generic: true,
    text: /No Such User Here/i,
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'The recipient mailbox does not exist on the cPanel server.',
    rules: ['smtp.recipient-unknown'],
    sources: ['https://docs.cpanel.net/knowledge-base/email/how-to-troubleshoot-email-delivery-issues/'],
  },
  {
    id: 'cpanel.account-or-domain',
    sender: 'cPanel / Exim',
    // the words name the domain first: the sending side cannot tell which, and a domain that does not exist is the wider failure
    text: /account or domain may not exist, they may be blacklisted/i,
    reason: 'hostunknown',
    party: 'recipient',
    meaning:
      'cPanel\'s Exim could not deliver to the address: "the account or domain may not exist, they may be blacklisted, or missing the proper DNS entries". Check the recipient domain first (its MX records), then the address.',
    rules: ['smtp.recipient-unknown'],
    sources: ['https://docs.cpanel.net/knowledge-base/email/how-to-troubleshoot-email-delivery-issues/'],
  },
  {
    // Mailtraq's own reply "554 blacklisted (user@domain)": the word alone, the address in parentheses. Its
    // knowledge base says what it means: the organisation's own Mailtraq refused its own user, whose machine is
    // outside the LAN defined in its options and who did not authenticate — a relay refused by the server's own
    // setting, not a block list of the recipient nor a DNSBL (a "blacklisted" word read by its product)
    id: 'mailtraq.blacklisted-outside-lan',
    sender: 'Mailtraq (the organisation’s own mail server)',
    text: /\bblack ?listed \((?:<address>|<?[^\s()<>@]{1,64}@[^\s()<>]{1,255}>?)\)/i,
    reason: 'norelaying',
    party: 'sender',
    headline:
      "The own Mailtraq server refused its own user: the sending machine is outside the LAN defined in Mailtraq's options and did not log in",
    meaning:
      "Mailtraq answers '554 blacklisted (<address>)' to a client that is not inside its defined LAN and has not authenticated: it will not relay that client's mail. No block list of the recipient and no DNSBL is involved.",
    rules: ['smtp.auth-required', 'smtp.relay-denied'],
    fix: [
      "Mailtraq's administrator: add the client's network to the LAN definition in Mailtraq's options, if the machine belongs inside it.",
      "Users outside the LAN: submit on port 587 with SMTP authentication (the mail program's outgoing server settings).",
    ],
    sources: [
      'http://info.mailtraq.com/859/ (Mailtraq KB06082101: messages returned marked "Blacklisted": the user\'s machine is outside the LAN definition)',
    ],
  },
  {
    // A block list of ADDRESSES kept by the recipient or its server (Outlook's and webmail's "Blocked
    // senders", Exchange's sender filter, a per-user blacklist in SpamAssassin/cPanel/SmarterMail): the
    // sender's address is refused, whatever IP sent it. Not a DNS blocklist: no public list has it, and
    // no delisting helps (knowledge/blocklist-words.ts sorts the words: a listed IP, provider or domain
    // is a listing; a blacklisted sender, user or address is this).
    id: 'blocklist.personal',
    sender: "the recipient's own block list (blocked senders)",
    text: PERSONAL_BLOCK_WORDS,
    reason: 'rejected',
    // the sender is the one who acts: it asks the recipient by another channel, or sends from another
    // address (the recipient refused it on purpose and is not the reader)
    party: 'sender',
    headline: "The recipient (or its server) blocks this sender's address: a personal or per-domain block list, not a DNS blocklist",
    meaning:
      "The refusal names the sender's address (or the sender) as blocked or blacklisted by the recipient: an entry in the recipient's blocked-senders list or the receiving server's list of refused senders. The sending IP's reputation and DNS play no part, and no public blocklist lists it.",
    rules: ['smtp.rejected'],
    fix: [
      "Ask the recipient (by another channel) to remove your address or domain from their blocked senders, or their administrator from the server's sender block list.",
      'Nothing on the sending server or in DNS changes this refusal.',
    ],
    sources: BLOCKLIST_WORD_SOURCES,
  },
  {
    // SPFBL (a Brazilian SPF + DNSBL policy service run by receivers' Exim/Postfix): "5.7.1 SPFBL you are
    // permanently blocked on this server" is the receiving server's own BLOCK of this sender (an entry its
    // administrator or a recipient added), not a public listing; its other words ("SPFBL <ip> is not allowed
    // to send mail from <sender>") are SPF's
    id: 'spfbl.blocked',
    sender: 'SPFBL (the receiving server’s SPF and block-list service)',
    text: /\bSPFBL\b[^\n]{0,40}\byou are (?:permanently |temporarily )?blocked\b/i,
    reason: 'blocked',
    party: 'recipient',
    headline: 'The receiving server (SPFBL) blocks this sender: an entry of its own block list, added by its administrator or a recipient',
    meaning:
      "SPFBL refuses senders on the receiving server's own block list. No public blocklist is involved; only the receiving side can remove the entry (the SPFBL maintainer's answer in the thread cited).",
    rules: ['smtp.rejected'],
    fix: [
      "Ask the recipient or the receiving server's administrator (by another channel) to remove your sender or server from their SPFBL block list (spfbl block drop …).",
    ],
    sources: [
      'https://github.com/leonamp/SPFBL (SPFBL: Exim/Postfix ACL messages "5.7.1 SPFBL …")',
      'https://github.com/leonamp/SPFBL/issues/71',
    ],
  },
  {
    // Plesk's greylisting filter (its qmail-queue handler 'grey') refuses outright a client whose host name
    // matches its black list of host-name patterns ("list type: black, from: <host>, match string:
    // dsl|pool|broadband|hsd"): meant for dial-up and cable pools, it also matches big senders' outbound hosts
    // ("…outboundpool.messaging.microsoft.com"). The reader's own server's setting, not the sender's.
    id: 'plesk.greylist-black-pattern',
    sender: 'Plesk (its greylisting filter)',
    text: /\blist type: black, from: \S+, match string: /i,
    codes: [0],
    reason: 'blocked',
    party: 'receiver-policy',
    meaning:
      "Plesk's own greylisting filter refused the message because the sending host's name matched one of the patterns of its black list (the match string): the list is a set of host-name patterns for dial-up and dynamic pools, and it also matches legitimate senders whose outbound host names contain such a word (Microsoft's '…outboundpool…'). No outside server judged the mail.",
    rules: ['mta.local-error'],
    fix: [
      "On the Plesk server, list the greylisting black domain patterns and remove (or narrow) the one that matched: plesk bin grey_listing --info-server, then plesk bin grey_listing --update-server -blacklist del:'*pool*' (or add the sender's domain to the white list).",
    ],
    verify: ['Send again from the same sender: the mail log shows the grey handler passing it (no "REJECT during call \'grey\' handler").'],
    sources: ['https://blogs.reliablepenguin.com/2012/03/16/plesk-10-greylist-problems (the log lines and the black pattern list)'],
  },
  {
    id: 'greylisting',
    sender: 'Postgrey, rspamd, MailChannels and other greylisting filters',
    text: GREYLIST_WORDS,
    // greylisting is a temporary refusal by definition (RFC 6647 §2.1): any 4xx (Stalwart answers 422
    // 4.2.2), or the words alone where an application's error dropped the code (PHPMailer's "The
    // following recipients failed: … Greylisted, see …")
    codes: [0, 421, 422, 450, 451, 452, 454],
    reason: 'onhold',
    party: 'receiver-policy',
    meaning:
      'Greylisting: the receiver refuses the first attempt from an unknown sender/IP/recipient triplet with a temporary error and accepts a retry after a few minutes. A real mail server retries by itself; only a sender that never retries loses the message.',
    rules: ['smtp.greylisted'],
    fix: [
      'Nothing, if the queue retries: the message should go out within the greylisting delay (typically 1–15 minutes).',
      'If the sender never retries (a script or device talking SMTP directly), send through a real mail server with a queue.',
    ],
    verify: ['Look for a later line in the log that delivers the same message (status=sent, 250).'],
    transient: true,
    sources: ['https://postgrey.schweikert.ch/ (Postgrey)', 'https://www.greylisting.org/'],
  },
  {
    // Mimecast's greylisting: "451 Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451"
    // at RCPT TO for a sender/IP/recipient triplet it has not seen (its code table: "The sending mail server is
    // subjected to Greylisting … retries the connection between one minute and 12 hours"; rarely a poor reputation)
    id: 'mimecast.greylisting',
    sender: 'Mimecast (greylisting)',
    text: /\bInternal resource (?:is )?temporarily unavailable\b/i,
    codes: [0, 421, 450, 451, 452],
    reason: 'onhold',
    // the sending side acts: its queue must keep retrying (or its IP's reputation improve)
    party: 'sender',
    meaning:
      "Mimecast greylists a sender/IP/recipient triplet it has not seen before: it refuses the first attempts for about a minute and accepts a retry. A sender that changes its envelope sender per message (VERP, a list manager's bounce address) looks new each time and is held longer; a poor reputation of the sending IP can give the same answer.",
    rules: ['smtp.greylisted'],
    fix: [
      'Nothing, if the sending server keeps retrying at its normal intervals: Mimecast accepts a retry after the greylisting delay (one minute up to 12 hours).',
      "If it lasts: ask the recipient's Mimecast administrator to add the sending IP and domain to the greylisting bypass (Gateway → Policies → Greylisting), and keep the envelope sender stable per sender.",
    ],
    verify: ['Look for a later attempt to the same recipient that was accepted (250).'],
    transient: true,
    sources: [
      'https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754 (Mimecast SMTP error codes: 451 Internal resource temporarily unavailable)',
      'https://dwlistore.dwli.org/knowledgebase/444/Emails-Not-Sending-to-Mimecast-Recipients-.html (ListManager: VERP senders and Mimecast greylisting)',
    ],
  },
  {
    // rspamd's greylisting (and its "soft reject" action) answers with these words alone,
    // "451 4.7.1 Try again later" (mailcow, Mailu, docker-mailserver all run rspamd); a rate
    // limit or a block says more ("Too many connections, try again later")
    id: 'rspamd.greylisting',
    sender: 'rspamd (greylisting, soft reject)',
    text: /^\s*(?:\d\.\d{1,3}\.\d{1,3}\s+)?try again later\.?\s*$/i,
    codes: [451],
    reason: 'onhold',
    party: 'receiver-policy',
    meaning:
      'rspamd greylisted the message (its greylisting module, or the "soft reject" action, answers just "Try again later"): the first attempt from an unknown sender is refused for a few minutes and a retry is accepted.',
    rules: ['smtp.greylisted'],
    fix: [
      'Nothing, if the sending server retries: the message goes out after the greylisting delay (rspamd: 5 minutes by default).',
      "If the sender is your own application or web server that never retries, send through a mail server with a queue, or exempt it in rspamd's greylisting whitelist (whitelisted_ip).",
    ],
    verify: ['Look for a later attempt of the same message that was accepted (250).'],
    transient: true,
    sources: ['https://rspamd.com/doc/modules/greylisting.html'],
  },
];
