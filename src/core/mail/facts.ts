// What the header reader hands on: the message's facts (plain data, part of
// the Evidence) and the report's `message` field (the facts plus the MIME
// summary, which needs postal-mime's asynchronous parser).

import type { ArcChain } from './arc';
import type { AuthResults } from './authres';
import type { Origin, Transit } from './chain';
import type { ReceivedSpf } from './received-spf';
import type { Tag } from '../auth/dkim/tags';
import type { Verdict } from './verdicts';

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
