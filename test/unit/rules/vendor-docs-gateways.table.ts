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
      'trendmicro.ddei-sender-filtering',
      421,
      null,
      'Block temporarily (Sender Filtering/Authentication)',
      'MAIL FROM',
      'blocked',
      'smtp.auth-failed',
      '421 Block temporarily (greylisting)',
    ],
    [
      'trendmicro.ddei-sender-filtering',
      521,
      null,
      'Block permanently (Sender Filtering/Authentication)',
      'RCPT TO',
      'blocked',
      'smtp.auth-failed',
      '521 Block permanently (Content Filtering)',
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

export const RECEIVERS_MORE: DocTable = {
  receiver: 'Fastmail (submission), FORPSI (mxavas.forpsi.com)',
  host: 'mx.example.org',
  rcpt: 'someone@example.org',
  source:
    'https://fastmail.help/hc/en-us/articles/7010500320655-Why-messages-bounce-back; https://support.konto.pl/kb/a2871/ograniczenie-wiadomosci-przychodzacych-na-serwerze-pocztowym-mxavas_forpsi_com.aspx',
  rows: rows([
    [
      'fastmail.header-address-not-authorised',
      551,
      '5.7.1',
      'Not authorised to send from this header address',
      'end of DATA',
      'rejected',
      'smtp.sender-invalid',
      '551 5.7.1 Not authorised to relay',
      'Not authorised to send from this header',
    ],
    [
      'forpsi.sender-blacklisted',
      550,
      '5.1.1',
      '<owner@example.net> sender is blacklisted',
      'RCPT TO',
      'rejected',
      'reputation.blocked',
      '550 5.7.1 Client host [192.0.2.9] blacklisted: sender is blacklisted at zen.spamhaus.org',
    ],
  ]),
};

export const STRATO: DocTable = {
  receiver: 'STRATO',
  host: 'smtpin.rzone.de',
  rcpt: 'someone@example.de',
  source: 'https://strato.de/faq/mail/fehlermeldungen-bei-e-mails; https://www.strato-hosting.co.uk/faq/product/why-are-my-emails-not-being-delivered',
  rows: rows([
    [
      'strato.no-spam',
      550,
      '5.7.1',
      'Refused by local policy. No SPAM please! (B-URL)',
      'end of DATA',
      'spamdetected',
      'smtp.content-rejected',
      '550 5.7.1 Refused by local policy: no relaying',
      'Refused by local policy. No SPAM please!',
    ],
    [
      'strato.no-spam',
      554,
      '5.7.1',
      'Refused by local policy. No SPAM please! (B-ATTACH)',
      'end of DATA',
      'spamdetected',
      'smtp.content-rejected',
      '554 5.7.1 Refused by local policy (B-EFROM-STRATO)',
      'Refused by local policy. No SPAM please!',
    ],
    [
      'strato.forbidden-envelope-from',
      550,
      null,
      "Forbidden domain 'strato.de' in Envelope-From (B-EFROM-STRATO)",
      'MAIL FROM',
      'rejected',
      'smtp.sender-invalid',
      "550 Forbidden word 'casino' in Subject",
    ],
  ]),
};

export const FILTERS_LISTED: DocTable = {
  receiver: "Recipients' filters (ClamAV heuristics; Proofpoint Essentials; replies Broadcom lists)",
  host: 'mx.example.org',
  rcpt: 'someone@example.org',
  source:
    'https://github.com/Cisco-Talos/clamav/blob/main/libclamav/phishcheck.c; https://www.spambrella.com/faq/email-delivery-error-codes/; https://knowledge.broadcom.com/external/article/169925/common-external-spam-filtering-error-cod.html',
  rows: rows([
    [
      'clamav.heuristics',
      550,
      null,
      'Message contained unsafe content (Heuristics.Phishing.Email.SpoofedDomain)',
      'end of DATA',
      'virusdetected',
      'smtp.content-rejected',
      '550 Message contained unsafe content (Heuristic scan timed out)',
      'Message contained unsafe content (Heuristics.Phishing.Email.SpoofedDomain',
    ],
    [
      'clamav.heuristics',
      554,
      '5.7.1',
      'Message rejected: Heuristics.Encrypted.Zip FOUND',
      'end of DATA',
      'virusdetected',
      'smtp.content-rejected',
      '554 5.7.1 Message rejected: Encrypted.Zip attachments are not scanned',
    ],
    [
      'proofpoint-essentials.recipient-marked-invalid',
      550,
      '5.7.1',
      '<someone@example.org>: Recipient address rejected: User email address is marked as invalid.',
      'RCPT TO',
      'userunknown',
      'smtp.recipient-unknown',
      '550 5.7.1 <someone@example.org>: Recipient address rejected: Sender email address is marked as spam.',
      '<someone@example.org>: Recipient address rejected: User email address is marked as invalid',
    ],
    [
      'filter.domain-blacklist',
      551,
      null,
      "Sender is on domain's blacklist",
      'RCPT TO',
      'rejected',
      'reputation.blocked',
      "551 Sender's IP is on a DNS blacklist",
    ],
    [
      'filter.banned-content',
      554,
      null,
      'Rejected due to banned content',
      'end of DATA',
      'policyviolation',
      'smtp.content-rejected',
      '554 Rejected due to spam content',
    ],
  ]),
};

export const GATEWAY_DOC_TABLES: DocTable[] = [SOPHOS_EMAIL, MIMECAST, TREND_MICRO, RECEIVERS_MORE, FILTERS_LISTED, STRATO];
