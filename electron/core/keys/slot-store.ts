// Where a desk's key slots are kept: a local desk's keyslots.json beside its database (written atomically),
// or a shared desk's desk_key_slots row (one JSON document, the same format), written in the transaction
// that changes the account row naming the slot — so every PC unlocks with the same slots, and a slot and
// its account row never disagree after a crash.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DeskPaths } from '../storage/data-dir.ts';
import { DeskError } from '../errors.ts';
import { parseKeySlots, readKeySlots, writeKeySlots, type KeySlotFile } from './key-slots.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const SHARED_SLOTS_NAME = 'desk_key_slots';

export async function readSlots(paths: DeskPaths, db: Db): Promise<KeySlotFile> {
  if (!paths.server) return readKeySlots(paths.keySlots);
  const row = await db.selectFrom('desk_key_slots').select('body').where('id', '=', 1).executeTakeFirst();
  if (!row) throw new DeskError({ code: 'KEYSLOTS_MISSING', path: SHARED_SLOTS_NAME });
  return parseKeySlots(row.body, SHARED_SLOTS_NAME);
}

/** Writes the slots; on a shared desk inside `db`'s transaction, on a local desk to the file at once. */
export async function writeSlots(paths: DeskPaths, db: Db, file: KeySlotFile, now = new Date()): Promise<void> {
  if (!paths.server) return writeKeySlots(paths.keySlots, file);
  const body = JSON.stringify(file);
  await db
    .insertInto('desk_key_slots')
    .values({ id: 1, body, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ body, updated_at: now.toISOString() }))
    .execute();
}
