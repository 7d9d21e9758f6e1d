// The verdict card at the top of the results: the root
// cause in one sentence, who must act, the counts, the IP and domain that
// were judged, and the receiver — all read off the report, so that a
// findings-only permalink (no input) gets the same card.

import type { Rejection, Report } from '../../core/types';
import { isIP, isNonPublicIP } from '../../core/dns/names';
import {
  OWN_LOGIN_NOT_OWNER,
  RECIPIENT_DOMAIN_GONE,
  SPF_RESULT_STATED,
  clientFaultOf,
  mistypedDomain,
  receiverFaultOf,
} from '../../core/knowledge/who-acts';
import { knowledgeById } from '../../core/knowledge/replies';
import { isMailOrganisationHost } from '../../core/knowledge/mail-organisations';
import type { StepView, VerdictView } from './types';
import {
  APPLICATION_RECIPIENT_WORDS,
  CLIENT_NOT_SERVED_WORDS,
  FORWARDER_WORDS,
  GREYLISTED_WORDS,
  LOG_KINDS,
  MESSAGE_WORDS,
  OWN_SENDING_SERVER_WORDS,
  OWN_LOGIN_WORDS,
  OWN_SERVER_WORDS,
  OWN_SPF_UNSTATED_WORDS,
  PARTY_WORDS,
  RECIPIENT_UNKNOWN_WORDS,
  RECIPIENT_MISTYPED_WORDS,
  RECIPIENT_DOMAIN_GONE_WORDS,
  RECEIVER_POLICY_WORDS,
  RECEIVING_SERVER_WORDS,
  REFUSED_SENDER_WORDS,
  STAGE_WORDS,
  clientFaultWords,
  kindWords,
  receiverFaultWords,
  reasonWords,
} from './words';

/**
 * The refusal the ranking starts from: the first whose SMTP stage is known
 * (the same choice as core's analyze(): a reply with a stage says where the
 * dialogue broke), else the first.
 */
export function primaryRejection(r: Report): Rejection | null {
  const list = Array.isArray(r.rejections) ? r.rejections : [];
  return list.find((x) => x.stage !== 'unknown') ?? list[0] ?? null;
}

/**
 * Receivers known by the family of the knowledge entry that explained their
 * words (core/knowledge/replies: ids are "<family>.<entry>"); generic
 * families (dnsbl, tls, connection…) name no receiver.
 */
const RECEIVER_FAMILY: Record<string, string> = {
  gmail: 'Gmail',
  google: 'Google',
  microsoft: 'Microsoft (Outlook.com, Microsoft 365)',
  exchange: 'Microsoft Exchange',
  yahoo: 'Yahoo',
  comcast: 'Comcast',
  gmx: 'GMX',
  tonline: 'T-Online',
  orange: 'Orange',
  mimecast: 'Mimecast',
  proofpoint: 'Proofpoint',
  mdaemon: 'MDaemon',
  postfix: 'Postfix',
  exim: 'Exim',
  sendmail: 'Sendmail',
  cpanel: 'cPanel (Exim)',
};

function receiverOf(r: Report, primary: Rejection | null): string | null {
  if (primary?.remote) return primary.remote;
  const kind = r.inputs?.[0]?.kind;
  const family = primary?.knowledge ? RECEIVER_FAMILY[primary.knowledge.split('.')[0]] : undefined;
  // a server's own log that holds a refusal: that server refused (an inbound session)
  if (primary && kind && LOG_KINDS.has(kind)) return `the server that wrote this log (${family ?? kindWords(kind)})`;
  return family ?? null;
}

/** What a domain or an IP given alone asked to check (Report.target), when the report carries it well-formed. */
function targetOf(r: Report): { domain: string | null; ip: string | null } | null {
  const t = r.target;
  if (!t || typeof t !== 'object') return null;
  const str = (x: unknown) => (typeof x === 'string' && x ? x : null);
  return { domain: str(t.domain), ip: str(t.ip) };
}

function ipOf(r: Report, primary: Rejection | null): string | null {
  return targetOf(r)?.ip ?? primary?.ip ?? r.hops?.find((h) => h?.origin)?.ip ?? r.auth?.spf?.ip ?? null;
}

function domainOf(r: Report): string | null {
  return targetOf(r)?.domain ?? r.auth?.dmarc?.domain ?? r.auth?.spf?.domain ?? null;
}

