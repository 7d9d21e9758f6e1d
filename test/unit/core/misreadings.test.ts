// Misreadings of issue 11, each mended by its mechanism (knowledge with its source),
// with the forms that must read the new way and the forms that must not.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { classify } from '../../../src/core/classify';
import { clientLoggedIn } from '../../../src/core/knowledge/own-server-logs';
import { buildView } from '../../../src/worker/view/build';

const read = async (text: string) => {
  const r = await analyze(text);
  const f = r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
  return { first: f?.rule ?? null, reason: r.rejections[0]?.reason ?? null, who: buildView(r).verdict.who ?? '', report: r };
};

describe("Postfix's bare 'Client host rejected: Access denied' is the refusing server's own client restriction", () => {
  it.each([
    [
      'a bounce line',
      'host mx.d.example[192.0.2.9] said: 554 5.7.1 <unknown[198.51.100.7]>: Client host rejected: Access denied (in reply to RCPT TO command)',
    ],
    [
      'an smtpd log line',
      'Dec  3 10:00:01 mx postfix/smtpd[2211]: NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 554 5.7.1 <unknown[198.51.100.7]>: Client host rejected: Access denied; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<pc>',
    ],
  ])('%s: the rule of that server, no reputation or blocklist step', async (_n, text) => {
    const r = await read(text);
    expect(r.first).toBe('smtp.rejected');
    expect(r.report.rejections[0].knowledge).toBe('postfix.client-access-denied');
    expect(r.report.checklist.some((s) => /^(?:reputation|dnsbl)\./.test(s.rule) && s.status === 'fail')).toBe(false);
  });

  it.each([
    [
      'a blocklist names itself',
      'host mx.d.example[192.0.2.9] said: 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org (in reply to RCPT TO command)',
      'dnsbl.listed',
    ],
    [
      'a missing PTR names itself',
      'host mx.d.example[192.0.2.9] said: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [198.51.100.7] (in reply to RCPT TO command)',
      'ptr.missing',
    ],
  ])('%s: not this entry', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0].knowledge).not.toBe('postfix.client-access-denied');
  });

  it('a paste that shows the client logged in to the refusing server: your server acts', async () => {
    const r = await read(
      "My users log in fine (SASL authentication succeeded) but sending fails with 'Client host rejected: Access denied' from my relay.",
    );
    expect(r.report.rejections[0].inbound).toBe(true);
    expect(r.who).toMatch(/^Your server's administrator/);
  });

  it.each([
    [
      'Postfix smtpd login line',
      'Dec 3 10:00:00 relay postfix/smtpd[12]: 4F2A1: client=pc[198.51.100.7], sasl_method=PLAIN, sasl_username=joe',
      true,
    ],
    [
      'Exim reception with an authenticator',
      '2024-01-01 10:00:00 1rAbCd-000123-AB <= joe@b.example H=(pc) [198.51.100.7] P=esmtpsa A=dovecot_plain:joe S=1234',
      true,
    ],
    ["the poster's words", 'even when SASL authentication succeeded', true],
    ["a client's own transcript of its login is the client's view", 'S: 235 2.7.0 Authentication successful', false],
    ['a failed login', 'warning: unknown[198.51.100.7]: SASL LOGIN authentication failed: authentication failure', false],
  ])('%s → logged in to this server: %s', (_n, text, yes) => {
    expect(clientLoggedIn(text)).toBe(yes);
  });
});

describe("Gmail's 'missing a valid address in From: header' is the From header's step", () => {
  const GMAIL_FROM =
    '550-5.7.1 [198.51.100.7 14] Messages missing a valid address in From:\n550 5.7.1 header, or having no From: header, are not accepted. a1si1 - gsmtp';
  it.each([
    [
      'a bounce line',
      'host gmail-smtp-in.l.google.com[192.0.2.27] said: 550-5.7.1 [198.51.100.7 14] Messages missing a valid address in From: header, or having no From: header, are not accepted. a1si1 - gsmtp (in reply to end of DATA command)',
    ],
    ['wrapped over the continuation lines', GMAIL_FROM],
    ['escaped in a JSON log', `{"level":"error","msg":"Failed to send mail","error":"${GMAIL_FROM.replace(/\n/g, '\\n')}"}`],
  ])('%s → headers.missing-from', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge).toBe('gmail.5.7.1-from-header');
    expect(r.first).toBe('headers.missing-from');
  });

  it.each([
    [
      'Message-ID',
      '550-5.7.1 [198.51.100.7] Messages missing a valid Message-ID header are not accepted. a1si1 - gsmtp',
      'gmail.5.7.1-message-id',
    ],
    ['RFC 5322 in general', '550-5.7.1 [198.51.100.7] This message is not RFC 5322 compliant. a1si1 - gsmtp', 'gmail.5.7.1-message-id'],
  ])('Gmail naming %s is not the From step', async (_n, text, id) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge).toBe(id);
    expect(r.first).not.toBe('headers.missing-from');
  });
});

