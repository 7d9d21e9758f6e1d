// headers.invalid-address and headers.missing-sender: the address fields
// (RFC 5322 §3.4 syntax, §3.6.2-3 which field takes what) read strictly.
// From: is a mailbox-list; when it names more than one mailbox, Sender: must
// name the one who sent it (§3.6.2). Sender: is a single mailbox.

import type { HeaderField, Step } from '../../types';
import type { Rule } from '../rule';
import { parseAddressList, type AddressProblem } from '../../mail/address';
import { addedByReceiver, messageView, passStep, quote, NOT_COMPLIANT } from './common';
import { fieldsNamed } from '../../mail/header-block';

const FIELDS = ['from', 'sender', 'reply-to', 'to', 'cc', 'bcc'];
const SOURCES = [
  'RFC 5322 §3.4 (address specification)',
  'RFC 5322 §3.6.2 (From: mailbox-list, Sender: mailbox)',
  'RFC 6532 §3.2 (UTF-8 in addresses needs SMTPUTF8)',
];

export const invalidAddress: Rule = {
  steps: [{ id: 'headers.invalid-address', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.complete) return [];
    const steps: Step[] = [];
    let checked = 0;
    for (const f of v.fields) {
      const name = f.name.toLowerCase();
      if (!FIELDS.includes(name) || addedByReceiver(v, f)) continue;
      checked++;
      const list = parseAddressList(f.value, name !== 'from' && name !== 'sender');
      const problems: AddressProblem[] = [...list.problems];
      // RFC 6532: raw UTF-8 is allowed only when SMTPUTF8 carried the message
      if (v.facts?.smtputf8) for (let k = problems.length - 1; k >= 0; k--) if (/SMTPUTF8/.test(problems[k].text)) problems.splice(k, 1);
      if (name === 'sender' && list.mailboxes.length > 1)
        problems.push({
          severity: 'error',
          text: `Sender: names ${list.mailboxes.length} mailboxes; it takes exactly one (RFC 5322 §3.6.2)`,
        });
      if ((name === 'from' || name === 'sender') && !list.mailboxes.length && !problems.length && f.value.trim())
        problems.push({ severity: 'error', text: `${f.name}: names no mailbox` });
      if (name === 'from' && !f.value.trim()) problems.push({ severity: 'error', text: 'From: is empty' });
      if (!problems.length) continue;
      const error = problems.some((p) => p.severity === 'error');
      const fixes = problems.filter((p) => p.fix).map((p) => `Write it as: ${f.name}: ${p.fix}`);
      steps.push({
        rule: 'headers.invalid-address',
        status: error ? 'fail' : 'warn',
        title: `${f.name}: ${error ? 'is not a valid address list' : 'has an address receivers may not accept'}: ${problems[0].text}`,
        evidence: [{ text: quote(f), line: f.line }, ...problems.slice(1).map((p) => ({ text: p.text, line: f.line }))],
        detail:
          'Receivers that check conformance parse address fields strictly; a display name with unquoted commas or dots, a missing angle bracket or a malformed domain makes the whole message non-conforming, and DMARC cannot find the From domain.',
        fix: fixes.length
          ? [...new Set(fixes)]
          : [`Correct ${f.name}: in the program or template that writes it, to the form "Display Name" <local@domain.example>.`],
        verify: ['Send a test message to yourself and read the field in the raw headers (Gmail: Show original).'],
        sources: SOURCES,
      });
    }
    if (!steps.length && checked)
      steps.push(passStep('headers.invalid-address', 'The address fields are valid RFC 5322 addresses', SOURCES));
    return steps;
  },
};

export const missingSender: Rule = {
  steps: [{ id: 'headers.missing-sender', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.complete) return [];
    const from = fieldsNamed(v.fields, 'from')[0] as HeaderField | undefined;
    if (!from) return [];
    const count = parseAddressList(from.value, false).mailboxes.length;
    if (count < 2) return [];
    const sender = fieldsNamed(v.fields, 'sender')[0];
    if (sender)
      return [
        passStep('headers.missing-sender', `From: names ${count} authors and Sender: says who sent it`, SOURCES, [
          { text: quote(sender), line: sender.line },
        ]),
      ];
    const first = parseAddressList(from.value, false).mailboxes[0];
    return [
      {
        rule: 'headers.missing-sender',
        status: 'fail',
        title: `From: names ${count} mailboxes but there is no Sender: header`,
        evidence: [{ text: quote(from), line: from.line }],
        detail:
          'RFC 5322 §3.6.2: when From: lists several authors, a Sender: field must name the single mailbox that actually sent the message. Strict receivers refuse the message without it.',
        fix: [`Add: Sender: ${first.display ? `"${first.display}" ` : ''}<${first.address}>`, 'Or name only one author in From:.'],
        verify: ['Send a test message and check the raw headers for Sender:.'],
        sources: SOURCES,
      },
    ];
  },
};
