// Words of real pastes read by mechanism (issue 11), each with a failing and a passing form.
import { describe, expect, it } from 'vitest';
import { decideReason } from '../../../src/core/reason/engine';
import { clientErrorStage } from '../../../src/core/knowledge/client-errors';
import { readEnhancedCode } from '../../../src/core/knowledge/enhanced-codes';

const reason = (text: string, code: number | null, enhanced: string | null = null, stage = 'rcpt') =>
  decideReason({ code, enhanced, text, stage } as Parameters<typeof decideReason>[0]).reason;

describe("Outlook's translated error box: its error number names the command in any language", () => {
  it.each([
    ["Respuesta del servidor: '550 <a@b.example>... Retransmisión denegada', Puerto: 25, Número de error: 0x800CCC79", 'rcpt'],
    ["Risposta server: '550 x', porta: 25, numero di errore: 0x800CCC79", 'rcpt'],
    ['The message could not be sent because one of the recipients was rejected by\nthe server.', 'rcpt'],
    ["Server Response: '553 sorry', Error Number: 0x800CCC78", 'mail'],
  ])('%s → %s', (text, stage) => expect(clientErrorStage(text)?.stage).toBe(stage));
  it('another error number names no command', () => expect(clientErrorStage('Error Number: 0x800CCC0E')).toBeUndefined());
});

describe('"Relaying denied" as translated boxes quote it', () => {
  it.each([
    '550 <a@b.example>... Retransmisión denegada',
    '550 <a@b.example>... Inoltro negato',
    '550 a@b.example... Retransmissão Negada',
  ])('%s is norelaying', (text) => expect(reason(text, 550)).toBe('norelaying'));
  it('words that say nothing about relaying stay undecided', () =>
    expect(reason('550 <a@b.example>... Retransmisión completada', 550)).not.toBe('norelaying'));
});

describe('a success detail under a failure class is no delivery (RFC 3463 §3.2)', () => {
  it('501 5.1.5 is read by its subject, never "delivered"', () => {
    expect(readEnhancedCode('5.1.5')?.reason).not.toBe('delivered');
    expect(reason('5.1.5 Recipient address reserved by RFC 2606', 501, '5.1.5')).not.toBe('delivered');
  });
  it('2.1.5 is a delivery', () => expect(readEnhancedCode('2.1.5')?.reason).toBe('delivered'));
});

describe("Postfix's TRY_AGAIN is a lookup that failed for now, not a domain that does not exist", () => {
  it('"Host not found, try again" → networkerror', () =>
    expect(
      reason(
        'Host or domain name not found. Name service error for name=mail.example.net type=MX: Host not found, try again',
        null,
        null,
        'connect',
      ),
    ).toBe('networkerror'));
  it('"Host not found" alone → hostunknown', () =>
    expect(
      reason(
        'Host or domain name not found. Name service error for name=nowhere.example.net type=A: Host not found',
        null,
        null,
        'connect',
      ),
    ).toBe('hostunknown'));
});
