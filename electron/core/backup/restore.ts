// Restoring a backup into a data folder that holds no desk (a new PC, or a fresh folder): never over an
// existing desk. The backup is checked before anything is kept: its manifest, each file's size and
// SHA-256, that a staff password (that person's slot) or the recovery key opens it, SQLite's integrity
// check over every page, and that its schema has no change this version does not know. It is copied
// into a staging folder and renamed into place only when all of that holds, the same way a new desk
// comes into being: a failed restore leaves no desk and no half-desk behind.
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { chmod, copyFile, open } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { openDatabase, DatabaseOpenError, type OpenedDatabase } from '../../../db/open.ts';
import { appliedMigrations, migrateToLatest, SchemaTooNewError } from '../../../db/migrate.ts';
import { migrations as knownMigrations } from '../../../db/migrations/index.ts';
import type { DeskPaths } from '../storage/data-dir.ts';
import { fsyncDir } from '../storage/atomic-file.ts';
import { DeskError } from '../errors.ts';
import type { RestoreProblem } from '../../contract/index.ts';
import { openSlot, openUserSlot, readKeySlots, recoverySlot, userSlot, type KeySlotFile } from '../keys/key-slots.ts';
import { loadSigner } from '../audit/signing-keys.ts';
import { alteredManifestField } from './manifest-mac.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { deskPresence } from '../vault/vault.ts';
import { BACKUP_FILES, manifestSchema, type BackupManifest } from './manifest.ts';
import { integrityCheckInWorker, SnapshotError } from './snapshot.ts';

export type RestoreSecret = { kind: 'password'; username: string; password: string } | { kind: 'recovery'; secret: Buffer };

export interface RestoreRequest {
  backupPath: string;
  /** The data folder to restore into: it must hold no desk. */
  paths: DeskPaths;
  secret: RestoreSecret;
  now?: Date;
}

export interface Restored {
  deskId: string;
  cases: number;
  manifest: BackupManifest;
}

const invalid = (reason: RestoreProblem) => new DeskError(reason, { field: 'backupPath' });

/** Streamed, so a 100 MB file does not hold up the main thread. */
async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The backup's manifest, and that each of its files is there, whole and unaltered. */
export async function verifyBackup(backupPath: string, options: { hashes?: boolean } = {}): Promise<BackupManifest> {
  const dir = resolve(backupPath);
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw invalid({ code: 'NO_BACKUP_AT', path: dir });
  }
  if (!isDir) throw invalid({ code: 'NOT_A_BACKUP_FOLDER', path: dir });
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw invalid({ code: 'MANIFEST_MISSING', path: dir });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    throw invalid({ code: 'MANIFEST_DAMAGED' });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw invalid({ code: 'MANIFEST_DAMAGED' });
  const manifest = parsed.data;
  for (const file of BACKUP_FILES) {
    const path = join(dir, file);
    const want = manifest.files[file];
    if (!existsSync(path)) throw invalid({ code: 'BACKUP_FILE_MISSING', file });
    const size = statSync(path).size;
    if (size < want.bytes) throw invalid({ code: 'BACKUP_FILE_TRUNCATED', file, bytes: size, expected: want.bytes });
    if (size > want.bytes) throw invalid({ code: 'BACKUP_FILE_ALTERED', file, bytes: size, expected: want.bytes });
    if (options.hashes !== false && (await sha256File(path)) !== want.sha256) {
      throw invalid({ code: 'BACKUP_FILE_CHECKSUM', file });
    }
  }
  const unknown = manifest.schema.migrations.filter((m) => !Object.hasOwn(knownMigrations, m));
  if (unknown.length > 0) throw tooNew(unknown);
  return manifest;
}

const tooNew = (unknown: string[]) =>
  new DeskError({ code: 'BACKUP_TOO_NEW', unknown });

