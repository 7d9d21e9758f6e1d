// Which block list a refusal's words name. "Blacklisted" alone does not say whether the sending
// IP (or its provider, or its domain) is on a list — a public DNS blocklist or the receiver's own
// list of networks — or whether the recipient blocked the sender's ADDRESS. The fixes differ:
// a listing is delisted at the list, a personal block only the recipient lifts.
//
//   words                                                          | list                         | reason  | step
//   "your IP/provider/server/network is blacklisted", "listed on a | the sending IP, its provider  | blocked | dnsbl.listed (a named or
//   blacklist", "blocked using zen.spamhaus.org", "RBL", "DNSBL"   | or its domain (a DNSBL)      |         | public list)
//   "part of their network is on our block list", "your IP is on   | the receiver's own IP list   | blocked | reputation.blocked
//   our block list"                                                |                              |         |
//   "blacklisted sender/user/address", "sender is in my block      | the recipient's (or its      | rejected| smtp.rejected (the recipient
//   list", "your e-mail address has been blacklisted", "blocked    | server's) list of sender     |         | acts; blocklist.personal)
//   senders list", "blocked by the recipient"                      | addresses                    |         |
//
// The first two rows are the reason tables' words (knowledge/reasons/sender.ts BLOCKED) and the
// DNSBL entries (replies/dnsbl.ts); this module holds the third, which must be read before them.

/**
 * Words that put the sender's ADDRESS on the recipient's own block list (bounded, linear). Not an
 * IP, host, provider or domain on a list: "sender IP … blacklisted" is a listing.
 */
export const PERSONAL_BLOCK_WORDS =
  /\b(?:black ?listed|block(?:ed|listed)) (?:sender|user|e-?mail address|from address|mail from)\b(?! ip| host| server)|\b(?:sender|from|e-?mail) address (?:has been |is |was )?(?:black ?listed|block ?listed)(?! by (?:an? |the )?(?:RBL|DNSBL|spamhaus|list))\b|\b(?:your|the) e-?mail address (?:has been |is )?(?:black ?listed|blocked)\b|\bsender is (?:in|on) (?:my|the recipient'?s?|the user'?s?) (?:black ?|block ?)list\b|\bbecause the sender is black ?listed\b|\bsending (?:to\/from|from|to) an address that has been black ?listed\b|\bblocked senders?(?: list)?\b|\b(?:sender|you) (?:(?:has|have) been |(?:is|are|was|were) )?blocked by (?:the )?(?:recipient|user|addressee)\b|\b(?:recipient|user|addressee) (?:has )?blocked (?:you|your (?:e-?mail )?address|the sender|this sender)\b|\bon the (?:recipient|user)'?s? (?:black ?|block ?|blocked senders? )list\b|\brecipient (?:does ?n[o']?t|doesn'?t) want (?:your|this|the) (?:mail|e-?mail|message)s?\b/i;

export const BLOCKLIST_WORD_SOURCES = [
  'https://libsisimai.org/en/reason/#rejected (sisimai "rejected": "sender is in my block list", "your email address has been blacklisted", "because the sender is black listed")',
  'https://support.microsoft.com/office/block-or-allow-junk-email-settings-48c9f6f7-2309-4f95-9a4d-de987e880e46 (Outlook: Blocked Senders list)',
  'https://learn.microsoft.com/exchange/antispam-and-antimalware/antispam-protection/sender-filtering (Exchange sender filtering)',
  'https://pomoc.poczta.interia.pl/news-dlaczego-wiadomosc-nie-zostala-dostarczona,nId,6589600 (Interia: "550 5.7.1 Recipient doesn\'t want your mail": the recipient has blocked the sender)',
];
