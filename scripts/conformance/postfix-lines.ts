// Postfix log messages against postfix-grok-patterns' tests: every field that
// Mailmedic reads and the grok patterns also name is compared (queue id,
// client and relay host/IP/port, status, SMTP stage, reply codes and response,
// postscreen verdicts, DNSBL zone, message-id, level). Fields grok names but
// Mailmedic has no use for (TLS ciphers, anvil statistics, raw key=value
// blobs) are not scored, and are listed as such.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus, CorpusScore } from './corpus';
import { parsePostfixMessage } from '../../src/core/parse/postfix/event';
import type { PostfixEvent } from '../../src/core/parse/postfix/types';

interface Case {
  file: string;
  pattern: string;
  line: string;
  expected_fields: Record<string, string | number>;
}

/** grok field → how Mailmedic's event gives it. */
const FIELDS: Record<string, (e: PostfixEvent) => string | number | undefined> = {
  postfix_queueid: (e) => e.queueId,
  postfix_client_hostname: (e) => e.clientHost,
  postfix_client_ip: (e) => e.clientIp,
  postfix_client_port: (e) => e.clientPort,
  postfix_server_ip: (e) => e.serverIp,
  postfix_server_port: (e) => e.serverPort,
  postfix_relay_hostname: (e) => e.relayHost,
  postfix_relay_ip: (e) => e.relayIp,
  postfix_relay_port: (e) => e.relayPort,
  postfix_status: (e) => e.status,
  postfix_smtp_stage: (e) => e.smtpStage,
  postfix_status_code: (e) => e.code,
  postfix_status_code_enhanced: (e) => e.enhanced,
  postfix_smtp_response: (e) => e.response,
  postfix_postscreen_violation: (e) => e.violation,
  postfix_postscreen_access: (e) => e.access,
  postfix_dnsbl_domain: (e) => e.dnsblDomain,
  'postfix_message-id': (e) => e.messageId,
  postfix_message_level: (e) => e.level,
  postfix_from: (e) => e.from,
  postfix_action: (e) => e.action,
};

/** The daemon a grok pattern is for: ^%{POSTFIX_SMTPD}$ → smtpd. */
function daemonOf(pattern: string): string {
  const m = /POSTFIX_([A-Z_]+)/.exec(pattern);
  return m ? m[1].toLowerCase() : 'unknown';
}

export const postfixLinesCorpus: Corpus = {
  name: 'postfix-lines',
  folder: 'postfix-lines',
  async run(dir: string): Promise<CorpusScore> {
    const { cases } = JSON.parse(await readFile(path.join(dir, 'cases.json'), 'utf8')) as { cases: Case[] };
    let fields = 0;
    let matched = 0;
    let lines = 0;
    let linesMatched = 0;
    const misses: string[] = [];
    const unscored = new Set<string>();
    for (const c of cases) {
      const e = parsePostfixMessage(daemonOf(c.pattern), c.line);
      let all = true;
      let any = false;
      for (const [k, want] of Object.entries(c.expected_fields)) {
        const get = FIELDS[k];
        if (!get) {
          unscored.add(k);
          continue;
        }
        any = true;
        fields++;
        const got = get(e);
        if (got !== undefined && String(got) === String(want)) matched++;
        else {
          all = false;
          misses.push(`${c.file}: ${k} want ${JSON.stringify(want)}, got ${JSON.stringify(got)}  «${c.line.slice(0, 120)}»`);
        }
      }
      if (any) {
        lines++;
        if (all) linesMatched++;
      }
    }
    misses.push(`(not scored, no use to Mailmedic: ${[...unscored].sort().join(', ')})`);
    return {
      unit: 'fields',
      passed: matched,
      total: fields,
      misses,
      extra: [{ name: 'postfix-lines-all-fields', passed: linesMatched, total: lines }],
    };
  },
};
