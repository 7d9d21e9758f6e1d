// Where a setting lives in each mail server and mail service: the paths and
// directive names the checklist's fixes point at, each with its source. A
// rule decides that a setting must change; this says where to change it.
// "{zone}" in a text is filled in by the rule.

export type SettingTopic = 'dnsbl-remove' | 'helo-name' | 'dkim-signing';

export type Product = 'mdaemon' | 'postfix' | 'exim' | 'exchange' | 'microsoft-365' | 'google-workspace' | 'application';

export interface ProductSetting {
  topic: SettingTopic;
  product: Product;
  /** How the product is named in a fix. */
  name: string;
  /** Where the setting is, and what to do there. */
  where: string;
  source: string;
}

export const PRODUCT_SETTINGS: ProductSetting[] = [
  // a blocklist the receiving server queries, to be taken out of its configuration
  {
    topic: 'dnsbl-remove',
    product: 'mdaemon',
    name: 'MDaemon',
    where:
      'On the receiving MDaemon: Security » Security Settings » DNS-BL » Hosts (older versions: Security » DNS-BL » Hosts), select {zone} and click Remove.',
    source: 'https://help.mdaemon.com/MDaemon/en/dns-bl_hosts.html',
  },
  {
    topic: 'dnsbl-remove',
    product: 'postfix',
    name: 'Postfix',
    where:
      'In Postfix\'s main.cf, remove "reject_rbl_client {zone}" from smtpd_*_restrictions and "{zone}" from postscreen_dnsbl_sites, then run "postfix reload".',
    source: 'https://www.postfix.org/postconf.5.html#reject_rbl_client, https://www.postfix.org/postconf.5.html#postscreen_dnsbl_sites',
  },
  {
    topic: 'dnsbl-remove',
    product: 'exim',
    name: 'Exim',
    where: 'In the Exim configuration, remove {zone} from every "dnslists =" condition in the ACLs, then restart Exim.',
    source: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-access_control_lists.html (dnslists)',
  },
  // the name a sending server gives in HELO/EHLO (RFC 5321 §4.1.1.1: its FQDN)
  {
    topic: 'helo-name',
    product: 'postfix',
    name: 'Postfix',
    where: 'smtp_helo_name',
    source: 'https://www.postfix.org/postconf.5.html#smtp_helo_name',
  },
  {
    topic: 'helo-name',
    product: 'exchange',
    name: 'Exchange',
    where: "the send connector's FQDN",
    source: 'https://learn.microsoft.com/powershell/module/exchange/set-sendconnector (-Fqdn)',
  },
  {
    topic: 'helo-name',
    product: 'mdaemon',
    name: 'MDaemon',
    where: "the domain's SMTP/HELO name",
    source: "MDaemon's Domain Manager, Host Name & IP (the domain's SMTP host name)",
  },
  {
    topic: 'helo-name',
    product: 'application',
    name: 'an application',
    where: 'its SMTP client "local host name" setting',
    source: "RFC 5321 §4.1.1.1 (EHLO carries the client's fully qualified domain name)",
  },
  // turning DKIM signing on
  {
    topic: 'dkim-signing',
    product: 'microsoft-365',
    name: 'Microsoft 365',
    where: 'Defender portal » Email authentication » DKIM',
    source: 'https://learn.microsoft.com/en-us/defender-office-365/email-authentication-dkim-configure',
  },
  {
    topic: 'dkim-signing',
    product: 'google-workspace',
    name: 'Google Workspace',
    where: 'Admin console » Gmail » Authenticate email',
    source: 'https://support.google.com/a/answer/174124 (Google: set up DKIM)',
  },
  {
    topic: 'dkim-signing',
    product: 'postfix',
    name: 'Postfix',
    where: 'OpenDKIM',
    source: 'http://www.opendkim.org/',
  },
];

/** Every product's place for a setting, in the table's order. */
export function settingsFor(topic: SettingTopic): ProductSetting[] {
  return PRODUCT_SETTINGS.filter((s) => s.topic === topic);
}

/** One product's place for a setting, with `{zone}` and the like filled in; undefined when the table has none. */
export function settingIn(topic: SettingTopic, product: Product, vars: Record<string, string> = {}): ProductSetting | undefined {
  const s = PRODUCT_SETTINGS.find((x) => x.topic === topic && x.product === product);
  return s && { ...s, where: s.where.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m) };
}

/** "Postfix: smtp_helo_name; Exchange: the send connector's FQDN; …" for a fix that names every product's place. */
export function settingsList(topic: SettingTopic): string {
  return settingsFor(topic)
    .map((s) => `${s.name}: ${s.where}`)
    .join('; ');
}
