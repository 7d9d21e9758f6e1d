// Registrable domains that belong to one receiving organisation. A message
// moving between them (outlook.com → office365.com hosts, google.com →
// gmail.com) has not left the receiver, so the hop that entered it is still
// the one whose IP the receiver judged. One entry per organisation, with the
// public statement of the names it uses.

export interface MailOrganisation {
  name: string;
  domains: string[];
  sources: string[];
}

export const MAIL_ORGANISATIONS: MailOrganisation[] = [
  {
    name: 'Microsoft 365 / Outlook.com',
    domains: ['outlook.com', 'office365.com', 'hotmail.com', 'live.com', 'microsoft.com', 'exchangelabs.com', 'office.com'],
    sources: [
      'https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges (Exchange Online endpoints: *.protection.outlook.com, *.outlook.office365.com)',
    ],
  },
  {
    name: 'Google (Gmail, Workspace)',
    domains: ['google.com', 'gmail.com', 'googlemail.com', '1e100.net'],
    sources: ['https://support.google.com/a/answer/60764 (Google mail servers and their names)'],
  },
  {
    name: 'Yahoo / AOL',
    domains: ['yahoo.com', 'yahoodns.net', 'aol.com', 'yahoo.net'],
    sources: ['https://senders.yahooinc.com/ (Yahoo and AOL share one mail platform)'],
  },
  {
    name: 'Apple iCloud Mail',
    domains: ['icloud.com', 'me.com', 'mac.com', 'apple.com'],
    sources: ['https://support.apple.com/102322 (iCloud Mail server names)'],
  },
];

/** The organisation key of a registrable domain: its group's name, or the domain itself. */
export function organisationOf(domain: string): string {
  const d = domain.toLowerCase();
  return MAIL_ORGANISATIONS.find((o) => o.domains.includes(d))?.name ?? d;
}
