// "A copy of the encrypted database must be keyed exactly like the source." Which copy method does that,
// checked on a real desk: VACUUM INTO on a keyed connection writes a copy under the same cipher and key
// (it opens with the data key, not without it, not with another key, and holds no plaintext);
// better-sqlite3's db.backup() cannot write an encrypted copy at all. The worker the desk uses
// (snapshotInWorker) is the VACUUM INTO route on its own connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openRaw, DatabaseOpenError, type RawDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { snapshotInWorker } from '../../../electron/core/backup/snapshot.ts';
import { newDesk, tempDir } from '../../support/desk.ts';
import { createCases, dataKeyOf, KNOWN_MEMBER } from '../../support/backup.ts';

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

let dir: { path: string; remove(): void };
let out: { path: string; remove(): void };
let key: Buffer;
let source: RawDatabase;

beforeAll(async () => {
  dir = tempDir();
  out = tempDir('pd-copy-');
  const { rt } = await newDesk(dir.path);
  await createCases(rt, 3);
  await rt.close();
  key = await dataKeyOf(dir.path);
  source = openRaw(deskPaths(dir.path).database, key);
});

afterAll(() => {
  source.close();
  key.fill(0);
  dir.remove();
  out.remove();
});

/** Opens with the given key (or none) and reads the cases; the error code when it cannot. */
function readWith(path: string, k: Buffer | null): { cases: number } | { error: string } {
  const db = new Database(path, { fileMustExist: true, readonly: true });
  try {
    if (k) {
      db.pragma(`cipher='chacha20'`);
      db.pragma(`key='raw:${k.toString('hex')}'`);
    }
    return { cases: (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n };
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  } finally {
    db.close();
  }
}

function expectKeyedLikeTheSource(path: string) {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 16).equals(PLAIN_HEADER)).toBe(false);
  expect(bytes.includes(Buffer.from(KNOWN_MEMBER))).toBe(false);
  expect(readWith(path, key)).toEqual({ cases: 3 });
  expect(readWith(path, null)).toEqual({ error: 'SQLITE_NOTADB' });
  expect(readWith(path, randomBytes(32))).toEqual({ error: 'SQLITE_NOTADB' });
  // And through the desk's own open: integrity holds, the member is there.
  const copy = openRaw(path, key);
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT member_name FROM cases LIMIT 1').get() as { member_name: string }).member_name).toBe(KNOWN_MEMBER);
  } finally {
    copy.close();
  }
  expect(() => openRaw(path, randomBytes(32))).toThrow(DatabaseOpenError);
}

describe('which copy of the live encrypted database is keyed like it', () => {
  it('VACUUM INTO on the keyed connection: the copy opens with the data key only, and holds no plaintext', () => {
    const target = join(out.path, 'vacuum-into.db');
    source.prepare('VACUUM INTO ?').run(target);
    expectKeyedLikeTheSource(target);
  });

  it("better-sqlite3's db.backup() cannot write an encrypted copy: SQLite3MultipleCiphers refuses the unkeyed target", async () => {
    const target = join(out.path, 'backup-api.db');
    await expect(source.backup(target)).rejects.toThrow(/incompatible source and target/);
    // It leaves at most an empty file behind: nothing that is a copy.
    expect(existsSync(target) ? readFileSync(target).length : 0).toBe(0);
  });

  it('the worker the desk uses (its own keyed connection, VACUUM INTO): keyed like the source; size and SHA-256 reported', async () => {
    const target = join(out.path, 'worker.db');
    const keyCopy = Buffer.from(key);
    const r = await snapshotInWorker({ source: deskPaths(dir.path).database, dataKey: keyCopy, target });
    expect(keyCopy.equals(key)).toBe(true); // the caller's key is the caller's: the worker wipes only its own copy
    const bytes = readFileSync(target); // before expectKeyedLikeTheSource opens it read-write (WAL changes the header)
    expect(r).toEqual({ cases: 3, audit: expect.objectContaining({ seq: expect.any(Number) }), migrations: Object.keys(migrations), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    expectKeyedLikeTheSource(target);
    // No temp or journal file was left beside the copy.
    expect(readdirSync(out.path).filter((f) => f.startsWith('worker.db'))).toEqual(['worker.db']);
  });
});
