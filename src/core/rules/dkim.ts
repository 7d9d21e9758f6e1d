// dkim.*: the message's DKIM signatures verified now. dkim.missing (the
// message carries no signature), dkim.fail (a signature does not verify, or
// its key is missing or revoked; `pass` when it verifies), dkim.weak-key
// (RSA under 1024 bits is refused, under 2048 is weak), dkim.testing (t=y),
// dkim.legacy (rsa-sha1, draft signatures, l=). For a domain given alone,
// its keys at the common selectors (checks/dkim-selectors.ts).

import type { EvidenceItem, Step } from '../types';
import { dnsEvidenceText, inconclusiveStep, type Rule, type RuleContext } from './rule';
import { loggedEvidence, refusalEvidence } from './auth-evidence';
import type { DkimVerdict } from '../auth/dkim/verify';
import { cnameChain } from '../dns/resolver';
import { dkimDelegationOf } from '../knowledge/dkim-delegation';
import { settingsFor, settingsList } from '../knowledge/mta-settings';
import { COMMON_DKIM_SELECTORS } from '../knowledge/dkim-selectors';
import type { DkimKey } from '../auth/dkim/key';
import type { DnsResponse } from '../dns/resolver';
import type { SelectorProbe } from '../checks/dkim-selectors';

const SOURCES = ['RFC 6376 (DKIM)', 'RFC 8301 (DKIM cryptographic algorithm and key usage update)'];

/** The refusal reasons a DKIM problem can cause. */
const EXPLAINS = ['authfailure', 'securityerror', 'spamdetected'];

function keyCommand(v: DkimVerdict): string {
  return `dig +short TXT ${v.keyName ?? '<selector>._domainkey.<domain>'}`;
}

function sigEvidence(v: DkimVerdict): EvidenceItem[] {
  const s = v.signature;
  const ev: EvidenceItem[] = [
    {
      text: `DKIM-Signature d=${s.domain ?? '?'} s=${s.selector ?? '?'} a=${s.a ?? '?'} c=${s.headerCanon}/${s.bodyCanon}${s.bodyLength !== null ? ` l=${s.bodyLength}` : ''}`,
      line: v.line,
    },
  ];
  if (v.keyResponse) ev.push({ text: dnsEvidenceText(v.keyResponse), line: 0 });
  if (v.bodyHash !== 'not-checked')
    ev.push({
      text: `Body hash: ${v.bodyHash === 'match' ? 'matches bh=' : `computed ${v.computedBodyHash}, bh= says ${s.bodyHash}`}`,
      line: 0,
    });
  if (v.headerSignature !== 'not-checked') ev.push({ text: `Header signature: ${v.headerSignature}`, line: 0 });
  return ev;
}

