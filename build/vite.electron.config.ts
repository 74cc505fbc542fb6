// Builds the Electron side (`npm run build:electron`) as two Vite environments in one run:
//   main    → dist-electron/main.js     ESM for Electron's Node; bundles the core, db, contract and
//             their npm deps; external: electron, the native SQLite package, Node built-ins.
//   preload → dist-electron/preload.cjs one CommonJS file (a sandboxed preload can require only
//             'electron'); the contract's method names are baked in, so no zod or schemas ship to it.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { methodNames } from '../electron/contract/methods.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-electron');

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const mainExternal = ['electron', /^electron\//, /^better-sqlite3-multiple-ciphers(\/.*)?$/, /^node:/, ...nodeBuiltins];

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  environments: {
    main: {
      consumer: 'server',
      keepProcessEnv: true,
      resolve: { noExternal: true },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'node22',
        minify: false,
        sourcemap: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rolldownOptions: {
          input: { main: path.join(root, 'electron/main/main.ts') },
          external: mainExternal,
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', codeSplitting: false }, // one file: the shared desk's driver (loaded on demand) is inlined
        },
      },
    },
    preload: {
      consumer: 'server',
      resolve: { noExternal: true },
      define: { __DESK_METHOD_NAMES__: JSON.stringify(methodNames) },
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2023',
        minify: false,
        sourcemap: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rolldownOptions: {
          input: { preload: path.join(root, 'electron/preload/preload.ts') },
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
        },
      },
    },
  },
  builder: {
    // In order: main empties dist-electron, then preload adds to it. The client environment is unused.
    async buildApp(builder) {
      const { main, preload } = builder.environments;
      if (!main || !preload) throw new Error('vite.electron.config: main and preload environments are missing');
      await builder.build(main);
      await builder.build(preload);
    },
  },
});
