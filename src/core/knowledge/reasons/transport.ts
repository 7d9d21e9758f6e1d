// Reasons of the way between the servers: the network and DNS, and the queue
// that gave up. "Expired" is the queue's verdict: it is named by words that
// say the queue time ran out (RFC 3463 §3.5 X.4.7), and, in a final report,
// by a host that never answered; the words of the last error met, when they
// name one, say more (RFC 3463: "the code for the actual problem … should be
// returned rather than this code").

import { phrase as p, type ReasonTable } from './types';

const DEF = (anchor: string) => `https://libsisimai.org/en/reason/#${anchor}`;

export const NETWORK_ERROR: ReasonTable = {
  reason: 'networkerror',
  meaning: 'The message could not reach the receiver: a DNS failure, no route, a mail loop between systems.',
  definition: DEF('networkerror'),
  advice: 'generic.network-error',
  phrases: [],
  weak: [
    p(
      'networkerror.dns',
      /\bhost name lookup failure\b|\bhost not found, try again\b|\b(?:malformed|unexpected) (?:or unexpected )?name server reply\b|\bname server (?:error|timeout|failure)\b|\bDNS (?:error|failure|lookup (?:failed|error))\b|\bdns records for the destination computer could not be found\b|\btemporary (?:DNS|lookup) failure\b|\bSERVFAIL\b|\bunable to resolve route\b|\bunrout(?:e)?able mail domain\b/i,
      'sendmail ("Name server: … host name lookup failure"), Postfix ("Host not found, try again", "Name service error"), Exchange ("DNS records for the destination computer could not be found")',
    ),
    p(
      'networkerror.route',
      /\bno route to host\b|\b(?:host|network) (?:is )?unreachable\b|\bcould not connect and send the mail\b|\bwasn'?t able to establish an SMTP connection\b|\bAlthough I'?m listed as a best-preference MX\b|\blost connection\b|\bconnection (?:lost|closed)\b|\bnetwork error\b/i,
      'qmail-remote.c ("Sorry, I wasn\'t able to establish an SMTP connection"), Postfix ("lost connection with … while …"), errno EHOSTUNREACH',
    ),
    p(
      'networkerror.loop',
      /\b(?:mail|routing|forwarding) loop\b|\btoo many hops\b|\bhop count exceeded\b|\bmessage looping\b|\bloop count exceeded\b|\bprobably in a routing loop\b/i,
      'RFC 3463 §3.5 (X.4.6 "Routing loop detected"); RFC 5321 §6.3 (Received count)',
    ),
  ],
};

export const EXPIRED: ReasonTable = {
  reason: 'expired',
  meaning: 'The sending server kept retrying and gave up when its queue lifetime ran out.',
  definition: DEF('expired'),
  advice: 'generic.expired',
  phrases: [],
  weak: [
    p(
      'expired.queue',
      /\bdelivery (?:time|attempts?) (?:has )?(?:expired|exceeded)\b|\b(?:message|mail|envelope|delivery) (?:has )?expired\b|\bexpired after\b|\bin (?:the )?queue too long\b|\btoo long in (?:the )?queue\b|\bretry time(?:out)? (?:exceeded|not reached for any host after a long failure period)\b|\bhave been failing for a long time\b|\bgiving up on\b|\bnot going to try again\b|\bmaximum (?:queue )?(?:time|retries)\b|\bunable to deliver (?:message )?after (?:multiple retries|\d+)\b|\bwas not reachable within the allowed queue period\b|\bnot been collected after\b|\bcould not find a gateway for\b|\bmessage timed out\b|\bmessage (?:delivery )?timeout\b|\bundeliverable for \d+\b/i,
      'qmail-send.c ("I\'m not going to try again; this message has been in the queue too long"), Exim ("retry timeout exceeded", "all hosts have been failing for a long time"), sendmail, Lotus Domino',
    ),
    p(
      'expired.for-days',
      /\b(?:could not|couldn'?t|cannot|was not|unable to) (?:be )?deliver\w* (?:within|for|in) (?:more than |the last )?\d+ ?(?:hours?|days?|minutes?|h|d)\b|\bcould not deliver for the last\b|\bfailed to deliver to domain\b|\bserver did not respond\b/i,
      'sendmail ("Message could not be delivered for 5 days"), Microsoft ("couldn\'t be delivered … in 2 days"), Domino',
    ),
  ],
};

/**
 * A host that never answered: in a final report the queue gave up waiting for it, and a
 * delay notice reports the time it has waited (expired, as sisimai names it; X.4.1 "No
 * answer from host" is its code); a log's deferral is one attempt (a network error).
 */
export const NO_ANSWER = p(
  'expired.no-answer',
  /\bconnect(?:ion)? (?:to \S{1,255} )?timed out\b|\bconnection timed out\b|\btimed out (?:while )?connecting\b|\btimeout connecting\b|\bdid not accept our requests to connect\b|\bconnection attempt (?:timed out|failed)\b|\bdefer \(110\)|\b(?:host|server) (?:is )?not reachable\b|\bdelivery timeout\b/i,
  'Postfix ("connect to …: Connection timed out"), Exim ("defer (110): Connection timed out"), Microsoft ("did not accept our requests to connect")',
);

/**
 * A host that refused the TCP connection (errno ECONNREFUSED, Winsock 10061): nothing listened
 * on port 25 there. Like a host that never answered, it is expired in a queue's final report
 * and one attempt's network error in a log's deferral.
 */
export const REFUSED_CONNECTION = p(
  'expired.connection-refused',
  /\bconnection refused\b(?! from)|\bWinsock error(?: code)?:? 10061\b|\bsocket error code 10061\b|\bactively refused\b/i,
  'sendmail ("Connection refused by"), Postfix ("connect to …: Connection refused"), Exchange ("Socket error code 10061")',
);

/** RFC 3834 automatic replies, when only the words say so (the headers usually do: parse/bounce). */
export const VACATION_WORDS = p(
  'vacation.away',
  /\bi am (?:away|out of (?:the )?office|on (?:vacation|leave|holiday))\b|\bi will be (?:traveling|travelling|away|out of (?:the )?office)\b|\bi am away until\b|\bout of (?:the )?office\b/i,
  'RFC 3834 auto-replies (vacation(1), Exchange Automatic Replies)',
);
