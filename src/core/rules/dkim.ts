// dkim.*: the message's DKIM signatures verified now. dkim.missing (the
// message carries no signature), dkim.fail (a signature does not verify, or
// its key is missing or revoked; `pass` when it verifies), dkim.weak-key
// (RSA under 1024 bits is refused, under 2048 is weak), dkim.testing (t=y),
// dkim.legacy (rsa-sha1, draft signatures, l=).

import type { EvidenceItem, Step } from '../types';
import { dnsEvidenceText, inconclusiveStep, type Rule, type RuleContext } from './rule';
import { loggedEvidence, refusalEvidence } from './auth-evidence';
import type { DkimVerdict } from '../auth/dkim/verify';
import { cnameChain } from '../dns/resolver';
import { dkimDelegationOf } from '../knowledge/dkim-delegation';
import { settingsFor, settingsList } from '../knowledge/mta-settings';

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
      const k = v.key;
      if (k?.bits && k.keyType === 'rsa') {
        steps.push({
          rule: 'dkim.weak-key',
          status: k.bits < 1024 ? 'fail' : k.bits < 2048 ? 'warn' : 'pass',
          title: `The DKIM key at ${v.keyName} is RSA ${k.bits} bits${k.bits < 1024 ? ': receivers refuse keys under 1024 bits' : k.bits < 2048 ? ': 2048 bits is recommended' : ''}`,
          evidence: v.keyResponse ? [{ text: dnsEvidenceText(v.keyResponse), line: 0 }] : [],
          fix:
            k.bits < 2048
              ? [
                  `Generate a 2048-bit key under a new selector (e.g. opendkim-genkey -b 2048 -s s2048 -d ${v.signature.domain}), publish it, switch the signer to it, then remove the old key.`,
                ]
              : [],
          verify: [keyCommand(v)],
          sources: ['RFC 8301 §3.2', 'M3AAWG DKIM Key Rotation Best Common Practices (2019)'],
        });
      }
      if (k?.testing)
        steps.push({
          rule: 'dkim.testing',
          status: 'info',
          title: `The DKIM key at ${v.keyName} is marked t=y (testing)`,
          evidence: v.keyResponse ? [{ text: dnsEvidenceText(v.keyResponse), line: 0 }] : [],
          detail: 'Receivers may treat mail signed with a testing key as unsigned. Remove t=y when DKIM works.',
          fix: [`Republish the key at ${v.keyName} without "t=y".`],
          verify: [keyCommand(v)],
          sources: ['RFC 6376 §3.6.1 (t=)'],
        });
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
