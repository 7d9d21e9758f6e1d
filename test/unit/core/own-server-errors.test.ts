// The answering server's own failures quoted in its refusal (knowledge/replies/session.ts): the Go resolver's
// error ("lookup <name> on <server>:53: <cause>", with or without "dial tcp: ") and the operating system's or
// SQLite's refusal to open the server's own files. No judgment of the client or the message: the server's
// administrator acts.
import { describe, expect, it } from 'vitest';
import { findReceiverKnowledge } from '../../../src/core/knowledge/replies';

describe("a server's own failures in its refusals", () => {
  it.each([
    [
      'SPF authentication failed with a temporary error (lookup example.net on 127.0.0.53:53: server misbehaving)',
      'relay.own-resolver-failure',
    ],
    [
      'Error: Post "https://api.example/": dial tcp: lookup api.example on 192.168.1.1:53: read udp 10.0.0.2:4->192.168.1.1:53: i/o timeout',
      'relay.own-resolver-failure',
    ],
    ['external: open messages/3f3eac150b6bdd1aec6101c512020da8: permission denied', 'server.own-storage-denied'],
    ['imapsql: GetMailbox [Junk]: unable to open database file: permission denied', 'server.own-storage-denied'],
  ])('%s → %s', (text, id) => {
    expect(findReceiverKnowledge(text, null, 'end-of-data')?.id).toBe(id);
  });

  it.each([
    // failing forms: a name that does not exist is no resolver failure; a client's refused sender is no storage error
    'lookup nosuchhost.example on 127.0.0.53:53: no such host',
    '501 5.7.1 <a@example.org>... Permission denied',
  ])('not the server’s own failure: %s', (text) => {
    expect(['relay.own-resolver-failure', 'server.own-storage-denied']).not.toContain(findReceiverKnowledge(text, null, 'end-of-data')?.id);
  });
});
