// Addresses as bytes for CIDR comparison (RFC 7208 §5.6, §5.3), and the
// dotted forms the "i" and "c" macros need (§7.3). Built on core's own IP
// parser (dns/names.ts).

import { formatIPv6, isIPv4, normalizeIP, parseIPv6 } from '../../dns/names';

/** 4 bytes for IPv4, 16 for IPv6; IPv4-mapped IPv6 counts as IPv4 (§5). */
export function ipBytes(ip: string): Uint8Array | null {
  const n = normalizeIP(ip);
  if (!n) return null;
  if (isIPv4(n)) return Uint8Array.from(n.split('.').map(Number));
  const g = parseIPv6(n);
  if (!g) return null;
  const out = new Uint8Array(16);
  g.forEach((x, i) => {
    out[2 * i] = x >> 8;
    out[2 * i + 1] = x & 255;
  });
  return out;
}

/** Whether `ip` lies in `network`/`bits`; addresses of different families never match. */
export function inNetwork(ip: Uint8Array, network: Uint8Array, bits: number): boolean {
  if (ip.length !== network.length) return false;
  let left = bits;
  for (let i = 0; i < ip.length && left > 0; i++, left -= 8) {
    const mask = left >= 8 ? 0xff : (0xff << (8 - left)) & 0xff;
    if ((ip[i] & mask) !== (network[i] & mask)) return false;
  }
  return true;
}

/** %{i}: dotted quad, or 32 dot-separated nibbles for IPv6 (§7.3). */
export function dottedIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  return Array.from(bytes)
    .flatMap((b) => [b >> 4, b & 15])
    .map((n) => n.toString(16))
    .join('.');
}

/** %{c}: the readable form (RFC 5952 for IPv6). */
export function readableIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  return formatIPv6(groups);
}
