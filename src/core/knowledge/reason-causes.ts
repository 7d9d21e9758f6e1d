// Which checklist rules can be the cause of a refusal reason. Ranking uses it
// to put the likely root cause first: a 554 after DATA for a non-conforming
// message points at the headers, not at a blocklist.
// `area.*` matches every rule of the area.

export const REASON_CAUSES: Record<string, string[]> = {
  notcompliantrfc: ['smtp.not-compliant', 'headers.*'],
  requireptr: ['ptr.missing', 'ptr.mismatch', 'ptr.generic', 'helo.invalid'],
  blocked: ['dnsbl.listed', 'dnsbl.defunct', 'dnsbl.inconclusive', 'reputation.blocked', 'ptr.missing', 'ptr.mismatch', 'ptr.generic'],
  authfailure: ['spf.*', 'dkim.*', 'dmarc.*'],
  securityerror: ['smtp.auth-required', 'spf.*', 'dkim.*', 'dmarc.*'],
  rejected: ['reputation.blocked', 'spf.*', 'dmarc.*', 'dnsbl.listed', 'dnsbl.defunct', 'ptr.missing'],
  spamdetected: ['smtp.content-rejected', 'spf.*', 'dkim.*', 'dmarc.*', 'dnsbl.listed'],
  policyviolation: ['smtp.content-rejected', 'dmarc.*'],
  filtered: ['smtp.content-rejected'],
  userunknown: ['smtp.recipient-unknown'],
  hostunknown: ['smtp.recipient-unknown'],
  norelaying: ['smtp.relay-denied'],
  mailboxfull: ['smtp.mailbox-full'],
  mesgtoobig: ['smtp.message-too-large'],
  exceedlimit: ['smtp.message-too-large'],
  toomanyconn: ['smtp.rate-limited'],
  speeding: ['smtp.rate-limited'],
};

export function ruleMatches(pattern: string, rule: string): boolean {
  return pattern.endsWith('.*') ? rule.startsWith(pattern.slice(0, -1)) : pattern === rule;
}
