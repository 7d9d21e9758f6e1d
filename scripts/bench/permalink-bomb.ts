// A section of npm run bench (scripts/bench.ts): a "deflate bomb" permalink
// (issue 10, point 6) — a link near the longest fragment accepted whose data
// unpacks to about 1.5 GB — opened in Chromium with the page's codec
// (src/worker/compression.ts, bundled as the app bundles it) and with the
// codec as it was before (the whole input given to DecompressionStream in one
// chunk). Figures: the time until the link is refused, and how much the
// renderer's peak memory (VmHWM) grew. Also the 20,000-step findings link:
// the time until it is refused. Not a test: it prints figures.

import { bundledCodec, decompressInPage, deflateZeros, launchMarked, peakKb } from '../../test/support/bomb';
import { DEFAULT_PERMALINK_LIMITS, decodePermalink, encodePermalink, type SharedState } from '../../src/core/share/permalink';
import { platformCompression } from '../../src/worker/compression';

const BOMB_MB = Number(process.env.BOMB_MB ?? 1450);

/** The codec as it was before issue 10: the data in one chunk through DecompressionStream, the output read and capped. */
const BEFORE = `
globalThis.decompressBefore = async (data, maxBytes) => {
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return size;
    size += value.length;
    if (size > maxBytes) { await reader.cancel(); return null; }
  }
};`;

const data = await deflateZeros(BOMB_MB);
const fragmentChars = 4 + Math.ceil((data.length * 4) / 3);
console.log(
  `deflate bomb: ${(data.length / 1024).toFixed(0)} KB of data (a fragment of ${fragmentChars} characters, limit ${DEFAULT_PERMALINK_LIMITS.maxFragment}) unpacking to ${BOMB_MB} MB; cap ${DEFAULT_PERMALINK_LIMITS.maxJson / 1048576} MB`,
);

const codec = await bundledCodec();

for (const variant of ['before', 'after'] as const) {
  // a fresh browser for each, so that each peak is its own
  const { browser, pid } = await launchMarked(`bench-${variant}`);
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: variant === 'before' ? BEFORE : codec });
  const base = pid ? peakKb(pid) : 0;
  const { ms, refused } = await decompressInPage(
    page,
    data,
    variant === 'before' ? 'decompressBefore' : 'codec',
    DEFAULT_PERMALINK_LIMITS.maxJson,
  );
  if (!refused) throw new Error('the bomb was not refused');
  const grew = pid ? (peakKb(pid) - base) / 1024 : NaN;
  console.log(
    `deflate bomb in Chromium, codec ${variant} the fix: refused in ${ms.toFixed(0)} ms, renderer peak memory +${grew.toFixed(0)} MB`,
  );
  await browser.close();
}

// the 20,000-step findings link: refused by the codec before anything is drawn
const step = { rule: 'smtp.rejected', status: 'fail', title: 't', evidence: [], fix: [], verify: [] };
const report = {
  version: 1,
  inputs: [],
  rejections: [],
  hops: [],
  dns: [],
  warnings: [],
  checklist: Array.from({ length: 20_000 }, (_, i) => ({ ...step, title: `step ${i}` })),
};
const state = { v: 1, mode: 'findings', report, done: [], dns: [], created: '2025-01-01T00:00:00Z' } as unknown as SharedState;
const link = await encodePermalink(state, platformCompression);
const t0 = performance.now();
const r = await decodePermalink(link, platformCompression);
console.log(
  `20,000-step findings link (${link.length} characters): ${r.ok ? 'accepted' : 'refused'} in ${(performance.now() - t0).toFixed(0)} ms${r.ok ? '' : ` — "${r.error}"`}`,
);
