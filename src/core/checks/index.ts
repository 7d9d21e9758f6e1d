// All live checks of one analysis, started together so that the total time
// is the longest chain of dependent questions, not their sum.

import type { Evidence, Subjects } from '../types';
import type { Lookup } from '../dns/lookup';
import { checkPtr, type PtrCheck } from './ptr';
import { checkHelo, type HeloCheck } from './helo';
import type { SpfCheck } from './spf';
import type { DkimCheck } from './dkim';
import type { MxDomainCheck } from './mx-domain';
import { checkSenderAuthentication, type DmarcCheck } from './dmarc';
import { authIdentities } from '../auth/identities';
import { checkDnsbls, type DnsblCheck, type DnsblSettings } from './dnsbl';
import type { CheckGroup } from '../types';

export interface LiveResults {
  /** False when live checks were off (offline); every check then is inconclusive. */
  enabled: boolean;
  ptr: PtrCheck | null;
  helo: HeloCheck | null;
  /** SPF (RFC 7208), DKIM (RFC 6376), DMARC (RFC 7489) and the sender domain's MX/MTA-STS/TLS-RPT/BIMI. */
  spf: SpfCheck | null;
  dkim: DkimCheck | null;
  dmarc: DmarcCheck | null;
  mxDomain: MxDomainCheck | null;
  /** DNS blocklists (RFC 5782) for the sending IP and the sender's and linked domains. */
  dnsbl: DnsblCheck | null;
}

export async function runLiveChecks(
  subjects: Subjects,
  dns: Lookup,
  enabled: boolean,
  context: {
    evidence?: Evidence;
    now?: () => Date;
    dnsbl?: DnsblSettings;
    /** Told as each group of checks has its answers (for partial reports). */
    settled?: (group: CheckGroup) => void;
  } = {},
): Promise<LiveResults> {
  const ip = subjects.ip?.value ?? null;
  const tell = <T>(group: CheckGroup, p: Promise<T> | T): Promise<T> =>
    Promise.resolve(p).then((r) => {
      context.settled?.(group);
      return r;
    });
  const [ptr, helo, auth, dnsbl] = await Promise.all([
    tell(
      'ptr',
      ip
        ? checkPtr(ip, dns, {
            helo: subjects.helo?.value,
            domain: subjects.mailFromDomain?.value ?? subjects.fromDomain?.value,
          })
        : null,
    ),
    tell('helo', subjects.helo ? checkHelo(subjects.helo.value, ip, dns) : null),
    checkSenderAuthentication(
      authIdentities(context.evidence ?? null, subjects),
      context.evidence ?? null,
      dns,
      context.now ?? (() => new Date()),
      tell,
    ),
    tell('dnsbl', context.evidence ? checkDnsbls(subjects, context.evidence, dns, context.dnsbl) : null),
  ]);
  return { enabled, ptr, helo, ...auth, dnsbl };
}
