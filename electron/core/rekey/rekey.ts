// Re-keying a desk: a new data key, the database re-encrypted under it, every remaining key slot (and the
// recovery slot) handed the new key by sealing it to the slot's public key, and the desk's system signing
// key rotated, all on the audit record. Run when an account is disabled (the key leaves with the person:
// an old key-slot file from any copy no longer opens this desk, nor any backup taken after) and on a
// supervisor's "re-key now". Backups taken before keep the old key.
//
// Crash safety: at every step the desk opens with the old key or the new one, never neither.
//   1 next-slots   keyslots.next.json (the new key, sealed to every slot) written atomically; keyslots.json
//                  still holds the old key, which still opens the database.
//   2 audited      desk.rekey and the system-key rotation committed (under the old key).
//   3 journal      WAL checkpointed into the file, journal_mode=DELETE (PRAGMA rekey needs a rollback journal).
//   4 rekeyed      PRAGMA rekey: one transaction rewriting every page; a crash inside it leaves a hot journal
//                  that rolls back under the old key.
//   5 switched     keyslots.next.json renamed over keyslots.json.
//   6 wal          journal_mode=WAL again.
// Opening (vault.ts, openWithPendingRekey) tries keyslots.json's key and, when it does not open the
// database and keyslots.next.json exists, the next file's key, promoting it: a crash between 4 and 5.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { DeskPaths } from '../storage/data-dir.ts';
import { fsyncDir } from '../storage/atomic-file.ts';
import { applyKey, sqliteStore } from '../../../db/open.ts';
import { resealSlot, writeKeySlots, type KeySlot } from '../keys/key-slots.ts';
import { readSlots, writeSlots } from '../keys/slot-store.ts';
import { resealColumns, useDataKeyForColumns } from '../../../db/secret-columns.ts';
import { appendAudit, rotateSystemKey } from '../audit/audit-log.ts';
import type { UnlockedDesk } from '../vault/vault.ts';
import type { RekeyResult } from '../../contract/index.ts';

export type RekeyStep = 'next-slots' | 'audited' | 'journal' | 'rekeyed' | 'switched' | 'wal';

export interface RekeyOptions {
  actor: string;
  reason: 'account-disabled' | 'supervisor';
  /** The disabled person whose slot does not get the new key. */
  without?: string;
  now: Date;
  /** Tests only: called after each step (a crash there is what the SIGKILL test makes). */
  onStep?: (step: RekeyStep) => void | Promise<void>;
}


export const nextSlotsPath = (paths: DeskPaths): string => `${paths.keySlots.slice(0, -'.json'.length)}.next.json`;

export async function rekeyDesk(paths: DeskPaths, desk: UnlockedDesk, options: RekeyOptions): Promise<RekeyResult> {
  const step = options.onStep ?? (() => {});
  const newKey = randomBytes(32);
  try {
    const file = await readSlots(paths, desk.store.db);
    const kept: KeySlot[] = [];
    const mustReset: string[] = [];
    for (const slot of file.slots) {
      if (slot.kind === 'user' && slot.username === options.without) continue;
      const resealed = resealSlot(file.deskId, slot, newKey);
      if (resealed) kept.push(resealed);
      else if (slot.username) mustReset.push(slot.username);
    }
    if (!kept.some((s) => s.kind === 'recovery')) throw new Error('the recovery slot cannot take a new key');
    if (paths.server) {
      // A shared desk: the database is not encrypted with the data key (the server's own storage is), so a
      // re-key is the new key sealed to the remaining slots, the audit rows and the system-key rotation,
      // all in one transaction: every PC unlocks with the new slots from its commit on.
      await desk.store.db.transaction().execute(async (trx) => {
        if (mustReset.length > 0) await trx.updateTable('accounts').set({ slot_id: null }).where('username', 'in', mustReset).execute();
        await appendAudit(trx, { actor: options.actor, action: 'desk.rekey', entity: 'desk', entityId: desk.deskId, detail: { reason: options.reason, slots: kept.length, mustReset, without: options.without ?? null } }, options.now);
        await rotateSystemKey(trx, options.actor, options.now);
        // The secrets sealed on the server (system key, mail passwords) follow the data key.
        await resealColumns(trx, newKey);
        await writeSlots(paths, trx, { ...file, slots: kept }, options.now);
      });
      useDataKeyForColumns(desk.store.db, newKey);
      newKey.copy(desk.dataKey);
      return { slots: kept.length, mustReset };
    }
    writeKeySlots(nextSlotsPath(paths), { ...file, slots: kept });
    await step('next-slots');

    await desk.store.db.transaction().execute(async (trx) => {
      if (mustReset.length > 0) await trx.updateTable('accounts').set({ slot_id: null }).where('username', 'in', mustReset).execute();
      await appendAudit(trx, { actor: options.actor, action: 'desk.rekey', entity: 'desk', entityId: desk.deskId, detail: { reason: options.reason, slots: kept.length, mustReset, without: options.without ?? null } }, options.now);
      await rotateSystemKey(trx, options.actor, options.now);
    });
    await step('audited');

    // Raw pragmas on the connection kysely shares with the mail sender: hold it (kysely's connection
    // mutex) so no transaction of theirs is open while the journal mode changes and the pages are rewritten.
    await desk.store.db.connection().execute(async () => {
      const raw = sqliteStore(desk.store).raw;
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.pragma('journal_mode = DELETE');
      await step('journal');
      applyKey(raw, newKey, 'rekey'); // sqlite3_rekey, as PRAGMA rekey, without the key in a string
      await step('rekeyed');
      renameSync(nextSlotsPath(paths), paths.keySlots);
      fsyncDir(paths.deskDir);
      await step('switched');
      raw.pragma('journal_mode = WAL');
      await step('wal');
    });
    newKey.copy(desk.dataKey); // the same Buffer the backup service holds: it now copies under the new key
    return { slots: kept.length, mustReset };
  } finally {
    newKey.fill(0);
  }
}

/** Whatever a crashed re-key left: a next-slot file the database does not need (the rekey never ran). */
export function discardNextSlots(paths: DeskPaths): void {
  if (existsSync(nextSlotsPath(paths))) rmSync(nextSlotsPath(paths), { force: true });
}
