// The packaging config is validated by electron-builder's own loader and schema (app-builder-lib, which
// electron-builder runs), and its security-relevant settings are pinned here.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(path.join(repoRoot, 'package.json'));

interface BuilderConfigModule {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
}

async function loadConfig() {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as BuilderConfigModule;
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(repoRoot, path.join(repoRoot, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config as {
    productName: string;
    asar: boolean;
    asarUnpack: string[];
    npmRebuild: boolean;
    files: Array<string | { filter?: string[] }>;
    electronFuses: Record<string, boolean>;
    nsis: Record<string, unknown>;
  };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema and flips the security fuses', async () => {
    const config = await loadConfig();
    expect(config.productName).toBe('Privacy Desk');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs the built app into asar, unpacks the SQLite prebuilds and never rebuilds natives', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/prebuilds/**');
    // getConfig normalises `files` into file sets: flatten them back into patterns.
    const patterns = config.files.flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(patterns).toEqual(expect.arrayContaining(['dist-electron/**', 'dist/renderer/**', 'package.json']));
    expect(patterns.filter((p) => p.startsWith('!node_modules/better-sqlite3-multiple-ciphers'))).not.toContainEqual(
      expect.stringMatching(/ciphers\/(\*\*|lib|prebuilds)/),
    );
  });

  it('installs per machine with a real installer and keeps the desk data on uninstall', async () => {
    const { nsis } = await loadConfig();
    expect(nsis).toMatchObject({ perMachine: true, oneClick: false, deleteAppDataOnUninstall: false });
  });
});
