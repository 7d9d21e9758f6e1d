// What the page draws, ready to draw: the analysis worker turns a Report into
// this (src/worker/view/build.ts), so that the main thread holds no parser,
// no knowledge base and no wording logic — only Svelte and these plain
// objects (structured clone). The Report itself travels beside it, for
// "Download JSON" and the permalink.

import type { EvidenceItem, Status } from '../../core/types';

/** A piece of a fix or verify line: prose, or code with what its copy button copies. */
export type FixPart = { kind: 'text'; text: string } | { kind: 'code'; text: string; copy: string };

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

export interface ReportView {
  steps: StepView[];
  /** The message view's knowledge, when the report has a well-formed message. */
  message: MessageExtras | null;
  /** The report as plain text ("Copy as text"). */
  text: string;
  /** Some live steps still wait for DNS answers (a partial report). */
  pending: boolean;
}
