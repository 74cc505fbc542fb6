// Writing one backup: a folder PrivacyDesk-<desk>-<YYYYMMDD-HHMMSS>.pdbackup holding desk.db (a consistent,
// still encrypted copy of the live database), keyslots.json (the key-slot file as it stood at that moment)
// and manifest.json. It is built as .<name>.partial beside where it will live, every file fsynced, then
// renamed into place and the folder fsynced: a backup folder with our name is always complete. Only after
// that are this desk's oldest backups beyond the keep-N rule deleted. Any failure removes the partial
// folder, leaves the live desk alone and keeps every earlier backup.
import { diskFull, isDiskFull } from '../storage/disk-full.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { BackupResult, Reason } from '../../contract/index.ts';
import type { DeskPaths } from '../storage/data-dir.ts';
import { DeskError } from '../errors.ts';
import { APP_VERSION } from '../version.ts';
import { backupFolderName, backupsToDelete, parseBackupName, type FolderEntry } from './policy.ts';
import { MANIFEST_FORMAT, manifestSchema, type BackupManifest } from './manifest.ts';
import { manifestMac } from './manifest-mac.ts';
import { nodeBackupFs, type BackupFs } from './backup-fs.ts';
import { snapshotInWorker, type SnapshotResult, type Snapshotter } from './snapshot.ts';
import { snapshotShared } from './shared-snapshot.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { codeOf, nameOf } from '../thrown.ts';

export interface BackupSource {
  paths: DeskPaths;
  deskId: string;
  /** The unlocked desk's data key (not kept: the copy is made with a copy of it). */
  dataKey: Buffer;
  deskName: { ja: string; en: string };
  /**
   * A shared desk: its database on the server, copied in one REPEATABLE READ snapshot (shared-snapshot.ts)
   * with the key slots read in the same transaction, instead of the local file and keyslots.json.
   */
  server?: Kysely<DB>;
}

export type BackupStep = 'folder-created' | 'database-copied' | 'keyslots-written' | 'manifest-written' | 'renamed';

export interface BackupOptions {
  now?: Date;
  /** Delete this desk's oldest backups in the folder so this many remain (after the new one is complete). */
  keep?: number;
  fs?: BackupFs;
  snapshot?: Snapshotter;
  /** Tests: runs after each step, with the folder being built (the partial one until 'renamed'). */
  onStep?: (step: BackupStep, dir: string) => void | Promise<void>;
  log?: (line: string) => void;
}

const errCode = (e: unknown): string | undefined => {
  const c = codeOf(e);
  return typeof c === 'string' ? c : undefined;
};

/** The failure as a code, naming the folder and never the data: shown on the status bar and kept in the status file. */
async function reasonFor(e: unknown, folder: string, fs: BackupFs): Promise<Reason> {
  if (e instanceof DeskError) return e.reason;
  const code = errCode(e) ?? '';
  if (!(await fs.isDirectory(folder))) return { code: 'BACKUP_FOLDER_VANISHED', folder };
  if (isDiskFull(e)) return diskFull(folder);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) return { code: 'FOLDER_NOT_WRITABLE', folder };
  if (code === 'ENOENT') return { code: 'FOLDER_CHANGED', folder };
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return { code: 'FOLDER_IO_ERROR', folder };
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { code: 'BACKUP_SOURCE_DAMAGED' };
  return { code: 'BACKUP_FAILED', folder, system: code || nameOf(e, 'unknown error') };
}

/** Picks a name no folder (complete or partial) has yet: a second backup in the same second gets -2, -3, … */
async function freshName(fs: BackupFs, folder: string, deskName: string, at: Date): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const name = backupFolderName(deskName, at, n);
    if (!(await fs.exists(join(folder, name))) && !(await fs.exists(join(folder, `.${name}.partial`)))) return name;
  }
  throw new DeskError({ code: 'TOO_MANY_BACKUPS_THIS_SECOND', folder });
}

/**
 * The key-slot file must match the copy's accounts. Account changes write the slot file and commit their
 * row within one turn of the event loop, so equal bytes before and after the copy mean the copy and the
 * slot file belong together; otherwise someone changed a password meanwhile: again.
 */
