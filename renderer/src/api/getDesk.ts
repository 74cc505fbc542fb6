// The renderer's one way to the desk. In Electron the preload exposes window.desk; in a plain browser
// (the loopback host, the e2e tests) we build the same shape over HTTP.
import type { DeskApi } from '../../../electron/contract/index.ts';
import { createHttpDesk } from './httpDesk.ts';
import { takeToken } from './token.ts';

declare global {
  interface Window {
    desk?: DeskApi;
  }
}

let cached: DeskApi | null = null;

export function getDesk(): DeskApi {
  cached ??= window.desk ?? createHttpDesk({ token: takeToken() });
  return cached;
}
