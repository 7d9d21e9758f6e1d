// The JSON report, version 1 (DESIGN.md contract 3), as the CLI's --json prints
// it: every field the contract's block names is there with its type, and the
// values of kind, stage and status are the ones the contract lists. The
// contract is read from DESIGN.md itself, so a change to either side fails here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import type { Report } from '../../../src/core/types';
import { RULE_IDS } from '../../../src/core/rules';
import { DohResolver } from '../../../src/net/doh';
import { decodeBytes } from '../../../src/core/text/decode';
import { startDohServer } from '../../support/doh-server';

const root = path.join(import.meta.dirname, '../../..');
const design = readFileSync(path.join(root, 'DESIGN.md'), 'utf8');
const contract = design.slice(design.indexOf('3. **The JSON report**'), design.indexOf('4. **Rule ids**'));

/** The fields the contract's block gives an object (`name: [{ a, b: [{ … }], c }]`, or the top `{ version, … }`): its top-level names. */
function fieldsOf(name: string | null): string[] {
  const block = /```([\s\S]*?)```/.exec(contract)![1];
  const at = name ? block.indexOf(`${name}: [{`) : block.indexOf('{');
  if (at < 0) throw new Error(`DESIGN.md contract 3 names no ${name ?? 'top-level'} fields`);
  const fields: string[] = [];
  let depth = 0;
  let word = '';
  for (const ch of block.slice(block.indexOf('{', at))) {
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    if (depth === 0) break;
    if (depth === 1 && /\w/.test(ch)) word += ch;
    else if (depth === 1 && word) {
      if (!fields.includes(word)) fields.push(word);
      word = '';
    }
  }
  return fields;
}

/** The backquoted values a contract bullet lists: "- `kind`: `a`, `b`, …". */
function valuesOf(name: string): string[] {
  const bullet = new RegExp(`- \`${name}\`:([\\s\\S]*?)(?=\\n\\s*- |$)`).exec(contract);
  if (!bullet) throw new Error(`DESIGN.md contract 3 lists no values of ${name}`);
  return [...new Set([...bullet[1].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]))];
}

/** One case of each input kind (test/fixtures/cases), with its DNS zone. */
const CASES = [
  'in-postfix-relay-access-denied',
  'in-exim-relay-not-permitted',
  'in-sendmail-relaying-denied',
  'mdaemon-554',
  'in-exchange-530-anonymous-relay',
  'in-m365-5708-tenant-ndr',
  'gmail-show-original-summary-table',
  'rfc8463-signed-message',
];

const reports = new Map<string, unknown>();
const dns = await startDohServer({ zone: {} });

beforeAll(async () => {
  for (const name of CASES) {
    const dir = path.join(root, 'test/fixtures/cases', name);
    const input = ['input.txt', 'input.log', 'input.eml'].map((f) => path.join(dir, f)).find((f) => existsSync(f))!;
    const zone = path.join(dir, 'zone.json');
    const server = existsSync(zone) ? await startDohServer({ zone: JSON.parse(readFileSync(zone, 'utf8')) }) : dns;
    try {
      const report = await analyze(decodeBytes(new Uint8Array(readFileSync(input))), {
        resolver: new DohResolver({ endpoints: [server.url] }),
        exactBytes: true,
      });
      // what --json prints: the report through JSON
      reports.set(name, JSON.parse(JSON.stringify(report)));
    } finally {
      if (server !== dns) await server.close();
    }
  }
  // and one without live checks
  reports.set(
    'offline',
    JSON.parse(JSON.stringify(await analyze(readFileSync(path.join(root, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8')))),
  );
}, 120_000);
afterAll(() => dns.close());

const isLine = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';

describe('the JSON report, version 1', () => {
  it('the contract names the fields and values checked here', () => {
    expect(fieldsOf(null)).toEqual(['version', 'inputs', 'rejections', 'hops', 'checklist', 'dns']);
    expect(fieldsOf('checklist')).toEqual(['rule', 'status', 'title', 'evidence', 'fix', 'verify']);
    expect(valuesOf('kind').length).toBeGreaterThanOrEqual(10);
    expect(valuesOf('stage')).toContain('end-of-data');
    expect(valuesOf('status')).toEqual(['fail', 'warn', 'pass', 'info', 'inconclusive']);
  });

  it('covers every kind of input the cases stand for', () => {
    const kinds = new Set([...reports.values()].flatMap((r) => (r as Report).inputs.map((i) => i.kind)));
    expect(kinds.size).toBeGreaterThanOrEqual(7);
  });

  it.each(CASES.concat('offline'))('%s: every field of the contract, with its type and values', (name) => {
    const r = reports.get(name) as Record<string, unknown> & Report;
    expect(r).toBeDefined();
    for (const key of ['version', 'inputs', 'rejections', 'hops', 'checklist', 'dns']) expect(r).toHaveProperty(key);
    expect(r.version).toBe(1);
    expect(r.live).toBe(name !== 'offline');
    expect(Number.isNaN(Date.parse(r.generated))).toBe(false);

    expect(r.inputs.length).toBeGreaterThan(0);
    for (const i of r.inputs) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(fieldsOf('inputs')));
      expect(valuesOf('kind')).toContain(i.kind);
      expect(isLine(i.lines)).toBe(true);
    }
    for (const x of r.rejections) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(fieldsOf('rejections')));
      expect(x.code === null || (Number.isInteger(x.code) && x.code >= 200 && x.code < 600)).toBe(true);
      expect(x.enhanced === null || /^[245]\.\d{1,3}\.\d{1,3}$/.test(x.enhanced)).toBe(true);
      expect(valuesOf('stage')).toContain(x.stage);
      expect(x.reason).toMatch(/^[a-z]+$/);
      expect(typeof x.text).toBe('string');
      expect(isStringOrNull(x.ip)).toBe(true);
      expect(isLine(x.line)).toBe(true);
    }
    for (const h of r.hops) {
      expect(Object.keys(h)).toEqual(expect.arrayContaining(fieldsOf('hops')));
      for (const k of ['from', 'helo', 'rdns', 'ip', 'by', 'with', 'id', 'for', 'date'] as const) expect(isStringOrNull(h[k])).toBe(true);
      expect(h.date === null || !Number.isNaN(Date.parse(h.date))).toBe(true);
      expect(h.delay === null || typeof h.delay === 'number').toBe(true);
      expect(isLine(h.line)).toBe(true);
    }
    expect(r.checklist.length).toBeGreaterThan(0);
    for (const s of r.checklist) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(fieldsOf('checklist')));
      expect(RULE_IDS).toContain(s.rule);
      expect(valuesOf('status')).toContain(s.status);
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.pending).toBeUndefined();
      for (const e of s.evidence) {
        expect(Object.keys(e)).toEqual(expect.arrayContaining(fieldsOf('evidence')));
        expect(typeof e.text).toBe('string');
        expect(isLine(e.line)).toBe(true);
      }
      for (const t of [...s.fix, ...s.verify]) expect(typeof t).toBe('string');
    }
    for (const d of r.dns) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(fieldsOf('dns')));
      for (const k of ['resolver', 'name', 'type', 'rcode'] as const) expect(typeof d[k]).toBe('string');
      expect(d.answers.every((a) => typeof a === 'string')).toBe(true);
      expect(typeof d.ms).toBe('number');
    }
  });

  it('asks DNS only when live, and logs every question', () => {
    expect((reports.get('offline') as Report).dns).toEqual([]);
    expect([...reports.entries()].filter(([n]) => n !== 'offline').every(([, r]) => (r as Report).dns.length > 0)).toBe(true);
  });
});
