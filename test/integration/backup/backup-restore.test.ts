// "A dead office PC loses no case": a backup taken while staff keep working restores, on another PC,
// to exactly the cases of the source; it stays encrypted on the USB drive; a truncated, altered or
// too-new backup is refused with a clear reason; a restore never overwrites a desk and leaves none
// behind when it fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { BackupResult } from '../../../electron/contract/index.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { readKeySlots } from '../../../electron/core/keys/key-slots.ts';
import { recoverySecret } from '../../../electron/core/keys/recovery-key.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { manifestMac } from '../../../electron/core/backup/manifest-mac.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { writeBackup } from '../../../electron/core/backup/backup.ts';
import { restoreBackup, verifyBackup, type RestoreSecret } from '../../../electron/core/backup/restore.ts';
import { manifestSchema, type BackupManifest } from '../../../electron/core/backup/manifest.ts';
import { sqliteStore, openRaw } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { APP_VERSION } from '../../../electron/core/version.ts';
import { DESK, newDesk, openRuntime, snapshot, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { allBytes, caseRows, createCases, dataKeyOf, KNOWN_MEMBER } from '../../support/backup.ts';

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const dirs: Array<{ path: string; remove(): void }> = [];
const dir = (prefix = 'pd-bk-') => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d.path;
};
afterAll(() => dirs.splice(0).forEach((d) => d.remove()));

const password: RestoreSecret = { kind: 'password', username: SUPERVISOR.username, password: SUPERVISOR.password };

/** Restoring must fail with this code and message, and leave the target folder as empty as it was. */
async function refused(backupPath: string, secret: RestoreSecret, expected: { code: string; message: RegExp; reason?: Record<string, string> }) {
  const target = dir('pd-restore-');
  const exists = existsSync(backupPath) && statSync(backupPath).isDirectory();
  const before = exists ? snapshot(backupPath) : null;
  await expect(restoreBackup({ backupPath, paths: deskPaths(target), secret })).rejects.toMatchObject({ code: expected.code, message: expect.stringMatching(expected.message), ...(expected.reason ? { reason: expected.reason } : {}) });
  expect(readdirSync(target), 'a failed restore leaves nothing in the data folder').toEqual([]);
  if (exists) expect(snapshot(backupPath), 'restoring never changes the backup').toEqual(before);
}

/** A copy of a backup folder to damage. */
function copyOf(backup: string): string {
  const copy = join(dir('pd-bad-'), 'PrivacyDesk-Copy-20261124-100000.pdbackup');
  cpSync(backup, copy, { recursive: true });
  return copy;
}

