// Documented reply texts of security gateways (issue 11, vendors9): each row is one text as the gateway vendor's
// own error-code page gives it (the table's `source`, the entry's `sources`), with the knowledge entry that must
// explain it, the reason (sisimai's names) and the first step an administrator should see. `not` is a near-miss —
// another product's words, a neighbouring code of the same vendor — that must NOT be read as that entry. The reply
// texts are the vendors'; everything else is ours. Read by vendor-docs-gateways.test.ts in the forms of
// receiver-docs.table.ts (bare, cut short, a Postfix bounce line, a DSN's Diagnostic-Code).
import { rows, type DocTable } from './receiver-docs.table';

export const SOPHOS_EMAIL: DocTable = {
  receiver: 'Sophos Email',
  host: 'mx-01-eu-central-1.prod.hydra.sophos.com',
  rcpt: 'someone@example.org',
  source: 'https://docs.sophos.com/central/customer/help/en-us/ManageYourProducts/EmailSecurity/SMTPErrorCodes/index.html',
  rows: rows([
    [
      'sophos.recipient-unknown',
      550,
      '5.7.1',
      'XGEMAIL_0011 Command rejected',
      'RCPT TO',
      'userunknown',
      'smtp.recipient-unknown',
      '550 5.7.1 XGEMAIL_0001 Command rejected',
    ],
    [
      'sophos.domain-not-protected',
      550,
      '5.7.1',
      'XGEMAIL_0010 Command rejected',
      'RCPT TO',
      'norelaying',
      'smtp.relay-denied',
      '550 5.7.1 XGEMAIL_0100 Command rejected',
    ],
    [
      'sophos.license-expired',
      550,
      '5.7.1',
      'XGEMAIL_0007 Command rejected',
      'RCPT TO',
      'systemerror',
      'smtp.rejected',
      '550 5.7.1 XGEMAIL_0017 Command rejected',
    ],
    [
      'sophos.tls-version',
      550,
      '5.7.4',
      'XGEMAIL_0006 Message rejected because the configured TLS version is Preferred TLS 1.3 for the recipient and the sender TLS version is not available',
      'RCPT TO',
      'securityerror',
      'smtp.tls-failed',
      '550 5.7.4 Message rejected because the configured TLS version is not available',
      'XGEMAIL_0006 Message rejected because the configured TLS version',
    ],
    [
      'sophos.size',
      552,
      '5.3.4',
      'XGEMAIL_0012 Message size exceeds the allowed limit',
      'end of DATA',
      'mesgtoobig',
      'smtp.message-too-large',
      '552 5.3.4 Message size exceeds the allowed limit',
    ],
    [
      'sophos.large-message-recipients',
      452,
      '4.5.3',
      'XGEMAIL_0013 Too many recipients for a large message',
      'RCPT TO',
      'toomanyconn',
      'smtp.rate-limited',
      '452 4.5.3 XGEMAIL_0003 Too many recipients',
    ],
  ]),
};

export const MIMECAST: DocTable = {
  receiver: 'Mimecast',
  host: 'eu-smtp-inbound-1.mimecast.com',
  rcpt: 'someone@example.org',
  source: 'https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754 (Mimecast SMTP error codes, 4xx)',
  rows: rows([
    [
      'mimecast.server-busy',
      421,
      null,
      'Unable to process connection at this time - https://community.mimecast.com/docs/DOC-1369#421 [Aj3QXapeMpqZYaeFwWhjzw.uk123]',
      'RCPT TO',
      'systemfull',
      'smtp.rejected',
      '421 Unable to process your request at this time',
      'Unable to process connection at this time',
    ],
  ]),
};

export const TREND_MICRO: DocTable = {
  receiver: 'Trend Micro (Email Reputation Services, InterScan Messaging Security)',
  host: 'mx.example.org',
  rcpt: 'someone@example.org',
  source:
    'https://success.trendmicro.com/solution/1097055 (ERS FAQ: the refusals of blocked IPs); https://success.trendmicro.com/dcx/s/solution/1106332 (IMSS)',
  rows: rows([
    [
      'trendmicro.ers',
      550,
      null,
      'Mail from 192.0.2.9 refused by rbl-plus.mail-abuse.org. Please refer to http://mail-abuse.org/rbl+ for an explanation',
      'connect',
      'blocked',
      'reputation.blocked',
      '550 Mail from 192.0.2.9 refused by zen.spamhaus.org. Please refer to https://www.spamhaus.org/query/ip/192.0.2.9',
    ],
    [
      'trendmicro.ers',
      550,
      null,
      'Service unavailable; Client host [192.0.2.9] blocked using Trend Micro RBL+. Please see http://www.mail-abuse.com/cgi-bin/lookup?ip_address=192.0.2.9',
      'RCPT TO',
      'blocked',
      'reputation.blocked',
      '550 Service unavailable; Client host [192.0.2.9] blocked using bl.spamcop.net',
    ],
    [
      'trendmicro.imss-relay-domain',
      550,
      null,
      'Domain of forward-path is not allowed',
      'RCPT TO',
      'norelaying',
      'smtp.relay-denied',
      '550 Domain of sender address is not allowed',
    ],
  ]),
};

export const GATEWAY_DOC_TABLES: DocTable[] = [SOPHOS_EMAIL, MIMECAST, TREND_MICRO];
