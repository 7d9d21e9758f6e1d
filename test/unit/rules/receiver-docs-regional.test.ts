// Regional receivers' documented replies (src/core/knowledge/replies/regional.ts): NetEase's coded table,
// SFR's SFR_IN codes, Naver, Daum/Kakao, Seznam, Interia, Yandex's own table, iCloud's bracketed codes and
// Free. Each text as the provider's page (or a page quoting its reply) gives it, read bare, cut short, in a
// Postfix bounce line and folded into a DSN's Diagnostic-Code (forms() of receiver-docs.table.ts), with the
// entry, the reason, the first step and who acts; and a similar text that must not be read as that entry.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { knowledgeById } from '../../../src/core/knowledge/replies';
import { forms, type DocRow, type DocTable } from './receiver-docs.table';

type Row = DocRow & { party: string };
const r = (
  id: string,
  code: number,
  enhanced: string | null,
  text: string,
  stage: DocRow['stage'],
  reason: string,
  first: string,
  party: string,
  not: string,
  short?: string,
): Row => ({ id, code, enhanced, text, stage, reason, first, party, not, ...(short ? { short } : {}) });

const TABLES: (Omit<DocTable, 'rows'> & { rows: Row[] })[] = [
  {
    receiver: 'NetEase (163.com, 126.com)',
    host: '163mx01.mxmail.netease.com',
    rcpt: 'someone@163.com',
    source: 'http://help.163.com/09/1224/17/5RAJ4LMH00753VB8.html',
    rows: [
      r(
        'netease.spamdetected-dtspm',
        554,
        null,
        'DT:SPM 163 smtp10,DsCowABHE2fsZ4xl1FK6Ag--.43587S2 1703698412, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.25&hostid=smtp10&time=1703698412',
        'end of DATA',
        'spamdetected',
        'smtp.content-rejected',
        'receiver-policy',
        '554 HL:XYZ 163 smtp10 please see http://mail.163.com/help/',
        'DT:SPM 163 smtp10,DsCowABHE2fsZ4xl1FK6Ag--.43587S2 1703698412',
      ),
      r(
        'netease.toomanyconn-hlicc',
        421,
        null,
        'HL:ICC 163 mx14,QMCowEDJ3Q1mZ4xlyNsFBA--.1012S2 1703698278, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.25',
        'connect',
        'toomanyconn',
        'smtp.rate-limited',
        'receiver-policy',
        '421 ICC 163 mx14 service closing',
        'HL:ICC 163 mx14,QMCowEDJ3Q1mZ4xlyNsFBA--.1012S2',
      ),
      r(
        'netease.speeding-hlifc',
        450,
        null,
        'MI:SFQ 163 smtp12,EMCowAA3mQ1mZ4xl 1703698278, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.25',
        'MAIL FROM',
        'speeding',
        'smtp.rate-limited',
        'receiver-policy',
        '450 MI:SFX 163 smtp12 try later',
        'MI:SFQ 163 smtp12,EMCowAA3mQ1mZ4xl',
      ),
      r(
        'netease.blocked-dtrbl',
        550,
        null,
        'DT:RBL 163 mx3,xxx 1703698278, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.25',
        'connect',
        'blocked',
        'dnsbl.listed',
        'sender',
        '550 DT:RBX 163 mx3 please see the help page',
        'DT:RBL 163 mx3,xxx 1703698278',
      ),
      r(
        'netease.blocked-hlrep',
        421,
        null,
        'HL:REP 163 mx3,xxx 1703698278, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.25',
        'connect',
        'blocked',
        'reputation.blocked',
        'sender',
        '421 REP 163 mx3 report',
        'HL:REP 163 mx3,xxx 1703698278',
      ),
    ],
  },
  {
    receiver: 'Coremail (Sina, 263, Chinese enterprise mail)',
    host: 'mx.sina.com.cn',
    rcpt: 'someone@sina.com',
    source: 'https://blog.sina.com.cn/s/blog_8dc13ec50101fxxr.html',
    rows: [
      r('coremail.blocked-blackip', 550, null, 'black ip', 'RCPT TO', 'blocked', 'reputation.blocked', 'sender', '550 black ip list updated, please retry'),
      r(
        'coremail.authfailure-remoteipcheckerror',
        556,
        null,
        'remote ip check error',
        'MAIL FROM',
        'authfailure',
        'smtp.auth-failed',
        'sender',
        '556 remote ip check passed',
      ),
      r('coremail.norelaying-hostdeniesrelay', 553, null, 'host denies relay', 'RCPT TO', 'norelaying', 'smtp.relay-denied', 'sender', '553 host allows relay for you'),
      r(
        'coremail.securityerror-relaychecklocalfail',
        553,
        null,
        'relay check local fail',
        'MAIL FROM',
        'securityerror',
        'smtp.auth-required',
        'sender',
        '553 relay check local passed',
      ),
      r(
        'coremail.spamdetected-toomanysamesizemails',
        552,
        null,
        'too many same size mails',
        'end of DATA',
        'spamdetected',
        'smtp.content-rejected',
        'receiver-policy',
        '552 too many mails in the queue',
      ),
      r('coremail.blocked-helohosterror', 555, null, 'helohost error', 'HELO', 'blocked', 'smtp.helo-rejected', 'sender', '555 helohost accepted'),
    ],
  },
  {
    receiver: 'SFR',
    host: 'smtp-in.sfr.fr',
    rcpt: 'someone@sfr.fr',
    source: 'https://www.postmastery.com/all-about-isp-sfr-and-smtp-error-codes-sfr_in_xxx/',
    rows: [
      r(
        'sfr.blocked-01',
        450,
        '4.7.1',
        '<someone@sfr.fr>: Service refuse / Service refused - SFR_IN_101 (http://postmaster.sfr.fr)',
        'RCPT TO',
        'blocked',
        'reputation.blocked',
        'sender',
        '450 4.7.1 Service refuse - SFR_OUT_101',
        'Service refused - SFR_IN_101',
      ),
      r(
        'sfr.speeding-05',
        450,
        '4.7.1',
        '<someone@sfr.fr>: Service refuse / Service refused - SFR_IN_105 (http://postmaster.sfr.fr)',
        'RCPT TO',
        'speeding',
        'smtp.rate-limited',
        'receiver-policy',
        '450 4.7.1 Service refused - SFR_IN_109',
        'Service refused - SFR_IN_105',
      ),
    ],
  },
  {
    receiver: 'Naver',
    host: 'mx1.naver.com',
    rcpt: 'someone@naver.com',
    source: 'https://puffinknight.tistory.com/102',
    rows: [
      r(
        'naver.ip-filtered',
        421,
        '4.3.2',
        'Your IP(192.0.2.25) is filtered and this connection will be closed. You must register your IP to http://realip.naver.com',
        'connect',
        'blocked',
        'reputation.blocked',
        'sender',
        '421 4.3.2 Your IP(192.0.2.25) is registered; this connection will be closed now.',
        'Your IP(192.0.2.25) is filtered and this connection will be closed.',
      ),
    ],
  },
  {
    receiver: 'Daum / Kakao',
    host: 'mx1.hanmail.net',
    rcpt: 'someone@hanmail.net',
    source: 'https://auctionpro.co.kr/?p=2544',
    rows: [
      r(
        'daum.anti-spam-blocked',
        554,
        '5.7.1',
        'DAS51 192.0.2.25: Your mail is blocked automatically by anti-spam system. (E06)',
        'RCPT TO',
        'blocked',
        'reputation.blocked',
        'sender',
        '554 5.7.1 DAS51 192.0.2.25: Your mail is checked by anti-spam system.',
      ),
    ],
  },
  {
    receiver: 'Seznam',
    host: 'mx1.seznam.cz',
    rcpt: 'someone@seznam.cz',
    source: 'https://napoveda.seznam.cz/uzivatel-neexistuje',
    rows: [
      r(
        'seznam.no-service',
        550,
        '5.1.1',
        "szn; User hasn't got the service mapped",
        'RCPT TO',
        'userunknown',
        'smtp.recipient-unknown',
        'recipient',
        "550 5.1.1 szn; User has got the service mapped",
      ),
    ],
  },
  {
    receiver: 'Interia',
    host: 'mx.poczta.interia.pl',
    rcpt: 'someone@interia.pl',
    source: 'https://pomoc.poczta.interia.pl/news-dlaczego-wiadomosc-nie-zostala-dostarczona,nId,6589600',
    rows: [
      r(
        'interia.recipient-doesnt-want',
        550,
        '5.7.1',
        "Recipient doesn't want your mail",
        'RCPT TO',
        'filtered',
        'smtp.rejected',
        'recipient',
        "550 5.7.1 Recipient doesn't want attachments",
      ),
    ],
  },
  {
    receiver: 'Yandex (its own table)',
    host: 'mx.yandex.ru',
    rcpt: 'someone@yandex.ru',
    source: 'https://yandex.com/support/mail/bounces/yandex.html',
    rows: [
      r(
        'yandex.policy-rejection-target',
        550,
        '5.2.1',
        'Policy rejection on the target address',
        'RCPT TO',
        'suspend',
        'smtp.recipient-unknown',
        'recipient',
        '550 5.7.1 Policy rejection on the sender address',
      ),
      r(
        'yandex.mailbox-size-exceeded',
        552,
        '5.2.2',
        'Mailbox size limit exceeded',
        'RCPT TO',
        'mailboxfull',
        'smtp.mailbox-full',
        'recipient',
        '552 5.3.4 Message size limit exceeded',
      ),
      r(
        'yandex.blocked-by-spam-statistics',
        554,
        '5.7.1',
        'Blocked by spam statistics - see http://feedback.yandex.ru/?from=mail-rejects&subject=192.0.2.25',
        'RCPT TO',
        'blocked',
        'reputation.blocked',
        'sender',
        '554 5.7.1 Blocked by virus scanner - see http://feedback.yandex.ru/',
        'Blocked by spam statistics',
      ),
    ],
  },
  {
    receiver: 'Apple iCloud Mail (bracketed codes)',
    host: 'mx01.mail.icloud.com',
    rcpt: 'someone@icloud.com',
    source: 'https://support.apple.com/en-us/102322',
    rows: [
      r(
        'icloud.cs-local-policy',
        554,
        '5.7.1',
        '[CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
        'end of DATA',
        'policyviolation',
        'smtp.content-rejected',
        'receiver-policy',
        '554 5.7.1 [HME1] Message rejected due to local policy.',
        '[CS01] Message rejected due to local policy.',
      ),
      r(
        'icloud.hm-local-policy',
        550,
        '5.7.1',
        '[HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
        'end of DATA',
        'policyviolation',
        'smtp.content-rejected',
        'receiver-policy',
        '550 5.7.1 [CS01] Message rejected due to local policy.',
        '[HM08] Message rejected due to local policy.',
      ),
    ],
  },
  {
    receiver: 'Free',
    host: 'mx1.free.fr',
    rcpt: 'someone@free.fr',
    source: 'http://postmaster.free.fr/',
    rows: [
      r(
        'free.ip-blocked-postmaster',
        421,
        null,
        'Too many spams from your IP (192.0.2.25), please visit http://postmaster.free.fr/',
        'connect',
        'blocked',
        'reputation.blocked',
        'sender',
        '421 Too many connections from your IP (192.0.2.25), please retry later',
        'please visit http://postmaster.free.fr/',
      ),
    ],
  },
  {
    receiver: 'Sending services: refusals about the account (knowledge/replies/submission.ts)',
    host: 'email-smtp.us-east-1.amazonaws.com',
    rcpt: 'someone@example.org',
    source: 'https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html; SendGrid and Mailjet pages in submission.ts',
    rows: [
      r(
        'ses.sending-quota',
        454,
        null,
        'Throttling failure: Maximum sending rate exceeded',
        'MAIL FROM',
        'speeding',
        'smtp.rate-limited',
        'sender',
        '454 Throttling failure: Connection closed by peer',
      ),
      r(
        'ses.sending-quota',
        454,
        null,
        'Throttling failure: Daily message quota exceeded',
        'MAIL FROM',
        'speeding',
        'smtp.rate-limited',
        'sender',
        '454 Temporary service failure: Daily message report pending',
      ),
      r(
        'ses.sending-paused',
        554,
        null,
        'Message rejected: Sending paused for this account. For more information, please check the AWS Management Console.',
        'end of DATA',
        'rejected',
        'smtp.rejected',
        'sender',
        '554 Message rejected: Sending resumed for this account.',
        'Message rejected: Sending paused for this account.',
      ),
      r(
        'sendgrid.unauthenticated',
        550,
        null,
        'Unauthenticated senders not allowed',
        'MAIL FROM',
        'securityerror',
        'smtp.auth-required',
        'sender',
        '550 Authenticated senders only via port 587 allowed here',
      ),
      r(
        'sendgrid.not-authorized-from',
        550,
        null,
        'You are not authorized to send from that email address',
        'MAIL FROM',
        'rejected',
        'smtp.sender-invalid',
        'sender',
        '550 You are not authorized to send to that email address',
        // the first words alone ("not authorized to send from") are an SPF failure's: the address must stay
        'not authorized to send from that email address',
      ),
      r(
        'sendgrid.sender-identity',
        550,
        null,
        'The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements',
        'MAIL FROM',
        'rejected',
        'smtp.sender-invalid',
        'sender',
        '550 The from address is verified.',
        'The from address does not match a verified Sender Identity.',
      ),
    ],
  },
];

async function read(text: string) {
  const rep = await analyze(text);
  const first = rep.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
  const j = rep.rejections[0];
  return { knowledge: j?.knowledge ?? null, reason: j?.reason, first: first?.rule, party: j?.party };
}

for (const table of TABLES) {
  describe(`${table.receiver}: documented replies (${table.source})`, () => {
    const cases = table.rows.flatMap((row) =>
      forms(table, row).map(([form, paste]) => [`${row.code} ${row.enhanced ?? ''} ${row.text.slice(0, 50)}… (${form})`, row, form, paste] as const),
    );
    it.each(cases)('%s', async (_name, row, form, paste) => {
      const got = await read(paste);
      if (form !== 'cut short') expect(got.knowledge).toBe(row.id);
      expect(got.reason).toBe(row.reason);
      expect(got.first).toBe(row.first);
      expect(got.party).toBe(row.party);
    });
    it.each(table.rows.map((row) => [row.not, row] as const))('not read as its entry: %s', async (not, row) => {
      expect((await read(not)).knowledge).not.toBe(row.id);
    });
    it('every entry it names exists and cites a source', () => {
      for (const row of table.rows) expect(knowledgeById(row.id)?.sources.length, row.id).toBeGreaterThan(0);
    });
  });
}
