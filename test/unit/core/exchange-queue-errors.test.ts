// Exchange's queue Last Error wraps what its transport met (Microsoft KB 979175): "451 4.4.0 Primary target IP
// address responded with: "<reply>." Attempted failover to alternate host, but that did not succeed." When the
// quoted reply is Exchange's own "421 4.4.2 Unable to connect" no receiver answered at all: a failed connection,
// not a block. When it quotes a receiver's refusal, that refusal is what the queue met.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { findReceiverKnowledge } from '../../../src/core/knowledge/replies';

const first = async (text: string) => {
  const r = await analyze(text);
  return { reason: r.rejections[0]?.reason, step: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule };
};

describe("Exchange's queue: a connection it could not open", () => {
  it.each([
    // (the blog's copy: dots for spaces, typographic quotes)
    '451 4.4.0 primary target IP address responded with \u201c421.4.4.2 unable to connect.\u201d Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.',
    '451 4.4.0 Primary target IP address responded with: "421 4.2.1 Unable to connect." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.',
  ])('%s', async (text) => {
    expect(findReceiverKnowledge(text, 451, 'unknown')?.id).toBe('exchange.queue-unable-to-connect');
    expect(await first(text)).toEqual({ reason: 'networkerror', step: 'smtp.connection-failed' });
  });

  it.each([
    // failing forms: the wrapper around a receiver's own refusal is that refusal, not a failed connection
    '451 4.4.0 Primary target IP address responded with: "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org." Attempted failover to alternate host, but that did not succeed.',
    '451 4.4.0 Primary target IP address responded with: "451 5.7.3 Cannot achieve Exchange Server authentication." Attempted failover to alternate host, but that did not succeed.',
  ])('not a failed connection: %s', (text) => {
    expect(findReceiverKnowledge(text, 451, 'unknown')?.id).not.toBe('exchange.queue-unable-to-connect');
  });
});
