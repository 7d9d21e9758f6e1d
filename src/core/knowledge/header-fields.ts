// Where each common header field is defined, and what it is for in a few
// words: the "all headers" table links each field to its specification.

export interface HeaderFieldKnowledge {
  /** Lowercased name; a trailing "*" matches a prefix. */
  name: string;
  meaning: string;
  /** The defining document. */
  source: string;
}

const R5322 = (s: string) => `https://www.rfc-editor.org/rfc/rfc5322#section-${s}`;

export const HEADER_FIELDS: HeaderFieldKnowledge[] = [
  {
    name: 'received',
    meaning: 'A relay that handled the message: from, by, with, id, for, date.',
    source: 'https://www.rfc-editor.org/rfc/rfc5321#section-4.4',
  },
  { name: 'return-path', meaning: 'The envelope sender (MAIL FROM), written at final delivery.', source: R5322('3.6.7') },
  {
    name: 'delivered-to',
    meaning: 'The mailbox the message was delivered to (Postfix, Gmail and others).',
    source: 'https://www.rfc-editor.org/rfc/rfc9228',
  },
  {
    name: 'x-original-to',
    meaning: 'The recipient address before alias expansion (Postfix).',
    source: 'https://www.postfix.org/postconf.5.html#enable_original_recipient',
  },
  {
    name: 'authentication-results',
    meaning: 'The SPF, DKIM, DMARC… results a receiver recorded.',
    source: 'https://www.rfc-editor.org/rfc/rfc8601',
  },
  { name: 'received-spf', meaning: 'The SPF result a receiver recorded.', source: 'https://www.rfc-editor.org/rfc/rfc7208#section-9.1' },
  { name: 'dkim-signature', meaning: 'A DKIM signature over the message.', source: 'https://www.rfc-editor.org/rfc/rfc6376#section-3.5' },
  {
    name: 'arc-seal',
    meaning: "ARC: a forwarder's seal over the ARC chain.",
    source: 'https://www.rfc-editor.org/rfc/rfc8617#section-4.1.3',
  },
  {
    name: 'arc-message-signature',
    meaning: "ARC: a forwarder's signature over the message.",
    source: 'https://www.rfc-editor.org/rfc/rfc8617#section-4.1.2',
  },
  {
    name: 'arc-authentication-results',
    meaning: 'ARC: the authentication results a forwarder saw.',
    source: 'https://www.rfc-editor.org/rfc/rfc8617#section-4.1.1',
  },
  { name: 'from', meaning: 'The author(s).', source: R5322('3.6.2') },
  { name: 'sender', meaning: 'The mailbox that sent the message, when not the author.', source: R5322('3.6.2') },
  { name: 'reply-to', meaning: 'Where replies should go.', source: R5322('3.6.2') },
  { name: 'to', meaning: 'The primary recipients.', source: R5322('3.6.3') },
  { name: 'cc', meaning: 'Copied recipients.', source: R5322('3.6.3') },
  { name: 'bcc', meaning: 'Blind-copied recipients.', source: R5322('3.6.3') },
  { name: 'date', meaning: 'When the author sent it.', source: R5322('3.6.1') },
  { name: 'subject', meaning: 'The topic.', source: R5322('3.6.5') },
  { name: 'message-id', meaning: 'A unique identifier of this message.', source: R5322('3.6.4') },
  { name: 'in-reply-to', meaning: 'The Message-ID(s) this replies to.', source: R5322('3.6.4') },
  { name: 'references', meaning: 'The Message-IDs of the thread.', source: R5322('3.6.4') },
  { name: 'comments', meaning: 'Free-text comments on the message.', source: R5322('3.6.5') },
  { name: 'keywords', meaning: 'Keywords of the message.', source: R5322('3.6.5') },
  { name: 'resent-*', meaning: 'Fields added when a message is re-sent (redirected).', source: R5322('3.6.6') },
  { name: 'mime-version', meaning: 'The message uses MIME (always 1.0).', source: 'https://www.rfc-editor.org/rfc/rfc2045#section-4' },
  {
    name: 'content-type',
    meaning: 'The media type of the body (text/plain, multipart/…).',
    source: 'https://www.rfc-editor.org/rfc/rfc2045#section-5',
  },
  {
    name: 'content-transfer-encoding',
    meaning: 'How the body is encoded for transport (7bit, base64, quoted-printable…).',
    source: 'https://www.rfc-editor.org/rfc/rfc2045#section-6',
  },
  {
    name: 'content-disposition',
    meaning: 'Whether a part is shown inline or is an attachment, and its file name.',
    source: 'https://www.rfc-editor.org/rfc/rfc2183',
  },
  { name: 'content-language', meaning: 'The language of the content.', source: 'https://www.rfc-editor.org/rfc/rfc3282' },
  {
    name: 'list-unsubscribe',
    meaning: 'How to unsubscribe from the list (mailto or https).',
    source: 'https://www.rfc-editor.org/rfc/rfc2369',
  },
  {
    name: 'list-unsubscribe-post',
    meaning: 'One-click unsubscribe (List-Unsubscribe=One-Click).',
    source: 'https://www.rfc-editor.org/rfc/rfc8058',
  },
  { name: 'list-id', meaning: 'The mailing list the message came through.', source: 'https://www.rfc-editor.org/rfc/rfc2919' },
  { name: 'list-*', meaning: 'Mailing list information (help, post, owner, archive).', source: 'https://www.rfc-editor.org/rfc/rfc2369' },
  {
    name: 'precedence',
    meaning: 'Bulk or list mail marker (non-standard; auto-responders honour it).',
    source: 'https://www.rfc-editor.org/rfc/rfc3834#section-3.1.8',
  },
  {
    name: 'auto-submitted',
    meaning: 'The message was generated automatically (auto-replied, auto-generated).',
    source: 'https://www.rfc-editor.org/rfc/rfc3834#section-5',
  },
  {
    name: 'feedback-id',
    meaning: "A bulk sender's campaign identifier for Gmail's feedback loop.",
    source: 'https://support.google.com/a/answer/6254652',
  },
  {
    name: 'bimi-selector',
    meaning: 'Which BIMI record (brand logo) to use.',
    source: 'https://datatracker.ietf.org/doc/draft-brand-indicators-for-message-identification/',
  },
  {
    name: 'tls-required',
    meaning: 'Whether the sender allows delivery without TLS ("No").',
    source: 'https://www.rfc-editor.org/rfc/rfc8689',
  },
  {
    name: 'x-originating-ip',
    meaning: 'The IP of the client that submitted the message (webmail, Exchange).',
    source: 'https://en.wikipedia.org/wiki/X-Originating-IP',
  },
  {
    name: 'x-mailer',
    meaning: 'The program that wrote the message (non-standard).',
    source: 'https://www.rfc-editor.org/rfc/rfc4021#section-2.1.63',
  },
  { name: 'user-agent', meaning: 'The program that wrote the message (non-standard).', source: 'https://www.rfc-editor.org/rfc/rfc4021' },
  {
    name: 'thread-index',
    meaning: "Outlook's conversation thread marker.",
    source: 'https://learn.microsoft.com/openspecs/exchange_server_protocols/ms-oxomsg',
  },
  {
    name: 'thread-topic',
    meaning: "Outlook's conversation topic.",
    source: 'https://learn.microsoft.com/openspecs/exchange_server_protocols/ms-oxomsg',
  },
  {
    name: 'x-forefront-antispam-report',
    meaning: 'Microsoft 365 anti-spam verdicts (see Spam filter verdicts).',
    source: 'https://learn.microsoft.com/defender-office-365/message-headers-eop-mdo',
  },
  {
    name: 'x-microsoft-antispam*',
    meaning: 'Microsoft 365 anti-spam data (BCL, mailbox delivery).',
    source: 'https://learn.microsoft.com/defender-office-365/message-headers-eop-mdo',
  },
  {
    name: 'x-ms-exchange-organization-*',
    meaning: 'Exchange internal processing stamps.',
    source: 'https://learn.microsoft.com/exchange/antispam-and-antimalware/antispam-protection/antispam-stamps',
  },
  {
    name: 'x-spam-*',
    meaning: 'Spam filter results (SpamAssassin and others).',
    source: 'https://spamassassin.apache.org/full/3.4.x/doc/Mail_SpamAssassin_Conf.html',
  },
];

export function findHeaderField(name: string): HeaderFieldKnowledge | undefined {
  const n = name.toLowerCase();
  return HEADER_FIELDS.find((h) => h.name === n) ?? HEADER_FIELDS.find((h) => h.name.endsWith('*') && n.startsWith(h.name.slice(0, -1)));
}

/**
 * Fields that only a delivery status report's blocks have (RFC 3464 §2.2, §2.3), never a message's
 * header section: a block that holds one is a bounce's content pasted, not a message's headers.
 * (Original-Recipient is not among them: Oracle Messaging Server writes it into the headers of
 * the messages it delivers, its notices included.)
 */
export const DSN_ONLY_FIELD =
  /^(?:Final-Recipient|Remote-MTA|Diagnostic-Code|Reporting-MTA|Received-From-MTA|Last-Attempt-Date|Will-Retry-Until|Final-Log-ID)$/i;
