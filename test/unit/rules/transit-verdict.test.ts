// transit.clock-skew, transit.delay and verdict.spam / verdict.bulk, through analyze().
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const tail = [
  'From: a@sender.example',
  'To: b@receiver.example',
  'Subject: x',
  'Date: Tue, 4 Mar 2025 08:00:00 +0000',
  'Message-ID: <x@sender.example>',
  '',
];
const rcvd = (by: string, time: string) =>
  `Received: from a.sender.example (a.sender.example [198.51.100.7]) by ${by} with ESMTP id 1; Tue, 4 Mar 2025 ${time} +0000`;

async function steps(lines: string[], rule: string) {
  return (await analyze([...lines, ...tail].join('\n'))).checklist.filter((s) => s.rule === rule);
}

describe('transit rules', () => {
  it.each([
    [
      'a hop dated before the one below',
      [rcvd('mx.receiver.example', '10:00:00'), rcvd('relay.sender.example', '10:05:00')],
      'transit.clock-skew',
      'warn',
    ],
    ['a two-hour wait', [rcvd('mx.receiver.example', '12:00:00'), rcvd('relay.sender.example', '10:00:00')], 'transit.delay', 'info'],
  ])('%s', async (_n, lines, rule, status) => {
    const found = await steps(lines, rule);
    expect(found.map((s) => s.status)).toEqual([status]);
    expect(found[0].evidence[0].line).toBe(1);
  });
  it.each([['transit.clock-skew'], ['transit.delay']])('%s: nothing when hops are in order and quick', async (rule) => {
    expect(await steps([rcvd('mx.receiver.example', '10:00:05'), rcvd('relay.sender.example', '10:00:00')], rule)).toEqual([]);
  });
});

describe('verdict rules', () => {
  it.each([
    [
      'SpamAssassin says spam',
      'X-Spam-Status: Yes, score=9.1 required=5.0 tests=RDNS_NONE,BAYES_99 autolearn=no version=4.0.0',
      'verdict.spam',
      'fail',
      /RDNS_NONE.*ptr\.missing/,
    ],
    [
      'SpamAssassin says not spam',
      'X-Spam-Status: No, score=0.1 required=5.0 tests=SPF_PASS autolearn=ham version=4.0.0',
      'verdict.spam',
      'pass',
      null,
    ],
    ['Microsoft bulk', 'X-Microsoft-Antispam: BCL:8;', 'verdict.bulk', 'warn', /complaints/],
    [
      'Microsoft blocked sender',
      'X-Forefront-Antispam-Report: CIP:198.51.100.7;SFV:SKB;SCL:6;CAT:SPM;',
      'verdict.spam',
      'fail',
      /only its admin/,
    ],
  ])('%s', async (_n, header, rule, status, fix) => {
    const found = await steps([header, rcvd('mx.receiver.example', '08:00:05')], rule);
    expect(found.map((s) => s.status)).toEqual([status]);
    if (fix) expect(found[0].fix.join(' ')).toMatch(fix);
  });
});