function verdictStep(ctx: RuleContext, v: DkimVerdict, exactBytes: boolean): Step {
  const s = v.signature;
  const who = `d=${s.domain ?? '?'} s=${s.selector ?? '?'}`;
  const evidence = sigEvidence(v);
  const base = { rule: 'dkim.fail', evidence, verify: [keyCommand(v)], sources: SOURCES };
  switch (v.result) {
    case 'pass':
      return {
        ...base,
        status: s.legacyDraft || s.algorithm === 'rsa-sha1' ? 'warn' : 'pass',
        title: `DKIM signature ${who} verifies${s.legacyDraft || s.algorithm === 'rsa-sha1' ? ', but with an algorithm or format receivers no longer accept' : ''}`,
        detail: v.reason,
        fix:
          s.algorithm === 'rsa-sha1' || s.legacyDraft
            ? ['Sign with rsa-sha256 (and a 2048-bit key) in the signing software (OpenDKIM: SignatureAlgorithm rsa-sha256).']
            : [],
      };
    case 'temperror':
      return { ...inconclusiveStep('dkim.fail', `The DKIM key for ${who} could not be fetched`, v.keyResponse), evidence };
    case 'neutral':
      return {
        ...base,
        status: v.unsupported ? 'inconclusive' : 'info',
        title: v.unsupported
          ? `DKIM signature ${who} could not be verified here: ${v.reason}`
          : `DKIM signature ${who}: the header signature verifies; the body hash cannot be checked from headers alone`,
        detail: v.unsupported
          ? 'Run the analysis in a current browser, or with the command-line tool (npm run analyze).'
          : 'Drop the whole message (.eml) to check the body hash too.',
        fix: [],
        retry: v.unsupported ? true : undefined,
      };
    case 'fail': {
      const pasted = !exactBytes;
      const refusals = refusalEvidence(ctx, 'dkim');
      return {
        ...base,
        evidence: [...refusals, ...evidence],
        status: pasted && v.bodyHash === 'mismatch' && !refusals.length ? 'warn' : 'fail',
        title:
          v.bodyHash === 'mismatch'
            ? `DKIM signature ${who} fails: the body hash does not match${pasted ? ' (the message was pasted, which may have altered it)' : ''}`
            : `DKIM signature ${who} fails: ${v.reason}`,
        detail: v.reason,
        fix: pasted
          ? [
              'Drop the original message file (.eml, "Show original" → Download) on the page instead of pasting it: a paste can change line ends, trailing spaces and non-ASCII characters, which breaks the hash.',
              'If it still fails with the file: something changed the message after signing — a footer or disclaimer added by a gateway, a mailing list, an antivirus that rewrote links. Sign after that step, or exclude the message from it.',
            ]
          : [
              'Something changed the message after it was signed: a disclaimer or footer added by a gateway, a mailing list, link rewriting, or re-encoding. Sign at the last server before the Internet, after every step that alters the message.',
              `If the key at ${v.keyName} was replaced, the signer must use the matching private key (compare the public key with the signer's configuration).`,
            ],
      };
    }
    case 'permerror':
    default: {
      const noKey = /no key is published/.test(v.reason);
      const target = v.keyResponse ? cnameChain(v.keyResponse).at(-1) : undefined;
      const provider = target ? dkimDelegationOf(target) : undefined;
      return {
        ...base,
        evidence: [...refusalEvidence(ctx, 'dkim'), ...evidence],
        status: 'fail',
        title: `DKIM signature ${who} cannot be verified: ${v.reason}`,
        detail: 'A signature that cannot be verified counts as no signature (RFC 6376 §6.1: PERMFAIL).',
        sources: [...SOURCES, ...(noKey && provider ? provider.sources : [])],
        fix:
          noKey && target
            ? [
                `${v.keyName} is delegated by CNAME to ${target}${provider ? ` (${provider.provider})` : ''}, which publishes no key: the key is the provider's to publish. Turn DKIM signing on for ${s.domain} at ${provider?.provider ?? 'the provider that owns that name'}, or point the CNAME at the target it shows now.`,
                ...(provider ? [provider.fix] : []),
              ]
            : noKey
              ? [
                  `Publish the public key of selector "${s.selector}" as a TXT record at ${v.keyName}: "v=DKIM1; k=${s.algorithm === 'ed25519-sha256' ? 'ed25519' : 'rsa'}; p=<base64 public key>" (the signing software or mail provider shows it), or make the signer use a selector whose key is published.`,
                ]
              : v.key?.revoked
                ? [
                    `The key at ${v.keyName} is revoked (p= is empty): configure the signer with a current selector and key, and publish that key.`,
                  ]
                : [`Fix what makes the signature or key unusable: ${v.reason}.`],
      };
    }
  }
}

