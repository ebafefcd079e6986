import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * The playground is bundled from the library's own TypeScript sources (src/, grammar/), not
 * from a copy: `@engine` and `@grammar` point at them. Nothing is loaded from a CDN.
 */
export default defineConfig({
  root,
  base: './',
  resolve: {
    alias: {
      '@engine': `${repo}src`,
      '@grammar': `${repo}grammar`,
      '@examples': `${repo}examples`,
    },
  },
  server: { fs: { allow: [repo] } },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  preview: { host: '127.0.0.1' },
});
