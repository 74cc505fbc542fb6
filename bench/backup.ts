// npm run bench -- backup [--cases N]
// A backup of a desk with 100,000 cases (about 130 MB encrypted), as the desk takes it: writeBackup with
// the VACUUM INTO copy on a worker thread, the key-slot file, the manifest with SHA-256s, fsyncs and the
// rename. Measured: the wall time, and the longest stall of the main thread's event loop meanwhile (what
// a person at the desk would feel); then a restore of it (checksums, copy, PRAGMA integrity_check on a
// worker, rename); then the same VACUUM INTO on the main thread, to show what the worker saves.
// Baseline: copying the closed database file and hashing it (copyFile + SHA-256) — the least any backup of
// those bytes costs, and not consistent while staff write. Ratio: backup time / baseline time.
import { sqliteStore } from '../db/open.ts';
import { performance } from 'node:perf_hooks';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDesk, lockDesk } from '../electron/core/vault/vault.ts';
import { deskPaths } from '../electron/core/storage/data-dir.ts';
import { ARTICLE_11_DESK } from '../electron/contract/index.ts';
import { writeBackup } from '../electron/core/backup/backup.ts';
import { restoreBackup } from '../electron/core/backup/restore.ts';
import { fillPlainCases } from './support/plain-cases.ts';

const CASES = (() => {
  const i = process.argv.indexOf('--cases');
  return i > 0 ? Number(process.argv[i + 1]) : 100_000;
})();
const PASSWORD = 'bench password 2026';

const root = mkdtempSync(join(tmpdir(), 'pd-bench-backup-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
try {
  const paths = deskPaths(join(root, 'desk'));
  mkdirSync(paths.dataDir);
  const { unlocked } = await createDesk(paths, { desk: { ...ARTICLE_11_DESK }, supervisor: { username: 'sato', displayName: '佐藤', password: PASSWORD }, locale: 'ja' }, { N: 2 ** 12, r: 8, p: 1 });
  const raw = sqliteStore(unlocked.store).raw;
  const t0 = performance.now();
  fillPlainCases(raw, CASES);
  console.log(`  filled ${fmt(CASES)} cases in ${fmt(performance.now() - t0)} ms`);
  const source = { paths, deskId: unlocked.deskId, dataKey: unlocked.dataKey, deskName: { ja: ARTICLE_11_DESK.deskNameJa, en: ARTICLE_11_DESK.deskNameEn } };
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = statSync(paths.database).size;
  console.log(`  live database: ${(dbBytes / 1e6).toFixed(1)} MB (encrypted)`);

  // Event-loop stalls while something runs: a 5 ms ticker records the longest gap.
  const stalls = async <T>(work: () => Promise<T> | T): Promise<{ ms: number; stall: number; value: T }> => {
    let last = performance.now();
    let stall = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last - 5);
      last = now;
    }, 5);
    const start = performance.now();
    const value = await work();
    const ms = performance.now() - start;
    await new Promise((ok) => setTimeout(ok, 10));
    clearInterval(tick);
    return { ms, stall: Math.max(0, stall), value };
  };

  const usb = join(root, 'usb');
  mkdirSync(usb);
  const runs: number[] = [];
  let worst = 0;
  let result!: Awaited<ReturnType<typeof writeBackup>>;
  for (let k = 0; k < 3; k++) {
    const r = await stalls(() => writeBackup(source, usb, { now: new Date(Date.UTC(2026, 10, 24, 1, k)), keep: 1 }));
    runs.push(r.ms);
    worst = Math.max(worst, r.stall);
    result = r.value;
  }
  const backupMs = Math.min(...runs);
  console.log(`  backup (worker VACUUM INTO + hash + fsync + rename): ${runs.map(fmt).join(' / ')} ms, ${(result.bytes / 1e6).toFixed(1)} MB, ${fmt(result.cases)} cases; longest main-thread stall ${fmt(worst)} ms`);

  const target = deskPaths(join(root, 'new-pc'));
  mkdirSync(target.dataDir);
  const restore = await stalls(() => restoreBackup({ backupPath: result.path, paths: target, secret: { kind: 'password', username: 'sato', password: PASSWORD } }));
  console.log(`  restore (checksums, copy, integrity_check, rename): ${fmt(restore.ms)} ms, ${fmt(restore.value.cases)} cases; longest main-thread stall ${fmt(restore.stall)} ms (the integrity check runs on a worker)`);

  const inline = await stalls(() => raw.prepare('VACUUM INTO ?').run(join(root, 'inline.db')));
  console.log(`  for scale: VACUUM INTO on the main thread: ${fmt(inline.ms)} ms, all of it a main-thread stall (${fmt(inline.stall)} ms)`);

  const baseRuns: number[] = [];
  for (let k = 0; k < 3; k++) {
    rmSync(join(root, 'plain-copy.db'), { force: true });
    const s = performance.now();
    copyFileSync(paths.database, join(root, 'plain-copy.db'));
    createHash('sha256').update(readFileSync(join(root, 'plain-copy.db'))).digest('hex');
    baseRuns.push(performance.now() - s);
  }
  const baselineMs = Math.min(...baseRuns);
  console.log(`  baseline (copyFile + SHA-256 of the closed file): ${baseRuns.map(fmt).join(' / ')} ms`);

  await lockDesk(unlocked);
  const ratio = backupMs / baselineMs;
  console.log(`  ratio backup/baseline: ${ratio.toFixed(2)}x`);
  if (restore.value.cases !== CASES || result.cases !== CASES) process.exitCode = 1;
  console.log(
    JSON.stringify({
      bench: 'backup',
      cases: CASES,
      db_mb: Number((dbBytes / 1e6).toFixed(1)),
      backup_ms: Math.round(backupMs),
      backup_max_stall_ms: Math.round(worst),
      inline_vacuum_ms: Math.round(inline.ms),
      restore_ms: Math.round(restore.ms),
      baseline_ms: Math.round(baselineMs),
      ratio: Number(ratio.toFixed(2)),
    }),
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
