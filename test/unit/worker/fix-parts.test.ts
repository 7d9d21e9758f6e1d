// The checklist's fix and verify lines: the commands, records and header
// lines in them become code with a copy button; the prose stays prose. The
// lines are the shapes the rules write (src/core/rules/**).
import { describe, expect, it } from 'vitest';
import { fixParts, type FixPart } from '../../../src/worker/view/fix-parts';

const code = (text: string, copy = text): FixPart => ({ kind: 'code', text, copy });
const text = (t: string): FixPart => ({ kind: 'text', text: t });
const link = (href: string): FixPart => ({ kind: 'link', text: href, href });

describe('fixParts', () => {
  it.each<[string, FixPart[]]>([
    ['dig -x 80.78.72.135 +short', [code('dig -x 80.78.72.135 +short')]],
    // the note after a command is shown, never copied into a shell
    [
      'dig +short 45.113.0.203.zen.spamhaus.org A   (no answer = not listed)',
      [code('dig +short 45.113.0.203.zen.spamhaus.org A'), text(' (no answer = not listed)')],
    ],
    [
      'swaks --server <receiver> --ehlo <new name> --quit-after EHLO',
      [code('swaks --server <receiver> --ehlo <new name> --quit-after EHLO')],
    ],
    ['Resolve-DnsName -Type TXT _dmarc.example.org', [code('Resolve-DnsName -Type TXT _dmarc.example.org')]],
    [
      'Ask the owner of the IP block (usually your ISP or hosting provider; `whois 80.78.72.135` shows who it is) to create: 135.72.78.80.in-addr.arpa. IN PTR mail.example.org.',
      [
        text('Ask the owner of the IP block (usually your ISP or hosting provider; '),
        code('whois 80.78.72.135'),
        text(' shows who it is) to create: '),
        code('135.72.78.80.in-addr.arpa. IN PTR mail.example.org.'),
      ],
    ],
    [
      'Publish: _dmarc.example.org. IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.org; fo=1"',
      [text('Publish: '), code('_dmarc.example.org. IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.org; fo=1"')],
    ],
    [
      'Make the name resolve back to the IP (forward-confirmed reverse DNS): mail.example.org. IN A 80.78.72.135',
      [text('Make the name resolve back to the IP (forward-confirmed reverse DNS): '), code('mail.example.org. IN A 80.78.72.135')],
    ],
    ['Add the header: MIME-Version: 1.0', [text('Add the header: '), code('MIME-Version: 1.0')]],
    [
      'Encode it (RFC 2047): Subject: =?UTF-8?B?QmVzdGVsbHVuZw==?=',
      [text('Encode it (RFC 2047): '), code('Subject: =?UTF-8?B?QmVzdGVsbHVuZw==?=')],
    ],
    [
      'Write it as: From: "Webshop, Orders" <orders@webshop.example>',
      [text('Write it as: '), code('From: "Webshop, Orders" <orders@webshop.example>')],
    ],
    // prose with colons that are not a record or a header stays prose; a web address in it is a link
    [
      'Look the IP up at https://check.spamhaus.org/ : it shows which sub-list (SBL, CSS, XBL, PBL) and why.',
      [text('Look the IP up at '), link('https://check.spamhaus.org/'), text(' : it shows which sub-list (SBL, CSS, XBL, PBL) and why.')],
    ],
    // the sentence's full stop is not part of the address
    [
      'Request removal at https://www.spamcop.net/bl.shtml.',
      [text('Request removal at '), link('https://www.spamcop.net/bl.shtml'), text('.')],
    ],
    [
      'Send a test message and check its raw headers for MIME-Version: 1.0.',
      [text('Send a test message and check its raw headers for MIME-Version: 1.0.')],
    ],
    [
      'After sending a new message: its headers show DKIM-Signature: … d=shop.example',
      [text('After sending a new message: its headers show DKIM-Signature: … d=shop.example')],
    ],
    [
      'Set the HELO name (Postfix: smtp_helo_name; Exchange: the connector FQDN).',
      [text('Set the HELO name (Postfix: smtp_helo_name; Exchange: the connector FQDN).')],
    ],
    // a "host … said:" quote is not the host command
    ['host mx.example.net[192.0.2.1] said: 550 5.1.1 unknown', [text('host mx.example.net[192.0.2.1] said: 550 5.1.1 unknown')]],
  ])('%s', (line, want) => {
    expect(fixParts(line)).toEqual(want);
  });

  it('shows a value that is not a string (a tampered shared link) as text', () => {
    expect(fixParts({ a: 1 } as unknown as string)).toEqual([text('[object Object]')]);
  });
});
