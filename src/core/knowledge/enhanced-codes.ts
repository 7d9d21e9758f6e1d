// RFC 3463 enhanced mail system status codes, "class.subject.detail", with
// the sisimai reason each implies when the reply text says nothing more.
// Source: RFC 3463 §3 and the IANA "Enumerated Status Codes" registry;
// reasons after sisimai's Sisimai::SMTP::Status table.

export interface EnhancedCodeInfo {
  code: string;
  meaning: string;
  reason: string;
}

export const ENHANCED_CODES: EnhancedCodeInfo[] = [
  { code: 'X.0.0', meaning: 'Other undefined status', reason: 'undefined' },
  { code: 'X.1.0', meaning: 'Other address status', reason: 'userunknown' },
  { code: 'X.1.1', meaning: 'Bad destination mailbox address', reason: 'userunknown' },
  { code: 'X.1.2', meaning: 'Bad destination system address', reason: 'hostunknown' },
  { code: 'X.1.3', meaning: 'Bad destination mailbox address syntax', reason: 'userunknown' },
  { code: 'X.1.4', meaning: 'Destination mailbox address ambiguous', reason: 'userunknown' },
  { code: 'X.1.6', meaning: 'Destination mailbox has moved, no forwarding address', reason: 'hasmoved' },
  { code: 'X.1.7', meaning: "Bad sender's mailbox address syntax", reason: 'rejected' },
  { code: 'X.1.8', meaning: "Bad sender's system address", reason: 'rejected' },
  { code: 'X.2.0', meaning: 'Other or undefined mailbox status', reason: 'filtered' },
  { code: 'X.2.1', meaning: 'Mailbox disabled, not accepting messages', reason: 'suspend' },
  { code: 'X.2.2', meaning: 'Mailbox full', reason: 'mailboxfull' },
  { code: 'X.2.3', meaning: 'Message length exceeds administrative limit', reason: 'exceedlimit' },
  { code: 'X.2.4', meaning: 'Mailing list expansion problem', reason: 'filtered' },
  { code: 'X.3.0', meaning: 'Other or undefined mail system status', reason: 'systemerror' },
  { code: 'X.3.1', meaning: 'Mail system full', reason: 'systemfull' },
  { code: 'X.3.2', meaning: 'System not accepting network messages', reason: 'notaccept' },
  { code: 'X.3.4', meaning: 'Message too big for system', reason: 'mesgtoobig' },
  { code: 'X.3.5', meaning: 'System incorrectly configured', reason: 'systemerror' },
  { code: 'X.4.0', meaning: 'Other or undefined network or routing status', reason: 'networkerror' },
  { code: 'X.4.1', meaning: 'No answer from host', reason: 'expired' },
  { code: 'X.4.2', meaning: 'Bad connection', reason: 'expired' },
  { code: 'X.4.3', meaning: 'Directory server failure', reason: 'systemerror' },
  { code: 'X.4.4', meaning: 'Unable to route', reason: 'hostunknown' },
  { code: 'X.4.5', meaning: 'Mail system congestion', reason: 'toomanyconn' },
  { code: 'X.4.6', meaning: 'Routing loop detected', reason: 'networkerror' },
  { code: 'X.4.7', meaning: 'Delivery time expired', reason: 'expired' },
  { code: 'X.5.0', meaning: 'Other or undefined protocol status', reason: 'syntaxerror' },
  { code: 'X.5.1', meaning: 'Invalid command', reason: 'syntaxerror' },
  { code: 'X.5.2', meaning: 'Syntax error', reason: 'syntaxerror' },
  { code: 'X.5.3', meaning: 'Too many recipients', reason: 'toomanyconn' },
  { code: 'X.5.4', meaning: 'Invalid command arguments', reason: 'syntaxerror' },
  { code: 'X.6.0', meaning: 'Other or undefined media error', reason: 'contenterror' },
  { code: 'X.6.1', meaning: 'Media not supported', reason: 'contenterror' },
  { code: 'X.6.7', meaning: 'Non-ASCII addresses not permitted (RFC 6531)', reason: 'contenterror' },
  { code: 'X.7.0', meaning: 'Other or undefined security status', reason: 'securityerror' },
  { code: 'X.7.1', meaning: 'Delivery not authorized, message refused', reason: 'rejected' },
  { code: 'X.7.8', meaning: 'Authentication credentials invalid', reason: 'securityerror' },
  { code: 'X.7.9', meaning: 'Authentication mechanism is too weak', reason: 'securityerror' },
  { code: 'X.7.23', meaning: 'SPF validation failed (RFC 7372)', reason: 'authfailure' },
  { code: 'X.7.24', meaning: 'SPF validation error (RFC 7372)', reason: 'authfailure' },
  { code: 'X.7.25', meaning: 'Reverse DNS validation failed (RFC 7372)', reason: 'requireptr' },
  { code: 'X.7.26', meaning: 'Multiple authentication checks failed (RFC 7372)', reason: 'authfailure' },
  { code: 'X.7.27', meaning: 'Sender address has null MX (RFC 7505)', reason: 'notaccept' },
];

export function findEnhancedCode(enhanced: string): EnhancedCodeInfo | undefined {
  const key = 'X.' + enhanced.split('.').slice(1).join('.');
  return ENHANCED_CODES.find((e) => e.code === key);
}
