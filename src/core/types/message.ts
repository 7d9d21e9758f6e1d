// What the header reader (mail/read.ts) hands on: the message's facts (plain
// data, part of the Evidence) and the report's `message` field (the facts plus
// the MIME summary, which needs postal-mime's asynchronous parser). Plain data
// only: it crosses the worker boundary and is part of the JSON report, so it
// lives in the types layer, below every reader that fills it.

export interface AuthResultsHeader extends AuthResults {
  line: number;
  /** Added inside the receiving organisation (above the origin hop), so it can be believed. */
  trusted: boolean;
}

export interface ReceivedSpfHeader extends ReceivedSpf {
  line: number;
  trusted: boolean;
}

export interface DkimSignatureView {
  line: number;
  /** Signing domain, selector, algorithm as written (d=, s=, a=). */
  d: string | null;
  s: string | null;
  a: string | null;
  /** Every tag, as written (b= and bh= folded whitespace removed). */
  tags: Tag[];
  problems: string[];
}

/** A decoded header value for the summary (RFC 2047 words decoded). */
export interface SummaryField {
  name: string;
  /** Decoded for reading. */
  value: string;
  /** As written. */
  raw: string;
  line: number;
}

export interface MessageFacts {
  summary: {
    subject: SummaryField | null;
    from: SummaryField | null;
    sender: SummaryField | null;
    replyTo: SummaryField | null;
    to: SummaryField | null;
    cc: SummaryField | null;
    date: (SummaryField & { iso: string | null }) | null;
    messageId: SummaryField | null;
    returnPath: SummaryField | null;
  };
  origin: Origin | null;
  /** The envelope sender (RFC 5321 MAIL FROM) as the receiver recorded it, or the Return-Path. */
  mailFrom: { address: string; line: number } | null;
  transit: Transit | null;
  /** Seconds from the Date: header to the first hop (how long the sending program held it), when both are known. */
  submitDelay: number | null;
  authResults: AuthResultsHeader[];
  arc: ArcChain;
  receivedSpf: ReceivedSpfHeader[];
  dkimSignatures: DkimSignatureView[];
  verdicts: Verdict[];
  /** The Received fields that are not relay hops are still hops; how many are relays. */
  relayHops: number;
  /** RFC 6531 SMTPUTF8 was used on some hop (UTF8SMTP… in "with"), so raw UTF-8 headers are allowed. */
  smtputf8: boolean;
  /** Header line endings, when the bytes are the original ones: where CR or LF stand alone. */
  bareLineEnds: { line: number; kind: 'CR' | 'LF' }[];
  /** How many header fields, from the top, the receiving organisation added (its Received and trace fields). */
  receiverFieldCount: number;
}

export interface MimePart {
  type: string;
  filename: string | null;
  disposition: string | null;
  size: number;
}

export interface MimeSummary {
  textLength: number | null;
  htmlLength: number | null;
  attachments: MimePart[];
  /** postal-mime could not read the body. */
  error?: string;
}

/** One header field for the "all headers" table. */
export interface HeaderRow {
  name: string;
  /** Unfolded; RFC 2047 words decoded when `decoded` differs. */
  value: string;
  decoded: string;
  line: number;
}

export interface MessageReport extends MessageFacts {
  mime: MimeSummary | null;
  /** Every header field in order, as written (unfolded) and decoded. */
  headers: HeaderRow[];
}

// ---- ARC (RFC 8617), read by mail/arc.ts ----

export interface ArcInstance {
  i: number;
  seal: { line: number; cv: string | null; d: string | null; s: string | null; tags: Tag[] } | null;
  signature: { line: number; d: string | null; s: string | null; h: string | null; tags: Tag[] } | null;
  results: { line: number; authResults: AuthResults } | null;
}

export interface ArcChain {
  instances: ArcInstance[];
  /** RFC 8617 §5.1.1 structure: "none" when there is no ARC set at all. */
  structure: 'none' | 'valid' | 'invalid';
  problems: { text: string; line: number }[];
  /** cv= of the newest seal: what the last sealer found the chain to be. */
  latestCv: string | null;
}

// ---- Authentication-Results (RFC 8601), read by mail/authres.ts ----

export interface AuthProperty {
  /** smtp, header, body, policy (RFC 8601 §2.3), or another ptype. */
  type: string;
  name: string;
  value: string;
}

export interface AuthResult {
  /** Lowercased method: spf, dkim, dmarc, arc, iprev, auth, bimi, compauth… */
  method: string;
  version: string | null;
  /** Lowercased result: pass, fail, softfail, none, neutral, temperror, permerror, policy… */
  result: string;
  reason: string | null;
  /** Comments beside the result, e.g. "(good signature)", "(sender IP is 192.0.2.1)". */
  comment: string | null;
  properties: AuthProperty[];
  /** key=value pairs that are not ptype.property (Microsoft's action=, compauth's reason=…). */
  extras: { name: string; value: string }[];
}

export interface AuthResults {
  authservId: string;
  version: string | null;
  results: AuthResult[];
  /** The receiver wrote "none": it checked nothing. */
  none: boolean;
  /** Pieces that could not be read, kept for display. */
  unparsed: string[];
}

// ---- the Received chain, read by mail/chain.ts ----

export interface StatedIp {
  ip: string;
  header: string;
  line: number;
}

export interface Origin {
  /** Index into the hops (oldest first). */
  hop: number;
  ip: string;
  /** Why this hop: the receiver said so, or the chain was walked. */
  reason: 'stated' | 'boundary' | 'fallback';
  /** The hop is a login (authenticated submission): its client is a user's device, not a mail server. */
  login?: boolean;
  explanation: string;
  /** The header that stated the IP, when reason = stated. */
  statedBy?: StatedIp;
}

export interface Transit {
  /** Seconds from the first dated hop to the last. */
  seconds: number;
  firstLine: number;
  lastLine: number;
  /** Hops whose time is before the previous hop's (a clock is wrong). */
  skewedHops: number[];
}

// ---- Received-SPF (RFC 7208 §9.1), read by mail/received-spf.ts ----

export interface ReceivedSpf {
  result: string;
  comment: string | null;
  clientIp: string | null;
  envelopeFrom: string | null;
  helo: string | null;
  receiver: string | null;
  identity: string | null;
  mechanism: string | null;
  /** Every key=value pair, as written. */
  pairs: { name: string; value: string }[];
}

// ---- a tag=value list (RFC 6376 §3.2), read by text/tag-list.ts ----

export interface Tag {
  name: string;
  /** The value with folding whitespace removed at both ends (inner FWS kept). */
  value: string;
}

// ---- spam-filter verdict headers, read by mail/verdicts.ts with knowledge/verdicts ----

/** What a value says about the message, for ranking and the summary line. */
export type VerdictLevel = 'clean' | 'skipped' | 'bulk' | 'spam' | 'phish' | 'malware' | 'blocked' | 'info';

export interface VerdictListItem {
  name: string;
  points: number | null;
  meaning: string | null;
  /** The Mailmedic rule that checks the same thing. */
  rule?: string;
}

export interface VerdictItem {
  key: string;
  name: string | null;
  value: string;
  meaning: string | null;
  level: VerdictLevel | null;
  advice?: string;
  /** For list fields (SpamAssassin tests, Rspamd symbols): each entry. */
  list?: VerdictListItem[];
}

export interface Verdict {
  header: string;
  line: number;
  filter: string;
  meaning: string;
  items: VerdictItem[];
  /** The worst level any item reached (malware > phish > blocked > spam > bulk …). */
  level: VerdictLevel | null;
  sources: string[];
}