/** dkim.weak-key and dkim.testing for a key read from DNS: its size (RFC 8301 §3.2) and t=y. */
function keySteps(keyName: string, k: DkimKey, response: DnsResponse | null, domain: string): Step[] {
  const steps: Step[] = [];
  const evidence = response ? [{ text: dnsEvidenceText(response), line: 0 }] : [];
  const verify = [`dig +short TXT ${keyName}`];
  if (k.bits && k.keyType === 'rsa') {
    steps.push({
      rule: 'dkim.weak-key',
      status: k.bits < 1024 ? 'fail' : k.bits < 2048 ? 'warn' : 'pass',
      title: `The DKIM key at ${keyName} is RSA ${k.bits} bits${k.bits < 1024 ? ': receivers refuse keys under 1024 bits' : k.bits < 2048 ? ': 2048 bits is recommended' : ''}`,
      evidence,
      fix:
        k.bits < 2048
          ? [
              `Generate a 2048-bit key under a new selector (e.g. opendkim-genkey -b 2048 -s s2048 -d ${domain}), publish it, switch the signer to it, then remove the old key.`,
            ]
          : [],
      verify,
      sources: ['RFC 8301 §3.2', 'M3AAWG DKIM Key Rotation Best Common Practices (2019)'],
    });
  }
  if (k.testing)
    steps.push({
      rule: 'dkim.testing',
      status: 'info',
      title: `The DKIM key at ${keyName} is marked t=y (testing)`,
      evidence,
      detail: 'Receivers may treat mail signed with a testing key as unsigned. Remove t=y when DKIM works.',
      fix: [`Republish the key at ${keyName} without "t=y".`],
      verify,
      sources: ['RFC 6376 §3.6.1 (t=)'],
    });
  return steps;
}

/**
 * A domain given alone (no message, so no DKIM-Signature naming its selector):
 * the keys found at the common selectors, each read as a verifier would.
 * Finding none is a note, never a failure: a domain may sign with any selector.
 */