async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  await chmod(to, 0o600).catch(() => undefined); // a file system without modes has nothing to narrow
  const fh = await open(to, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function restoreBackup(req: RestoreRequest): Promise<Restored> {
  const { paths } = req;
  const now = req.now ?? new Date();
  if (deskPresence(paths).state !== 'new') {
    throw new DeskError({ code: 'RESTORE_WOULD_OVERWRITE', dataDir: paths.dataDir });
  }
  const backupDir = resolve(req.backupPath);
  // Cheap checks first (manifest, sizes); the hashes are checked on the staged copies, the bytes kept.
  const manifest = await verifyBackup(backupDir, { hashes: false });

  for (const name of readdirSync(paths.dataDir)) {
    if (name.startsWith('.desk-restore-')) rmSync(join(paths.dataDir, name), { recursive: true, force: true });
  }
  const staging = join(paths.dataDir, `.desk-restore-${randomBytes(6).toString('hex')}`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    const staged = await stageBackup(backupDir, manifest, staging, req.secret, now, { to: 'data folder' });
    staged.dataKey.fill(0);
    await staged.store.close(); // checkpoints the WAL into the file before the folder moves
    if (existsSync(paths.deskDir)) rmdirSync(paths.deskDir); // empty: deskPresence said new
    renameSync(staging, paths.deskDir);
    fsyncDir(paths.dataDir);
    return { deskId: staged.deskId, cases: staged.cases, manifest };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

/** A backup copied into `staging`, checked and opened: its database open under the data key (the caller closes it and zeroes the key). */
export interface StagedBackup {
  store: OpenedDatabase;
  dataKey: Buffer;
  deskId: string;
  slots: KeySlotFile;
  cases: number;
}

/**
 * Copies the backup's files into `staging` and checks them (checksums, the secret opens a slot, the
 * manifest's seal, every page, the schema), brings the schema up to date and records the restore in the
 * backup's own audit log (signed by the person when a password opened it; `to` says where it goes). Nothing
 * outside `staging` is touched: a wrong password or a damaged backup leaves every desk as it was.
 */
export async function stageBackup(backupDir: string, manifest: BackupManifest, staging: string, s: RestoreSecret, now: Date, where: { to: 'data folder' | 'server' }): Promise<StagedBackup> {
  const dbPath = join(staging, 'desk.db');
  const slotsPath = join(staging, 'keyslots.json');
  let dataKey: Buffer | null = null;
  let signingKey: Buffer | null = null;
  let kept = false;
  try {
    for (const file of BACKUP_FILES) {
      await copyDurably(join(backupDir, file), join(staging, file));
      if ((await sha256File(join(staging, file))) !== manifest.files[file].sha256) {
        throw invalid({ code: 'BACKUP_FILE_CHECKSUM', file });
      }
    }
    const slots = readKeySlots(slotsPath);
    if (slots.deskId !== manifest.deskId) throw invalid({ code: 'BACKUP_SLOTS_OTHER_DESK' });

    const slot = s.kind === 'password' ? userSlot(slots, s.username) : recoverySlot(slots);
    if (s.kind === 'recovery' && !slot) throw new DeskError({ code: 'BACKUP_NO_RECOVERY_SLOT' });
    if (s.kind === 'password' && slot) {
      // The person's signing key too: the restore is recorded as theirs, signed by them.
      const opened = await openUserSlot(slots.deskId, slot, Buffer.from(s.password, 'utf8'));
      dataKey = opened?.dataKey ?? null;
      signingKey = opened?.signingKey ?? null;
    } else dataKey = slot ? await openSlot(slots.deskId, slot, s.kind === 'password' ? Buffer.from(s.password, 'utf8') : s.secret) : null;
    if (!dataKey) {
      throw s.kind === 'password'
        ? new DeskError({ code: 'BACKUP_PASSWORD_WRONG' }, { field: 'password' })
        : new DeskError({ code: 'BACKUP_RECOVERY_KEY_WRONG' }, { field: 'recoveryKey' });
    }

    // The manifest proves itself under the data key: a field changed since the backup was written is named.
    const altered = alteredManifestField(manifest, dataKey);
    if (altered) throw new DeskError({ code: 'BACKUP_MANIFEST_ALTERED', manifestField: altered }, { field: 'backupPath' });

    const doesNotOpen = () => new DeskError({ code: 'BACKUP_DOES_NOT_OPEN' });
    // Every page read and its tag verified, on a worker thread (seconds at 100,000 cases).
    let lines: string[];
    try {
      lines = (await integrityCheckInWorker(dbPath, dataKey)).integrity;
    } catch (e) {
      if (e instanceof SnapshotError && e.code === 'SQLITE_NOTADB') throw doesNotOpen();
      if (e instanceof SnapshotError && e.code?.startsWith('SQLITE_CORRUPT')) lines = [`a page does not verify (${e.code})`];
      else throw e;
    }
    if (!(lines.length === 1 && lines[0] === 'ok')) {
      throw new DeskError({ code: 'BACKUP_INTEGRITY', details: lines.slice(0, 3) });
    }
    let store: OpenedDatabase;
    try {
      store = openDatabase(dbPath, dataKey);
    } catch (e) {
      if (e instanceof DatabaseOpenError) throw doesNotOpen();
      throw e;
    }
    let cases = 0;
    try {
      const unknown = (await appliedMigrations(store.db)).filter((m) => !Object.hasOwn(knownMigrations, m));
      if (unknown.length > 0) throw tooNew(unknown);
      if (s.kind === 'password') {
        const account = await store.db.selectFrom('accounts').select(['slot_id', 'disabled']).where('username', '=', s.username).executeTakeFirst();
        // A slot the account no longer names (an older slot file) or a disabled account opens nothing.
        if (!account || account.slot_id !== slot!.id || account.disabled === 1) {
          throw new DeskError({ code: 'BACKUP_PASSWORD_WRONG' }, { field: 'password' });
        }
      }
      try {
        await migrateToLatest(store.db); // a backup from an older version is brought up to date here
      } catch (e) {
        if (e instanceof SchemaTooNewError) throw tooNew(e.unknown);
        throw e;
      }
      if (s.kind === 'password' && signingKey) await loadSigner(store.db, s.username, signingKey);
      cases = Number((await store.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      await appendAudit(
        store.db,
        {
          actor: s.kind === 'password' ? s.username : null,
          action: 'desk.restore',
          entity: 'desk',
          entityId: slots.deskId,
          detail: { backup: basename(backupDir), backupCreatedAt: manifest.createdAt, with: s.kind === 'password' ? 'password' : 'recovery key', cases, ...(where.to === 'server' ? { to: 'server' } : {}) },
        },
        now,
      );
    } catch (e) {
      await store.close();
      throw e;
    }
    kept = true;
    return { store, dataKey, deskId: slots.deskId, slots, cases };
  } finally {
    if (!kept) dataKey?.fill(0);
    signingKey?.fill(0);
  }
}
