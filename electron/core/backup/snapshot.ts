// The consistent copy of the live database, taken on a worker thread so the desk stays responsive.
//
// How it is keyed (checked in test/integration/backup/keying.test.ts): `VACUUM INTO` on a connection
// keyed with the data key writes a copy encrypted with the same cipher and key — it opens with the data
// key, not without it and not with another. better-sqlite3's `db.backup()` cannot make that copy: it opens
// the target with a fresh, unkeyed handle, and SQLite3MultipleCiphers refuses to back up an encrypted
// database into it ("incompatible source and target databases"); the binding does not take URI keys
// (it creates a file literally named after the URI, key included). So: VACUUM INTO.
//
// The worker opens its own connection with the data key. VACUUM INTO reads one snapshot (a read
// transaction) of the WAL database while the desk's own connection keeps writing; temp storage stays in
// memory, because the index sorts of a VACUUM would otherwise spill plaintext into a temp file. The
// worker also counts the copy's cases, reads its applied migrations (proving the copy opens with the
// key), fsyncs it and hashes it, all off the main thread.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface SnapshotRequest {
  /** The live database. */
  source: string;
  /** The data key; the worker gets its own copy and wipes it when done. */
  dataKey: Buffer;
  /** An empty file or none: the copy is written here. */
  target: string;
}

export interface SnapshotResult {
  cases: number;
  /** The copy's audit head (its last row), or null/absent for an empty log. */
  audit?: { seq: number; hash: string; at: string } | null;
  migrations: string[];
  sha256: string;
  bytes: number;
}

export type Snapshotter = (req: SnapshotRequest) => Promise<SnapshotResult>;

/** An error from the worker, keeping SQLite's or the system's code (SQLITE_FULL, ENOSPC, …). */
export class SnapshotError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.name = 'SnapshotError';
    this.code = code;
  }
}

// A small ES module in plain JavaScript, started from a data: URL: no bundler or type stripping stands
// between it and Node or Electron, and the SQLite package is imported from the file the main thread
// resolved (a data: module has no folder to resolve a package name from).
const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
import { openSync, fsyncSync, closeSync, readSync, fstatSync } from 'node:fs';
import { createHash } from 'node:crypto';
const key = Buffer.from(workerData.key.buffer, workerData.key.byteOffset, workerData.key.byteLength);
function keyed(Database, path, readonly) {
  const db = new Database(path, { fileMustExist: true, readonly });
  try {
    db.pragma("cipher='chacha20'");
    // The key as bytes (never a string): 'raw:' and its hex digits, zeroed once used.
    const material = Buffer.alloc(68);
    material.write('raw:', 0, 'latin1');
    for (let i = 0; i < 32; i++) material.write((key[i] >> 4).toString(16) + (key[i] & 15).toString(16), 4 + 2 * i, 'latin1');
    try {
      db.key(material);
    } finally {
      material.fill(0);
    }
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 10000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
async function check() {
  const { default: Database } = await import(workerData.moduleUrl);
  const db = keyed(Database, workerData.source, false); // read-write only so that a WAL-mode file opens too
  try {
    key.fill(0);
    // Checking each index against its table jumps around the file: with SQLite's default 2 MB cache every
    // page is read (and decrypted) again and again. 64 MB makes it ~4x faster at 100,000 cases.
    db.pragma('cache_size = -65536');
    return { ok: true, integrity: db.pragma('integrity_check').map((r) => String(Object.values(r)[0])) };
  } finally {
    db.close();
  }
}
async function snapshot() {
  const { default: Database } = await import(workerData.moduleUrl);
  const src = keyed(Database, workerData.source, false);
  try {
    src.prepare('VACUUM INTO ?').run(workerData.target);
  } finally {
    src.close();
  }
  const copy = keyed(Database, workerData.target, true);
  let cases = 0;
  let migrations = [];
  let audit = null;
  try {
    const has = (t) => copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(t).n > 0;
    if (has('cases')) cases = copy.prepare('SELECT count(*) AS n FROM cases').get().n;
    if (has('audit_log')) audit = copy.prepare('SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1').get() ?? null;
    if (has('kysely_migration')) migrations = copy.prepare('SELECT name FROM kysely_migration ORDER BY name').all().map((r) => r.name);
  } finally {
    copy.close();
  }
  key.fill(0);
  const fd = openSync(workerData.target, 'r+');
  let bytes = 0;
  const hash = createHash('sha256');
  try {
    fsyncSync(fd);
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, bytes);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      bytes += n;
    }
    if (fstatSync(fd).size !== bytes) throw Object.assign(new Error('the copy changed while it was hashed'), { code: 'EIO' });
  } finally {
    closeSync(fd);
  }
  return { ok: true, cases, audit, migrations, sha256: hash.digest('hex'), bytes };
}
try {
  parentPort.postMessage(workerData.job === 'check' ? await check() : await snapshot());
} catch (e) {
  key.fill(0);
  parentPort.postMessage({ ok: false, code: e && typeof e.code === 'string' ? e.code : undefined, message: String((e && e.message) || e) });
}
`;

let moduleUrl: string | undefined;
const workerUrl = new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`);

/** Runs one job on a fresh worker thread with its own copy of the key (wiped by the worker when done). */
function runWorker<T>(job: 'snapshot' | 'check', data: { source: string; target?: string }, dataKey: Buffer): Promise<T> {
  moduleUrl ??= pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers')).href;
  const key = new Uint8Array(dataKey);
  return new Promise<T>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { workerData: { job, moduleUrl, ...data, key } });
    } catch (e) {
      reject(e);
      return;
    } finally {
      key.fill(0); // the worker holds its own copy from here on
    }
    let settled = false;
    worker.once('message', (m: ({ ok: true } & T) | { ok: false; code?: string; message: string }) => {
      settled = true;
      if (m.ok) {
        const { ok: _ok, ...value } = m;
        // Must stay: the worker's message is structured-cloned data; its shape is this module's own
        // worker's answer for the job it was given (snapshot-worker.ts), which TypeScript cannot follow.
        resolve(value as unknown as T);
      } else reject(new SnapshotError(m.message, m.code));
    });
    worker.once('error', (e) => {
      if (settled) return;
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new SnapshotError(`the backup worker stopped (exit code ${code})`, undefined));
    });
  });
}

export const snapshotInWorker: Snapshotter = (req) => runWorker<SnapshotResult>('snapshot', { source: req.source, target: req.target }, req.dataKey);

/**
 * SQLite's integrity check of an encrypted database file, off the main thread (about 2 s at 100,000
 * cases): every page is read and its Poly1305 tag verified. ['ok'] when whole; SnapshotError with
 * SQLITE_NOTADB when the key does not open it.
 */
export function integrityCheckInWorker(path: string, dataKey: Buffer): Promise<{ integrity: string[] }> {
  return runWorker<{ integrity: string[] }>('check', { source: path }, dataKey);
}
