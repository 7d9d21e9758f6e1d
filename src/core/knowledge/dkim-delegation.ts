// Providers that host a customer's DKIM key behind a CNAME: the customer
// publishes `<selector>._domainkey.<domain> CNAME <name at the provider>` and
// the provider publishes (and rotates) the key there. When the target has no
// key, the fix is at the provider — turn signing on for the domain, or copy the
// target it shows now — not a TXT record the customer writes by hand.
// rules/dkim.ts uses these when a key lookup followed a CNAME.

export interface DkimDelegation {
  id: string;
  provider: string;
  /** Matched against the CNAME target (lowercase, no trailing dot). */
  target: RegExp;
  /** Where the provider turns DKIM on and shows the CNAME targets. */
  fix: string;
  sources: string[];
}

export const DKIM_DELEGATIONS: DkimDelegation[] = [
  {
    id: 'microsoft365',
    provider: 'Microsoft 365',
    // selector1-<domain-with-dashes>._domainkey.<tenant>.onmicrosoft.com (older tenants), or
    // …._domainkey.<tenant>.<letter>-v1.dkim.mail.microsoft (since 2025)
    target: /\.onmicrosoft\.com$|\.dkim\.mail\.microsoft$/,
    fix: 'Microsoft 365: Defender portal » Email & collaboration » Policies & rules » Threat policies » Email authentication settings » DKIM: select the domain and turn on "Sign messages for this domain with DKIM signatures" (PowerShell: Set-DkimSigningConfig -Identity <domain> -Enabled $true). The page shows the two CNAME targets to publish; if they differ from the ones in DNS, publish those.',
    sources: ['https://learn.microsoft.com/en-us/defender-office-365/email-authentication-dkim-configure'],
  },
  {
    id: 'sendgrid',
    provider: 'SendGrid',
    target: /\.sendgrid\.net$/,
    fix: 'SendGrid: Settings » Sender Authentication » Domain Authentication: verify the domain (s1/s2._domainkey CNAMEs to sNNN.domainkey.uNNN.wl.sendgrid.net); if it is not verified, SendGrid publishes no key there.',
    sources: ['https://www.twilio.com/docs/sendgrid/ui/account-and-settings/how-to-set-up-domain-authentication'],
  },
  {
    id: 'mailchimp',
    provider: 'Mailchimp',
    target: /\.mcsv\.net$|\.mailchimpapp\.net$/,
    fix: 'Mailchimp: Website » Domains: authenticate the domain (k2/k3._domainkey CNAMEs to dkim2/dkim3.mcsv.net) and copy the CNAMEs it shows.',
    sources: ['https://mailchimp.com/help/set-up-email-domain-authentication/'],
  },
  {
    id: 'amazon-ses',
    provider: 'Amazon SES',
    target: /\.dkim\.amazonses\.com$/,
    fix: 'Amazon SES: Verified identities » the domain » Authentication: Easy DKIM shows the three CNAME targets; publish exactly those (the tokens change if the identity is recreated).',
    sources: ['https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html'],
  },
  {
    id: 'hubspot',
    provider: 'HubSpot',
    target: /\.hubspotemail\.net$/,
    fix: 'HubSpot: Settings » Content » Domains & URLs » Email sending domains: connect the domain and publish the DKIM CNAMEs it shows.',
    sources: ['https://knowledge.hubspot.com/marketing-email/manage-email-authentication-in-hubspot'],
  },
];

export function dkimDelegationOf(target: string): DkimDelegation | undefined {
  const t = target.toLowerCase().replace(/\.$/, '');
  return DKIM_DELEGATIONS.find((d) => d.target.test(t));
}
