// Child process for the re-key crash test: unlocks a desk as the supervisor and re-keys it, printing
// "at <step>" after each step. With a step named, it stops there (waits forever) so the parent can
// SIGKILL it exactly at that point; with "run", it goes on (the parent kills it mid-way on a timer).
import { deskPaths } from '../../electron/core/storage/data-dir.ts';
import { unlockWithPassword } from '../../electron/core/vault/vault.ts';
import { rekeyDesk } from '../../electron/core/rekey/rekey.ts';

const [dataDir, username, password, stopAt] = process.argv.slice(2) as [string, string, string, string];
const paths = deskPaths(dataDir);
const desk = await unlockWithPassword(paths, username, password);
if (!desk) throw new Error('cannot unlock');
process.stdout.write('ready\n');
await rekeyDesk(paths, desk, {
  actor: username,
  reason: 'supervisor',
  now: new Date(),
  onStep: async (step) => {
    process.stdout.write(`at ${step}\n`);
    if (step === stopAt) await new Promise(() => {});
  },
});
process.stdout.write('done\n');
