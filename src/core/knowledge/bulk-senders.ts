// The sender requirements of the large mailbox providers (2024–2025), as data:
// who they are (recipient domains, MX hosts, reply texts), and each rule with
// its source. The rule that reads them is rules/bulk-senders.ts (which also
// finds them in the evidence: bulkReceiversIn).

export type RequirementId = 'spf-or-dkim' | 'spf-and-dkim' | 'dmarc' | 'alignment' | 'ptr' | 'tls' | 'unsubscribe';

export interface BulkRequirement {
  id: RequirementId;
  /** Every sender, or only bulk senders (5,000+ messages a day to the provider). */
  scope: 'all' | 'bulk';
  text: string;
}

export interface BulkReceiver {
  id: 'gmail' | 'yahoo' | 'microsoft';
  name: string;
  /** Recipient domains served by the provider's consumer mail. */
  domains: RegExp;
  /** Host names of its inbound servers, as bounces and logs name them. */
  hosts: RegExp;
  /** Its reply texts. */
  texts: RegExp;
  /** Ids of reply-knowledge entries that only this provider's consumer mail sends. */
  knowledge: RegExp;
  since: string;
  requirements: BulkRequirement[];
  sources: string[];
}

export const BULK_RECEIVERS: BulkReceiver[] = [
  {
    id: 'gmail',
    name: 'Gmail',
    domains: /^(gmail|googlemail)\.com$/i,
    hosts: /(^|\.)(google\.com|googlemail\.com)$|aspmx\.l\.google\.com/i,
    texts: /\bgsmtp\b|support\.google\.com\/mail|Gmail/i,
    knowledge: /^gmail\./,
    since: 'February 2024',
    requirements: [
      { id: 'spf-or-dkim', scope: 'all', text: 'SPF or DKIM passes for the sending domain' },
      { id: 'ptr', scope: 'all', text: 'The sending IP has forward-confirmed reverse DNS (PTR)' },
      { id: 'tls', scope: 'all', text: 'Mail is sent over TLS' },
      { id: 'spf-and-dkim', scope: 'bulk', text: 'Both SPF and DKIM pass' },
      { id: 'dmarc', scope: 'bulk', text: 'The From: domain publishes DMARC (p=none at least)' },
      { id: 'alignment', scope: 'bulk', text: 'The From: domain aligns with the SPF or the DKIM domain (DMARC passes)' },
      { id: 'unsubscribe', scope: 'bulk', text: 'Marketing mail has one-click unsubscribe (List-Unsubscribe-Post, RFC 8058)' },
    ],
    sources: ['https://support.google.com/a/answer/81126 (Gmail: email sender guidelines)'],
  },
  {
    id: 'yahoo',
    name: 'Yahoo and AOL',
    domains: /^(yahoo|ymail|rocketmail|aol|aim)\.[a-z.]+$/i,
    hosts: /yahoodns\.net$|(^|\.)yahoo\.com$|(^|\.)aol\.com$/i,
    texts: /yahoo|senders\.yahooinc\.com/i,
    knowledge: /^yahoo\./,
    since: 'February 2024',
    requirements: [
      { id: 'spf-or-dkim', scope: 'all', text: 'SPF or DKIM passes for the sending domain' },
      { id: 'ptr', scope: 'all', text: 'The sending IP has valid forward and reverse DNS' },
      { id: 'spf-and-dkim', scope: 'bulk', text: 'Both SPF and DKIM pass' },
      { id: 'dmarc', scope: 'bulk', text: 'The From: domain publishes DMARC (p=none at least)' },
      { id: 'alignment', scope: 'bulk', text: 'The From: domain aligns with the SPF or the DKIM domain (DMARC passes)' },
      { id: 'unsubscribe', scope: 'bulk', text: 'Marketing mail has one-click unsubscribe (List-Unsubscribe-Post, RFC 8058)' },
    ],
    sources: ['https://senders.yahooinc.com/best-practices/ (Yahoo sender best practices and requirements)'],
  },
  {
    id: 'microsoft',
    name: 'Outlook.com (Hotmail, Live, MSN)',
    domains: /^(outlook|hotmail|live|msn|passport)\.[a-z.]+$/i,
    // Outlook.com's consumer inbound is *.olc.protection.outlook.com; Microsoft 365
    // tenants receive at *.mail.protection.outlook.com, and the Outlook.com rules
    // do not apply to them (the announcement names Outlook.com, Hotmail, Live).
    hosts: /\.olc\.protection\.outlook\.com$|(^|\.)hotmail\.com$|^(?!.*\.protection\.outlook\.com$)(.*\.)?outlook\.com$/i,
    texts: /5\.7\.515|(?<![\w.-])(hotmail|outlook|live|msn)\.com\b/i,
    // only the consumer-side texts: Microsoft's other texts come from 365 tenants too
    knowledge: /^microsoft\.(5\.7\.515|auth-level)/,
    since: 'May 2025',
    requirements: [
      { id: 'spf-and-dkim', scope: 'bulk', text: 'SPF passes and DKIM passes' },
      { id: 'dmarc', scope: 'bulk', text: 'The From: domain publishes DMARC (p=none at least)' },
      { id: 'alignment', scope: 'bulk', text: 'DMARC passes: the From: domain aligns with SPF or DKIM' },
      { id: 'unsubscribe', scope: 'bulk', text: 'Bulk mail has a working unsubscribe link' },
    ],
    sources: [
      'https://techcommunity.microsoft.com/blog/microsoftdefenderforoffice365blog/strengthening-email-ecosystem-outlook%E2%80%99s-new-requirements-for-high%E2%80%90volume-senders/4399730 (Outlook requirements for high-volume senders, April 2025)',
    ],
  },
];
