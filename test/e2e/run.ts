// npm run test:e2e — runs every browser test file (test/e2e/*.e2e.ts) with
// node's test runner. Needs dist/ (npm run build) and /usr/bin/chromium.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const dir = import.meta.dirname;
const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(exe)) {
  console.error(`Browser tests need Chromium at ${exe} (Debian: apt-get install -y chromium), or set CHROMIUM_PATH.`);
  process.exit(1);
}
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.ts'))
  .map((f) => path.join(dir, f));
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=120000', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
