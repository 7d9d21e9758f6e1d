// DMARC, live: the policy of the From domain (or, for a log without the
// message, of the envelope domain), judged against the SPF and DKIM results
// found here, and the report destinations' authorization records.

import type { Evidence } from '../types';
import type { Lookup } from '../dns/lookup';
import type { AuthIdentities } from '../auth/identities';
import {
  checkReportDestinations,
  evaluateDmarc,
  findDmarcRecord,
  type DmarcEvaluation,
  type ReportAuthorization,
} from '../auth/dmarc/evaluate';
import { parseDmarcRecord } from '../auth/dmarc/record';
import { checkSpf, type SpfCheck } from './spf';
import { checkDkim, type DkimCheck } from './dkim';
import { checkMxDomain, type MxDomainCheck } from './mx-domain';
import type { CheckGroup } from '../types';

export interface DmarcCheck {
  domain: string;
  line: number;
  /** True when the From header is known (alignment can be judged). */
  fromKnown: boolean;
  evaluation: DmarcEvaluation;
  reports: ReportAuthorization[];
}

export async function checkDmarc(
  id: AuthIdentities,
  spf: SpfCheck | null,
  dkim: DkimCheck | null,
  dns: Lookup,
): Promise<DmarcCheck | null> {
  const d = id.fromDomain ?? (id.spfDomain?.identity === 'mailfrom' ? id.spfDomain : null);
  if (!d) return null;
  const lookup = await findDmarcRecord(d.value, dns);
  const fromKnown = !!id.fromDomain;
  const spfId = spf?.evaluation && spf.identity === 'mailfrom' ? { domain: spf.domain, result: spf.evaluation.result } : null;
  const dkimIds = (dkim?.verdicts ?? []).filter((v) => v.signature.domain).map((v) => ({ domain: v.signature.domain!, result: v.result }));
  const evaluation = evaluateDmarc(d.value, lookup, fromKnown ? spfId : null, fromKnown ? dkimIds : []);
  // a broken record's report addresses are checked as in its corrected form (the fix publishes that)
  const reportRecord = lookup.repaired ? parseDmarcRecord(lookup.repaired) : lookup.record;
  const reports = reportRecord && lookup.policyDomain ? await checkReportDestinations(lookup.policyDomain, reportRecord, dns) : [];
  return { domain: d.value, line: d.line, fromKnown, evaluation, reports };
}

/** SPF and DKIM at once, then DMARC on their results, and the sender domain's other records. */
export async function checkSenderAuthentication(
  id: AuthIdentities,
  evidence: Evidence | null,
  dns: Lookup,
  now: () => Date,
  tell: <T>(group: CheckGroup, p: Promise<T> | T) => Promise<T> = (_g, p) => Promise.resolve(p),
): Promise<{ spf: SpfCheck | null; dkim: DkimCheck | null; dmarc: DmarcCheck | null; mxDomain: MxDomainCheck | null }> {
  const domain = id.fromDomain?.value ?? (id.spfDomain?.identity === 'mailfrom' ? id.spfDomain.value : null);
  // The DMARC record does not depend on the SPF and DKIM results: ask for it now, beside
  // them. checkDmarc below asks the same questions and Lookup hands it these answers.
  if (domain) findDmarcRecord(domain, dns).catch(() => undefined);
  const [spf, dkim, mxDomain] = await Promise.all([
    // a domain given alone: its record is also walked to the end for a server it does not list
    tell('spf', checkSpf(id, dns, now, { probe: !!evidence?.target?.domain })),
    tell('dkim', checkDkim(evidence, dns, now)),
    tell('mx', domain ? checkMxDomain(domain, dns, { hosts: !!evidence?.target?.domain }) : null),
  ]);
  const dmarc = await tell('dmarc', checkDmarc(id, spf, dkim, dns));
  return { spf, dkim, dmarc, mxDomain };
}