function selectorSteps(p: SelectorProbe): Step[] {
  const d = p.domain;
  const asked = p.answers.map((a) => a.selector);
  const found = p.wildcard ? [] : p.answers.filter((a) => a.outcome === 'found');
  const failed = p.answers.filter((a) => a.outcome === 'error');
  // a CNAME to a provider whose target holds no key: the delegation is there, the key is not
  const dangling = p.answers.filter((a) => a.outcome === 'none' && a.cname.length);
  const steps: Step[] = [];
  const sources = [...SOURCES, ...new Set(COMMON_DKIM_SELECTORS.map((s) => s.source))];
  const ev = (a: SelectorProbe['answers'][number]) => ({ text: dnsEvidenceText(a.response), line: 0 });
  const where = `${asked.length} selector${asked.length === 1 ? '' : 's'} (${asked.join(', ')})`;
  if (!found.length && failed.length === p.answers.length) {
    steps.push(inconclusiveStep('dkim.missing', `The DKIM keys of ${d} could not be looked up`, failed[0].response));
    return steps;
  }
  if (!found.length) {
    steps.push({
      rule: 'dkim.missing',
      status: failed.length ? 'inconclusive' : 'info',
      title: p.wildcard
        ? `${d} answers every DKIM selector with the same record (a wildcard): its real keys cannot be told from it`
        : `No DKIM key found at the ${asked.length} common selectors of ${d}${failed.length ? ` (${failed.length} could not be asked)` : ''}`,
      evidence: [
        ...(p.wildcard ? [ev(p.answers[0])] : []),
        { text: `Asked: ${p.answers.map((a) => a.name).join(', ')}`, line: 0 },
        ...failed.map(ev),
      ],
      detail: `DNS cannot list a domain's DKIM keys: each sits at <selector>._domainkey.${d}, and the selector is whatever the signer chose (it is in the s= tag of every DKIM-Signature the domain sends). These are the selectors that providers and signing software use by default. A domain may sign with any other, so this is not a failure: paste the headers of a message from ${d} to check the key it really uses.`,
      fix: [
        `If ${d} sends mail, check that its server or provider signs it with DKIM (${settingsList('dkim-signing')}) and that the key is published at <selector>._domainkey.${d}.`,
      ],
      verify: [
        `dig +short TXT <selector>._domainkey.${d}   (the selector is in the s= of the DKIM-Signature header of a message from ${d})`,
      ],
      sources,
      ...(failed.length ? { retry: true } : {}),
    });
  } else {
    steps.push({
      rule: 'dkim.missing',
      status: 'pass',
      title: `${d} publishes DKIM key${found.length > 1 ? 's' : ''} at ${found.map((a) => `${a.selector}._domainkey`).join(', ')}`,
      evidence: found.map(ev),
      detail: `Found among ${where}. A domain may have keys at other selectors too; the DKIM-Signature of a message from ${d} names the one in use (s=).`,
      fix: [],
      verify: found.map((a) => `dig +short TXT ${a.name}`),
      sources,
    });
  }
  for (const a of found) {
    const k = a.key!;
    const provider = a.cname.length ? dkimDelegationOf(a.cname.at(-1)!) : undefined;
    if (a.records > 1)
      steps.push({
        rule: 'dkim.fail',
        status: 'warn',
        title: `${a.name} holds ${a.records} DKIM key records: verifiers may take either one`,
        evidence: [ev(a)],
        detail:
          'RFC 6376 §3.6.2.2: a verifier may use any one of several TXT records at the name, so signatures verify only some of the time.',
        fix: [`Keep one TXT record at ${a.name}: the key that matches the signer's private key.`],
        verify: [`dig +short TXT ${a.name}`],
        sources: ['RFC 6376 §3.6.2.2'],
      });
    if (k.revoked)
      steps.push({
        rule: 'dkim.fail',
        status: 'info',
        title: `The DKIM key at ${a.name} is revoked (p= is empty): mail signed with selector "${a.selector}" fails DKIM`,
        evidence: [ev(a)],
        detail:
          'An empty p= is how a key is withdrawn (RFC 6376 §3.6.1). Fine for a selector no longer used; a signer still using it produces signatures that fail.',
        fix: [`If a server or service still signs with "${a.selector}", give it a current key under a new selector and publish that key.`],
        verify: [`dig +short TXT ${a.name}`],
        sources: ['RFC 6376 §3.6.1 (p=)'],
      });
    else if (k.errors.length)
      steps.push({
        rule: 'dkim.fail',
        status: 'warn',
        title: `The DKIM key at ${a.name} cannot be used: ${k.errors.join('; ')}`,
        evidence: [ev(a)],
        detail: 'Signatures made with this selector fail verification (RFC 6376 §6.1.2: a key record that cannot be read is a PERMFAIL).',
        fix: provider
          ? [provider.fix]
          : [
              `Republish the key as the signing software or provider gives it (one TXT record; a long key split into several quoted strings, with nothing else changed): ${a.name}. IN TXT "v=DKIM1; k=rsa; p=<base64 public key>"`,
            ],
        verify: [`dig +short TXT ${a.name}`],
        sources: [...SOURCES, ...(provider ? provider.sources : [])],
      });
    else steps.push(...keySteps(a.name, k, a.response, d));
  }
  // a selector the input named (a pasted key name) and that holds nothing: the user expects a key there
  for (const a of p.answers.filter((x) => x.named && x.outcome === 'none' && !x.cname.length))
    steps.push({
      rule: 'dkim.fail',
      status: 'warn',
      title: `No DKIM key at ${a.name}`,
      evidence: [ev(a)],
      detail: `Mail signed with selector "${a.selector}" fails DKIM: verifiers find no key to check it with (RFC 6376 §6.1.2).`,
      fix: [
        `Publish the public key of selector "${a.selector}" (the signing software or mail provider shows it), or make the signer use a selector whose key is published: ${a.name}. IN TXT "v=DKIM1; k=rsa; p=<base64 public key>"`,
      ],
      verify: [`dig +short TXT ${a.name}`],
      sources: SOURCES,
    });
  for (const a of dangling) {
    const target = a.cname.at(-1)!;
    const provider = dkimDelegationOf(target);
    steps.push({
      rule: 'dkim.fail',
      status: 'warn',
      title: `${a.name} is delegated by CNAME to ${target}${provider ? ` (${provider.provider})` : ''}, which publishes no key`,
      evidence: [ev(a)],
      detail: `Mail signed with selector "${a.selector}" fails DKIM until the target holds a key. Harmless only if nothing signs with "${a.selector}" (then remove the CNAME).`,
      fix: [
        `Turn DKIM signing on for ${d} at ${provider?.provider ?? 'the provider that owns that name'}, or point the CNAME at the target it shows now.`,
        ...(provider ? [provider.fix] : []),
      ],
      verify: [`dig +short TXT ${a.name}`],
      sources: [...SOURCES, ...(provider ? provider.sources : [])],
    });
  }
  return steps;
}

