// What every admin command shares: its streams, a one-line failure, and the password prompt.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** A failure the command reports in one line and exits non-zero for. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export const PASSWORD_ENV = 'PRIVACY_DESK_PASSWORD';

/** The password from PRIVACY_DESK_PASSWORD, else typed at the terminal without echo. */
export async function readPassword(io: CliIO, prompt = 'Password: '): Promise<string> {
  const fromEnv = io.env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv.normalize('NFKC');
  const stdin = io.stdin as Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  if (!stdin.isTTY) throw new CliError(`No password: set ${PASSWORD_ENV} or run the command in a terminal.`, 2);
  const out = io.stderr as Writable;
  out.write(prompt);
  const rl = createInterface({ input: stdin, output: undefined, terminal: true });
  // Echo nothing of what is typed: the terminal stays on the prompt line.
  const answer = await new Promise<string>((resolveAnswer) => rl.question('', resolveAnswer));
  rl.close();
  out.write('\n');
  return answer.normalize('NFKC');
}

/** A shared desk's database password: never on the command line or in the URL. */
export const DATABASE_PASSWORD_ENV = 'PRIVACY_DESK_DATABASE_PASSWORD';

export async function readDatabasePassword(io: CliIO): Promise<string> {
  const fromEnv = io.env[DATABASE_PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const stdin = io.stdin as Readable & { isTTY?: boolean };
  if (!stdin.isTTY) throw new CliError(`No database password: set ${DATABASE_PASSWORD_ENV} or run the command in a terminal.`, 2);
  const out = io.stderr as Writable;
  out.write('Database password: ');
  const rl = createInterface({ input: stdin, output: undefined, terminal: true });
  const answer = await new Promise<string>((resolveAnswer) => rl.question('', resolveAnswer));
  rl.close();
  out.write('\n');
  return answer;
}

export function usageError(help: string, message: string): CliError {
  return new CliError(`${message}\n\n${help}`, 2);
}
