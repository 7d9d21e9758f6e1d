// The server's own DKIM milter failing on its key (issue 11 point 4: the
// reader's own server is at fault, no client): OpenDKIM's key errors in
// mail.log, with or without their syslog prefix, are read as the server's
// own local error; other OpenDKIM lines are findings about messages, not
// refusals.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const first = async (text: string) => {
  const r = await analyze(text);
  return { kind: r.inputs[0].kind, first: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule ?? null };
};

describe("the server's own DKIM milter failing on its key", () => {
  it.each([
    [
      'key readable by others, with the syslog prefix',
      "Sep  2 09:56:10 mail opendkim[1806]: 2: key data is not secure: /var/lib/dkim/example.org.pem can be read or written by other users\nSep  2 09:56:10 mail opendkim[1806]: 4E8422055A: error loading key '2'",
    ],
    [
      'a key file that is not there, pasted without the prefix',
      "can't load key from /etc/postfix/dkim/mail.private: No such file or directory",
    ],
  ])('%s: a local error of the own server', async (_name, text) => {
    expect(await first(text)).toEqual({ kind: 'postfix-log', first: 'mta.local-error' });
  });

  it.each([
    ['a verification result', 'Sep  2 09:56:10 mail opendkim[1806]: 4E8422055A: DKIM verification successful'],
    ['prose about keys', 'I cannot load the key page in the admin panel, any idea why?'],
  ])('%s: no local error', async (_name, text) => {
    expect((await first(text)).first).not.toBe('mta.local-error');
  });
});
