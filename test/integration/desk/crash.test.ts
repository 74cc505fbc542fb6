// A PC that loses power or a process killed mid-write must leave a database that opens, passes its
// integrity check, and holds every write that was reported committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { newDesk, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword } from '../../../electron/core/vault/vault.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';

const ROUNDS = 12;
const dir = tempDir('pd-crash-');
beforeAll(async () => {
  const { rt } = await newDesk(dir.path);
  await rt.close();
});
afterAll(() => dir.remove());

function runAndKill(delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['test/support/crash-writer.ts', dir.path, SUPERVISOR.username, SUPERVISOR.password], { stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: number[] = [];
    let buf = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        if (l === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
        else committed.push(Number(l));
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(committed) : reject(new Error(`writer ended without being killed: ${err}`))));
  });
}

describe('crash halfway through a write', () => {
  it(`SIGKILL at random moments (${ROUNDS} rounds): integrity holds and no reported commit is lost`, async () => {
    let totalCommitted = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const committed = await runAndKill(20 + Math.floor(Math.random() * 400));
      totalCommitted += committed.length;
      const desk = (await unlockWithPassword(deskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
      try {
        const check = await sql<Record<string, string>>`PRAGMA integrity_check`.execute(desk.store.db);
        expect(check.rows.map((r) => Object.values(r)[0])).toEqual(['ok']);
        const ids = new Set(
          (await desk.store.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'burst').execute()).map((r) => r.entity_id),
        );
        // A write reported committed is there with all its rows; the chain still verifies.
        const missing = committed.filter((i) => ![0, 1, 2].every((j) => ids.has(`${i}.${j}`)));
        expect(missing).toEqual([]);
        expect((await verifyAudit(desk.store.db)).ok).toBe(true);
        // Rows come in whole transactions: never 1 or 2 of a triple.
        const perTx = new Map<string, number>();
        for (const id of ids) perTx.set(id!.split('.')[0]!, (perTx.get(id!.split('.')[0]!) ?? 0) + 1);
        expect([...perTx.values()].every((n) => n === 3)).toBe(true);
      } finally {
        await lockDesk(desk);
      }
    }
    // The test means something only if the writer got real work done before the kills.
    expect(totalCommitted).toBeGreaterThan(ROUNDS * 5);
  }, 120_000);
});
