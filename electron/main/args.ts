// Command-line arguments of the desktop app. Electron's argv also carries its own and Chromium's
// switches (and, in a developer run, the app folder), so unknown arguments are ignored, not refused.
import path from 'node:path';

export interface MainArgs {
  /** Absolute; undefined means the default data folder (defaultDataDir()). */
  dataDir: string | undefined;
  /** --demo: fill an empty desk with demonstration cases at the first supervisor login. */
  demo: boolean;
}

export function parseMainArgs(argv: readonly string[], cwd: string = process.cwd()): MainArgs {
  let dataDir: string | undefined;
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && next !== '' && !next.startsWith('--')) {
        dataDir = next;
        i++;
      }
    } else if (arg === '--demo') {
      demo = true;
    } else if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value !== '') dataDir = value;
    }
  }
  return { dataDir: dataDir === undefined ? undefined : path.resolve(cwd, dataDir), demo };
}
