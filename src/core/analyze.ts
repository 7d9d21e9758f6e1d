// The walk of the data (DESIGN.md): detect → parse → Evidence → live checks →
// rules → ranked checklist → Report. Pure: DNS and the clock come in options.

import type { Evidence, Report } from './types';
import { resolveOptions, type AnalyzeOptions } from './options';
import { splitLines } from './text/lines';
import { chooseParser } from './parse/registry';
import { buildEvidence } from './evidence';
import { findSubjects, focusSession, withSendingHostIp } from './subjects';
import { Lookup } from './dns/lookup';
import { runLiveChecks } from './checks';
import { RULES } from './rules';
import { authReport } from './checks/auth-report';
import { rankSteps } from './rank';
import { notTheCauseForSubmission } from './rules/submission';
import { withReceiverWords } from './rules/rejection';
import { describeMessage } from './mail/describe';

function emptyEvidence(lines: number, warning: string): Evidence {
  return {
    inputs: [{ kind: 'unknown', lines }],
    sessions: [],
    rejections: [],
    hops: [],
    message: null,
    logged: [],
    unknownLines: lines,
    warnings: [warning],
  };
}

/** Parse only: what the input says, without DNS. */
export function readEvidence(text: string, options: AnalyzeOptions = {}): Evidence {
  const o = resolveOptions(options);
  if (text.length > o.limits.maxInputBytes) {
    return emptyEvidence(
      0,
      `The input is ${(text.length / 1048576).toFixed(1)} MB, over the limit of ${(o.limits.maxInputBytes / 1048576).toFixed(0)} MB; nothing was analysed. Cut it to the session or message in question.`,
    );
  }
  const lines = splitLines(text);
  if (!lines.some((l) => l.trim())) return emptyEvidence(lines.length, 'The input is empty.');
  const { parser } = chooseParser(lines);
  if (!parser) {
    return emptyEvidence(
      lines.length,
      'The input was not recognised as a mail server log, a bounce, or message headers. Paste the SMTP log of the session, the bounce message, or the full headers.',
    );
  }
  return buildEvidence(parser.parse(lines, text, { exactBytes: o.exactBytes }), lines.length, o.limits.maxReplyChars);
}

export async function analyze(text: string, options: AnalyzeOptions = {}): Promise<Report> {
  const o = resolveOptions(options);
  const evidence = readEvidence(text, options);
  const lookup = new Lookup(o.resolver, o.now, o.limits.maxDnsQueries, o.signal, o.onDns, o.secrets);
  // a bounce that names the refused server but not its IP: its address, looked up first
  const found = o.live ? await withSendingHostIp(findSubjects(evidence), lookup) : { subjects: findSubjects(evidence), note: null };
  const subjects = found.subjects;
  if (found.note) evidence.warnings.push(found.note);
  const live = await runLiveChecks(subjects, lookup, o.live, { evidence, now: o.now, dnsbl: o.dnsbl });
  const focus = focusSession(evidence);
  const primary = evidence.rejections.find((r) => r.stage !== 'unknown') ?? evidence.rejections[0] ?? null;
  const ctx = { evidence, subjects, live, focus, primary };
  const steps = withReceiverWords(
    notTheCauseForSubmission(
      RULES.flatMap((r) => r.run(ctx)),
      ctx,
    ),
    ctx,
  );
  const message = await describeMessage(evidence, subjects.ip?.value ?? null);
  return {
    version: 1,
    inputs: evidence.inputs,
    rejections: evidence.rejections,
    hops: evidence.hops,
    checklist: rankSteps(steps, primary),
    dns: lookup.log,
    auth: authReport(live),
    warnings: evidence.warnings,
    live: o.live,
    generated: o.now().toISOString(),
    ...(message ? { message } : {}),
  };
}
