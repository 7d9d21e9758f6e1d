// An application's own socket error, with no SMTP reply at all (issue 11):
// Node.js (libuv) prints "connect <ERRNO> <address>:<port>" for a connection
// that could not be made. To an SMTP port it is the session failing before
// any receiver judged the mail (the port blocked, nothing listening, no
// route); to another port it is no mail evidence.
import { describe, expect, it } from 'vitest';
import { findReceiverKnowledge } from '../../../src/core/knowledge/replies';
import { knownWordsAlone } from '../../../src/core/parse/bounce/known-words';

const NODE_ERROR = (errno: string, at: string) => [
  `Error: connect ${errno} ${at}`,
  '    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1083:14)',
  `  errno: '${errno}',`,
  `  code: '${errno}',`,
  "  syscall: 'connect',",
];

describe('Node.js connect errors to an SMTP port are failed connections', () => {
  it.each([
    ['ETIMEDOUT', '192.0.2.26:25', 'connection.timed-out'],
    // (to a submission port it is an application's own SMTP server: knowledge/replies/clients.ts)
    ['ETIMEDOUT', '192.0.2.26:587', 'program.server-unreachable'],
    ['ECONNREFUSED', '192.0.2.26:25', 'connection.refused'],
    ['EHOSTUNREACH', '192.0.2.26:465', 'program.server-unreachable'],
    ['ENETUNREACH', '[2001:db8::1]:25', 'connection.no-route'],
  ])('connect %s %s → %s', (errno, at, id) => {
    const lines = NODE_ERROR(errno, at);
    expect(findReceiverKnowledge(lines.join(' '), null, 'connect')?.id).toBe(id);
    expect(knownWordsAlone(lines)).toBe(true);
  });
  it.each([
    ['ETIMEDOUT', '192.0.2.26:443'],
    ['ECONNREFUSED', '127.0.0.1:5432'],
  ])('connect %s %s (not an SMTP port) is no mail evidence', (errno, at) => {
    expect(knownWordsAlone(NODE_ERROR(errno, at))).toBe(false);
  });
});
