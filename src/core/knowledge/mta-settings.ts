// Where a setting lives in each mail server and mail service: the paths and
// directive names the checklist's fixes point at, each with its source. A
// rule decides that a setting must change; this says where to change it.
// "{zone}" in a text is filled in by the rule.

export type SettingTopic = 'dnsbl-remove' | 'helo-name' | 'dkim-signing' | 'trusted-networks' | 'client-exception';

export type Product = 'mdaemon' | 'postfix' | 'exim' | 'exchange' | 'microsoft-365' | 'google-workspace' | 'application' | 'mailcow';

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
  // a device that cannot log in: the server trusts its fixed address instead (relay without SMTP AUTH)
  {
    topic: 'trusted-networks',
    product: 'postfix',
    name: 'Postfix',
    where: 'add its address to mynetworks in main.cf (permit_mynetworks comes before the client checks), then "postfix reload"',
    source: 'https://www.postfix.org/postconf.5.html#mynetworks',
  },
  {
    topic: 'trusted-networks',
    product: 'mailcow',
    name: 'mailcow',
    where: 'Configuration » Forwarding hosts (or the Postfix mynetworks override)',
    source: 'https://docs.mailcow.email/manual-guides/Postfix/u_e-postfix-trust-networks/',
  },
  {
    topic: 'trusted-networks',
    product: 'exim',
    name: 'Exim',
    where: 'add it to the relay_from_hosts host list',
    source: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-the_default_configuration_file.html (relay_from_hosts)',
  },
  {
    topic: 'trusted-networks',
    product: 'exchange',
    name: 'Exchange',
    where: 'a receive connector for anonymous relay scoped to its address',
    source: 'https://learn.microsoft.com/exchange/mail-flow/connectors/allow-anonymous-relay',
  },
  {
    topic: 'trusted-networks',
    product: 'mdaemon',
    name: 'MDaemon',
    where: 'Security » Security Settings » Trusted Hosts',
    source: 'https://help.mdaemon.com/MDaemon/en/trusted_hosts.html',
  },
  // one trusted sender exempted from the receiving server's client checks (PTR, blocklists, HELO)
  {
    topic: 'client-exception',
    product: 'postfix',
    name: 'Postfix',
    where:
      'a check_client_access table ("<ip> OK") placed before the reject_* checks in smtpd_client_restrictions / smtpd_recipient_restrictions (postscreen: postscreen_access_list)',
    source: 'https://www.postfix.org/postconf.5.html#check_client_access, https://www.postfix.org/postconf.5.html#postscreen_access_list',
  },
  {
    topic: 'client-exception',
    product: 'exim',
    name: 'Exim',
    where: 'an "accept hosts = <ip>" line before the deny conditions of the RCPT ACL',
    source: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-access_control_lists.html',
  },
  {
    topic: 'client-exception',
    product: 'mdaemon',
    name: 'MDaemon',
    where: 'Security » Security Settings » Trusted Hosts, or the DNS-BL White List',
    source: 'https://help.mdaemon.com/MDaemon/en/dns-bl_white_list.html',
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
