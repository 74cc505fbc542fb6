// A PC that dies (or whose transaction fails) in the middle of writing an audit row on a shared desk: the
// row is rolled back with everything else, and the chain must still verify afterwards — a rolled-back
// append is not a removed tail.
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, withAdmin, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { newDesk, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { parseDatabaseUrl } from '../../../db/postgres.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword } from '../../../electron/core/vault/vault.ts';
import { appendAudit, verifyAudit } from '../../../electron/core/audit/audit-log.ts';

let database: TestDatabase;
const pc = tempDir('pd-audit-rollback-');
afterAll(async () => {
  await database?.drop();
  pc.remove();
});

describe('an audit append rolled back on a shared desk', () => {
  it('leaves a chain that verifies (the last row is the last committed one)', async () => {
    database = await freshDatabase(await testPostgres());
    const server = { target: parseDatabaseUrl(database.url), password: database.password };
    const { rt } = await newDesk(pc.path, { server });
    await rt.close();
    const desk = (await unlockWithPassword(deskPaths(pc.path, server), SUPERVISOR.username, SUPERVISOR.password))!;
    try {
      const before = await verifyAudit(desk.store.db);
      expect(before).toMatchObject({ ok: true });
      await expect(
        desk.store.db.transaction().execute(async (trx) => {
          await appendAudit(trx, { actor: SUPERVISOR.username, action: 'case.received', entity: 'case', entityId: '1' });
          throw new Error('the PC went away before the commit');
        }),
      ).rejects.toThrow('went away');
      expect(await verifyAudit(desk.store.db)).toEqual(before);

      // A committed last row removed behind the desk's back (its triggers switched off by the server's
      // administrator) still shows as a cut-off end.
      if (!before.ok) throw new Error('unreachable');
      const last = before.head!.seq;
      await withAdmin(await testPostgres(), (c) => c.query(`ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log WHERE seq = ${last}; ALTER TABLE audit_log ENABLE TRIGGER USER`), database.name);
      expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: false, problem: { code: 'AUDIT_TAIL_REMOVED', seq: last, expectedSeq: last } });
    } finally {
      await lockDesk(desk);
    }
  });
});
