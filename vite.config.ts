import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served both by Electron (file/custom scheme) and by the browser-mode host at '/',
// so every asset URL is relative ('./') and nothing is fetched from the network (fonts are bundled).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // one old office PC, one local file: a single big chunk is fine, the warning is noise
    chunkSizeWarningLimit: 4000,
  },
});
