// Report → ReportView, in the worker: every wording, grouping and lookup in
// knowledge the page needs, done here once, so that the main thread only
// draws (issue 14: the first screen carries no engine).

import type { Report, Step } from '../../core/types';
import { stepKey } from '../../core/share/permalink';
import { reportToText } from '../../core/format/text';
import { validMessageReport } from '../../core/mail/check-report';
import { findHeaderField } from '../../core/knowledge/header-fields';
import { AUTH_RESULT_SOURCES, authResultMeaning } from '../../core/knowledge/verdicts/auth-results';
import { fixParts } from './fix-parts';
import { sourceView } from './sources';
import { STATUS_WORDS } from './words';
import type { MessageExtras, ReportView, StepView } from './types';

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.map((s) => (typeof s === 'string' ? s : String(s))) : []);

export function stepView(s: Step, pending = false): StepView {
  const status = pending ? 'pending' : s.status;
  return {
    key: stepKey(s),
    rule: s.rule,
    status,
    statusWords: STATUS_WORDS[status] ?? String(status),
    title: s.title,
    detail: typeof s.detail === 'string' ? s.detail : null,
    evidence: Array.isArray(s.evidence) ? s.evidence : [],
    fix: strings(s.fix).map(fixParts),
    verify: strings(s.verify).map(fixParts),
    sources: strings(s.sources).map(sourceView),
    retry: !!s.retry,
  };
}

function messageExtras(r: Report): MessageExtras | null {
  // a report from a shared link is checked before the page draws its message
  if (!validMessageReport(r.message)) return null;
  const m = r.message;
  const recorded = m.authResults.find((a) => a.trusted) ?? null;
  return {
    headerInfo: m.headers.map((h) => {
      const k = findHeaderField(h.name);
      return k ? { source: k.source, meaning: k.meaning } : null;
    }),
    authMeanings: recorded ? recorded.results.map((x) => authResultMeaning(x.method, x.result)) : [],
    authSources: recorded ? [...new Set(recorded.results.map((x) => AUTH_RESULT_SOURCES[x.method]).filter(Boolean))].join('; ') : '',
  };
}

/**
 * The view of a report. `pending`: a partial report, taken before every DNS
 * answer was in; its steps that wait for answers (`retry`) show as pending.
 */
export function buildView(r: Report, o: { pending?: boolean } = {}): ReportView {
  const pending = !!o.pending;
  const steps = r.checklist.map((s) => stepView(s, pending && !!s.retry));
  let text = '';
  try {
    text = reportToText(r);
  } catch {
    // a shared link's report is checked in shape only; the text is a convenience
    text = '';
  }
  return { steps, message: messageExtras(r), text, pending: pending && steps.some((s) => s.status === 'pending') };
}