export const dkimRules: Rule = {
  steps: ['dkim.missing', 'dkim.fail', 'dkim.weak-key', 'dkim.testing', 'dkim.legacy'].map((id) => ({ id, explains: EXPLAINS })),
  reads: ['dkim'],
  sources: SOURCES,
  run(ctx) {
    const c = ctx.live.dkim;
    const logged = loggedEvidence(ctx, 'dkim');
    if (!c)
      return logged.length
        ? [
            {
              rule: 'dkim.fail',
              status: 'info',
              title: 'The receiver logged a DKIM result; paste the message headers to check the signature now',
              evidence: logged,
              fix: [],
              verify: [],
              sources: SOURCES,
            },
          ]
        : [];
    if (c.selectors) return selectorSteps(c.selectors);
    const steps: Step[] = [];
    const from = ctx.subjects.fromDomain?.value;
    if (!c.verdicts.length) {
      const refusals = refusalEvidence(ctx, 'dkim');
      steps.push({
        rule: 'dkim.missing',
        status: refusals.length ? 'fail' : 'warn',
        title: 'The message has no DKIM signature',
        evidence: [...refusals, ...logged, { text: 'No DKIM-Signature header in the message', line: ctx.evidence.message?.firstLine ?? 0 }],
        detail:
          'Gmail, Yahoo and Microsoft require DKIM from bulk senders, and a DKIM signature aligned with the From: domain is what lets mail pass DMARC when it is forwarded (SPF breaks on forwarding).',
        fix: [
          `Turn on DKIM signing for ${from ?? 'the sending domain'} in the mail server or provider (${settingsList('dkim-signing')}), with a 2048-bit key.`,
          `Publish the public key it gives you as TXT at <selector>._domainkey.${from ?? '<domain>'}, and sign with d=${from ?? 'the From: domain'} so that DKIM aligns for DMARC.`,
        ],
        verify: [
          `After sending a new message: its headers show DKIM-Signature: … d=${from ?? '<domain>'} and Authentication-Results: … dkim=pass`,
        ],
        sources: [...settingsFor('dkim-signing').map((s) => s.source), ...SOURCES],
      });
      return steps;
    }
    steps.push({
      rule: 'dkim.missing',
      status: 'pass',
      title: `The message carries ${c.verdicts.length} DKIM signature${c.verdicts.length > 1 ? 's' : ''} (${c.verdicts.map((v) => `d=${v.signature.domain}`).join(', ')})`,
      evidence: c.verdicts.map((v) => ({ text: `DKIM-Signature d=${v.signature.domain} s=${v.signature.selector}`, line: v.line })),
      fix: [],
      verify: [],
      sources: SOURCES,
    });
    for (const v of c.verdicts) {
      const step = verdictStep(ctx, v, c.exactBytes);
      if (logged.length) step.evidence.unshift(...logged);
      steps.push(step);
      if (v.key && v.keyName) steps.push(...keySteps(v.keyName, v.key, v.keyResponse, v.signature.domain ?? ''));
      if (v.signature.bodyLength !== null)
        steps.push({
          rule: 'dkim.legacy',
          status: 'warn',
          title: `DKIM signature d=${v.signature.domain} uses l=${v.signature.bodyLength}: only part of the body is signed`,
          evidence: [{ text: `l=${v.signature.bodyLength}`, line: v.line }],
          detail: 'Anyone can append content to the message without breaking the signature; some receivers distrust such signatures.',
          fix: ['Turn off body-length limits in the signer (OpenDKIM: BodyLengthDB unset).'],
          verify: [],
          sources: ['RFC 6376 §8.2'],
        });
    }
    return steps;
  },
};