async function localCopy(source: BackupSource, dbPath: string, fs: BackupFs, snapshot: Snapshotter): Promise<{ copy: SnapshotResult; slots: Buffer }> {
  for (let attempt = 1; ; attempt++) {
    const before = readFileSync(source.paths.keySlots);
    await fs.removeTree(dbPath);
    await fs.createEmpty(dbPath);
    const copy = await snapshot({ source: source.paths.database, dataKey: source.dataKey, target: dbPath });
    const after = readFileSync(source.paths.keySlots);
    if (before.equals(after)) return { copy, slots: after };
    if (attempt === 3) throw new DeskError({ code: 'ACCOUNTS_KEPT_CHANGING' });
  }
}

export async function writeBackup(source: BackupSource, folder: string, options: BackupOptions = {}): Promise<BackupResult> {
  const fs = options.fs ?? nodeBackupFs;
  const snapshot = options.snapshot ?? snapshotInWorker;
  const step = options.onStep ?? (() => {});
  const at = options.now ?? new Date();
  if (!(await fs.isDirectory(folder))) {
    throw new DeskError({ code: 'BACKUP_FOLDER_MISSING', folder });
  }
  let name: string;
  let partial: string | undefined;
  let copy: SnapshotResult;
  try {
    name = await freshName(fs, folder, source.deskName.en, at);
    partial = join(folder, `.${name}.partial`);
    await fs.mkdir(partial);
    await step('folder-created', partial);

    const dbPath = join(partial, 'desk.db');
    let slots: Buffer;
    if (source.server) {
      // One REPEATABLE READ transaction reads the tables and the slots: they belong together by construction.
      await fs.createEmpty(dbPath);
      ({ result: copy, slots } = await snapshotShared(source.server, { dataKey: source.dataKey, target: dbPath }));
    } else {
      ({ copy, slots } = await localCopy(source, dbPath, fs, snapshot));
    }
    await step('database-copied', partial);

    await fs.writeFile(join(partial, 'keyslots.json'), slots);
    await step('keyslots-written', partial);

    const unsigned: Omit<BackupManifest, 'mac'> = {
      format: MANIFEST_FORMAT,
      deskId: source.deskId,
      deskName: source.deskName,
      schema: { version: copy.migrations.length, migrations: copy.migrations },
      appVersion: APP_VERSION,
      createdAt: at.toISOString(),
      cases: copy.cases,
      files: {
        'desk.db': { sha256: copy.sha256, bytes: copy.bytes },
        'keyslots.json': { sha256: createHash('sha256').update(slots).digest('hex'), bytes: slots.length },
      },
      audit: copy.audit ?? null,
    };
    const manifest: BackupManifest = { ...unsigned, mac: manifestMac(unsigned, source.dataKey) };
    await fs.writeFile(join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    await step('manifest-written', partial);

    await fs.fsyncDir(partial);
    await fs.rename(partial, join(folder, name));
    partial = undefined;
    await fs.fsyncDir(folder);
    await step('renamed', join(folder, name));
  } catch (e) {
    const reason = await reasonFor(e, folder, fs);
    if (partial) await fs.removeTree(partial).catch(() => undefined);
    throw new DeskError(reason);
  }

  const removed = options.keep === undefined ? [] : await applyRetention(fs, folder, source.deskId, options.keep, name, options.log);
  return { path: join(folder, name), at: at.toISOString(), cases: copy.cases, bytes: copy.bytes, removed };
}

/** Which desk a backup folder belongs to, from its manifest; null when it has no readable one. */
async function manifestDeskId(fs: BackupFs, dir: string): Promise<string | null> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse((await fs.readFile(join(dir, 'manifest.json'))).toString('utf8')));
    return parsed.success ? parsed.data.deskId : null;
  } catch {
    return null;
  }
}

/** Deletes this desk's backups beyond the newest `keep`; never `justWritten`, never anything else. */
export async function applyRetention(fs: BackupFs, folder: string, deskId: string, keep: number, justWritten: string, log?: (line: string) => void): Promise<string[]> {
  const removed: string[] = [];
  try {
    const entries: FolderEntry[] = [];
    for (const e of await fs.list(folder)) {
      const ours = e.isDirectory && parseBackupName(e.name) !== null;
      entries.push({ ...e, deskId: ours ? await manifestDeskId(fs, join(folder, e.name)) : null });
    }
    for (const name of backupsToDelete(entries, deskId, keep)) {
      if (name === justWritten) continue;
      await fs.removeTree(join(folder, name));
      removed.push(name);
    }
  } catch (e) {
    // The new backup is complete; an old one left behind is not worth failing it for.
    log?.(`[backup] retention stopped (${errCode(e) ?? nameOf(e)})`);
  }
  return removed;
}
