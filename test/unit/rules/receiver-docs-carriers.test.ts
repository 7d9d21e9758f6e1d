// Access providers' documented replies (src/core/knowledge/replies/carriers.ts): AT&T's Mailblock texts
// (BellSouth/Worldnet) and Swisscom Bluewin's; and Exchange's size-limit diagnostic (microsoft.ts). Each text as the provider's page (or a bounce quoting the
// provider's reply) gives it, read bare, cut short, in a Postfix bounce line and folded into a DSN's
// Diagnostic-Code (forms() of receiver-docs.table.ts), with the entry, the reason, the first step and who acts;
// and a similar text that must not be read as that entry.
import { describePartyTables, partyRow as r, type PartyTable } from './receiver-docs-party';

const TABLES: PartyTable[] = [
  {
    receiver: 'AT&T (BellSouth, Worldnet)',
    host: 'al-ip4-mx-vip1.prodigy.net',
    rcpt: 'someone@bellsouth.net',
    source: 'http://worldnet.att.net/general-info/bls_info/block_enduser.html',
    rows: [
      r(
        'att.dns-look-up-failure',
        421,
        null,
        'failure in DNS look-up.',
        'connect',
        'requireptr',
        'smtp.ptr-required',
        'sender',
        '451 4.4.3 Temporary failure in DNS lookup of the recipient domain',
      ),
      r(
        'att.521-ip-blocked',
        521,
        null,
        '<192.0.2.25> is blocked',
        'connect',
        'blocked',
        'reputation.blocked',
        'sender',
        '521 5.3.2 Server does not accept mail (the mailbox is blocked)',
      ),
      r(
        'att.mailbox-suspended',
        550,
        null,
        '[suspend] Mailbox currently suspended--Please contact correspondent directly.',
        'RCPT TO',
        'suspend',
        'smtp.recipient-unknown',
        'recipient',
        '550 Your account is currently suspended for sending, please contact support',
      ),
      r(
        'att.unauthorized-interface',
        550,
        null,
        'unauthorized interface for <192.0.2.25>',
        'connect',
        'blocked',
        'reputation.blocked',
        'sender',
        '550 5.7.1 unauthorized sender for this interface address',
      ),
      r(
        'att.rblmx-ldap-block',
        550,
        null,
        '<192.0.2.25> blocked by ldap:ou=rblmx, dc=bellsouth, dc=net',
        'connect',
        'blocked',
        'reputation.blocked',
        'sender',
        '550 5.7.1 blocked by ldap lookup error, try again',
      ),
    ],
  },
  {
    receiver: 'Swisscom Bluewin',
    host: 'mxbw.lb.bluewin.ch',
    rcpt: 'someone@bluewin.ch',
    source: 'https://postmaster.bluewin.ch/content/en/faq-for-system-administrators/',
    rows: [
      r(
        'bluewin.ip-reputation-ratelimit',
        554,
        '5.2.0',
        'sc969: IP reputation ratelimit in effect - https://support.bluewin.ch/provider/bounce/aXA9MTkyLjAuMi4yNTtjPXNjOTY5',
        'end of DATA',
        'speeding',
        'smtp.rate-limited',
        'sender',
        '554 5.2.0 sc969: message rejected, see https://support.example.ch/provider/bounce/',
        'sc969: IP reputation ratelimit in effect',
      ),
      r(
        'bluewin.provider-bounce-page',
        554,
        '5.7.1',
        'sc101: refused - https://support.bluewin.ch/provider/bounce/aXA9MTkyLjAuMi4yNTtjPXNjMTAx',
        'connect',
        'blocked',
        'reputation.blocked',
        'sender',
        '554 5.7.1 refused - see https://support.example.ch/provider/bounce/',
        'sc101: refused - https://support.bluewin.ch/provider/bounce/aXA9MTkyLjAuMi4yNTtjPXNjMTAx',
      ),
    ],
  },
  {
    receiver: 'Exchange (NDR diagnostics)',
    host: 'example-org.mail.protection.outlook.com',
    rcpt: 'someone@example.org',
    source: 'https://mskb.pkisolutions.com/kb/960775 (Microsoft KB 960775, archived)',
    rows: [
      r(
        'exchange.recip-size-limit',
        550,
        '5.2.3',
        'RESOLVER.RST.RecipSizeLimit; message too large for this recipient',
        'end of DATA',
        'mesgtoobig',
        'smtp.message-too-large',
        'sender',
        '550 5.2.3 RESOLVER.RST.SendSizeLimit.Sender; message too large for this sender',
      ),
    ],
  },
];

describePartyTables(TABLES);
