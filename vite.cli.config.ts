// The CLI as one JavaScript file for Node (npm run build:cli → dist-cli/mailmedic.mjs):
// `npm run analyze` compiles TypeScript in its own process (tsx), which costs
// start-up time and about 60 MB of memory; the built file does not. Kept out
// of dist/, which is the site.

import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'mailmedic.mjs', format: 'es' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
