// The sandboxed preload: exposes window.desk and nothing else. Bundled to dist-electron/preload.cjs
// (a sandboxed preload can require only 'electron'), with the method names baked in at build time
// from the contract (build/vite.electron.config.ts defines __DESK_METHOD_NAMES__), so zod and the
// schemas stay out of the renderer process.
import { contextBridge, ipcRenderer } from 'electron';
import type { MethodName } from '../contract/methods.ts';
import { buildDeskApi } from './build-api.ts';

declare const __DESK_METHOD_NAMES__: readonly MethodName[];

contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi(__DESK_METHOD_NAMES__, (channel, input) => ipcRenderer.invoke(channel, input)),
);
