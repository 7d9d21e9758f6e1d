// Ranking: when the receiver refused the message as non-conforming
// (notcompliantrfc), the header problems found are the cause and come right
// after the refusal; without a refusal they are ordinary problems.
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../../src/core/analyze';
import { classify } from '../../../src/core/classify';
import { findSubjects, focusSession } from '../../../src/core/subjects';
import { RULES } from '../../../src/core/rules';
import { rankSteps } from '../../../src/core/rank';
import type { LiveResults } from '../../../src/core/checks';
import type { Rejection } from '../../../src/core/types';

const MESSAGE = [
  'Received: from scanner01 (unknown [198.51.100.7]) by mail.receiver.example (MDaemon PRO v23.5.2) with ESMTP id md50001.msg; Tue, 4 Mar 2025 10:11:09 +0000',
  'From: scanner@sender.example',
  'From: scanner@sender.example',
  'To: bob@receiver.example',
  'Subject: Scan',
  '',
  'scan attached',
].join('\n');

// a live PTR failure, to see that header problems outrank it under notcompliantrfc
const live: LiveResults = {
  enabled: true,
  ptr: {
    ip: '198.51.100.7',
    reverse: '7.100.51.198.in-addr.arpa',
    outcome: 'none',
    names: [],
    response: { name: '7.100.51.198.in-addr.arpa', type: 'PTR', rcode: 'NXDOMAIN', answers: [], ad: false, resolver: 'table', ms: 1 },
    forward: [],
    confirmedNames: [],
  },
  helo: null,
  spf: null,
  dkim: null,
  dmarc: null,
  mxDomain: null,
  dnsbl: null,
};

function rank(primary: Rejection | null) {
  const evidence = readEvidence(MESSAGE);
  if (primary) evidence.rejections.push(primary);
  const ctx = { evidence, subjects: findSubjects(evidence), live, focus: focusSession(evidence), primary };
  return rankSteps(
    RULES.flatMap((r) => r.run(ctx)),
    primary,
  ).map((s) => `${s.rule}:${s.status}`);
}

describe('ranking of header problems', () => {
  it('under a "does not conform to standards" refusal they come first, after the refusal itself', () => {
    const refusal = classify({
      code: 554,
      enhanced: null,
      stage: 'end-of-data',
      text: 'Message does not conform to standards',
      ip: '198.51.100.7',
      line: 1,
    });
    expect(refusal.reason).toBe('notcompliantrfc');
    const steps = rank(refusal);
    expect(steps[0]).toBe('smtp.not-compliant:fail');
    const problems = steps.filter((s) => /:(fail|warn)$/.test(s));
    const firstNonHeader = problems.findIndex((s, i) => i > 0 && !s.startsWith('headers.'));
    const headerSteps = problems.slice(1, firstNonHeader);
    expect(headerSteps).toEqual(expect.arrayContaining(['headers.missing-date:fail', 'headers.duplicate:fail']));
    expect(steps.indexOf('headers.missing-date:fail')).toBeLessThan(steps.indexOf('ptr.missing:fail'));
  });

  it('without a refusal they are ordinary problems, worst first', () => {
    const steps = rank(null);
    expect(steps).toContain('headers.missing-date:fail');
    expect(steps).toContain('ptr.missing:fail');
    // failures before warnings before passes
    const order = steps.map((s) => ['fail', 'warn', 'inconclusive', 'info', 'pass'].indexOf(s.split(':')[1]));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
