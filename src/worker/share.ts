// Permalinks in the worker: the state is redacted, compressed and encoded
// here, and a link's fragment decoded and checked here, so that neither the
// codec nor the redactor ships to the first screen. The page
// sends plain data and gets the fragment, or the decoded state with the
// view of a findings-only report.

import type { DnsLogEntry, Report } from '../core/types';
import { decodePermalink, encodePermalink, type SharedState } from '../core/share/permalink';
import { makeRedactor, mapStrings, type RedactOptions } from '../core/share/redact';
import { platformCompression } from './compression';
import { buildView } from './view/build';
import type { ReportView } from './view/types';

export interface ShareCall extends RedactOptions {
  mode: SharedState['mode'];
  report: Report;
  input: string;
  exactBytes: boolean;
  /** Keys of the steps ticked as done. */
  done: string[];
}

/** The fragment (without '#') that carries the state, redacted as asked. */
export async function makeFragment(c: ShareCall): Promise<string> {
  const redact = makeRedactor(c);
  const state: SharedState = {
    v: 1,
    mode: c.mode,
    ...(c.mode === 'input' ? { input: redact(c.input), exactBytes: c.exactBytes } : { report: mapStrings(c.report, redact) }),
    done: c.done.map(redact),
    dns: mapStrings(c.report.dns, redact),
    created: new Date().toISOString(),
  };
  return encodePermalink(state, platformCompression);
}

export type OpenedLink =
  | { ok: false; error: string }
  | {
      ok: true;
      mode: SharedState['mode'];
      created: string;
      done: string[];
      /** mode 'input': the text to analyse again, with the recorded answers. */
      input?: string;
      exactBytes?: boolean;
      dns: DnsLogEntry[];
      /** mode 'findings': the report as shared, and its view. */
      report?: Report;
      view?: ReportView;
    };

export async function openFragment(fragment: string): Promise<OpenedLink> {
  const r = await decodePermalink(fragment, platformCompression);
  if (!r.ok) return r;
  const s = r.state;
  const base = { ok: true as const, mode: s.mode, created: s.created, done: s.done, dns: s.dns };
  if (s.mode === 'findings') return { ...base, report: s.report!, view: buildView(s.report!) };
  return { ...base, input: s.input!, exactBytes: s.exactBytes ?? false };
}
