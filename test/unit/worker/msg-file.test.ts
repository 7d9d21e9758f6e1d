// .msg files: a Compound File built in the test (cfb, a devDependency) with
// the MAPI properties Outlook writes, read back with the app's reader.
import { describe, expect, it } from 'vitest';
import CFB from 'cfb';
import { msgToText } from '../../../src/worker/msg-file';
import { isMsgFile } from '../../../src/worker/msg-signature';
import { analyze } from '../../../src/core/index';

function msg(props: Record<string, string>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [tag, value] of Object.entries(props)) CFB.utils.cfb_add(cfb, `/__substg1.0_${tag}001F`, Buffer.from(value, 'utf16le'));
  CFB.utils.cfb_add(cfb, '/__properties_version1.0', Buffer.alloc(32));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

const HEADERS = [
  'Received: from mail.sender.example (mail.sender.example [198.51.100.7]) by mx.receiver.example (Postfix) with ESMTPS id 4XyZ; Tue, 4 Mar 2025 10:11:09 +0000',
  'From: Anna <anna@sender.example>',
  'To: bob@receiver.example',
  'Subject: Quarterly report',
  'Date: Tue, 4 Mar 2025 10:11:05 +0000',
  'Message-ID: <a1@sender.example>',
  '',
  '',
].join('\r\n');

describe('.msg files', () => {
  it('recognises the compound file signature', () => {
    expect(isMsgFile(msg({ '0037': 'x' }))).toBe(true);
    expect(isMsgFile(new TextEncoder().encode('Received: from a'))).toBe(false);
  });
  it('gives the transport headers, which analyse as headers', async () => {
    const r = msgToText(msg({ '007D': HEADERS, '0037': 'Quarterly report', '1000': 'body' }));
    expect('text' in r && r.text.startsWith('Received: from mail.sender.example')).toBe(true);
    const report = await analyze((r as { text: string }).text);
    expect(report.inputs[0].kind).toBe('headers');
    expect(report.hops[0]).toMatchObject({ ip: '198.51.100.7', origin: true });
  });
  it('explains a .msg without Internet headers (a draft or a sent item)', () => {
    expect(msgToText(msg({ '0037': 'Draft' }))).toMatchObject({ error: expect.stringMatching(/no Internet headers/) });
  });
  it('a damaged file is an error, not an exception', () => {
    const bytes = msg({ '007D': HEADERS }).slice(0, 600);
    expect(msgToText(bytes)).toMatchObject({ error: expect.stringMatching(/could not be read/) });
  });
});
