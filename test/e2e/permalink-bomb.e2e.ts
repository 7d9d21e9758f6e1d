// A "deflate bomb" link (issue 10, point 6): data of about 200 KB that unpacks
// to 200 MB. The page's codec must refuse it as it streams — slice by slice,
// stopping when the output passes the cap — without the renderer's memory
// growing by the unpacked size (given in one chunk, Chromium's
// DecompressionStream unpacked everything first: +1.4 GB for a 2 MB link).
// Memory, not time, is checked (npm run bench -- permalink-bomb times it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { bundledCodec, decompressInPage, deflateZeros, launchMarked, peakKb } from '../support/bomb';
import { DEFAULT_PERMALINK_LIMITS } from '../../src/core/share/permalink';

let browser: Browser;
let pid: number | undefined;

before(async () => {
  ({ browser, pid } = await launchMarked('bomb-test'));
});
after(() => browser?.close());

describe('a deflate bomb in a link', () => {
  it('is refused as it streams, without the renderer holding the unpacked data', async () => {
    const data = await deflateZeros(200);
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: await bundledCodec() });
    assert.ok(pid, 'the browser process was found');
    const base = peakKb(pid);
    const r = await decompressInPage(page, data, 'codec', DEFAULT_PERMALINK_LIMITS.maxJson);
    const grewMb = (peakKb(pid) - base) / 1024;
    assert.equal(r.refused, true);
    assert.ok(grewMb < 100, `the renderer's peak memory grew by ${grewMb.toFixed(0)} MB while refusing a 200 MB bomb`);
  });
});
