// DKIM selectors that mail providers and signing software use by default.
// A domain's keys live at <selector>._domainkey.<domain> (RFC 6376 §3.6.2.1)
// and DNS cannot list them, so when only a domain is given (no message whose
// DKIM-Signature names its s=), these names are asked. A domain may sign
// with any selector: finding none here says nothing certain, and the check
// says so (never a failure).

export interface CommonSelector {
  selector: string;
  /** Who uses it by default. */
  user: string;
  source: string;
}

export const COMMON_DKIM_SELECTORS: CommonSelector[] = [
  {
    selector: 'google',
    user: 'Google Workspace',
    source: 'https://support.google.com/a/answer/174126 (Google Workspace: the default DKIM prefix selector is "google")',
  },
  {
    selector: 'selector1',
    user: 'Microsoft 365',
    source: 'https://learn.microsoft.com/en-us/defender-office-365/email-authentication-dkim-configure (selector1/selector2 CNAMEs)',
  },
  {
    selector: 'selector2',
    user: 'Microsoft 365 (the key for rotation)',
    source: 'https://learn.microsoft.com/en-us/defender-office-365/email-authentication-dkim-configure (selector1/selector2 CNAMEs)',
  },
  {
    selector: 'k1',
    user: 'Mailchimp (older set-ups)',
    source: 'https://mailchimp.com/help/set-up-email-domain-authentication/ (k1/k2/k3._domainkey CNAMEs to mcsv.net)',
  },
  {
    selector: 'k2',
    user: 'Mailchimp',
    source: 'https://mailchimp.com/help/set-up-email-domain-authentication/ (k1/k2/k3._domainkey CNAMEs to mcsv.net)',
  },
  {
    selector: 'mandrill',
    user: 'Mailchimp Transactional (Mandrill)',
    source: 'https://mailchimp.com/developer/transactional/docs/authentication-delivery/ (mandrill._domainkey)',
  },
  {
    selector: 's1',
    user: 'SendGrid',
    source: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/how-to-set-up-domain-authentication (s1/s2._domainkey CNAMEs)',
  },
  {
    selector: 's2',
    user: 'SendGrid',
    source: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/how-to-set-up-domain-authentication (s1/s2._domainkey CNAMEs)',
  },
  {
    selector: 'mailjet',
    user: 'Mailjet',
    source: 'https://documentation.mailjet.com/hc/en-us/articles/360042412734 (mailjet._domainkey)',
  },
  {
    selector: 'smtp',
    user: 'Mailgun (and many self-hosted set-ups)',
    source: 'https://documentation.mailgun.com/docs/mailgun/user-manual/domains/ (the DKIM record Mailgun shows for a domain)',
  },
  {
    selector: 'zendesk1',
    user: 'Zendesk',
    source: 'https://support.zendesk.com/hc/en-us/articles/4408832543770 (zendesk1/zendesk2._domainkey CNAMEs)',
  },
  {
    selector: 'protonmail',
    user: 'Proton Mail',
    source: 'https://proton.me/support/anti-spoofing-custom-domain (protonmail, protonmail2, protonmail3._domainkey)',
  },
  {
    selector: 'fm1',
    user: 'Fastmail',
    source: 'https://www.fastmail.help/hc/en-us/articles/360060591153 (fm1, fm2, fm3._domainkey CNAMEs)',
  },
  {
    selector: 'sig1',
    user: 'iCloud+ Custom Email Domain',
    source: 'https://support.apple.com/en-us/102374 (sig1._domainkey CNAME)',
  },
  {
    selector: 'mdaemon',
    user: 'MDaemon',
    source: 'https://knowledge.mdaemon.com/configure-dkim-signing (the default selector is "MDaemon")',
  },
  {
    selector: 'default',
    user: 'cPanel, Plesk, opendkim-genkey and MIMEDefang defaults',
    source: 'opendkim-genkey(8) -s (default "default"); Mail::MIMEDefang::DKIM md_dkim_sign $selector (default "default")',
  },
  {
    selector: 'dkim',
    user: 'Rspamd (and mailcow, which uses it)',
    source: 'https://rspamd.com/doc/modules/dkim_signing.html (the default selector is "dkim")',
  },
  {
    selector: 'mail',
    user: 'a common choice in self-hosted set-ups',
    source: 'RFC 6376 §3.1 (selectors are the signer’s choice); a frequent name in OpenDKIM set-up guides',
  },
];
