// Child process for the crash test: unlocks a desk and appends audit rows in small transactions as
// fast as it can, printing each row's number only after its commit returned. The parent kills it.
import { deskPaths } from '../../electron/core/storage/data-dir.ts';
import { unlockWithPassword } from '../../electron/core/vault/vault.ts';
import { appendAudit } from '../../electron/core/audit/audit-log.ts';

const [dataDir, username, password] = process.argv.slice(2) as [string, string, string];
const desk = await unlockWithPassword(deskPaths(dataDir), username, password);
if (!desk) throw new Error('cannot unlock');
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await desk.store.db.transaction().execute(async (trx) => {
    // Several rows per transaction, with a long value, so a kill can land inside a multi-page write.
    for (let j = 0; j < 3; j++) {
      await appendAudit(trx, { actor: 'crash-writer', action: 'burst', entity: 'test', entityId: `${i}.${j}`, detail: { pad: '山田'.repeat(300 + (i % 50) * 40) } });
    }
  });
  process.stdout.write(`${i}\n`);
}