describe("a sending service's allowed-IP list refusing the client", () => {
  it.each([
    ['SMTP2GO IP Allowlist', 'SMTP Error: data not accepted. 550 that IP address on this account is not allowed to send'],
    ['SMTP2GO blocked IP Authentication', 'Error: 550 that IP address is not allowed to send'],
    ["SMTP2GO's API", '{"data":{"error":"This request is coming from an IP address that isn\'t in the IP allow list"}}'],
    ["Brevo's Authorized IPs", 'Mailer Error: 550 unauthorized: IP not authorized'],
  ])('%s → the relay refused the client IP (knowledge service.ip-allowlist)', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge).toBe('service.ip-allowlist');
    expect(r.first).toBe('smtp.relay-denied');
  });

  it.each([
    [
      'an SPF refusal',
      '550 5.7.23 Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=a@b.example;ip=198.51.100.7;r=mx.d.example',
    ],
    [
      'policyd-spf',
      '550 5.7.1 <a@b.example>: Recipient address rejected: Message rejected due to: SPF fail - 198.51.100.7 is not allowed to send mail from b.example',
    ],
  ])('%s is not an allowed-IP list', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge).not.toBe('service.ip-allowlist');
  });
});

describe('a second MAIL FROM in one transaction points at the refusal the program hid', () => {
  it.each([
    ['Postfix, bare', '503 5.5.1 Error: nested MAIL command'],
    ["a Go program's error", 'smtp send failed: 503 5.5.1 Error: nested MAIL command'],
    ['Dovecot submission', '503 5.5.0 MAIL already given'],
    ['Exim', '503 sender already given'],
    ['sendmail', '503 5.5.0 Sender already specified'],
  ])('%s → MAIL, the sender step', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge).toBe('postfix.nested-mail');
    expect(r.report.rejections[0]?.stage).toBe('mail');
    expect(r.first).toBe('smtp.sender-invalid');
  });

  it.each([
    ['a bad sequence of commands in general', '503 5.5.1 Error: need MAIL command'],
    ['RCPT before MAIL', '503 5.5.1 Error: need RCPT command'],
  ])('%s is not it', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge ?? null).not.toBe('postfix.nested-mail');
  });
});

describe("Exchange back pressure is the refusing server's own resources", () => {
  it("a sender's bounce from a named remote Exchange: that server's fault, the recipient's side acts", async () => {
    const r = await read('host mail.d.example[203.0.113.9] said: 452 4.3.1 Insufficient system resources (in reply to MAIL FROM command)');
    expect(r.report.rejections[0]?.knowledge).toBe('exchange.back-pressure');
    expect(r.first).toBe('mta.local-error');
    expect(r.who).toMatch(/^The recipient's side/);
  });
  it("the answer quoted by the server's own admin, no remote named: your server acts", async () => {
    const r = await read('Mail from outside to my Exchange gets: 452 4.3.1 Insufficient system resources');
    expect(r.first).toBe('mta.local-error');
    expect(r.who).toMatch(/^Your server's administrator/);
  });
  it('a mailbox that is full is not back pressure', async () => {
    const r = await read('host mx.d.example[203.0.113.9] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)');
    expect(r.report.rejections[0]?.knowledge ?? null).not.toBe('exchange.back-pressure');
    expect(r.first).not.toBe('mta.local-error');
  });
});

describe("Microsoft 365's own verdicts on the sending tenant (NDR reference 5.7.705, 5.7.708, 5.7.750)", () => {
  it.each([
    [
      '5.7.705',
      "Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold. For more information please go to http://go.microsoft.com/fwlink/?LinkId=524931 AS(831)'",
      'microsoft.5.7.708-traffic-not-accepted',
    ],
    [
      '5.7.708',
      "Remote Server returned '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. AS(ABC)'",
      'microsoft.5.7.708-traffic-not-accepted',
    ],
    [
      '5.7.750',
      "Remote Server returned '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.'",
      'microsoft.5.7.750-unregistered-domain',
    ],
  ])("%s is the sending tenant's reputation", async (_n, text, id) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge).toBe(id);
    expect(r.first).toBe('reputation.blocked');
    expect(r.who).toMatch(/^The sender's side/);
  });
  it.each([
    [
      'a banned IP (5.7.606)',
      '550 5.7.606 Access denied, banned sending IP [198.51.100.7]. To request removal from this list please visit https://sender.office.com/',
    ],
    ['a code that merely begins alike (5.7.7050 is none)', '550 5.7.1 Access denied'],
  ])('%s is not the tenant verdict', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge ?? '').not.toMatch(/5\.7\.70|5\.7\.750/);
  });
});