/**
 * Whose move a problem of a domain or an IP given alone is: the reverse DNS
 * belongs to whoever holds the IP block (RFC 1912 §2.1; the ISP or host, not
 * the domain's DNS host), a listing to the server's operator, the rest to
 * whoever runs the domain's DNS and mail.
 */
function targetActor(first: StepView | null): string | null {
  if (!first) return null;
  if (first.rule.startsWith('ptr.'))
    return 'The owner of the IP block (usually the ISP or hosting provider): only they can set its reverse DNS (PTR)';
  if (first.rule.startsWith('dnsbl.'))
    return "The operator of the server at this IP: remove the listing's cause, then ask the list to delist it";
  return "The domain's administrator: whoever manages its DNS records and mail service";
}

/** The steps whose cause a forwarder's passing the mail on can be (RFC 7208 §1.1.1, RFC 7489 §10.4). */
const FORWARDING_BREAKS = /^(?:spf|dkim|dmarc|arc|bulk|reputation)\.|^smtp\.(?:rate-limited|content-rejected)$/;

/** The steps about the refused message itself (RFC 5322 format, its headers, content, size). */
const MESSAGE_STEPS = /^headers\.|^smtp\.(?:content-rejected|not-compliant|message-too-large)$/;

/** The host a failed connection was to: the remote the report names, or the one its words connect to ("connect to h[ip]:25: …"). */
function connectedHost(primary: Rejection): string | null {
  return primary.remote ?? /\bconnect(?:ion)? to ([A-Za-z0-9][A-Za-z0-9.-]{0,252})\[/i.exec(primary.text)?.[1] ?? null;
}

/** The refusal names a connection to a loopback or private address (LMTP, a content filter): inside the own system. */
function toOwnNetwork(text: string): boolean {
  return [...text.matchAll(/\[([0-9a-fA-F:.]{2,39})\]/g)].some((m) => isIP(m[1]) && isNonPublicIP(m[1]));
}

/**
 * The recipient domain's own mail server refused the connection or could not be routed to (RFC 5321 §5.1:
 * the sending server connects to the hosts the recipient domain names): that server is the recipient
 * side's to bring back. A timeout names no side (an outbound port 25 blocked by the sender's own provider
 * times out to every receiver), so only a refusal or a missing route counts.
 */
function recipientServerUnreachable(primary: Rejection | null, all: Rejection[]): boolean {
  const words = /\bconnection refused\b|\bno route to host\b|\bsocket error code 10061\b/i;
  if (!primary?.recipient || !words.test(primary.text)) return false;
  return namesRecipientHost(primary, all, words);
}

/**
 * The server that answered is a host of the recipient's own domain: the remote named by the report, or
 * Exchange's "<host #5.x.x smtp; …>" wrapper. (A host named in the words is not enough: "not local host
 * <domain>" names the domain the server refuses to relay to.)
 */
function answeredByRecipientHost(primary: Rejection): boolean {
  const domain = primary.recipient?.split('@')[1]?.toLowerCase();
  if (!domain) return false;
  const names = [primary.remote ?? '', ...[...primary.text.matchAll(/<([A-Za-z0-9.-]{1,253}) #\d\.\d/g)].map((m) => m[1])];
  return names.some((n) => {
    const h = n.toLowerCase().replace(/\.$/, '');
    return !!h && !isIP(h) && (h === domain || h.endsWith(`.${domain}`));
  });
}

/** The refusal (or an attempt before it for the same recipient) names a host of the recipient's own domain (not inside an address). */
function namesRecipientHost(primary: Rejection, all: Rejection[], words: RegExp): boolean {
  const domain = primary.recipient?.split('@')[1]?.toLowerCase();
  if (!domain) return false;
  // (the final expiry often names no host; the attempts before it for the same recipient do: Exchange's
  // "LastAttemptedServerName=…")
  const same = [primary, ...all.filter((x) => x !== primary && x.recipient === primary.recipient && words.test(x.text))];
  const names = same.flatMap((x) => [
    x.remote ?? '',
    ...[...x.text.matchAll(/(?<![@A-Za-z0-9.-])[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}/g)].map((m) => m[0]),
  ]);
  return names.some((n) => {
    const h = n.toLowerCase().replace(/\.$/, '');
    return !isIP(h) && (h === domain || h.endsWith(`.${domain}`));
  });
}

/** The refusal is about the recipient's address, and its words say the recipient's domain does not exist or takes no mail. */
function recipientDomainGone(primary: Rejection, first: StepView | null): boolean {
  if (!first || !/^(?:smtp\.recipient-unknown|smtp\.dns-lookup-failed|domain\.mx)$/.test(first.rule)) return false;
  return RECIPIENT_DOMAIN_GONE.test(primary.text);
}

/** The first step is an SPF refusal whose words (the reply's or the paste's evidence lines) do not name the result it refused. */
function spfResultUnstated(primary: Rejection, first: StepView): boolean {
  if (!first.rule.startsWith('spf.')) return false;
  return ![primary.text, ...first.evidence.map((e) => e.text)].some((t) => SPF_RESULT_STATED.test(t));
}

function whoActs(
  primary: Rejection | null,
  first: StepView | null,
  steps: StepView[],
  all: Rejection[] = [],
  ownLog = false,
): string | null {
  // the input's own server refused a client: the reader is the receiving side, whatever the reason
  // the organisation's own device or application refused by its own server as a stranger: the device's
  // settings change (submission on 587 with a login), not the server
  // (the submission step may stand second, after a refusal naming the device's own HELO)
  if (
    first?.rule.startsWith('submission.') ||
    steps.some((s) => s.rule === 'submission.port-25' && (s.status === 'fail' || s.status === 'warn'))
  )
    return PARTY_WORDS.sender;
  // a client's envelope sender refused by the reader's own server: the address is the sender's to fix
  if (primary?.inbound && first?.rule === 'smtp.sender-invalid') {
    // …unless a login of the reader's own server sent as an address it does not own, from outside its network:
    // the server's own sender-login map decides (knowledge/who-acts.ts OWN_LOGIN_NOT_OWNER)
    const ownNetwork = !!primary.ip && isIP(primary.ip) && isNonPublicIP(primary.ip);
    return OWN_LOGIN_NOT_OWNER.test(primary.text) && !ownNetwork ? OWN_LOGIN_WORDS : REFUSED_SENDER_WORDS;
  }
  // a client refused by the reader's own server for its own fault (its HELO, PTR, domain's SPF/DKIM/DMARC,
  // message, an address it wrote to): the server is right, the sender fixes it — unless the client stands
  // inside the reader's own network (a list server, a content filter: then the reader's own system is the
  // client too)
  if (primary?.inbound && first) {
    const fault = clientFaultOf(first.rule, primary.text);
    const ownNetwork = !!primary.ip && isIP(primary.ip) && isNonPublicIP(primary.ip);
    // an SPF refusal that does not say the result was "fail": a "none" refused by the server's own policy
    // looks the same (knowledge/who-acts.ts SPF_RESULT_STATED) — the words give both readings
    if (fault && !ownNetwork && spfResultUnstated(primary, first)) return OWN_SPF_UNSTATED_WORDS;
    if (fault && !ownNetwork) return clientFaultWords(fault.what);
    // the organisation's own program inside its network (groupware, an application container) wrote to an
    // address the server does not have: the address is in that program's data
    if (ownNetwork && first.rule === 'smtp.recipient-unknown') return APPLICATION_RECIPIENT_WORDS;
  }
  if (primary?.inbound) return OWN_SERVER_WORDS;
  // the refusing server's own check at fault, as its words show (it refused what a standard allows, or it
  // loops mail for a domain it is the MX of): that server's administrator mends it
  const receiverFault = primary && first ? receiverFaultOf(first.rule, primary.text, ownLog) : null;
  if (receiverFault) return receiverFaultWords(receiverFault.what);
  // the server that refused is at fault itself (its blocklist lookups, its storage: the knowledge entry says so,
  // or the receiver's DNSBL error step): its administrator mends it, not the sender
  if (primary && (first?.rule === 'smtp.receiver-dnsbl-error' || knowledgeById(primary.knowledge)?.receiverError))
    return RECEIVING_SERVER_WORDS;
  // the reader's client refused by the client rules of the server it sends through (Postfix's plain "Access
  // denied"): logging in, or that server's allowing it, is the answer (knowledge/replies/postfix.ts)
  if (primary?.knowledge === 'postfix.client-access-denied') return CLIENT_NOT_SERVED_WORDS;
  // greylisting elsewhere (RFC 6647): the sending server's retry is the whole answer
  if (first?.rule === 'smtp.greylisted') return GREYLISTED_WORDS;
  // an error inside the reader's own mail system (its configuration, a local service it relies on, a
  // delivery to a loopback or private address: LMTP, a content filter)
  // (while sending — no SMTP dialogue at all: no stage, no receiver named, no reply code, as an Exim
  // transport that cannot expand its options — the reader is the sending side)
  // (a named remote server's own fault — Exchange back pressure at the recipient's server — is that server's side,
  // as its knowledge entry says; the reader's own server only when nothing names another)
  if (first?.rule === 'mta.local-error' && primary?.remote && !isNonPublicIP(primary.remote) && primary.party === 'recipient')
    return PARTY_WORDS.recipient;
  // (no reply at all, no receiver named, not the input's own server answering a client: the sending server's own
  // failure before any dialogue — an Exim transport's options, its next hop's DNS lookup "on connecting")
  // the sending server's own queue status (its DNS lookup of the next hop, its own directory, its SMTP client
  // that has no SASL mechanism for its relay: the knowledge entry says so) — also when the status names the
  // next hop it could not use, which judged nothing; not when the log's own server answered a client
  if (first?.rule === 'mta.local-error' && primary && !primary.inbound && knowledgeById(primary.knowledge)?.ownQueue)
    return OWN_SENDING_SERVER_WORDS;
  if (first?.rule === 'mta.local-error')
    return primary &&
      !primary.remote &&
      primary.code === null &&
      !primary.inbound &&
      !toOwnNetwork(primary.text) &&
      (primary.stage === 'unknown' || primary.stage === 'connect')
      ? OWN_SENDING_SERVER_WORDS
      : OWN_SERVER_WORDS;
  // the refusal says the recipient's domain does not exist or takes no mail (knowledge/who-acts.ts): no recipient's
  // side can restore anything — whoever wrote the address corrects it (also when the own relay said it)
  if (primary && !primary.inbound && primary.stage !== 'mail' && recipientDomainGone(primary, first)) return RECIPIENT_DOMAIN_GONE_WORDS;
  if (primary?.remote && isIP(primary.remote) && isNonPublicIP(primary.remote)) return OWN_SERVER_WORDS;
  // a message a forwarder passed on, refused for what the sending side controls (its IP, HELO, envelope,
  // volume, the message as re-sent) or for the forwarding itself: the forwarder acts; a refusal about the
  // recipient (unknown, full) stays the recipient's, and one about the client's own login to its relay
  // (authentication required, relaying denied) stays with whoever configures that client
  const recipientsSide =
    primary?.party === 'recipient' || !!first?.rule.startsWith('smtp.recipient') || first?.rule === 'smtp.mailbox-full';
  const clientLogin = first?.rule === 'smtp.auth-required' || first?.rule === 'smtp.relay-denied';
  // the reader's own server or program that forwards is the forwarder only for what forwarding changes:
  // the original domain judged at its IP (SPF, DKIM, DMARC), the relayed mail's reputation, volume and
  // content; for anything else (its PTR, HELO, a blocklist, a connection) it is simply the sending server
  const own = primary?.forwarded?.by === 'own';
  const forwardingBreaks = FORWARDING_BREAKS.test(first?.rule ?? '');
  if (((primary?.forwarded && (!own || forwardingBreaks)) || first?.rule.startsWith('forwarding.')) && !recipientsSide && !clientLogin)
    return FORWARDER_WORDS;
  // an application's own error says a recipient it sent to does not exist: the address is in its data
  if (primary?.client && first?.rule === 'smtp.recipient-unknown') return APPLICATION_RECIPIENT_WORDS;
  // a recipient address whose domain cannot be a host name: mistyped, whoever reports it (RFC 1123 §2.1)
  if (
    primary &&
    !primary.inbound &&
    mistypedDomain(primary.recipient) &&
    (first?.rule.startsWith('smtp.recipient') || first?.rule === 'smtp.dns-lookup-failed')
  )
    return RECIPIENT_MISTYPED_WORDS;
  // the receiver refused the message itself (content, format, size): the sender changes what is sent
  if (first && MESSAGE_STEPS.test(first.rule)) return MESSAGE_WORDS;
  // a connection that the MX of a big mailbox organisation (Gmail, Microsoft 365, Yahoo, iCloud) refused or
  // could not be routed to: their inbound hosts always listen on port 25, so the block is on the sending side's
  // network — its provider's or its own firewall's rule on outgoing port 25 (knowledge/mail-organisations.ts)
  if (first?.rule === 'smtp.connection-failed' && primary && !primary.inbound && isMailOrganisationHost(connectedHost(primary)))
    return PARTY_WORDS.sender;
  if (
    first &&
    (first.rule === 'smtp.connection-failed' || first.rule === 'smtp.delivery-expired') &&
    recipientServerUnreachable(primary, all)
  )
    return PARTY_WORDS.recipient;
  // the recipient domain's own server refusing to relay for an address of its own domain (RFC 5321 §3.6.2: a
  // server relays only for domains it does not serve): it no longer serves that address or domain — the
  // address is retired or the server's domain list lost it; only the recipient's side can say which
  if (first?.rule === 'smtp.relay-denied' && primary?.recipient && !primary.inbound && answeredByRecipientHost(primary))
    return PARTY_WORDS.recipient;
  // a receiver's own policy refused the reader's mail elsewhere: the policy is the receiver's to keep, the move
  // the sender's (the verdict names who acts; "the receiver's policy" alone names nobody)
  if (primary?.party === 'receiver-policy') return RECEIVER_POLICY_WORDS;
  // a recipient the receiving server does not have: whether it should exist is more than the paste shows
  // (a retired or mistyped address is the writer's to correct, a mailbox that should be there the recipient
  // side's to restore) — the recipient's side first, as the threads most often found, and the other reading
  if (primary?.party === 'recipient' && first?.rule === 'smtp.recipient-unknown') return RECIPIENT_UNKNOWN_WORDS;
  if (primary && primary.party !== 'unknown') return PARTY_WORDS[primary.party];
  if (!first) return null;
  if (first.rule.startsWith('smtp.recipient') || first.rule === 'smtp.mailbox-full') return PARTY_WORDS.recipient;
  // the live checks and the header rules are about the sending side's DNS and message
  return PARTY_WORDS.sender;
}

/** The paste is a server's own log (the reader runs the server that wrote it). */
function ownLogOf(r: Report): boolean {
  const kind = r.inputs?.[0]?.kind;
  return !!kind && LOG_KINDS.has(kind);
}

function count(steps: StepView[]): VerdictView['counts'] {
  const c = { fail: 0, warn: 0, pass: 0, info: 0, inconclusive: 0, pending: 0 };
  for (const s of steps) c[s.status]++;
  return c;
}

export function verdictOf(r: Report, steps: StepView[]): VerdictView {
  const primary = primaryRejection(r);
  const counts = count(steps);
  const recognised = !!r.inputs?.length && r.inputs.some((i) => i.kind !== 'unknown');
  const first = steps.find((s) => s.status === 'fail' || s.status === 'warn') ?? null;
  const tone: VerdictView['tone'] = !recognised
    ? 'unknown'
    : counts.fail
      ? 'fail'
      : counts.warn
        ? 'warn'
        : counts.pending
          ? 'pending'
          : 'ok';
  let sentence: string;
  if (!recognised) sentence = 'The input was not recognised: nothing was diagnosed.';
  else if (first) sentence = first.title;
  else if (counts.pending) sentence = 'No problem found so far; the live checks are still running.';
  else if (primary) sentence = `Refused ${STAGE_WORDS[primary.stage] ?? ''}: ${reasonWords(primary.reason)}; no check found its cause.`;
  else sentence = counts.inconclusive ? 'No problem found in what could be checked.' : 'No problem found.';
  const said = primary
    ? {
        reply: [primary.code, primary.enhanced].filter(Boolean).join(' '),
        text: primary.text,
        line: primary.line,
        refused: `${primary.hard ? 'Refused' : 'Deferred (temporary)'} ${STAGE_WORDS[primary.stage] ?? STAGE_WORDS.unknown}: ${
          // a failed lookup of the sending server's own next hop (relayhost) is no verdict on the recipient's domain
          first?.rule === 'mta.local-error' && primary.reason === 'hostunknown'
            ? "a DNS lookup of the sending server's own next hop failed (not the recipient's domain)"
            : reasonWords(primary.reason)
        }`,
        reason: primary.reason,
      }
    : null;
  const target = targetOf(r);
  return {
    tone,
    sentence,
    firstKey: first?.key ?? null,
    who: recognised
      ? target
        ? targetActor(first)
        : whoActs(primary, first, steps, Array.isArray(r.rejections) ? r.rejections : [], ownLogOf(r))
      : null,
    counts,
    ip: recognised ? ipOf(r, primary) : null,
    domain: recognised ? domainOf(r) : null,
    checked: !!target,
    receiver: recognised ? receiverOf(r, primary) : null,
    said,
  };
}
