// What the page draws, ready to draw: the analysis worker turns a Report into
// this (src/worker/view/build.ts), so that the main thread holds no parser,
// no knowledge base and no wording logic — only Svelte and these plain
// objects (structured clone). The Report itself travels beside it, for
// "Download JSON" and the permalink.

import type { EvidenceItem, Status } from '../../core/types';

/** A piece of a fix or verify line: prose, a link (a delisting page, a console), or code with what its copy button copies. */
export type FixPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string } | { kind: 'code'; text: string; copy: string };

/** A source of a step: a link when it names one (a URL, an RFC section), else text. */
export interface SourceView {
  text: string;
  href: string | null;
}

/** `pending`: a live step whose DNS answers are not in yet (DESIGN.md contract 5). */
export type StepStatus = Status | 'pending';

export interface StepView {
  /** Stable across re-analyses of the same input: remembers "Done". */
  key: string;
  rule: string;
  status: StepStatus;
  /** The status in a person's words ("Problem", "Passed", "Checking…"). */
  statusWords: string;
  title: string;
  detail: string | null;
  evidence: EvidenceItem[];
  fix: FixPart[][];
  verify: FixPart[][];
  sources: SourceView[];
  /** A live check that could not be made and may be retried. */
  retry: boolean;
}

/** The message view's knowledge: what each header field is, what each recorded result means. */
export interface MessageExtras {
  /** Parallel to message.headers: where the field is defined and what it is for, if known. */
  headerInfo: ({ source: string; meaning: string } | null)[];
  /** Parallel to the receiver's own Authentication-Results results (the first trusted one). */
  authMeanings: (string | null)[];
  /** Where those meanings come from. */
  authSources: string;
}

/** The card at the top of the results. */
export interface VerdictView {
  /** The colour of the card: the worst status found, or why there is none. */
  tone: 'fail' | 'warn' | 'ok' | 'pending' | 'unknown';
  /** The root cause in one sentence (the first problem's title), or what was found instead. */
  sentence: string;
  /** The step the sentence is about, to jump to. */
  firstKey: string | null;
  /** Who must act, in words. */
  who: string | null;
  counts: Record<StepStatus, number>;
  /** The sending IP and the domain that were judged. */
  ip: string | null;
  domain: string | null;
  /** The IP and domain are what the input asked to check (a domain or an IP alone), not ones a receiver judged. */
  checked: boolean;
  /** Who refused, as far as the input tells. */
  receiver: string | null;
  /** The receiver's own reply that the ranking starts from. */
  said: { reply: string; text: string; line: number; refused: string; reason: string } | null;
}

/** One row of "What the receiver said", in words first. */
export interface RefusalView {
  line: number;
  reply: string;
  text: string;
  stageWords: string;
  reason: string;
  reasonWords: string;
  temporary: boolean;
  partyWords: string;
}

export interface ReportView {
  /** What the input was read as, in words ("MDaemon log"), with its length. */
  inputs: { kind: string; words: string; lines: number }[];
  /** The input was recognised: there is something to share, copy or download. */
  recognised: boolean;
  verdict: VerdictView;
  refusals: RefusalView[];
  steps: StepView[];
  /** The message view's knowledge, when the report has a well-formed message. */
  message: MessageExtras | null;
  /** The report as plain text ("Copy as text"). */
  text: string;
  /** Some live steps still wait for DNS answers (a partial report). */
  pending: boolean;
}

/** One refused session of a log, ready to list, filter, search and diagnose alone. */
export interface SessionRow {
  /** Stable within one summary. */
  index: number;
  /** inbound: this server refused a client; outbound: this server was refused. */
  direction: 'inbound' | 'outbound' | 'unknown';
  /** The first refusal's reason (sisimai's name) and in words. */
  reason: string;
  reasonWords: string;
  reasons: string[];
  reply: string;
  text: string;
  clientIp: string | null;
  remoteHost: string | null;
  senderDomain: string | null;
  firstLine: number;
  lastLine: number;
  refusals: number;
  /** Lowercased words the search box matches. */
  search: string;
  /** The session's own lines, as a paste of them: what "Diagnose" analyses. */
  session: string;
  /** The session had more lines than were kept. */
  truncated: boolean;
}

/** A filter choice with how many sessions it keeps. */
export interface Facet {
  key: string;
  label: string;
  count: number;
}

/** What refused sessions can be grouped by. */
export type GroupBy = 'reason' | 'remoteHost' | 'senderDomain' | 'clientIp';

/** Sessions of one direction that share one value: a reason, a remote host, a sender domain or a client IP. */
export interface SummaryGroup {
  key: string;
  direction: SessionRow['direction'];
  by: GroupBy;
  /** The shared value (null: the log does not say, e.g. no remote host). */
  value: string | null;
  /** The value in words (a reason's words), or "not in the log". */
  label: string;
  /** Indexes of its kept sessions (SessionRow.index), in the log's order; a group may keep none. */
  sessions: number[];
  /** Its refusals over the whole log. */
  refusals: number;
}

/** A log with many refused sessions, triaged: any size, pasted or dropped. */
export interface SummaryView {
  /** The file's name, or "Pasted text". */
  name: string;
  kind: string;
  kindWords: string;
  lines: number;
  unknownLines: number;
  sessionsSeen: number;
  refusals: number;
  hardRefusals: number;
  /** Refused sessions not kept (over the summary's cap). */
  sessionsDropped: number;
  warnings: string[];
  /** Refusals (not sessions) by direction, over the whole log. */
  byDirection: Record<SessionRow['direction'], { refusals: number; hard: number }>;
  /** Refusals (not sessions) by reason, over the whole log. */
  byReason: Facet[];
  facets: Record<'direction' | GroupBy, Facet[]>;
  /** The refusals grouped each way, inbound apart from outbound, largest groups first (counted over the whole log). */
  groups: Record<GroupBy, SummaryGroup[]>;
  /** Refusals in no group (past the summary's cap on distinct groups). */
  groupsDropped: number;
  sessions: SessionRow[];
}
