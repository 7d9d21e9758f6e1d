// What the receiver logged about SPF, and whether the sender's domain has an
// SPF record now. (The full RFC 7208 evaluation builds on this.)

import type { Step } from '../types';
import { dnsEvidenceText, inconclusiveStep, type Rule } from './rule';

const SOURCES = ['RFC 7208 §2.6 (results)'];

export const spfLogged: Rule = {
  id: 'spf.fail',
  run(ctx) {
    const steps: Step[] = [];
    for (const l of ctx.evidence.logged.filter((x) => x.check === 'spf')) {
      const res = l.result;
      const where = `${l.subject}${ctx.subjects.ip ? ' / ' + ctx.subjects.ip.value : ''}`;
      const evidence = [{ text: `The receiver logged SPF ${res} for ${where}`, line: l.line }];
      if (res === 'pass') {
        steps.push({
          rule: 'spf.fail',
          status: 'pass',
          title: `SPF passed for ${where}, as the receiver logged`,
          evidence,
          fix: [],
          verify: [`dig +short TXT ${l.subject}`],
          sources: SOURCES,
        });
      } else if (res === 'fail' || res === 'softfail') {
        steps.push({
          rule: res === 'fail' ? 'spf.fail' : 'spf.softfail',
          status: res === 'fail' ? 'fail' : 'warn',
          title: `SPF ${res} for ${where}, as the receiver logged`,
          evidence,
          detail: "The SPF record of the envelope sender's domain does not authorise the sending IP.",
          fix: [
            `Add the sending IP to the SPF record of ${l.subject}, e.g. "ip4:${ctx.subjects.ip?.value ?? '<ip>'}" before the "all" term.`,
          ],
          verify: [`dig +short TXT ${l.subject}`],
          sources: SOURCES,
        });
      } else if (res === 'permerror' || res === 'temperror') {
        steps.push({
          rule: res === 'permerror' ? 'spf.permerror' : 'spf.fail',
          status: res === 'permerror' ? 'fail' : 'inconclusive',
          title: `SPF ${res} for ${where}, as the receiver logged`,
          evidence,
          fix: [],
          verify: [`dig +short TXT ${l.subject}`],
          sources: SOURCES,
        });
      }
    }
    return steps;
  },
};

export const spfMissing: Rule = {
  id: 'spf.missing',
  run(ctx) {
    const c = ctx.live.spfRecord;
    if (!c) return [];
    if (c.outcome === 'error')
      return [inconclusiveStep('spf.missing', `Whether ${c.domain} has an SPF record could not be checked`, c.response)];
    const evidence = [{ text: dnsEvidenceText(c.response), line: 0 }];
    if (c.outcome === 'none') {
      return [
        {
          rule: 'spf.missing',
          status: 'fail',
          title: `${c.domain} has no SPF record`,
          evidence,
          detail:
            'Without SPF, receivers cannot tell whether the sending IP may send for the domain; Gmail and Yahoo require SPF or DKIM for all senders.',
          fix: [
            `Publish a TXT record at ${c.domain}: "v=spf1 ${ctx.subjects.ip ? (ctx.subjects.ip.value.includes(':') ? 'ip6:' : 'ip4:') + ctx.subjects.ip.value + ' ' : ''}mx ~all" (list every server and service that sends for the domain).`,
          ],
          verify: [`dig +short TXT ${c.domain}`],
          sources: SOURCES,
        },
      ];
    }
    if (c.outcome === 'multiple') {
      return [
        {
          rule: 'spf.permerror',
          status: 'fail',
          title: `${c.domain} has ${c.records.length} SPF records: receivers treat that as a permanent error`,
          evidence,
          fix: ['Merge them into one TXT record starting with v=spf1 (RFC 7208 §4.5).'],
          verify: [`dig +short TXT ${c.domain}`],
          sources: ['RFC 7208 §4.5'],
        },
      ];
    }
    return [
      {
        rule: 'spf.missing',
        status: 'pass',
        title: `${c.domain} publishes an SPF record: ${c.records[0]}`,
        evidence,
        fix: [],
        verify: [`dig +short TXT ${c.domain}`],
        sources: SOURCES,
      },
    ];
  },
};
