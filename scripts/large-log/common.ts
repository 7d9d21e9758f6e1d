// What the generators of scripts/make-large-log.ts share: a seeded random
// source (xorshift128+, so that runs are repeatable and the sequence does not
// cycle within a gigabyte), names, addresses and the refusal texts real
// servers send (each with where it was seen), and the interleaving of
// concurrent sessions.

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    // splitmix32 to spread the seed over the state
    const mix = () => {
      seed = (seed + 0x9e3779b9) | 0;
      let z = seed;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
  }
  /** xoshiro128** */
  next(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }
  int(n: number): number {
    return this.next() % n;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() / 4294967296 < p;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export const LOCAL_DOMAINS = ['example.com', 'example.org'];
export const SENDER_DOMAINS = [
  'example.net',
  'shop.example',
  'news.example',
  'partner.example',
  'billing.example',
  'mail.example.info',
  'cloud.example',
  'bank-secure.example',
];
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'info', 'sales', 'noreply'];

export function user(r: Rng): string {
  return `${r.pick(USERS)}${r.int(5000)}`;
}
export function address(r: Rng, domains: readonly string[]): string {
  return `${user(r)}@${r.pick(domains)}`;
}
/** A client from documentation and benchmark ranges (RFC 5737, RFC 2544), with an IPv6 client now and then. */
export function clientIp(r: Rng): string {
  if (r.chance(0.05)) return `2001:db8:${r.int(65536).toString(16)}::${(1 + r.int(65535)).toString(16)}`;
  const net = r.pick(['192.0.2', '198.51.100', '203.0.113', `198.18.${r.int(256)}`, `198.19.${r.int(256)}`]);
  return `${net}.${1 + r.int(254)}`;
}
export function hostOf(r: Rng, ip: string): string {
  // a third have no PTR ("unknown"), the rest a dynamic-looking or a mail name
  const k = r.int(3);
  if (k === 0) return 'unknown';
  if (k === 1) return `${ip.replace(/[.:]/g, '-')}.dyn.example.net`;
  return `mail.${r.pick(SENDER_DOMAINS)}`;
}

/** Remote servers our outbound mail goes to, and what they answer when they refuse. */
export const REMOTES = [
  { host: 'gmail-smtp-in.l.google.com', ip: '142.250.1.26', domain: 'gmail.com' },
  { host: 'outlook-com.olc.protection.outlook.com', ip: '52.101.40.29', domain: 'outlook.com' },
  { host: 'mta6.am0.yahoodns.net', ip: '67.195.204.72', domain: 'yahoo.com' },
  { host: 'mx1.partner.example', ip: '198.51.100.9', domain: 'partner.example' },
  { host: 'mx.greylist.example', ip: '198.51.100.88', domain: 'greylist.example' },
] as const;

export interface Refusal {
  code: number;
  enhanced: string;
  /** The reply's lines (several for a multi-line reply). */
  lines: string[];
  /** The SMTP stage: RCPT, DATA, MAIL… (Postfix's "in reply to X command"). */
  stage: 'MAIL FROM' | 'RCPT TO' | 'end of DATA';
}

/** Remote refusals of our outbound mail, by the remote that sends them (the texts of test/fixtures). */
export function remoteRefusal(r: Rng, remote: (typeof REMOTES)[number], rcpt: string, ourIp: string): Refusal {
  switch (remote.domain) {
    case 'gmail.com':
      return r.chance(0.7)
        ? {
            code: 550,
            enhanced: '5.7.26',
            stage: 'end of DATA',
            lines: [
              'This mail has been blocked because the sender is unauthenticated.',
              'Gmail requires all senders to authenticate with either SPF or DKIM.',
            ],
          }
        : { code: 550, enhanced: '5.1.1', stage: 'RCPT TO', lines: [`The email account that you tried to reach does not exist.`] };
    case 'outlook.com':
      return {
        code: 550,
        enhanced: '5.7.1',
        stage: 'MAIL FROM',
        lines: [
          `Unfortunately, messages from [${ourIp}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).`,
        ],
      };
    case 'yahoo.com':
      return {
        code: 421,
        enhanced: '4.7.0',
        stage: 'MAIL FROM',
        lines: [`[TSS04] Messages from ${ourIp} temporarily deferred due to unexpected volume or user complaints`],
      };
    case 'greylist.example':
      return { code: 450, enhanced: '4.2.0', stage: 'RCPT TO', lines: [`<${rcpt}>: Recipient address rejected: Greylisted`] };
    default:
      return {
        code: 550,
        enhanced: '5.1.1',
        stage: 'RCPT TO',
        lines: [`<${rcpt}>: Recipient address rejected: User unknown in virtual mailbox table`],
      };
  }
}

/** What our own server answers the clients it refuses. */
export function localRefusal(r: Rng, ip: string, rcpt: string): Refusal {
  const k = r.int(10);
  if (k < 4)
    return {
      code: 554,
      enhanced: '5.7.1',
      stage: 'RCPT TO',
      lines: [
        `Service unavailable; Client host [${ip}] blocked using ${r.pick(['zen.spamhaus.org', 'b.barracudacentral.org', 'bl.spamcop.net'])}`,
      ],
    };
  if (k < 8)
    return {
      code: 550,
      enhanced: '5.1.1',
      stage: 'RCPT TO',
      lines: [`<${rcpt}>: Recipient address rejected: User unknown in virtual mailbox table`],
    };
  if (k < 9)
    return { code: 450, enhanced: '4.7.25', stage: 'RCPT TO', lines: [`Client host rejected: cannot find your hostname, [${ip}]`] };
  return { code: 550, enhanced: '5.7.1', stage: 'end of DATA', lines: ['Message content rejected, UCE'] };
}

/**
 * Writes sessions interleaved, as a busy server's log has them: up to
 * `concurrency` sessions run at once and each line comes from one of them,
 * chosen at random, stamped with a clock that only moves forward.
 */
export class Interleaver {
  private active: { lines: ((t: number) => string)[]; at: number }[] = [];
  constructor(
    private readonly r: Rng,
    private readonly concurrency: number,
    private readonly next: () => ((t: number) => string)[],
  ) {}
  /** The next line (the clock in milliseconds advances a little each line). */
  private t = Date.UTC(2026, 2, 4, 0, 0, 0);
  line(): string {
    while (this.active.length < this.concurrency) this.active.push({ lines: this.next(), at: 0 });
    const k = this.r.int(this.active.length);
    const s = this.active[k];
    this.t += this.r.int(40);
    const out = s.lines[s.at++](this.t);
    if (s.at >= s.lines.length) this.active.splice(k, 1);
    return out;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');
/** "Mar  4 00:00:01" (BSD syslog). */
export function syslogTime(t: number): string {
  const d = new Date(t);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}
/** "2026-03-04 00:00:01". */
export function isoSpace(t: number): string {
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}
/** "Wed 2026-03-04 00:00:01.123" (MDaemon). */
export function mdaemonTime(t: number): string {
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]} ${d.toISOString().slice(0, 23).replace('T', ' ')}`;
}
/** "2026-03-04T00:00:01.123Z" (Exchange). */
export function isoZ(t: number): string {
  return new Date(t).toISOString();
}