describe("a 421 at HELO/EHLO, and Gmail's temporary problems, are no rate limit", () => {
  it.each([
    ["a program's one-line response", 'Error: response=421-4.7.0 Try again later, closing connection. (EHLO)'],
    ['a transcript', 'C: EHLO localhost\nS: 421-4.7.0 Try again later, closing connection. (EHLO)\nS: 421 4.7.0  a1si1 - gsmtp'],
  ])("Gmail's 'Try again later, closing connection' at EHLO: %s → the greeting was refused", async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge).toBe('gmail.4.7.0-helo-closing');
    expect(r.first).toBe('smtp.helo-rejected');
  });

  it.each([
    [
      '4.3.0',
      'host gmail-smtp-in.l.google.com[192.0.2.27] said: 421-4.3.0 Temporary System Problem.  Try again later (TS01). a1si1 - gsmtp (in reply to end of DATA command)',
    ],
    [
      '4.7.0',
      'host gmail-smtp-in.l.google.com[192.0.2.27] said: 421 4.7.0 Temporary System Problem. Try again later. a1si1 - gsmtp (in reply to RCPT TO command)',
    ],
  ])('Gmail %s Temporary System Problem → its own problem, retried', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge).toBe('gmail.temporary-system-problem');
    expect(r.first).not.toBe('smtp.rate-limited');
  });

  it('a wordless 421 at EHLO from any server is a refusal of the client, not a rate', async () => {
    const r = await read('C: EHLO pc\nS: 421 4.7.0 mx.d.example closing connection');
    expect(r.report.rejections[0]?.stage).toBe('helo');
    expect(r.report.rejections[0]?.reason).toBe('blocked');
    expect(r.first).not.toBe('smtp.rate-limited');
  });

  it.each([
    [
      'Gmail naming its rate',
      'host gmail-smtp-in.l.google.com[192.0.2.27] said: 421-4.7.0 Our system has detected an unusual rate of unsolicited mail originating from your IP address. (in reply to end of DATA command)',
      'gmail.4.7.0-helo-closing',
    ],
    [
      'Gmail TLS for a RCPT domain',
      'host aspmx.l.google.com[192.0.2.27] said: 421 4.7.0 TLS required for RCPT domain, closing connection. (in reply to RCPT TO command)',
      'gmail.4.7.0-helo-closing',
    ],
  ])('%s is not the HELO refusal', async (_n, text, id) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge).not.toBe(id);
  });

  it('a wordless 421 at the greeting keeps its RFC 5321 reading (busy, too many connections)', async () => {
    const r = await read('host mx.d.example[192.0.2.9] refused to talk to me: 421 4.7.0 mx.d.example Service not available');
    expect(r.report.rejections[0]?.reason).toBe('toomanyconn');
  });
});

