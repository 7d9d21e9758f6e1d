// The typed messages between the page and the analysis worker. Everything
// crossing is plain data (structured clone). The page imports this file's
// types only: what it receives is ready to draw (./view/types.ts).

import type { DnsLogEntry, PartialReport, Report } from '../core/types';
import type { DnsblSettings } from '../core/checks/dnsbl';
import type { ResolverTest } from '../net/test-resolver';
import type { FileText } from './read-file';
import type { ReportView, SummaryView } from './view/types';
import type { OpenedLink, ShareCall } from './share';

export interface AnalyzeRequest {
  type: 'analyze';
  id: number;
  text: string;
  /** The text is a dropped file's bytes, decoded (not a paste). */
  exactBytes: boolean;
  /** DoH endpoints, in order; empty = live checks off. */
  resolvers: string[];
  /** Recorded DNS answers to replay instead of asking (a permalink's view). */
  replay?: DnsLogEntry[];
  /** Blocklist keys and extra lists (from the settings; never in a report). */
  dnsbl?: DnsblSettings;
  /**
   * A log with many refused sessions of several kinds is answered with its
   * triage (`triage`) instead of a report; `name` names it ("Pasted text").
   */
  triage?: { name: string };
}

/** The settings panel's "test" button for one DoH endpoint. */
export interface TestResolverRequest {
  type: 'test-resolver';
  id: number;
  url: string;
}

/**
 * Open the connection to the first resolver ahead of the questions (the
 * input was pasted or typed): one question that carries nothing of the input
 * (the root's NS), so that the diagnosis' first questions do not wait for
 * the TLS handshake. Not answered.
 */
export interface WarmDnsRequest {
  type: 'warm-dns';
  resolvers: string[];
}

export interface CancelRequest {
  type: 'cancel';
  id: number;
}

/** Summarise a large log file, read as a stream. */
export interface SummariseRequest {
  type: 'summarise';
  id: number;
  file: Blob;
  /** What the page calls it (the file's name, or "Pasted text"). */
  name: string;
}

/** Decode a dropped file (charset, or an Outlook .msg's headers) off the main thread. */
export interface ReadFileRequest {
  type: 'read-file';
  id: number;
  file: Blob;
  name: string;
}

/**
 * Requests answered with one `reply` message: the view of a report kept or
 * restored by the page, a permalink made or opened.
 */
export type CallRequest =
  | { type: 'view'; id: number; report: Report }
  | { type: 'share'; id: number; call: ShareCall }
  | { type: 'open-link'; id: number; fragment: string };

/** What each call answers. */
export interface CallResults {
  view: ReportView;
  share: string;
  'open-link': OpenedLink;
}

export type WorkerRequest =
  AnalyzeRequest | CancelRequest | TestResolverRequest | SummariseRequest | ReadFileRequest | CallRequest | WarmDnsRequest;

export type WorkerResponse =
  /** DNS answers as they arrive, a few at a time (the query log fills live). */
  | { type: 'dns'; id: number; entries: DnsLogEntry[] }
  | { type: 'report'; id: number; report: Report; view: ReportView }
  /** A partial report while DNS answers come in (analyze's onPartial), drawn like the final one; the analysis still ends with `report`. */
  | { type: 'partial'; id: number; report: PartialReport; view: ReportView }
  | { type: 'error'; id: number; message: string }
  /** An analysis stopped by a cancel: it ends with this instead of a report. */
  | { type: 'cancelled'; id: number }
  | { type: 'progress'; id: number; bytes: number; total: number }
  /** A large log summarised, ready to triage (null: cancelled). */
  | { type: 'summary'; id: number; summary: SummaryView | null }
  /** An analysis answered with its triage: the input is a log with many refused sessions (AnalyzeRequest.triage). */
  | { type: 'triage'; id: number; summary: SummaryView }
  | { type: 'resolver-test'; id: number; result: ResolverTest }
  | { type: 'file-text'; id: number; result: FileText }
  /** The answer to a CallRequest (or why it failed). */
  | { type: 'reply'; id: number; result?: unknown; error?: string };
