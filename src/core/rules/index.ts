// Every rule, in no particular order (ranking orders the steps). A new rule
// is one module and one line here.

import type { Rule } from './rule';
import { rejectionRule } from './rejection';
import { dnsblDefunct } from './dnsbl-defunct';
import { ptrMismatch, ptrMissing } from './ptr';
import { heloInvalid } from './helo';
import { spfRules } from './spf';
import { dkimRules } from './dkim';
import { dmarcRules } from './dmarc';
import { bulkSenderRules, senderDomainRecords } from './bulk-senders';
import { HEADER_RULES } from './headers';
import { dnsblListed } from './dnsbl-listed';
import { dnsblInconclusive } from './dnsbl-inconclusive';
import { ptrGeneric } from './ptr-generic';
import { recordedChecks } from './recorded';

export const RULES: Rule[] = [
  rejectionRule,
  dnsblDefunct,
  ptrMissing,
  ptrMismatch,
  heloInvalid,
  spfRules,
  dkimRules,
  dmarcRules,
  bulkSenderRules,
  senderDomainRecords,
  ...HEADER_RULES,
  dnsblListed,
  dnsblInconclusive,
  ptrGeneric,
  recordedChecks,
];
