// Requests the site's Content-Security-Policy blocked. A
// deployment that sends the header (README "Deploying") lists the default
// resolvers in connect-src; a resolver the user added in Settings whose
// origin it does not list is blocked by the browser before any request is
// made, and the DoH transport sees only a failed fetch. The violation event
// says why, so the report can tell the user instead of failing silently.

/** Origins whose requests were blocked since the last `takeCspWarning()`. */
const blocked = new Set<string>();

export function watchCsp(scope: {
  addEventListener(type: 'securitypolicyviolation', fn: (e: SecurityPolicyViolationEvent) => void): void;
}): void {
  scope.addEventListener('securitypolicyviolation', (e) => {
    if (!/^connect-src/.test(e.effectiveDirective || e.violatedDirective)) return;
    try {
      blocked.add(new URL(e.blockedURI).origin);
    } catch {
      blocked.add(e.blockedURI);
    }
  });
}

/**
 * The warning for the requests blocked since the last call, or null. Chromium
 * dispatches the violation events after the failed fetches have settled (a
 * task queued later), so when some DNS questions failed the events are
 * waited for a moment before the answer is given.
 */
export async function takeCspWarning(someFailed: boolean): Promise<string | null> {
  for (let waited = 0; someFailed && !blocked.size && waited < 300; waited += 25) await new Promise((r) => setTimeout(r, 25));
  if (!blocked.size) return null;
  const origins = [...blocked];
  blocked.clear();
  return `This site's Content-Security-Policy blocked the DNS requests to ${origins.join(', ')}, so the checks that needed them could not be made. Whoever runs this copy of Mailmedic must add ${origins.length === 1 ? 'that origin' : 'those origins'} to connect-src (README, "Deploying"); or choose one of the default resolvers in Settings.`;
}
