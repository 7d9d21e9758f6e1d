// The typed messages between the page and the analysis worker. Everything
// crossing is plain data (structured clone).

import type { DnsLogEntry, Report } from '../core/types';

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
}

export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type WorkerRequest = AnalyzeRequest | CancelRequest;

export type WorkerResponse =
  | { type: 'dns'; id: number; entry: DnsLogEntry }
  | { type: 'report'; id: number; report: Report }
  | { type: 'error'; id: number; message: string };
