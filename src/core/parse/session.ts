// A session with nothing known yet: every log reader starts its sessions here,
// so that a field added to Session gets its empty value in one place.

import type { InputKind, Session } from '../types';

export function emptySession(
  kind: InputKind,
  id: string | null,
  startLine: number,
  direction: Session['direction'] = 'unknown',
  endLine = startLine,
): Session {
  return {
    id,
    kind,
    direction,
    clientIp: null,
    clientIpLine: 0,
    serverIp: null,
    remoteHost: null,
    helo: null,
    mailFrom: null,
    rcptTo: [],
    commands: [],
    replies: [],
    logged: [],
    messageSize: null,
    startLine,
    endLine,
  };
}
