// The reader's own server's DNS failing (issue 11 point 4): Postfix dnsblog's
// "lookup error for DNS query" and unbound's "failed to prime trust anchor" are
// the server's own resolver failing (knowledge/own-server-logs), not a listing
// or the client's PTR. A refusal for a missing PTR beside the resolver's failure
// leads with the local error; the same refusal alone still blames the PTR.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { ownServerLog } from '../../../src/core/knowledge/own-server-logs';

const first = async (text: string) => {
  const r = await analyze(text);
  return { kind: r.inputs[0].kind, first: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule ?? null };
};

const PTR_REFUSAL =
  'Dec  3 10:00:01 mx postfix/smtpd[2211]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.7]; from=<a@example.org> to=<b@example.net> proto=ESMTP helo=<mail.example.org>';
const UNBOUND_DOWN = '[1701590400] unbound[1:0] info: failed to prime trust anchor -- DNSKEY rrset is not secure . DNSKEY IN';

describe("the reader's own server's DNS failing", () => {
  it.each([
    [
      'dnsblog lookup error with its syslog prefix',
      'Dec  3 10:00:00 mx postfix/dnsblog[11746]: warning: dnsblog_query: lookup error for DNS query 7.2.0.192.list.dnswl.org: Host or domain name not found. Name service error for name=7.2.0.192.list.dnswl.org type=A: Host not found, try again',
    ],
    [
      'dnsblog lookup error without its prefix',
      'warning: dnsblog_query: lookup error for DNS query 7.2.0.192.zen.spamhaus.org: Host or domain name not found. Name service error for name=7.2.0.192.zen.spamhaus.org type=A: Host not found, try again',
    ],
    ['a PTR refusal beside unbound failing its trust anchor', `${PTR_REFUSAL}\n\n${UNBOUND_DOWN}`],
    ['unbound failing first, then the PTR refusal', `${UNBOUND_DOWN}\n${PTR_REFUSAL}`],
  ])('%s: a local error of the own server', async (_name, text) => {
    expect(await first(text)).toEqual({ kind: 'postfix-log', first: 'mta.local-error' });
  });

  it.each([
    ['the PTR refusal alone', PTR_REFUSAL, 'ptr.missing'],
    [
      'the PTR refusal beside an ordinary unbound line',
      `${PTR_REFUSAL}\n[1701590400] unbound[1:0] info: start of service (unbound 1.17.1).`,
      'ptr.missing',
    ],
  ])('%s: the client is judged, no local error', async (_name, text, rule) => {
    expect((await first(text)).first).toBe(rule);
  });

  it.each([
    ['dnsblog reporting a listing', 'postfix/dnsblog', 'addr 192.0.2.7 listed by domain zen.spamhaus.org as 127.0.0.2', null],
    ['smtpd quoting the words', 'postfix/smtpd', 'warning: lookup error for DNS query x: y', null],
    ['unbound starting', 'unbound', 'info: start of service (unbound 1.17.1).', null],
    [
      'dnsblog failing',
      'postfix/dnsblog',
      'warning: dnsblog_query: lookup error for DNS query 7.2.0.192.zen.spamhaus.org: Host not found',
      'postfix.dnsblog-lookup-error',
    ],
    [
      'unbound failing',
      'unbound',
      'info: failed to prime trust anchor -- DNSKEY rrset is not secure . DNSKEY IN',
      'unbound.trust-anchor-failure',
    ],
  ])('the table: %s', (_name, program, message, id) => {
    expect(ownServerLog(`${program}: ${message}`, program, message)?.knowledgeId ?? null).toBe(id);
  });

  it('prose about a lookup error is no own-server line', () => {
    expect(ownServerLog('the lookup error for DNS query went away after I changed resolv.conf', null, null)).toBeNull();
  });
});
