// The words greylisting filters answer with (RFC 6647: a temporary refusal of a sender/IP/recipient
// triplet not seen before, accepted on retry). One pattern for the receivers' knowledge
// (knowledge/replies/filters.ts) and the refusal problems (refusal-problems.ts), so that both read
// the same forms. rspamd's bare "Try again later" is its own entry (replies/filters.ts): alone those
// words say nothing about greylisting.
//
//   Postgrey          450 4.2.0 <rcpt>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/<domain>.html
//   milter-greylist   451 4.7.1 Greylisting in action, please come back later
//   Exim + greylistd  451 You have been greylisted. … your mail system should automatically try again later
//   Stalwart          422 4.2.2 Greylisted, please try again in a few moments.
//   bley, sqlgrey     "greylisted, try again later", "Greylisted for 5 minutes"
//   spelled           grey/gray, "grey-listed", "greylist", "graylisting"

/**
 * Words that name greylisting (bounded, linear). Not a label of a host or domain name
 * (mx.greylist.example, greylist.example.net in "Connection timed out with …"): like "spam" in
 * knowledge/reasons/policy.ts, the word counts only outside a dotted name. Postgrey's help URL keeps
 * "Greylisted, see" before it, so its words still count.
 */
export const GREYLIST_WORDS = /(?<![\w.-])(?:gr[ea]y[ -]?list(?:ed|ing|s)?|postgrey|milter-greylist|greylistd)(?![\w-]|\.\w)/i;

export const GREYLIST_SOURCES = [
  'RFC 6647 (email greylisting)',
  'https://postgrey.schweikert.ch/ (Postgrey)',
  'http://hcpnet.free.fr/milter-greylist/ (milter-greylist)',
  'https://github.com/stalwartlabs/mail-server resources/config/spamfilter/scripts/greylist.sieve (Stalwart: 422 4.2.2 Greylisted)',
  'https://www.ty-penguin.org.uk/~auj/old_aber_pages/spam/greylist_with_exim.txt (Exim greylisting ACL: "You have been greylisted")',
];
