// Report → ReportView, in the worker: every wording, grouping and lookup in
// knowledge the page needs, done here once, so that the main thread only
// draws: the first screen carries no engine.

import type { Report, Step } from '../../core/types';
import { stepKey } from '../../core/share/permalink';
import { reportToText } from '../../core/format/text';
import { validMessageReport } from '../../core/mail/check-report';
import { findHeaderField } from '../../core/knowledge/header-fields';
import { AUTH_RESULT_SOURCES, authResultMeaning } from '../../core/knowledge/verdicts/auth-results';
import { fixParts } from './fix-parts';
import { sourceView } from './sources';
import { PARTY_WORDS, STAGE_WORDS, STATUS_WORDS, kindWords, reasonWords } from './words';
import { verdictOf } from './verdict';
import type { MessageExtras, RefusalView, ReportView, StepView } from './types';

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

function refusalView(x: Report['rejections'][number]): RefusalView {
  return {
    line: x.line,
    reply: [x.code, x.enhanced].filter(Boolean).join(' '),
    text: x.text,
    stageWords: STAGE_WORDS[x.stage] ?? String(x.stage),
    reason: x.reason,
    reasonWords: reasonWords(x.reason),
    temporary: !x.hard,
    partyWords: (PARTY_WORDS[x.party] ?? String(x.party)).split(':')[0],
  };
}

/**
 * The view of a report. In a partial report (core's onPartial, taken before
 * every DNS answer was in) a step still waiting carries `pending: true`: it
 * shows as pending ("Checking…"), DESIGN.md contract 5.
 */
export function buildView(r: Report): ReportView {
  const steps = r.checklist.map((s) => stepView(s, s.pending === true));
  // two steps with the same rule and title (rare) still get keys of their own
  const seen = new Map<string, number>();
  for (const s of steps) {
    const n = seen.get(s.key) ?? 0;
    seen.set(s.key, n + 1);
    if (n) s.key = `${s.key}#${n + 1}`;
  }
  let text = '';
  try {
    text = reportToText(r);
  } catch {
    // a shared link's report is checked in shape only; the text is a convenience
    text = '';
  }
  const inputs = (Array.isArray(r.inputs) ? r.inputs : []).map((i) => ({ kind: i.kind, words: kindWords(i.kind), lines: i.lines }));
  return {
    inputs,
    recognised: inputs.some((i) => i.kind !== 'unknown'),
    verdict: verdictOf(r, steps),
    refusals: (Array.isArray(r.rejections) ? r.rejections : []).map(refusalView),
    steps,
    message: messageExtras(r),
    text,
    pending: steps.some((s) => s.status === 'pending'),
  };
}
