// What makes a PTR name look generic or dynamic: names that ISPs give whole
// ranges of end-user addresses. Receivers score or refuse mail from them,
// because a real mail server has a name of its own (mail.example.org).
// Each hint is data with its source; rules/ptr-generic.ts applies them.

export interface GenericHint {
  id: string;
  /** Matched against each label of the name (lowercase), or against the whole name when `whole`. */
  pattern: RegExp;
  whole?: boolean;
  meaning: string;
  sources: string[];
}

const SA_DYNRDNS = 'https://github.com/apache/spamassassin/blob/trunk/rules/20_dynrdns.cf (SpamAssassin RDNS_DYNAMIC patterns)';
const DRAFT =
  'draft-msullivan-dnsop-generic-naming-schemes-00 (Suggested Generic DNS Naming Schemes for Large Networks and Unassigned hosts)';
const M3AAWG =
  "https://www.m3aawg.org/sites/default/files/m3aawg-managing-smtp-reverse-dns-2018-03.pdf (M3AAWG: a mail server's PTR names the server, not the address)";
const ABUSIX_POLICY = 'https://docs.abusix.com/ami-production-zones/policy (Abusix lists "hosts with generic rDNS")';

/** Keywords ISPs use for end-user ranges, one label or a label's prefix. */
export const GENERIC_HINTS: GenericHint[] = [
  { id: 'dsl', pattern: /^(?:a|v|x|s)?dsl|dsl(?:-|\d|$)/, meaning: 'a DSL line', sources: [SA_DYNRDNS, DRAFT] },
  { id: 'dyn', pattern: /^dyn(?:amic)?(?:ip)?(?:-|\d|$)|^dynip/, meaning: 'a dynamic address', sources: [SA_DYNRDNS, DRAFT] },
  { id: 'dhcp', pattern: /^dhcp/, meaning: 'a DHCP-assigned address', sources: [SA_DYNRDNS, DRAFT] },
  { id: 'pool', pattern: /^(?:ip)?pool|pool(?:-|\d|$)/, meaning: 'an address pool', sources: [SA_DYNRDNS, DRAFT] },
  {
    id: 'cable',
    pattern: /^cable|^cm\d|^cpe(?:-|\d|$)|^hfc/,
    meaning: 'a cable modem or customer premises equipment',
    sources: [SA_DYNRDNS, DRAFT],
  },
  {
    id: 'dial',
    pattern: /^dial(?:up|in)?(?:-|\d|$)|^ppp(?:oe)?(?:-|\d|$)/,
    meaning: 'a dial-up or PPP(oE) session',
    sources: [SA_DYNRDNS, DRAFT],
  },
  { id: 'broadband', pattern: /^(?:broadband|bb|bband)(?:-|\d|$)/, meaning: 'a broadband customer', sources: [SA_DYNRDNS] },
  {
    id: 'residential',
    pattern: /^(?:res|resid|residential|home|user|users|client|clients|cust|customer|subscriber|sub)(?:-|\d|$)/,
    meaning: 'a residential or customer address',
    sources: [SA_DYNRDNS, DRAFT],
  },
  { id: 'fiber', pattern: /^(?:ftth|fttx|fttc|fibre|fiber|gpon)(?:-|\d|$)/, meaning: 'a fibre customer line', sources: [DRAFT] },
  {
    id: 'mobile',
    pattern: /^(?:mobile|wireless|wifi|wlan|lte|umts|3g|4g|5g|gprs)(?:-|\d|$)/,
    meaning: 'a mobile or wireless customer',
    sources: [DRAFT],
  },
  {
    id: 'unassigned',
    pattern: /^(?:unassigned|unknown|unused|not-?assigned|no-?reverse|noptr|reverse|rev|in-?addr|ip-?addr|addr|host|static|ip)(?:-?\d)/,
    meaning: 'a placeholder name for an address',
    sources: [DRAFT, M3AAWG],
  },
  { id: 'cloud', pattern: /^ec2-\d/, meaning: "a cloud provider's default instance name", sources: [M3AAWG] },
];

/**
 * Does the name carry the IP's own digits (e.g. 1-2-3-4.isp.net,
 * host4.3.2.1.isp.net, 01020304.isp.net, c0a80101.isp.net)? That is the
 * commonest sign of a name made for a whole range (SpamAssassin's
 * RDNS_DYNAMIC, Abusix policy list, the draft above).
 */
export function hasIpDigits(name: string, ip: string): boolean {
  const o = ip.split('.');
  if (o.length !== 4) return ipv6Digits(name, ip);
  const n = name.toLowerCase();
  const sep = '[-._x]?';
  const forms = [o, [...o].reverse()].map((parts) => parts.join(sep));
  if (forms.some((f) => new RegExp(`(^|[^0-9])${f}([^0-9]|$)`).test(n))) return true;
  const padded = o.map((x) => x.padStart(3, '0')).join('');
  const hex = o.map((x) => Number(x).toString(16).padStart(2, '0')).join('');
  return n.includes(padded) || new RegExp(`(^|[^0-9a-f])${hex}([^0-9a-f]|$)`).test(n);
}

/** IPv6: the last two groups of the address, in hex, appear in the name. */
function ipv6Digits(name: string, ip: string): boolean {
  const groups = ip.toLowerCase().split(':').filter(Boolean);
  if (groups.length < 2) return false;
  const tail = groups.slice(-2).join('[-.:]?');
  return new RegExp(tail).test(name.toLowerCase());
}

export const GENERIC_SOURCES = [SA_DYNRDNS, DRAFT, M3AAWG, ABUSIX_POLICY];
