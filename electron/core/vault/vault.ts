// The vault: creating a desk, unlocking it with a staff password or the recovery key, and nothing
// else. A desk is one folder holding the encrypted database and its key-slot file; it comes into
// being by renaming a fully written staging folder, so a crash during set-up leaves no half-desk.
import { forgetColumnKey, useDataKeyForColumns } from '../../../db/secret-columns.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { discardNextSlots, nextSlotsPath } from '../rekey/rekey.ts';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DeskDetails, Locale, Reason, SessionUser } from '../../contract/index.ts';
import { openDatabase, DatabaseOpenError, type DeskStore } from '../../../db/open.ts';
import { migrateShared, openServerStore, sharedPresence } from './shared-desk.ts';
import { readSlots, writeSlots } from '../keys/slot-store.ts';
import { migrateToLatest, SchemaTooNewError } from '../../../db/migrate.ts';
import { deskPaths, type DeskPaths } from '../storage/data-dir.ts';
import { fsyncDir } from '../storage/atomic-file.ts';
import { DeskError } from '../errors.ts';
import {
  decoySlot,
  makeRecoverySlot,
  makeUserSlot,
  newKeySlotFile,
  openSlot,
  openUserSlot,
  readKeySlots,
  upgradeSlot,
  withSlot,
  recoverySlot,
  userSlot,
  writeKeySlots,
  type KdfCost,
  type KeySlot,
  type KeySlotFile,
} from '../keys/key-slots.ts';
import { newRecoveryKey } from '../keys/recovery-key.ts';
import { withSecretBytes } from '../keys/secret-bytes.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { forgetSigners, loadSigner, newSigningKeyPair } from '../audit/signing-keys.ts';
import { assertStrongPassword } from '../auth/password-strength.ts';
import { writeSettings, DEFAULT_SETTINGS } from '../settings/settings.ts';

export interface UnlockedDesk {
  deskId: string;
  dataKey: Buffer;
  store: DeskStore;
}

export type DeskPresence = { state: 'new' } | { state: 'present' } | { state: 'damaged'; reason: Reason };

/** Whether the data folder (or, for a shared desk, its database) holds a desk. */
export async function presenceOf(paths: DeskPaths): Promise<DeskPresence> {
  return paths.server ? sharedPresence(paths.server) : deskPresence(paths);
}

/** A local desk's folder: holds a desk, none, or half of one. */
export function deskPresence(paths: DeskPaths): DeskPresence {
  if (!existsSync(paths.deskDir)) return { state: 'new' };
  const hasDb = existsSync(paths.database);
  const hasSlots = existsSync(paths.keySlots);
  if (hasDb && hasSlots) return { state: 'present' };
  if (!hasDb && !hasSlots && readdirSync(paths.deskDir).length === 0) return { state: 'new' };
  return { state: 'damaged', reason: { code: 'DESK_INCOMPLETE', missing: !hasDb ? paths.database : paths.keySlots } };
}

export interface NewDesk {
  desk: DeskDetails;
  supervisor: { username: string; displayName: string; password: string };
  locale: Locale;
}

