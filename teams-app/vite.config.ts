import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { firstLoadChunks, precomputedThemes } from './build/firstLoad.ts';
import { griffelAot } from './build/griffelAot.ts';
import { precacheServiceWorker } from './build/precache-plugin.ts';
import { precompress } from './build/precompress-plugin.ts';

// Resolved from this file, so the build works whatever directory it is started from.
const root = fileURLToPath(new URL('.', import.meta.url));
const src = fileURLToPath(new URL('./src/', import.meta.url));
const ownCode = (id: string) => id.startsWith(src) && !/\.test\.tsx?$/.test(id);
const firstLoad = firstLoadChunks({
  entry: '/src/main.tsx',
  view: '/src/views/sidePanel/SidePanel.tsx',
});

export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    griffelAot({ include: ownCode }),
    precomputedThemes({ include: (id) => id.startsWith(`${src}theme/themes/`) }),
    firstLoad.plugin,
    precacheServiceWorker(),
    // .gz and .br copies of scripts and styles, which the server sends as they are.
    precompress(),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    emptyOutDir: true,
    // The manifest lets us (and the server) see which chunks each route needs.
    manifest: true,
    sourcemap: false,
    // Teams runs in Chromium-based webviews, which support modulepreload natively.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: { groups: firstLoad.groups },
      },
    },
  },
});
