// Runs the real admin command line (`node electron/cli/main.ts …`) as a child process, stdin a pipe.
import { knownTestServer } from './desk.ts';
import { formatDatabaseUrl } from '../../db/postgres.ts';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], password?: string, options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.PRIVACY_DESK_PASSWORD;
  if (password !== undefined) env.PRIVACY_DESK_PASSWORD = password;
  // A desk the suite put on PostgreSQL (PRIVACY_DESK_TEST_DATABASE=postgres) is named by its URL as well.
  const dirAt = args.indexOf('--data-dir');
  const server = dirAt >= 0 ? knownTestServer(args[dirAt + 1]!) : undefined;
  if (server) {
    args = [...args, '--database-url', formatDatabaseUrl(server.target)];
    env.PRIVACY_DESK_DATABASE_PASSWORD = server.password;
  }
  return new Promise((ok) => {
    const child = execFile(process.execPath, ['electron/cli/main.ts', ...args], { cwd: REPO, env, encoding: 'utf8', timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      ok({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}
