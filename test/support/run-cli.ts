// Runs the real admin command line (`node electron/cli/main.ts …`) as a child process, stdin a pipe.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], password?: string): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.PRIVACY_DESK_PASSWORD;
  if (password !== undefined) env.PRIVACY_DESK_PASSWORD = password;
  return new Promise((ok) => {
    const child = execFile(process.execPath, ['electron/cli/main.ts', ...args], { cwd: REPO, env, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      ok({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}
