// Every whole case in test/fixtures/cases/ (input, zone.json, expect.json),
// analysed through the DoH transport against the project's fixture server.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/index';
import { DohResolver } from '../../src/net/doh';
import { decodeBytes } from '../../src/core/text/decode';
import { startDohServer } from '../support/doh-server';
import { caseMisses, type CaseExpect } from '../support/case-check';

const root = path.join(import.meta.dirname, '../fixtures/cases');
const cases = readdirSync(root).filter((d) => existsSync(path.join(root, d, 'expect.json')));

describe('whole cases', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(root, name);
    const input = ['input.txt', 'input.log', 'input.eml'].map((f) => path.join(dir, f)).find((f) => existsSync(f))!;
    const exp = JSON.parse(readFileSync(path.join(dir, 'expect.json'), 'utf8')) as CaseExpect;
    const zonePath = path.join(dir, 'zone.json');
    const dns = exp.offline ? null : await startDohServer({ zone: existsSync(zonePath) ? JSON.parse(readFileSync(zonePath, 'utf8')) : {} });
    try {
      const report = await analyze(decodeBytes(new Uint8Array(readFileSync(input))), {
        resolver: dns ? new DohResolver({ endpoints: [dns.url] }) : undefined,
        exactBytes: true,
      });
      expect(caseMisses(report, exp)).toEqual([]);
    } finally {
      await dns?.close();
    }
  });
});
