// Amazon SES bounce notifications as people paste them (parse/bounce/ses.ts): the whole JSON, or only the part
// that mattered — the poster cut the opening lines, so the object's first member ('"bounce": {') starts the paste
// and the object's own closing brace ends it. Either way the recipient's status and diagnostic are the refusal.
import { describe, expect, it } from 'vitest';
import { readSesNotification } from '../../../src/core/parse/bounce/ses';

const BOUNCE = `"bounce": {
    "bounceType": "Transient",
    "reportingMTA": "dns; amazonses.com",
    "bounceSubType": "General",
    "bouncedRecipients": [
      { "action": "failed", "status": "5.4.4", "emailAddress": "eg@gmail.ocm", "diagnosticCode": "smtp; 550 5.4.4 Invalid domain" }
    ]
  },
  "notificationType": "Bounce"`;

describe('SES bounce notifications', () => {
  it.each([
    ['the whole notification', `{\n  ${BOUNCE}\n}`],
    ['the notification without its opening lines (a fragment ending in the object’s brace)', `\`\`\`\n  ${BOUNCE}\n}\n\`\`\``],
  ])('%s', (_name, text) => {
    const [r] = readSesNotification(text, 1);
    expect(r).toMatchObject({ code: 550, enhanced: '5.4.4', text: 'Invalid domain', recipient: 'eg@gmail.ocm' });
  });

  it.each([
    // failing forms: no object to read — a member list without the closing brace, or words around braces
    ['a fragment cut before its end', `  ${BOUNCE.slice(0, 60)}`],
    ['prose with braces', 'the "bounce" field {is empty} here'],
  ])('nothing read: %s', (_name, text) => {
    expect(readSesNotification(text, 1)).toEqual([]);
  });
});
