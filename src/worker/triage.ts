// Triage for every size: a log that holds several
// refused sessions, not all one refusal repeated, is not diagnosed whole — one
// checklist for hundreds of sessions is noise — but summarised like a large
// file: its sessions grouped (direction, reason, remote host, sender domain,
// client IP) for the user to pick one and diagnose it alone. A log with one
// or two refused sessions, or with one refusal retried (same reason, client
// and remote host), is diagnosed whole as before (core focuses on the
// session that matters).

import { splitLines } from '../core/text/lines';
import { chooseParser } from '../core/parse/registry';
import { summariseFile } from './summarise';
import { summaryView } from './view/summary';
import { LOG_KINDS } from './view/words';
import type { SummaryView } from './view/types';

/** Refused sessions from which a log is triaged rather than diagnosed whole. */
export const TRIAGE_MIN_SESSIONS = 3;
/** Lines read to tell a log from a message before summarising. */
const DETECT_LINES = 400;

export async function triage(text: string, name: string, signal: AbortSignal): Promise<SummaryView | null> {
  const head = splitLines(text.slice(0, 256 * 1024)).slice(0, DETECT_LINES);
  const kind = chooseParser(head).parser?.kind;
  if (!kind || !LOG_KINDS.has(kind)) return null;
  const summary = await summariseFile(new Blob([text]), signal, () => {});
  if (!summary || summary.sessions.length < TRIAGE_MIN_SESSIONS) return null;
  const view = summaryView(summary, name);
  // retries of one refusal (one reason, one client, one remote host) are one problem: diagnosed whole
  const g = view.groups;
  return g.reason.length > 1 || g.clientIp.length > 1 || g.remoteHost.length > 1 ? view : null;
}
