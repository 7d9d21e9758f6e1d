// RFC 5322 §3.4 addresses and §3.6.4 Message-IDs, read strictly.
import { describe, expect, it } from 'vitest';
import { dnsDomainOf, parseAddressList } from '../../../src/core/mail/address';
import { checkMessageId } from '../../../src/core/mail/message-id';

describe('parseAddressList', () => {
  it.each([
    ['a@example.org', 1],
    ['"Smith, John" <john@example.org>', 1],
    ['John Smith <john@example.org>, jane@example.org', 2],
    ['=?UTF-8?Q?J=C3=B6rg?= <joerg@example.org>', 1],
    ['undisclosed-recipients:;', 0],
    ['Team: a@example.org, b@example.org;, c@example.org', 3],
    ['"very.(),:;<>[]\\".VERY.\\"very@\\\\ \\"very\\".unusual"@strange.example.com', 1],
    ['john@[192.0.2.1]', 1],
    ['John <john@example.org> (work)', 1],
  ])('valid: %s', (value, count) => {
    const r = parseAddressList(value);
    expect(r.problems).toEqual([]);
    expect(r.mailboxes).toHaveLength(count);
  });
  it.each([
    ['Smith, John <john@example.org>', /comma must be in quotes/, '"Smith, John" <john@example.org>'],
    ['John Smith john@example.org', /without angle brackets/, '"John Smith" <john@example.org>'],
    ['<john@example.org', /not closed/, undefined],
    ['john.@example.org', /starts or ends with a dot/, undefined],
    ['john..smith@example.org', /two dots/, undefined],
    ['john@exa_mple.org', /not a valid host name/, undefined],
    ['john@example.org.', /ends with a dot/, 'john@example.org'],
    ['john', /no "@"/, undefined],
    ['<>', /empty/, undefined],
  ])('invalid: %s', (value, problem, fix) => {
    const r = parseAddressList(value);
    expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(r.problems.map((p) => p.text).join(' | ')).toMatch(problem);
    if (fix) expect(r.problems.map((p) => p.fix)).toContain(fix);
  });
  it.each([
    ['J. Smith <j@example.org>', /unquoted "\."/],
    ['jörg@bücher.example', /SMTPUTF8|A-label/],
    ['root@localhost', /not a fully qualified/],
    ['"=?UTF-8?B?SsO2cmc=?=" <j@example.org>', /inside quotes/],
  ])('warned: %s', (value, problem) => {
    const r = parseAddressList(value);
    expect(r.problems.every((p) => p.severity === 'warn')).toBe(true);
    expect(r.problems.map((p) => p.text).join(' | ')).toMatch(problem);
  });
  it('gives the A-label of an IDN domain', () => {
    expect(parseAddressList('info@bücher.example').problems[0].fix).toBe('info@xn--bcher-kva.example');
  });
  it('groups are errors in From:', () => {
    expect(parseAddressList('Team: a@example.org;', false).problems[0].text).toMatch(/group/);
  });
});

describe('checkMessageId', () => {
  it.each(['<20250304.1234@mail.example.org>', '<abc.def@[192.0.2.1]>', ' <x@y> (comment)'])('valid: %s', (v) => {
    expect(checkMessageId(v)).toBeNull();
  });
  it.each([
    ['20250304.1234@mail.example.org', /angle brackets/],
    ['<20250304.1234>', /no "@"/],
    ['<a b@example.org>', /single/],
    ['<a@b@example.org>', /single/],
    ['<a..b@example.org>', /left part/],
  ])('invalid: %s', (v, problem) => {
    expect(checkMessageId(v)).toMatch(problem);
  });
  it('UTF-8 is valid only in a message sent with SMTPUTF8 (RFC 6532 §3.2)', () => {
    expect(checkMessageId('<1@bücher.example>')).toMatch(/non-ASCII/);
    expect(checkMessageId('<1@bücher.example>', true)).toBeNull();
  });
});

describe('dnsDomainOf', () => {
  it.each([
    ['jörg@bücher.example', 'xn--bcher-kva.example'],
    ['<a@Example.ORG.>', 'example.org'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['sender.example', 'sender.example'],
    ['no-domain@', null],
  ])('%s → %s', (v, want) => expect(dnsDomainOf(v)).toBe(want));
});
