// The CLI as a user runs it, in a child process (issue 10 point 4, issue 14
// point 3): all of its output arrives through a pipe or into a file, its exit
// code says what happened, sizes are checked before anything is read, and a
// large file is summarised as a stream.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeLogText } from '../../../scripts/make-large-log';
import { LARGE_LOG_BYTES, MAX_WHOLE_BYTES } from '../../../src/shared/limits';
import { startDohServer } from '../../support/doh-server';

const root = path.resolve(import.meta.dirname, '../../..');
const cli = path.join(root, 'src/cli/main.ts');
let dir: string;
// Each case starts Node with tsx, which compiles the CLI first: a few seconds alone, but a minute or
// more on a loaded two-CPU machine. The limit only ends a hung child; it measures nothing.
const CHILD_RUN_MS = 180_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI with stdout and stderr piped to this process, read to their end. */
function run(args: string[], stdout: 'pipe' | number = 'pipe'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, stdio: ['ignore', stdout, 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    // read slowly, as `| jq` on a busy machine might: the CLI must wait for us
    child.stdout?.on('data', (d: Buffer) => {
      out.push(d);
      child.stdout!.pause();
      setTimeout(() => child.stdout!.resume(), 5);
    });
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mailmedic-cli-'));
});
afterAll(() => {
  // the sparse files take no room; the folder goes with the OS's tmp cleaning
});

describe('the CLI writes all its output', () => {
  it('--summary --json of a large log, through a pipe: every byte, valid JSON (over 64 KiB)', async () => {
    const log = file('big.log', largeLogText(1_500_000, 'postfix', 3));
    const r = await run([log, '--summary', '--json', '--offline']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(64 * 1024);
    const j = JSON.parse(r.stdout) as { summary: { kind: string; refusals: number; sessions: unknown[] } };
    expect(j.summary.kind).toBe('postfix-log');
    expect(j.summary.sessions.length).toBeGreaterThan(100);
  }, 120_000);
  it('the JSON report of a whole analysis, through a pipe and into a file, complete', async () => {
    const log = file('medium.log', largeLogText(150_000, 'exim', 4));
    const piped = await run([log, '--json', '--offline']);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(64 * 1024);
    const report = JSON.parse(piped.stdout) as { rejections: unknown[] };
    expect(report.rejections.length).toBeGreaterThan(100);
    const out = path.join(dir, 'report.json');
    const fd = openSync(out, 'w');
    const toFile = await run([log, '--json', '--offline'], fd);
    closeSync(fd);
    expect(toFile.code, toFile.stderr).toBe(0);
    const same = (s: string) => s.replace(/"generated": "[^"]*"/, '');
    expect(same(readFileSync(out, 'utf8'))).toBe(same(piped.stdout));
  }, 120_000);
});

describe('a reader that leaves early, a disk that is full', () => {
  /** Run the CLI and close our end of its stdout after the first `bytes` bytes, as `| head -c 1` does. */
  function runHead(args: string[], bytes: number): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let got = Buffer.alloc(0);
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => {
        got = Buffer.concat([got, d]);
        if (got.length >= bytes) child.stdout.destroy();
      });
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('error', reject);
      child.on('close', (code) =>
        resolve({ code, stdout: got.subarray(0, bytes).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
      );
    });
  }
  it('| head -c 1 on output far over the pipe buffer: no crash, no stack trace, the exit code of the analysis', async () => {
    const log = file('head.log', largeLogText(150_000, 'exim', 6));
    for (const mode of [['--json'], [], ['--summary', '--json']]) {
      const r = await runHead([log, '--offline', ...mode], 1);
      expect(r.stdout.length, mode.join(' ')).toBe(1);
      expect(r.stderr, mode.join(' ')).not.toMatch(/EPIPE|Error|at /);
      expect(r.code, `${mode.join(' ')}: ${r.stderr}`).toBe(0);
    }
    // text that is no log: still 1 (nothing analysed), whoever reads
    const prose = await runHead([file('prose-head.txt', 'Dear team, nothing works.\n'), '--offline'], 1);
    expect(prose.code, prose.stderr).toBe(1);
  }, 180_000);
  it.runIf(existsSync('/dev/full'))(
    'output that cannot be written (a full disk): said on stderr, exit 3',
    async () => {
      const fd = openSync('/dev/full', 'w');
      const r = await run([path.join(root, 'test/fixtures/logs/postfix-syslog.log'), '--offline', '--json'], fd);
      closeSync(fd);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/cannot write the output: ENOSPC/);
    },
    CHILD_RUN_MS,
  );
});

