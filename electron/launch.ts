// `npm start`: the desktop app when Electron's runtime is installed, browser mode otherwise.
// Plain Node, no electron import: requiring the `electron` package would try to download the runtime
// when it is missing, so its install record (path.txt + dist/) is read directly instead.
// Arguments after `npm start --` are forwarded as they are (e.g. --data-dir D).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export interface ElectronProbe {
  /** node_modules/electron, or null when the package is not installed at all. */
  packageDir: string | null;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
  readText: (file: string) => string | null;
}

/** Where the `electron` package's index.js would point, without its download-on-demand side effect. */
export function resolveElectronBinary(probe: ElectronProbe): ElectronBinary {
  if (probe.packageDir === null) return { found: false, reason: 'the electron package is not installed' };
  const recorded = probe.readText(path.join(probe.packageDir, 'path.txt'))?.trim() || null;
  const override = probe.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, recorded ?? 'electron');
    return probe.exists(binary) ? { found: true, path: binary } : { found: false, reason: `${binary} does not exist` };
  }
  if (recorded === null) return { found: false, reason: 'its binary was never downloaded' };
  const binary = path.join(probe.packageDir, 'dist', recorded);
  return probe.exists(binary) ? { found: true, path: binary } : { found: false, reason: `${binary} does not exist` };
}

function electronPackageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Newest modification time of the files and folders (recursively, source files only), 0 when none. */
function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    if (!statSync(dir).isDirectory()) {
      newest = Math.max(newest, statSync(dir).mtimeMs);
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(full);
      } else if (/\.(ts|tsx|js|mjs|cjs|json|css|html|svg|png|woff2?)$/.test(entry.name)) {
        newest = Math.max(newest, statSync(full).mtimeMs);
      }
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

/** True when an output is missing or older than a source it is built from. */
export function needsBuild(outputs: readonly string[], sourceMtime: number, mtimeOf: (file: string) => number | null): boolean {
  return outputs.some((file) => {
    const mtime = mtimeOf(file);
    return mtime === null || mtime < sourceMtime;
  });
}

const mtimeOf = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : null);
const inRepo = (...parts: string[]) => path.join(repoRoot, ...parts);

function buildIfNeeded(what: string, outputs: string[], sources: string[], viteConfig: string): void {
  if (!existsSync(inRepo(viteConfig))) return; // not written yet: the mode that needs it says what is missing
  if (!needsBuild(outputs.map((o) => inRepo(o)), newestMtime(sources.map((s) => inRepo(s))), mtimeOf)) return;
  console.log(`Building ${what}…`);
  const vite = inRepo('node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', viteConfig], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Building ${what} failed; fix the errors above and run npm start again.`);
    process.exit(result.status ?? 1);
  }
}

/** The renderer's build, when missing or older than its sources (npm start and npm run serve). */
export function buildScreensIfNeeded(): void {
  buildIfNeeded(
    'the desk’s screens',
    ['dist/renderer/index.html'],
    ['renderer', 'electron/contract', 'build/csp.ts', 'build/vite.renderer.config.ts'],
    'build/vite.renderer.config.ts',
  );
}

export const START_HELP = `Usage: npm start -- [--data-dir DIR] [--database-url URL] [--port N] [--demo]

Starts Privacy Desk: the desktop app when the Electron runtime is installed, otherwise browser mode on
127.0.0.1 (it prints the link to open). The desk's screens are built first when they are missing.
  --data-dir DIR  the desk's data folder (default: the per-user app-data folder)
  --database-url URL
                  browser mode: a shared desk on PostgreSQL (see npm run serve -- --help). Without it,
                  a data folder IT connected to a shared desk (npm run desk -- connect) opens that desk,
                  in the desktop app and in browser mode alike
  --port N        browser mode: the port to listen on (default: any free port)
  --demo          fill an EMPTY desk with about 40 demo cases at the first supervisor log-in or set-up
  --help          this text
Ctrl+C, or SIGTERM to either npm or the desk, locks the desk and stops it.`;

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(START_HELP);
    return;
  }
  const binary = resolveElectronBinary({
    packageDir: electronPackageDir(),
    env: process.env,
    exists: existsSync,
    readText: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null),
  });

  if (!binary.found) {
    console.log(`Electron runtime is not installed on this machine (${binary.reason}); starting Privacy Desk in browser mode instead.`);
  }
  // Both modes show the built renderer.
  buildScreensIfNeeded();
  if (!binary.found) {
    const { startHost } = await import('./host/main.ts');
    await startHost(argv, START_HELP);
    return;
  }

  if (argv.some((a) => a === '--database-url' || a.startsWith('--database-url='))) {
    throw new Error('The desktop app opens a shared desk through this PC\'s connection profile (npm run desk -- connect --database-url URL --user NAME, once per staff member), not --database-url; or use browser mode: npm run serve -- --database-url URL.');
  }
  buildIfNeeded(
    'the desktop app',
    ['dist-electron/main.js', 'dist-electron/preload.cjs'],
    ['electron/main', 'electron/preload', 'electron/contract', 'electron/core', 'db', 'build/csp.ts', 'build/vite.electron.config.ts'],
    'build/vite.electron.config.ts',
  );
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node instead of the app
  const child = spawn(binary.path, [repoRoot, ...argv], { cwd: repoRoot, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  // npm may die of a SIGTERM without passing it on: the app is stopped then too (it locks the desk).
  const { stopWhenOrphaned } = await import('./host/main.ts');
  stopWhenOrphaned(() => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`Privacy Desk could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
