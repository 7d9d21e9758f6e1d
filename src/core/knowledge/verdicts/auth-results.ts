// What each Authentication-Results result means, per method, restated from
// the RFCs that define them (RFC 8601 §2.7 registers the result names).
// The page shows these beside what the receiver recorded.

export interface AuthResultMeaning {
  method: string;
  result: string;
  meaning: string;
}

const SPF = 'RFC 7208 §2.6 (SPF results)';
const DKIM = 'RFC 8601 §2.7.1 (DKIM results)';
const DMARC = 'RFC 7489 §11.2 (DMARC results)';
const ARC = 'RFC 8617 §4.4 and §5.2 (ARC chain validation status)';
const IPREV = 'RFC 8601 §2.7.3 (iprev results)';
const AUTH = 'RFC 8601 §2.7.4 (SMTP AUTH results)';

export const AUTH_RESULT_SOURCES: Record<string, string> = { spf: SPF, dkim: DKIM, dmarc: DMARC, arc: ARC, iprev: IPREV, auth: AUTH };

export const AUTH_RESULT_MEANINGS: AuthResultMeaning[] = [
  { method: 'spf', result: 'pass', meaning: "The envelope sender's domain authorises the sending IP." },
  { method: 'spf', result: 'fail', meaning: 'The domain says the sending IP is not authorised (-all): receivers may refuse the message.' },
  {
    method: 'spf',
    result: 'softfail',
    meaning: 'The domain says the sending IP is probably not authorised (~all): usually accepted but marked.',
  },
  { method: 'spf', result: 'neutral', meaning: 'The domain makes no statement about the sending IP (?all).' },
  { method: 'spf', result: 'none', meaning: 'No SPF record for the domain (or no domain to check).' },
  { method: 'spf', result: 'temperror', meaning: 'A temporary DNS error while checking; a retry may succeed.' },
  { method: 'spf', result: 'permerror', meaning: "The domain's SPF record is broken (syntax, too many DNS lookups, two records)." },
  { method: 'dkim', result: 'pass', meaning: 'A signature verified with the public key in DNS.' },
  { method: 'dkim', result: 'fail', meaning: 'A signature did not verify: the message changed in transit, or the key does not match.' },
  { method: 'dkim', result: 'none', meaning: 'The message was not signed.' },
  { method: 'dkim', result: 'neutral', meaning: 'A signature could not be judged (e.g. its syntax was wrong).' },
  {
    method: 'dkim',
    result: 'policy',
    meaning: 'A signature verified but the receiver does not accept it (e.g. too short a key, l= in use).',
  },
  { method: 'dkim', result: 'temperror', meaning: 'The key could not be fetched (a temporary DNS error).' },
  { method: 'dkim', result: 'permerror', meaning: 'The signature or its key is unusable (no key record, revoked key, bad tags).' },
  { method: 'dmarc', result: 'pass', meaning: 'SPF or DKIM passed for a domain aligned with the From domain.' },
  {
    method: 'dmarc',
    result: 'fail',
    meaning: "Neither SPF nor DKIM passed for a domain aligned with From; the domain's policy (p=) says what to do.",
  },
  { method: 'dmarc', result: 'none', meaning: 'The From domain publishes no DMARC record.' },
  { method: 'dmarc', result: 'bestguesspass', meaning: '(Microsoft) No DMARC record, but the message would pass if there were one.' },
  { method: 'dmarc', result: 'temperror', meaning: 'A temporary DNS error while fetching the DMARC record.' },
  { method: 'dmarc', result: 'permerror', meaning: "The domain's DMARC record is broken." },
  { method: 'arc', result: 'pass', meaning: 'The ARC chain of the forwarders before the receiver is intact.' },
  { method: 'arc', result: 'fail', meaning: 'The ARC chain is broken: a forwarder changed the message or a seal does not verify.' },
  { method: 'arc', result: 'none', meaning: 'The message carried no ARC chain.' },
  { method: 'iprev', result: 'pass', meaning: "The sending IP's reverse name resolves back to it (forward-confirmed reverse DNS)." },
  { method: 'iprev', result: 'fail', meaning: 'The sending IP has no reverse name, or the name does not resolve back to it.' },
  { method: 'iprev', result: 'temperror', meaning: 'A temporary DNS error during the reverse lookup.' },
  { method: 'iprev', result: 'permerror', meaning: 'The reverse lookup failed permanently.' },
  { method: 'auth', result: 'pass', meaning: 'The client logged in (SMTP AUTH).' },
  { method: 'auth', result: 'fail', meaning: 'The client tried to log in and failed.' },
  { method: 'auth', result: 'none', meaning: 'The client did not log in.' },
];

export function authResultMeaning(method: string, result: string): string | null {
  const m = method.toLowerCase();
  const r = result.toLowerCase();
  return AUTH_RESULT_MEANINGS.find((x) => x.method === m && x.result === r)?.meaning ?? null;
}
