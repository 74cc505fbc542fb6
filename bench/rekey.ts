// npm run bench -- rekey [--cases N]
// Re-keying a desk of 100,000 cases (about 130 MB encrypted), as disabling an account or "re-key now"
// does it (core/rekey): the next key-slot file sealed to every slot, the audit rows and the system-key
// rotation, WAL checkpoint, journal_mode=DELETE, PRAGMA rekey (every page decrypted and re-encrypted
// under the new key, through a rollback journal), the slot file switched, WAL again.
// Baseline: a VACUUM INTO copy of the same file (every page read and written once, encrypted with the
// same cipher) — what the backup does. Ratio: re-key time / VACUUM INTO time.
import { sqliteStore } from '../db/open.ts';
import { performance } from 'node:perf_hooks';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDesk, lockDesk, unlockWithPassword } from '../electron/core/vault/vault.ts';
import { deskPaths } from '../electron/core/storage/data-dir.ts';
import { ARTICLE_11_DESK } from '../electron/contract/index.ts';
import { rekeyDesk } from '../electron/core/rekey/rekey.ts';
import { verifyAudit } from '../electron/core/audit/audit-log.ts';
import { fillPlainCases } from './support/plain-cases.ts';

const CASES = (() => {
  const i = process.argv.indexOf('--cases');
  return i > 0 ? Number(process.argv[i + 1]) : 100_000;
})();
const PASSWORD = 'bench password 2026';

const root = mkdtempSync(join(tmpdir(), 'pd-bench-rekey-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
try {
  const paths = deskPaths(join(root, 'desk'));
  mkdirSync(paths.dataDir);
  const { unlocked } = await createDesk(paths, { desk: { ...ARTICLE_11_DESK }, supervisor: { username: 'sato', displayName: '佐藤', password: PASSWORD }, locale: 'ja' }, { N: 2 ** 12, r: 8, p: 1 });
  const raw = sqliteStore(unlocked.store).raw;
  const t0 = performance.now();
  fillPlainCases(raw, CASES);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = statSync(paths.database).size;
  console.log(`  filled ${fmt(CASES)} cases in ${fmt(performance.now() - t0)} ms; database ${(dbBytes / 1e6).toFixed(1)} MB (encrypted)`);

  // Baseline: VACUUM INTO of the same file, same connection, same cipher and key.
  const copy = join(root, 'copy.db');
  const b0 = performance.now();
  raw.prepare('VACUUM INTO ?').run(copy);
  const baselineMs = performance.now() - b0;
  rmSync(copy, { force: true });
  console.log(`  baseline VACUUM INTO copy: ${fmt(baselineMs)} ms`);

  const steps: string[] = [];
  let last = performance.now();
  const r0 = performance.now();
  const result = await rekeyDesk(paths, unlocked, {
    actor: 'sato',
    reason: 'supervisor',
    now: new Date(),
    onStep: (step) => {
      const t = performance.now();
      steps.push(`${step} ${fmt(t - last)} ms`);
      last = t;
    },
  });
  const rekeyMs = performance.now() - r0;
  console.log(`  re-key: ${fmt(rekeyMs)} ms (${steps.join(', ')}); ${result.slots} slots`);
  await lockDesk(unlocked);

  // The desk opens under the new key with every case and a sound audit log.
  const again = await unlockWithPassword(paths, 'sato', PASSWORD);
  if (!again) throw new Error('the re-keyed desk does not open');
  const n = (sqliteStore(again.store).raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  const audit = await verifyAudit(again.store.db);
  await lockDesk(again);
  if (n !== CASES || !audit.ok) process.exitCode = 1;
  const ratio = rekeyMs / baselineMs;
  console.log(`  ratio re-key/VACUUM INTO: ${ratio.toFixed(2)}x`);
  console.log(JSON.stringify({ bench: 'rekey', cases: CASES, db_mb: Number((dbBytes / 1e6).toFixed(1)), rekey_ms: Math.round(rekeyMs), rekey_s: Number((rekeyMs / 1000).toFixed(2)), baseline_ms: Math.round(baselineMs), ratio: Number(ratio.toFixed(2)), reopened_cases: n, audit_ok: audit.ok }));
} finally {
  rmSync(root, { recursive: true, force: true });
}
