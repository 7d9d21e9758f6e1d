// All live checks of one analysis, started together so that the total time
// is the longest chain of dependent questions, not their sum.

import type { Evidence, Subjects } from '../types';
import type { Lookup } from '../dns/lookup';
import { checkPtr, type PtrCheck } from './ptr';
import { checkHelo, type HeloCheck } from './helo';
import { checkSpfRecord, type SpfRecordCheck } from './spf-record';
import { checkDnsbls, type DnsblCheck, type DnsblSettings } from './dnsbl';

export interface LiveResults {
  /** False when live checks were off (offline); every check then is inconclusive. */
  enabled: boolean;
  ptr: PtrCheck | null;
  helo: HeloCheck | null;
  spfRecord: SpfRecordCheck | null;
  dnsbl: DnsblCheck | null;
}

/** What some live checks need besides the subjects. */
export interface LiveCheckInputs {
  evidence?: Evidence;
  dnsbl?: DnsblSettings;
}

export async function runLiveChecks(subjects: Subjects, dns: Lookup, enabled: boolean, inputs: LiveCheckInputs = {}): Promise<LiveResults> {
  const ip = subjects.ip?.value ?? null;
  const spfDomain = subjects.mailFromDomain?.value ?? subjects.fromDomain?.value ?? null;
  const [ptr, helo, spfRecord, dnsbl] = await Promise.all([
    ip ? checkPtr(ip, dns) : null,
    subjects.helo ? checkHelo(subjects.helo.value, ip, dns) : null,
    spfDomain ? checkSpfRecord(spfDomain, dns) : null,
    inputs.evidence ? checkDnsbls(subjects, inputs.evidence, dns, inputs.dnsbl) : null,
  ]);
  return { enabled, ptr, helo, spfRecord, dnsbl };
}
