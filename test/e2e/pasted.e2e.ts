// What administrators really paste (issue 11): a bounce a colleague forwarded
// from a German Outlook, the forward block in German, the server's reply
// wrapped by the mail client at 72 columns and quoted with "> " — pasted into
// the page, read as a bounce, with the refusal's own first step.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checklist, pasteAndAnalyze, startEnv, type Env } from './harness';

let env: Env;
before(async () => {
  env = await startEnv({ zone: {} });
});
after(() => env?.close());

// Written for this test (no real person's mail): the shape of Outlook's German
// forward ("Von:/Gesendet:/An:/Betreff:") around Exchange's German NDR, whose
// "Remote Server returned" line the forwarding client wrapped and quoted.
const FORWARDED = [
  'Hallo Thomas,',
  '',
  'kannst du dir das bitte anschauen? Die Mail an den Kunden kommt nicht an.',
  '',
  'Gruß',
  'Anna',
  '',
  '-----Ursprüngliche Nachricht-----',
  'Von: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@firma-muster.de>',
  'Gesendet: Mittwoch, 2. Dezember 2026 14:07',
  'An: Anna Berger <anna.berger@firma-muster.de>',
  'Betreff: Unzustellbar: Angebot 2026-118',
  '',
  '> Die Nachricht konnte nicht an die folgenden Empfänger oder Gruppen',
  '> zugestellt werden:',
  '>',
  '> j.weber@kunde-beispiel.de',
  '> Die E-Mail-Adresse, die Sie eingegeben haben, wurde nicht gefunden.',
  '>',
  '> Diagnoseinformationen für Administratoren:',
  '>',
  '> Generierender Server: MAIL01.firma-muster.local',
  '>',
  '> j.weber@kunde-beispiel.de',
  "> Remote Server returned '550 5.1.1 <j.weber@kunde-beispiel.de>: Recipient",
  "> address rejected: User unknown in virtual mailbox table'",
  '>',
  '> Ursprüngliche Nachrichtenkopfzeilen:',
  '>',
  '> From: Anna Berger <anna.berger@firma-muster.de>',
  '> To: "j.weber@kunde-beispiel.de" <j.weber@kunde-beispiel.de>',
  '> Subject: Angebot 2026-118',
  '> Date: Wed, 2 Dec 2026 13:07:41 +0000',
  '> Message-ID: <AM0PR10MB2345.EURPRD10.PROD.OUTLOOK.COM@firma-muster.de>',
].join('\n');

describe('a forwarded, wrapped, non-English bounce pasted into the page', () => {
  it('is read as a bounce; the first step is the refusal’s cause (the recipient does not exist), naming the recipient', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, FORWARDED);
    assert.match(await page.getByTestId('input-summary').innerText(), /Read as: Bounce message/);
    const steps = await checklist(page);
    const problems = steps.filter(([, status]) => status === 'fail' || status === 'warn');
    assert.equal(problems[0]?.[0], 'smtp.recipient-unknown', JSON.stringify(steps));
    assert.match(
      await page.locator('ol.checklist > li[data-rule="smtp.recipient-unknown"]').first().innerText(),
      /j\.weber@kunde-beispiel\.de/,
    );
    await page.context().close();
  });
});
