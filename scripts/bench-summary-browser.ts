// npm run bench:summary-browser -- FILE
// The 100 MB case in the real page: Chromium (Debian's, via the e2e harness)
// opens the built app, FILE is chosen in the file input, and the time until
// the summary shows is measured, with how responsive the page stayed (the
// longest gap between animation frames while the worker read the file).
// Needs dist/ (npm run build). Make FILE with: npm run make:large-log -- /tmp/large.log 100

import { statSync } from 'node:fs';
import { startEnv } from '../test/e2e/harness';

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run bench:summary-browser -- FILE');
    process.exit(2);
  }
  const env = await startEnv({ zone: {} });
  try {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    // the longest time between two animation frames = how long the page was unresponsive
    // (a string: tsx would wrap a function with helpers the page does not have)
    await page.evaluate(`(() => {
      window.maxGap = 0;
      let last = performance.now();
      const tick = (t) => { window.maxGap = Math.max(window.maxGap, t - last); last = t; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const t0 = Date.now();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('summary').waitFor({ timeout: 600000 });
    const ms = Date.now() - t0;
    const gap = (await page.evaluate('window.maxGap')) as number;
    const totals = await page.getByTestId('summary-totals').innerText();
    const mb = statSync(file).size / 1048576;
    console.log(`file: ${mb.toFixed(1)} MB`);
    console.log(
      `time to summary in Chromium (file input → summary shown): ${(ms / 1000).toFixed(1)} s, ${(mb / (ms / 1000)).toFixed(1)} MB/s`,
    );
    console.log(`longest frame gap while reading: ${gap.toFixed(0)} ms`);
    console.log(totals);
  } finally {
    await env.close();
  }
}
main();
