// Child process for the SIGKILL test: unlocks a desk and runs the retention purge, printing each case's
// id after its transaction committed. The parent kills it partway.
import { deskPaths } from '../../electron/core/storage/data-dir.ts';
import { unlockWithPassword } from '../../electron/core/vault/vault.ts';
import { runPurge } from '../../electron/core/retention/purge.ts';

const [dataDir, username, password, nowIso] = process.argv.slice(2) as [string, string, string, string];
const desk = await unlockWithPassword(deskPaths(dataDir), username, password);
if (!desk) throw new Error('cannot unlock');
process.stdout.write('ready\n');
await runPurge({ db: desk.store.db, actor: username, now: new Date(nowIso) }, (id) => process.stdout.write(`${id}\n`));
process.stdout.write('done\n');
