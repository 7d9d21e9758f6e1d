// The CLI built for Node (npm run build:cli → dist-cli/mailmedic.mjs, and
// dist-cli/run.mjs which it imports once it has opened the resolver's
// connection; src/cli/main.ts says why): `npm run analyze` compiles
// TypeScript in its own process (tsx), which costs start-up time and about
// 60 MB of memory; the built files do not. Kept out of dist/, which is the
// site. Both end in .mjs: they are ES modules wherever they are copied.

import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'mailmedic.mjs', chunkFileNames: '[name].mjs', format: 'es' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