export async function createDesk(paths: DeskPaths, input: NewDesk, cost?: KdfCost): Promise<{ unlocked: UnlockedDesk; recoveryKey: string; user: SessionUser }> {
  if (paths.server) return createSharedDesk(paths, input, cost);
  if (deskPresence(paths).state !== 'new') throw new DeskError({ code: 'ALREADY_SET_UP' });
  for (const name of readdirSync(paths.dataDir)) {
    if (name.startsWith('.desk-setup-')) rmSync(join(paths.dataDir, name), { recursive: true, force: true });
  }
  const staging = deskPaths(join(paths.dataDir, `.desk-setup-${randomBytes(6).toString('hex')}`));
  // deskPaths() puts files in <dir>/desk; the staging folder itself becomes that folder.
  const stagingDir = staging.dataDir;
  mkdirSync(stagingDir, { mode: 0o700 });
  const dbPath = join(stagingDir, 'desk.db');
  const slotsPath = join(stagingDir, 'keyslots.json');

  const dataKey = randomBytes(32);
  const recovery = newRecoveryKey();
  const now = new Date();
  const { username, displayName, password } = input.supervisor;
  await assertStrongPassword(password, 'supervisor.password', [username, displayName]);
  const signing = newSigningKeyPair();
  try {
    let slots: KeySlotFile = newKeySlotFile();
    const mySlot = await makeUserSlot(slots.deskId, username, password, dataKey, cost, signing.privateKey);
    slots = { ...slots, slots: [mySlot, await makeRecoverySlot(slots.deskId, recovery.secret, dataKey)] };

    const store = openDatabase(dbPath, dataKey, { create: true });
    chmodSync(dbPath, 0o600); // SQLite gives the WAL the database file's mode
    try {
      await migrateToLatest(store.db);
      await store.db.transaction().execute((trx) => firstRows(trx, { input, slotId: mySlot.id, deskId: slots.deskId, publicKey: signing.publicKey, privateKey: signing.privateKey, now }));
    } finally {
      await store.close(); // checkpoints the WAL into the file before the folder moves
    }
    writeKeySlots(slotsPath, slots);
    if (existsSync(paths.deskDir)) rmdirSync(paths.deskDir); // empty: deskPresence said new
    renameSync(stagingDir, paths.deskDir);
    fsyncDir(paths.dataDir);
  } catch (e) {
    rmSync(stagingDir, { recursive: true, force: true });
    signing.privateKey.fill(0);
    throw e;
  }
  const unlocked = await openUnlocked(paths, readKeySlots(paths.keySlots).deskId, dataKey);
  await loadSigner(unlocked.store.db, username, signing.privateKey);
  signing.privateKey.fill(0);
  return {
    unlocked,
    recoveryKey: recovery.display,
    user: { username, displayName, role: 'supervisor', mustChangePassword: false },
  };
}

/**
 * A desk in an empty PostgreSQL database: the schema, then — in one transaction — the first supervisor,
 * the settings, the first audit rows and the key slots. Until that commits the database holds no desk (a
 * set-up that stopped may simply run again); a second PC setting up at the same time fails on the slot row.
 */
async function createSharedDesk(paths: DeskPaths, input: NewDesk, cost?: KdfCost): Promise<{ unlocked: UnlockedDesk; recoveryKey: string; user: SessionUser }> {
  const store = await openServerStore(paths.server!);
  const dataKey = randomBytes(32);
  const signing = newSigningKeyPair();
  // The desk's secret columns (the system audit key made by the first rows) are sealed with this key.
  useDataKeyForColumns(store.db, dataKey);
  try {
    await migrateShared(store);
    if ((await store.db.selectFrom('desk_key_slots').select('id').executeTakeFirst()) !== undefined) throw new DeskError({ code: 'ALREADY_SET_UP' });
    const recovery = newRecoveryKey();
    const now = new Date();
    const { username, displayName, password } = input.supervisor;
    await assertStrongPassword(password, 'supervisor.password', [username, displayName]);
    let slots: KeySlotFile = newKeySlotFile();
    const mySlot = await makeUserSlot(slots.deskId, username, password, dataKey, cost, signing.privateKey);
    slots = { ...slots, slots: [mySlot, await makeRecoverySlot(slots.deskId, recovery.secret, dataKey)] };
    await store.db.transaction().execute(async (trx) => {
      await writeSlots(paths, trx, slots, now);
      await firstRows(trx, { input, slotId: mySlot.id, deskId: slots.deskId, publicKey: signing.publicKey, privateKey: signing.privateKey, now });
    });
    await loadSigner(store.db, username, signing.privateKey);
    return {
      unlocked: { deskId: slots.deskId, dataKey, store },
      recoveryKey: recovery.display,
      user: { username, displayName, role: 'supervisor', mustChangePassword: false },
    };
  } catch (e) {
    forgetColumnKey(store.db);
    await store.close();
    dataKey.fill(0);
    throw e;
  } finally {
    signing.privateKey.fill(0);
  }
}

