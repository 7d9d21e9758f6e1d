// Postfix's own refusal texts (smtpd restrictions, postconf(5)): they name the
// restriction that fired, so each points at one checklist rule.

import type { ReplyKnowledge } from './types';

const POSTCONF = 'https://www.postfix.org/postconf.5.html';

export const POSTFIX_REPLIES: ReplyKnowledge[] = [
  {
    id: 'postfix.helo-rejected',
    sender: 'Postfix',
    text: /Helo command rejected: (?:need fully-qualified hostname|Host not found|Invalid name|Malformed DNS server reply)/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'The receiver checks the name the client gives in HELO/EHLO (reject_non_fqdn_helo_hostname, reject_unknown_helo_hostname, reject_invalid_helo_hostname): it must be a fully qualified name, and with the "unknown" check it must resolve in DNS.',
    rules: ['smtp.helo-rejected', 'helo.invalid', 'ptr.missing'],
    fix: [
      "Make the sending server or device introduce itself with its fully qualified DNS name (e.g. mail.example.org) — on Postfix smtp_helo_name, on Exchange the connector's FQDN, on a device its SMTP settings — and make that name resolve to its IP.",
      'If you run this receiving Postfix and the client is your own device that cannot be changed: let it past the HELO checks by its address — add it to mynetworks (when permit_mynetworks comes first in smtpd_helo_restrictions / smtpd_recipient_restrictions) or to a check_client_access table with OK — then postfix reload.',
    ],
    verify: ['dig +short <HELO name> A   (must answer, ideally with the sending IP)'],
    sources: [`${POSTCONF}#reject_non_fqdn_helo_hostname`, `${POSTCONF}#reject_unknown_helo_hostname`],
  },
  {
    id: 'postfix.sender-domain-not-found',
    sender: 'Postfix',
    text: /Sender address rejected: (?:Domain not found|need fully-qualified address|Malformed DNS server reply)/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'The envelope sender (MAIL FROM) has a domain with no MX or A record, or is not a full address (reject_unknown_sender_domain, reject_non_fqdn_sender). Programs often send as root@localhost or an internal host name.',
    rules: ['smtp.sender-invalid'],
    sources: [`${POSTCONF}#reject_unknown_sender_domain`, `${POSTCONF}#reject_non_fqdn_sender`],
  },
  {
    id: 'postfix.sender-login-mismatch',
    sender: 'Postfix',
    text: /Sender address rejected: not (?:logged in|owned by user)/i,
    reason: 'securityerror',
    party: 'sender',
    meaning: 'The client must authenticate as the owner of the sender address (reject_sender_login_mismatch, smtpd_sender_login_maps).',
    rules: ['smtp.auth-required'],
    sources: [`${POSTCONF}#reject_sender_login_mismatch`],
  },
  {
    id: 'postfix.recipient-domain-not-found',
    sender: 'Postfix',
    text: /Recipient address rejected: (?:Domain not found|need fully-qualified address)/i,
    reason: 'hostunknown',
    party: 'recipient',
    meaning: 'The recipient domain has no MX or A record (reject_unknown_recipient_domain).',
    rules: ['smtp.recipient-unknown'],
    sources: [`${POSTCONF}#reject_unknown_recipient_domain`],
  },
  {
    id: 'postfix.unknown-client',
    sender: 'Postfix',
    text: /Client host rejected: cannot find your (?:reverse )?hostname/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      '"cannot find your reverse hostname": the client IP has no PTR record (reject_unknown_reverse_client_hostname). "cannot find your hostname": the PTR is missing, or its name does not resolve back to the IP (reject_unknown_client_hostname, forward-confirmed reverse DNS).',
    rules: ['ptr.missing', 'ptr.mismatch'],
    sources: [`${POSTCONF}#reject_unknown_client_hostname`, `${POSTCONF}#reject_unknown_reverse_client_hostname`],
  },
];
