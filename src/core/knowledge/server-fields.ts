// Header fields that mail servers write, not the author's program: who writes
// each, whether the receiver writes it with its own Received (right below it),
// and whether servers write it long and fold it. One list for the three
// questions the readers ask: which fields a receiver added (a problem in them
// is not the sender's to fix, rules/headers/), which trace fields belong to the
// receiver's hop (mail/read.ts), and which fields' continuations a copy that
// lost its folding shows at column 0 (mail/header-block.ts).

export interface ServerField {
  /** Lowercased field name; a trailing "*" matches every name that starts with the rest. */
  name: string;
  /** Every relay (Received), the sending side (DKIM-Signature), or the receiving side and its filters. */
  writer: 'relay' | 'sender' | 'receiver';
  /** The receiver writes it with its own Received, just below it (Gmail: Received-SPF, Authentication-Results, ARC). */
  trace?: boolean;
  /** Servers write it long and fold it. */
  folds?: boolean;
  source: string;
}

export const SERVER_FIELDS: ServerField[] = [
  { name: 'received', writer: 'relay', folds: true, source: 'RFC 5321 §4.4' },
  { name: 'dkim-signature', writer: 'sender', folds: true, source: 'RFC 6376 §3.5' },
  { name: 'authentication-results*', writer: 'receiver', trace: true, folds: true, source: 'RFC 8601 §5 (added by the receiving ADMD)' },
  { name: 'received-spf*', writer: 'receiver', trace: true, folds: true, source: 'RFC 7208 §9.1' },
  { name: 'arc-seal', writer: 'receiver', trace: true, folds: true, source: 'RFC 8617 §4.1.3 (added by each forwarder)' },
  { name: 'arc-message-signature', writer: 'receiver', trace: true, folds: true, source: 'RFC 8617 §4.1.2' },
  { name: 'arc-authentication-results', writer: 'receiver', trace: true, folds: true, source: 'RFC 8617 §4.1.1' },
  { name: 'arc-*', writer: 'receiver', folds: true, source: 'RFC 8617 §4.1; OpenARC also writes ARC-Filter' },
  {
    name: 'x-received*',
    writer: 'receiver',
    trace: true,
    folds: true,
    source: "Gmail's internal hop (seen under its Received in every message Gmail delivers)",
  },
  { name: 'x-gm-*', writer: 'receiver', source: 'Gmail (X-GM-Message-State, X-Gm-Features)' },
  { name: 'x-google-smtp-source', writer: 'receiver', folds: true, source: "Google's mail servers" },
  { name: 'x-google-*', writer: 'relay', folds: true, source: "Google's mail servers (X-Google-DKIM-Signature, X-Google-Smtp-Source)" },
  {
    name: 'x-forefront-*',
    writer: 'receiver',
    folds: true,
    source: 'https://learn.microsoft.com/en-us/defender-office-365/message-headers-eop-mdo (X-Forefront-Antispam-Report)',
  },
  {
    name: 'x-microsoft-antispam*',
    writer: 'receiver',
    folds: true,
    source:
      'https://learn.microsoft.com/en-us/defender-office-365/message-headers-eop-mdo (X-Microsoft-Antispam, -Mailbox-Delivery, -Message-Info)',
  },
  {
    name: 'x-ms-exchange-*',
    writer: 'receiver',
    folds: true,
    source: 'Exchange Online and Exchange Server transport (X-MS-Exchange-Organization-*)',
  },
  { name: 'x-ms-traffictypediagnostic', writer: 'receiver', folds: true, source: 'Exchange Online transport' },
  { name: 'x-ms-publictraffictype', writer: 'receiver', folds: true, source: 'Exchange Online transport' },
  { name: 'x-ms-office365-filtering*', writer: 'receiver', folds: true, source: 'Exchange Online Protection' },
  { name: 'x-eopattributedmessage', writer: 'receiver', source: 'Exchange Online Protection' },
  // the other X-MS- fields are Exchange's and Outlook's on the sending side too (X-MS-Has-Attach, X-MS-TNEF-Correlator)
  { name: 'x-ms-*', writer: 'relay', folds: true, source: 'Microsoft Exchange and Outlook' },
  { name: 'x-spam-*', writer: 'receiver', folds: true, source: 'SpamAssassin (Mail::SpamAssassin::Conf "add_header") and other filters' },
  { name: 'x-spamd-*', writer: 'receiver', source: 'Rspamd proxy and SpamAssassin spamd front ends' },
  { name: 'x-rspamd-*', writer: 'receiver', source: 'https://rspamd.com/doc/modules/milter_headers.html' },
  { name: 'x-barracuda-*', writer: 'receiver', source: 'Barracuda Email Security Gateway' },
  { name: 'x-virus-*', writer: 'receiver', source: 'ClamAV milters and amavisd-new (X-Virus-Scanned)' },
];

function matches(f: ServerField, name: string): boolean {
  const n = name.toLowerCase();
  return f.name.endsWith('*') ? n.startsWith(f.name.slice(0, -1)) : n === f.name;
}

/** A receiving server or its filter writes this field (Microsoft puts its own at the bottom of the section, not the top). */
export function writtenByReceiver(name: string): boolean {
  return SERVER_FIELDS.some((f) => f.writer === 'receiver' && matches(f, name));
}

/** A trace field the receiver writes just below its own Received. */
export function isReceiverTrace(name: string): boolean {
  return SERVER_FIELDS.some((f) => f.trace && matches(f, name));
}

/** Servers write this field long and fold it: its continuations are what a copy that lost its folding shows at column 0. */
export function serverFolds(name: string): boolean {
  return SERVER_FIELDS.some((f) => f.folds && matches(f, name));
}
