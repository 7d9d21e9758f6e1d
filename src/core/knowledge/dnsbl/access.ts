// What to do when a blocklist will not answer our resolver: facts about how
// the operators let the public query them, in the words of a fix, each with
// its source. The rule (rules/dnsbl-inconclusive.ts) decides which apply, from
// the registry's flags (dqsZone, refusesPublicResolvers, needsRegistration).

export interface AccessAdvice {
  text: string;
  sources: string[];
}

/** Spamhaus answers 127.255.255.254 (or fails its test points) through public resolvers; a free DQS key works from anywhere. */
export const SPAMHAUS_DQS: AccessAdvice = {
  text: 'Spamhaus refuses queries that come through public resolvers (Cloudflare, Google). Enter a free Spamhaus DQS key in Settings (register at https://www.spamhaus.com/free-trial/free-data-query-service/): queries then go to <key>.zen.dq.spamhaus.net, which answers from anywhere.',
  sources: [
    'https://docs.spamhaus.com/datasets/docs/source/40-real-world-usage/PublicMirrors/MTAs/020-Postfix.html (127.255.255.x error codes)',
    'https://www.spamhaus.com/free-trial/free-data-query-service/',
  ],
};

/** URIBL answers 127.0.0.1 to queries from large public resolvers. */
export const PUBLIC_RESOLVERS_REFUSED: AccessAdvice = {
  text: "Some lists (URIBL) refuse queries from large public resolvers: look the name up on the list's own web page, or choose your own resolver in Settings.",
  sources: ['https://uribl.com/refused.shtml'],
};

/** Barracuda's BRBL answers only resolvers registered with it. */
export const REGISTRATION_NEEDED: AccessAdvice = {
  text: 'Barracuda answers only resolvers registered with it (free): look the IP up at https://www.barracudacentral.org/lookups instead.',
  sources: ['https://www.barracudacentral.org/rbl/how-to-use'],
};
