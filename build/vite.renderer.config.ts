// Builds the renderer once for both transports: Electron loads dist/renderer from disk and the
// browser-mode host serves the same files, so paths are relative (base './') and the CSP lives in
// index.html itself rather than in a server header only one of them would send.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import postcssSimpleVars from 'postcss-simple-vars';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './csp.ts';
import { compressAssets } from './compress-assets.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const CSP_PLACEHOLDER = '%PRIVACY_DESK_CSP%';

// The built files are shared by both modes and build/csp.ts gives them the same directives; the hosts
// also send the policy as a header (which adds frame-ancestors, ignored in a meta tag).
// The dev server needs inline scripts for React refresh, so there the tag is dropped instead.
function injectCsp(): Plugin {
  let building = false;
  return {
    name: 'privacy-desk-csp',
    configResolved(config) {
      building = config.command === 'build';
    },
    transformIndexHtml(html) {
      if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`renderer/index.html lost its ${CSP_PLACEHOLDER} meta tag`);
      if (building) return html.replace(CSP_PLACEHOLDER, contentSecurityPolicy('browser', 'meta'));
      return html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('../renderer', import.meta.url)),
  base: './',
  plugins: [react(), injectCsp(), compressAssets()],
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
        postcssSimpleVars({
          variables: {
            'mantine-breakpoint-xs': '36em',
            'mantine-breakpoint-sm': '48em',
            'mantine-breakpoint-md': '62em',
            'mantine-breakpoint-lg': '75em',
            'mantine-breakpoint-xl': '88em',
          },
        }),
      ],
    },
  },
  build: {
    outDir: `${repoRoot}dist/renderer`,
    emptyOutDir: true,
    // Source maps would ship the whole renderer source inside the installer; the code is small
    // enough to debug from the minified build plus the dev server.
    sourcemap: false,
    target: 'chrome130',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `DESK_HOST_ORIGIN=http://127.0.0.1:PORT npx vite --config build/vite.renderer.config.ts`
    // develops against a running browser-mode host.
    proxy: process.env.DESK_HOST_ORIGIN ? { '/api': process.env.DESK_HOST_ORIGIN } : undefined,
  },
});