/** The rows every new desk starts with: the first supervisor (and their key), the settings, desk.create. */
async function firstRows(
  trx: Transaction<DB>,
  p: { input: NewDesk; slotId: string; deskId: string; publicKey: string; privateKey: Buffer; now: Date },
): Promise<void> {
  const { username, displayName } = p.input.supervisor;
  await trx
    .insertInto('accounts')
    .values({ username, display_name: displayName, role: 'supervisor', slot_id: p.slotId, created_at: p.now.toISOString(), last_login_at: p.now.toISOString() })
    .execute();
  // The first supervisor's key is introduced by the set-up itself (the desk's system key signs it);
  // every later account's key by the supervisor who creates it.
  await appendAudit(trx, { actor: null, action: 'account.create', entity: 'account', entityId: username, publicKey: p.publicKey, detail: { after: { displayName, role: 'supervisor' } } }, p.now);
  await loadSigner(trx, username, p.privateKey);
  await writeSettings(trx, { ...DEFAULT_SETTINGS, desk: p.input.desk, defaultLocale: p.input.locale }, username, p.now);
  await appendAudit(trx, { actor: username, action: 'desk.create', entity: 'desk', entityId: p.deskId, detail: { supervisor: username } }, p.now);
}

async function openUnlocked(paths: DeskPaths, deskId: string, dataKey: Buffer): Promise<UnlockedDesk> {
  const r = await tryOpenUnlocked(paths, deskId, dataKey, false);
  return r!;
}

/** Opens with this key; with `wrongKeyIsNull`, a key the database does not take gives null instead of an error. */
async function tryOpenUnlocked(paths: DeskPaths, deskId: string, dataKey: Buffer, wrongKeyIsNull: boolean): Promise<UnlockedDesk | null> {
  let store: DeskStore;
  try {
    store = openDatabase(paths.database, dataKey);
  } catch (e) {
    dataKey.fill(0);
    if (e instanceof DatabaseOpenError) {
      if (wrongKeyIsNull && e.reason === 'wrong-key') return null;
      throw new DeskError(e.reason === 'wrong-key' ? { code: 'DATABASE_KEY_MISMATCH', path: paths.database } : { code: 'DATABASE_UNREADABLE', path: paths.database, detail: e.message });
    }
    throw e;
  }
  try {
    await migrateToLatest(store.db);
  } catch (e) {
    await store.close();
    dataKey.fill(0);
    if (e instanceof SchemaTooNewError) throw new DeskError({ code: 'DESK_TOO_NEW', migrations: e.unknown });
    throw e;
  }
  return { deskId, dataKey, store };
}

/**
 * Unlocks through the key-slot file, finishing a re-key a crash interrupted (core/rekey): when
 * keyslots.next.json exists, the database is under the old key (keyslots.json; the unused next file is
 * discarded) or already under the new one (the next file is put in place). `open` unwraps the data key
 * from a slot file with the person's secret, or gives null (wrong secret, no slot).
 */
