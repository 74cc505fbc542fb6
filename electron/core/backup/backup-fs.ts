// Every file operation the backup writer makes in the backup folder, behind one small interface, so the
// tests can make the disk full or the folder vanish at an exact step (the real ones happen on a USB
// drive pulled out halfway, which no test can do). The database copy itself is written by SQLite.
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { constants } from 'node:fs';

export interface BackupFs {
  /** Is there a folder at `path`? (false for a file or nothing) */
  isDirectory(path: string): Promise<boolean>;
  exists(path: string): Promise<boolean>;
  /** Creates one folder (its parent must exist), readable by this user only. */
  mkdir(path: string): Promise<void>;
  /** An empty file for SQLite to fill, readable by this user only. */
  createEmpty(path: string): Promise<void>;
  /** Writes a new file and fsyncs it. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  fsyncDir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a folder and what it holds; nothing there is not an error. */
  removeTree(path: string): Promise<void>;
  list(path: string): Promise<Array<{ name: string; isDirectory: boolean }>>;
}

export const nodeBackupFs: BackupFs = {
  async isDirectory(path) {
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  },
  async exists(path) {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  },
  async mkdir(path) {
    await mkdir(path, { mode: 0o700 });
  },
  async createEmpty(path) {
    const fh = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    await fh.close();
  },
  async writeFile(path, data) {
    const fh = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
  readFile: (path) => readFile(path),
  async fsyncDir(path) {
    // Windows cannot open a folder for fsync; NTFS makes the rename durable through its journal.
    if (process.platform === 'win32') return;
    const fh = await open(path, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
  rename: (from, to) => rename(from, to),
  removeTree: (path) => rm(path, { recursive: true, force: true }),
  async list(path) {
    return (await readdir(path, { withFileTypes: true })).map((d) => ({ name: d.name, isDirectory: d.isDirectory() }));
  },
};
