// The shape of one DNS blocklist in the registry (dnsbl-registry.ts).

export type DnsblKind = 'ip' | 'domain';

export interface DefunctInfo {
  /** When it stopped (ISO date or year). */
  since: string;
  /**
   * What queries get now: `listed-all` (a wildcard answers "listed" for every
   * address: every mail is refused), `no-answer` (timeouts or NXDOMAIN: slows
   * every connection), `empty` (answers "not listed" for everyone).
   */
  behaviour: 'listed-all' | 'no-answer' | 'empty' | 'unknown';
  note: string;
}

/** A return code's meaning, and what usually puts an IP or a domain there. */
export interface DnsblCode {
  meaning: string;
  /** The likely cause, in words for the administrator. */
  cause?: string;
  /** A policy listing (the range should not send mail directly), not a sign of abuse. */
  policy?: boolean;
  /**
   * The removal path of this sub-list, when it differs from the list's others
   * (Spamhaus: PBL is a policy opt-out, XBL needs the infection cleaned, SBL
   * the network owner): replaces the entry's delistSteps for this code.
   */
  delistSteps?: string[];
}

export interface DnsblEntry {
  /** The query zone, lowercase, no trailing dot. */
  zone: string;
  /** Other zones of the same list (sub-lists, aliases). */
  aliases?: string[];
  name: string;
  kind: DnsblKind;
  /** Lists IPv6 addresses (RFC 5782 §2.4) too. */
  ipv6?: boolean;
  status: 'alive' | 'defunct';
  defunct?: DefunctInfo;
  /** Listing return codes: "127.0.0.2" → meaning. */
  codes?: Record<string, DnsblCode>;
  /** Bitmask lists (SURBL, URIBL): bit value of the last octet → meaning. */
  bits?: Record<number, DnsblCode>;
  /**
   * Answers that are not a listing but a refusal or an error (Spamhaus
   * 127.255.255.252/254/255, URIBL 127.0.0.1): the question was not answered.
   */
  errorCodes?: Record<string, string>;
  /** Answers that mean "known and not listed" (a whitelist code in a combined zone). */
  notListingCodes?: string[];
  /** What a listing in general means, when the code says no more. */
  meaning: string;
  /** The likely cause of a listing, in general. */
  cause?: string;
  /** How a listed party gets off the list, step by step. */
  delistSteps?: string[];
  /** Where a listed party asks for removal. */
  delist?: string;
  site?: string;
  /** The operator refuses queries through public resolvers (Google, Cloudflare…). */
  refusesPublicResolvers?: boolean;
  /** Free use needs the querying resolver's IP registered with the operator. */
  needsRegistration?: boolean;
  /** Queried only with a key from the settings; the zone is `<key>.<keyZone>`. */
  keyed?: { setting: 'dqsKey' | 'abusixKey'; keyZone: string };
  /** With a Spamhaus DQS key, query `<key>.<dqsZone>` instead of the public zone. */
  dqsZone?: string;
  /** Lists whole ranges or networks, not only the offending IP (UCEPROTECT 2 and 3). */
  listsRanges?: boolean;
  /**
   * How receivers' refusals point at this list without naming its zone (its
   * lookup URL, e.g. "553 http://www.spamhaus.org/query/bl?ip=…").
   */
  mentionedBy?: RegExp;
  /** Queried for every diagnosis, not only when the receiver names it. */
  checkByDefault?: boolean;
  /** Where the facts above come from. */
  sources: string[];
}