async function unlockThroughSlots<T>(paths: DeskPaths, open: (file: KeySlotFile) => Promise<{ dataKey: Buffer; extra: T } | null>): Promise<{ unlocked: UnlockedDesk; file: KeySlotFile; extra: T } | null> {
  if (paths.server) {
    // A shared desk: the database opens with the server's password; the slots in it give the data key.
    const store = await openServerStore(paths.server);
    try {
      await migrateShared(store);
      const file = await readSlots(paths, store.db);
      const got = await open(file);
      if (!got) {
        await store.close();
        return null;
      }
      useDataKeyForColumns(store.db, got.dataKey);
      return { unlocked: { deskId: file.deskId, dataKey: got.dataKey, store }, file, extra: got.extra };
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  const next = nextSlotsPath(paths);
  const files = [readKeySlots(paths.keySlots), ...(existsSync(next) ? [readKeySlots(next)] : [])];
  for (const [i, file] of files.entries()) {
    const got = await open(file);
    if (!got) return null; // the same secret opens both files or neither
    const last = i === files.length - 1;
    const unlocked = await tryOpenUnlocked(paths, file.deskId, got.dataKey, !last);
    if (!unlocked) continue;
    if (i === 1) {
      renameSync(next, paths.keySlots);
      fsyncDir(paths.deskDir);
    } else if (files.length > 1) discardNextSlots(paths);
    return { unlocked, file, extra: got.extra };
  }
  return null;
}

/** The unlocked desk, or null when the user has no slot or the password is wrong. */
export async function unlockWithPassword(paths: DeskPaths, username: string, password: string): Promise<UnlockedDesk | null> {
  const r = await unlockThroughSlots(paths, async (file) => {
    const slot = userSlot(file, username);
    // No slot (an unknown or disabled name): the same scrypt work on a decoy, which never opens.
    const opened = await withSecretBytes(password, (secret) => openUserSlot(file.deskId, slot ?? decoySlot(file, username), secret));
    return opened && slot ? { dataKey: opened.dataKey, extra: { slot, signingKey: opened.signingKey } } : null;
  });
  if (!r) return null;
  const { unlocked, extra } = r;
  const { slot, signingKey } = extra;
  let account: { slot_id: string | null } | undefined;
  try {
    account = await unlocked.store.db.selectFrom('accounts').select('slot_id').where('username', '=', username).executeTakeFirst();
  } catch (e) {
    await lockDesk(unlocked); // e.g. a damaged page: leave no connection (or data key) behind
    throw e;
  }
  if (!account || account.slot_id !== slot.id) {
    // A slot from an older copy of the slot file (before a reset, password change or disable).
    await lockDesk(unlocked);
    signingKey?.fill(0);
    return null;
  }
  try {
    await loadSigningKey(paths, unlocked, slot, username, password, signingKey);
  } catch (e) {
    await lockDesk(unlocked);
    throw e;
  }
  return unlocked;
}

/**
 * Makes the person's signing key sign their audit rows on this connection. An account whose slot
 * predates signing gets its key now: added to the same slot, introduced by a row the desk's system key
 * signs (verification accepts that only while the account has no key yet).
 */
async function loadSigningKey(paths: DeskPaths, desk: UnlockedDesk, slot: KeySlot, username: string, password: string, signingKey: Buffer | null): Promise<void> {
  if (signingKey && slot.box) {
    await loadSigner(desk.store.db, username, signingKey);
    signingKey.fill(0);
    return;
  }
  // A slot from before sealing (a re-key could not reach it) or before signing: brought up to date now.
  const pair = signingKey ? null : newSigningKeyPair();
  const key = signingKey ?? pair!.privateKey;
  const upgraded = await withSecretBytes(password, (secret) => upgradeSlot(desk.deskId, slot, secret, desk.dataKey, key));
  await desk.store.db.transaction().execute(async (trx) => {
    if (pair) await appendAudit(trx, { actor: username, action: 'account.enrol', entity: 'account', entityId: username, publicKey: pair.publicKey, signAsSystem: true });
    await writeSlots(paths, trx, withSlot(await readSlots(paths, trx), upgraded));
  });
  await loadSigner(desk.store.db, username, key);
  key.fill(0);
}

export async function unlockWithRecovery(paths: DeskPaths, secret: Buffer): Promise<UnlockedDesk | null> {
  const r = await unlockThroughSlots(paths, async (file) => {
    const slot = recoverySlot(file);
    if (!slot) throw new DeskError({ code: 'NO_RECOVERY_SLOT' });
    const dataKey = await openSlot(file.deskId, slot, secret);
    return dataKey ? { dataKey, extra: null } : null;
  });
  return r?.unlocked ?? null;
}

export async function lockDesk(unlocked: UnlockedDesk): Promise<void> {
  await forgetSigners(unlocked.store.db).catch(() => undefined); // the connection closes next anyway
  forgetColumnKey(unlocked.store.db);
  await unlocked.store.close();
  unlocked.dataKey.fill(0);
}
