// The renderer's build, shared by `berth serve` (plain vite) and electron-vite.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// Not import.meta.dirname: electron-vite bundles this config, and that leaves it undefined.
const here = dirname(fileURLToPath(import.meta.url));

export const rendererConfig: UserConfig = {
  root: resolve(here),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(here, 'index.html') },
  },
};

export default defineConfig(rendererConfig);
