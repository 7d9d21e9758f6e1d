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

/**
 * A host name of one of these organisations' own mail systems (gmail-smtp-in.l.google.com,
 * <tenant>.mail.protection.outlook.com, mta5.am0.yahoodns.net, mx01.mail.icloud.com). Their inbound hosts
 * take mail for millions of domains and always listen on port 25 (each organisation's page above lists
 * them): a TCP connection to one that is refused or cannot be routed says more about the sending network
 * (its provider's or firewall's block on outgoing port 25) than about the receiver.
 */
export function isMailOrganisationHost(host: string | null | undefined): boolean {
  const h = (host ?? '').toLowerCase().replace(/\.$/, '');
  if (!h || !h.includes('.')) return false;
  return MAIL_ORGANISATIONS.some((o) => o.domains.some((d) => h === d || h.endsWith(`.${d}`)));
}
