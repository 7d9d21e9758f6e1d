// dmarc.*: the From domain's DMARC policy and the message's result under it,
// one module per problem:
// - record.ts: dmarc.missing (no record; `pass` when one is published) and
//   dmarc.invalid (a record that does not parse, or several);
// - result.ts: dmarc.fail (no aligned SPF or DKIM pass; `pass` when there is one);
// - policy.ts: dmarc.weak-policy (p=none or pct<100: the path to p=reject);
// - reports.ts: dmarc.report-auth (external rua/ruf not authorised).
// This file is the rule: what it declares, and the order the steps come in.

import type { Step } from '../../types';
import { inconclusiveStep, type Rule } from '../rule';
import { loggedEvidence, refusalsNaming } from '../auth-evidence';
import { SOURCES } from './common';
import { invalid, missing, published } from './record';
import { loggedOnly, messageResult, receiverSaysFail } from './result';
import { weakPolicySteps } from './policy';
import { reportAuthSteps } from './reports';

/** The refusal reasons a DMARC problem can cause (a policy refusal is also worded as one). */
const EXPLAINS = ['authfailure', 'securityerror', 'rejected', 'spamdetected', 'policyviolation'];

export const dmarcRules: Rule = {
  steps: ['dmarc.missing', 'dmarc.invalid', 'dmarc.fail', 'dmarc.weak-policy', 'dmarc.report-auth'].map((id) => ({
    id,
    explains: EXPLAINS,
  })),
  reads: ['dmarc'],
  sources: SOURCES,
  run(ctx) {
    const c = ctx.live.dmarc;
    const logged = loggedEvidence(ctx, 'dmarc');
    if (!c) return logged.length ? [loggedOnly(logged)] : [];
    const lk = c.evaluation.lookup;
    if (lk.outcome === 'error') {
      const s = inconclusiveStep(
        'dmarc.missing',
        `The DMARC record of ${c.domain} could not be checked`,
        lk.responses[lk.responses.length - 1] ?? null,
      );
      s.evidence.unshift(...logged);
      return [s];
    }
    if (lk.outcome === 'none') return [missing(ctx, c)];
    const steps: Step[] = [];
    // the message itself is not in the input: the receiver's own verdict is the evidence
    const said = refusalsNaming(ctx, 'dmarc');
    if (!c.fromKnown && said.length) steps.push(receiverSaysFail(c, said));
    if (lk.outcome === 'invalid' || lk.outcome === 'multiple') return [...steps, invalid(ctx, c, logged), ...reportAuthSteps(c)];
    steps.push(published(c, logged));
    // the outcome for this message
    const result = c.fromKnown ? messageResult(ctx, c, logged) : null;
    if (result) steps.push(result);
    steps.push(...weakPolicySteps(c), ...reportAuthSteps(c));
    return steps;
  },
};