describe("the reader's own server deferring a recipient without words is its greylisting", () => {
  it.each([
    [
      'Exim',
      '2024-12-25 15:43:28 H=mail.b.example [198.51.100.7] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no F=<a@b.example> temporarily rejected RCPT <c@d.example>',
    ],
  ])('%s: a wordless defer at RCPT → smtp.greylisted', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.inbound).toBe(true);
    expect(r.first).toBe('smtp.greylisted');
    expect(r.who).toMatch(/^Your server's administrator/);
  });

  it.each([
    [
      'a defer that names its cause',
      '2024-12-25 15:43:28 H=mail.b.example [198.51.100.7] F=<a@b.example> temporarily rejected RCPT <c@d.example>: host lookup did not complete',
      'smtp.greylisted',
    ],
    [
      'a permanent wordless refusal',
      '2024-12-25 15:43:28 H=mail.b.example [198.51.100.7] F=<a@b.example> rejected RCPT <c@d.example>',
      'smtp.greylisted',
    ],
    [
      "a wordless 451 in someone else's reply (a sender's bounce) is not the reader's greylisting",
      'host mx.d.example[192.0.2.9] said: 451 4.3.0 (in reply to RCPT TO command)',
      'smtp.greylisted',
    ],
  ])('%s → not read as own greylisting', async (_n, text, rule) => {
    const r = await read(text);
    expect(r.first).not.toBe(rule);
  });
});

