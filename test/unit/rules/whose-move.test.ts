// Whose move it is (issue 11 point 4): the organisation's own device refused
// by its own server as a stranger submits instead (rules/own-client.ts); the
// reader's own server refusing a stranger gets the sender's fixes addressed
// as the sender's (rules/receiving-side.ts); a refusal of the reader's own
// server elsewhere keeps the fixes addressed to the reader.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import type { Report } from '../../../src/core/types';

const firstProblem = (r: Report) => r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
const step = (r: Report, rule: string) => r.checklist.find((s) => s.rule === rule);

const smtpdReject = (reply: string, from: string, to: string, helo: string) =>
  `Feb  8 20:30:05 mail postfix/smtpd[17756]: NOQUEUE: reject: RCPT from unknown[198.51.100.77]: ${reply}; from=<${from}> to=<${to}> proto=ESMTP helo=<${helo}>`;

const NO_PTR = '450 4.7.1 Client host rejected: cannot find your reverse hostname, [198.51.100.77]';
const LISTED = '554 5.7.1 Service unavailable; Client host [198.51.100.77] blocked using zen.spamhaus.org';

describe('the organisation’s own device refused by its own server', () => {
  it.each([
    ['an address literal HELO', '[192.168.1.20]', 'fail'],
    ['a bare name HELO', 'PRINTER01', 'fail'],
    ['a full name HELO', 'scanner.example.com', 'warn'],
  ])('same domain, %s: submission.port-25 first, no PTR request', async (_name, helo, status) => {
    const r = await analyze(smtpdReject(NO_PTR, 'scan@example.com', 'office@example.com', helo));
    expect(firstProblem(r)).toMatchObject({ rule: 'submission.port-25', status });
    expect(firstProblem(r)!.fix.join(' ')).toMatch(/port 587.*SMTP authentication/);
    expect(r.checklist.some((s) => s.rule === 'ptr.missing' && s.status === 'fail')).toBe(false);
  });

  it('a sibling domain of the same organisation counts as its own (branch.example.com → example.com)', async () => {
    const r = await analyze(smtpdReject(NO_PTR, 'scan@branch.example.com', 'office@example.com', '[192.168.1.20]'));
    expect(step(r, 'submission.port-25')).toBeDefined();
  });

  it.each([
    ['another domain', 'news@sender.example', 'office@example.com'],
    ['no sender', '', 'office@example.com'],
  ])('is not claimed for %s', async (_name, from, to) => {
    const r = await analyze(smtpdReject(NO_PTR, from, to, '[192.168.1.20]'));
    expect(step(r, 'submission.port-25')).toBeUndefined();
  });

  it.each([
    ['a blocklist listing of its (home) IP', LISTED, 'submission.port-25'],
    ['a reverse-DNS check', NO_PTR, 'submission.port-25'],
  ])('the submission step leads over the refusal it reads again: %s', async (_name, reply, rule) => {
    const r = await analyze(smtpdReject(reply, 'me@example.com', 'me@example.com', '[192.168.1.20]'));
    expect(firstProblem(r)?.rule).toBe(rule);
  });

  it('a client that logged in (the sender is not owned by its login) is no stranger on port 25', async () => {
    const r = await analyze(
      smtpdReject(
        '553 5.7.1 <b@example.com>: Sender address rejected: not owned by user app@example.com',
        'b@example.com',
        'c@example.com',
        'cloud',
      ),
    );
    expect(step(r, 'submission.port-25')).toBeUndefined();
  });
});

describe('the reader’s own server refused a stranger', () => {
  it('a PTR refusal: the PTR step states the finding, its fixes are the sender’s, with an exception for the receiver', async () => {
    const r = await analyze(smtpdReject(NO_PTR, 'news@sender.example', 'office@example.com', 'mta.sender.example'));
    const s = firstProblem(r)!;
    expect(s.rule).toBe('ptr.missing');
    expect(s.title).toMatch(/^Your server found no valid PTR record/);
    expect(s.fix[0]).toMatch(/Nothing to change on your server if the refusal is wanted/);
    expect(s.fix.slice(1, -1).every((f) => f.startsWith('(sender) '))).toBe(true);
    expect(s.fix[s.fix.length - 1]).toMatch(/exception.*check_client_access/);
  });

  it('a blocklist refusal: never "delist yourself"', async () => {
    const r = await analyze(smtpdReject(LISTED, 'news@sender.example', 'office@example.com', 'mta.sender.example'));
    const s = step(r, 'dnsbl.listed')!;
    expect(s.status).toBe('fail');
    expect(s.fix[0]).toMatch(/tell the sender's administrator/);
    expect(s.fix.filter((f) => /delist|removal/i.test(f)).every((f) => f.startsWith('(sender) '))).toBe(true);
  });
});

describe('the reader’s own server refused elsewhere', () => {
  it('a bounce of its mail keeps the fixes addressed to the reader', async () => {
    const r = await analyze(
      '<bob@example.net>: host mx.example.net[192.0.2.5] said: 554 5.7.1 Service unavailable; Client host [198.51.100.77] blocked using zen.spamhaus.org (in reply to RCPT TO command)',
    );
    const s = step(r, 'dnsbl.listed')!;
    expect(s.fix.some((f) => f.startsWith('(sender) '))).toBe(false);
  });
});