/** Changes the manifest; with the data key, signs it again as the desk would have written it. */
function rewriteManifest(backup: string, change: (m: Record<string, unknown>) => void, dataKey?: Buffer) {
  const path = join(backup, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(m);
  if (dataKey) {
    delete m.mac;
    m.mac = manifestMac(m as unknown as Omit<BackupManifest, 'mac'>, dataKey);
  }
  writeFileSync(path, JSON.stringify(m));
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let source: string;
let recoveryKey: string;
let usb: string;
let backup: BackupResult;

beforeAll(async () => {
  source = dir();
  usb = dir('pd-usb-');
  const made = await newDesk(source);
  recoveryKey = made.recoveryKey;
  const { rt } = made;
  await createCases(rt, 5);
  // A known plaintext in a setting, too.
  value(await rt.call('settings.update', { desk: { ...DESK, addressEn: `c/o ${KNOWN_MEMBER}, Tokyo` }, backup: { folder: usb, keep: 10, onLock: false, daily: false } }));
  backup = value(await rt.call('backup.now', {}));
  await rt.close();
});

describe('a backup folder', () => {
  it('is PrivacyDesk-<desk>-<YYYYMMDD-HHMMSS>.pdbackup holding desk.db, keyslots.json and manifest.json, readable by this user only', () => {
    expect(backup.path.startsWith(usb)).toBe(true);
    expect(backup.path).toMatch(/PrivacyDesk-CareerModel-Support-Desk-\d{8}-\d{6}\.pdbackup$/);
    expect(readdirSync(usb)).toEqual([backup.path.slice(usb.length + 1)]);
    expect(readdirSync(backup.path).sort()).toEqual(['desk.db', 'keyslots.json', 'manifest.json']);
    expect(statSync(backup.path).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(backup.path)) expect([f, statSync(join(backup.path, f)).mode & 0o777]).toEqual([f, 0o600]);
  });

  it('has a manifest naming the desk, its schema, the app, the time, the case count and each file’s SHA-256 — and no personal data', () => {
    const raw = readFileSync(join(backup.path, 'manifest.json'), 'utf8');
    const m = manifestSchema.parse(JSON.parse(raw));
    expect(m).toMatchObject({
      deskId: readKeySlots(deskPaths(source).keySlots).deskId,
      deskName: { ja: DESK.deskNameJa, en: DESK.deskNameEn },
      schema: { version: Object.keys(migrations).length, migrations: Object.keys(migrations) },
      appVersion: APP_VERSION,
      cases: 5,
      createdAt: backup.at,
    });
    for (const f of ['desk.db', 'keyslots.json'] as const) {
      expect(m.files[f]).toEqual({ sha256: sha(join(backup.path, f)), bytes: statSync(join(backup.path, f)).size });
    }
    expect(raw).not.toContain(KNOWN_MEMBER);
    expect(raw).not.toContain('okonkwo');
  });

  it('holds none of a known plaintext, no "SQLite format 3" header, and desk.db does not open without the key', () => {
    const bytes = allBytes(backup.path);
    expect(bytes.includes(Buffer.from(KNOWN_MEMBER))).toBe(false);
    expect(bytes.includes(Buffer.from('okonkwo@example.com'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(() => openRaw(join(backup.path, 'desk.db'), Buffer.alloc(32, 7), { readonly: true })).toThrow(/does not open with this key/);
  });
});

describe('restoring', () => {
  it('round trip: restored with a password, the desk holds exactly the cases of the source, row for row', async () => {
    const target = dir('pd-restore-');
    const r = await restoreBackup({ backupPath: backup.path, paths: deskPaths(target), secret: password });
    expect(r.cases).toBe(5);
    expect(readdirSync(target)).toEqual(['desk']);
    expect(await caseRows(target)).toEqual(await caseRows(source));
    // And through the desk itself: log in, list every case.
    const rt = await openRuntime(target);
    try {
      value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      const page = value(await rt.call('cases.list', {}));
      expect(page.total).toBe(5);
      expect(page.rows.every((row) => (row as unknown as { memberName: string }).memberName === KNOWN_MEMBER)).toBe(true);
    } finally {
      await rt.close();
    }
    // The restore is on the record, the chain intact.
    const desk = await unlockDirect(target);
    try {
      expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true });
      const row = sqliteStore(desk.store).raw.prepare(`SELECT actor, detail FROM audit_log WHERE action = 'desk.restore'`).get() as { actor: string; detail: string };
      expect(row.actor).toBe(SUPERVISOR.username);
      expect(JSON.parse(row.detail)).toMatchObject({ with: 'password', cases: 5 });
    } finally {
      await lockDesk(desk);
    }
  });

  it('with the recovery key: restored, and the staff passwords still work', async () => {
    const target = dir('pd-restore-');
    const r = await restoreBackup({ backupPath: backup.path, paths: deskPaths(target), secret: { kind: 'recovery', secret: recoverySecret(recoveryKey.replaceAll('-', '')) } });
    expect(r.cases).toBe(5);
    expect(await caseRows(target)).toEqual(await caseRows(source));
  });

  it('a wrong password, an unknown user or a wrong recovery key: AUTH_FAILED, and no desk left behind', async () => {
    await refused(backup.path, { ...password, password: 'not the password' }, { code: 'AUTH_FAILED', message: /does not open this backup/ });
    await refused(backup.path, { ...password, username: 'nobody' }, { code: 'AUTH_FAILED', message: /does not open this backup/ });
    await refused(backup.path, { kind: 'recovery', secret: Buffer.alloc(32, 1) }, { code: 'AUTH_FAILED', message: /recovery key does not open this backup/ });
  });

  it('never overwrites an existing desk: ALREADY_SET_UP, and not a byte of it changes', async () => {
    const before = snapshot(source);
    await expect(restoreBackup({ backupPath: backup.path, paths: deskPaths(source), secret: password })).rejects.toMatchObject({ code: 'ALREADY_SET_UP', message: expect.stringContaining('never overwrites') });
    expect(snapshot(source)).toEqual(before);
  });

  it('a truncated desk.db: named, with its size; nothing restored', async () => {
    const bad = copyOf(backup.path);
    truncateSync(join(bad, 'desk.db'), statSync(join(bad, 'desk.db')).size - 4096);
    await refused(bad, password, { code: 'INVALID_INPUT', message: /desk\.db is truncated: it has [\d,]+ of [\d,]+ bytes/ });
  });

  it('an altered desk.db (one byte flipped) or keyslots.json: named, "altered"; nothing restored', async () => {
    const bad = copyOf(backup.path);
    const db = readFileSync(join(bad, 'desk.db'));
    db[db.length >> 1]! ^= 0x01;
    writeFileSync(join(bad, 'desk.db'), db);
    await refused(bad, password, { code: 'INVALID_INPUT', message: /desk\.db was altered or damaged: its SHA-256 does not match/ });

    const bad2 = copyOf(backup.path);
    writeFileSync(join(bad2, 'keyslots.json'), readFileSync(join(bad2, 'keyslots.json'), 'utf8').replace('"format": 1', '"format": 2'));
    await refused(bad2, password, { code: 'INVALID_INPUT', message: /keyslots\.json (was altered|is truncated)/ });
  });

  it('a damaged database under a manifest that matches it (a bad copy made at backup time): the integrity check refuses it', async () => {
    const bad = copyOf(backup.path);
    const db = readFileSync(join(bad, 'desk.db'));
    db[db.length - 100]! ^= 0xff; // inside the last page: its Poly1305 tag no longer verifies
    writeFileSync(join(bad, 'desk.db'), db);
    rewriteManifest(
      bad,
      (m) => {
        (m.files as Record<string, { sha256: string; bytes: number }>)['desk.db']!.sha256 = sha(join(bad, 'desk.db'));
      },
      await dataKeyOf(source),
    );
    await refused(bad, password, { code: 'STORAGE_DAMAGED', message: /fails SQLite's integrity check \(.*\)\. Use another backup; nothing was restored\./ });
  });

  it('a manifest changed after the backup was written (desk name, schema version, date, case count, audit head) is refused naming the field', async () => {
    const changes: Array<[string, (m: Record<string, unknown>) => void]> = [
      ['deskName', (m) => void ((m.deskName as { en: string }).en = 'Another desk')],
      ['schema', (m) => void ((m.schema as { version: number }).version += 1)],
      ['createdAt', (m) => void (m.createdAt = '2020-01-01T00:00:00.000Z')],
      ['cases', (m) => void (m.cases = 4)],
      ['audit', (m) => void ((m.audit as { seq: number }).seq -= 1)],
      ['mac', (m) => void delete m.mac],
    ];
    for (const [field, change] of changes) {
      const altered = copyOf(backup.path);
      rewriteManifest(altered, change);
      await refused(altered, password, { code: 'INVALID_INPUT', reason: { code: 'BACKUP_MANIFEST_ALTERED', manifestField: field }, message: new RegExp(`field "${field}"`) });
    }
  });

  it('a missing or damaged manifest, a missing file, a path that is no backup: each named', async () => {
    const noManifest = copyOf(backup.path);
    rmSync(join(noManifest, 'manifest.json'));
    await refused(noManifest, password, { code: 'INVALID_INPUT', message: /manifest\.json is missing/ });

    const garbled = copyOf(backup.path);
    writeFileSync(join(garbled, 'manifest.json'), '{"format": "privacy-desk-backup/1", "deskId": ');
    await refused(garbled, password, { code: 'INVALID_INPUT', message: /manifest\.json is damaged/ });

    const noSlots = copyOf(backup.path);
    rmSync(join(noSlots, 'keyslots.json'));
    await refused(noSlots, password, { code: 'INVALID_INPUT', message: /incomplete: its keyslots\.json is missing/ });

    await refused(join(usb, 'no-such.pdbackup'), password, { code: 'INVALID_INPUT', message: /There is no backup at/ });
    await refused(join(backup.path, 'desk.db'), password, { code: 'INVALID_INPUT', message: /is not a backup folder/ });
  });

  it('a backup from a newer version (a migration this version does not know) is refused: DESK_TOO_NEW, naming it', async () => {
    // As a newer app would write it: the migration row in the database, and a manifest that says so.
    const newer = copyOf(backup.path);
    const key = await dataKeyOf(source);
    const db = openRaw(join(newer, 'desk.db'), key);
    db.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('0999_from_the_future', '2030-01-01T00:00:00.000Z')`).run();
    db.pragma('journal_mode = DELETE'); // one self-contained file, as a backup is
    db.close();
    rewriteManifest(
      newer,
      (m) => {
        (m.schema as { migrations: string[] }).migrations.push('0999_from_the_future');
        (m.files as Record<string, { sha256: string; bytes: number }>)['desk.db'] = { sha256: sha(join(newer, 'desk.db')), bytes: statSync(join(newer, 'desk.db')).size };
      },
      key,
    );
    await refused(newer, password, { code: 'DESK_TOO_NEW', message: /newer version of Privacy Desk \(it has 1 change\(s\) this version does not know: 0999_from_the_future\)/ });

    // The manifest is not the only guard: a database with the unknown migration under an old manifest is refused too.
    const sneaky = copyOf(newer);
    rewriteManifest(
      sneaky,
      (m) => {
        (m.schema as { migrations: string[] }).migrations.pop();
      },
      key,
    );
    await refused(sneaky, { kind: 'recovery', secret: recoverySecret(recoveryKey.replaceAll('-', '')) }, { code: 'DESK_TOO_NEW', message: /0999_from_the_future/ });
    key.fill(0);
  });
});

describe('a backup taken while staff keep working', () => {
  it('another process appending audit rows throughout: the restored copy passes the integrity check and holds every row committed before the backup began', async () => {
    const live = dir();
    const { rt } = await newDesk(live);
    await rt.close();
    const child: ChildProcess = spawn(process.execPath, [join(REPO, 'test/support/burst-writer.ts'), live, SUPERVISOR.username, SUPERVISOR.password], { stdio: ['ignore', 'pipe', 'inherit'] });
    let committed = 0;
    let ready!: () => void;
    const started = new Promise<void>((ok) => (ready = ok));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') return;
      committed = Number(line);
      if (committed > 300) ready();
    });
    const key = await dataKeyOf(live);
    try {
      await started;
      const before = committed; // the highest seq whose commit had returned before the backup began
      const out = dir('pd-usb-');
      const r = await writeBackup({ paths: deskPaths(live), deskId: readKeySlots(deskPaths(live).keySlots).deskId, dataKey: key, deskName: { ja: DESK.deskNameJa, en: DESK.deskNameEn } }, out);
      const during = committed - before;
      child.kill('SIGKILL');
      const target = dir('pd-restore-');
      await restoreBackup({ backupPath: r.path, paths: deskPaths(target), secret: password }); // runs PRAGMA integrity_check
      const desk = await unlockDirect(target);
      try {
        const { n, max } = sqliteStore(desk.store).raw.prepare(`SELECT count(*) AS n, max(seq) AS max FROM audit_log WHERE seq <= ?`).get(before) as { n: number; max: number };
        expect({ n, max }).toEqual({ n: before, max: before }); // rows 1..before, none missing
        expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true });
        expect(sqliteStore(desk.store).raw.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        await lockDesk(desk);
      }
      expect(during, 'the writer kept committing while the backup ran').toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
      key.fill(0);
    }
  });

  it('the desk’s own writes (cases created through the runtime) carry on while a backup of it is written', async () => {
    const live = dir();
    const { rt } = await newDesk(live);
    try {
      await createCases(rt, 3);
      const key = await dataKeyOf(live);
      const maxBefore = (await caseRows(live)).length;
      const out = dir('pd-usb-');
      let stop = false;
      let createdDuring = 0;
      const writer = (async () => {
        while (!stop) {
          await createCases(rt, 1);
          createdDuring++;
          // Calls reach the desk as events (IPC, HTTP), never as one endless chain of promises.
          await new Promise((ok) => setImmediate(ok));
        }
      })();
      const r = await writeBackup({ paths: deskPaths(live), deskId: readKeySlots(deskPaths(live).keySlots).deskId, dataKey: key, deskName: { ja: DESK.deskNameJa, en: DESK.deskNameEn } }, out);
      stop = true;
      await writer;
      key.fill(0);
      const target = dir('pd-restore-');
      const restored = await restoreBackup({ backupPath: r.path, paths: deskPaths(target), secret: password });
      const rows = (await caseRows(target)) as Array<{ id: number }>;
      expect(restored.cases).toBe(rows.length);
      for (let id = 1; id <= maxBefore; id++) expect(rows.some((row) => row.id === id)).toBe(true);
      expect(rows.length).toBeLessThanOrEqual(maxBefore + createdDuring);
      expect(createdDuring, 'cases were created while the backup ran: the desk did not stop for it').toBeGreaterThan(0);
    } finally {
      await rt.close();
    }
  });
});

describe('verifyBackup', () => {
  it('checks a good backup without changing it', async () => {
    const before = snapshot(backup.path);
    expect((await verifyBackup(backup.path)).cases).toBe(5);
    expect(snapshot(backup.path)).toEqual(before);
  });
});
