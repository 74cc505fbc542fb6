// Child process for the backup test: unlocks a desk on its own connection and appends audit rows in
// small transactions as fast as it can, printing the highest committed seq only after each commit
// returned. The parent takes a backup meanwhile, then kills it.
import { sqliteStore } from '../../db/open.ts';
import { deskPaths } from '../../electron/core/storage/data-dir.ts';
import { unlockWithPassword } from '../../electron/core/vault/vault.ts';
import { appendAudit } from '../../electron/core/audit/audit-log.ts';

const [dataDir, username, password] = process.argv.slice(2) as [string, string, string];
const desk = await unlockWithPassword(deskPaths(dataDir), username, password);
if (!desk) throw new Error('cannot unlock');
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await desk.store.db.transaction().execute(async (trx) => {
    for (let j = 0; j < 3; j++) {
      await appendAudit(trx, { actor: 'burst-writer', action: 'burst', entity: 'test', entityId: `${i}.${j}`, detail: { pad: '山田'.repeat(200) } });
    }
  });
  const { seq } = sqliteStore(desk.store).raw.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number };
  process.stdout.write(`${seq}\n`);
}
