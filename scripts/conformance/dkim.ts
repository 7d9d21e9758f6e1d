// DKIM verdicts against Mail::DKIM's verifier corpus (t/corpus with
// t/FAKE_DNS.dat: 40 messages, expected pass / fail / invalid) and the
// RFC 8463 Appendix A message (Ed25519 and RSA signatures, both valid).
// The Mail::DKIM data is read from ../shared only (Perl-licensed: never
// copied into the project). Mail::DKIM's "invalid" is our permerror,
// temperror or neutral (RFC 8601 terms). Messages go through the project's
// own message reader, as a dropped file would.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyDkim, overallDkim } from '../../src/core/auth/dkim/verify';
import { Lookup } from '../../src/core/dns/lookup';
import { messageParser } from '../../src/core/parse/message';
import { splitLines } from '../../src/core/text/lines';
import type { Corpus } from './corpus';
import { zoneResolver, type Zone } from './zone-resolver';

function fakeDns(text: string): Zone {
  const zone: Zone = new Map();
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const m = /^(\S+)\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    const name = m[1].toLowerCase();
    const v = m[2].trim();
    if (v === 'NXDOMAIN') continue;
    if (/^~~.*timed out.*~~$/i.test(v)) zone.set(name, ['TIMEOUT']);
    else if (/^~~.*~~$/.test(v)) zone.set(name, ['SERVFAIL']);
    else zone.set(name, [{ type: 'TXT', data: [v === '""' ? '' : v] }]);
  }
  return zone;
}

function jsonDns(data: Record<string, { TXT?: string[][] }>): Zone {
  const zone: Zone = new Map();
  for (const [name, rr] of Object.entries(data))
    zone.set(
      name.toLowerCase(),
      (rr.TXT ?? []).map((strings) => ({ type: 'TXT', data: strings })),
    );
  return zone;
}

async function verifyFile(file: string, zone: Zone) {
  const text = readFileSync(file, 'latin1');
  const parsed = messageParser.parse(splitLines(text), text, { exactBytes: true });
  const lookup = new Lookup(zoneResolver(zone), () => new Date(), 100);
  return verifyDkim(parsed.message!, lookup, new Date());
}

const AS_MAIL_DKIM: Record<string, string> = {
  pass: 'pass',
  fail: 'fail',
  none: 'none',
  permerror: 'invalid',
  temperror: 'invalid',
  neutral: 'invalid',
};

export const dkimCorpus: Corpus = {
  name: 'dkim',
  folder: 'dkim',
  async run(dir) {
    const misses: string[] = [];
    let passed = 0;
    let total = 0;
    const md = path.join(dir, 'mail-dkim');
    if (existsSync(md)) {
      const zone = fakeDns(readFileSync(path.join(md, 'FAKE_DNS.dat'), 'utf8'));
      const expected = JSON.parse(readFileSync(path.join(md, 'expected.json'), 'utf8')) as { cases: { file: string; expected: string }[] };
      for (const c of expected.cases) {
        total++;
        const verdicts = await verifyFile(path.join(md, c.file), zone);
        const got = AS_MAIL_DKIM[overallDkim(verdicts)];
        if (got === c.expected) passed++;
        else
          misses.push(
            `mail-dkim/${c.file}: got ${got} (${verdicts.map((v) => `${v.result}: ${v.reason}`).join(' | ')}), want ${c.expected}`,
          );
      }
    }
    const extra: { name: string; passed: number; total: number }[] = [];
    const rfc = path.join(dir, 'rfc8463-ed25519', 'test', 'dkim', 'ec', 'fixtures');
    if (existsSync(rfc)) {
      const zone = jsonDns(JSON.parse(readFileSync(path.join(rfc, 'dns.json'), 'utf8')));
      const verdicts = await verifyFile(path.join(rfc, 'signed.eml'), zone);
      const ok = verdicts.filter((v) => v.result === 'pass').length;
      extra.push({ name: 'dkim rfc8463 signatures verified', passed: ok, total: verdicts.length });
      for (const v of verdicts) if (v.result !== 'pass') misses.push(`rfc8463 ${v.signature.a}: ${v.result}: ${v.reason}`);
    }
    return { passed, total, misses, unit: 'Mail::DKIM verdicts matched', extra };
  },
};
