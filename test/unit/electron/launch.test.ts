import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsBuild, resolveElectronBinary, type ElectronProbe } from '../../../electron/launch.ts';

const pkg = path.resolve('/repo/node_modules/electron');

function probe(files: Record<string, string>, env: NodeJS.ProcessEnv = {}, packageDir: string | null = pkg): ElectronProbe {
  return {
    packageDir,
    env,
    exists: (file) => Object.hasOwn(files, file),
    readText: (file) => files[file] ?? null,
  };
}

describe('resolveElectronBinary', () => {
  it('finds the downloaded binary the way electron/index.js would', () => {
    const binary = path.join(pkg, 'dist', 'electron');
    expect(resolveElectronBinary(probe({ [path.join(pkg, 'path.txt')]: 'electron', [binary]: '' }))).toEqual({ found: true, path: binary });
  });

  it('reports a binary that was never downloaded (this machine) without trying to download it', () => {
    const result = resolveElectronBinary(probe({}));
    expect(result).toEqual({ found: false, reason: 'its binary was never downloaded' });
  });

  it('reports a recorded binary whose file is gone, and a missing package', () => {
    const result = resolveElectronBinary(probe({ [path.join(pkg, 'path.txt')]: 'electron.exe' }));
    expect(result.found).toBe(false);
    expect(resolveElectronBinary(probe({}, {}, null))).toEqual({ found: false, reason: 'the electron package is not installed' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dist = path.resolve('/opt/electron-dist');
    const binary = path.join(dist, 'electron');
    expect(resolveElectronBinary(probe({ [binary]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: dist }))).toEqual({ found: true, path: binary });
  });
});

describe('needsBuild', () => {
  const mtimes: Record<string, number> = { 'main.js': 100, 'preload.cjs': 100 };
  const mtimeOf = (file: string) => mtimes[file] ?? null;
  it('builds when an output is missing or older than the newest source', () => {
    expect(needsBuild(['main.js', 'preload.cjs'], 50, mtimeOf)).toBe(false);
    expect(needsBuild(['main.js', 'preload.cjs'], 150, mtimeOf)).toBe(true);
    expect(needsBuild(['main.js', 'gone.cjs'], 50, mtimeOf)).toBe(true);
  });
});
