// Dropped files are decoded in the worker: readFileText (bytes → text, .msg →
// its headers), and the page's client asking for it — including a worker that
// dies while a file is being read, which must answer with an error, not hang.
import { describe, expect, it } from 'vitest';
import CFB from 'cfb';
import { readFileText } from '../../../src/worker/read-file';
import { AnalysisClient, type WorkerLike } from '../../../src/worker/client';
import type { WorkerRequest, WorkerResponse } from '../../../src/worker/protocol';

function msgWithHeaders(headers: string): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/__substg1.0_007D001F', Buffer.from(headers, 'utf16le'));
  CFB.utils.cfb_add(cfb, '/__properties_version1.0', Buffer.alloc(32));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

describe('readFileText', () => {
  it('decodes UTF-8 and Latin-1 files like the CLI', async () => {
    expect(await readFileText(new Blob(['Subject: caf\u00e9\n']), 'a.eml')).toEqual({ text: 'Subject: caf\u00e9\n' });
    const latin1 = new Uint8Array([0x53, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    expect(await readFileText(new Blob([latin1]), 'b.log')).toEqual({ text: 'S: caf\u00e9\n' });
  });
  it('gives an Outlook .msg file as its Internet headers', async () => {
    const r = await readFileText(new Blob([msgWithHeaders('From: a@example.org\r\nSubject: x\r\n') as BlobPart]), 'c.msg');
    expect(r).toEqual({ text: 'From: a@example.org\r\nSubject: x\r\n' });
  });
  it.each([
    ['a.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /a\.png looks like a PNG image, not text/],
    ['b.zip', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], /looks like a ZIP archive/],
    ['c.pdf', [...Buffer.from('%PDF-1.7\n%\xe2\xe3\n')], /looks like a PDF document/],
    ['d.jpg', [0xff, 0xd8, 0xff, 0xe0, 0, 16], /looks like a JPEG image/],
    ['e.bin', [...Buffer.from('Subject: x\n'), 0, 1, 2, 3], /looks like a binary file \(it has NUL bytes/],
    ['f.gz', [0x1f, 0x8b, 8, 0], /looks like a gzip archive/],
  ])('refuses a binary file with a message: %s', async (name, bytes, message) => {
    const r = await readFileText(new Blob([new Uint8Array(bytes as number[])]), name as string);
    expect('error' in r && r.error).toMatch(message as RegExp);
    expect('error' in r && r.error).toMatch(/paste its text|save the message as \.eml/);
  });
  it('decodes UTF-16 text with a byte order mark (Windows "Unicode" exports) instead of refusing its NUL bytes', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('Subject: x\n', 'utf16le')]);
    expect(await readFileText(new Blob([le]), 'u.log')).toEqual({ text: 'Subject: x\n' });
  });
  it('text that merely starts with letters of a signature is text', async () => {
    expect(await readFileText(new Blob(['PK is a word\nGIF is too\n']), 'g.txt')).toEqual({ text: 'PK is a word\nGIF is too\n' });
  });
  it('says which file could not be read instead of throwing', async () => {
    const broken = { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
    expect(await readFileText(broken, 'd.eml')).toEqual({ error: 'd.eml could not be read: NotReadableError' });
  });
});

/** A worker stand-in that answers read-file requests with readFileText, or dies. */
function fakeWorker(mode: 'answer' | 'crash'): WorkerLike {
  const listeners: Record<string, ((e: unknown) => void)[]> = {};
  return {
    addEventListener: (type: string, fn: (e: unknown) => void) => void (listeners[type] ??= []).push(fn),
    terminate: () => {},
    postMessage: (req: WorkerRequest) => {
      if (req.type !== 'read-file') return;
      if (mode === 'crash') {
        setTimeout(() => listeners.error?.forEach((fn) => fn({ message: 'out of memory' })));
        return;
      }
      void readFileText(req.file, req.name).then((result) => {
        const msg: WorkerResponse = { type: 'file-text', id: req.id, result };
        listeners.message?.forEach((fn) => fn({ data: msg }));
      });
    },
  } as unknown as WorkerLike;
}

describe('AnalysisClient.readFile', () => {
  it('gets the text back from the worker', async () => {
    const client = new AnalysisClient(() => fakeWorker('answer'));
    expect(await client.readFile(new Blob(['Received: from a\n']), 'e.eml')).toEqual({ text: 'Received: from a\n' });
  });
  it('answers with an error when the worker dies during the read', async () => {
    const client = new AnalysisClient(() => fakeWorker('crash'));
    const r = await client.readFile(new Blob(['x']), 'f.eml');
    expect(r).toMatchObject({ error: expect.stringMatching(/worker stopped: out of memory/) });
  });
});