describe('a domain or an IP alone (npm run analyze -- domain.txt)', () => {
  it('a file holding a domain: its checklist, the broken SPF first; with --json, kind "domain" and the target', async () => {
    const caseDir = path.join(root, 'test/fixtures/cases/target-domain-spf-comma-no-dmarc');
    const dns = await startDohServer({ zone: JSON.parse(readFileSync(path.join(caseDir, 'zone.json'), 'utf8')) });
    try {
      const domain = file('domain.txt', 'example.com\n');
      const text = await run([domain, '--doh', dns.url]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toMatch(/^Input: domain \(1 lines\)\nChecked: example\.com\n/);
      expect(text.stdout).toMatch(/\n1\. \[✗ FAIL\] The SPF record of example\.com has a syntax error {2}\(spf\.permerror\)/);
      expect(text.stdout).toContain('v=spf1 include:_spf.google.com include:sendgrid.net ~all');
      const json = await run([domain, '--doh', dns.url, '--json']);
      const report = JSON.parse(json.stdout) as { inputs: { kind: string }[]; target: unknown; checklist: { rule: string }[] };
      expect(report.inputs).toEqual([{ kind: 'domain', lines: 1 }]);
      expect(report.target).toEqual({ domain: 'example.com', ip: null });
      expect(report.checklist[0].rule).toBe('spf.permerror');
    } finally {
      await dns.close();
    }
  }, CHILD_RUN_MS);
  it('a file holding an IP, offline: kind "ip", every live step not checked', async () => {
    const r = await run([file('ip.txt', '[203.0.113.45]\n'), '--offline', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { inputs: { kind: string }[]; target: unknown; checklist: { rule: string; status: string }[] };
    expect(report.inputs[0].kind).toBe('ip');
    expect(report.target).toEqual({ domain: null, ip: '203.0.113.45' });
    expect(report.checklist.map((s) => s.status)).toEqual(report.checklist.map(() => 'inconclusive'));
    expect(report.checklist.map((s) => s.rule)).toContain('ptr.missing');
  }, CHILD_RUN_MS);
});

describe('--check DOMAIN|IP (npm run analyze -- --check example.com)', () => {
  it('checks a domain given on the command line, as a file holding it would be', async () => {
    const caseDir = path.join(root, 'test/fixtures/cases/target-domain-spf-comma-no-dmarc');
    const dns = await startDohServer({ zone: JSON.parse(readFileSync(path.join(caseDir, 'zone.json'), 'utf8')) });
    try {
      const r = await run(['--check', 'example.com', '--doh', dns.url, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as {
        check: string;
        file?: string;
        inputs: { kind: string }[];
        target: unknown;
        checklist: { rule: string }[];
      };
      expect(report.check).toBe('example.com');
      expect(report.file).toBeUndefined();
      expect(report.inputs).toEqual([{ kind: 'domain', lines: 1 }]);
      expect(report.target).toEqual({ domain: 'example.com', ip: null });
      expect(report.checklist[0].rule).toBe('spf.permerror');
    } finally {
      await dns.close();
    }
  }, CHILD_RUN_MS);
  it('asks the resolver the root NS once as it starts, before the input is read, never in the query log; --summary asks nothing', async () => {
    const caseDir = path.join(root, 'test/fixtures/cases/target-domain-spf-comma-no-dmarc');
    const dns = await startDohServer({ zone: JSON.parse(readFileSync(path.join(caseDir, 'zone.json'), 'utf8')) });
    try {
      const r = await run(['--check', 'example.com', '--doh', dns.url, '--json']);
      expect(r.code, r.stderr).toBe(0);
      // the warm-up (src/cli/main.ts) goes out while the analysis modules load: first, and once
      expect(dns.seen[0]).toMatchObject({ name: '', type: 'NS' });
      expect(dns.seen.filter((q) => q.type === 'NS' && q.name === '')).toHaveLength(1);
      const report = JSON.parse(r.stdout) as { dns: { name: string; type: string }[] };
      expect(report.dns.length).toBeGreaterThan(0);
      expect(report.dns.filter((q) => q.type === 'NS')).toEqual([]);
      dns.seen.length = 0;
      const s = await run([path.join(root, 'test/fixtures/logs/postfix-syslog.log'), '--summary', '--doh', dns.url]);
      expect(s.code, s.stderr).toBe(0);
      expect(dns.seen).toEqual([]);
    } finally {
      await dns.close();
    }
  }, CHILD_RUN_MS);
  it('an IP and a file together: one JSON line each, the IP labelled by check; text that is no domain or IP exits 1', async () => {
    const r = await run([path.join(root, 'test/fixtures/logs/postfix-syslog.log'), '--check', '[203.0.113.45]', '--offline', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file?: string; check?: string; inputs: { kind: string }[] });
    expect(lines.map((l) => l.inputs[0].kind)).toEqual(['postfix-log', 'ip']);
    expect(lines[1].check).toBe('[203.0.113.45]');
    const bad = await run(['--check', 'not a domain at all', '--offline']);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stderr).toMatch(/not a domain or an IP address/);
    expect(bad.stdout).toBe('');
  }, CHILD_RUN_MS);
  it('a name that is no file but a domain: exit 3, and the error says --check', async () => {
    const r = await run(['example.com', '--offline']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/cannot read example\.com: .*--check example\.com/);
  }, CHILD_RUN_MS);
});

describe('exit codes', () => {
  it('0 when something was analysed', async () => {
    const r = await run([path.join(root, 'test/fixtures/logs/postfix-syslog.log'), '--offline']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/postfix/i);
  }, CHILD_RUN_MS);
  it('1 when nothing was analysed: text that is no log, bounce or message; an empty file', async () => {
    expect((await run([file('prose.txt', 'Dear team, the mail does not work. Regards\n'), '--offline'])).code).toBe(1);
    expect((await run([file('empty.log', ''), '--offline'])).code).toBe(1);
  }, CHILD_RUN_MS);
  it('2 for bad arguments', async () => {
    expect((await run(['--frobnicate', 'x.log'])).code).toBe(2);
    expect((await run(['--offline'])).code).toBe(2);
    expect((await run(['x.log', '--session', '0'])).code).toBe(2);
    const one = path.join(root, 'test/fixtures/logs/postfix-syslog.log');
    const r = await run([one, '--session', '99', '--offline']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/no session 99/);
  }, CHILD_RUN_MS);
  it('3 when a file cannot be read (missing, a folder); the largest code of several files', async () => {
    expect((await run([path.join(dir, 'missing.log'), '--offline'])).code).toBe(3);
    const folder = path.join(dir, 'folder.log');
    mkdirSync(folder, { recursive: true });
    expect((await run([folder, '--offline'])).code).toBe(3);
    const both = await run([
      path.join(root, 'test/fixtures/logs/postfix-syslog.log'),
      path.join(dir, 'missing.log'),
      '--offline',
      '--json',
    ]);
    expect(both.code, both.stderr).toBe(3);
    // the readable one is still reported, one JSON object per line
    expect(JSON.parse(both.stdout.trim().split('\n')[0])).toMatchObject({ file: expect.stringMatching(/postfix-syslog/) });
  }, CHILD_RUN_MS);
});

describe('sizes are checked before anything is read', () => {
  it(`over ${LARGE_LOG_BYTES / 1048576} MB the file is summarised as a stream, and stderr says so`, async () => {
    const log = file('five.log', largeLogText(LARGE_LOG_BYTES + 200_000, 'postfix', 5));
    const r = await run([log, '--offline']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/reading it as a stream and summarising it/);
    expect(r.stdout).toMatch(/^== .*five\.log\npostfix-log: /);
    // --session N diagnoses one refused session of it
    const one = await run([log, '--offline', '--session', '1', '--json']);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ session: 1, inputs: [{ kind: 'postfix-log' }] });
    // the text report of the last session numbers its lines as in the file, inside the session's span
    const listed = JSON.parse((await run([log, '--offline', '--summary', '--json'])).stdout) as {
      summary: { sessions: unknown[] };
    };
    const last = listed.summary.sessions.length;
    const text = (await run([log, '--offline', '--session', String(last)])).stdout;
    const [, first, end] = /\(lines (\d+)–(\d+)\)/.exec(text)!.map(Number);
    expect(first).toBeGreaterThan(100);
    const cited = [...text.matchAll(/\bline (\d+)\b/g)].map((m) => Number(m[1]));
    expect(cited.length).toBeGreaterThan(0);
    for (const n of cited) expect(n >= first && n <= end, `line ${n} outside ${first}–${end}`).toBe(true);
  }, 240_000);
  it('--whole over the whole-analysis limit: said, exit 4, nothing read', async () => {
    const p = path.join(dir, 'huge.log');
    writeFileSync(p, '');
    truncateSync(p, MAX_WHOLE_BYTES + 1);
    const r = await run([p, '--whole', '--offline']);
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/over the 64 MB that are analysed whole/);
  }, CHILD_RUN_MS);
  it('a 600 MB file that is no log is streamed, not decoded whole: it says so and exits 1', async () => {
    const p = path.join(dir, 'zeros.bin');
    writeFileSync(p, '');
    truncateSync(p, 600 * 1048576);
    const r = await run([p, '--offline']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/not recognised as a mail server log and is too large \(600 MB\) to analyse whole/);
  }, 180_000);
});