describe("a relayhost that cannot be looked up is the sending server's own setting", () => {
  const LOG = (dsn: string, status: string, name: string, type: string, tail = '') =>
    `Dec  3 10:00:00 host postfix/smtp[123]: 4F2A1: to=<bob@d.example>, relay=none, delay=0.1, delays=0/0/0.1/0, dsn=${dsn}, status=${status} (Host or domain name not found. Name service error for name=${name} type=${type}: Host not found${tail})`;
  it.each([
    [
      'a bracketed relayhost that does not exist (4.3.5, type=A)',
      `Dec  3 10:00:00 host postfix/smtp[123]: warning: relayhost configuration problem\n${LOG('4.3.5', 'deferred', 'smtp.relay.example', 'A')}`,
    ],
    ['the same status line alone', LOG('4.3.5', 'deferred', 'smtp.relay.example', 'A')],
    ["a relayhost's MX lookup", LOG('4.4.3', 'deferred', 'smtp.relay.example', 'MX', ', try again')],
  ])('%s → mta.local-error, the sender acts, no word of the recipient domain', async (_n, text) => {
    const r = await read(text);
    expect(r.first).toBe('mta.local-error');
    expect(r.who).toMatch(/^The sender's side: your own sending server/);
    const v = buildView(r.report).verdict;
    expect(`${v.sentence} ${v.said?.refused}`).not.toMatch(/recipient's domain does not exist/);
  });

  it("the recipient domain's own MX host that does not exist stays the recipient's", async () => {
    const r = await read(LOG('5.4.4', 'bounced', 'mx.hoster.example', 'A'));
    expect(r.first).toBe('smtp.recipient-unknown');
    expect(r.who).toMatch(/^The recipient's side/);
  });
});

describe("a refusal quoted from the refusing server's own smtpd log is the reader's own server's", () => {
  it.each([
    [
      'without its syslog prefix, redacted',
      'NOQUEUE: reject: RCPT from [HOME_IP_ADDRESS]:61079: 550 5.7.1 Service unavailable; client [HOME_IP_ADDRESS] blocked using zen.spamhaus.org',
    ],
    [
      'in backticks in a question',
      'My server logs `NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 554 5.7.1 <c@d.example>: Relay access denied` for my phone',
    ],
  ])('%s → your server refused this client', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.inbound).toBe(true);
    expect(r.who).toMatch(/^Your server's administrator/);
  });

  it("a sender's bounce quoting the remote's reply is not the reader's server", async () => {
    const r = await read(
      'host mx.d.example[192.0.2.9] said: 550 5.7.1 Service unavailable; client [198.51.100.7] blocked using zen.spamhaus.org (in reply to RCPT TO command)',
    );
    expect(r.report.rejections[0]?.inbound ?? false).toBe(false);
    expect(r.who).not.toMatch(/^Your server's administrator/);
  });
});

describe("a refusal of MAIL FROM is never the recipient's to act on (RFC 5321 §3.3)", () => {
  const raw = (text: string, stage: 'mail' | 'rcpt', code = 550, enhanced: string | null = '5.1.1') => ({
    code,
    enhanced,
    stage,
    text,
    ip: null,
    line: 1,
  });
  it.each([
    ['Invalid address at MAIL', raw('Invalid address', 'mail', 501, '5.1.7'), 'sender'],
    ['mailbox unavailable at MAIL', raw('Requested action not taken: mailbox unavailable', 'mail'), 'sender'],
    ["the same words at RCPT stay the recipient's", raw('Requested action not taken: mailbox unavailable', 'rcpt'), 'recipient'],
    ['Invalid address at RCPT', raw('Invalid address', 'rcpt'), 'recipient'],
  ])('%s → %s', (_n, r, party) => {
    expect(classify(r).party).toBe(party);
  });
});

describe("the reader's own server refusing a private client address for its public identity", () => {
  const SMTPD = (ip: string) =>
    `Dec  3 10:00:01 mx postfix/smtpd[2211]: NOQUEUE: reject: RCPT from unknown[${ip}]: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [${ip}]; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<mail.b.example>`;
  it.each([
    ['a Docker bridge gateway', SMTPD('172.19.0.1')],
    ['a proxy on the loopback', SMTPD('127.0.0.1')],
    ['a private LAN address', SMTPD('10.0.0.5')],
  ])('%s → its own networking hides the clients (mta.local-error)', async (_n, text) => {
    const r = await read(text);
    expect(r.first).toBe('mta.local-error');
    expect(r.who).toMatch(/^Your server's administrator/);
  });

  it.each([['a public client without PTR', SMTPD('198.51.100.7')]])('%s stays the PTR step', async (_n, text) => {
    const r = await read(text);
    expect(r.first).not.toBe('mta.local-error');
  });
});

describe("the recipient domain's own server refusing the connection: the recipient's side acts", () => {
  it.each([
    [
      'Exim, no route to the MX',
      '2024-05-01 10:00:00 1sAbCd-000123-AB == bob@d.example R=dnslookup T=remote_smtp defer (113): No route to host H=mail.d.example [203.0.113.9]',
    ],
    [
      'Postfix, refused by the MX',
      'Dec  3 10:00:00 host postfix/smtp[123]: 4F2A1: to=<bob@d.example>, relay=none, delay=300, delays=0/0/300/0, dsn=4.4.1, status=deferred (connect to mx.d.example[203.0.113.9]:25: Connection refused)',
    ],
  ])('%s', async (_n, text) => {
    const r = await read(text);
    expect(r.who).toMatch(/^The recipient's side/);
  });

  it.each([
    [
      "a timeout (the sender's own port 25 may be blocked)",
      'Dec  3 10:00:00 host postfix/smtp[123]: 4F2A1: to=<bob@d.example>, relay=none, delay=300, delays=0/0/300/0, dsn=4.4.1, status=deferred (connect to mx.d.example[203.0.113.9]:25: Connection timed out)',
    ],
  ])('%s: not put on the recipient', async (_n, text) => {
    const r = await read(text);
    expect(r.who).not.toMatch(/^The recipient's side/);
  });
});

describe("the recipient domain's own server refusing to relay for its own domain: the recipient's side acts", () => {
  it.each([
    [
      'a Postfix bounce from the domain itself',
      'host mail.d.example[203.0.113.9] said: 554 5.7.1 <bob@d.example>: Relay access denied (in reply to RCPT TO command)',
    ],
    [
      "an Exchange NDR quoting the domain's server",
      "Diagnostic information for administrators:\n\nGenerating server: smtp.sender.example\n\nbob@d.example\nmx1.d.example\nRemote Server returned '554 5.4.4 <mx1.d.example #5.4.4 smtp; 550 5.4.4 Unable to relay>'",
    ],
  ])('%s', async (_n, text) => {
    const r = await read(text);
    expect(r.first).toBe('smtp.relay-denied');
    expect(r.who).toMatch(/^The recipient's side/);
  });

  it.each([
    [
      'a client refused by its own provider for an outside recipient',
      'host smtp.provider.example[203.0.113.9] said: 554 5.7.1 <bob@d.example>: Relay access denied (in reply to RCPT TO command)',
    ],
    [
      "words naming the recipient's domain as not local",
      "Server Response: '550 not local host d.example, not a gateway', Port 25, Error Number: 0x800CCC79 The rejected e-mail address was 'bob@d.example'",
    ],
  ])('%s: not the recipient', async (_n, text) => {
    const r = await read(text);
    expect(r.who).not.toMatch(/^The recipient's side/);
  });
});

describe("receivers' wordings of known refusals (reason tables)", () => {
  it.each([
    ['FORPSI/Aruba: no DNS reverse', '554 cmg11.fe.forpsi.example bizsmtp 0bcW1i no DNS reverse for 198.51.100.7', 'requireptr'],
    ["qmail's rcpthosts, its first words only", "Server response: 553 Sorry, that domain isn't in my list", 'norelaying'],
    ["qmail's rcpthosts whole", "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", 'norelaying'],
    ["cPanel Exim's relay without authentication", '550-550 relay through this server without authentication.', 'norelaying'],
    // a localised client box translates qmail's sentence but keeps its control file's name
    [
      "qmail's rcpthosts in Outlook's Portuguese box",
      "Resposta do Servidor: '553 este domínio não consta na minha lista de rcpthosts autorizados (#5.7.1)', Porta: 25, Erro do Servidor: 553, Número do Erro: 0x800CCC79.",
      'norelaying',
    ],
    ["qmail's rcpthosts in French", "553 désolé, ce domaine n'est pas dans ma liste des rcpthosts autorisés (#5.7.1)", 'norelaying'],
    // a server saying it requires authentication decides over Postfix's generic client-block prefix
    [
      'a provider\'s access map explaining a missing SMTP login after "Client host rejected"',
      'SMTP Error: The following recipients failed: bob@d.example: Client host rejected: Para envio de mensagens e necessaria autenticacao. /This mail server requires authentication',
      'securityerror',
    ],
    ['the same words alone, in English', '554 5.7.1 <bob@d.example>: Client host rejected: This server requires SMTP authentication', 'securityerror'],
    ['the same words alone, in Portuguese', '550 Autenticação é necessária para enviar mensagens', 'securityerror'],
    [
      'a gateway refusing its own domain from outside',
      'SMTP error from remote mail server after end of data:\n    550-Unauthorised Envelope Sender.\n    550 Please contact ICT.',
      'rejected',
    ],
  ])('%s → %s', async (_n, text, reason) => {
    const r = await read(text);
    expect(r.reason).toBe(reason);
  });

  it.each([
    ['a PTR that exists but is generic is not "no DNS reverse"', '550 5.7.1 Your DNS reverse name looks dynamic', 'requireptr'],
    ['a list that names its own domain', "553 sorry, that user isn't in my list of allowed users", 'norelaying'],
    // a list in another language that is not qmail's rcpthosts
    ['a Portuguese list of blocked senders', '550 o remetente consta na lista de bloqueio do destinatário', 'norelaying'],
    // "Client host rejected" with words about the client itself stays a block of the client
    ['a client block without authentication words', '554 5.7.1 <unknown[198.51.100.7]>: Client host rejected: Access denied', 'securityerror'],
    ['a sender domain that requires its senders to authenticate (DMARC/SPF wording)', '550 5.7.26 This domain requires all senders to authenticate', 'securityerror'],
    ['an authorised sender', '250 2.1.0 Sender ok', 'rejected'],
  ])('%s → not %s', async (_n, text, reason) => {
    const r = await read(text);
    expect(r.reason).not.toBe(reason);
  });
});

describe('one refusal repeated for several recipients names each of them in its step', () => {
  const NDR = (rcpts: string[]) =>
    'Delivery has failed to these recipients or groups:\n\nDiagnostic information for administrators:\nGenerating server: BYAPR02MB5606.namprd02.prod.outlook.com\n' +
    rcpts
      .map(
        (a) =>
          `${a}\nRemote Server returned '554 5.7.0 < #5.7.133 smtp;550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group>'`,
      )
      .join('\n');
  it('two groups refused alike: one step, both named', async () => {
    const r = await read(NDR(['group-a@d.example', 'group-b@d.example']));
    const text = JSON.stringify(r.report.checklist.filter((s) => s.status === 'fail' || s.status === 'warn'));
    expect(text).toContain('group-a@d.example');
    expect(text).toContain('group-b@d.example');
    expect(r.report.checklist.filter((s) => s.rule === r.first).length).toBe(1);
  });
  it('many alike: ten named, the rest counted', async () => {
    const r = await read(NDR(Array.from({ length: 14 }, (_, i) => `g${i}@d.example`)));
    const step = r.report.checklist.find((s) => s.rule === r.first)!;
    expect(step.evidence.filter((e) => e.text.startsWith('The same refusal for g')).length).toBe(10);
    expect(step.evidence.some((e) => e.text === 'The same refusal for more recipients (3)')).toBe(true);
  });
});

describe('a bare "Address rejected" names the address of the command it answers (RFC 5321 §4.1.1.3)', () => {
  it.each([
    [
      'a Postfix bounce line, enhanced code',
      'host mx.d.example[192.0.2.9] said: 550 5.1.0 Address rejected. (in reply to RCPT TO command)',
    ],
    ['the "#" form of the enhanced code', 'host mx.d.example[192.0.2.9] said: 550 #5.1.0 Address rejected. (in reply to RCPT TO command)'],
    ['no enhanced code', 'host mx.d.example[192.0.2.9] said: 550 Address rejected (in reply to RCPT TO command)'],
    [
      "JavaMail's SendFailedException for refused recipients",
      'sendMail - Message Sending Failed: Invalid Addresses;\n  nested exception is:\njavax.mail.SendFailedException: 550 #5.1.0 Address rejected.',
    ],
  ])('%s: in reply to RCPT TO, the recipient', async (_n, text) => {
    const r = await read(text);
    expect(r.reason).toBe('userunknown');
    expect(r.first).toBe('smtp.recipient-unknown');
    expect(r.report.rejections[0].stage).toBe('rcpt');
    if (/5\.1\.0/.test(text)) expect(r.report.rejections[0].enhanced).toBe('5.1.0');
  });

  it.each([
    // where the command is not known, the bare words name no side: the enhanced code decides (RFC 3463 X.1.0 "Other
    // address status" is no sender's; X.1.8 "Bad sender's system address" is)
    ['a help page quoting the reply alone', '550: #5.1.0 Address rejected', 'userunknown', 'smtp.recipient-unknown'],
    ['the same without the colon', '550 #5.1.0 Address rejected.', 'userunknown', 'smtp.recipient-unknown'],
    ["the sender's detail", '553 5.1.8 Address rejected', 'rejected', 'smtp.sender-invalid'],
  ])('%s: no command, the code names the side', async (_n, text, reason, first) => {
    const r = await read(text);
    expect(r.reason).toBe(reason);
    expect(r.first).toBe(first);
  });

  it.each([
    ['in reply to MAIL FROM', 'host mx.d.example[192.0.2.9] said: 550 5.1.0 Address rejected. (in reply to MAIL FROM command)', 'rejected'],
    [
      "a sender's address named",
      'host mx.d.example[192.0.2.9] said: 553 5.1.8 <a@b.example>: Sender address rejected: Domain not found (in reply to RCPT TO command)',
      'rejected',
    ],
  ])('%s: not the recipient', async (_n, text, reason) => {
    const r = await read(text);
    expect(r.reason).toBe(reason);
    expect(r.first).not.toBe('smtp.recipient-unknown');
  });

  it("the '#' of an Exchange 2003 host field stays in the words", async () => {
    const r = await read(
      "Generating server: smtp.b.example\n\na@d.example\nmx.d.example\nRemote server returned '554 5.4.4 <mx.d.example #5.4.4 smtp; 550 5.4.4 Unable to relay>'\n",
    );
    expect(r.report.rejections[0]?.text ?? '').toMatch(/#5\.4\.4/);
  });
});

describe('an SPF refusal whose paste names no envelope domain is still the SPF step (RFC 7208 §2.4)', () => {
  it.each([
    ['Interia, placeholders kept', '550 5.7.0 [SPF] host (host number) is not allowed to send mail from domain'],
    ['a bounce line without addresses', 'host mx.d.example[192.0.2.9] said: 550 5.7.1 SPF check failed (in reply to end of DATA command)'],
  ])('%s: spf.fail first', async (_n, text) => {
    const r = await read(text);
    expect(r.first).toBe('spf.fail');
    expect(r.report.checklist.some((s) => s.rule === 'smtp.auth-failed')).toBe(false);
  });

  it.each([
    [
      'DMARC named, no SPF',
      "host mx.d.example[192.0.2.9] said: 550 5.7.1 Unauthenticated email is not accepted due to domain's DMARC policy (in reply to end of DATA command)",
    ],
  ])('%s: not the SPF step', async (_n, text) => {
    const r = await read(text);
    expect(r.first).not.toBe('spf.fail');
  });
});

describe("a recipient's own block of the sender's address is no DNS blocklist", () => {
  it.each([
    ['Interia', "550 5.7.1 Recipient doesn't want your mail"],
    [
      'a Postfix bounce line',
      "host mx.d.example[192.0.2.9] said: 550 5.7.1 Recipient doesn't want your mail (in reply to RCPT TO command)",
    ],
  ])('%s: the personal block list', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0].knowledge).toBe('blocklist.personal');
    expect(r.report.checklist.some((s) => s.rule === 'dnsbl.listed' && s.status === 'fail')).toBe(false);
  });

  // Mailtraq's "554 blacklisted (address)" is its own server refusing to relay for a client outside its LAN
  // (its knowledge base, http://info.mailtraq.com/859/): neither the recipient's block list nor a DNSBL
  it.each([
    [
      'an Outlook report',
      'The following recipient(s) could not be reached: Jane Doe on 8/25/2008 8:17 AM 554 blacklisted (jsmith@d.example)',
    ],
    ['the reply alone', '554 blacklisted (jsmith@d.example)'],
  ])('Mailtraq, %s: its own relay setting, not a block list', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0].knowledge).toBe('mailtraq.blacklisted-outside-lan');
    expect(r.first).toBe('smtp.auth-required');
    expect(r.report.checklist.some((s) => s.rule === 'dnsbl.listed' && s.status === 'fail')).toBe(false);
  });

  it.each([
    [
      'an IP listed',
      'host mx.d.example[192.0.2.9] said: 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org (in reply to RCPT TO command)',
    ],
    ['an IP blacklisted in parentheses', '554 blacklisted (198.51.100.7)'],
  ])('%s: not the personal block list', async (_n, text) => {
    const r = await read(text);
    expect(r.report.rejections[0]?.knowledge ?? null).not.toBe('blocklist.personal');
  });
});

describe('words that name a recipient domain without mail servers', () => {
  it.each([
    [
      "SmarterMail's bounce",
      "Could not deliver message to the following recipient(s):\nFailed Recipient: user@d.example\nReason: Failed to connect to the recipients mail server. No MX records were found for the 'd.example' domain.\n",
    ],
    ['the singular form', 'a@d.example: 554 5.4.4 No MX record found for d.example'],
  ])('%s: the domain takes no mail (notaccept), no reputation step', async (_n, text) => {
    const r = await read(text);
    expect(r.reason).toBe('notaccept');
    expect(r.report.checklist.some((s) => s.rule === 'reputation.blocked' && s.status === 'fail')).toBe(false);
  });

  it('an MX that answered and refused is not this', async () => {
    const r = await read(
      'host mx.d.example[192.0.2.9] said: 550 5.1.1 <a@d.example>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
    );
    expect(r.reason).toBe('userunknown');
  });
});

describe("a server's idle timeout is a connection problem of the client, not a refusal of the mail", () => {
  it.each([
    ['Amazon SES via smtplib', "SMTPSenderRefused(451, b'4.4.2 Timeout waiting for data from client.', 'app@d.example')"],
    ['Postfix smtpd', '421 4.4.2 mx.d.example Error: timeout exceeded'],
  ])('%s: the connection step', async (_n, text) => {
    const r = await read(text);
    expect(r.reason).toBe('networkerror');
    expect(r.first).toBe('smtp.connection-failed');
    expect(r.report.rejections[0].knowledge).toBe('connection.client-idle-timeout');
  });

  it.each([['a receiver that timed out waiting for its own lookup', '451 4.4.2 Timeout while checking the sender domain']])(
    '%s: not this entry',
    async (_n, text) => {
      const r = await read(text);
      expect(r.report.rejections[0]?.knowledge ?? null).not.toBe('connection.client-idle-timeout');
    },
  );
});

describe("HaskellNet's 'cannot execute command X, expected reply code 250, but received …' names the command answered", () => {
  it.each([
    [
      'DATA',
      'user error (cannot execute command DATA "From: <a@b.example>\\nSubject: x\\nHello", expected reply code 250, but received 554 5.7.1 Message rejected as spam)',
      'end-of-data',
    ],
    [
      'MAIL',
      'user error (cannot execute command MAIL "<a@b.example>", expected reply code 250, but received 550 5.7.1 Sender rejected)',
      'mail',
    ],
  ])('%s: its stage', async (_n, text, stage) => {
    const r = await read(text);
    expect(r.report.rejections[0].stage).toBe(stage);
    expect(r.report.rejections[0].code).not.toBeNull();
  });

  it('a reply without the library words keeps its own stage', async () => {
    const r = await read('expected reply code 250, but received 554 5.7.1 Message rejected as spam');
    expect(r.report.rejections[0]?.stage ?? 'unknown').not.toBe('mail');
  });
});
